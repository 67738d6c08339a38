// Hostile and broken input: each gets a 4xx with a code from the table, and the server keeps serving.
#include "LoginSteps.h"
#include "ServerHarness.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

using namespace ikkatsu::test;

class TestServerInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void malformedBodies_data();
    void malformedBodies();
    void oversizedRequestGets413();
    void unknownRoutesAndMethods();
    void missingAndForgedTokens();
    void sqlLookingTextIsJustText();
    void registrationRejectsBadFields_data();
    void registrationRejectsBadFields();
    void overloadGets503();

private:
    TestServer m_server;
    QString m_adminToken;
};

void TestServerInput::initTestCase()
{
    QVERIFY(m_server.initAdmin(
        QStringLiteral("admin"), QStringLiteral("admin-password-1"), QStringLiteral("admin@example.test")));
    QVERIFY(m_server.start());
    m_adminToken = fullLogin(
        m_server, QStringLiteral("admin"), QStringLiteral("admin-password-1"), QStringLiteral("admin@example.test"));
    QVERIFY(!m_adminToken.isEmpty());
}

void TestServerInput::init()
{
    QVERIFY(m_server.isRunning());
}

void TestServerInput::cleanup()
{
    // Whatever the test sent, the server is still there and answering.
    QVERIFY2(m_server.isRunning(), m_server.log().constData());
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/health")).status, 200);
}

void TestServerInput::malformedBodies_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const QString login = QStringLiteral("/api/v1/auth/login");
    const QString otp = QStringLiteral("/api/v1/auth/otp");
    QTest::newRow("truncated JSON") << login << QByteArray(R"({"userId":)") << 400 << QStringLiteral("E5007");
    QTest::newRow("empty body") << login << QByteArray() << 400 << QStringLiteral("E5007");
    QTest::newRow("array instead of object")
        << login << QByteArray(R"(["admin","x"])") << 400 << QStringLiteral("E5007");
    QTest::newRow("number user id") << login << QByteArray(R"({"userId":123,"password":"x"})") << 400
                                    << QStringLiteral("E5007");
    QTest::newRow("null password") << login << QByteArray(R"({"userId":"admin","password":null})") << 400
                                   << QStringLiteral("E5007");
    QTest::newRow("object password") << login << QByteArray(R"({"userId":"admin","password":{"$ne":""}})") << 400
                                     << QStringLiteral("E5007");
    QTest::newRow("huge user id") << login
                                  << (QByteArray(R"({"userId":")") + QByteArray(200000, 'a')
                                         + QByteArray(R"(","password":"x"})"))
                                  << 400 << QStringLiteral("E5007");
    QTest::newRow("non-UTF-8") << login << QByteArray("{\"userId\":\"\xff\xfe\x80\",\"password\":\"x\"}") << 400
                               << QStringLiteral("E5007");
    QTest::newRow("NUL and newline in id")
        << login << QByteArray(R"({"userId":"ad\u0000min\n","password":"x"})") << 400 << QStringLiteral("E5007");
    QTest::newRow("deep nesting") << login << QByteArray(100000, '[') << 400 << QStringLiteral("E5007");
    QTest::newRow("otp as number") << otp
                                   << QByteArray(R"({"attemptId":"0123456789abcdef0123456789abcdef","otp":123456})")
                                   << 400 << QStringLiteral("E5007");
    QTest::newRow("otp for a made-up attempt")
        << otp << QByteArray(R"({"attemptId":"../../etc/passwd","otp":"123456"})") << 401 << QStringLiteral("E1102");
    QTest::newRow("SQL in user id") << login << QByteArray(R"({"userId":"admin' OR '1'='1","password":"' OR 1=1 --"})")
                                    << 401 << QStringLiteral("E1001");
}

void TestServerInput::malformedBodies()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    const Reply reply = m_server.request("POST", path, body);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.code, code);
    QVERIFY(!reply.json.value(QStringLiteral("message")).toString().isEmpty());
}

