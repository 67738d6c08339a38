// Adapts ApiClient's admin callbacks to QFutures, as ServerAccountService does for the account side.
#include "ServerAdminService.h"

#include "ServerAccountService.h"
#include "client/ApiClient.h"
#include "client/Futures.h"

#include <QUrl>

#include <memory>

namespace ikkatsu::ui {

namespace {

// `call`'s answer, converted with `convert` into the screens' value; SessionMissing without a signed-in client.
template<typename T, typename Answer, typename Call, typename Convert>
QFuture<Result<T>> callServer(client::ApiClient* client, Call call, Convert convert)
{
    if (!client || client->sessionToken().isEmpty())
        return QtFuture::makeReadyFuture(Result<T>(makeError(ErrorCode::SessionMissing)));
    return call(client).then([convert](const Result<Answer>& answer) {
        return answer.ok() ? Result<T>(convert(answer.value())) : Result<T>(answer.error());
    });
}

template<typename T, typename Call>
QFuture<Result<T>> callServer(client::ApiClient* client, Call call)
{
    if (!client || client->sessionToken().isEmpty())
        return QtFuture::makeReadyFuture(Result<T>(makeError(ErrorCode::SessionMissing)));
    return call(client);
}

QString signatureBoxesPath(const QString& fileId)
{
    return api::apiPrefix() + QStringLiteral("/admin/files/") + QString::fromLatin1(QUrl::toPercentEncoding(fileId))
        + QStringLiteral("/signature-boxes");
}

} // namespace

ServerAdminService::ServerAdminService(ServerAccountService* accounts, QObject* parent)
    : QObject(parent)
    , m_accounts(accounts)
{ }

QFuture<Result<UserListPage>> ServerAdminService::listUsers(const QString& search, int offset, int limit)
{
    return callServer<UserListPage>(m_accounts->apiClient(),
        [search, offset, limit](client::ApiClient* client) { return client->listUsers(search, offset, limit); });
}

QFuture<Result<UserDetails>> ServerAdminService::userDetails(const QString& userId)
{
    return callServer<UserDetails>(
        m_accounts->apiClient(), [userId](client::ApiClient* client) { return client->userDetails(userId); });
}

QFuture<Result<UserRegistration>> ServerAdminService::registerUser(const api::NewUser& user)
{
    return callServer<UserRegistration>(
        m_accounts->apiClient(), [user](client::ApiClient* client) { return client->registerUser(user); });
}

QFuture<Result<api::UserInfo>> ServerAdminService::editUser(const QString& userId, const QJsonObject& changes)
{
    return callServer<api::UserInfo>(m_accounts->apiClient(),
        [userId, changes](client::ApiClient* client) { return client->editUser(userId, changes); });
}

QFuture<Result<api::UserInfo>> ServerAdminService::setLocked(const QString& userId, bool locked)
{
    return callServer<api::UserInfo>(m_accounts->apiClient(),
        [userId, locked](client::ApiClient* client) { return client->setUserLocked(userId, locked); });
}

QFuture<Result<api::UserInfo>> ServerAdminService::setDisabled(const QString& userId, bool disabled)
{
    return callServer<api::UserInfo>(m_accounts->apiClient(),
        [userId, disabled](client::ApiClient* client) { return client->setUserDisabled(userId, disabled); });
}

QFuture<Result<UserRegistration>> ServerAdminService::resetPassword(const QString& userId)
{
    return callServer<UserRegistration>(
        m_accounts->apiClient(), [userId](client::ApiClient* client) { return client->resetUserPassword(userId); });
}

QFuture<Result<api::CertificateInfo>> ServerAdminService::revokeCertificate(const QString& serialNumber)
{
    // 0 = unspecified: the screen does not ask for a CRL reason.
    return callServer<api::CertificateInfo>(m_accounts->apiClient(),
        [serialNumber](client::ApiClient* client) { return client->revokeCertificate(serialNumber, 0); });
}

QFuture<Result<QList<api::FolderInfo>>> ServerAdminService::folders()
{
    return callServer<QList<api::FolderInfo>>(
        m_accounts->apiClient(), [](client::ApiClient* client) { return client->folders(); });
}

QFuture<Result<api::FolderInfo>> ServerAdminService::createFolder(const QString& name)
{
    return callServer<api::FolderInfo>(
        m_accounts->apiClient(), [name](client::ApiClient* client) { return client->createFolder(name); });
}

QFuture<Result<QList<api::NewFileOutcome>>> ServerAdminService::registerFiles(
    const QString& folderId, const QList<api::NewFile>& files)
{
    return callServer<QList<api::NewFileOutcome>>(m_accounts->apiClient(),
        [folderId, files](client::ApiClient* client) { return client->registerFiles(folderId, files); });
}

QFuture<Result<api::FileListPage>> ServerAdminService::files(const QString& folderId, int offset, int limit)
{
    return callServer<api::FileListPage>(m_accounts->apiClient(),
        [folderId, offset, limit](client::ApiClient* client) { return client->adminFiles(folderId, offset, limit); });
}

QFuture<Result<api::FileEntry>> ServerAdminService::fileDetail(const QString& fileId)
{
    return callServer<api::FileEntry>(
        m_accounts->apiClient(), [fileId](client::ApiClient* client) { return client->adminFileDetail(fileId); });
}

QFuture<Result<api::FileEntry>> ServerAdminService::changePermissions(
    const QString& fileId, const QStringList& viewers, const QStringList& signers, bool signOrdered)
{
    return callServer<api::FileEntry>(
        m_accounts->apiClient(), [fileId, viewers, signers, signOrdered](client::ApiClient* client) {
            return client->changeFilePermissions(fileId, viewers, signers, signOrdered);
        });
}

QFuture<Result<QByteArray>> ServerAdminService::fileVersion(const QString& fileId, int version)
{
    return callServer<QByteArray, client::ApiClient::Download>(
        m_accounts->apiClient(),
        [fileId, version](client::ApiClient* client) { return client->adminFileVersion(fileId, version); },
        [](const client::ApiClient::Download& download) { return download.bytes; });
}

QFuture<Result<QList<api::SignatureBox>>> ServerAdminService::signatureBoxes(const QString& fileId)
{
    // The contract's own parser checks the answer as strictly as the server checks a request.
    return callServer<QList<api::SignatureBox>, QJsonObject>(
        m_accounts->apiClient(),
        [fileId](client::ApiClient* client) { return client->send("GET", signatureBoxesPath(fileId), {}); },
        [](const QJsonObject& json) { return api::signatureBoxesFromJson(json); });
}

QFuture<Result<QList<api::SignatureBox>>> ServerAdminService::placeSignatureBoxes(
    const QString& fileId, const QList<api::SignatureBox>& boxes)
{
    return callServer<QList<api::SignatureBox>, QJsonObject>(
        m_accounts->apiClient(),
        [fileId, body = api::signatureBoxesToJson(boxes)](
            client::ApiClient* client) { return client->send("PUT", signatureBoxesPath(fileId), body); },
        [](const QJsonObject& json) { return api::signatureBoxesFromJson(json); });
}

QFuture<Result<api::ResultPage>> ServerAdminService::allResults(const api::ResultFilter& filter)
{
    return callServer<api::ResultPage>(
        m_accounts->apiClient(), [filter](client::ApiClient* client) { return client->allResults(filter); });
}

QFuture<Result<QByteArray>> ServerAdminService::allResultsCsv(const api::ResultFilter& filter)
{
    return callServer<QByteArray>(
        m_accounts->apiClient(), [filter](client::ApiClient* client) { return client->allResultsCsv(filter); });
}

QFuture<Result<api::AuditPage>> ServerAdminService::auditTrail(const api::AuditFilter& filter)
{
    return callServer<api::AuditPage>(
        m_accounts->apiClient(), [filter](client::ApiClient* client) { return client->auditTrail(filter); });
}

QFuture<Result<QByteArray>> ServerAdminService::auditTrailCsv(const api::AuditFilter& filter)
{
    return callServer<QByteArray>(
        m_accounts->apiClient(), [filter](client::ApiClient* client) { return client->auditTrailCsv(filter); });
}

} // namespace ikkatsu::ui
