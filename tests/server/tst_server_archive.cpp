// Archive renewal of stored documents by the real server (renew-archive and the periodic job) and the rotation of its
// TSA certificate, checked through the API, the audit trail and our verifier.
#include "FileSteps.h"
#include "PdfFixtures.h"
#include "TestSupport.h"
#include "client/TimestampClient.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/Timestamp.h"
#include "pdf/PdfSigner.h"
#include "pdf/SignatureInspector.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::test;

class TestServerArchive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void renewArchiveCommand();
    void periodicJobRenews();
    void tsaRotatedAtStart();
    void tsaRotatedWhileRunning();
    void badMargin();
    void cliRenewsOverHttp();

private:
    // A TSA certificate from the server's own CA that ends in `days` (what the server's would be after years).
    std::shared_ptr<TimestampAuthority> shortLivedTsa(TestServer& server, int days, const QString& directory);
    // Registers a file for m_user, who signs it at B-LTA (document timestamp from `archive`) and uploads it.
    QString signedFile(const QString& folder, const QString& name, const CadesSigner::TimestampFetcher& archive);
    CadesSigner::TimestampFetcher serverTsa() const;
    static QByteArray signBLTA(TestServer& server, const SigningUser& user, const QByteArray& pdf,
        const CadesSigner::TimestampFetcher& archive);
    static CadesSigner::TimestampFetcher fetcherOf(const std::shared_ptr<TimestampAuthority>& authority);
    int versionOfFile(const QString& fileId);
    QByteArray currentBytes(const QString& fileId);
    ToolRun renewArchive(TestServer& server, const QStringList& arguments);
    // The TSA certificate of a token from `server`'s /api/v1/tsa.
    Certificate tsaCertificateOf(TestServer& server);

    TestServer m_server;
    QString m_admin;
    SigningUser m_user;
    QString m_folder;
    QTemporaryDir m_work;
};

void TestServerArchive::initTestCase()
{
    m_admin = startWithAdmin(m_server);
    QVERIFY2(!m_admin.isEmpty(), m_server.log().constData());
    m_user = newUser(m_server, m_admin, QStringLiteral("archive@sign.example"));
    QVERIFY(!m_user.certificate.isNull());
    m_folder = createFolder(m_server, m_admin, QStringLiteral("建築確認 保存"));
    QVERIFY(!m_folder.isEmpty());
}

std::shared_ptr<TimestampAuthority> TestServerArchive::shortLivedTsa(
    TestServer& server, int days, const QString& directory)
{
    CaIdentity identity;
    auto ca = CertificateAuthority::loadOrCreate(QDir(server.dataDir()).filePath(QStringLiteral("ca/ca-key.pem")),
        QDir(server.dataDir()).filePath(QStringLiteral("ca/ca-cert.pem")), identity);
    if (!ca)
        return {};
    QDir().mkpath(directory);
    auto tsa = ca->loadOrIssueService(QDir(directory).filePath(QStringLiteral("tsa-key.pem")),
        QDir(directory).filePath(QStringLiteral("tsa-cert.pem")), QStringLiteral("Old Time-Stamping Authority"),
        ServicePurpose::TimeStamping, days, 0, server.baseUrl() + QStringLiteral("/api/v1/ca/crl"));
    if (!tsa)
        return {};
    TimestampAuthorityOptions options;
    options.policyOid = QStringLiteral("1.2.3.4");
    const Certificate certificate = tsa->certificate;
    auto authority = TimestampAuthority::create(std::move(tsa->key), {certificate, ca->certificate()}, options);
    return authority ? std::make_shared<TimestampAuthority>(std::move(authority).value()) : nullptr;
}

CadesSigner::TimestampFetcher TestServerArchive::serverTsa() const
{
    TimestampClientOptions options;
    options.url = QUrl(m_server.baseUrl() + QStringLiteral("/api/v1/tsa"));
    options.bearerToken = m_user.token;
    return makeHttpTimestampFetcher(options);
}

