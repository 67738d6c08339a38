// Adapts ApiClient's callbacks to the QFutures the screens wait on, and the api DTOs to the screens' types.
#include "ServerAccountService.h"

#include "client/ApiClient.h"
#include "client/Futures.h"

namespace ikkatsu::ui {

using client::fulfil;
using client::makePromise;

namespace {

UserProfile profileOf(const api::Session& session)
{
    const api::UserInfo& info = session.user;
    UserProfile user;
    user.userId = info.userId;
    user.userName = info.userName;
    user.company = info.company;
    user.nameRoman = info.nameRoman;
    user.companyRoman = info.companyRoman;
    user.email = info.email;
    user.loginExpiresAt = info.loginExpiresAt;
    user.maySign = info.maySign;
    user.administrator = info.role == api::Role::Admin;
    user.certificateSetupDone = session.certificateSetupDone;
    user.mustChangePassword = session.mustChangePassword || info.mustChangePassword;
    switch (info.signingChoice) {
    case api::SigningChoice::Undecided:
        user.signingChoice = SigningChoice::Undecided;
        break;
    case api::SigningChoice::Sign:
        user.signingChoice = SigningChoice::Sign;
        break;
    case api::SigningChoice::ViewOnly:
        user.signingChoice = SigningChoice::ViewOnly;
        break;
    }
    return user;
}

OtpChallenge challengeOf(const api::LoginChallenge& challenge)
{
    return OtpChallenge {challenge.otpExpiresAt, challenge.resendAfterSeconds};
}

Error noSession()
{
    return makeError(ErrorCode::SessionMissing);
}

} // namespace

ServerAccountService::ServerAccountService(QObject* parent)
    : QObject(parent)
{ }

ServerAccountService::~ServerAccountService() = default;

QFuture<Result<OtpChallenge>> ServerAccountService::login(
    const QString& serverUrl, const QString& userId, const QString& password)
{
    m_client = std::make_unique<client::ApiClient>(QUrl(serverUrl));
    m_attemptId.clear();
    auto promise = makePromise<Result<OtpChallenge>>();
    m_client->login(userId, SecureBuffer::fromString(password), [this, promise](Result<api::LoginChallenge> answer) {
        if (!answer.ok())
            return fulfil(promise, Result<OtpChallenge>(answer.error()));
        m_attemptId = answer->attemptId;
        fulfil(promise, Result<OtpChallenge>(challengeOf(answer.value())));
    });
    return promise->future();
}

QFuture<Result<UserProfile>> ServerAccountService::verifyOtp(const QString& otp)
{
    if (!m_client)
        return QtFuture::makeReadyFuture(Result<UserProfile>(noSession()));
    auto promise = makePromise<Result<UserProfile>>();
    m_client->submitOtp(m_attemptId, otp, [this, promise](Result<api::Session> session) {
        if (!session.ok())
            return fulfil(promise, Result<UserProfile>(session.error()));
        m_attemptId.clear();
        fulfil(promise, Result<UserProfile>(profileOf(session.value())));
    });
    return promise->future();
}

QFuture<Result<OtpChallenge>> ServerAccountService::resendOtp()
{
    if (!m_client)
        return QtFuture::makeReadyFuture(Result<OtpChallenge>(noSession()));
    auto promise = makePromise<Result<OtpChallenge>>();
    m_client->resendOtp(m_attemptId, [this, promise](Result<api::LoginChallenge> answer) {
        if (!answer.ok())
            return fulfil(promise, Result<OtpChallenge>(answer.error()));
        if (!answer->attemptId.isEmpty())
            m_attemptId = answer->attemptId;
        fulfil(promise, Result<OtpChallenge>(challengeOf(answer.value())));
    });
    return promise->future();
}

QFuture<Result<CertificateDetails>> ServerAccountService::setupCertificate(bool sign, const QByteArray& csrDer)
{
    if (!m_client)
        return QtFuture::makeReadyFuture(Result<CertificateDetails>(noSession()));
    api::CertificateSetupRequest request;
    request.sign = sign;
    request.csrDer = csrDer;
    auto promise = makePromise<Result<CertificateDetails>>();
    m_client->certificateSetup(request, [promise](Result<std::optional<api::CertificateInfo>> answer) {
        if (!answer.ok())
            return fulfil(promise, Result<CertificateDetails>(answer.error()));
        CertificateDetails details;
        if (answer->has_value()) {
            const api::CertificateInfo& info = answer->value();
            details.serialNumber = info.serialNumber;
            details.subject = info.subject;
            details.notAfter = info.notAfter;
            details.certificateDer = info.certificateDer;
            details.caCertificateDer = info.caCertificateDer;
        }
        fulfil(promise, Result<CertificateDetails>(details));
    });
    return promise->future();
}

QFuture<Status> ServerAccountService::changePassword(const QString& currentPassword, const QString& newPassword)
{
    if (!m_client)
        return QtFuture::makeReadyFuture(Status(noSession()));
    auto promise = makePromise<Status>();
    m_client->changePassword(SecureBuffer::fromString(currentPassword), SecureBuffer::fromString(newPassword),
        [promise](Result<bool> done) { fulfil(promise, done.ok() ? Status() : Status(done.error())); });
    return promise->future();
}

QFuture<Status> ServerAccountService::logout()
{
    if (!m_client || m_client->sessionToken().isEmpty())
        return QtFuture::makeReadyFuture(Status());
    auto promise = makePromise<Status>();
    m_client->logout([promise](Result<bool> done) { fulfil(promise, done.ok() ? Status() : Status(done.error())); });
    return promise->future();
}

QFuture<Result<api::SealSettingsReply>> ServerAccountService::sealSettings()
{
    using Reply = Result<api::SealSettingsReply>;
    if (!m_client)
        return QtFuture::makeReadyFuture(Reply(noSession()));
    auto promise = makePromise<Reply>();
    m_client->sealSettings([promise](Reply reply) { fulfil(promise, std::move(reply)); });
    return promise->future();
}

QFuture<Result<api::SealSettingsReply>> ServerAccountService::saveSealSettings(const api::SealSettings& settings)
{
    using Reply = Result<api::SealSettingsReply>;
    if (!m_client)
        return QtFuture::makeReadyFuture(Reply(noSession()));
    auto promise = makePromise<Reply>();
    m_client->saveSealSettings(settings, [promise](Reply reply) { fulfil(promise, std::move(reply)); });
    return promise->future();
}

} // namespace ikkatsu::ui
