// The client of ikkatsu-server's REST contract (core/api), over QNetworkAccessManager; used by the CLI and the desktop
// app.
#pragma once

#include "api/AuditDto.h"
#include "api/Dto.h"
#include "api/FileDto.h"
#include "api/SealDto.h"
#include "common/Result.h"
#include "common/SecureBuffer.h"

#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace ikkatsu::client {

// Every call is asynchronous: `done` runs on the ApiClient's thread once the answer (or a failure) is in.
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
    void setCaCertificates(const QList<QSslCertificate>& certificates) { m_caCertificates = certificates; }
    const QList<QSslCertificate>& caCertificates() const { return m_caCertificates; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Sent with every request; the server records it as the client in 処理結果 (e.g. "Ikkatsu/0.1.0 (desktop)").
    void setUserAgent(const QByteArray& userAgent) { m_userAgent = userAgent; }

    template<typename T>
    using Done = std::function<void(Result<T>)>;

    void login(const QString& userId, const SecureBuffer& password, Done<api::LoginChallenge> done);
    void resendOtp(const QString& attemptId, Done<api::LoginChallenge> done);
    // On success the client keeps the session token for later calls.
    void submitOtp(const QString& attemptId, const QString& otp, Done<api::Session> done);
    void logout(Done<bool> done);

    struct Me
    {
        api::UserInfo user;
        bool certificateSetupDone = false;
        std::optional<api::CertificateInfo> certificate;
    };
    void me(Done<Me> done);

    // The PAdES level the server's administrator set for batch signing, and its TSA's path (for B-T).
    struct SigningPolicy
    {
        QString signatureLevel = QStringLiteral("B-B");
        QString tsaPath;
    };
    // A server without the route (older versions) answers B-B.
    void signingPolicy(Done<SigningPolicy> done);
    void changePassword(const SecureBuffer& current, const SecureBuffer& next, Done<bool> done);
    // 印影 settings of the signed-in user (本人情報). Saving answers what the server stored; refusals: E4220
    // (style), E4221 (text), E3016 (page or corner).
    void sealSettings(Done<api::SealSettingsReply> done);
    void saveSealSettings(const api::SealSettings& settings, Done<api::SealSettingsReply> done);
    // sign = false records "電子署名を行わない" and returns no certificate.
    void certificateSetup(const api::CertificateSetupRequest& request, Done<std::optional<api::CertificateInfo>> done);
    void caCertificate(Done<QByteArray> done);

    // --- Files (My Page, viewing, batch signing) ---

    // ファイル情報リスト: one page of the files the caller holds view or sign permission on, filtered, sorted and
    // paged on the server (api::FileListFilter mirrors the manual's My Page form). An empty page is
    // 「該当するデータが存在しません。」.
    void listFiles(const api::FileListFilter& filter, Done<api::FileListPage> done);
    // One file with its required signers in signing order. FileNotFound (E3002) also for files the caller may not see.
    void fileDetail(const QString& fileId, Done<api::FileEntry> done);

    struct Download
    {
        QByteArray bytes;
        int version = 0; // the version tag: pass it to uploadSignedFile as baseVersion
        QString sha256;
    };
    // ファイル閲覧: the current version's bytes and version tag; the server records the view in 処理結果. The bytes
    // are checked against the digest the server sends (ProtocolMismatch E5011 if they differ).
    // `forSigning`: a batch fetching what it is about to sign (signers only, E3004 otherwise): not a 閲覧.
    void downloadFile(const QString& fileId, Done<Download> done, bool forSigning = false);
    // Uploads the file signed from version `baseVersion` (download → sign → upload). The answer is the file after
    // the signature was accepted (new version, status 署名中/署名済). Refusals carry the rule's code:
    // VersionConflict E3009 (someone signed meanwhile: download again, sign anew), AlreadySigned E3010,
    // NotYourTurn E3011, NoSignPermission E3004, UploadNotPrefix E4206, UploadSignatureCount E4207,
    // SignatureInvalid E4201 / SignatureDigestMismatch E4202 / ByteRangeInvalid E4203,
    // UploadSignerMismatch E4208, CertificateRevoked E2206. The stored version is unchanged after any refusal.
    void uploadSignedFile(
        const QString& fileId, int baseVersion, const QByteArray& signedPdf, Done<api::FileEntry> done);

    // 処理結果: the caller's own trail (filter.userId is ignored and left empty), newest first.
    void results(const api::ResultFilter& filter, Done<api::ResultPage> done);
    // The same rows as CSV (UTF-8 with BOM, for Excel), oldest first, paging ignored.
    void resultsCsv(const api::ResultFilter& filter, Done<QByteArray> done);

    // --- Administrators (E1401 for everyone else) ---

    void folders(Done<QList<api::FolderInfo>> done);
    // DuplicateFileName E3008 when the name exists; FileNameInvalid E3005.
    void createFolder(const QString& name, Done<api::FolderInfo> done);
    // Registers PDFs with their viewers and required signers; one outcome per file, in order (a refused file
    // carries its code and does not stop the others). FolderNotFound E3001 fails the whole call.
    void registerFiles(
        const QString& folderId, const QList<api::NewFile>& files, Done<QList<api::NewFileOutcome>> done);
    // Every file (of one folder when folderId is not empty), newest first.
    void adminFiles(const QString& folderId, int offset, int limit, Done<api::FileListPage> done);
    // One file with signers and viewers.
    void adminFileDetail(const QString& fileId, Done<api::FileEntry> done);
    // The file's viewers and signers (in signing order) replaced; signers who signed stay first (E3012/E3013).
    void changeFilePermissions(const QString& fileId, const QStringList& viewers, const QStringList& signers,
        bool signOrdered, Done<api::FileEntry> done);
    // The bytes of any stored version (1 = as registered); not recorded as a view. FileNotFound E3002 for an
    // unknown file or version.
    void adminFileVersion(const QString& fileId, int version, Done<Download> done);
    // Everyone's 処理結果 (filter.userId narrows to one user) and its CSV.
    void allResults(const api::ResultFilter& filter, Done<api::ResultPage> done);
    void allResultsCsv(const api::ResultFilter& filter, Done<QByteArray> done);
    // 操作履歴 (administrators): one page, newest first, and the CSV of every matching row (the export is itself
    // recorded in the trail).
    void auditTrail(const api::AuditFilter& filter, Done<api::AuditPage> done);
    void auditTrailCsv(const api::AuditFilter& filter, Done<QByteArray> done);

    // The primitive under the typed calls: JSON in, JSON object out (or the error body's code).
    void send(const QByteArray& method, const QString& path, const QJsonObject& body, Done<QJsonObject> done);
    void sendRaw(const QByteArray& method, const QString& path, const QByteArray& body, Done<QByteArray> done);

    struct RawReply
    {
        QByteArray body;
        QHash<QByteArray, QByteArray> headers; // lower-case names
    };
    // Any request: extra headers in, body and headers out; errors as for sendRaw.
    void sendRequest(const QByteArray& method, const QString& path, const QUrlQuery& query, const QByteArray& body,
        const QList<QPair<QByteArray, QByteArray>>& headers, Done<RawReply> done);

    // --- Administrators: users and their certificates (E1401 for everyone else). ---
    struct UserPage
    {
        QList<api::UserInfo> users;
        int total = 0;
    };
    // `search`: case-insensitive substring of ID, names, companies or mail, matched by the server.
    void listUsers(const QString& search, int offset, int limit, Done<UserPage> done);
    struct UserDetails
    {
        api::UserInfo user;
        QList<api::CertificateInfo> certificates; // newest first
    };
    void userDetails(const QString& userId, Done<UserDetails> done);
    // The server sends mail ① to the user and ② (ID and initial password) to the calling administrator;
    // `mailDelivered` false means a mail failed (the user exists all the same).
    struct Registered
    {
        api::UserInfo user;
        bool mailDelivered = false;
    };
    void registerUser(const api::NewUser& user, Done<Registered> done);
    // `changes`: any subset of NewUser's JSON fields.
    void editUser(const QString& userId, const QJsonObject& changes, Done<api::UserInfo> done);
    void setUserLocked(const QString& userId, bool locked, Done<api::UserInfo> done);
    void setUserDisabled(const QString& userId, bool disabled, Done<api::UserInfo> done);
    // Mails a new initial password to the calling administrator as ② again.
    void resetUserPassword(const QString& userId, Done<Registered> done);
    // `reason`: RFC 5280 CRLReason (0, 1, 3, 4, 5 or 9).
    void revokeCertificate(const QString& serialNumber, int reason, Done<api::CertificateInfo> done);

private:
    QNetworkRequest makeRequest(const QString& path, const QUrlQuery& query = {}) const;
    void getJson(const QString& path, const QUrlQuery& query, Done<QJsonObject> done);

    QNetworkAccessManager m_network;
    QUrl m_serverUrl;
    QString m_token;
    QList<QSslCertificate> m_caCertificates;
    int m_timeoutMs = 60000;
    QByteArray m_userAgent = QByteArrayLiteral("Ikkatsu/" IKKATSU_VERSION);
};

// Runs the event loop until `start` reports; for command-line tools and tests, not for GUI code.
template<typename T>
Result<T> waitFor(const std::function<void(ApiClient::Done<T>)>& start);

} // namespace ikkatsu::client

#include <QEventLoop>

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