QByteArray TestServerArchive::signBLTA(
    TestServer& server, const SigningUser& user, const QByteArray& pdf, const CadesSigner::TimestampFetcher& archive)
{
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("in.pdf"));
    const QString output = dir.filePath(QStringLiteral("out.pdf"));
    if (!writeAll(input, pdf))
        return {};
    TimestampClientOptions options;
    options.url = QUrl(server.baseUrl() + QStringLiteral("/api/v1/tsa"));
    options.bearerToken = user.token;
    CadesSigner signer(*user.key, {user.certificate, user.ca});
    signer.setTimestampFetcher(makeHttpTimestampFetcher(options));
    SignatureOptions signing;
    signing.validationData = std::make_shared<const ValidationDataCollector>(revocationFrom(server, options));
    signing.archiveTimestamp = archive;
    auto signedPdf = PdfSigner::signFile(input, output, signer, signing);
    if (!signedPdf) {
        qWarning(
            "signing failed: %s %s", qPrintable(signedPdf.error().codeText()), qPrintable(signedPdf.error().detail));
        return {};
    }
    return readAll(output);
}

CadesSigner::TimestampFetcher TestServerArchive::fetcherOf(const std::shared_ptr<TimestampAuthority>& authority)
{
    return [authority](const QByteArray& digest) -> Result<QByteArray> {
        auto request = createTimestampRequest(digest);
        IKK_TRY(request);
        auto answer = authority->respond(*request);
        IKK_TRY(answer);
        return timestampTokenFromResponse(answer->response, *request);
    };
}

QString TestServerArchive::signedFile(
    const QString& folder, const QString& name, const CadesSigner::TimestampFetcher& archive)
{
    const QString fileId = registerFile(m_server, m_admin, folder, name, minimalPdf(), {}, {m_user.account.userId});
    if (fileId.isEmpty())
        return {};
    const Reply download = downloadFile(m_server, m_user.token, fileId);
    if (download.status != 200)
        return {};
    const QByteArray signedPdf = signBLTA(m_server, m_user, download.body, archive);
    if (signedPdf.isEmpty())
        return {};
    const Reply uploaded = uploadSigned(m_server, m_user.token, fileId, versionOf(download), signedPdf);
    if (uploaded.status != 200) {
        qWarning("upload refused: %s", uploaded.body.constData());
        return {};
    }
    return fileId;
}

int TestServerArchive::versionOfFile(const QString& fileId)
{
    const Reply detail = m_server.get(QStringLiteral("/api/v1/admin/files/") + fileId, m_admin);
    return detail.status == 200
        ? detail.json.value(QStringLiteral("file")).toObject().value(QStringLiteral("version")).toInt()
        : -1;
}

QByteArray TestServerArchive::currentBytes(const QString& fileId)
{
    const int version = versionOfFile(fileId);
    const Reply content
        = m_server.get(QStringLiteral("/api/v1/admin/files/%1/versions/%2/content").arg(fileId).arg(version), m_admin);
    return content.status == 200 ? content.body : QByteArray();
}

ToolRun TestServerArchive::renewArchive(TestServer& server, const QStringList& arguments)
{
    return runTool(builtBinary(QStringLiteral("ikkatsu-server")),
        QStringList {QStringLiteral("renew-archive")} + arguments + server.commonArgs());
}

