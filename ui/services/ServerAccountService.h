// AccountService over ikkatsu-server's REST API (/api/v1/auth/*, /me, /certificate-setup) with the api DTOs.
#pragma once

#include "AccountService.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace ikkatsu::ui {

// Asynchronous throughout (QNetworkAccessManager on the GUI thread); keeps the session token in memory only.
// To be replaced by core/client's ApiClient once that exists, with the same AccountService interface.
class ServerAccountService : public QObject, public AccountService
{
    Q_OBJECT

public:
    explicit ServerAccountService(QObject* parent = nullptr);
    ~ServerAccountService() override;

    QFuture<Result<OtpChallenge>> login(
        const QString& serverUrl, const QString& userId, const QString& password) override;
    QFuture<Result<UserProfile>> verifyOtp(const QString& otp) override;
    QFuture<Result<OtpChallenge>> resendOtp() override;
    QFuture<Result<CertificateDetails>> setupCertificate(bool sign, const QByteArray& csrDer) override;
    QFuture<Status> changePassword(const QString& currentPassword, const QString& newPassword) override;
    QFuture<Status> logout() override;

    QString sessionToken() const { return m_token; }
    QUrl serverUrl() const { return m_server; }

private:
    using Handler = std::function<void(const Result<QJsonObject>& answer)>;
    void send(const QByteArray& method, const QString& path, const QJsonObject& body, Handler handler);

    QNetworkAccessManager* m_network;
    QUrl m_server;
    QString m_attemptId;
    QString m_token;
};

} // namespace ikkatsu::ui
