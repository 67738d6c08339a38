// Hostile clients against the real server: slow heads and bodies, idle keep-alive, oversized and overfull headers,
// connection caps, login rate limits shared by two processes, /ready, /metrics and the SIGTERM drain.
#include "FileSteps.h"
#include "PdfFixtures.h"
#include "RawHttp.h"
#include "TestConfig.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>
#include <QtTest>

#include <memory>

using namespace ikkatsu::test;

namespace {

quint16 portOf(const TestServer& server)
{
    return static_cast<quint16>(QUrl(server.baseUrl()).port());
}

void sendRaw(QTcpSocket& socket, const QByteArray& bytes)
{
    socket.write(bytes);
    while (socket.bytesToWrite() > 0 && socket.waitForBytesWritten(3000)) { }
}

QByteArray healthRequest(const QByteArray& extraHeaders = {})
{
    return "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

QByteArray loginBody(const QString& userId)
{
    return "{\"userId\":\"" + userId.toUtf8() + "\",\"password\":\"wrong-password-1\"}";
}

// The value of one sample of the text exposition, -1 when absent.
double metricValue(const QByteArray& text, const QByteArray& sample)
{
    for (const QByteArray& line : text.split('\n')) {
        if (line.startsWith(QByteArray(sample + ' ')))
            return line.mid(sample.size() + 1).toDouble();
    }
    return -1;
}

} // namespace

class TestServerHostile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void slowHeadIsClosedWhileOthersAreServed();
    void slowBodyIsClosed();
    void idleKeepAliveIsClosed();
    void oversizedHeaderIs431();
    void tooManyHeadersIs431();
    void connectionCapPerAddress();
    void loginRateLimitsAreSharedAcrossServers();
    void readyFollowsTheDatabase();
    void metricsCountRequestsAndStayOnLoopback();
    void sigtermDrainFinishesTheUploadInFlight();
    void bodyWrittenAfterTheHeadIsNotDelayed();

private:
    TestServer m_server;
};

void TestServerHostile::initTestCase()
{
    QVERIFY(m_server.initAdmin(
        QStringLiteral("admin"), QStringLiteral("admin-password-1"), QStringLiteral("admin@example.test")));
    QVERIFY(m_server.start(
        {QStringLiteral("--head-timeout"), QStringLiteral("1"), QStringLiteral("--body-grace"), QStringLiteral("1"),
            QStringLiteral("--body-min-rate"), QStringLiteral("1024"), QStringLiteral("--keep-alive-timeout"),
            QStringLiteral("2"), QStringLiteral("--max-connections-per-address"), QStringLiteral("400")}));
}

void TestServerHostile::slowHeadIsClosedWhileOthersAreServed()
{
    // Many clients send half a request line and then nothing.
    std::vector<std::unique_ptr<QTcpSocket>> slow;
    for (int i = 0; i < 300; ++i) {
        auto socket = rawConnect(m_server);
        QVERIFY(socket);
        sendRaw(*socket, "GET /api/v1/hea");
        slow.push_back(std::move(socket));
    }
    // Meanwhile the server answers others at once.
    QElapsedTimer timer;
    timer.start();
    const Reply health = m_server.get(QStringLiteral("/api/v1/health"));
    const qint64 answeredMs = timer.elapsed();
    QCOMPARE(health.status, 200);
    qInfo("normal request with 300 slow clients connected: %lld ms", answeredMs);
    QVERIFY2(answeredMs < 500, qPrintable(QString::number(answeredMs)));
    // After the head timeout (1 s) each gets 408 E5016 and is closed.
    for (const auto& socket : slow) {
        bool closed = false;
        const QByteArray answer = readUntilClosed(*socket, 4000, &closed);
        QVERIFY2(closed, "a slow head was kept open");
        QVERIFY2(answer.startsWith("HTTP/1.1 408"), answer.constData());
        QVERIFY(answer.contains("E5016"));
    }
    QVERIFY(m_server.isRunning());
}

