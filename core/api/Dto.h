// The REST contract shared by ikkatsu-server and its clients: request and response bodies and their JSON.
#pragma once

#include "common/Result.h"
#include "crypto/Certificate.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ikkatsu::api {

// Every path starts with this.
inline QString apiPrefix()
{
    return QStringLiteral("/api/v1");
}

// Every element of `object[key]` through T::fromJson; the first malformed element fails the whole list.
template<typename T>
Result<QList<T>> listFromJson(const QJsonObject& object, const QString& key)
{
    QList<T> list;
    for (const QJsonValue& value : object.value(key).toArray()) {
        auto item = T::fromJson(value.toObject());
        if (!item)
            return item.error();
        list.append(*item);
    }
    return list;
}

// Times travel as ISO 8601 UTC ("2026-03-31T14:59:59Z").
QString toJsonTime(const QDateTime& time);
QDateTime fromJsonTime(const QString& text);

enum class Role { User, Admin };
QString roleName(Role role); // "user" / "admin"
bool parseRole(const QString& text, Role* role);

// 電子署名の実施要否, recorded by the certificate setup.
enum class SigningChoice { Undecided, Sign, ViewOnly };
QString signingChoiceName(SigningChoice choice); // "" / "sign" / "view"

// 本人情報 and the admin's user list rows.
struct UserInfo
{
    QString userId;
    QString userName; // ユーザ名
    QString company; // 会社名
    QString nameRoman; // ローマ字氏名
    QString companyRoman; // ローマ字会社名
    QString email;
    QDateTime loginExpiresAt; // ログイン有効期限
    Role role = Role::User;
    bool maySign = true;
    bool locked = false;
    bool disabled = false;
    bool mustChangePassword = false;
    SigningChoice signingChoice = SigningChoice::Undecided;
    int failedLogins = 0;

    QJsonObject toJson() const;
    static Result<UserInfo> fromJson(const QJsonObject& object);
};

// Admin: 新規ユーザ登録. The server generates the user ID and the initial password.
struct NewUser
{
    QString userName;
    QString company;
    QString nameRoman;
    QString companyRoman;
    QString email;
    QDateTime loginExpiresAt;
    Role role = Role::User;
    bool maySign = true;

    QJsonObject toJson() const;
};

// POST /auth/login answer: the one-time password went out by mail.
struct LoginChallenge
{
    QString attemptId;
    QDateTime otpExpiresAt;
    int resendAfterSeconds = 0;

    QJsonObject toJson() const;
    static Result<LoginChallenge> fromJson(const QJsonObject& object);
};

// POST /auth/otp answer.
struct Session
{
    QString token;
    QDateTime expiresAt; // absolute end
    int idleTimeoutSeconds = 0;
    bool mustChangePassword = false;
    bool certificateSetupDone = false;
    UserInfo user;

    QJsonObject toJson() const;
    static Result<Session> fromJson(const QJsonObject& object);
};

// 署名用証明書情報 as the setup screen shows it.
struct CertificateInfo
{
    QString serialNumber; // 証明書シリアルナンバー (upper-case hex)
    SubjectName subject; // CN, OU (company), OU (service), O, C
    QDateTime notBefore;
    QDateTime notAfter; // 有効期限終了日時
    QByteArray certificateDer;
    QByteArray caCertificateDer;
    bool revoked = false;

    QJsonObject toJson() const;
    static Result<CertificateInfo> fromJson(const QJsonObject& object);
};

// POST /certificate-setup body.
struct CertificateSetupRequest
{
    bool sign = true; // "電子署名を行う"
    QByteArray csrDer;

    QJsonObject toJson() const;
};

// The error body every failure carries.
struct ErrorBody
{
    ErrorCode code = ErrorCode::Unexpected;
    QString message;

    static Result<ErrorBody> fromJson(const QJsonObject& object);
};

} // namespace ikkatsu::api
