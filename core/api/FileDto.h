// The REST contract of folders, files, signed uploads and 処理結果 (processing results): bodies, queries, JSON.
#pragma once

#include "api/ErrorCode.h"
#include "api/JsonWriter.h"
#include "api/SignatureBoxDto.h"
#include "common/Result.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QUrlQuery>

#include <optional>

namespace ikkatsu::api {

// 電子署名実施状況 of a file, from its required signers: 未署名 (none has signed; also a file without
// required signers), 署名中 (some, not all), 署名済 (all).
enum class SignatureStatus { Unsigned, Signing, Signed };
QString signatureStatusName(SignatureStatus status); // "unsigned" / "signing" / "signed"
bool parseSignatureStatus(const QString& text, SignatureStatus* status);

// The caller's permission on a file: 参照権限 (view only) or 署名権限 (a required signer, who may view too).
enum class Permission { View, Sign };
QString permissionName(Permission permission); // "view" / "sign"

// 本人処理状況: for a viewer 処理済 once they have downloaded the file at least once; for a signer 処理済 once
// their signature is in the current version. Everything else is 未処理.
enum class MyStatus { Unprocessed, Processed };
QString myStatusName(MyStatus status); // "unprocessed" / "processed"
bool parseMyStatus(const QString& text, MyStatus* status);

struct FolderInfo
{
    QString folderId;
    QString name; // フォルダ名
    QDateTime createdAt;
    QString createdBy;
    int fileCount = 0;

    QJsonObject toJson() const;
    static Result<FolderInfo> fromJson(const QJsonObject& object);
};

// One required signer of a file, in signing order (position 1 first; the order binds only when signOrdered).
struct SignerState
{
    QString userId;
    QString userName;
    int position = 0;
    bool hasSigned = false;
    QDateTime signedAt;

    QJsonObject toJson() const;
    void writeJson(JsonWriter& out) const; // the same object as toJson(), written straight into bytes
    static SignerState fromJson(const QJsonObject& object);
};

// A row of ファイル情報リスト, as the caller sees it.
struct FileEntry
{
    QString fileId;
    QString folderId;
    QString folderName; // フォルダ名
    QString name; // ファイル名
    QDateTime registeredAt; // ファイル登録日
    QString registeredBy; // registrant's user ID
    QString registeredByName;
    int version = 1; // the version tag: uploads name the version they signed
    qint64 size = 0;
    QString sha256; // lower-case hex of the current version's bytes
    int signatureCount = 0; // signatures in the current version (including any the file came with)
    SignatureStatus status = SignatureStatus::Unsigned;
    int requiredSigners = 0;
    int signedCount = 0;
    bool signOrdered = false;
    // The caller's own view; absent (defaults) in administrator answers.
    Permission myPermission = Permission::View;
    MyStatus myStatus = MyStatus::Unprocessed;
    bool myTurn = false; // a signer who has not signed and whom no earlier signer blocks
    // Only in single-file answers: the required signers and (administrators) the viewers.
    QList<SignerState> signers;
    QStringList viewers;

    QJsonObject toJson() const;
    void writeJson(JsonWriter& out) const; // the same object as toJson(), written straight into bytes
    static Result<FileEntry> fromJson(const QJsonObject& object);
};

// The My Page filters (the manual's names in the comments), sorting and paging; travels as a URL query.
struct FileListFilter
{
    enum class Target { All, View, Sign }; // 検索対象: 全処理対象 / ファイル閲覧対象 / 電子署名対象
    enum class Sort { Name, Folder, RegisteredAt, Status, MyStatus };

    std::optional<MyStatus> myStatus; // 本人処理状況; empty = both
    Target target = Target::All;
    std::optional<SignatureStatus> signatureStatus; // 電子署名実施状況; empty = 全データ
    QDate registeredFrom; // ファイル登録日 (inclusive, Japan time); invalid = open
    QDate registeredTo; // inclusive
    QString folderName; // フォルダ名: partial match
    QString fileName; // ファイル名: partial match
    Sort sort = Sort::RegisteredAt;
    bool descending = true;
    int offset = 0;
    int limit = 50; // 1..kMaxLimit

    static constexpr int kMaxLimit = 200;
    static constexpr int kMaxTextLength = 200;

    QUrlQuery toQuery() const;
    // BadRequest for unknown values, bad dates, limits out of range or over-long texts.
    static Result<FileListFilter> fromQuery(const QUrlQuery& query);
    bool operator==(const FileListFilter&) const = default;
};

struct FileListPage
{
    QList<FileEntry> files;
    int total = 0;
    int offset = 0;
    int limit = 0;

    static Result<FileListPage> fromJson(const QJsonObject& object);
};

// One file of an administrator's batch registration.
struct NewFile
{
    QString name;
    QByteArray content; // the PDF
    QStringList viewers; // 参照権限
    QStringList signers; // 署名権限 (required signers), in signing order
    bool signOrdered = false;
    // 印 boxes for some of `signers`, written into version 1 itself as empty signature fields (sent only when set).
    QList<SignatureBox> boxes;

    QJsonObject toJson() const;
};

// What became of one file of a batch: the stored file, or the code it was refused with.
struct NewFileOutcome
{
    QString name;
    std::optional<FileEntry> file;
    ErrorCode code = ErrorCode::Unexpected; // meaningful when file is empty

    static Result<NewFileOutcome> fromJson(const QJsonObject& object);
};

// A row of 処理結果 (the append-only audit trail of files).
struct ProcessingResult
{
    enum class Action { Register, View, Sign };

    QString resultId;
    QDateTime occurredAt;
    QString userId;
    QString userName;
    QString fileId;
    QString folderName;
    QString fileName;
    Action action = Action::View;
    bool succeeded = true;
    QString errorCode; // "E3009" when failed
    int version = 0; // the version viewed, or the version a signature produced (0 when none)
    QString client; // the caller's User-Agent
    QString remote; // the caller's address

    QJsonObject toJson() const;
    static Result<ProcessingResult> fromJson(const QJsonObject& object);
};
QString resultActionName(ProcessingResult::Action action); // "register" / "view" / "sign"
bool parseResultAction(const QString& text, ProcessingResult::Action* action);

struct ResultFilter
{
    QString userId; // administrators only; users always get their own
    QDate from; // inclusive, Japan time
    QDate to;
    std::optional<ProcessingResult::Action> action;
    std::optional<bool> succeeded;
    QString fileName; // partial match
    int offset = 0;
    int limit = 100; // 1..kMaxLimit

    static constexpr int kMaxLimit = 500;

    QUrlQuery toQuery() const;
    static Result<ResultFilter> fromQuery(const QUrlQuery& query);
};

struct ResultPage
{
    QList<ProcessingResult> results;
    int total = 0;
    int offset = 0;
    int limit = 0;

    static Result<ResultPage> fromJson(const QJsonObject& object);
};

// The day boundaries of date filters: Japan time, where the product's users live (UTC+9, no daylight saving).
QDateTime japanDayStart(const QDate& date);
QTimeZone japanTimeZone();
// The calendar day in Japan at `now` (default: the current time). From 15:00 UTC on it is a day ahead of UTC, so a
// client that took its local or UTC date would send a 登録日 range that ends before the files registered today.
QDate japanToday(const QDateTime& now = QDateTime::currentDateTimeUtc());

// A quoted ETag for a version ("\"3\"") and back (-1 when it is not one).
QByteArray versionTag(int version);
int parseVersionTag(const QByteArray& tag);

} // namespace ikkatsu::api