void TestServerHostile::slowBodyIsClosed()
{
    auto socket = rawConnect(m_server);
    QVERIFY(socket);
    sendRaw(*socket,
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Content-Length: 100000\r\n\r\n{\"userId\":");
    QElapsedTimer timer;
    timer.start();
    // 20 bytes every 100 ms: 200 bytes/s, under the 1024 required after the 1 s grace.
    while (timer.elapsed() < 5000 && socket->state() == QAbstractSocket::ConnectedState) {
        socket->write(QByteArray(20, ' '));
        socket->waitForBytesWritten(100);
        socket->waitForReadyRead(100);
        if (socket->bytesAvailable() > 0)
            break;
    }
    bool closed = false;
    const QByteArray answer = readUntilClosed(*socket, 3000, &closed);
    QVERIFY2(answer.startsWith("HTTP/1.1 408"), answer.constData());
    QVERIFY(answer.contains("E5016"));
    QVERIFY(closed);
    QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/health")).status, 200);
}

void TestServerHostile::idleKeepAliveIsClosed()
{
    auto socket = rawConnect(m_server);
    QVERIFY(socket);
    sendRaw(*socket, healthRequest());
    QVERIFY(readOneAnswer(*socket, 3000).startsWith("HTTP/1.1 200"));
    // Within the keep-alive time the connection stays usable...
    QThread::msleep(1000);
    sendRaw(*socket, healthRequest());
    QVERIFY(readOneAnswer(*socket, 3000).startsWith("HTTP/1.1 200"));
    // ...idle beyond it (2 s), the server closes it without an answer.
    bool closed = false;
    const QByteArray rest = readUntilClosed(*socket, 4000, &closed);
    QVERIFY(closed);
    QVERIFY(rest.isEmpty());
}

void TestServerHostile::oversizedHeaderIs431()
{
    auto socket = rawConnect(m_server);
    QVERIFY(socket);
    sendRaw(*socket, healthRequest("X-Big: " + QByteArray(100 * 1024, 'a') + "\r\n"));
    bool closed = false;
    const QByteArray answer = readUntilClosed(*socket, 5000, &closed);
    QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.left(200).constData());
    QVERIFY(answer.contains("E5014"));
    QVERIFY(closed);
    // An unfinished one too: no terminating blank line ever comes.
    auto unfinished = rawConnect(m_server);
    QVERIFY(unfinished);
    sendRaw(*unfinished, "GET /api/v1/health HTTP/1.1\r\nX-Big: " + QByteArray(20 * 1024, 'a'));
    QVERIFY(readUntilClosed(*unfinished, 5000).startsWith("HTTP/1.1 431"));
    // A large but allowed head (just under the 16 KiB default) is served.
    auto fine = rawConnect(m_server);
    QVERIFY(fine);
    sendRaw(*fine, healthRequest("X-Big: " + QByteArray(15 * 1024, 'a') + "\r\n"));
    QVERIFY(readOneAnswer(*fine, 3000).startsWith("HTTP/1.1 200"));
}

void TestServerHostile::tooManyHeadersIs431()
{
    QByteArray many;
    for (int i = 0; i < 150; ++i)
        many += "X-H" + QByteArray::number(i) + ": 1\r\n";
    auto socket = rawConnect(m_server);
    QVERIFY(socket);
    sendRaw(*socket, healthRequest(many));
    const QByteArray answer = readUntilClosed(*socket, 5000);
    QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.left(200).constData());
    QVERIFY(answer.contains("E5014"));
    QByteArray some;
    for (int i = 0; i < 90; ++i)
        some += "X-H" + QByteArray::number(i) + ": 1\r\n";
    auto fine = rawConnect(m_server);
    QVERIFY(fine);
    sendRaw(*fine, healthRequest(some));
    QVERIFY(readOneAnswer(*fine, 3000).startsWith("HTTP/1.1 200"));
}

