// Shared steps of the login tests (outbox mode): register a user through the API, log in with the mailed OTP.
#pragma once

#include "ServerHarness.h"

#include <QJsonObject>
#include <QTest>

namespace ikkatsu::test {

struct TestUser
{
    QString userId;
    QString password;
    QString email;
};

inline QString newestOtpFor(TestServer& server, const QString& email)
{
    const QList<Mail> mails = server.outboxMails();
    for (qsizetype i = mails.size() - 1; i >= 0; --i) {
        if (mails.at(i).to == email && !otpFromMail(mails.at(i)).isEmpty())
            return otpFromMail(mails.at(i));
    }
    return {};
}

inline Reply startLogin(TestServer& server, const QString& userId, const QString& password)
{
    return server.post(QStringLiteral("/api/v1/auth/login"),
        {{QStringLiteral("userId"), userId}, {QStringLiteral("password"), password}});
}

inline Reply sendOtp(TestServer& server, const QString& attemptId, const QString& otp)
{
    return server.post(
        QStringLiteral("/api/v1/auth/otp"), {{QStringLiteral("attemptId"), attemptId}, {QStringLiteral("otp"), otp}});
}

// Password + OTP → token (empty on failure).
inline QString fullLogin(TestServer& server, const QString& userId, const QString& password, const QString& email)
{
    const Reply login = startLogin(server, userId, password);
    if (login.status != 200)
        return {};
    const Reply session
        = sendOtp(server, login.json.value(QStringLiteral("attemptId")).toString(), newestOtpFor(server, email));
    return session.json.value(QStringLiteral("token")).toString();
}

inline TestUser registerUser(
    TestServer& server, const QString& adminToken, const QString& adminEmail, const QString& email, bool maySign = true)
{
    const Reply registered = server.post(QStringLiteral("/api/v1/admin/users"),
        {{QStringLiteral("userName"), QStringLiteral("試験 利用者")},
            {QStringLiteral("company"), QStringLiteral("試験 株式会社")},
            {QStringLiteral("nameRoman"), QStringLiteral("Test User")},
            {QStringLiteral("companyRoman"), QStringLiteral("Test Company")}, {QStringLiteral("email"), email},
            {QStringLiteral("loginExpiresAt"), QStringLiteral("2035-12-31")}, {QStringLiteral("maySign"), maySign}},
        adminToken);
    TestUser user;
    if (registered.status != 201)
        return user;
    user.userId = registered.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("userId")).toString();
    user.email = email;
    const QList<Mail> mails = server.outboxMails();
    for (qsizetype i = mails.size() - 1; i >= 0; --i) {
        if (mails.at(i).to == adminEmail && userIdFromMail(mails.at(i)) == user.userId) {
            user.password = passwordFromMail(mails.at(i));
            break;
        }
    }
    return user;
}

} // namespace ikkatsu::test
