// The login rules, each with a test that fails if the rule breaks: lockout count and unlock, same answer for
// unknown users, OTP replay and wrong-try limit, resend limit, session invalidation, expiry, admin-only endpoints.
#include "LoginSteps.h"
#include "ServerHarness.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>

#include <algorithm>

using namespace ikkatsu::test;

class TestServerLogin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void lockoutAfterFiveConsecutiveWrongPasswords();
    void correctPasswordResetsTheWrongCount();
    void unknownUserGetsTheSameAnswerAndTiming();
    void otpCannotBeReplayed();
    void otpDiesAfterFiveWrongTries();
    void otpIsBoundToItsAttempt();
    void resendIsRateLimited();
    void logoutEndsTheSession();
    void passwordChangeEndsOtherSessions();
    void lockAndDisableEndSessions();
    void expiredAccountCannotLogIn();
    void adminEndpointsAreRefusedToUsers();
    void adminCanSearchEditAndResetPassword();

private:
    TestUser newUser(const QString& name);
    Reply me(const QString& token) { return m_server.get(QStringLiteral("/api/v1/me"), token); }

    TestServer m_server;
    QString m_adminToken;
    const QString m_adminEmail = QStringLiteral("admin@example.test");
};

TestUser TestServerLogin::newUser(const QString& name)
{
    return registerUser(m_server, m_adminToken, m_adminEmail, name + QStringLiteral("@example.test"));
}

void TestServerLogin::initTestCase()
{
    QVERIFY(m_server.initAdmin(QStringLiteral("admin"), QStringLiteral("admin-password-1"), m_adminEmail));
    QVERIFY(m_server.start());
    m_adminToken = fullLogin(m_server, QStringLiteral("admin"), QStringLiteral("admin-password-1"), m_adminEmail);
    QVERIFY(!m_adminToken.isEmpty());
}

void TestServerLogin::lockoutAfterFiveConsecutiveWrongPasswords()
{
    const TestUser user = newUser(QStringLiteral("lock"));
    QVERIFY(!user.password.isEmpty());
    for (int i = 0; i < 5; ++i) {
        const Reply wrong = startLogin(m_server, user.userId, QStringLiteral("wrong-password"));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.code, QStringLiteral("E1001"));
    }
    const Reply locked = startLogin(m_server, user.userId, user.password);
    QCOMPARE(locked.status, 403);
    QCOMPARE(locked.code, QStringLiteral("E1002"));
    const Reply shown = m_server.get(QStringLiteral("/api/v1/admin/users/") + user.userId, m_adminToken);
    QVERIFY(shown.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("locked")).toBool());
    QCOMPARE(shown.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("failedLogins")).toInt(), 5);

    const Reply unlocked
        = m_server.post(QStringLiteral("/api/v1/admin/users/%1/unlock").arg(user.userId), {}, m_adminToken);
    QCOMPARE(unlocked.status, 200);
    QVERIFY(!fullLogin(m_server, user.userId, user.password, user.email).isEmpty());
}

void TestServerLogin::correctPasswordResetsTheWrongCount()
{
    const TestUser user = newUser(QStringLiteral("consecutive"));
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 4; ++i)
            QCOMPARE(startLogin(m_server, user.userId, QStringLiteral("wrong-password")).code, QStringLiteral("E1001"));
        QCOMPARE(startLogin(m_server, user.userId, user.password).status, 200);
    }
}