Certificate TestServerArchive::tsaCertificateOf(TestServer& server)
{
    auto request = createTimestampRequest(QByteArray(32, 'r'));
    if (!request)
        return {};
    const Reply reply = server.request("POST", QStringLiteral("/api/v1/tsa"), *request, {},
        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/timestamp-query")}});
    auto token = timestampTokenFromResponse(reply.body, *request);
    if (!token)
        return {};
    auto info = parseTimestampToken(*token);
    return info ? info->tsaCertificate : Certificate();
}

void TestServerArchive::renewArchiveCommand()
{
    // An old document: its archive timestamp's TSA certificate ends in 30 days. A recent one: the server's TSA (years).
    auto old = shortLivedTsa(m_server, 30, m_work.filePath(QStringLiteral("old-tsa")));
    QVERIFY(old);
    const QString oldId = signedFile(m_folder, QStringLiteral("old.pdf"), fetcherOf(old));
    QVERIFY(!oldId.isEmpty());
    const QString recentId = signedFile(m_folder, QStringLiteral("recent.pdf"), serverTsa());
    QVERIFY(!recentId.isEmpty());
    QCOMPARE(versionOfFile(oldId), 2);
    QCOMPARE(versionOfFile(recentId), 2);
    const QByteArray before = currentBytes(oldId);
    const QByteArray recentBefore = currentBytes(recentId);

    // Within a year (the default margin) the old one is due; the server keeps running meanwhile.
    const ToolRun run = renewArchive(m_server, {});
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    QVERIFY2(run.out.contains(QByteArray("RENEWED  " + oldId.toLatin1())), qPrintable(run.all()));
    QVERIFY2(!run.out.contains(recentId.toLatin1()), qPrintable(run.all()));
    QVERIFY2(run.out.contains("2 renewed") == false && run.out.contains("1 renewed"), qPrintable(run.all()));
    QCOMPARE(versionOfFile(oldId), 3);
    QCOMPARE(versionOfFile(recentId), 2);
    QCOMPARE(currentBytes(recentId), recentBefore);

    // The new version extends the old one; our verifier sees B-LTA valid until the server's TSA certificate's end.
    const QByteArray after = currentBytes(oldId);
    QVERIFY(after.size() > before.size() && after.startsWith(before));
    const QString renewedPath = m_work.filePath(QStringLiteral("renewed.pdf"));
    const QString beforePath = m_work.filePath(QStringLiteral("before.pdf"));
    QVERIFY(writeAll(renewedPath, after));
    QVERIFY(writeAll(beforePath, before));
    auto previous = SignatureInspector::inspectFile(beforePath, {m_user.ca});
    auto report = SignatureInspector::inspectFile(renewedPath, {m_user.ca});
    QVERIFY(previous && report);
    QCOMPARE(report->signatures.size(), 3);
    const SignatureReport& signature = report->signatures.first();
    QCOMPARE(signature.verdict, SignatureVerdict::Valid);
    QCOMPARE(signature.level, QStringLiteral("B-LTA"));
    QCOMPARE(previous->signatures.first().validUntil, old->certificate().notAfter());
    QVERIFY(signature.validUntil > previous->signatures.first().validUntil.addYears(3));
    QCOMPARE(signature.validUntil, tsaCertificateOf(m_server).notAfter());
    for (const SignatureReport& each : report->signatures)
        QCOMPARE(each.verdict, SignatureVerdict::Valid);
    // In 45 days (the old TSA certificate gone) the old archive timestamp no longer holds, from the file alone; in
    // the renewed version everything does (the new timestamp proves the old one while its certificate was valid).
    InspectionOptions later;
    later.validationTime = QDateTime::currentDateTimeUtc().addDays(45);
    auto renewedLater = SignatureInspector::inspectFile(renewedPath, {m_user.ca}, later);
    auto previousLater = SignatureInspector::inspectFile(beforePath, {m_user.ca}, later);
    QVERIFY(renewedLater && previousLater);
    for (const SignatureReport& each : renewedLater->signatures)
        QVERIFY2(each.verdict == SignatureVerdict::Valid, qPrintable(each.fieldName + each.problem.detail));
    QVERIFY(previousLater->signatures.last().documentTimestamp);
    QCOMPARE(previousLater->signatures.last().verdict, SignatureVerdict::Invalid);
    QCOMPARE(previousLater->signatures.last().problem.code, ErrorCode::SignatureNotProvenAt);
    const ToolRun sig = pdfsig(renewedPath);
    QVERIFY2(sig.exitCode == 0 && !sig.out.contains("Signature is Invalid"), qPrintable(sig.all()));
    QVERIFY2(qpdfCheck(renewedPath).exitCode == 0, qPrintable(qpdfCheck(renewedPath).all()));

    // The audit trail has one file.archive_renewed row naming the file and its new version; nobody acted.
    const Reply audit
        = m_server.get(QStringLiteral("/api/v1/admin/audit?event=file.archive_renewed&limit=50"), m_admin);
    QCOMPARE(audit.status, 200);
    const QJsonArray entries = audit.json.value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 1);
    const QString detail = entries.first().toObject().value(QStringLiteral("detail")).toString();
    QVERIFY2(detail.contains(oldId) && detail.contains(QStringLiteral("version=3")), qPrintable(detail));
    QVERIFY(entries.first().toObject().value(QStringLiteral("actor")).toString().isEmpty());

    // Again: nothing is due any more, nothing changes.
    const ToolRun again = renewArchive(m_server, {});
    QVERIFY2(again.exitCode == 0 && again.out.contains("0 renewed"), qPrintable(again.all()));
    QCOMPARE(versionOfFile(oldId), 3);
    // A margin beyond the server's own TSA certificate cannot be met: refused per file, nothing written.
    const ToolRun beyond = renewArchive(m_server, {QStringLiteral("--margin-days"), QStringLiteral("3000")});
    QCOMPARE(beyond.exitCode, 1);
    QVERIFY2(beyond.out.contains("E4311"), qPrintable(beyond.all()));
    QCOMPARE(versionOfFile(oldId), 3);
    QCOMPARE(versionOfFile(recentId), 2);

    // The next signer signs on top of the renewed version as on any other.
    const Reply download = downloadFile(m_server, m_user.token, oldId);
    QCOMPARE(versionOf(download), 3);
}

