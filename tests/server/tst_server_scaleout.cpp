// Several hosts on one PostgreSQL behind Debian's nginx with TLS, each host with its own empty data directory and
// the CA, TSA and OCSP keys provisioned from files: any host answers any request, racing signers on different hosts
// get exactly one winner, and a host killed with SIGKILL in the middle of uploads leaves every file whole.
#include "FileSteps.h"
#include "PdfFixtures.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QtTest>

#include <memory>

#include <unistd.h>

using namespace ikkatsu::test;

namespace {

constexpr int kHosts = 3;
const QString kAdminPassword = QStringLiteral("admin-password-1");
const QStringList kKeyFiles {QStringLiteral("ca-key.pem"), QStringLiteral("ca-cert.pem"), QStringLiteral("tsa-key.pem"),
    QStringLiteral("tsa-cert.pem"), QStringLiteral("ocsp-key.pem"), QStringLiteral("ocsp-cert.pem")};

QByteArray paddedPdf(qsizetype size)
{
    QByteArray padding(size / 2, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(padding.data()), padding.size() / 4);
    PdfFixtureOptions options;
    options.padding = padding;
    return minimalPdf(options);
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// curl as an independent client, so that several requests are in flight at once.
struct Upload
{
    std::shared_ptr<QProcess> process;
    QString fileId;
    QByteArray body;
    int status = 0;
};

std::unique_ptr<QProcess> startPut(const QString& url, const QString& token, int ifMatch, const QString& bodyFile,
    const QString& caFile, const QStringList& extra = {})
{
    auto process = std::make_unique<QProcess>();
    process->start(QStringLiteral("curl"),
        QStringList {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
            QStringLiteral("%{http_code}"), QStringLiteral("-X"), QStringLiteral("PUT"), QStringLiteral("--cacert"),
            caFile, QStringLiteral("--max-time"), QStringLiteral("60"), QStringLiteral("-H"),
            QStringLiteral("Content-Type: application/pdf"), QStringLiteral("-H"),
            QStringLiteral("If-Match: \"%1\"").arg(ifMatch), QStringLiteral("-H"),
            QStringLiteral("Authorization: Bearer ") + token, QStringLiteral("--data-binary"),
            QLatin1Char('@') + bodyFile}
            + extra + QStringList {url});
    return process;
}

int finish(QProcess& process)
{
    if (!process.waitForFinished(90000))
        process.kill();
    return process.readAllStandardOutput().trimmed().toInt();
}

} // namespace

class TestServerScaleOut : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void provisionedKeysAreRequired();
    void everyHostServesTheSameCa();
    void sessionsOneTimePasswordsAndLockoutAreShared();
    void aSessionEndsOnEveryHostAtOnce();
    void fileRegisteredOnOneHostServedByTheOthers();
    void racingSignersThroughDifferentHosts();
    void hostKilledInTheMiddleOfUploads();

private:
    QStringList hostArgs() const;
    QString fileUrl(const QString& base, const QString& fileId) const
    {
        return base + QStringLiteral("/api/v1/files/%1/content").arg(fileId);
    }

    QTemporaryDir m_dir; // keys, nginx, upload bodies
    QString m_database;
    QString m_keys;
    QString m_caFile; // the front's TLS certificate (self-signed), for the clients
    quint16 m_frontPort = 0;
    QList<std::shared_ptr<TestServer>> m_hosts;
    std::unique_ptr<TestServer> m_front; // requests through nginx; mails from every host's outbox
    QProcess m_nginx;
    QString m_admin;
    SigningUser m_first;
    SigningUser m_second;
};