void TestServerLogin::unknownUserGetsTheSameAnswerAndTiming()
{
    const TestUser user = newUser(QStringLiteral("timing"));
    QList<qint64> unknown;
    QList<qint64> wrong;
    QByteArray unknownBody;
    QByteArray wrongBody;
    for (int i = 0; i < 4; ++i) {
        QElapsedTimer timer;
        timer.start();
        const Reply a = startLogin(m_server, QStringLiteral("no-such-user-%1").arg(i), QStringLiteral("whatever-1"));
        unknown.append(timer.nsecsElapsed());
        timer.restart();
        const Reply b = startLogin(m_server, user.userId, QStringLiteral("whatever-1"));
        wrong.append(timer.nsecsElapsed());
        QCOMPARE(a.status, b.status);
        unknownBody = a.body;
        wrongBody = b.body;
    }
    QCOMPARE(unknownBody, wrongBody);
    std::sort(unknown.begin(), unknown.end());
    std::sort(wrong.begin(), wrong.end());
    const double ratio = double(unknown.at(1)) / double(wrong.at(1));
    // Both pay one Argon2id verification (tens of ms); a missing dummy hash would make unknown IDs ~50x faster.
    QVERIFY2(ratio > 0.5 && ratio < 2.0, qPrintable(QStringLiteral("unknown/wrong time ratio %1").arg(ratio)));
    QVERIFY(unknown.at(1) > 5'000'000); // at least 5 ms: the Argon2 work really happens
    // The failed tries above must not lock the account (4 < 5) — and the user still logs in.
    QCOMPARE(startLogin(m_server, user.userId, user.password).status, 200);
}

void TestServerLogin::otpCannotBeReplayed()
{
    const TestUser user = newUser(QStringLiteral("replay"));
    const Reply login = startLogin(m_server, user.userId, user.password);
    const QString attemptId = login.json.value(QStringLiteral("attemptId")).toString();
    const QString otp = newestOtpFor(m_server, user.email);
    QCOMPARE(sendOtp(m_server, attemptId, otp).status, 200);
    const Reply replay = sendOtp(m_server, attemptId, otp);
    QCOMPARE(replay.status, 401);
    QCOMPARE(replay.code, QStringLiteral("E1102"));
    QVERIFY(!replay.json.contains(QStringLiteral("token")));
}

void TestServerLogin::otpDiesAfterFiveWrongTries()
{
    const TestUser user = newUser(QStringLiteral("tries"));
    const Reply login = startLogin(m_server, user.userId, user.password);
    const QString attemptId = login.json.value(QStringLiteral("attemptId")).toString();
    const QString otp = newestOtpFor(m_server, user.email);
    const QString wrongOtp = otp == QStringLiteral("000000") ? QStringLiteral("000001") : QStringLiteral("000000");
    for (int i = 0; i < 4; ++i) {
        const Reply wrong = sendOtp(m_server, attemptId, wrongOtp);
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.code, QStringLiteral("E1101"));
    }
    QCOMPARE(sendOtp(m_server, attemptId, wrongOtp).code, QStringLiteral("E1103"));
    const Reply dead = sendOtp(m_server, attemptId, otp);
    QCOMPARE(dead.status, 401);
    QCOMPARE(dead.code, QStringLiteral("E1103"));
}

void TestServerLogin::otpIsBoundToItsAttempt()
{
    const TestUser user = newUser(QStringLiteral("bound"));
    const Reply first = startLogin(m_server, user.userId, user.password);
    const QString firstOtp = newestOtpFor(m_server, user.email);
    const Reply second = startLogin(m_server, user.userId, user.password);
    const QString secondOtp = newestOtpFor(m_server, user.email);
    if (firstOtp == secondOtp)
        QSKIP("both attempts drew the same six digits (one in a million)");
    QCOMPARE(sendOtp(m_server, second.json.value(QStringLiteral("attemptId")).toString(), firstOtp).code,
        QStringLiteral("E1101"));
    QCOMPARE(
        sendOtp(m_server, QStringLiteral("0123456789abcdef0123456789abcdef"), secondOtp).code, QStringLiteral("E1102"));
    QCOMPARE(sendOtp(m_server, second.json.value(QStringLiteral("attemptId")).toString(), secondOtp).status, 200);
}

void TestServerLogin::resendIsRateLimited()
{
    const TestUser user = newUser(QStringLiteral("resend"));
    const Reply login = startLogin(m_server, user.userId, user.password);
    const Reply resend = m_server.post(QStringLiteral("/api/v1/auth/otp/resend"),
        {{QStringLiteral("attemptId"), login.json.value(QStringLiteral("attemptId"))}});
    QCOMPARE(resend.status, 429);
    QCOMPARE(resend.code, QStringLiteral("E1104"));
}

