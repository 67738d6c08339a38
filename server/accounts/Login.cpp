// The login state lives in the database (attempts, tries, sessions), so several server processes can share it.
#include "accounts/Login.h"

#include "accounts/Secrets.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace ikkatsu::server {

namespace {

qint64 nowSeconds()
{
    return QDateTime::currentSecsSinceEpoch();
}

qint64 nowMilliseconds()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QDateTime fromSeconds(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

// Bound to its attempt: the same six digits hash differently in another attempt.
QString otpHash(const QString& attemptId, const QString& otp)
{
    return sha256Hex(attemptId.toLatin1() + ':' + otp.toLatin1());
}

bool looksLikeAttemptId(const QString& id)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{32}$"));
    return pattern.match(id).hasMatch();
}

Status usable(const api::UserInfo& user)
{
    if (user.disabled)
        return makeError(ErrorCode::AccountDisabled);
    if (user.locked)
        return makeError(ErrorCode::AccountLocked);
    if (user.loginExpiresAt <= QDateTime::currentDateTimeUtc())
        return makeError(ErrorCode::AccountExpired);
    return {};
}

} // namespace

Status Login::sendOtp(const api::UserInfo& user, const QString& otp)
{
    return m_context.mail->send(oneTimePasswordMail(m_context.config.serviceName, user.email, user.userName, otp));
}

