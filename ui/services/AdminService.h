// What admin mode's ユーザ管理 needs from the server: users, their mails ① and ②, locks, and certificates.
#pragma once

#include "api/AuditDto.h"
#include "api/Dto.h"
#include "api/FileDto.h"
#include "api/SignatureBoxDto.h"
#include "client/ApiClient.h"
#include "common/Result.h"

#include <QByteArray>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ikkatsu::ui {

// One page of the user list, a user with their certificates, and a registration (the server mailed ② to the
// administrator when mailDelivered): the client's own answers.
using UserListPage = client::ApiClient::UserPage;
using UserDetails = client::ApiClient::UserDetails;
using UserRegistration = client::ApiClient::Registered;

// Asynchronous like AccountService; the server checks that the caller is an administrator (E1401).
class AdminService
{
public:
    virtual ~AdminService() = default;

    virtual QFuture<Result<UserListPage>> listUsers(const QString& search, int offset, int limit) = 0;
    virtual QFuture<Result<UserDetails>> userDetails(const QString& userId) = 0;
    virtual QFuture<Result<UserRegistration>> registerUser(const api::NewUser& user) = 0;
    // `changes`: only the NewUser fields that changed.
    virtual QFuture<Result<api::UserInfo>> editUser(const QString& userId, const QJsonObject& changes) = 0;
    virtual QFuture<Result<api::UserInfo>> setLocked(const QString& userId, bool locked) = 0;
    virtual QFuture<Result<api::UserInfo>> setDisabled(const QString& userId, bool disabled) = 0;
    virtual QFuture<Result<UserRegistration>> resetPassword(const QString& userId) = 0;
    virtual QFuture<Result<api::CertificateInfo>> revokeCertificate(const QString& serialNumber) = 0;

    // フォルダ・ファイル管理
    virtual QFuture<Result<QList<api::FolderInfo>>> folders() = 0;
    virtual QFuture<Result<api::FolderInfo>> createFolder(const QString& name) = 0;
    // One outcome per file, in order; a refused file carries its code and does not stop the others.
    virtual QFuture<Result<QList<api::NewFileOutcome>>> registerFiles(
        const QString& folderId, const QList<api::NewFile>& files)
        = 0;
    virtual QFuture<Result<api::FileListPage>> files(const QString& folderId, int offset, int limit) = 0;
    // One file with its signers (in order, with their state) and viewers.
    virtual QFuture<Result<api::FileEntry>> fileDetail(const QString& fileId) = 0;
    // Replaces a registered file's viewers and signers (signing order); answers the file as it now is.
    virtual QFuture<Result<api::FileEntry>> changePermissions(
        const QString& fileId, const QStringList& viewers, const QStringList& signers, bool signOrdered)
        = 0;
    // The bytes of any stored version of a file (1 = as registered, the file's `version` = current).
    virtual QFuture<Result<QByteArray>> fileVersion(const QString& fileId, int version) = 0;
    // 署名欄の配置: the signers' boxes on the file's current version (`filled` once signed), and new boxes written by
    // the server as empty signature fields into a new version; both answer every box as the file now has it.
    virtual QFuture<Result<QList<api::SignatureBox>>> signatureBoxes(const QString& fileId) = 0;
    virtual QFuture<Result<QList<api::SignatureBox>>> placeSignatureBoxes(
        const QString& fileId, const QList<api::SignatureBox>& boxes)
        = 0;

    // 全員の処理結果 and its CSV (UTF-8 with BOM, written by the server).
    virtual QFuture<Result<api::ResultPage>> allResults(const api::ResultFilter& filter) = 0;
    virtual QFuture<Result<QByteArray>> allResultsCsv(const api::ResultFilter& filter) = 0;

    // 操作履歴: the audit trail, one page newest first, and its CSV (UTF-8 with BOM, written by the server).
    virtual QFuture<Result<api::AuditPage>> auditTrail(const api::AuditFilter& filter) = 0;
    virtual QFuture<Result<QByteArray>> auditTrailCsv(const api::AuditFilter& filter) = 0;
};

} // namespace ikkatsu::ui