QStringList TestServerScaleOut::hostArgs() const
{
    QStringList args {QStringLiteral("--keys-provisioned"), QStringLiteral("--public-url"),
        QStringLiteral("https://127.0.0.1:%1/").arg(m_frontPort), QStringLiteral("--trusted-proxies"),
        QStringLiteral("127.0.0.1"), QStringLiteral("--max-connections-per-address"), QStringLiteral("0")};
    const QStringList flags {QStringLiteral("--ca-key"), QStringLiteral("--ca-cert"), QStringLiteral("--tsa-key"),
        QStringLiteral("--tsa-cert"), QStringLiteral("--ocsp-key"), QStringLiteral("--ocsp-cert")};
    for (int i = 0; i < flags.size(); ++i)
        args << flags.at(i) << QDir(m_keys).filePath(kKeyFiles.at(i));
    return args;
}

void TestServerScaleOut::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_database = newPostgresDatabase();
    QVERIFY2(!m_database.isEmpty(), "this test needs the postgresql fixture");
    m_frontPort = freePort();

    // Provisioning, as an operator does once: `init` on a scratch data directory makes the CA, TSA and OCSP keys and
    // the first administrator; the six PEM files are then handed to every host.
    {
        TestServer provisioning(m_database);
        QVERIFY(provisioning.initAdmin(QStringLiteral("admin"), kAdminPassword, kAdminEmail));
        m_keys = m_dir.filePath(QStringLiteral("keys"));
        QVERIFY(QDir().mkpath(m_keys));
        for (const QString& name : kKeyFiles)
            QVERIFY(QFile::copy(provisioning.dataDir() + QStringLiteral("/ca/") + name, QDir(m_keys).filePath(name)));
    }

    for (int i = 0; i < kHosts; ++i) {
        auto host = std::make_shared<TestServer>(m_database);
        QVERIFY(QDir(host->dataDir()).isEmpty());
        QVERIFY(host->start(hostArgs() + QStringList {QStringLiteral("--lockout-threshold"), QStringLiteral("3")}));
        m_hosts.append(host);
    }

    // nginx in front: TLS with a certificate made by openssl here, round robin over the three hosts.
    const QString key = m_dir.filePath(QStringLiteral("front-key.pem"));
    m_caFile = m_dir.filePath(QStringLiteral("front-cert.pem"));
    const ToolRun cert = runTool(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
            QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
            QStringLiteral("-keyout"), key, QStringLiteral("-out"), m_caFile, QStringLiteral("-days"),
            QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
            QStringLiteral("subjectAltName=IP:127.0.0.1")});
    QVERIFY2(cert.exitCode == 0, qPrintable(cert.all()));
    const QString prefix = m_dir.filePath(QStringLiteral("nginx"));
    QVERIFY(QDir().mkpath(prefix));
    QString upstreams;
    for (const auto& host : std::as_const(m_hosts))
        upstreams += QStringLiteral("        server %1 max_fails=1 fail_timeout=30s;\n")
                         .arg(host->baseUrl().mid(QStringLiteral("http://").size()));
    const QString config = QStringLiteral("%1worker_processes 1;\n"
                                          "pid %2/nginx.pid;\n"
                                          "error_log stderr warn;\n"
                                          "events { worker_connections 512; }\n"
                                          "http {\n"
                                          "    access_log off;\n"
                                          "    client_body_temp_path %2/body;\n"
                                          "    proxy_temp_path %2/proxy;\n"
                                          "    fastcgi_temp_path %2/fastcgi;\n"
                                          "    uwsgi_temp_path %2/uwsgi;\n"
                                          "    scgi_temp_path %2/scgi;\n"
                                          "    client_max_body_size 100m;\n"
                                          "    upstream ikkatsu {\n%3"
                                          "        keepalive 16;\n"
                                          "    }\n"
                                          "    server {\n"
                                          "        listen 127.0.0.1:%4 ssl;\n"
                                          "        ssl_certificate %5;\n"
                                          "        ssl_certificate_key %6;\n"
                                          "        ssl_protocols TLSv1.2 TLSv1.3;\n"
                                          "        location / {\n"
                                          "            proxy_pass http://ikkatsu;\n"
                                          "            proxy_http_version 1.1;\n"
                                          "            proxy_set_header Connection \"\";\n"
                                          "            proxy_set_header Host $host;\n"
                                          "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
                                          "            proxy_set_header X-Forwarded-Proto https;\n"
                                          "            proxy_next_upstream error timeout http_503;\n"
                                          "            proxy_read_timeout 120s;\n"
                                          "        }\n"
                                          "    }\n"
                                          "}\n")
                               .arg(geteuid() == 0 ? QStringLiteral("user root;\n") : QString(), prefix, upstreams)
                               .arg(m_frontPort)
                               .arg(m_caFile, key);
    QVERIFY(writeAll(prefix + QStringLiteral("/nginx.conf"), config.toUtf8()));
    m_nginx.setProcessChannelMode(QProcess::MergedChannels);
    m_nginx.start(QStringLiteral("/usr/sbin/nginx"),
        {QStringLiteral("-p"), prefix, QStringLiteral("-c"), prefix + QStringLiteral("/nginx.conf"),
            QStringLiteral("-e"), QStringLiteral("stderr"), QStringLiteral("-g"), QStringLiteral("daemon off;")});
    QVERIFY2(m_nginx.waitForStarted(5000), "nginx is missing (scripts/setup-deps installs nginx-light)");
    bool up = false;
    for (int i = 0; i < 100 && !up && m_nginx.state() == QProcess::Running; ++i) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_frontPort);
        up = probe.waitForConnected(100);
        if (!up)
            QThread::msleep(50);
    }
    QVERIFY2(up, m_nginx.readAll().constData());

    QStringList outboxes;
    for (const auto& host : std::as_const(m_hosts))
        outboxes << host->outboxDir();
    m_front = std::make_unique<TestServer>(m_database);
    m_front->useFront(QStringLiteral("https://127.0.0.1:%1").arg(m_frontPort), readAll(m_caFile), outboxes);
    QCOMPARE(m_front->get(QStringLiteral("/api/v1/ready")).status, 200);
    m_admin = fullLogin(*m_front, QStringLiteral("admin"), kAdminPassword, kAdminEmail);
    QVERIFY(!m_admin.isEmpty());
    m_first = newUser(*m_front, m_admin, QStringLiteral("first@scale.example"));
    m_second = newUser(*m_front, m_admin, QStringLiteral("second@scale.example"));
    QVERIFY(!m_first.token.isEmpty() && !m_second.token.isEmpty());
}