void TestServerLogin::logoutEndsTheSession()
{
    const TestUser user = newUser(QStringLiteral("logout"));
    const QString token = fullLogin(m_server, user.userId, user.password, user.email);
    QCOMPARE(me(token).status, 200);
    QCOMPARE(m_server.post(QStringLiteral("/api/v1/auth/logout"), {}, token).status, 204);
    const Reply after = me(token);
    QCOMPARE(after.status, 401);
    QCOMPARE(after.code, QStringLiteral("E1202"));
}

void TestServerLogin::passwordChangeEndsOtherSessions()
{
    const TestUser user = newUser(QStringLiteral("change"));
    const QString first = fullLogin(m_server, user.userId, user.password, user.email);
    const QString second = fullLogin(m_server, user.userId, user.password, user.email);
    QVERIFY(!first.isEmpty() && !second.isEmpty() && first != second);

    Reply reply = m_server.post(QStringLiteral("/api/v1/me/password"),
        {{QStringLiteral("currentPassword"), QStringLiteral("not-the-password")},
            {QStringLiteral("newPassword"), QStringLiteral("a-new-password")}},
        first);
    QCOMPARE(reply.code, QStringLiteral("E1302"));
    reply = m_server.post(QStringLiteral("/api/v1/me/password"),
        {{QStringLiteral("currentPassword"), user.password}, {QStringLiteral("newPassword"), QStringLiteral("short")}},
        first);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.code, QStringLiteral("E1301"));
    reply = m_server.post(QStringLiteral("/api/v1/me/password"),
        {{QStringLiteral("currentPassword"), user.password},
            {QStringLiteral("newPassword"), QStringLiteral("新しいパスワード です")}},
        first);
    QCOMPARE(reply.status, 204);
    QCOMPARE(me(first).status, 200);
    QCOMPARE(me(second).code, QStringLiteral("E1202"));
    QCOMPARE(startLogin(m_server, user.userId, user.password).code, QStringLiteral("E1001"));
    QVERIFY(!fullLogin(m_server, user.userId, QStringLiteral("新しいパスワード です"), user.email).isEmpty());
}

void TestServerLogin::lockAndDisableEndSessions()
{
    const TestUser user = newUser(QStringLiteral("lockdisable"));
    QString token = fullLogin(m_server, user.userId, user.password, user.email);
    QCOMPARE(
        m_server.post(QStringLiteral("/api/v1/admin/users/%1/lock").arg(user.userId), {}, m_adminToken).status, 200);
    QCOMPARE(me(token).code, QStringLiteral("E1202"));
    QCOMPARE(
        m_server.post(QStringLiteral("/api/v1/admin/users/%1/unlock").arg(user.userId), {}, m_adminToken).status, 200);
    QCOMPARE(me(token).code, QStringLiteral("E1202")); // unlocking does not revive old sessions

    token = fullLogin(m_server, user.userId, user.password, user.email);
    QCOMPARE(
        m_server.post(QStringLiteral("/api/v1/admin/users/%1/disable").arg(user.userId), {}, m_adminToken).status, 200);
    QCOMPARE(me(token).code, QStringLiteral("E1202"));
    QCOMPARE(startLogin(m_server, user.userId, user.password).code, QStringLiteral("E1004"));
    QCOMPARE(startLogin(m_server, user.userId, QStringLiteral("wrong-password")).code, QStringLiteral("E1001"));
}

void TestServerLogin::expiredAccountCannotLogIn()
{
    const TestUser user = newUser(QStringLiteral("expired"));
    const QString token = fullLogin(m_server, user.userId, user.password, user.email);
    const Reply edited = m_server.request("PATCH", QStringLiteral("/api/v1/admin/users/") + user.userId,
        R"({"loginExpiresAt":"2020-01-01T00:00:00Z"})", m_adminToken);
    QCOMPARE(edited.status, 200);
    QCOMPARE(me(token).code, QStringLiteral("E1202"));
    const Reply refused = startLogin(m_server, user.userId, user.password);
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.code, QStringLiteral("E1003"));
}