Result<api::LoginChallenge> Login::start(const QString& userId, const SecureBuffer& password, const QString& remote)
{
    auto found = m_accounts.find(userId);
    if (!found)
        return found.error();
    if (!found->has_value()) {
        PasswordHash::verifyDummy(password);
        m_context.audit(api::AuditEvent::LoginUnknownUser, QString(), QString(), {}, remote);
        return makeError(ErrorCode::InvalidCredentials);
    }
    const UserRecord& record = found->value();
    if (!PasswordHash::verify(record.passwordHash, password)) {
        // One statement, so concurrent wrong tries from several processes all count.
        IKK_TRY(m_context.database->exec(
            QStringLiteral("UPDATE users SET failed_logins = failed_logins + 1, "
                           "locked = CASE WHEN failed_logins + 1 >= ? THEN 1 ELSE locked END WHERE user_id = ?"),
            {m_context.config.lockoutThreshold, userId}));
        auto after = m_accounts.find(userId);
        if (after && after->has_value() && after->value().info.locked && !record.info.locked) {
            IKK_TRY(m_accounts.revokeSessions(userId));
            m_context.audit(api::AuditEvent::LockedOut, QString(), userId,
                QStringLiteral("%1 wrong passwords").arg(after->value().info.failedLogins), remote);
        }
        m_context.audit(api::AuditEvent::LoginWrongPassword, QString(), userId, {}, remote);
        return makeError(ErrorCode::InvalidCredentials);
    }
    const Status state = usable(record.info);
    if (!state) {
        m_context.audit(api::AuditEvent::LoginRefused, QString(), userId, state.error().codeText(), remote);
        return state.error();
    }
    IKK_TRY(m_context.database->exec(QStringLiteral("UPDATE users SET failed_logins = 0 WHERE user_id = ?"), {userId}));

    const QString attemptId = newRandomId();
    QString otp = newOneTimePassword();
    const qint64 now = nowSeconds();
    const qint64 expires = now + m_context.config.otpLifetimeSeconds;
    IKK_TRY(m_context.database->exec(
        QStringLiteral("INSERT INTO login_attempts (attempt_id, user_id, otp_hash, created_at, otp_expires_at, "
                       "last_sent_ms, remote) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {attemptId, userId, otpHash(attemptId, otp), now, expires, nowMilliseconds(), remote}));
    const Status sent = sendOtp(record.info, otp);
    wipeString(otp);
    if (!sent) {
        IKK_TRY(
            m_context.database->exec(QStringLiteral("DELETE FROM login_attempts WHERE attempt_id = ?"), {attemptId}));
        return sent.error();
    }
    m_context.audit(api::AuditEvent::LoginPasswordOk, userId, userId, {}, remote);
    api::LoginChallenge challenge;
    challenge.attemptId = attemptId;
    challenge.otpExpiresAt = fromSeconds(expires);
    challenge.resendAfterSeconds = m_context.config.otpResendIntervalSeconds;
    return challenge;
}

Result<api::Session> Login::verifyOtp(const QString& attemptId, const QString& otp, const QString& remote)
{
    if (!looksLikeAttemptId(attemptId))
        return makeError(ErrorCode::OtpExpired, QStringLiteral("unknown attempt"));
    Database& db = *m_context.database;
    QString userId;
    {
        WriteTransaction transaction(db);
        IKK_TRY(transaction.begin());
        auto attempt = db.exec(QStringLiteral("SELECT user_id, otp_hash, otp_expires_at, wrong_tries, used "
                                              "FROM login_attempts WHERE attempt_id = ?"),
            {attemptId});
        if (!attempt)
            return attempt.error();
        if (!attempt->next())
            return makeError(ErrorCode::OtpExpired, QStringLiteral("unknown attempt"));
        userId = attempt->value(0).toString();
        const QString storedHash = attempt->value(1).toString();
        const qint64 expires = attempt->value(2).toLongLong();
        const int wrongTries = attempt->value(3).toInt();
        const bool used = attempt->value(4).toInt() != 0;
        attempt->finish();
        if (wrongTries >= m_context.config.otpMaxTries)
            return makeError(ErrorCode::OtpTooManyAttempts);
        if (used)
            return makeError(ErrorCode::OtpExpired, QStringLiteral("already used"));
        if (nowSeconds() >= expires)
            return makeError(ErrorCode::OtpExpired);
        if (!constantTimeEquals(otpHash(attemptId, otp).toLatin1(), storedHash.toLatin1())) {
            IKK_TRY(
                db.exec(QStringLiteral("UPDATE login_attempts SET wrong_tries = wrong_tries + 1 WHERE attempt_id = ?"),
                    {attemptId}));
            IKK_TRY(transaction.commit());
            m_context.audit(api::AuditEvent::LoginWrongOtp, QString(), userId, {}, remote);
            if (wrongTries + 1 >= m_context.config.otpMaxTries)
                return makeError(ErrorCode::OtpTooManyAttempts);
            return makeError(ErrorCode::OtpInvalid);
        }
        IKK_TRY(db.exec(QStringLiteral("UPDATE login_attempts SET used = 1 WHERE attempt_id = ?"), {attemptId}));
        IKK_TRY(transaction.commit());
    }
    // Checked again: the account may have been locked or disabled while the mail was on its way.
    auto found = m_accounts.find(userId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorCode::OtpExpired, QStringLiteral("user vanished"));
    const api::UserInfo& user = found->value().info;
    IKK_TRY(usable(user));

    const QString token = newSessionToken();
    const qint64 now = nowSeconds();
    const qint64 absolute = now + m_context.config.sessionAbsoluteSeconds;
    IKK_TRY(db.exec(QStringLiteral("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, "
                                   "absolute_expires_at) VALUES (?, ?, ?, ?, ?)"),
        {sha256Hex(token.toLatin1()), userId, now, now, absolute}));
    m_context.audit(api::AuditEvent::LoginSucceeded, userId, userId, {}, remote);
    api::Session session;
    session.token = token;
    session.expiresAt = fromSeconds(absolute);
    session.idleTimeoutSeconds = m_context.config.sessionIdleSeconds;
    session.mustChangePassword = user.mustChangePassword;
    session.certificateSetupDone = certificateSetupDone(user);
    session.user = user;
    return session;
}

Result<api::LoginChallenge> Login::resendOtp(const QString& attemptId, const QString& remote)
{
    if (!looksLikeAttemptId(attemptId))
        return makeError(ErrorCode::OtpExpired, QStringLiteral("unknown attempt"));
    Database& db = *m_context.database;
    QString userId;
    QString otp = newOneTimePassword();
    const qint64 now = nowSeconds();
    const qint64 expires = now + m_context.config.otpLifetimeSeconds;
    {
        WriteTransaction transaction(db);
        IKK_TRY(transaction.begin());
        auto attempt = db.exec(QStringLiteral("SELECT user_id, wrong_tries, used, last_sent_ms, send_count "
                                              "FROM login_attempts WHERE attempt_id = ?"),
            {attemptId});
        if (!attempt)
            return attempt.error();
        if (!attempt->next())
            return makeError(ErrorCode::OtpExpired, QStringLiteral("unknown attempt"));
        userId = attempt->value(0).toString();
        const int wrongTries = attempt->value(1).toInt();
        const bool used = attempt->value(2).toInt() != 0;
        const qint64 lastSentMs = attempt->value(3).toLongLong();
        const int sendCount = attempt->value(4).toInt();
        attempt->finish();
        if (wrongTries >= m_context.config.otpMaxTries)
            return makeError(ErrorCode::OtpTooManyAttempts);
        if (used)
            return makeError(ErrorCode::OtpExpired, QStringLiteral("already used"));
        const qint64 nowMs = nowMilliseconds();
        if (nowMs - lastSentMs < qint64(m_context.config.otpResendIntervalSeconds) * 1000
            || sendCount >= m_context.config.otpMaxSends)
            return makeError(ErrorCode::OtpResendTooSoon);
        // The wrong-try count stays: resending must not reset the guessing budget.
        IKK_TRY(db.exec(QStringLiteral("UPDATE login_attempts SET otp_hash = ?, otp_expires_at = ?, last_sent_ms = ?, "
                                       "send_count = send_count + 1 WHERE attempt_id = ?"),
            {otpHash(attemptId, otp), expires, nowMs, attemptId}));
        IKK_TRY(transaction.commit());
    }
    auto found = m_accounts.find(userId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorCode::OtpExpired);
    const Status sent = sendOtp(found->value().info, otp);
    wipeString(otp);
    if (!sent)
        return sent.error();
    m_context.audit(api::AuditEvent::LoginOtpResent, userId, userId, {}, remote);
    api::LoginChallenge challenge;
    challenge.attemptId = attemptId;
    challenge.otpExpiresAt = fromSeconds(expires);
    challenge.resendAfterSeconds = m_context.config.otpResendIntervalSeconds;
    return challenge;
}

Result<Caller> Login::authenticate(const QString& bearerToken)
{
    if (bearerToken.isEmpty())
        return makeError(ErrorCode::SessionMissing);
    static const QRegularExpression tokenPattern(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    if (!tokenPattern.match(bearerToken).hasMatch())
        return makeError(ErrorCode::SessionInvalid, QStringLiteral("malformed token"));
    const QString tokenHash = sha256Hex(bearerToken.toLatin1());
    Database& db = *m_context.database;
    const qint64 now = nowSeconds();
    const qint64 idle = m_context.config.sessionIdleSeconds;
    static const QString lookup = QStringLiteral("SELECT s.last_seen_at, s.absolute_expires_at, s.revoked, ")
        + userColumns().replace(QStringLiteral(", "), QStringLiteral(", u.")).prepend(QStringLiteral("u."))
        + QStringLiteral(" FROM sessions s JOIN users u ON u.user_id = s.user_id WHERE s.token_hash = ?");
    // PostgreSQL: the last-seen touch (once a second per session) rides in the lookup's own statement, so a request
    // costs one round trip to the database for its session, whether it touches or not. The touch is made only while
    // the session is still good (not revoked, neither idle nor absolutely expired: the same rules as below), so it can
    // never revive one. The lookup reads the rows as they were before the touch (one snapshot per statement), so the
    // checks below see the old last_seen_at, as they would without it. SKIP LOCKED: of the requests that arrive in the
    // same second, one touches and the others neither touch nor wait for its commit. SQLite has no UPDATE in a WITH
    // and no round trips (it runs in the process), and an UPDATE there takes the database's one write lock even when
    // it changes nothing, so there the lookup reads and the touch follows only when due.
    const bool touchInLookup = db.dialect() == SqlDialect::Postgres;
    static const QString lookupAndTouch
        = QStringLiteral("WITH touched AS (UPDATE sessions SET last_seen_at = ? WHERE token_hash = "
                         "(SELECT token_hash FROM sessions WHERE token_hash = ? AND revoked = 0 AND last_seen_at < ? "
                         "AND last_seen_at > ? AND absolute_expires_at > ? FOR NO KEY UPDATE SKIP LOCKED)) ")
        + lookup;
    auto row = touchInLookup ? db.exec(lookupAndTouch, {now, tokenHash, now, now - idle, now, tokenHash})
                             : db.exec(lookup, {tokenHash});
    if (!row)
        return row.error();
    if (!row->next())
        return makeError(ErrorCode::SessionInvalid, QStringLiteral("unknown token"));
    const qint64 lastSeen = row->value(0).toLongLong();
    const qint64 absolute = row->value(1).toLongLong();
    const bool revoked = row->value(2).toInt() != 0;
    Caller caller;
    caller.user = readUser(*row, 3).info;
    caller.tokenHash = tokenHash;
    row->finish();
    if (revoked)
        return makeError(ErrorCode::SessionInvalid, QStringLiteral("revoked"));
    if (now >= absolute || now - lastSeen >= idle) {
        IKK_TRY(db.exec(QStringLiteral("UPDATE sessions SET revoked = 1 WHERE token_hash = ?"), {tokenHash}));
        return makeError(ErrorCode::SessionExpired);
    }
    if (!usable(caller.user)) {
        IKK_TRY(db.exec(QStringLiteral("UPDATE sessions SET revoked = 1 WHERE token_hash = ?"), {tokenHash}));
        return makeError(ErrorCode::SessionInvalid, QStringLiteral("account no longer usable"));
    }
    if (!touchInLookup && now > lastSeen) {
        IKK_TRY(
            db.exec(QStringLiteral("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at < ?"),
                {now, tokenHash, now}));
    }
    return caller;
}

Status Login::logout(const Caller& caller)
{
    IKK_TRY(m_context.database->exec(
        QStringLiteral("UPDATE sessions SET revoked = 1 WHERE token_hash = ?"), {caller.tokenHash}));
    m_context.audit(api::AuditEvent::Logout, caller.user.userId, caller.user.userId);
    return {};
}

Status Login::changePassword(
    const Caller& caller, const SecureBuffer& current, const SecureBuffer& next, const QString& remote)
{
    auto found = m_accounts.find(caller.user.userId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorCode::SessionInvalid);
    if (!PasswordHash::verify(found->value().passwordHash, current)) {
        m_context.audit(api::AuditEvent::PasswordWrongCurrent, caller.user.userId, caller.user.userId, {}, remote);
        return makeError(ErrorCode::PasswordWrongCurrent);
    }
    IKK_TRY(m_accounts.checkPasswordPolicy(next));
    auto hash = PasswordHash::hash(next);
    if (!hash)
        return hash.error();
    const qint64 now = nowSeconds();
    IKK_TRY(m_context.database->exec(
        QStringLiteral("UPDATE users SET password_hash = ?, must_change_password = 0, password_changed_at = ?, "
                       "updated_at = ? WHERE user_id = ?"),
        {*hash, now, now, caller.user.userId}));
    IKK_TRY(m_accounts.revokeSessions(caller.user.userId, caller.tokenHash));
    m_context.audit(api::AuditEvent::PasswordChanged, caller.user.userId, caller.user.userId, {}, remote);
    return {};
}

} // namespace ikkatsu::server
