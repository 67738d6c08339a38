// The client of ikkatsu-server's REST contract (core/api), over HttpTransport; used by the CLI and the desktop app.
#pragma once

#include "api/AuditDto.h"
#include "api/Dto.h"
#include "api/FileDto.h"
#include "api/SealDto.h"
#include "client/HttpTransport.h"
#include "common/Result.h"
#include "common/SecureBuffer.h"

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace ikkatsu::client {

// Every call is asynchronous and answers a QFuture<Result<T>>, fulfilled on the ApiClient's thread once the answer
// (or a failure) is in; continuations (.then, whenReady) run there too. If the client dies first the future ends
// without a result.
// Server refusals arrive as the server's error code (E1001, ...); transport problems as E5001/E5006/E5010,
// answers that do not fit the contract as E5011.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    explicit ApiClient(const QUrl& serverUrl, QObject* parent = nullptr);

    QUrl serverUrl() const { return m_serverUrl; }
    void setSessionToken(const QString& token) { m_token = token; }
    QString sessionToken() const { return m_token; }
    // Extra trust anchors for a server whose TLS certificate comes from a private CA.
    void setCaCertificates(const QList<QSslCertificate>& certificates)
    {
        m_caCertificates = certificates;
        m_transport.setCaCertificates(certificates);
    }
    const QList<QSslCertificate>& caCertificates() const { return m_caCertificates; }
    void setTimeoutMs(int ms) { m_transport.setTimeoutMs(ms); }
    // Sent with every request; the server records it as the client in 処理結果 (e.g. "Ikkatsu/0.1.0 (desktop)").
    void setUserAgent(const QByteArray& userAgent) { m_userAgent = userAgent; }

    template<typename T>
    using Done = std::function<void(Result<T>)>;

    QFuture<Result<api::LoginChallenge>> login(const QString& userId, const SecureBuffer& password);
    QFuture<Result<api::LoginChallenge>> resendOtp(const QString& attemptId);
    // On success the client keeps the session token for later calls.
    QFuture<Result<api::Session>> submitOtp(const QString& attemptId, const QString& otp);
    QFuture<Result<bool>> logout();

    struct Me
    {
        api::UserInfo user;
        bool certificateSetupDone = false;
        std::optional<api::CertificateInfo> certificate;
    };
    QFuture<Result<Me>> me();

    // The PAdES level the server's administrator set for batch signing, and its TSA's path (for B-T).
    struct SigningPolicy
    {
        QString signatureLevel = QStringLiteral("B-B");
        QString tsaPath;
    };
    // A server without the route (older versions) answers B-B.
    QFuture<Result<SigningPolicy>> signingPolicy();
    QFuture<Result<bool>> changePassword(const SecureBuffer& current, const SecureBuffer& next);
    // 印影 settings of the signed-in user (本人情報). Saving answers what the server stored; refusals: E4220
    // (style), E4221 (text), E3016 (page or corner).
    QFuture<Result<api::SealSettingsReply>> sealSettings();
    QFuture<Result<api::SealSettingsReply>> saveSealSettings(const api::SealSettings& settings);
    // sign = false records "電子署名を行わない" and returns no certificate.
    QFuture<Result<std::optional<api::CertificateInfo>>> certificateSetup(const api::CertificateSetupRequest& request);
    QFuture<Result<QByteArray>> caCertificate();

    // --- Files (My Page, viewing, batch signing) ---

    // ファイル情報リスト: one page of the files the caller holds view or sign permission on, filtered, sorted and
    // paged on the server (api::FileListFilter mirrors the manual's My Page form). An empty page is
    // 「該当するデータが存在しません。」.
    QFuture<Result<api::FileListPage>> listFiles(const api::FileListFilter& filter);
    // One file with its required signers in signing order. FileNotFound (E3002) also for files the caller may not see.
    QFuture<Result<api::FileEntry>> fileDetail(const QString& fileId);

    struct Download
    {
        QByteArray bytes;
        int version = 0; // the version tag: pass it to uploadSignedFile as baseVersion
        QString sha256;
    };
    // ファイル閲覧: the current version's bytes and version tag; the server records the view in 処理結果. The bytes
    // are checked against the digest the server sends (ProtocolMismatch E5011 if they differ).
    // `forSigning`: a batch fetching what it is about to sign (signers only, E3004 otherwise): not a 閲覧.
    QFuture<Result<Download>> downloadFile(const QString& fileId, bool forSigning = false);
    // Uploads the file signed from version `baseVersion` (download → sign → upload). The answer is the file after
    // the signature was accepted (new version, status 署名中/署名済). Refusals carry the rule's code:
    // VersionConflict E3009 (someone signed meanwhile: download again, sign anew), AlreadySigned E3010,
    // NotYourTurn E3011, NoSignPermission E3004, UploadNotPrefix E4206, UploadSignatureCount E4207,
    // SignatureInvalid E4201 / SignatureDigestMismatch E4202 / ByteRangeInvalid E4203,
    // UploadSignerMismatch E4208, CertificateRevoked E2206. The stored version is unchanged after any refusal.
    QFuture<Result<api::FileEntry>> uploadSignedFile(
        const QString& fileId, int baseVersion, const QByteArray& signedPdf);

    // 処理結果: the caller's own trail (filter.userId is ignored and left empty), newest first.
    QFuture<Result<api::ResultPage>> results(const api::ResultFilter& filter);
    // The same rows as CSV (UTF-8 with BOM, for Excel), oldest first, paging ignored.
    QFuture<Result<QByteArray>> resultsCsv(const api::ResultFilter& filter);

    // --- Administrators (E1401 for everyone else) ---

    QFuture<Result<QList<api::FolderInfo>>> folders();
    // DuplicateFileName E3008 when the name exists; FileNameInvalid E3005.
    QFuture<Result<api::FolderInfo>> createFolder(const QString& name);
    // Registers PDFs with their viewers and required signers; one outcome per file, in order (a refused file
    // carries its code and does not stop the others). FolderNotFound E3001 fails the whole call.
    QFuture<Result<QList<api::NewFileOutcome>>> registerFiles(
        const QString& folderId, const QList<api::NewFile>& files);
    // Every file (of one folder when folderId is not empty), newest first.
    QFuture<Result<api::FileListPage>> adminFiles(const QString& folderId, int offset, int limit);
    // One file with signers and viewers.
    QFuture<Result<api::FileEntry>> adminFileDetail(const QString& fileId);
    // The file's viewers and signers (in signing order) replaced; signers who signed stay first (E3012/E3013).
    QFuture<Result<api::FileEntry>> changeFilePermissions(
        const QString& fileId, const QStringList& viewers, const QStringList& signers, bool signOrdered);
    // The bytes of any stored version (1 = as registered); not recorded as a view. FileNotFound E3002 for an
    // unknown file or version.
    QFuture<Result<Download>> adminFileVersion(const QString& fileId, int version);
    // Everyone's 処理結果 (filter.userId narrows to one user) and its CSV.
    QFuture<Result<api::ResultPage>> allResults(const api::ResultFilter& filter);
    QFuture<Result<QByteArray>> allResultsCsv(const api::ResultFilter& filter);
    // 操作履歴 (administrators): one page, newest first, and the CSV of every matching row (the export is itself
    // recorded in the trail).
    QFuture<Result<api::AuditPage>> auditTrail(const api::AuditFilter& filter);
    QFuture<Result<QByteArray>> auditTrailCsv(const api::AuditFilter& filter);

    // The primitive under the typed calls: JSON in, JSON object out (or the error body's code); for routes that have
    // no typed call here (their DTOs decode the object).
    QFuture<Result<QJsonObject>> send(const QByteArray& method, const QString& path, const QJsonObject& body);

    struct RawReply
    {
        QByteArray body;
        QHash<QByteArray, QByteArray> headers; // lower-case names
    };

    // --- Administrators: users and their certificates (E1401 for everyone else). ---
    struct UserPage
    {
        QList<api::UserInfo> users;
        int total = 0;
    };
    // `search`: case-insensitive substring of ID, names, companies or mail, matched by the server.
    QFuture<Result<UserPage>> listUsers(const QString& search, int offset, int limit);
    struct UserDetails
    {
        api::UserInfo user;
        QList<api::CertificateInfo> certificates; // newest first
    };
    QFuture<Result<UserDetails>> userDetails(const QString& userId);
    // The server sends mail ① to the user and ② (ID and initial password) to the calling administrator;
    // `mailDelivered` false means a mail failed (the user exists all the same).
    struct Registered
    {
        api::UserInfo user;
        bool mailDelivered = false;
    };
    QFuture<Result<Registered>> registerUser(const api::NewUser& user);
    // `changes`: any subset of NewUser's JSON fields.
    QFuture<Result<api::UserInfo>> editUser(const QString& userId, const QJsonObject& changes);
    QFuture<Result<api::UserInfo>> setUserLocked(const QString& userId, bool locked);
    QFuture<Result<api::UserInfo>> setUserDisabled(const QString& userId, bool disabled);
    // Mails a new initial password to the calling administrator as ② again.
    QFuture<Result<Registered>> resetUserPassword(const QString& userId);
    // `reason`: RFC 5280 CRLReason (0, 1, 3, 4, 5 or 9).
    QFuture<Result<api::CertificateInfo>> revokeCertificate(const QString& serialNumber, int reason);

private:
    QUrl urlFor(const QString& path, const QUrlQuery& query) const;
    // The callback primitives the typed calls are built on.
    void send(const QByteArray& method, const QString& path, const QJsonObject& body, Done<QJsonObject> done);
    void sendRaw(const QByteArray& method, const QString& path, const QByteArray& body, Done<QByteArray> done);
    // Any request: extra headers in, body and headers out; errors as for sendRaw.
    void sendRequest(const QByteArray& method, const QString& path, const QUrlQuery& query, const QByteArray& body,
        const QList<QPair<QByteArray, QByteArray>>& headers, Done<RawReply> done);
    void getJson(const QString& path, const QUrlQuery& query, Done<QJsonObject> done);

    HttpTransport m_transport;
    QUrl m_serverUrl;
    QString m_token;
    QList<QSslCertificate> m_caCertificates;
    QByteArray m_userAgent = QByteArrayLiteral("Ikkatsu/" IKKATSU_VERSION);
};

// Runs the event loop until `start` reports; for command-line tools and tests, not for GUI code.
template<typename T>
Result<T> waitFor(const std::function<void(ApiClient::Done<T>)>& start);
// The same for an answer's future (SessionMissing if it ended without one: its client died).
template<typename T>
Result<T> waitFor(QFuture<Result<T>> future);

} // namespace ikkatsu::client

#include <QEventLoop>
#include <QFutureWatcher>

template<typename T>
ikkatsu::Result<T> ikkatsu::client::waitFor(const std::function<void(ApiClient::Done<T>)>& start)
{
    std::optional<Result<T>> result;
    QEventLoop loop;
    start([&](Result<T> value) {
        result.emplace(std::move(value));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

template<typename T>
ikkatsu::Result<T> ikkatsu::client::waitFor(QFuture<Result<T>> future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<Result<T>> watcher;
        QObject::connect(&watcher, &QFutureWatcher<Result<T>>::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    if (future.resultCount() == 0)
        return makeError(ErrorCode::SessionMissing, QStringLiteral("the request ended without an answer"));
    return future.result();
}