void TestServerHostile::connectionCapPerAddress()
{
    TestServer server(&m_server);
    QVERIFY(server.start({QStringLiteral("--max-connections-per-address"), QStringLiteral("5"),
        QStringLiteral("--head-timeout"), QStringLiteral("30")}));
    std::vector<std::unique_ptr<QTcpSocket>> held;
    for (int i = 0; i < 5; ++i) {
        auto socket = rawConnect(server);
        QVERIFY(socket);
        held.push_back(std::move(socket));
    }
    QThread::msleep(200); // the server has accepted them all
    auto refused = rawConnect(server);
    QVERIFY(refused);
    bool closed = false;
    const QByteArray answer = readUntilClosed(*refused, 3000, &closed);
    QVERIFY2(answer.startsWith("HTTP/1.1 429"), answer.constData());
    QVERIFY(answer.contains("E5015"));
    QVERIFY(closed);
    // Another (loopback) address still gets in.
    auto other = rawConnect(server, QHostAddress(QStringLiteral("127.0.0.2")));
    QVERIFY(other);
    sendRaw(*other, healthRequest());
    QVERIFY(readOneAnswer(*other, 3000).startsWith("HTTP/1.1 200"));
    // A freed slot is usable again.
    held.back()->abort();
    held.pop_back();
    QThread::msleep(300);
    auto again = rawConnect(server);
    QVERIFY(again);
    sendRaw(*again, healthRequest());
    QVERIFY(readOneAnswer(*again, 3000).startsWith("HTTP/1.1 200"));
}

void TestServerHostile::loginRateLimitsAreSharedAcrossServers()
{
    // Two processes on one database, each trusting the loopback proxy's X-Forwarded-For.
    const QStringList args {QStringLiteral("--rate-per-account"), QStringLiteral("3"),
        QStringLiteral("--rate-per-address"), QStringLiteral("4"), QStringLiteral("--rate-window"),
        QStringLiteral("60"), QStringLiteral("--trusted-proxies"), QStringLiteral("127.0.0.1")};
    TestServer first(&m_server);
    TestServer second(&m_server);
    QVERIFY(first.start(args));
    QVERIFY(second.start(args));
    TestServer* hosts[] = {&first, &second};
    auto login = [&](int host, const QString& userId, const QByteArray& client) {
        return hosts[host % 2]->request("POST", QStringLiteral("/api/v1/auth/login"), loginBody(userId), {},
            {{"Content-Type", "application/json"}, {"X-Forwarded-For", client}});
    };
    // Per account: three attempts naming "victim" (from different addresses, alternating hosts), then 429.
    for (int i = 0; i < 3; ++i)
        QCOMPARE(
            login(i, QStringLiteral("victim"), "192.0.2." + QByteArray::number(10 + i)).code, QStringLiteral("E1001"));
    const Reply limited = login(3, QStringLiteral("victim"), "192.0.2.20");
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.code, QStringLiteral("E5018"));
    const int retryAfter = limited.headers.value("retry-after").toInt();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 60, limited.headers.value("retry-after").constData());
    // Per address: four requests from one address (different accounts, both hosts), then 429; others go on.
    for (int i = 0; i < 4; ++i)
        QCOMPARE(login(i, QStringLiteral("nobody-%1").arg(i), "198.51.100.7").code, QStringLiteral("E1001"));
    const Reply byAddress = login(4, QStringLiteral("nobody-9"), "198.51.100.7");
    QCOMPARE(byAddress.status, 429);
    QCOMPARE(byAddress.code, QStringLiteral("E5018"));
    QVERIFY(!byAddress.headers.value("retry-after").isEmpty());
    QCOMPARE(login(5, QStringLiteral("nobody-9"), "198.51.100.8").code, QStringLiteral("E1001"));
}

namespace {

// Runs `sql` on the PostgreSQL test cluster's administrative database.
bool onPostgresCluster(const QString& sql)
{
    QString admin = qEnvironmentVariable("IKKATSU_TEST_PG_URL");
    if (admin.isEmpty())
        admin = QString::fromUtf8(readAll(QStringLiteral(IKKATSU_BINARY_DIR "/pgtest/url"))).trimmed();
    const QUrl url(admin);
    bool done = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("hostile-admin"));
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        if (db.open()) {
            QSqlQuery query(db);
            done = query.exec(sql);
            if (!done)
                qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("hostile-admin"));
    return done;
}

} // namespace

