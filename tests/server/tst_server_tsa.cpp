// The server's TSA and OCSP responder over real HTTP, read by openssl and curl; B-T signing with the CLI and an upload
// of a B-T signature; who may ask for timestamps.
#include "FileSteps.h"
#include "PdfFixtures.h"
#include "TestPki.h"
#include "TestSupport.h"
#include "client/TimestampClient.h"
#include "crypto/Timestamp.h"
#include "pdf/PdfSigner.h"
#include "pdf/SignatureInspector.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::test;

class TestServerTsa : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void timestampWithOpensslAndCurl();
    void badTimestampRequests();
    void whoMayAsk();
    void ocspWithOpenssl();
    void ocspByGet();
    void signingPolicy();
    void cliSignsBT();
    void cliFailsWhenTsaIsDown();
    void uploadOfBTSignature();
    void uploadOfBLTASignature();
    void uploadsBelowTheLevelOrForeignTimestampsAreRefused();

private:
    QString path(const QString& name) const { return m_work.filePath(name); }
    ToolRun openssl(const QStringList& arguments) { return runTool(QStringLiteral("openssl"), arguments); }

    TestServer m_server;
    QString m_admin;
    SigningUser m_user;
    QString m_caPem;
    QTemporaryDir m_work;
};

void TestServerTsa::initTestCase()
{
    // The level the administrator sets: B-T here, so that B-T and B-LTA uploads are both accepted (above it).
    m_admin = startWithAdmin(m_server, {QStringLiteral("--level"), QStringLiteral("B-T")});
    QVERIFY(!m_admin.isEmpty());
    m_user = newUser(m_server, m_admin, QStringLiteral("tsa@sign.example"));
    QVERIFY(!m_user.certificate.isNull());
    const Reply ca = m_server.get(QStringLiteral("/api/v1/ca/certificate"));
    QCOMPARE(ca.status, 200);
    m_caPem = path(QStringLiteral("ca.pem"));
    QVERIFY(writeAll(m_caPem, Certificate::fromDer(ca.body)->toPem()));
}

void TestServerTsa::timestampWithOpensslAndCurl()
{
    const QString data = path(QStringLiteral("data.bin"));
    QVERIFY(writeAll(data, QByteArrayLiteral("15 years of 建築確認 records\n")));
    const QString query = path(QStringLiteral("q.tsq"));
    QCOMPARE(openssl({QStringLiteral("ts"), QStringLiteral("-query"), QStringLiteral("-data"), data,
                         QStringLiteral("-sha256"), QStringLiteral("-cert"), QStringLiteral("-out"), query})
                 .exitCode,
        0);
    // RFC 3161 §3.4 over HTTP exactly as curl sends it: loopback, no session (the default setting lets it in).
    const QString reply = path(QStringLiteral("r.tsr"));
    const ToolRun curl = runTool(QStringLiteral("curl"),
        {QStringLiteral("-sS"), QStringLiteral("-f"), QStringLiteral("-H"),
            QStringLiteral("Content-Type: application/timestamp-query"), QStringLiteral("--data-binary"),
            QLatin1Char('@') + query, QStringLiteral("-o"), reply, QStringLiteral("-w"),
            QStringLiteral("%{content_type}"), m_server.baseUrl() + QStringLiteral("/api/v1/tsa")});
    QVERIFY2(curl.exitCode == 0, qPrintable(curl.all()));
    QCOMPARE(curl.out, QByteArrayLiteral("application/timestamp-reply"));
    QByteArray digest = readAll(data);
    const QString digestHex = QString::fromLatin1(QCryptographicHash::hash(digest, QCryptographicHash::Sha256).toHex());
    for (const QStringList& form : QList<QStringList> {{QStringLiteral("-data"), data},
             {QStringLiteral("-digest"), digestHex}, {QStringLiteral("-queryfile"), query}}) {
        const ToolRun verify
            = openssl(QStringList {QStringLiteral("ts"), QStringLiteral("-verify"), QStringLiteral("-in"), reply} + form
                + QStringList {QStringLiteral("-CAfile"), m_caPem});
        QVERIFY2(verify.exitCode == 0 && verify.out.contains("Verification: OK"), qPrintable(verify.all()));
    }
    // The token's serial is in the database.
    auto token = timestampTokenFromResponse(readAll(reply), readAll(query));
    QVERIFY(token);
    auto info = parseTimestampToken(*token);
    QVERIFY(info);
    bool ok = false;
    const auto rows = queryServerDatabase(m_server,
        QStringLiteral("SELECT serial, imprint, requester FROM tsa_tokens WHERE serial = ?"), {info->serialHex}, &ok);
    QVERIFY(ok);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().at(1).toString(), digestHex);
    QVERIFY(rows.first().at(2).isNull()); // anonymous
}