void TestServerArchive::periodicJobRenews()
{
    // The running server's own job (every 2 s here) renews what is due, without the command.
    auto old = shortLivedTsa(m_server, 20, m_work.filePath(QStringLiteral("old-tsa-2")));
    QVERIFY(old);
    const QString fileId = signedFile(m_folder, QStringLiteral("periodic.pdf"), fetcherOf(old));
    QVERIFY(!fileId.isEmpty());
    QCOMPARE(versionOfFile(fileId), 2);
    m_server.stop();
    QVERIFY(m_server.start({QStringLiteral("--renew-interval"), QStringLiteral("2"),
        QStringLiteral("--renew-margin-days"), QStringLiteral("30")}));
    QTRY_COMPARE_WITH_TIMEOUT(versionOfFile(fileId), 3, 30000);
    // Renewed once: the next runs find it not due.
    QThread::sleep(5);
    QCOMPARE(versionOfFile(fileId), 3);
    const Reply audit
        = m_server.get(QStringLiteral("/api/v1/admin/audit?event=file.archive_renewed&limit=50"), m_admin);
    QCOMPARE(audit.json.value(QStringLiteral("entries")).toArray().size(), 2);
}

void TestServerArchive::tsaRotatedAtStart()
{
    // A server whose TSA certificate ends within the rotation margin (a year) gets a new key and certificate at start.
    TestServer server;
    QVERIFY(server.initAdmin(
        QStringLiteral("rot-admin"), QStringLiteral("rotation-password-1"), QStringLiteral("rot@files.example")));
    QVERIFY(server.start());
    const Certificate first = tsaCertificateOf(server);
    QVERIFY(!first.isNull());
    QVERIFY(first.notAfter() > QDateTime::currentDateTimeUtc().addYears(4));
    server.stop();
    const QString caDir = QDir(server.dataDir()).filePath(QStringLiteral("ca"));
    QVERIFY(QFile::remove(QDir(caDir).filePath(QStringLiteral("tsa-key.pem"))));
    QVERIFY(QFile::remove(QDir(caDir).filePath(QStringLiteral("tsa-cert.pem"))));
    auto old = shortLivedTsa(server, 100, caDir); // written where the server keeps its own
    QVERIFY(old);
    QVERIFY(server.start());
    const Certificate rotated = tsaCertificateOf(server);
    QVERIFY(!rotated.isNull());
    QVERIFY(!(rotated == old->certificate()));
    QVERIFY(!(rotated == first));
    QVERIFY(rotated.notAfter() > QDateTime::currentDateTimeUtc().addYears(4));
    QVERIFY(!(rotated.publicKeyDer() == old->certificate().publicKeyDer())); // a new key, not only a new certificate
    auto onDisk = Certificate::fromPem(readAll(QDir(caDir).filePath(QStringLiteral("tsa-cert.pem"))));
    QVERIFY(onDisk && *onDisk == rotated);
}

