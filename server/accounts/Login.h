// Login with password and mailed one-time password, sessions with idle and absolute timeouts, password change.
#pragma once

#include "ServerContext.h"
#include "accounts/Accounts.h"
#include "api/Dto.h"
#include "common/SecureBuffer.h"

namespace ikkatsu::server {

// Who is calling, once the bearer token checked out.
struct Caller
{
    api::UserInfo user;
    QString tokenHash;
};

class Login
{
public:
    explicit Login(ServerContext& context)
        : m_context(context)
        , m_accounts(context)
    { }

    // Unknown users and wrong passwords get InvalidCredentials after the same Argon2 work. Lock, disable and
    // expiry are only revealed to someone who knows the password (otherwise IDs could be probed by locking them).
    Result<api::LoginChallenge> start(const QString& userId, const SecureBuffer& password, const QString& remote);
    // OtpInvalid, OtpExpired (also for unknown or used attempts: log in again), OtpTooManyAttempts.
    Result<api::Session> verifyOtp(const QString& attemptId, const QString& otp, const QString& remote);
    Result<api::LoginChallenge> resendOtp(const QString& attemptId, const QString& remote);

    // SessionMissing, SessionInvalid (unknown, forged, revoked, account no longer usable), SessionExpired.
    Result<Caller> authenticate(const QString& bearerToken);
    Status logout(const Caller& caller);
    // Ends the caller's other sessions; the current one stays.
    Status changePassword(
        const Caller& caller, const SecureBuffer& current, const SecureBuffer& next, const QString& remote);

    static bool certificateSetupDone(const api::UserInfo& user)
    {
        return user.signingChoice != api::SigningChoice::Undecided;
    }

private:
    Status sendOtp(const api::UserInfo& user, const QString& otp);

    ServerContext& m_context;
    Accounts m_accounts;
};

} // namespace ikkatsu::server
