// What the screens need from the server's account side (login, one-time password, certificate setup, 本人情報).
#pragma once

#include "api/Dto.h"
#include "api/SealDto.h"
#include "common/Result.h"
#include "crypto/Certificate.h"

#include <QByteArray>
#include <QDateTime>
#include <QFuture>
#include <QString>

namespace ikkatsu::ui {

// 電子署名の実施要否 as recorded by the server.
using api::SigningChoice;

// The signed-in user (ユーザ情報 of the manual): the server's user record and what the session adds to it.
struct UserProfile : api::UserInfo
{
    bool certificateSetupDone = false;

    bool administrator() const { return role == api::Role::Admin; }
};

// The server's answer to user ID + password: a one-time password went out by mail.
struct OtpChallenge
{
    QDateTime expiresAt;
    int resendAfterSeconds = 0;
};

// 署名用証明書情報 of a certificate the server's CA issued for our CSR.
struct CertificateDetails
{
    QString serialNumber;
    SubjectName subject;
    QDateTime notAfter; // 有効期限終了日時
    QByteArray certificateDer;
    QByteArray caCertificateDer;
};

// Every call is asynchronous (the GUI thread never waits on the network); errors carry a code of the one table.
// Implementations: the server-backed one over core/client, and test doubles only where no server is available.
class AccountService
{
public:
    virtual ~AccountService() = default;

    virtual QFuture<Result<OtpChallenge>> login(
        const QString& serverUrl, const QString& userId, const QString& password)
        = 0;
    virtual QFuture<Result<UserProfile>> verifyOtp(const QString& otp) = 0;
    virtual QFuture<Result<OtpChallenge>> resendOtp() = 0;
    // `sign` false records "電子署名を行わない" (no CSR); true sends the DER CSR and returns the certificate.
    virtual QFuture<Result<CertificateDetails>> setupCertificate(bool sign, const QByteArray& csrDer) = 0;
    virtual QFuture<Status> changePassword(const QString& currentPassword, const QString& newPassword) = 0;
    virtual QFuture<Status> logout() = 0;
    // 印影 (本人情報): the settings the server keeps for the user, and saving them (the server validates again).
    virtual QFuture<Result<api::SealSettingsReply>> sealSettings() = 0;
    virtual QFuture<Result<api::SealSettingsReply>> saveSealSettings(const api::SealSettings& settings) = 0;
};

} // namespace ikkatsu::ui