void TestServerTsa::badTimestampRequests()
{
    auto request = createTimestampRequest(QByteArray(32, 'a'));
    QVERIFY(request);
    const Reply wrongType = m_server.request("POST", QStringLiteral("/api/v1/tsa"), *request, {},
        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
    QCOMPARE(wrongType.status, 400);
    QCOMPARE(wrongType.code, QStringLiteral("E4302"));
    // The media type is compared whole and without regard to case or parameters (RFC 9110 §8.3.1).
    for (const QByteArray& type : {QByteArrayLiteral("application/timestamp-query-extra"),
             QByteArrayLiteral("application/timestamp-queryx; a=b"), QByteArrayLiteral("application/timestamp")}) {
        const Reply longer = m_server.request(
            "POST", QStringLiteral("/api/v1/tsa"), *request, {}, {{QByteArrayLiteral("Content-Type"), type}});
        QVERIFY2(longer.status == 400 && longer.code == QStringLiteral("E4302"), type.constData());
    }
    for (const QByteArray& type : {QByteArrayLiteral("Application/TimeStamp-Query"),
             QByteArrayLiteral("application/timestamp-query ; charset=binary")}) {
        const Reply spelled = m_server.request(
            "POST", QStringLiteral("/api/v1/tsa"), *request, {}, {{QByteArrayLiteral("Content-Type"), type}});
        QVERIFY2(
            spelled.status == 200 && spelled.contentType.startsWith("application/timestamp-reply"), type.constData());
        QVERIFY(timestampTokenFromResponse(spelled.body, *request));
    }
    // Garbage of the right type: a rejection in the protocol, which openssl reads.
    const Reply garbage
        = m_server.request("POST", QStringLiteral("/api/v1/tsa"), QByteArrayLiteral("\x30\x82\xff\xff junk"), {},
            {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/timestamp-query")}});
    QCOMPARE(garbage.status, 200);
    QVERIFY(garbage.contentType.startsWith("application/timestamp-reply"));
    const QString rejected = path(QStringLiteral("rejected.tsr"));
    QVERIFY(writeAll(rejected, garbage.body));
    const ToolRun text = openssl(
        {QStringLiteral("ts"), QStringLiteral("-reply"), QStringLiteral("-in"), rejected, QStringLiteral("-text")});
    QVERIFY2(text.out.contains("Status: Rejected"), qPrintable(text.all()));
    // Through a reverse proxy on the same host, loopback is not enough.
    for (const QByteArray& header : {QByteArrayLiteral("X-Forwarded-For"), QByteArrayLiteral("Forwarded")}) {
        const Reply proxied = m_server.request("POST", QStringLiteral("/api/v1/tsa"), *request, {},
            {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/timestamp-query")},
                {header, QByteArrayLiteral("203.0.113.7")}});
        QCOMPARE(proxied.status, 403);
        QCOMPARE(proxied.code, QStringLiteral("E4307"));
    }
    // A session token that is sent must be good.
    const Reply badToken
        = m_server.request("POST", QStringLiteral("/api/v1/tsa"), *request, QStringLiteral("not-a-session"),
            {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/timestamp-query")}});
    QCOMPARE(badToken.status, 401);
    // A good one is recorded as the requester.
    const Reply mine = m_server.request("POST", QStringLiteral("/api/v1/tsa"), *request, m_user.token,
        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/timestamp-query")}});
    QCOMPARE(mine.status, 200);
    auto token = timestampTokenFromResponse(mine.body, *request);
    QVERIFY(token);
    const auto rows = queryServerDatabase(m_server, QStringLiteral("SELECT requester FROM tsa_tokens WHERE serial = ?"),
        {parseTimestampToken(*token)->serialHex});
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().at(0).toString(), m_user.account.userId);
}

void TestServerTsa::whoMayAsk()
{
    auto request = createTimestampRequest(QByteArray(32, 'b'));
    const QList<QPair<QByteArray, QByteArray>> headers {
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/timestamp-query")}};
    {
        TestServer sessionOnly;
        const QString admin = startWithAdmin(sessionOnly, {QStringLiteral("--access"), QStringLiteral("session")});
        QVERIFY(!admin.isEmpty());
        const Reply anonymous = sessionOnly.request("POST", QStringLiteral("/api/v1/tsa"), *request, {}, headers);
        QCOMPARE(anonymous.status, 403);
        QCOMPARE(anonymous.code, QStringLiteral("E4307"));
        const Reply withSession = sessionOnly.request("POST", QStringLiteral("/api/v1/tsa"), *request, admin, headers);
        QCOMPARE(withSession.status, 200);
    }
    {
        TestServer off;
        const QString admin = startWithAdmin(off, {QStringLiteral("--access"), QStringLiteral("off")});
        QVERIFY(!admin.isEmpty());
        const Reply refused = off.request("POST", QStringLiteral("/api/v1/tsa"), *request, admin, headers);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.code, QStringLiteral("E4307"));
    }
}

void TestServerTsa::ocspWithOpenssl()
{
    SigningUser user = newUser(m_server, m_admin, QStringLiteral("ocsp@sign.example"));
    const QString leaf = path(QStringLiteral("leaf.pem"));
    QVERIFY(writeAll(leaf, user.certificate.toPem()));
    // The issued certificate says where to ask.
    const ToolRun text = openssl(
        {QStringLiteral("x509"), QStringLiteral("-in"), leaf, QStringLiteral("-noout"), QStringLiteral("-ocsp_uri")});
    QCOMPARE(text.out.trimmed(), (m_server.baseUrl() + QStringLiteral("/api/v1/ocsp")).toLatin1());
    auto ask = [&](const QStringList& subject) {
        return openssl(QStringList {QStringLiteral("ocsp"), QStringLiteral("-issuer"), m_caPem} + subject
            + QStringList {QStringLiteral("-url"), m_server.baseUrl() + QStringLiteral("/api/v1/ocsp"),
                QStringLiteral("-CAfile"), m_caPem, QStringLiteral("-resp_text")});
    };
    ToolRun good = ask({QStringLiteral("-cert"), leaf});
    QVERIFY2(good.exitCode == 0 && good.all().contains(QStringLiteral("Response verify OK")), qPrintable(good.all()));
    QVERIFY2(good.out.contains(": good"), qPrintable(good.all()));

    const Reply revoked = m_server.post(QStringLiteral("/api/v1/admin/certificates/%1/revoke").arg(user.serial),
        {{QStringLiteral("reason"), 1}}, m_admin);
    QCOMPARE(revoked.status, 200);
    ToolRun after = ask({QStringLiteral("-cert"), leaf});
    QVERIFY2(
        after.exitCode == 0 && after.all().contains(QStringLiteral("Response verify OK")), qPrintable(after.all()));
    QVERIFY2(after.out.contains(": revoked"), qPrintable(after.all()));
    QVERIFY2(after.out.contains("keyCompromise") || after.out.contains("Key Compromise"), qPrintable(after.all()));

    ToolRun unknown = ask({QStringLiteral("-serial"), QStringLiteral("0x1234567890")});
    QVERIFY2(unknown.exitCode == 0 && unknown.out.contains(": unknown"), qPrintable(unknown.all()));

    const Reply wrongType = m_server.request("POST", QStringLiteral("/api/v1/ocsp"), QByteArrayLiteral("x"), {},
        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")}});
    QCOMPARE(wrongType.status, 400);
    QCOMPARE(wrongType.code, QStringLiteral("E2210"));
    const Reply longerType = m_server.request("POST", QStringLiteral("/api/v1/ocsp"), QByteArrayLiteral("x"), {},
        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/ocsp-requests")}});
    QCOMPARE(longerType.code, QStringLiteral("E2210"));
}

void TestServerTsa::ocspByGet()
{
    const QString leaf = path(QStringLiteral("get-leaf.pem"));
    QVERIFY(writeAll(leaf, m_user.certificate.toPem()));
    // Several requests (their nonces differ), so that some base64 forms carry '/' and '+': at least eight, and more
    // (up to 64) until one has a '/', since the nonces are random.
    int withSlash = 0;
    for (int i = 0; i < 64 && (i < 8 || withSlash == 0); ++i) {
        const QString request = path(QStringLiteral("get-%1.der").arg(i));
        QCOMPARE(openssl({QStringLiteral("ocsp"), QStringLiteral("-issuer"), m_caPem, QStringLiteral("-cert"), leaf,
                             QStringLiteral("-reqout"), request})
                     .exitCode,
            0);
        const QByteArray base64 = readAll(request).toBase64();
        withSlash += base64.contains('/') ? 1 : 0;
        // As it is, and URL-encoded as RFC 6960 asks ('/' as %2F, '+' as %2B, '=' as %3D).
        const Reply encoded = m_server.request("GET",
            QStringLiteral("/api/v1/ocsp/")
                + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(base64))));
        QCOMPARE(encoded.status, 200);
        const Reply reply = m_server.request("GET", QStringLiteral("/api/v1/ocsp/") + QString::fromLatin1(base64));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body.size() > 0, true);
        QVERIFY(reply.contentType.startsWith("application/ocsp-response"));
        const QString response = path(QStringLiteral("get-%1.resp").arg(i));
        QVERIFY(writeAll(response, reply.body));
        const ToolRun nonce = openssl({QStringLiteral("ocsp"), QStringLiteral("-respin"), response,
            QStringLiteral("-reqin"), request, QStringLiteral("-CAfile"), m_caPem});
        QVERIFY2(nonce.exitCode == 0 && nonce.err.contains("Response verify OK"), qPrintable(nonce.all()));
        const ToolRun read
            = openssl({QStringLiteral("ocsp"), QStringLiteral("-respin"), response, QStringLiteral("-no_nonce"),
                QStringLiteral("-CAfile"), m_caPem, QStringLiteral("-issuer"), m_caPem, QStringLiteral("-cert"), leaf});
        QVERIFY2(read.exitCode == 0 && read.out.contains(": good"), qPrintable(read.all()));
    }
    QVERIFY2(withSlash > 0, "no request had a '/' in its base64; run again");

    // A request whose base64 has "//" (a serial of 0xff bytes, all ones whatever the alignment): the router drops
    // empty path segments, and the request must still arrive whole.
    const QString crafted = path(QStringLiteral("get-slashes.der"));
    const QString serial = QStringLiteral("0x7FFFFFFFFFFFFFFF");
    QCOMPARE(openssl({QStringLiteral("ocsp"), QStringLiteral("-issuer"), m_caPem, QStringLiteral("-serial"), serial,
                         QStringLiteral("-no_nonce"), QStringLiteral("-reqout"), crafted})
                 .exitCode,
        0);
    const QByteArray slashes = readAll(crafted).toBase64();
    QVERIFY2(slashes.contains("//"), slashes.constData());
    const Reply answer = m_server.request("GET", QStringLiteral("/api/v1/ocsp/") + QString::fromLatin1(slashes));
    QVERIFY2(answer.status == 200, answer.body.constData());
    const QString answerFile = path(QStringLiteral("get-slashes.resp"));
    QVERIFY(writeAll(answerFile, answer.body));
    const ToolRun checked
        = openssl({QStringLiteral("ocsp"), QStringLiteral("-respin"), answerFile, QStringLiteral("-CAfile"), m_caPem,
            QStringLiteral("-issuer"), m_caPem, QStringLiteral("-serial"), serial, QStringLiteral("-no_nonce")});
    QVERIFY2(checked.exitCode == 0 && checked.err.contains("Response verify OK"), qPrintable(checked.all()));
    const Reply notBase64 = m_server.request("GET", QStringLiteral("/api/v1/ocsp/%%%"));
    QVERIFY(notBase64.status == 400 || notBase64.status == 404);
}

void TestServerTsa::signingPolicy()
{
    const Reply policy = m_server.get(QStringLiteral("/api/v1/signing-policy"));
    QCOMPARE(policy.status, 200);
    QCOMPARE(policy.json.value(QStringLiteral("signatureLevel")).toString(), QStringLiteral("B-T"));
    QCOMPARE(policy.json.value(QStringLiteral("tsaPath")).toString(), QStringLiteral("/api/v1/tsa"));
}

namespace {

const QByteArray kPin = QByteArrayLiteral("pin12345");

ToolRun cli(const QStringList& arguments, const QByteArray& input = {})
{
    return runTool(builtBinary(QStringLiteral("ikkatsu-cli")), arguments, input);
}

} // namespace

void TestServerTsa::cliSignsBT()
{
    const QString keystore = path(QStringLiteral("me.p12"));
    const ToolRun create
        = cli({QStringLiteral("keystore"), QStringLiteral("create"), QStringLiteral("--out"), keystore,
                  QStringLiteral("--self-signed"), QStringLiteral("--name"), QStringLiteral("Taro Yamada"),
                  QStringLiteral("--company"), QStringLiteral("Sample"), QStringLiteral("--pin-stdin")},
            kPin + '\n');
    QVERIFY2(create.exitCode == 0, qPrintable(create.all()));
    const QString input = path(QStringLiteral("doc.pdf"));
    QVERIFY(writeAll(input, minimalPdf()));
    const QString out = path(QStringLiteral("out"));
    const ToolRun run
        = cli({QStringLiteral("sign"), QStringLiteral("--keystore"), keystore, QStringLiteral("--pin-stdin"),
                  QStringLiteral("--level"), QStringLiteral("B-T"), QStringLiteral("--tsa"),
                  m_server.baseUrl() + QStringLiteral("/api/v1/tsa"), QStringLiteral("--out-dir"), out, input},
            kPin + '\n');
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    const QString signedPath = QDir(out).filePath(QStringLiteral("doc.pdf"));
    const ToolRun sig = pdfsig(signedPath);
    QVERIFY2(sig.exitCode == 0 && sig.out.contains("Signature is Valid"), qPrintable(sig.all()));
    QCOMPARE(qpdfCheck(signedPath).exitCode, 0);
    const ToolRun verify = cli({QStringLiteral("verify"), QStringLiteral("--json"), signedPath});
    const QJsonObject signature = QJsonDocument::fromJson(verify.out)
                                      .object()
                                      .value(QStringLiteral("files"))
                                      .toArray()
                                      .first()
                                      .toObject()
                                      .value(QStringLiteral("signatures"))
                                      .toArray()
                                      .first()
                                      .toObject();
    QCOMPARE(signature.value(QStringLiteral("level")).toString(), QStringLiteral("B-T"));
    const QDateTime stamped
        = QDateTime::fromString(signature.value(QStringLiteral("timestampTime")).toString(), Qt::ISODate);
    QVERIFY2(
        stamped.isValid() && qAbs(stamped.secsTo(QDateTime::currentDateTimeUtc())) < 120, qPrintable(verify.all()));
    // With the server's CA as anchor the timestamp is trusted (the signer, self-signed, is not).
    const ToolRun trusted
        = cli({QStringLiteral("verify"), QStringLiteral("--json"), QStringLiteral("--trust"), m_caPem, signedPath});
    QVERIFY2(trusted.out.contains("\"timestampTrusted\": true"), qPrintable(trusted.all()));

    const ToolRun badLevel
        = cli({QStringLiteral("sign"), QStringLiteral("--keystore"), keystore, QStringLiteral("--pin-stdin"),
            QStringLiteral("--level"), QStringLiteral("B-Q"), QStringLiteral("--suffix"), QStringLiteral("-x"), input});
    QVERIFY(badLevel.exitCode != 0);
    QVERIFY2(badLevel.all().contains(QStringLiteral("E4308")), qPrintable(badLevel.all()));
}

void TestServerTsa::cliFailsWhenTsaIsDown()
{
    const QString keystore = path(QStringLiteral("me.p12"));
    QVERIFY(QFile::exists(keystore)); // from cliSignsBT
    const QString input = path(QStringLiteral("down.pdf"));
    QVERIFY(writeAll(input, minimalPdf()));
    const QString out = path(QStringLiteral("down-out"));
    const ToolRun run
        = cli({QStringLiteral("sign"), QStringLiteral("--keystore"), keystore, QStringLiteral("--pin-stdin"),
                  QStringLiteral("--level"), QStringLiteral("B-T"), QStringLiteral("--tsa"),
                  QStringLiteral("http://127.0.0.1:1/api/v1/tsa"), QStringLiteral("--out-dir"), out, input},
            kPin + '\n');
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.all().contains(QStringLiteral("E4301")), qPrintable(run.all()));
    QVERIFY(QDir(out).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

void TestServerTsa::uploadOfBTSignature()
{
    const QString folder = createFolder(m_server, m_admin, QStringLiteral("時刻"));
    const QString fileId
        = registerFile(m_server, m_admin, folder, QStringLiteral("bt.pdf"), minimalPdf(), {}, {m_user.account.userId});
    QVERIFY(!fileId.isEmpty());
    const Reply download = downloadFile(m_server, m_user.token, fileId);
    QCOMPARE(download.status, 200);
    const QString input = path(QStringLiteral("upload.pdf"));
    const QString output = path(QStringLiteral("upload-signed.pdf"));
    QVERIFY(writeAll(input, download.body));
    CadesSigner signer(*m_user.key, {m_user.certificate, m_user.ca});
    TimestampClientOptions options;
    options.url = QUrl(m_server.baseUrl() + QStringLiteral("/api/v1/tsa"));
    options.bearerToken = m_user.token;
    signer.setTimestampFetcher(makeHttpTimestampFetcher(options));
    auto signedFile = PdfSigner::signFile(input, output, signer, {});
    QVERIFY2(signedFile, qPrintable(signedFile ? QString() : signedFile.error().detail));
    const Reply uploaded = uploadSigned(m_server, m_user.token, fileId, versionOf(download), readAll(output));
    QVERIFY2(uploaded.status == 200, uploaded.body.constData());
}

void TestServerTsa::uploadOfBLTASignature()
{
    // B-LTA over real HTTP: the server's TSA, its OCSP responder for the signer and its CRL for the TSA; the upload
    // rule accepts the signature followed by its /DSS and document timestamp revisions.
    const QString folder = createFolder(m_server, m_admin, QStringLiteral("長期署名"));
    const QString fileId = registerFile(
        m_server, m_admin, folder, QStringLiteral("blta.pdf"), minimalPdf(), {}, {m_user.account.userId});
    QVERIFY(!fileId.isEmpty());
    const Reply download = downloadFile(m_server, m_user.token, fileId);
    QCOMPARE(download.status, 200);
    const QString input = path(QStringLiteral("blta.pdf"));
    const QString output = path(QStringLiteral("blta-signed.pdf"));
    QVERIFY(writeAll(input, download.body));
    CadesSigner signer(*m_user.key, {m_user.certificate, m_user.ca});
    TimestampClientOptions options;
    options.url = QUrl(m_server.baseUrl() + QStringLiteral("/api/v1/tsa"));
    options.bearerToken = m_user.token;
    signer.setTimestampFetcher(makeHttpTimestampFetcher(options));
    const RevocationFetchers http = makeHttpRevocationFetchers(options);
    const RevocationFetchers local = revocationFrom(m_server, options);
    SignatureOptions signing;
    signing.validationData = std::make_shared<const ValidationDataCollector>(local);
    signing.archiveTimestamp = makeHttpTimestampFetcher(options);
    auto signedFile = PdfSigner::signFile(input, output, signer, signing);
    QVERIFY2(
        signedFile, qPrintable(signedFile ? QString() : signedFile.error().codeText() + signedFile.error().detail));
    auto report = SignatureInspector::inspectFile(output, {m_user.ca});
    QVERIFY(report);
    QCOMPARE(report->signatures.size(), 2);
    QCOMPARE(report->signatures.first().level, QStringLiteral("B-LTA"));
    QCOMPARE(report->signatures.first().verdict, SignatureVerdict::Valid);
    QVERIFY(report->signatures.last().documentTimestamp);
    const ToolRun sig = pdfsig(output);
    QVERIFY2(sig.exitCode == 0 && !sig.out.contains("Signature is Invalid"), qPrintable(sig.all()));
    const Reply uploaded = uploadSigned(m_server, m_user.token, fileId, versionOf(download), readAll(output));
    QVERIFY2(uploaded.status == 200, uploaded.body.constData());

    // The responder unreachable: a clear code and nothing written.
    RevocationFetchers down = local;
    down.ocsp = [http](const QString&, const QByteArray& request) {
        return http.ocsp(QStringLiteral("http://127.0.0.1:1/api/v1/ocsp"), request);
    };
    signing.validationData = std::make_shared<const ValidationDataCollector>(down);
    const QString refused = path(QStringLiteral("blta-refused.pdf"));
    auto failed = PdfSigner::signFile(input, refused, signer, signing);
    QVERIFY(!failed);
    QCOMPARE(failed.error().code, ErrorCode::OcspUnavailable);
    QVERIFY(!QFile::exists(refused));
}

void TestServerTsa::uploadsBelowTheLevelOrForeignTimestampsAreRefused()
{
    // A hostile client leaves the timestamp out (B-B under a B-T policy), or brings a token from a TSA of its own
    // whose certificate and imprint are otherwise perfect: both refused with their own code, nothing stored.
    const QString folder = createFolder(m_server, m_admin, QStringLiteral("時刻偽装"));
    const QString fileId = registerFile(
        m_server, m_admin, folder, QStringLiteral("forged.pdf"), minimalPdf(), {}, {m_user.account.userId});
    QVERIFY(!fileId.isEmpty());
    const Reply download = downloadFile(m_server, m_user.token, fileId);
    QCOMPARE(download.status, 200);
    const QString input = path(QStringLiteral("forged.pdf"));
    QVERIFY(writeAll(input, download.body));
    CadesSigner signer(*m_user.key, {m_user.certificate, m_user.ca});

    const QString plain = path(QStringLiteral("forged-bb.pdf"));
    QVERIFY(PdfSigner::signFile(input, plain, signer, {}));
    Reply refused = uploadSigned(m_server, m_user.token, fileId, versionOf(download), readAll(plain));
    QCOMPARE(refused.status, 422);
    QCOMPARE(refused.json.value(QStringLiteral("code")).toString(), QStringLiteral("E4226"));

    test::TestPki foreign;
    QVERIFY(foreign.open(QStringLiteral("Foreign")));
    signer.setTimestampFetcher([&foreign](const QByteArray& digest) { return foreign.token(digest); });
    const QString stamped = path(QStringLiteral("forged-bt.pdf"));
    QVERIFY(PdfSigner::signFile(input, stamped, signer, {}));
    auto report = SignatureInspector::inspectFile(stamped, {foreign.caCertificate});
    QVERIFY(report);
    QCOMPARE(report->signatures.first().level, QStringLiteral("B-T")); // a good timestamp, from someone else's TSA
    refused = uploadSigned(m_server, m_user.token, fileId, versionOf(download), readAll(stamped));
    QCOMPARE(refused.status, 422);
    QCOMPARE(refused.json.value(QStringLiteral("code")).toString(), QStringLiteral("E4227"));

    const Reply after = downloadFile(m_server, m_user.token, fileId);
    QCOMPARE(after.body, download.body);
}

QTEST_GUILESS_MAIN(TestServerTsa)
#include "tst_server_tsa.moc"
