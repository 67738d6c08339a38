// Adapts ApiClient's admin callbacks to QFutures, as ServerAccountService does for the account side.
#include "ServerAdminService.h"

#include "ServerAccountService.h"
#include "client/ApiClient.h"
#include "client/Futures.h"

#include <QUrl>

#include <memory>

namespace ikkatsu::ui {

namespace {

// Starts `call` with a callback that converts the client's answer with `convert` into the future's value.
template<typename T, typename Answer, typename Call, typename Convert>
QFuture<Result<T>> callServer(client::ApiClient* client, Call call, Convert convert)
{
    if (!client || client->sessionToken().isEmpty())
        return QtFuture::makeReadyFuture(Result<T>(makeError(ErrorCode::SessionMissing)));
    auto promise = client::makePromise<Result<T>>();
    call(client, [promise, convert](Result<Answer> answer) {
        client::fulfil(promise, answer.ok() ? Result<T>(convert(answer.value())) : Result<T>(answer.error()));
    });
    return promise->future();
}

template<typename T, typename Call>
QFuture<Result<T>> callServer(client::ApiClient* client, Call call)
{
    return callServer<T, T>(client, call, [](const T& value) { return value; });
}

QString signatureBoxesPath(const QString& fileId)
{
    return api::apiPrefix() + QStringLiteral("/admin/files/") + QString::fromLatin1(QUrl::toPercentEncoding(fileId))
        + QStringLiteral("/signature-boxes");
}

UserRegistration registrationOf(const client::ApiClient::Registered& registered)
{
    return UserRegistration {registered.user, registered.mailDelivered};
}

} // namespace

ServerAdminService::ServerAdminService(ServerAccountService* accounts, QObject* parent)
    : QObject(parent)
    , m_accounts(accounts)
{ }

QFuture<Result<UserListPage>> ServerAdminService::listUsers(const QString& search, int offset, int limit)
{
    return callServer<UserListPage, client::ApiClient::UserPage>(
        m_accounts->apiClient(),
        [search, offset, limit](
            client::ApiClient* client, auto done) { client->listUsers(search, offset, limit, done); },
        [](const client::ApiClient::UserPage& page) {
            return UserListPage {page.users, page.total};
        });
}

QFuture<Result<UserDetails>> ServerAdminService::userDetails(const QString& userId)
{
    return callServer<UserDetails, client::ApiClient::UserDetails>(
        m_accounts->apiClient(), [userId](client::ApiClient* client, auto done) { client->userDetails(userId, done); },
        [](const client::ApiClient::UserDetails& details) {
            return UserDetails {details.user, details.certificates};
        });
}

QFuture<Result<UserRegistration>> ServerAdminService::registerUser(const api::NewUser& user)
{
    return callServer<UserRegistration, client::ApiClient::Registered>(
        m_accounts->apiClient(), [user](client::ApiClient* client, auto done) { client->registerUser(user, done); },
        registrationOf);
}

QFuture<Result<api::UserInfo>> ServerAdminService::editUser(const QString& userId, const QJsonObject& changes)
{
    return callServer<api::UserInfo>(m_accounts->apiClient(),
        [userId, changes](client::ApiClient* client, auto done) { client->editUser(userId, changes, done); });
}

QFuture<Result<api::UserInfo>> ServerAdminService::setLocked(const QString& userId, bool locked)
{
    return callServer<api::UserInfo>(m_accounts->apiClient(),
        [userId, locked](client::ApiClient* client, auto done) { client->setUserLocked(userId, locked, done); });
}

QFuture<Result<api::UserInfo>> ServerAdminService::setDisabled(const QString& userId, bool disabled)
{
    return callServer<api::UserInfo>(m_accounts->apiClient(),
        [userId, disabled](client::ApiClient* client, auto done) { client->setUserDisabled(userId, disabled, done); });
}

QFuture<Result<UserRegistration>> ServerAdminService::resetPassword(const QString& userId)
{
    return callServer<UserRegistration, client::ApiClient::Registered>(
        m_accounts->apiClient(),
        [userId](client::ApiClient* client, auto done) { client->resetUserPassword(userId, done); }, registrationOf);
}

QFuture<Result<api::CertificateInfo>> ServerAdminService::revokeCertificate(const QString& serialNumber)
{
    // 0 = unspecified: the screen does not ask for a CRL reason.
    return callServer<api::CertificateInfo>(m_accounts->apiClient(),
        [serialNumber](client::ApiClient* client, auto done) { client->revokeCertificate(serialNumber, 0, done); });
}

QFuture<Result<QList<api::FolderInfo>>> ServerAdminService::folders()
{
    return callServer<QList<api::FolderInfo>>(
        m_accounts->apiClient(), [](client::ApiClient* client, auto done) { client->folders(done); });
}

QFuture<Result<api::FolderInfo>> ServerAdminService::createFolder(const QString& name)
{
    return callServer<api::FolderInfo>(
        m_accounts->apiClient(), [name](client::ApiClient* client, auto done) { client->createFolder(name, done); });
}

QFuture<Result<QList<api::NewFileOutcome>>> ServerAdminService::registerFiles(
    const QString& folderId, const QList<api::NewFile>& files)
{
    return callServer<QList<api::NewFileOutcome>>(m_accounts->apiClient(),
        [folderId, files](client::ApiClient* client, auto done) { client->registerFiles(folderId, files, done); });
}

QFuture<Result<api::FileListPage>> ServerAdminService::files(const QString& folderId, int offset, int limit)
{
    return callServer<api::FileListPage>(
        m_accounts->apiClient(), [folderId, offset, limit](client::ApiClient* client, auto done) {
            client->adminFiles(folderId, offset, limit, done);
        });
}

QFuture<Result<api::FileEntry>> ServerAdminService::fileDetail(const QString& fileId)
{
    return callServer<api::FileEntry>(m_accounts->apiClient(),
        [fileId](client::ApiClient* client, auto done) { client->adminFileDetail(fileId, done); });
}

QFuture<Result<api::FileEntry>> ServerAdminService::changePermissions(
    const QString& fileId, const QStringList& viewers, const QStringList& signers, bool signOrdered)
{
    return callServer<api::FileEntry>(
        m_accounts->apiClient(), [fileId, viewers, signers, signOrdered](client::ApiClient* client, auto done) {
            client->changeFilePermissions(fileId, viewers, signers, signOrdered, done);
        });
}

QFuture<Result<QByteArray>> ServerAdminService::fileVersion(const QString& fileId, int version)
{
    return callServer<QByteArray, client::ApiClient::Download>(
        m_accounts->apiClient(),
        [fileId, version](client::ApiClient* client, auto done) { client->adminFileVersion(fileId, version, done); },
        [](const client::ApiClient::Download& download) { return download.bytes; });
}

QFuture<Result<QList<api::SignatureBox>>> ServerAdminService::signatureBoxes(const QString& fileId)
{
    // The contract's own parser checks the answer as strictly as the server checks a request.
    return callServer<QList<api::SignatureBox>, QJsonObject>(
        m_accounts->apiClient(),
        [fileId](client::ApiClient* client, auto done) { client->send("GET", signatureBoxesPath(fileId), {}, done); },
        [](const QJsonObject& json) { return api::signatureBoxesFromJson(json); });
}

QFuture<Result<QList<api::SignatureBox>>> ServerAdminService::placeSignatureBoxes(
    const QString& fileId, const QList<api::SignatureBox>& boxes)
{
    return callServer<QList<api::SignatureBox>, QJsonObject>(
        m_accounts->apiClient(),
        [fileId, body = api::signatureBoxesToJson(boxes)](
            client::ApiClient* client, auto done) { client->send("PUT", signatureBoxesPath(fileId), body, done); },
        [](const QJsonObject& json) { return api::signatureBoxesFromJson(json); });
}

QFuture<Result<api::ResultPage>> ServerAdminService::allResults(const api::ResultFilter& filter)
{
    return callServer<api::ResultPage>(
        m_accounts->apiClient(), [filter](client::ApiClient* client, auto done) { client->allResults(filter, done); });
}

QFuture<Result<QByteArray>> ServerAdminService::allResultsCsv(const api::ResultFilter& filter)
{
    return callServer<QByteArray>(m_accounts->apiClient(),
        [filter](client::ApiClient* client, auto done) { client->allResultsCsv(filter, done); });
}

QFuture<Result<api::AuditPage>> ServerAdminService::auditTrail(const api::AuditFilter& filter)
{
    return callServer<api::AuditPage>(
        m_accounts->apiClient(), [filter](client::ApiClient* client, auto done) { client->auditTrail(filter, done); });
}

QFuture<Result<QByteArray>> ServerAdminService::auditTrailCsv(const api::AuditFilter& filter)
{
    return callServer<QByteArray>(m_accounts->apiClient(),
        [filter](client::ApiClient* client, auto done) { client->auditTrailCsv(filter, done); });
}

} // namespace ikkatsu::ui
