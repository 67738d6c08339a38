// User accounts as the administrator manages them: registration with the manual's two mails, edits, lock, reset.
#pragma once

#include "ServerContext.h"
#include "api/Dto.h"
#include "common/SecureBuffer.h"

#include <QJsonObject>
#include <optional>

namespace ikkatsu::server {

struct UserRecord
{
    api::UserInfo info;
    QString passwordHash;
};

struct UserPage
{
    QList<api::UserInfo> users;
    int total = 0;
};

class Accounts
{
public:
    explicit Accounts(ServerContext& context)
        : m_context(context)
    { }

    Result<std::optional<UserRecord>> find(const QString& userId) const;
    // Validates the manual's fields; DatabaseError, BadRequest otherwise.
    static Result<api::NewUser> newUserFromJson(const QJsonObject& object);

    // Generates the user ID and initial password, stores the Argon2id hash, and sends ① to the user and
    // ② to `admin`. A mail failure does not undo the registration: `mailDelivered` says so, and
    // reset-password sends ② again.
    struct Registered
    {
        api::UserInfo user;
        bool mailDelivered = false;
    };
    Result<Registered> registerUser(const api::UserInfo& admin, const api::NewUser& user, const QString& remote);
    // For `init` and `demo-seed`: a user with a chosen ID and password, no mail.
    Result<api::UserInfo> createDirect(const QString& userId, const api::NewUser& user, const SecureBuffer& password);

    Result<UserPage> list(const QString& search, int offset, int limit) const;
    // Applies the fields present in `changes` (same names and rules as registration).
    Result<api::UserInfo> edit(
        const api::UserInfo& admin, const QString& userId, const QJsonObject& changes, const QString& remote);
    // Locking or disabling ends every session of the user; unlocking clears the wrong-password count.
    Result<api::UserInfo> setLocked(
        const api::UserInfo& admin, const QString& userId, bool locked, const QString& remote);
    Result<api::UserInfo> setDisabled(
        const api::UserInfo& admin, const QString& userId, bool disabled, const QString& remote);
    // A new initial password, mailed to `admin` as ② again; ends the user's sessions.
    Result<Registered> resetPassword(const api::UserInfo& admin, const QString& userId, const QString& remote);

    Status revokeSessions(const QString& userId, const QString& exceptTokenHash = {});
    Status checkPasswordPolicy(const SecureBuffer& password) const;

private:
    Result<api::UserInfo> require(const QString& userId) const;

    ServerContext& m_context;
};

// The columns every user query selects, in the order readUser expects.
QString userColumns();
UserRecord readUser(const QSqlQuery& query, int firstColumn = 0);

} // namespace ikkatsu::server
