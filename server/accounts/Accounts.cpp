// Account rows, the manual's registration fields and the administrator's operations on them.
#include "accounts/Accounts.h"

#include "accounts/Secrets.h"
#include "http/HttpMessage.h"

#include <QDateTime>
#include <QTimeZone>

namespace ikkatsu::server {

namespace {

constexpr int kNameMax = 64;
constexpr int kCompanyMax = 128;

bool isPrintableAscii(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

Error badField(const QString& field, const QString& why)
{
    return makeError(ErrorCode::BadRequest, QStringLiteral("field '%1' %2").arg(field, why));
}

// "2026-03-31" means the end of that day in Japan, where the service runs; a full ISO time is taken as is.
QDateTime parseExpiry(const QString& text)
{
    if (text.size() == 10) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return {};
        return QDateTime(date, QTime(23, 59, 59), QTimeZone(9 * 3600)).toUTC();
    }
    return api::fromJsonTime(text);
}

Result<QString> roman(const QJsonObject& object, const QString& key)
{
    auto value = requireString(object, key, kNameMax);
    if (!value)
        return value.error();
    if (!isPrintableAscii(*value))
        return badField(key, QStringLiteral("must be half-width alphanumerics (romanized)"));
    return value->trimmed();
}

} // namespace

QString userColumns()
{
    return QStringLiteral("user_id, user_name, company, name_roman, company_roman, email, login_expires_at, role, "
                          "may_sign, locked, disabled, must_change_password, signing_choice, failed_logins, "
                          "password_hash");
}

UserRecord readUser(const QSqlQuery& query, int c)
{
    UserRecord record;
    api::UserInfo& u = record.info;
    u.userId = query.value(c + 0).toString();
    u.userName = query.value(c + 1).toString();
    u.company = query.value(c + 2).toString();
    u.nameRoman = query.value(c + 3).toString();
    u.companyRoman = query.value(c + 4).toString();
    u.email = query.value(c + 5).toString();
    u.loginExpiresAt = QDateTime::fromSecsSinceEpoch(query.value(c + 6).toLongLong(), Qt::UTC);
    api::parseRole(query.value(c + 7).toString(), &u.role);
    u.maySign = query.value(c + 8).toInt() != 0;
    u.locked = query.value(c + 9).toInt() != 0;
    u.disabled = query.value(c + 10).toInt() != 0;
    u.mustChangePassword = query.value(c + 11).toInt() != 0;
    const QString choice = query.value(c + 12).toString();
    u.signingChoice = choice == QLatin1String("sign") ? api::SigningChoice::Sign
        : choice == QLatin1String("view")             ? api::SigningChoice::ViewOnly
                                                      : api::SigningChoice::Undecided;
    u.failedLogins = query.value(c + 13).toInt();
    record.passwordHash = query.value(c + 14).toString();
    return record;
}

Result<std::optional<UserRecord>> Accounts::find(const QString& userId) const
{
    auto query = m_context.database->exec(
        QStringLiteral("SELECT ") + userColumns() + QStringLiteral(" FROM users WHERE user_id = ?"), {userId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<UserRecord>();
    return std::optional<UserRecord>(readUser(*query));
}

Result<api::UserInfo> Accounts::require(const QString& userId) const
{
    auto found = find(userId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorCode::RouteNotFound, QStringLiteral("no such user"));
    return found->value().info;
}

Result<api::NewUser> Accounts::newUserFromJson(const QJsonObject& object)
{
    api::NewUser user;
    auto userName = requireString(object, QStringLiteral("userName"), kNameMax);
    if (!userName)
        return userName.error();
    user.userName = userName->trimmed();
    auto company = requireString(object, QStringLiteral("company"), kCompanyMax);
    if (!company)
        return company.error();
    user.company = company->trimmed();
    auto nameRoman = roman(object, QStringLiteral("nameRoman"));
    if (!nameRoman)
        return nameRoman.error();
    user.nameRoman = *nameRoman;
    auto companyRoman = roman(object, QStringLiteral("companyRoman"));
    if (!companyRoman)
        return companyRoman.error();
    user.companyRoman = *companyRoman;
    auto email = requireString(object, QStringLiteral("email"), 254);
    if (!email)
        return email.error();
    if (!isValidMailAddress(*email))
        return badField(QStringLiteral("email"), QStringLiteral("is not a mail address"));
    user.email = *email;
    auto expiry = requireString(object, QStringLiteral("loginExpiresAt"), 40);
    if (!expiry)
        return expiry.error();
    user.loginExpiresAt = parseExpiry(*expiry);
    if (!user.loginExpiresAt.isValid())
        return badField(QStringLiteral("loginExpiresAt"), QStringLiteral("is not an ISO 8601 date or time"));
    auto role = optionalString(object, QStringLiteral("role"), 10, QStringLiteral("user"));
    if (!role)
        return role.error();
    if (!api::parseRole(*role, &user.role))
        return badField(QStringLiteral("role"), QStringLiteral("must be 'user' or 'admin'"));
    auto maySign = optionalBool(object, QStringLiteral("maySign"), true);
    if (!maySign)
        return maySign.error();
    user.maySign = *maySign;
    return user;
}

Status Accounts::checkPasswordPolicy(const SecureBuffer& password) const
{
    // Characters, not bytes: "パスワード" is five characters.
    const qsizetype characters = QString::fromUtf8(password.data(), static_cast<qsizetype>(password.size())).size();
    if (characters < m_context.config.passwordMinLength || password.size() > 1024)
        return makeError(ErrorCode::PasswordPolicy);
    return {};
}

Result<api::UserInfo> Accounts::createDirect(
    const QString& userId, const api::NewUser& user, const SecureBuffer& password)
{
    IKK_TRY(checkPasswordPolicy(password));
    auto hash = PasswordHash::hash(password);
    if (!hash)
        return hash.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    IKK_TRY(m_context.database->exec(
        QStringLiteral("INSERT INTO users (user_id, user_name, company, name_roman, company_roman, email, "
                       "login_expires_at, role, may_sign, password_hash, must_change_password, created_at, created_by, "
                       "updated_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {userId, user.userName, user.company, user.nameRoman, user.companyRoman, user.email,
            user.loginExpiresAt.toSecsSinceEpoch(), api::roleName(user.role), user.maySign ? 1 : 0, *hash,
            m_context.config.requirePasswordChangeOnFirstLogin ? 1 : 0, now, QString(), now, now}));
    return require(userId);
}

Result<Accounts::Registered> Accounts::registerUser(
    const api::UserInfo& admin, const api::NewUser& user, const QString& remote)
{
    if (user.loginExpiresAt <= QDateTime::currentDateTimeUtc())
        return badField(QStringLiteral("loginExpiresAt"), QStringLiteral("must lie in the future"));
    QString password = newInitialPassword();
    SecureBuffer secret = SecureBuffer::fromString(password);
    auto hash = PasswordHash::hash(secret);
    if (!hash)
        return hash.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QString userId;
    for (int attempt = 0; attempt < 5 && userId.isEmpty(); ++attempt) {
        const QString candidate = newUserId();
        auto inserted = m_context.database->exec(
            QStringLiteral("INSERT INTO users (user_id, user_name, company, name_roman, company_roman, email, "
                           "login_expires_at, role, may_sign, password_hash, must_change_password, created_at, "
                           "created_by, updated_at, password_changed_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {candidate, user.userName, user.company, user.nameRoman, user.companyRoman, user.email,
                user.loginExpiresAt.toSecsSinceEpoch(), api::roleName(user.role), user.maySign ? 1 : 0, *hash,
                m_context.config.requirePasswordChangeOnFirstLogin ? 1 : 0, now, admin.userId, now, now});
        if (inserted)
            userId = candidate;
        // A failed insert is almost surely an ID collision (45 bits of randomness): try another ID.
    }
    if (userId.isEmpty())
        return makeError(ErrorCode::DatabaseError, QStringLiteral("could not store the new user"));
    m_context.audit(api::AuditEvent::UserRegistered, admin.userId, userId,
        QStringLiteral("role=%1 maySign=%2").arg(api::roleName(user.role)).arg(user.maySign), remote);

    const ServerConfig& config = m_context.config;
    const Status first = m_context.mail->send(registrationNoticeMail(config.serviceName, user.email, user.userName,
        admin.company, admin.userName, user.loginExpiresAt, config.loginUrl()));
    const Status second = m_context.mail->send(registrationCredentialsMail(
        config.serviceName, admin.email, admin.userName, user.userName, userId, password, user.loginExpiresAt));
    wipeString(password);
    Registered registered;
    auto info = require(userId);
    if (!info)
        return info.error();
    registered.user = *info;
    registered.mailDelivered = first.ok() && second.ok();
    if (!registered.mailDelivered)
        m_context.audit(api::AuditEvent::MailFailed, admin.userId, userId, QStringLiteral("registration mails"));
    return registered;
}

Result<UserPage> Accounts::list(const QString& search, int offset, int limit) const
{
    QString where;
    QVariantList binds;
    if (!search.isEmpty()) {
        QString pattern = search.toLower();
        pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        pattern.replace(QLatin1Char('%'), QStringLiteral("\\%"));
        pattern.replace(QLatin1Char('_'), QStringLiteral("\\_"));
        pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
        where = QStringLiteral(" WHERE LOWER(user_id) LIKE ? ESCAPE '\\' OR LOWER(user_name) LIKE ? ESCAPE '\\' "
                               "OR LOWER(company) LIKE ? ESCAPE '\\' OR LOWER(name_roman) LIKE ? ESCAPE '\\' "
                               "OR LOWER(company_roman) LIKE ? ESCAPE '\\' OR LOWER(email) LIKE ? ESCAPE '\\'");
        for (int i = 0; i < 6; ++i)
            binds.append(pattern);
    }
    UserPage page;
    {
        auto count = m_context.database->exec(QStringLiteral("SELECT COUNT(*) FROM users") + where, binds);
        if (!count)
            return count.error();
        if (count->next())
            page.total = count->value(0).toInt();
    }
    QVariantList pageBinds = binds;
    pageBinds << limit << offset;
    auto rows = m_context.database->exec(QStringLiteral("SELECT ") + userColumns() + QStringLiteral(" FROM users")
            + where + QStringLiteral(" ORDER BY user_id LIMIT ? OFFSET ?"),
        pageBinds);
    if (!rows)
        return rows.error();
    while (rows->next())
        page.users.append(readUser(*rows).info);
    return page;
}

Result<api::UserInfo> Accounts::edit(
    const api::UserInfo& admin, const QString& userId, const QJsonObject& changes, const QString& remote)
{
    auto current = require(userId);
    if (!current)
        return current.error();
    // Validate the merged record with the registration rules, so an edit cannot store what registration refuses.
    QJsonObject merged = current->toJson();
    merged.insert(QStringLiteral("loginExpiresAt"), api::toJsonTime(current->loginExpiresAt));
    static const QStringList editable = {QStringLiteral("userName"), QStringLiteral("company"),
        QStringLiteral("nameRoman"), QStringLiteral("companyRoman"), QStringLiteral("email"),
        QStringLiteral("loginExpiresAt"), QStringLiteral("role"), QStringLiteral("maySign")};
    QStringList changed;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (!editable.contains(it.key()))
            return badField(it.key(), QStringLiteral("cannot be edited"));
        merged.insert(it.key(), it.value());
        changed.append(it.key());
    }
    auto user = newUserFromJson(merged);
    if (!user)
        return user.error();
    if (userId == admin.userId && user->role != api::Role::Admin)
        return badField(QStringLiteral("role"), QStringLiteral("an administrator cannot demote themselves"));
    IKK_TRY(m_context.database->exec(
        QStringLiteral("UPDATE users SET user_name = ?, company = ?, name_roman = ?, company_roman = ?, email = ?, "
                       "login_expires_at = ?, role = ?, may_sign = ?, updated_at = ? WHERE user_id = ?"),
        {user->userName, user->company, user->nameRoman, user->companyRoman, user->email,
            user->loginExpiresAt.toSecsSinceEpoch(), api::roleName(user->role), user->maySign ? 1 : 0,
            QDateTime::currentSecsSinceEpoch(), userId}));
    m_context.audit(api::AuditEvent::UserEdited, admin.userId, userId, changed.join(QLatin1Char(',')), remote);
    return require(userId);
}

Status Accounts::revokeSessions(const QString& userId, const QString& exceptTokenHash)
{
    // Two statements rather than "<> ?" with an empty value: a NULL binding would make the comparison NULL
    // and revoke nothing.
    if (exceptTokenHash.isEmpty())
        IKK_TRY(
            m_context.database->exec(QStringLiteral("UPDATE sessions SET revoked = 1 WHERE user_id = ?"), {userId}));
    else
        IKK_TRY(m_context.database->exec(
            QStringLiteral("UPDATE sessions SET revoked = 1 WHERE user_id = ? AND token_hash <> ?"),
            {userId, exceptTokenHash}));
    return {};
}

Result<api::UserInfo> Accounts::setLocked(
    const api::UserInfo& admin, const QString& userId, bool locked, const QString& remote)
{
    IKK_TRY(require(userId));
    if (locked && userId == admin.userId)
        return badField(QStringLiteral("userId"), QStringLiteral("administrators cannot lock themselves"));
    IKK_TRY(m_context.database->exec(locked
            ? QStringLiteral("UPDATE users SET locked = 1, updated_at = ? WHERE user_id = ?")
            : QStringLiteral("UPDATE users SET locked = 0, failed_logins = 0, updated_at = ? WHERE user_id = ?"),
        {QDateTime::currentSecsSinceEpoch(), userId}));
    if (locked)
        IKK_TRY(revokeSessions(userId));
    m_context.audit(
        locked ? api::AuditEvent::UserLocked : api::AuditEvent::UserUnlocked, admin.userId, userId, {}, remote);
    return require(userId);
}

Result<api::UserInfo> Accounts::setDisabled(
    const api::UserInfo& admin, const QString& userId, bool disabled, const QString& remote)
{
    IKK_TRY(require(userId));
    if (disabled && userId == admin.userId)
        return badField(QStringLiteral("userId"), QStringLiteral("administrators cannot disable themselves"));
    IKK_TRY(m_context.database->exec(QStringLiteral("UPDATE users SET disabled = ?, updated_at = ? WHERE user_id = ?"),
        {disabled ? 1 : 0, QDateTime::currentSecsSinceEpoch(), userId}));
    if (disabled)
        IKK_TRY(revokeSessions(userId));
    m_context.audit(
        disabled ? api::AuditEvent::UserDisabled : api::AuditEvent::UserEnabled, admin.userId, userId, {}, remote);
    return require(userId);
}

Result<Accounts::Registered> Accounts::resetPassword(
    const api::UserInfo& admin, const QString& userId, const QString& remote)
{
    auto user = require(userId);
    if (!user)
        return user.error();
    QString password = newInitialPassword();
    SecureBuffer secret = SecureBuffer::fromString(password);
    auto hash = PasswordHash::hash(secret);
    if (!hash)
        return hash.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    IKK_TRY(m_context.database->exec(
        QStringLiteral("UPDATE users SET password_hash = ?, must_change_password = ?, failed_logins = 0, "
                       "password_changed_at = ?, updated_at = ? WHERE user_id = ?"),
        {*hash, m_context.config.requirePasswordChangeOnFirstLogin ? 1 : 0, now, now, userId}));
    IKK_TRY(revokeSessions(userId));
    m_context.audit(api::AuditEvent::UserPasswordReset, admin.userId, userId, {}, remote);
    const Status sent = m_context.mail->send(registrationCredentialsMail(m_context.config.serviceName, admin.email,
        admin.userName, user->userName, userId, password, user->loginExpiresAt));
    wipeString(password);
    Registered result;
    result.user = *user;
    result.mailDelivered = sent.ok();
    return result;
}

} // namespace ikkatsu::server