void TestServerScaleOut::cleanupTestCase()
{
    if (m_nginx.state() != QProcess::NotRunning) {
        m_nginx.terminate();
        if (!m_nginx.waitForFinished(5000))
            m_nginx.kill();
    }
    for (const auto& host : std::as_const(m_hosts))
        host->stop();
}

void TestServerScaleOut::provisionedKeysAreRequired()
{
    // A host told its keys are provisioned never makes its own CA: a missing file stops it with E5021.
    TestServer host(m_database);
    QStringList args = hostArgs();
    args[args.indexOf(QStringLiteral("--tsa-key")) + 1] = m_dir.filePath(QStringLiteral("missing.pem"));
    QVERIFY(!host.start(args));
    QVERIFY2(host.log().contains("E5021"), host.log().constData());
    QVERIFY(!QDir(host.dataDir() + QStringLiteral("/ca")).exists());
    // A TSA certificate that is not the TSA key's is refused as well.
    args = hostArgs();
    args[args.indexOf(QStringLiteral("--tsa-cert")) + 1] = QDir(m_keys).filePath(QStringLiteral("ocsp-cert.pem"));
    TestServer mismatched(m_database);
    QVERIFY(!mismatched.start(args));
    QVERIFY2(mismatched.log().contains("E5021"), mismatched.log().constData());
}

