// What My Page, the viewer, batch signing and 処理結果 need from the file store: the server or local folders.
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

// The screens speak the server's vocabulary (core/api), for local folders too: one list row, one filter (the
// manual's ■ファイル情報リスト form, sorting and paging), one page.
using FileEntry = api::FileEntry;
using FileListFilter = api::FileListFilter;
using FilePage = api::FileListPage;
using api::MyStatus;
using api::SignatureStatus;

// The manual's defaults: 未処理, 全処理対象, 全データ, the last three months up to `today` (Japan time).
FileListFilter defaultFileFilter(const QDate& today = api::japanToday());

// A required signer whose signature is in the current version.
inline bool signedByMe(const FileEntry& entry)
{
    return entry.myPermission == api::Permission::Sign && entry.myStatus == MyStatus::Processed;
}

// A downloaded copy of one file version, in a local path the caller may read and sign.
using DownloadedFile = client::BatchDownload;

// One line of 処理結果 (a local folder keeps its own in memory).
using ProcessingRecord = api::ProcessingResult;

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

QString myStatusText(MyStatus status); // 未処理 / 処理済
QString signatureStatusText(SignatureStatus status); // 未署名 / 署名中 / 署名済
QString anySignatureStatusText(); // 全データ

} // namespace ikkatsu::ui
