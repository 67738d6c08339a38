// Maps HTTP answers to Result values: the server's {"code","message"} body becomes an Error with that code.
#include "client/ApiClient.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QSslConfiguration>

namespace ikkatsu::client {

namespace {

Error transportError(QNetworkReply* reply)
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

} // namespace

ApiClient::ApiClient(const QUrl& serverUrl, QObject* parent)
    : QObject(parent)
    , m_serverUrl(serverUrl)
{ }

QNetworkRequest ApiClient::makeRequest(const QString& path) const
{
    QUrl url = m_serverUrl;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    if (!m_caCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_caCertificates);
        request.setSslConfiguration(tls);
    }
    return request;
}

void ApiClient::sendRaw(const QByteArray& method, const QString& path, const QByteArray& body, Done<QByteArray> done)
{
    QNetworkReply* reply = m_network.sendCustomRequest(makeRequest(path), method, body);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray bytes = reply->readAll();
        if (status == 0) {
            done(transportError(reply));
            return;
        }
        if (status >= 200 && status < 300) {
            done(bytes);
            return;
        }
        auto errorBody = api::ErrorBody::fromJson(QJsonDocument::fromJson(bytes).object());
        if (!errorBody) {
            done(makeError(status >= 500 ? ErrorCode::ServerError : ErrorCode::ProtocolMismatch,
                QStringLiteral("HTTP %1 without an error code").arg(status)));
            return;
        }
        done(makeError(errorBody->code, errorBody->message));
    });
}

void ApiClient::send(const QByteArray& method, const QString& path, const QJsonObject& body, Done<QJsonObject> done)
{
    const QByteArray bytes = method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    sendRaw(method, path, bytes, [done = std::move(done)](Result<QByteArray> raw) {
        if (!raw) {
            done(raw.error());
            return;
        }
        if (raw->isEmpty()) {
            done(QJsonObject());
            return;
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(*raw, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            done(makeError(ErrorCode::ProtocolMismatch, QStringLiteral("answer is not a JSON object")));
            return;
        }
        done(document.object());
    });
}

void ApiClient::login(const QString& userId, const SecureBuffer& password, Done<api::LoginChallenge> done)
{
    // QJsonObject needs a QString; it lives only until the request bytes are built.
    QString secret = QString::fromUtf8(password.data(), static_cast<qsizetype>(password.size()));
    QJsonObject body {{QStringLiteral("userId"), userId}, {QStringLiteral("password"), secret}};
    wipeString(secret);
    send("POST", api::apiPrefix() + QStringLiteral("/auth/login"), body,
        [done = std::move(done)](Result<QJsonObject> json) {
            if (!json)
                done(json.error());
            else
                done(api::LoginChallenge::fromJson(*json));
        });
}

void ApiClient::resendOtp(const QString& attemptId, Done<api::LoginChallenge> done)
{
    send("POST", api::apiPrefix() + QStringLiteral("/auth/otp/resend"), {{QStringLiteral("attemptId"), attemptId}},
        [done = std::move(done)](Result<QJsonObject> json) {
            if (!json)
                done(json.error());
            else
                done(api::LoginChallenge::fromJson(*json));
        });
}

void ApiClient::submitOtp(const QString& attemptId, const QString& otp, Done<api::Session> done)
{
    send("POST", api::apiPrefix() + QStringLiteral("/auth/otp"),
        {{QStringLiteral("attemptId"), attemptId}, {QStringLiteral("otp"), otp}},
        [this, done = std::move(done)](Result<QJsonObject> json) {
            if (!json) {
                done(json.error());
                return;
            }
            auto session = api::Session::fromJson(*json);
            if (session)
                m_token = session->token;
            done(session);
        });
}

void ApiClient::logout(Done<bool> done)
{
    send("POST", api::apiPrefix() + QStringLiteral("/auth/logout"), {},
        [this, done = std::move(done)](Result<QJsonObject> json) {
            m_token.clear();
            if (!json)
                done(json.error());
            else
                done(true);
        });
}

void ApiClient::me(Done<Me> done)
{
    send("GET", api::apiPrefix() + QStringLiteral("/me"), {}, [done = std::move(done)](Result<QJsonObject> json) {
        if (!json) {
            done(json.error());
            return;
        }
        auto user = api::UserInfo::fromJson(json->value(QStringLiteral("user")).toObject());
        if (!user) {
            done(user.error());
            return;
        }
        Me me;
        me.user = *user;
        me.certificateSetupDone = json->value(QStringLiteral("certificateSetupDone")).toBool();
        if (json->value(QStringLiteral("certificate")).isObject()) {
            auto certificate = api::CertificateInfo::fromJson(json->value(QStringLiteral("certificate")).toObject());
            if (!certificate) {
                done(certificate.error());
                return;
            }
            me.certificate = *certificate;
        }
        done(me);
    });
}

void ApiClient::changePassword(const SecureBuffer& current, const SecureBuffer& next, Done<bool> done)
{
    QString currentText = QString::fromUtf8(current.data(), static_cast<qsizetype>(current.size()));
    QString nextText = QString::fromUtf8(next.data(), static_cast<qsizetype>(next.size()));
    QJsonObject body {{QStringLiteral("currentPassword"), currentText}, {QStringLiteral("newPassword"), nextText}};
    wipeString(currentText);
    wipeString(nextText);
    send("POST", api::apiPrefix() + QStringLiteral("/me/password"), body,
        [done = std::move(done)](Result<QJsonObject> json) {
            if (!json)
                done(json.error());
            else
                done(true);
        });
}

void ApiClient::certificateSetup(
    const api::CertificateSetupRequest& request, Done<std::optional<api::CertificateInfo>> done)
{
    send("POST", api::apiPrefix() + QStringLiteral("/certificate-setup"), request.toJson(),
        [done = std::move(done)](Result<QJsonObject> json) {
            if (!json) {
                done(json.error());
                return;
            }
            if (!json->value(QStringLiteral("signing")).toBool()) {
                done(std::optional<api::CertificateInfo>());
                return;
            }
            auto info = api::CertificateInfo::fromJson(json->value(QStringLiteral("certificate")).toObject());
            if (!info)
                done(info.error());
            else
                done(std::optional<api::CertificateInfo>(*info));
        });
}

void ApiClient::caCertificate(Done<QByteArray> done)
{
    sendRaw("GET", api::apiPrefix() + QStringLiteral("/ca/certificate"), {}, std::move(done));
}

} // namespace ikkatsu::client