void TestServerInput::oversizedRequestGets413()
{
    const QByteArray body = R"({"userId":"admin","password":")" + QByteArray(3 << 20, 'x') + R"("})";
    const Reply reply = m_server.request("POST", QStringLiteral("/api/v1/auth/login"), body);
    QCOMPARE(reply.status, 413);
    QCOMPARE(reply.code, QStringLiteral("E5009"));
    // A huge header block is refused earlier, by the header limit (--max-header-bytes, 16 KiB).
    const Reply headers
        = m_server.request("GET", QStringLiteral("/api/v1/health"), {}, {}, {{"X-Padding", QByteArray(2 << 20, 'h')}});
    QCOMPARE(headers.status, 431);
    QCOMPARE(headers.code, QStringLiteral("E5014"));
}

void TestServerInput::unknownRoutesAndMethods()
{
    for (const QString& path : {QStringLiteral("/"), QStringLiteral("/api/v1"), QStringLiteral("/api/v2/health"),
             QStringLiteral("/api/v1/admin/users/x/y/z"), QStringLiteral("/api/v1/%2e%2e/etc/passwd")}) {
        const Reply reply = m_server.get(path);
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.code, QStringLiteral("E5008"));
    }
    const Reply wrongMethod = m_server.request("DELETE", QStringLiteral("/api/v1/auth/login"));
    QCOMPARE(wrongMethod.status, 405);
    QCOMPARE(wrongMethod.code, QStringLiteral("E5012"));
    const Reply getLogin = m_server.get(QStringLiteral("/api/v1/auth/login"));
    QCOMPARE(getLogin.code, QStringLiteral("E5012"));
}

void TestServerInput::missingAndForgedTokens()
{
    const QString me = QStringLiteral("/api/v1/me");
    QCOMPARE(m_server.get(me).code, QStringLiteral("E1201"));
    QCOMPARE(
        m_server.request("GET", me, {}, {}, {{"Authorization", "Basic YWRtaW46eA=="}}).code, QStringLiteral("E1201"));
    QCOMPARE(m_server.request("GET", me, {}, {}, {{"Authorization", "Bearer"}}).code, QStringLiteral("E1201"));
    const QList<QString> forged = {QStringLiteral("abc"), QString(43, QLatin1Char('A')),
        QString(43, QLatin1Char('A')) + QStringLiteral("' OR '1'='1"),
        m_adminToken.left(42) + QLatin1Char(m_adminToken.endsWith(QLatin1Char('A')) ? 'B' : 'A')};
    for (const QString& token : forged) {
        const Reply reply = m_server.get(me, token);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.code, QStringLiteral("E1202"));
    }
    QCOMPARE(m_server.get(me, m_adminToken).status, 200);
}

void TestServerInput::sqlLookingTextIsJustText()
{
    const QString name = QStringLiteral("Robert'); DROP TABLE users;-- 太郎");
    const Reply registered = m_server.post(QStringLiteral("/api/v1/admin/users"),
        {{QStringLiteral("userName"), name}, {QStringLiteral("company"), QStringLiteral("' OR 1=1 --")},
            {QStringLiteral("nameRoman"), QStringLiteral("Robert Tables")},
            {QStringLiteral("companyRoman"), QStringLiteral("x\"; DELETE FROM sessions")},
            {QStringLiteral("email"), QStringLiteral("bobby@example.test")},
            {QStringLiteral("loginExpiresAt"), QStringLiteral("2031-01-01")}},
        m_adminToken);
    QCOMPARE(registered.status, 201);
    const QString userId
        = registered.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("userId")).toString();
    const Reply shown = m_server.get(QStringLiteral("/api/v1/admin/users/") + userId, m_adminToken);
    QCOMPARE(shown.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("userName")).toString(), name);
    const Reply search = m_server.get(QStringLiteral("/api/v1/admin/users?q=%27%20OR%201%3D1%20--"), m_adminToken);
    QCOMPARE(search.status, 200);
    QCOMPARE(search.json.value(QStringLiteral("total")).toInt(), 1); // only Bobby's company matches literally
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/me"), m_adminToken).status, 200); // sessions survived
}

