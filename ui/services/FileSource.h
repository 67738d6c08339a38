// What My Page, the viewer, batch signing and 処理結果 need from the file store; server part 2 implements it next.
#pragma once

#include "api/FileDto.h"
#include "client/BatchSource.h"
#include "common/Result.h"

#include <QDate>
#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QString>

#include <optional>

namespace ikkatsu::ui {

// 本人処理状況
enum class MyStatus { Pending, Done }; // 未処理 / 処理済
// 検索対象
enum class SearchTarget { All, View, Sign }; // 全処理対象 / ファイル閲覧対象 / 電子署名対象
// 電子署名実施状況 (and, on a file, its state)
enum class SignatureState { Any, Unsigned, InProgress, Signed }; // 全データ / 未署名 / 署名中 / 署名済

// The filters of ■ファイル情報リスト, exactly as the manual lists them.
struct FileListFilter
{
    MyStatus myStatus = MyStatus::Pending;
    SearchTarget target = SearchTarget::All;
    SignatureState signatureState = SignatureState::Any;
    QDate registeredFrom; // ファイル登録日, inclusive
    QDate registeredTo;
    QString folderName; // substring match
    QString fileName; // substring match
    // Sorting applies to the whole result, before paging (the table's header sets it).
    enum class SortKey { FileName, Folder, Registered, State, MyStatus };
    SortKey sortKey = SortKey::Registered;
    bool descending = true;
    int page = 0;
    int pageSize = 50;

    // The manual's defaults: 未処理, 全処理対象, 全データ, the last three months up to `today`.
    static FileListFilter defaults(const QDate& today = api::japanToday());
    bool operator==(const FileListFilter&) const = default;
};

struct FileEntry
{
    QString id;
    QString fileName;
    QString folderName;
    QDateTime registeredAt;
    SignatureState state = SignatureState::Unsigned; // 未署名 / 署名中 / 署名済
    MyStatus myStatus = MyStatus::Pending;
    bool mayView = true;
    bool maySign = false;
    bool signedByMe = false;
    std::optional<bool> myTurn; // the server's word on the signing order; unknown for local folders
    QString version; // what an upload must be based on
    qint64 size = 0;
};

struct FilePage
{
    QList<FileEntry> entries;
    int total = 0; // matching entries over all pages
};

// A downloaded copy of one file version, in a local path the caller may read and sign.
using DownloadedFile = client::BatchDownload;

// One line of 処理結果.
struct ProcessingRecord
{
    QDateTime at;
    QString fileName;
    QString folderName;
    QString action; // "view" / "sign" / "register"
    bool ok = true;
    QString errorCode; // "E4001" when !ok
};

// The batch's BatchSource (download for signing, upload, the signature level) plus what the screens need.
class FileSource : public client::BatchSource
{
public:
    virtual QFuture<Result<FilePage>> list(const FileListFilter& filter) = 0;
    // ファイル閲覧: a copy to show in the viewer (a server records the view in 処理結果).
    virtual QFuture<Result<DownloadedFile>> view(const QString& fileId) = 0;
    virtual QFuture<Result<QList<ProcessingRecord>>> history() = 0;
    // Records a view or signature outcome in 処理結果.
    virtual void record(const ProcessingRecord& record) = 0;
};

QString myStatusText(MyStatus status);
QString signatureStateText(SignatureState state);

} // namespace ikkatsu::ui
