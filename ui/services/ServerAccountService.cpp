// The REST calls of login, OTP, certificate setup and password change; every failure becomes a coded Error.
#include "ServerAccountService.h"

#include "api/Dto.h"
#include "common/SecureBuffer.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>

#include <memory>

namespace ikkatsu::ui {

namespace {

constexpr int kTimeoutMs = 30000;

Error networkError(QNetworkReply* reply)
{
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return makeError(ErrorCode::NetworkTimeout, reply->errorString());
    case QNetworkReply::SslHandshakeFailedError:
        return makeError(ErrorCode::TlsError, reply->errorString());
    default:
        return makeError(ErrorCode::ServerUnreachable, reply->errorString());
    }
}

template<typename T>
QFuture<T> promised(std::function<void(std::shared_ptr<QPromise<T>>)> start)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    start(promise);
    return future;
}

template<typename T>
void fulfil(const std::shared_ptr<QPromise<T>>& promise, T value)
{
    promise->addResult(std::move(value));
    promise->finish();
}

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

} // namespace

ServerAccountService::ServerAccountService(QObject* parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{ }

ServerAccountService::~ServerAccountService() = default;

void ServerAccountService::send(const QByteArray& method, const QString& path, const QJsonObject& body, Handler handler)
{
    QUrl url = m_server;
    url.setPath(url.path() + api::apiPrefix() + path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setTransferTimeout(kTimeoutMs);
    if (!m_token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_token.toUtf8());
    QByteArray payload
        = body.isEmpty() && method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    QNetworkReply* reply = m_network->sendCustomRequest(request, method, payload);
    wipeBytes(payload);
    connect(reply, &QNetworkReply::finished, this, [reply, handler = std::move(handler)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray bytes = reply->readAll();
        if (status == 0)
            return handler(networkError(reply));
        QJsonObject object;
        if (!bytes.isEmpty()) {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
            if (parseError.error != QJsonParseError::NoError || !document.isObject())
                return handler(makeError(ErrorCode::ProtocolMismatch, parseError.errorString()));
            object = document.object();
        }
        if (status >= 400) {
            auto error = api::ErrorBody::fromJson(object);
            if (!error.ok())
                return handler(makeError(status >= 500 ? ErrorCode::ServerError : ErrorCode::ProtocolMismatch,
                    QStringLiteral("HTTP %1").arg(status)));
            return handler(makeError(error->code, error->message));
        }
        handler(object);
    });
}

QFuture<Result<OtpChallenge>> ServerAccountService::login(
    const QString& serverUrl, const QString& userId, const QString& password)
{
    m_server = QUrl(serverUrl);
    m_token.clear();
    m_attemptId.clear();
    QJsonObject body {{QStringLiteral("userId"), userId}, {QStringLiteral("password"), password}};
    return promised<Result<OtpChallenge>>([this, body](auto promise) {
        send("POST", QStringLiteral("/auth/login"), body, [this, promise](const Result<QJsonObject>& answer) {
            if (!answer.ok())
                return fulfil(promise, Result<OtpChallenge>(answer.error()));
            auto challenge = api::LoginChallenge::fromJson(answer.value());
            if (!challenge.ok())
                return fulfil(promise, Result<OtpChallenge>(challenge.error()));
            m_attemptId = challenge->attemptId;
            fulfil(promise, Result<OtpChallenge>(challengeOf(challenge.value())));
        });
    });
}

QFuture<Result<UserProfile>> ServerAccountService::verifyOtp(const QString& otp)
{
    QJsonObject body {{QStringLiteral("attemptId"), m_attemptId}, {QStringLiteral("otp"), otp}};
    return promised<Result<UserProfile>>([this, body](auto promise) {
        send("POST", QStringLiteral("/auth/otp"), body, [this, promise](const Result<QJsonObject>& answer) {
            if (!answer.ok())
                return fulfil(promise, Result<UserProfile>(answer.error()));
            auto session = api::Session::fromJson(answer.value());
            if (!session.ok())
                return fulfil(promise, Result<UserProfile>(session.error()));
            m_token = session->token;
            m_attemptId.clear();
            fulfil(promise, Result<UserProfile>(profileOf(session.value())));
        });
    });
}

QFuture<Result<OtpChallenge>> ServerAccountService::resendOtp()
{
    QJsonObject body {{QStringLiteral("attemptId"), m_attemptId}};
    return promised<Result<OtpChallenge>>([this, body](auto promise) {
        send("POST", QStringLiteral("/auth/otp/resend"), body, [this, promise](const Result<QJsonObject>& answer) {
            if (!answer.ok())
                return fulfil(promise, Result<OtpChallenge>(answer.error()));
            auto challenge = api::LoginChallenge::fromJson(answer.value());
            if (!challenge.ok())
                return fulfil(promise, Result<OtpChallenge>(challenge.error()));
            if (!challenge->attemptId.isEmpty())
                m_attemptId = challenge->attemptId;
            fulfil(promise, Result<OtpChallenge>(challengeOf(challenge.value())));
        });
    });
}

QFuture<Result<CertificateDetails>> ServerAccountService::setupCertificate(bool sign, const QByteArray& csrDer)
{
    api::CertificateSetupRequest request;
    request.sign = sign;
    request.csrDer = csrDer;
    return promised<Result<CertificateDetails>>([this, body = request.toJson(), sign](auto promise) {
        send("POST", QStringLiteral("/certificate-setup"), body, [promise, sign](const Result<QJsonObject>& answer) {
            if (!answer.ok())
                return fulfil(promise, Result<CertificateDetails>(answer.error()));
            if (!sign)
                return fulfil(promise, Result<CertificateDetails>(CertificateDetails {}));
            auto info = api::CertificateInfo::fromJson(answer->value(QStringLiteral("certificate")).toObject());
            if (!info.ok())
                return fulfil(promise, Result<CertificateDetails>(info.error()));
            CertificateDetails issued;
            issued.serialNumber = info->serialNumber;
            issued.subject = info->subject;
            issued.notAfter = info->notAfter;
            issued.certificateDer = info->certificateDer;
            issued.caCertificateDer = info->caCertificateDer;
            fulfil(promise, Result<CertificateDetails>(issued));
        });
    });
}

QFuture<Status> ServerAccountService::changePassword(const QString& currentPassword, const QString& newPassword)
{
    QJsonObject body {
        {QStringLiteral("currentPassword"), currentPassword}, {QStringLiteral("newPassword"), newPassword}};
    return promised<Status>([this, body](auto promise) {
        send("POST", QStringLiteral("/me/password"), body, [promise](const Result<QJsonObject>& answer) {
            fulfil(promise, answer.ok() ? Status() : Status(answer.error()));
        });
    });
}

QFuture<Status> ServerAccountService::logout()
{
    if (m_token.isEmpty())
        return QtFuture::makeReadyFuture(Status());
    return promised<Status>([this](auto promise) {
        send("POST", QStringLiteral("/auth/logout"), {}, [this, promise](const Result<QJsonObject>& answer) {
            m_token.clear();
            fulfil(promise, answer.ok() ? Status() : Status(answer.error()));
        });
    });
}

} // namespace ikkatsu::ui
