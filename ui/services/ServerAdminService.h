// AdminService over ikkatsu-server's admin routes, sharing the signed-in administrator's ApiClient session.
#pragma once

#include "AdminService.h"

#include <QObject>

namespace ikkatsu::client {
class ApiClient;
}

namespace ikkatsu::ui {

class ServerAccountService;

class ServerAdminService : public QObject, public AdminService
{
    Q_OBJECT

public:
    // `accounts` owns the session (its client changes at every login), so it is asked for the client per call.
    explicit ServerAdminService(ServerAccountService* accounts, QObject* parent = nullptr);

    QFuture<Result<UserListPage>> listUsers(const QString& search, int offset, int limit) override;
    QFuture<Result<UserDetails>> userDetails(const QString& userId) override;
    QFuture<Result<UserRegistration>> registerUser(const api::NewUser& user) override;
    QFuture<Result<api::UserInfo>> editUser(const QString& userId, const QJsonObject& changes) override;
    QFuture<Result<api::UserInfo>> setLocked(const QString& userId, bool locked) override;
    QFuture<Result<api::UserInfo>> setDisabled(const QString& userId, bool disabled) override;
    QFuture<Result<UserRegistration>> resetPassword(const QString& userId) override;
    QFuture<Result<api::CertificateInfo>> revokeCertificate(const QString& serialNumber) override;
    QFuture<Result<QList<api::FolderInfo>>> folders() override;
    QFuture<Result<api::FolderInfo>> createFolder(const QString& name) override;
    QFuture<Result<QList<api::NewFileOutcome>>> registerFiles(
        const QString& folderId, const QList<api::NewFile>& files) override;
    QFuture<Result<api::FileListPage>> files(const QString& folderId, int offset, int limit) override;
    QFuture<Result<api::FileEntry>> fileDetail(const QString& fileId) override;
    QFuture<Result<api::FileEntry>> changePermissions(
        const QString& fileId, const QStringList& viewers, const QStringList& signers, bool signOrdered) override;
    QFuture<Result<QByteArray>> fileVersion(const QString& fileId, int version) override;
    QFuture<Result<QList<api::SignatureBox>>> signatureBoxes(const QString& fileId) override;
    QFuture<Result<QList<api::SignatureBox>>> placeSignatureBoxes(
        const QString& fileId, const QList<api::SignatureBox>& boxes) override;
    QFuture<Result<api::ResultPage>> allResults(const api::ResultFilter& filter) override;
    QFuture<Result<QByteArray>> allResultsCsv(const api::ResultFilter& filter) override;
    QFuture<Result<api::AuditPage>> auditTrail(const api::AuditFilter& filter) override;
    QFuture<Result<QByteArray>> auditTrailCsv(const api::AuditFilter& filter) override;

private:
    ServerAccountService* m_accounts;
};

} // namespace ikkatsu::ui