void TestServerScaleOut::everyHostServesTheSameCa()
{
    const QByteArray ca = m_hosts.first()->get(QStringLiteral("/api/v1/ca/certificate")).body;
    QVERIFY(!ca.isEmpty());
    const QString caFile = QDir(m_keys).filePath(QStringLiteral("ca-cert.pem"));
    for (int i = 0; i < kHosts; ++i) {
        TestServer& host = *m_hosts.at(i);
        QCOMPARE(host.get(QStringLiteral("/api/v1/ca/certificate")).body, ca);
        // Nothing was created in the host's own data directory: the keys are the provisioned ones.
        QVERIFY(!QDir(host.dataDir() + QStringLiteral("/ca")).exists());
        // The TSA signs with the provisioned key: the token carries no certificate, so openssl must find the signer
        // among the provisioned ones.
        const QString query = m_dir.filePath(QStringLiteral("q%1.tsq").arg(i));
        const QString reply = m_dir.filePath(QStringLiteral("r%1.tsr").arg(i));
        QVERIFY(runTool(QStringLiteral("openssl"),
                    {QStringLiteral("ts"), QStringLiteral("-query"), QStringLiteral("-data"), caFile,
                        QStringLiteral("-sha256"), QStringLiteral("-out"), query})
                    .exitCode
            == 0);
        const Reply token = host.request("POST", QStringLiteral("/api/v1/tsa"), readAll(query), {},
            {{"Content-Type", "application/timestamp-query"}});
        QCOMPARE(token.status, 200);
        QVERIFY(writeAll(reply, token.body));
        const ToolRun verified = runTool(QStringLiteral("openssl"),
            {QStringLiteral("ts"), QStringLiteral("-verify"), QStringLiteral("-queryfile"), query,
                QStringLiteral("-in"), reply, QStringLiteral("-CAfile"), caFile, QStringLiteral("-untrusted"),
                QDir(m_keys).filePath(QStringLiteral("tsa-cert.pem"))});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.all()));
        // OCSP: every host answers "good" for a certificate another host issued, signed by the provisioned responder.
        const ToolRun ocsp = runTool(QStringLiteral("openssl"),
            {QStringLiteral("ocsp"), QStringLiteral("-issuer"), caFile, QStringLiteral("-serial"),
                QStringLiteral("0x") + m_first.serial, QStringLiteral("-url"),
                host.baseUrl() + QStringLiteral("/api/v1/ocsp"), QStringLiteral("-CAfile"), caFile,
                QStringLiteral("-VAfile"), QDir(m_keys).filePath(QStringLiteral("ocsp-cert.pem")),
                QStringLiteral("-no_nonce")});
        QVERIFY2(ocsp.exitCode == 0 && ocsp.all().contains(QStringLiteral(": good")), qPrintable(ocsp.all()));
    }
}

void TestServerScaleOut::sessionsOneTimePasswordsAndLockoutAreShared()
{
    // A session made through the front works on every host directly.
    for (const auto& host : std::as_const(m_hosts))
        QCOMPARE(host->get(QStringLiteral("/api/v1/me"), m_first.token).status, 200);
    // The password on one host, the one-time password on another.
    const Reply login = startLogin(*m_hosts.at(0), m_second.account.userId, m_second.account.password);
    QCOMPARE(login.status, 200);
    const Reply session = sendOtp(*m_hosts.at(1), login.json.value(QStringLiteral("attemptId")).toString(),
        newestOtpFor(*m_front, m_second.account.email));
    QCOMPARE(session.status, 200);
    QCOMPARE(
        m_hosts.at(2)->get(QStringLiteral("/api/v1/me"), session.json.value(QStringLiteral("token")).toString()).status,
        200);
    // Wrong passwords counted on three hosts lock the account on all of them (threshold 3).
    SigningUser victim = newUser(*m_front, m_admin, QStringLiteral("victim@scale.example"), false);
    QVERIFY(!victim.token.isEmpty());
    for (int i = 0; i < kHosts; ++i)
        QCOMPARE(startLogin(*m_hosts.at(i), victim.account.userId, QStringLiteral("wrong-password-1")).status, 401);
    const Reply locked = startLogin(*m_hosts.at(0), victim.account.userId, victim.account.password);
    QCOMPARE(locked.code, QStringLiteral("E1002"));
}