void TestServerInput::registrationRejectsBadFields_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("email header injection")
        << QStringLiteral("email") << QJsonValue(QStringLiteral("a@b.test\r\nBcc: evil@example.test"));
    QTest::newRow("email without at") << QStringLiteral("email") << QJsonValue(QStringLiteral("not-an-address"));
    QTest::newRow("non-ASCII romanized name") << QStringLiteral("nameRoman") << QJsonValue(QStringLiteral("太郎"));
    QTest::newRow("huge user name") << QStringLiteral("userName") << QJsonValue(QString(5000, QLatin1Char('x')));
    QTest::newRow("bad role") << QStringLiteral("role") << QJsonValue(QStringLiteral("root"));
    QTest::newRow("maySign as string") << QStringLiteral("maySign") << QJsonValue(QStringLiteral("yes"));
    QTest::newRow("bad date") << QStringLiteral("loginExpiresAt") << QJsonValue(QStringLiteral("31/03/2030"));
    QTest::newRow("past date") << QStringLiteral("loginExpiresAt") << QJsonValue(QStringLiteral("2001-01-01"));
    QTest::newRow("empty company") << QStringLiteral("company") << QJsonValue(QStringLiteral("   "));
}

void TestServerInput::registrationRejectsBadFields()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QJsonObject user {{QStringLiteral("userName"), QStringLiteral("名前")},
        {QStringLiteral("company"), QStringLiteral("会社")}, {QStringLiteral("nameRoman"), QStringLiteral("Namae")},
        {QStringLiteral("companyRoman"), QStringLiteral("Kaisha")},
        {QStringLiteral("email"), QStringLiteral("ok@example.test")},
        {QStringLiteral("loginExpiresAt"), QStringLiteral("2031-01-01")}};
    user.insert(field, value);
    const int before
        = m_server.get(QStringLiteral("/api/v1/admin/users"), m_adminToken).json.value(QStringLiteral("total")).toInt();
    const Reply reply = m_server.post(QStringLiteral("/api/v1/admin/users"), user, m_adminToken);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.code, QStringLiteral("E5007"));
    const int after
        = m_server.get(QStringLiteral("/api/v1/admin/users"), m_adminToken).json.value(QStringLiteral("total")).toInt();
    QCOMPARE(after, before);
}

void TestServerInput::overloadGets503()
{
    TestServer small;
    QVERIFY(small.initAdmin(
        QStringLiteral("admin"), QStringLiteral("admin-password-1"), QStringLiteral("admin@example.test")));
    QVERIFY(small.start(
        {QStringLiteral("--workers"), QStringLiteral("1"), QStringLiteral("--queue"), QStringLiteral("0")}));
    // Several managers, so that more than QNAM's six connections per host are open at once.
    QList<QNetworkAccessManager*> managers;
    QList<QNetworkReply*> replies;
    const QByteArray body = R"({"userId":"admin","password":"wrong-password"})";
    for (int m = 0; m < 3; ++m) {
        managers.append(new QNetworkAccessManager(this));
        for (int i = 0; i < 6; ++i) {
            QNetworkRequest request(QUrl(small.baseUrl() + QStringLiteral("/api/v1/auth/login")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            replies.append(managers.last()->post(request, body));
        }
    }
    int busy = 0;
    int served = 0;
    for (QNetworkReply* reply : std::as_const(replies)) {
        if (!reply->isFinished()) {
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        if (status == 503 && json.value(QStringLiteral("code")).toString() == QStringLiteral("E5005"))
            ++busy;
        else if (status == 401)
            ++served;
    }
    qDeleteAll(managers);
    QVERIFY2(busy > 0, "with one worker and no queue, concurrent logins must be turned away");
    QVERIFY(served > 0);
    QCOMPARE(busy + served, 18);
    QCOMPARE(small.get(QStringLiteral("/api/v1/health")).status, 200);
}

QTEST_GUILESS_MAIN(TestServerInput)
#include "tst_server_input.moc"
