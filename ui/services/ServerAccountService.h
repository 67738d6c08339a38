// AccountService over ikkatsu-server's REST API through core/client's ApiClient.
#pragma once

#include "AccountService.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace ikkatsu::client {
class ApiClient;
}

namespace ikkatsu::ui {

// Asynchronous throughout (ApiClient runs on the GUI thread's event loop); the session token stays in memory only.
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
    QFuture<Result<api::SealSettingsReply>> sealSettings() override;
    QFuture<Result<api::SealSettingsReply>> saveSealSettings(const api::SealSettings& settings) override;

    // The client of the current server (null before the first login), for the file side once it exists.
    client::ApiClient* apiClient() const { return m_client.get(); }

private:
    std::unique_ptr<client::ApiClient> m_client;
    QString m_attemptId;
};

} // namespace ikkatsu::ui
