// What admin mode's ユーザ管理 needs from the server: users, their mails ① and ②, locks, and certificates.
#pragma once

#include "api/Dto.h"
#include "common/Result.h"

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ikkatsu::ui {

struct UserListPage
{
    QList<api::UserInfo> users;
    int total = 0; // all matches, of which `users` is one page
};

struct UserDetails
{
    api::UserInfo user;
    QList<api::CertificateInfo> certificates; // newest first
};

// 新規ユーザ登録 and パスワード再発行: the server mailed the credentials (② to the administrator).
struct UserRegistration
{
    api::UserInfo user;
    bool mailDelivered = false;
};

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
};

} // namespace ikkatsu::ui