void TestServerScaleOut::aSessionEndsOnEveryHostAtOnce()
{
    // Before each ending, every host has just served the session (a host that kept it in memory would be warm), and
    // touched it: the very next request on every other host is refused all the same.
    SigningUser user = newUser(*m_front, m_admin, QStringLiteral("ending@scale.example"), false);
    QVERIFY(!user.token.isEmpty());
    auto servedEverywhere = [this](const QString& token) {
        for (const auto& host : std::as_const(m_hosts)) {
            if (host->get(QStringLiteral("/api/v1/me"), token).status != 200)
                return false;
        }
        return true;
    };
    auto refusedEverywhere = [this](const QString& token, int except, const QString& code) {
        for (int i = 0; i < kHosts; ++i) {
            if (i == except)
                continue;
            const Reply refused = m_hosts.at(i)->get(QStringLiteral("/api/v1/me"), token);
            if (refused.status != 401 || refused.code != code) {
                qWarning("host %d: %d %s", i, refused.status, refused.body.constData());
                return false;
            }
        }
        return true;
    };
    // Logged out on one host.
    QVERIFY(servedEverywhere(user.token));
    QCOMPARE(m_hosts.at(0)->request("POST", QStringLiteral("/api/v1/auth/logout"), {}, user.token).status, 204);
    QVERIFY(refusedEverywhere(user.token, 0, QStringLiteral("E1202")));
    // Idle beyond the limit (its last use moved back in the database): the first host to see it says expired, and
    // no host's touch brings it back.
    const QString idle = fullLogin(*m_front, user.account.userId, user.account.password, user.account.email);
    QVERIFY(servedEverywhere(idle));
    bool ok = false;
    queryServerDatabase(*m_hosts.at(0), QStringLiteral("UPDATE sessions SET last_seen_at = 0 WHERE user_id = ?"),
        {user.account.userId}, &ok);
    QVERIFY(ok);
    const Reply expired = m_hosts.at(1)->get(QStringLiteral("/api/v1/me"), idle);
    QCOMPARE(expired.code, QStringLiteral("E1203"));
    QVERIFY(refusedEverywhere(idle, 1, QStringLiteral("E1202")));
    // The account disabled through one host: its session is refused on every other at once.
    const QString other = fullLogin(*m_front, user.account.userId, user.account.password, user.account.email);
    QVERIFY(servedEverywhere(other));
    QCOMPARE(
        m_hosts.at(2)
            ->request("POST", QStringLiteral("/api/v1/admin/users/%1/disable").arg(user.account.userId), {}, m_admin)
            .status,
        200);
    QVERIFY(refusedEverywhere(other, -1, QStringLiteral("E1202")));
}

void TestServerScaleOut::fileRegisteredOnOneHostServedByTheOthers()
{
    TestServer& a = *m_hosts.at(0);
    TestServer& b = *m_hosts.at(1);
    TestServer& c = *m_hosts.at(2);
    const QString folder = createFolder(a, m_admin, QStringLiteral("複数ホスト"));
    QVERIFY(!folder.isEmpty());
    const QByteArray pdf = paddedPdf(2'200'000);
    const QString id = registerFile(a, m_admin, folder, QStringLiteral("共有.pdf"), pdf, {}, {m_first.account.userId});
    QVERIFY(!id.isEmpty());
    // Listed through b, downloaded through c, signed through b, the signed version read through c and the front.
    const QJsonArray listed = listFiles(b, m_first.token, QStringLiteral("?myStatus=all&name=%E5%85%B1%E6%9C%89"));
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().toObject().value(QStringLiteral("fileId")).toString(), id);
    const Reply download = downloadFile(c, m_first.token, id);
    QCOMPARE(download.status, 200);
    QVERIFY(download.body == pdf);
    const QByteArray signedPdf = signAs(m_first, download.body);
    QCOMPARE(uploadSigned(b, m_first.token, id, 1, signedPdf).status, 200);
    const Reply again = downloadFile(c, m_first.token, id);
    QCOMPARE(versionOf(again), 2);
    QVERIFY(again.body == signedPdf);
    QVERIFY(downloadFile(*m_front, m_first.token, id).body == signedPdf);
    // No host keeps file versions in its data directory (only temporaries: spooled request bodies, staged versions).
    for (const auto& host : std::as_const(m_hosts)) {
        const QDir files(host->dataDir() + QStringLiteral("/files"));
        QCOMPARE(files.entryList(QDir::Dirs | QDir::NoDotAndDotDot),
            (QStringList {QStringLiteral("incoming"), QStringLiteral("staging")}));
    }
}