void TestServerLogin::adminEndpointsAreRefusedToUsers()
{
    const TestUser user = newUser(QStringLiteral("plain"));
    const QString token = fullLogin(m_server, user.userId, user.password, user.email);
    QVERIFY(!token.isEmpty());
    const QList<QPair<QByteArray, QString>> endpoints = {
        {"GET", QStringLiteral("/api/v1/admin/users")},
        {"POST", QStringLiteral("/api/v1/admin/users")},
        {"GET", QStringLiteral("/api/v1/admin/users/admin")},
        {"PATCH", QStringLiteral("/api/v1/admin/users/%1").arg(user.userId)},
        {"POST", QStringLiteral("/api/v1/admin/users/%1/unlock").arg(user.userId)},
        {"POST", QStringLiteral("/api/v1/admin/users/admin/lock")},
        {"POST", QStringLiteral("/api/v1/admin/users/admin/reset-password")},
        {"POST", QStringLiteral("/api/v1/admin/users/admin/disable")},
        {"POST", QStringLiteral("/api/v1/admin/certificates/00/revoke")},
    };
    for (const auto& endpoint : endpoints) {
        const Reply reply = m_server.request(endpoint.first, endpoint.second, R"({"role":"admin"})", token);
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.code, QStringLiteral("E1401"));
    }
    // Without a token at all: 401 E1201.
    const Reply anonymous = m_server.get(QStringLiteral("/api/v1/admin/users"));
    QCOMPARE(anonymous.status, 401);
    QCOMPARE(anonymous.code, QStringLiteral("E1201"));
    // And nothing changed: the administrator can still log in, the user is still a user.
    const Reply shown = m_server.get(QStringLiteral("/api/v1/admin/users/") + user.userId, m_adminToken);
    QCOMPARE(shown.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("role")).toString(),
        QStringLiteral("user"));
    QVERIFY(!fullLogin(m_server, QStringLiteral("admin"), QStringLiteral("admin-password-1"), m_adminEmail).isEmpty());
}

void TestServerLogin::adminCanSearchEditAndResetPassword()
{
    const TestUser user = newUser(QStringLiteral("searchme"));
    Reply found = m_server.get(QStringLiteral("/api/v1/admin/users?q=searchme%40example"), m_adminToken);
    QCOMPARE(found.status, 200);
    QCOMPARE(found.json.value(QStringLiteral("total")).toInt(), 1);
    QCOMPARE(found.json.value(QStringLiteral("users"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("userId"))
                 .toString(),
        user.userId);
    // LIKE wildcards in the search are literal.
    found = m_server.get(QStringLiteral("/api/v1/admin/users?q=%25"), m_adminToken);
    QCOMPARE(found.json.value(QStringLiteral("total")).toInt(), 0);

    const Reply edited = m_server.request("PATCH", QStringLiteral("/api/v1/admin/users/") + user.userId,
        R"({"companyRoman":"Renamed Co","maySign":false})", m_adminToken);
    QCOMPARE(edited.status, 200);
    QCOMPARE(edited.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("companyRoman")).toString(),
        QStringLiteral("Renamed Co"));
    const Reply badEdit = m_server.request(
        "PATCH", QStringLiteral("/api/v1/admin/users/") + user.userId, R"({"passwordHash":"x"})", m_adminToken);
    QCOMPARE(badEdit.code, QStringLiteral("E5007"));

    const QString token = fullLogin(m_server, user.userId, user.password, user.email);
    const Reply reset
        = m_server.post(QStringLiteral("/api/v1/admin/users/%1/reset-password").arg(user.userId), {}, m_adminToken);
    QCOMPARE(reset.status, 200);
    QCOMPARE(me(token).code, QStringLiteral("E1202"));
    const QList<Mail> mails = m_server.outboxMails();
    const Mail& credentials = mails.last();
    QCOMPARE(credentials.to, m_adminEmail);
    QCOMPARE(userIdFromMail(credentials), user.userId);
    const QString newPassword = passwordFromMail(credentials);
    QVERIFY(newPassword != user.password);
    QCOMPARE(startLogin(m_server, user.userId, user.password).code, QStringLiteral("E1001"));
    QVERIFY(!fullLogin(m_server, user.userId, newPassword, user.email).isEmpty());
}

QTEST_GUILESS_MAIN(TestServerLogin)
#include "tst_server_login.moc"