void TestServerHostile::readyFollowsTheDatabase()
{
    TestServer server; // its own database: this one is taken away for a moment
    QVERIFY(server.start());
    QCOMPARE(server.get(QStringLiteral("/api/v1/ready")).status, 200);
    QCOMPARE(server.get(QStringLiteral("/api/v1/health")).status, 200);
    const bool postgres = testDatabaseKind() == QLatin1String("postgresql");
    const QString sqlite = server.dataDir() + QStringLiteral("/ikkatsu.sqlite3");
    const QString name = QUrl(server.databaseUrl()).path().mid(1);
    // The database goes away: PostgreSQL refuses this database's connections, the SQLite file disappears.
    if (postgres) {
        QVERIFY(onPostgresCluster(QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS false").arg(name)));
        QVERIFY(onPostgresCluster(
            QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%1'").arg(name)));
    } else {
        QVERIFY(QFile::rename(sqlite, sqlite + QStringLiteral(".away")));
    }
    // Every worker's connection is probed in turn; none may claim readiness.
    for (int i = 0; i < 6; ++i) {
        const Reply ready = server.get(QStringLiteral("/api/v1/ready"));
        QCOMPARE(ready.status, 503);
        QCOMPARE(ready.code, QStringLiteral("E5019"));
    }
    QCOMPARE(server.get(QStringLiteral("/api/v1/health")).status, 200); // alive all the same
    if (postgres)
        QVERIFY(onPostgresCluster(QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS true").arg(name)));
    else
        QVERIFY(QFile::rename(sqlite + QStringLiteral(".away"), sqlite));
    QTRY_COMPARE_WITH_TIMEOUT(server.get(QStringLiteral("/api/v1/ready")).status, 200, 5000);
}

void TestServerHostile::metricsCountRequestsAndStayOnLoopback()
{
    const QByteArray sample = "ikkatsu_http_requests_total{route=\"/api/v1/health\",status=\"200\"}";
    const Reply before = m_server.get(QStringLiteral("/metrics"));
    QCOMPARE(before.status, 200);
    QVERIFY(before.contentType.startsWith("text/plain"));
    const double count = metricValue(before.body, sample);
    QVERIFY2(count >= 1, before.body.constData());
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/health")).status, 200);
    const Reply after = m_server.get(QStringLiteral("/metrics"));
    QCOMPARE(metricValue(after.body, sample), count + 1);
    QVERIFY(metricValue(after.body, "ikkatsu_http_open_connections") >= 1);
    QVERIFY(metricValue(after.body, "ikkatsu_worker_queue_depth") >= 0);
    QVERIFY(metricValue(after.body, "ikkatsu_http_refused_total{code=\"E5014\"}") >= 1);
    QVERIFY(after.body.contains("ikkatsu_http_request_duration_seconds_bucket{route=\"/api/v1/health\",le=\"+Inf\"}"));
    // Restricted to other subnets, loopback gets 404 like any unknown path.
    TestServer restricted(&m_server);
    QVERIFY(restricted.start({QStringLiteral("--metrics-allow"), QStringLiteral("10.0.0.0/8")}));
    const Reply refused = restricted.get(QStringLiteral("/metrics"));
    QCOMPARE(refused.status, 404);
    QVERIFY(!refused.body.contains("ikkatsu_http"));
}

void TestServerHostile::sigtermDrainFinishesTheUploadInFlight()
{
    TestServer server;
    const QString admin = startWithAdmin(server, {QStringLiteral("--drain-timeout"), QStringLiteral("20")});
    QVERIFY(!admin.isEmpty());
    SigningUser user = newUser(server, admin, QStringLiteral("drain@files.example"));
    QVERIFY(!user.token.isEmpty());
    const QString folder = createFolder(server, admin, QStringLiteral("drain"));
    const QByteArray pdf = minimalPdf();
    const QString fileId
        = registerFile(server, admin, folder, QStringLiteral("drain.pdf"), pdf, {}, {user.account.userId});
    QVERIFY(!fileId.isEmpty());
    const QByteArray signedPdf = signAs(user, pdf);
    QVERIFY(!signedPdf.isEmpty());

    // A keep-alive connection that has been used, and an upload whose body is half sent.
    auto idle = rawConnect(server);
    QVERIFY(idle);
    sendRaw(*idle, healthRequest());
    QVERIFY(readOneAnswer(*idle, 3000).startsWith("HTTP/1.1 200"));
    auto upload = rawConnect(server);
    QVERIFY(upload);
    const qsizetype half = signedPdf.size() / 2;
    sendRaw(*upload,
        "PUT /api/v1/files/" + fileId.toLatin1() + "/content HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + user.token.toLatin1() + "\r\nContent-Type: application/pdf\r\nIf-Match: \"1\"\r\nContent-Length: "
            + QByteArray::number(signedPdf.size()) + "\r\n\r\n" + signedPdf.left(half));
    QThread::msleep(200);

    server.sendTerminate();
    QThread::msleep(300);
    QVERIFY(server.isRunning()); // the upload holds the drain open
    // New work is refused: a request on the idle connection gets 503 E5017, a new connection is not accepted.
    sendRaw(*idle, healthRequest());
    const QByteArray refused = readOneAnswer(*idle, 3000);
    QVERIFY2(refused.startsWith("HTTP/1.1 503"), refused.constData());
    QVERIFY(refused.contains("E5017"));
    QTcpSocket late;
    late.connectToHost(QHostAddress::LocalHost, portOf(server));
    QVERIFY(!late.waitForConnected(1000));
    // The upload in flight completes and is accepted.
    sendRaw(*upload, signedPdf.mid(half));
    const QByteArray answer = readOneAnswer(*upload, 15000);
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(300).constData());
    QCOMPARE(server.waitForExit(10000), 0);

    // Started again on the same data, the file is at its signed version.
    QVERIFY(server.start());
    const Reply download = downloadFile(server, user.token, fileId);
    QCOMPARE(download.status, 200);
    QCOMPARE(versionOf(download), 2);
    QCOMPARE(download.body, signedPdf);
}

QTEST_GUILESS_MAIN(TestServerHostile)
void TestServerHostile::bodyWrittenAfterTheHeadIsNotDelayed()
{
    // Qt's QNetworkAccessManager writes a request's head and body separately and without TCP_NODELAY: Nagle holds the
    // body back until the head is acknowledged. Unless the server acknowledges at once, the kernel's delayed ACK
    // (40 ms and more) is added to every upload. A valid session, so that the body is admitted and read on the same
    // connection each time (without one the connection would end at the head); the answer is a quick 404 (no such
    // file) once the body is in.
    const QString token = fullLogin(
        m_server, QStringLiteral("admin"), QStringLiteral("admin-password-1"), QStringLiteral("admin@example.test"));
    QVERIFY(!token.isEmpty());
    auto socket = rawConnect(m_server);
    QVERIFY(socket);
    QCOMPARE(socket->socketOption(QAbstractSocket::LowDelayOption).toInt(), 0);
    const QByteArray body(2000, 'x');
    const QByteArray head = "PUT /api/v1/files/f/content HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + token.toLatin1() + "\r\nIf-Match: \"1\"\r\nContent-Type: application/pdf\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n";
    QList<qint64> times;
    for (int i = 0; i < 12; ++i) {
        QElapsedTimer timer;
        timer.start();
        sendRaw(*socket, head);
        sendRaw(*socket, body);
        const QByteArray answer = readOneAnswer(*socket, 5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 404"), answer.constData());
        // The first few segments of a connection are acknowledged at once anyway (quick-ack mode).
        if (i >= 4)
            times.append(timer.elapsed());
    }
    std::sort(times.begin(), times.end());
    const qint64 median = times.at(times.size() / 2);
    QVERIFY2(median < 25, qPrintable(QStringLiteral("median %1 ms per request").arg(median)));
}

#include "tst_server_hostile.moc"