void TestServerArchive::tsaRotatedWhileRunning()
{
    // The periodic job rotates too: the certificate on disk becomes due while the server runs.
    TestServer server;
    QVERIFY(server.initAdmin(
        QStringLiteral("rot-admin"), QStringLiteral("rotation-password-1"), QStringLiteral("rot@files.example")));
    QVERIFY(server.start({QStringLiteral("--renew-interval"), QStringLiteral("2")}));
    const Certificate first = tsaCertificateOf(server);
    QVERIFY(!first.isNull());
    const QString caDir = QDir(server.dataDir()).filePath(QStringLiteral("ca"));
    const QString staging = m_work.filePath(QStringLiteral("due-tsa"));
    auto due = shortLivedTsa(server, 100, staging);
    QVERIFY(due);
    for (const QString& name : {QStringLiteral("tsa-key.pem"), QStringLiteral("tsa-cert.pem")}) {
        QFile::remove(QDir(caDir).filePath(name));
        QVERIFY(QFile::copy(QDir(staging).filePath(name), QDir(caDir).filePath(name)));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!(tsaCertificateOf(server) == first), 30000);
    const Certificate rotated = tsaCertificateOf(server);
    QVERIFY(!(rotated == due->certificate()));
    QVERIFY(rotated.notAfter() > QDateTime::currentDateTimeUtc().addYears(4));
    // And it stays: the next runs find nothing due.
    QThread::sleep(5);
    QVERIFY(tsaCertificateOf(server) == rotated);
    QVERIFY2(server.log().contains("TSA certificate rotated"), server.log().constData());
}

void TestServerArchive::badMargin()
{
    for (const QString& margin : {QStringLiteral("0"), QStringLiteral("-3"), QStringLiteral("many")}) {
        const ToolRun run = renewArchive(m_server, {QStringLiteral("--margin-days"), margin});
        QCOMPARE(run.exitCode, 2);
    }
}

void TestServerArchive::cliRenewsOverHttp()
{
    // `ikkatsu-cli timestamp --renew` for a file kept outside the server: OCSP, CRL and TSA over HTTP. The server's
    // certificates must name the URL it really listens on, so it gets a fixed port and that public URL.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);
    TestServer server;
    const QStringList here {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
        QStringLiteral("--public-url"), url + QLatin1Char('/')};
    const QString admin = startWithAdmin(server, here);
    QVERIFY(!admin.isEmpty());
    // `init` made the TSA certificate with the default URL in it: once more with this URL.
    server.stop();
    const QString caDir = QDir(server.dataDir()).filePath(QStringLiteral("ca"));
    QVERIFY(QFile::remove(QDir(caDir).filePath(QStringLiteral("tsa-cert.pem"))));
    QVERIFY(server.start(here));
    QCOMPARE(server.baseUrl(), url);
    const SigningUser user = newUser(server, admin, QStringLiteral("cli-archive@sign.example"));
    QVERIFY(!user.certificate.isNull());
    auto old = shortLivedTsa(server, 30, m_work.filePath(QStringLiteral("cli-old-tsa")));
    QVERIFY(old);
    const QByteArray signedPdf = signBLTA(server, user, minimalPdf(), fetcherOf(old));
    QVERIFY(!signedPdf.isEmpty());
    const QString path = m_work.filePath(QStringLiteral("outside.pdf"));
    QVERIFY(writeAll(path, signedPdf));

    const ToolRun run = runTool(builtBinary(QStringLiteral("ikkatsu-cli")),
        {QStringLiteral("timestamp"), QStringLiteral("--renew"), QStringLiteral("--tsa"),
            url + QStringLiteral("/api/v1/tsa"), path});
    QVERIFY2(run.exitCode == 0 && run.out.contains(QByteArray("RENEWED  " + path.toUtf8())), qPrintable(run.all()));
    const QByteArray renewed = readAll(path);
    QVERIFY(renewed.startsWith(signedPdf) && renewed.size() > signedPdf.size());
    auto report = SignatureInspector::inspectFile(path, {user.ca});
    QVERIFY(report);
    QCOMPARE(report->signatures.size(), 3);
    QCOMPARE(report->signatures.first().level, QStringLiteral("B-LTA"));
    for (const SignatureReport& each : report->signatures)
        QCOMPARE(each.verdict, SignatureVerdict::Valid);
    QCOMPARE(report->signatures.first().validUntil, tsaCertificateOf(server).notAfter());
    // Run again: not due any more, untouched.
    const ToolRun again = runTool(builtBinary(QStringLiteral("ikkatsu-cli")),
        {QStringLiteral("timestamp"), QStringLiteral("--renew"), QStringLiteral("--tsa"),
            url + QStringLiteral("/api/v1/tsa"), path});
    QVERIFY2(again.exitCode == 0 && again.out.contains("NOT DUE"), qPrintable(again.all()));
    QCOMPARE(readAll(path), renewed);
}

QTEST_GUILESS_MAIN(TestServerArchive)
#include "tst_server_archive.moc"