void TestServerScaleOut::racingSignersThroughDifferentHosts()
{
    // Two signers in any order, both signing version 1 and uploading at the same moment through different hosts.
    const QString folder = createFolder(*m_front, m_admin, QStringLiteral("競合"));
    constexpr int kRaces = 4;
    for (int race = 0; race < kRaces; ++race) {
        const QByteArray pdf = paddedPdf(400'000);
        const QString id = registerFile(*m_front, m_admin, folder, QStringLiteral("race%1.pdf").arg(race), pdf, {},
            {m_first.account.userId, m_second.account.userId});
        QVERIFY(!id.isEmpty());
        const QByteArray byFirst = signAs(m_first, pdf);
        const QByteArray bySecond = signAs(m_second, pdf);
        const QString firstFile = m_dir.filePath(QStringLiteral("race%1-a.pdf").arg(race));
        const QString secondFile = m_dir.filePath(QStringLiteral("race%1-b.pdf").arg(race));
        QVERIFY(writeAll(firstFile, byFirst) && writeAll(secondFile, bySecond));
        auto one = startPut(fileUrl(m_hosts.at(race % kHosts)->baseUrl(), id), m_first.token, 1, firstFile, m_caFile);
        auto two = startPut(
            fileUrl(m_hosts.at((race + 1) % kHosts)->baseUrl(), id), m_second.token, 1, secondFile, m_caFile);
        const int first = finish(*one);
        const int second = finish(*two);
        QVERIFY2((first == 200) != (second == 200), qPrintable(QStringLiteral("%1 / %2").arg(first).arg(second)));
        QCOMPARE(first == 200 ? second : first, 409);
        const Reply stored = downloadFile(*m_front, m_first.token, id);
        QCOMPARE(versionOf(stored), 2);
        QVERIFY(stored.body == (first == 200 ? byFirst : bySecond));
    }
}

void TestServerScaleOut::hostKilledInTheMiddleOfUploads()
{
    const QString folder = createFolder(*m_front, m_admin, QStringLiteral("障害"));
    constexpr int kFiles = 15;
    QList<Upload> uploads;
    QList<QByteArray> originals;
    QStringList ids;
    for (int i = 0; i < kFiles; ++i) {
        const QByteArray pdf = paddedPdf(2'500'000);
        const QString id = registerFile(
            *m_front, m_admin, folder, QStringLiteral("k%1.pdf").arg(i), pdf, {}, {m_first.account.userId});
        QVERIFY(!id.isEmpty());
        Upload upload;
        upload.fileId = id;
        upload.body = signAs(m_first, pdf);
        QVERIFY(!upload.body.isEmpty());
        QVERIFY(writeAll(m_dir.filePath(id + QStringLiteral(".pdf")), upload.body));
        uploads.append(std::move(upload));
        originals.append(pdf);
        ids.append(id);
    }
    TestServer& victim = *m_hosts.at(2);
    const QString front = QStringLiteral("https://127.0.0.1:%1").arg(m_frontPort);
    // All at once: two thirds through the front, one third straight to the victim (nginx has taken a whole body
    // before it picks a host, and sends it to another when the victim refuses the connection; these are certain to
    // be on the victim), the first of them slow, certain to be half-sent when the kill comes.
    for (int i = 0; i < kFiles; ++i) {
        const bool direct = i % 3 == 0;
        uploads[i].process = startPut(fileUrl(direct ? victim.baseUrl() : front, uploads[i].fileId), m_first.token, 1,
            m_dir.filePath(uploads[i].fileId + QStringLiteral(".pdf")), m_caFile,
            i == 0 ? QStringList {QStringLiteral("--limit-rate"), QStringLiteral("300k")} : QStringList());
    }
    // Kill as soon as the first of these uploads is committed: the others are still arriving or being checked.
    QElapsedTimer timer;
    timer.start();
    int committed = 0;
    while (committed == 0 && timer.elapsed() < 30000) {
        committed = queryServerDatabase(*m_hosts.at(0),
            QStringLiteral("SELECT COUNT(*) FROM file_versions v JOIN files f ON f.file_id = v.file_id "
                           "JOIN folders d ON d.folder_id = f.folder_id WHERE d.name = ? AND v.version = 2"),
            {QStringLiteral("障害")})
                        .value(0)
                        .value(0)
                        .toInt();
        if (committed == 0)
            QThread::msleep(10);
    }
    QVERIFY(committed > 0);
    victim.kill();
    const qint64 killedAt = timer.elapsed();
    int accepted[2] = {0, 0}; // through the front, straight to the victim
    int failed[2] = {0, 0};
    for (int i = 0; i < kFiles; ++i) {
        uploads[i].status = finish(*uploads[i].process);
        (uploads[i].status == 200 ? accepted : failed)[i % 3 == 0 ? 1 : 0] += 1;
    }
    qInfo("SIGKILL %lld ms after the uploads started, %d committed then; through the front %d answered 200, %d "
          "failed; straight to the victim %d answered 200, %d failed",
        killedAt, committed, accepted[0], failed[0], accepted[1], failed[1]);
    QVERIFY(uploads.first().status != 200); // the half-sent one

    // Every file is untouched or completely at its new version, read through the survivors; an upload answered 200
    // is never lost. The others are signed again through the front, and the survivors take them.
    int retried = 0;
    for (int i = 0; i < kFiles; ++i) {
        const Reply stored = downloadFile(*m_front, m_first.token, ids.at(i));
        QCOMPARE(stored.status, 200);
        const int version = versionOf(stored);
        QVERIFY(version == 1 || version == 2);
        QVERIFY(stored.body == (version == 2 ? uploads.at(i).body : originals.at(i)));
        if (uploads.at(i).status == 200)
            QCOMPARE(version, 2);
        if (version == 1) {
            QCOMPARE(uploadSigned(*m_front, m_first.token, ids.at(i), 1, uploads.at(i).body).status, 200);
            ++retried;
        }
        QCOMPARE(queryServerDatabase(*m_hosts.at(0),
                     QStringLiteral("SELECT COUNT(*) FROM file_versions WHERE file_id = ?"), {ids.at(i)})
                     .value(0)
                     .value(0)
                     .toInt(),
            2);
    }
    qInfo("%d file(s) signed again after the kill", retried);
    // Every stored content is complete: its chunks add up to its size.
    const QList<QVariantList> incomplete = queryServerDatabase(*m_hosts.at(0),
        QStringLiteral("SELECT c.content_sha256 FROM file_contents c LEFT JOIN file_blobs b "
                       "ON b.content_sha256 = c.content_sha256 GROUP BY c.content_sha256, c.size, c.chunk_count "
                       "HAVING COALESCE(SUM(LENGTH(b.bytes)), 0) <> c.size OR COUNT(b.chunk_no) <> c.chunk_count"));
    QVERIFY(incomplete.isEmpty());
    // The survivors keep serving: lists and downloads through the front, again and again.
    for (int i = 0; i < 6; ++i) {
        int total = -1;
        listFiles(*m_front, m_first.token, QStringLiteral("?myStatus=all"), &total);
        QVERIFY(total >= kFiles);
        QCOMPARE(downloadFile(*m_front, m_first.token, ids.at(i)).status, 200);
    }
}

QTEST_GUILESS_MAIN(TestServerScaleOut)
#include "tst_server_scaleout.moc"
