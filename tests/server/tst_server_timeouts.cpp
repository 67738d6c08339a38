// Time-based rules with short configured lifetimes: OTP expiry, resend interval, idle and absolute session timeouts.
#include "LoginSteps.h"
#include "ServerHarness.h"

#include <QThread>
#include <QtTest>

using namespace ikkatsu::test;

class TestServerTimeouts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void otpExpires();
    void resendSendsANewOtpAfterTheInterval();
    void idleSessionExpires();
    void activeSessionStillEndsAtTheAbsoluteTimeout();

private:
    TestServer m_server;
    TestUser m_user;
};

void TestServerTimeouts::initTestCase()
{
    QVERIFY(m_server.initAdmin(
        QStringLiteral("admin"), QStringLiteral("admin-password-1"), QStringLiteral("admin@example.test")));
    QVERIFY(m_server.start({QStringLiteral("--otp-lifetime"), QStringLiteral("4"),
        QStringLiteral("--otp-resend-interval"), QStringLiteral("2"), QStringLiteral("--session-idle"),
        QStringLiteral("3"), QStringLiteral("--session-absolute"), QStringLiteral("5")}));
    m_user = {QStringLiteral("admin"), QStringLiteral("admin-password-1"), QStringLiteral("admin@example.test")};
}

void TestServerTimeouts::otpExpires()
{
    const Reply login = startLogin(m_server, m_user.userId, m_user.password);
    QCOMPARE(login.status, 200);
    const QString otp = newestOtpFor(m_server, m_user.email);
    QThread::msleep(4300);
    const Reply late = sendOtp(m_server, login.json.value(QStringLiteral("attemptId")).toString(), otp);
    QCOMPARE(late.status, 401);
    QCOMPARE(late.code, QStringLiteral("E1102"));
}

void TestServerTimeouts::resendSendsANewOtpAfterTheInterval()
{
    const Reply login = startLogin(m_server, m_user.userId, m_user.password);
    const QString attemptId = login.json.value(QStringLiteral("attemptId")).toString();
    const QString first = newestOtpFor(m_server, m_user.email);
    const int mailsBefore = static_cast<int>(m_server.outboxMails().size());
    // Whole seconds on the server: an interval of 2 keeps "at once" inside it whatever second boundary falls
    // between the two requests (with 1 it flaked under CI load).
    QThread::msleep(2100);
    const Reply resend
        = m_server.post(QStringLiteral("/api/v1/auth/otp/resend"), {{QStringLiteral("attemptId"), attemptId}});
    QCOMPARE(resend.status, 200);
    // Immediately again: too soon. Asked before anything else (reading the outbox may take a while on a loaded
    // machine, and the interval is only a second here).
    QCOMPARE(m_server.post(QStringLiteral("/api/v1/auth/otp/resend"), {{QStringLiteral("attemptId"), attemptId}}).code,
        QStringLiteral("E1104"));
    QCOMPARE(m_server.outboxMails().size(), mailsBefore + 1);
    const QString second = newestOtpFor(m_server, m_user.email);
    if (first != second)
        QCOMPARE(sendOtp(m_server, attemptId, first).code, QStringLiteral("E1101")); // the old one was replaced
    QCOMPARE(sendOtp(m_server, attemptId, second).status, 200);
}

void TestServerTimeouts::idleSessionExpires()
{
    const QString token = fullLogin(m_server, m_user.userId, m_user.password, m_user.email);
    QVERIFY(!token.isEmpty());
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/me"), token).status, 200);
    QThread::msleep(3300);
    const Reply expired = m_server.get(QStringLiteral("/api/v1/me"), token);
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.code, QStringLiteral("E1203"));
}

void TestServerTimeouts::activeSessionStillEndsAtTheAbsoluteTimeout()
{
    const QString token = fullLogin(m_server, m_user.userId, m_user.password, m_user.email);
    QVERIFY(!token.isEmpty());
    QElapsedTimer timer;
    timer.start();
    // Stay active (well inside the idle limit) until the absolute limit passes.
    while (timer.elapsed() < 4000) {
        QCOMPARE(m_server.get(QStringLiteral("/api/v1/me"), token).status, 200);
        QThread::msleep(1000);
    }
    QThread::msleep(1500);
    const Reply expired = m_server.get(QStringLiteral("/api/v1/me"), token);
    QCOMPARE(expired.code, QStringLiteral("E1203"));
}

QTEST_GUILESS_MAIN(TestServerTimeouts)
#include "tst_server_timeouts.moc"
