// RFC 3161 tokens, RFC 6960 answers and PAdES B-T signing from core, each checked by openssl, pdfsig and qpdf too.
#include "PdfFixtures.h"
#include "TestPki.h"
#include "TestSupport.h"
#include "crypto/Cades.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/Ocsp.h"
#include "crypto/Timestamp.h"
#include "pdf/PdfSigner.h"
#include "pdf/SignatureInspector.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <optional>

using namespace ikkatsu;
using namespace ikkatsu::test;

namespace {

QByteArray sha256(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

} // namespace

class TestTimestamp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tokenVerifiesWithOpenssl();
    void opensslRequestIsAnswered();
    void tokenFieldsAndTrust();
    void serialsAreUnique();
    void forgedTokensAreRejected();
    void responseMustAnswerTheRequest();
    void badRequestsGetRejections();
    void ocspAnswersReadByOpenssl_data();
    void ocspAnswersReadByOpenssl();
    void ocspClientVerifies();
    void issuedCertificateHasAuthorityInfoAccess();
    void signsBT();
    void tsaDownWritesNothing();
    void placeholderRetriedOnceForALargerToken();

private:
    QString signPdf(CadesSigner& signer, const QString& name);

    TestPki m_pki;
    TestPki m_other;
    QTemporaryDir m_work;
};

void TestTimestamp::initTestCase()
{
    QVERIFY(m_pki.open(QStringLiteral("Main")));
    QVERIFY(m_other.open(QStringLiteral("Other")));
}

void TestTimestamp::tokenVerifiesWithOpenssl()
{
    const QByteArray data = QByteArrayLiteral("建築確認 2026 — the data to be timestamped\n");
    const QString dataPath = m_work.filePath(QStringLiteral("data.bin"));
    QVERIFY(writeAll(dataPath, data));
    auto request = createTimestampRequest(sha256(data));
    QVERIFY2(request, qPrintable(request ? QString() : request.error().detail));
    auto answer = m_pki.tsa->respond(*request);
    QVERIFY(answer);
    QVERIFY(answer->granted);
    const QString responsePath = m_work.filePath(QStringLiteral("reply.tsr"));
    const QString requestPath = m_work.filePath(QStringLiteral("query.tsq"));
    QVERIFY(writeAll(responsePath, answer->response));
    QVERIFY(writeAll(requestPath, *request));
    // The data form, the digest form and the request form.
    const QList<QStringList> forms
        = {{QStringLiteral("-data"), dataPath}, {QStringLiteral("-digest"), QString::fromLatin1(sha256(data).toHex())},
            {QStringLiteral("-queryfile"), requestPath}};
    for (const QStringList& form : forms) {
        const ToolRun run = runTool(QStringLiteral("openssl"),
            QStringList {QStringLiteral("ts"), QStringLiteral("-verify"), QStringLiteral("-in"), responsePath} + form
                + QStringList {QStringLiteral("-CAfile"), m_pki.caPem});
        QVERIFY2(run.exitCode == 0 && run.out.contains("Verification: OK"), qPrintable(run.all()));
    }
    // Other data, or a CA that did not issue the TSA: openssl refuses too.
    const ToolRun wrongData = runTool(QStringLiteral("openssl"),
        {QStringLiteral("ts"), QStringLiteral("-verify"), QStringLiteral("-in"), responsePath,
            QStringLiteral("-digest"), QString::fromLatin1(sha256("other").toHex()), QStringLiteral("-CAfile"),
            m_pki.caPem});
    QVERIFY(wrongData.exitCode != 0);
    const ToolRun wrongCa = runTool(QStringLiteral("openssl"),
        {QStringLiteral("ts"), QStringLiteral("-verify"), QStringLiteral("-in"), responsePath, QStringLiteral("-data"),
            dataPath, QStringLiteral("-CAfile"), m_other.caPem});
    QVERIFY(wrongCa.exitCode != 0);
    const ToolRun text = runTool(QStringLiteral("openssl"),
        {QStringLiteral("ts"), QStringLiteral("-reply"), QStringLiteral("-in"), responsePath, QStringLiteral("-text")});
    QVERIFY2(text.out.contains("Policy OID: 1.2.3.4.5"), qPrintable(text.all()));
    QVERIFY2(text.out.contains("Accuracy: 0x01 seconds"), qPrintable(text.all()));
    QVERIFY2(text.out.contains("Nonce: 0x"), qPrintable(text.all()));
}

void TestTimestamp::opensslRequestIsAnswered()
{
    const QString dataPath = m_work.filePath(QStringLiteral("data2.bin"));
    QVERIFY(writeAll(dataPath, QByteArrayLiteral("openssl made the request")));
    const ToolRun query = runTool(QStringLiteral("openssl"),
        {QStringLiteral("ts"), QStringLiteral("-query"), QStringLiteral("-data"), dataPath, QStringLiteral("-sha384"),
            QStringLiteral("-cert")});
    QCOMPARE(query.exitCode, 0);
    auto answer = m_pki.tsa->respond(query.out);
    QVERIFY(answer && answer->granted);
    const QString responsePath = m_work.filePath(QStringLiteral("reply2.tsr"));
    QVERIFY(writeAll(responsePath, answer->response));
    const ToolRun run = runTool(QStringLiteral("openssl"),
        {QStringLiteral("ts"), QStringLiteral("-verify"), QStringLiteral("-in"), responsePath, QStringLiteral("-data"),
            dataPath, QStringLiteral("-CAfile"), m_pki.caPem});
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    // SHA-1 imprints are refused with a rejection the client can read.
    const ToolRun sha1 = runTool(QStringLiteral("openssl"),
        {QStringLiteral("ts"), QStringLiteral("-query"), QStringLiteral("-data"), dataPath, QStringLiteral("-sha1")});
    auto refused = m_pki.tsa->respond(sha1.out);
    QVERIFY(refused);
    QVERIFY(!refused->granted);
}

void TestTimestamp::tokenFieldsAndTrust()
{
    const QByteArray digest = sha256("fields");
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-2);
    auto token = m_pki.token(digest);
    QVERIFY2(token, qPrintable(token ? QString() : token.error().detail));
    auto info = verifyTimestampToken(*token, digest, {m_pki.caCertificate});
    QVERIFY2(info, qPrintable(info ? QString() : info.error().detail));
    QVERIFY(info->trusted);
    QVERIFY(info->genTime >= before && info->genTime <= QDateTime::currentDateTimeUtc().addSecs(2));
    QCOMPARE(info->policyOid, QStringLiteral("1.2.3.4.5"));
    QCOMPARE(info->tsaCertificate, m_pki.tsaCertificate);
    QVERIFY(!info->serialHex.isEmpty());
    auto untrusted = verifyTimestampToken(*token, digest, {});
    QVERIFY(untrusted);
    QVERIFY(!untrusted->trusted);
}

void TestTimestamp::serialsAreUnique()
{
    QSet<QString> serials;
    for (int i = 0; i < 50; ++i) {
        auto request = createTimestampRequest(sha256(QByteArray::number(i)));
        auto answer = m_pki.tsa->respond(*request);
        QVERIFY(answer && answer->granted);
        serials.insert(answer->serialHex);
    }
    QCOMPARE(serials.size(), 50);
}

void TestTimestamp::forgedTokensAreRejected()
{
    const QByteArray digest = sha256("genuine");
    auto token = m_pki.token(digest);
    QVERIFY(token);
    // Wrong imprint.
    auto wrongImprint = verifyTimestampToken(*token, sha256("forged"), {m_pki.caCertificate});
    QVERIFY(!wrongImprint);
    QCOMPARE(wrongImprint.error().code, ErrorCode::TimestampImprintMismatch);
    // Another key: a TSA of another CA is not trusted under our anchors.
    auto foreign = m_other.token(digest);
    QVERIFY(foreign);
    auto otherKey = verifyTimestampToken(*foreign, digest, {m_pki.caCertificate});
    QVERIFY(!otherKey);
    QCOMPARE(otherKey.error().code, ErrorCode::TimestampUntrusted);
    // A changed byte inside the signed TSTInfo (the genTime's seconds) breaks the TSA's signature.
    QByteArray tampered = *token;
    const QByteArray genTime
        = parseTimestampToken(*token)->genTime.toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
    const qsizetype at = tampered.indexOf(genTime);
    QVERIFY(at > 0);
    tampered[at + genTime.size() - 1] = tampered[at + genTime.size() - 1] == '0' ? '1' : '0';
    auto broken = verifyTimestampToken(tampered, digest, {m_pki.caCertificate});
    QVERIFY(!broken);
    QCOMPARE(broken.error().code, ErrorCode::TimestampTokenInvalid);
    // Garbage.
    QCOMPARE(verifyTimestampToken(QByteArrayLiteral("\x30\x03\x02\x01\x00"), digest, {}).error().code,
        ErrorCode::TimestampTokenInvalid);
}

void TestTimestamp::responseMustAnswerTheRequest()
{
    auto first = createTimestampRequest(sha256("a"));
    auto second = createTimestampRequest(sha256("a")); // same imprint, another nonce
    auto answer = m_pki.tsa->respond(*first);
    QVERIFY(timestampTokenFromResponse(answer->response, *first));
    auto replayed = timestampTokenFromResponse(answer->response, *second);
    QVERIFY(!replayed);
    QCOMPARE(replayed.error().code, ErrorCode::TimestampResponseInvalid);
    QCOMPARE(timestampTokenFromResponse(QByteArrayLiteral("not DER"), *first).error().code,
        ErrorCode::TimestampResponseInvalid);
}

void TestTimestamp::badRequestsGetRejections()
{
    for (const QByteArray& garbage : {QByteArray(), QByteArrayLiteral("\x30\x00"), QByteArray(5000, 'x')}) {
        auto answer = m_pki.tsa->respond(garbage);
        QVERIFY(answer);
        QVERIFY(!answer->granted);
        QVERIFY(!answer->response.isEmpty());
    }
}

void TestTimestamp::ocspAnswersReadByOpenssl_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("good") << QStringLiteral("good") << QByteArrayLiteral(": good");
    QTest::newRow("revoked") << QStringLiteral("revoked") << QByteArrayLiteral(": revoked");
    QTest::newRow("unknown") << QStringLiteral("unknown") << QByteArrayLiteral(": unknown");
}

void TestTimestamp::ocspAnswersReadByOpenssl()
{
    QFETCH(QString, state);
    QFETCH(QByteArray, expected);
    const Signer signer = issueSigner(m_pki);
    const QString leafPath = m_work.filePath(state + QStringLiteral("-leaf.pem"));
    QVERIFY(writeAll(leafPath, signer.certificate.toPem()));
    const QString requestPath = m_work.filePath(state + QStringLiteral("-req.der"));
    const ToolRun request = runTool(QStringLiteral("openssl"),
        {QStringLiteral("ocsp"), QStringLiteral("-issuer"), m_pki.caPem, QStringLiteral("-cert"), leafPath,
            QStringLiteral("-reqout"), requestPath});
    QVERIFY2(request.exitCode == 0, qPrintable(request.all()));
    const QDateTime revokedAt = QDateTime::currentDateTimeUtc().addDays(-1);
    auto response = m_pki.ocsp->respond(readAll(requestPath), [&](const QString& serial) -> Result<OcspStatus> {
        OcspStatus status;
        if (serial != signer.certificate.serialNumberHex() || state == QLatin1String("unknown"))
            return status;
        status.status = state == QLatin1String("good") ? OcspCertStatus::Good : OcspCertStatus::Revoked;
        status.revokedAt = revokedAt;
        status.reason = 1;
        return status;
    });
    QVERIFY(response);
    const QString responsePath = m_work.filePath(state + QStringLiteral("-resp.der"));
    QVERIFY(writeAll(responsePath, *response));
    // The nonce against the request, then the status of the certificate (openssl would make a new nonce for it).
    const ToolRun nonce = runTool(QStringLiteral("openssl"),
        {QStringLiteral("ocsp"), QStringLiteral("-respin"), responsePath, QStringLiteral("-CAfile"), m_pki.caPem,
            QStringLiteral("-reqin"), requestPath});
    QVERIFY2(nonce.exitCode == 0 && nonce.err.contains("Response verify OK"), qPrintable(nonce.all()));
    const ToolRun read = runTool(QStringLiteral("openssl"),
        {QStringLiteral("ocsp"), QStringLiteral("-respin"), responsePath, QStringLiteral("-CAfile"), m_pki.caPem,
            QStringLiteral("-issuer"), m_pki.caPem, QStringLiteral("-cert"), leafPath, QStringLiteral("-no_nonce"),
            QStringLiteral("-resp_text")});
    QVERIFY2(read.exitCode == 0, read.err.constData());
    QVERIFY2(read.all().contains(QStringLiteral("Response verify OK")), read.err.constData());
    QVERIFY2(read.out.contains(expected), qPrintable(read.all()));
    if (state == QLatin1String("revoked"))
        QVERIFY2(read.out.contains("Key Compromise") || read.out.contains("keyCompromise"), qPrintable(read.all()));
    // The responder is the delegated one, with id-pkix-ocsp-nocheck.
    QVERIFY2(read.out.contains("OCSP No Check"), qPrintable(read.all()));
}

void TestTimestamp::ocspClientVerifies()
{
    const Signer signer = issueSigner(m_pki);
    auto request = createOcspRequest(signer.certificate, m_pki.caCertificate);
    QVERIFY(request);
    auto lookup = [&](const QString&) -> Result<OcspStatus> { return OcspStatus {OcspCertStatus::Good, {}, 0}; };
    auto response = m_pki.ocsp->respond(*request, lookup);
    QVERIFY(response);
    auto result
        = verifyOcspResponse(*response, signer.certificate, m_pki.caCertificate, {m_pki.caCertificate}, *request);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().detail));
    QVERIFY(result->status.status == OcspCertStatus::Good);
    QCOMPARE(result->responder, m_pki.ocspCertificate);
    // Not trusted under another CA; another request's nonce; a response of another responder.
    QCOMPARE(verifyOcspResponse(*response, signer.certificate, m_pki.caCertificate, {m_other.caCertificate}, *request)
                 .error()
                 .code,
        ErrorCode::OcspResponderUntrusted);
    auto otherRequest = createOcspRequest(signer.certificate, m_pki.caCertificate);
    QCOMPARE(
        verifyOcspResponse(*response, signer.certificate, m_pki.caCertificate, {m_pki.caCertificate}, *otherRequest)
            .error()
            .code,
        ErrorCode::OcspResponseInvalid);
    auto foreign = m_other.ocsp->respond(*request, lookup);
    QVERIFY(!verifyOcspResponse(
        *foreign, signer.certificate, m_pki.caCertificate, {m_pki.caCertificate, m_other.caCertificate}));
    // Garbage gets a malformedRequest answer, not an error.
    auto malformed = m_pki.ocsp->respond(QByteArrayLiteral("junk"), lookup);
    QVERIFY(malformed);
    QCOMPARE(
        verifyOcspResponse(*malformed, signer.certificate, m_pki.caCertificate, {m_pki.caCertificate}).error().code,
        ErrorCode::OcspResponseInvalid);
}

void TestTimestamp::issuedCertificateHasAuthorityInfoAccess()
{
    const Signer signer = issueSigner(m_pki);
    const QString path = m_work.filePath(QStringLiteral("aia.pem"));
    QVERIFY(writeAll(path, signer.certificate.toPem()));
    const ToolRun text = runTool(QStringLiteral("openssl"),
        {QStringLiteral("x509"), QStringLiteral("-in"), path, QStringLiteral("-noout"), QStringLiteral("-text")});
    QVERIFY2(text.out.contains("OCSP - URI:http://127.0.0.1:9/ocsp"), qPrintable(text.all()));
    QVERIFY2(text.out.contains("CA Issuers - URI:http://127.0.0.1:9/ca"), qPrintable(text.all()));
    QVERIFY2(text.out.contains("URI:http://127.0.0.1:9/crl"), qPrintable(text.all()));
    const QString tsaPath = m_work.filePath(QStringLiteral("tsa.pem"));
    QVERIFY(writeAll(tsaPath, m_pki.tsaCertificate.toPem()));
    const ToolRun tsaText = runTool(QStringLiteral("openssl"),
        {QStringLiteral("x509"), QStringLiteral("-in"), tsaPath, QStringLiteral("-noout"), QStringLiteral("-ext"),
            QStringLiteral("extendedKeyUsage")});
    QVERIFY2(tsaText.out.contains("critical") && tsaText.out.contains("Time Stamping"), qPrintable(tsaText.all()));
}

QString TestTimestamp::signPdf(CadesSigner& signer, const QString& name)
{
    const QString input = m_work.filePath(name + QStringLiteral(".in.pdf"));
    const QString output = m_work.filePath(name + QStringLiteral(".pdf"));
    if (!writeAll(input, minimalPdf()))
        return {};
    SignatureOptions options;
    options.reason = QStringLiteral("承認");
    auto signedFile = PdfSigner::signFile(input, output, signer, options);
    if (!signedFile) {
        qWarning("signing failed: %s %s", qPrintable(signedFile.error().codeText()),
            qPrintable(signedFile ? QString() : signedFile.error().detail));
        return {};
    }
    return output;
}

void TestTimestamp::signsBT()
{
    const Signer signer = issueSigner(m_pki);
    CadesSigner cades(signer.key, {signer.certificate, m_pki.caCertificate});
    std::atomic<int> calls {0};
    cades.setTimestampFetcher([&](const QByteArray& digest) {
        ++calls;
        return m_pki.token(digest);
    });
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-2);
    const QString output = signPdf(cades, QStringLiteral("bt"));
    QVERIFY(!output.isEmpty());
    QCOMPARE(calls.load(), 2); // the measuring token, then the signature's

    const ToolRun sig = pdfsig(output);
    QVERIFY2(sig.exitCode == 0 && sig.out.contains("Signature is Valid"), qPrintable(sig.all()));
    const ToolRun check = qpdfCheck(output);
    QVERIFY2(check.exitCode == 0, qPrintable(check.all()));

    auto report = SignatureInspector::inspectFile(output, {m_pki.caCertificate});
    QVERIFY(report);
    QCOMPARE(report->signatures.size(), 1);
    const SignatureReport& signature = report->signatures.first();
    QCOMPARE(signature.verdict, SignatureVerdict::Valid);
    QCOMPARE(signature.level, QStringLiteral("B-T"));
    QVERIFY(signature.timestampTrusted);
    QVERIFY(signature.timestampTime >= before && signature.timestampTime <= QDateTime::currentDateTimeUtc().addSecs(2));
    QVERIFY(!signature.timestampProblem);

    // openssl cms verifies the signature over the ByteRange, and its timestamp token separately.
    const QByteArray pdf = readAll(output);
    const auto& range = signature.byteRange;
    const QByteArray content = pdf.mid(range[0], range[1]) + pdf.mid(range[2], range[3]);
    const QByteArray cmsDer = QByteArray::fromHex(pdf.mid(range[1] + 1, range[2] - range[1] - 2));
    const QString contentPath = m_work.filePath(QStringLiteral("bt.content"));
    const QString cmsPath = m_work.filePath(QStringLiteral("bt.p7s"));
    QVERIFY(writeAll(contentPath, content));
    QVERIFY(writeAll(cmsPath, cmsDer));
    const ToolRun cms = runTool(QStringLiteral("openssl"),
        {QStringLiteral("cms"), QStringLiteral("-verify"), QStringLiteral("-binary"), QStringLiteral("-inform"),
            QStringLiteral("DER"), QStringLiteral("-in"), cmsPath, QStringLiteral("-content"), contentPath,
            QStringLiteral("-CAfile"), m_pki.caPem, QStringLiteral("-purpose"), QStringLiteral("any"),
            QStringLiteral("-out"), QStringLiteral("/dev/null")});
    QVERIFY2(cms.exitCode == 0, qPrintable(cms.all()));
    const ToolRun printed = runTool(QStringLiteral("openssl"),
        {QStringLiteral("cms"), QStringLiteral("-cmsout"), QStringLiteral("-print"), QStringLiteral("-inform"),
            QStringLiteral("DER"), QStringLiteral("-in"), cmsPath});
    QVERIFY2(printed.out.contains("id-smime-aa-timeStampToken"), qPrintable(printed.all()));
    // The outer SignerInfo still has no signing-time (PAdES); the token's own SignedData may.
    auto parsed = CmsSignature::parse(cmsDer);
    QVERIFY(parsed);
    QVERIFY(!parsed->hasSigningTimeAttribute());

    // A B-B signature of the same signer says so.
    CadesSigner plain(signer.key, {signer.certificate, m_pki.caCertificate});
    const QString bb = signPdf(plain, QStringLiteral("bb"));
    auto bbReport = SignatureInspector::inspectFile(bb, {m_pki.caCertificate});
    QCOMPARE(bbReport->signatures.first().level, QStringLiteral("B-B"));
    QVERIFY(!bbReport->signatures.first().timestampTime.isValid());

    // A token of another TSA, not trusted under our CA: the signature stays valid, but only at B-B.
    CadesSigner foreign(signer.key, {signer.certificate, m_pki.caCertificate});
    foreign.setTimestampFetcher([&](const QByteArray& digest) { return m_other.token(digest); });
    const QString foreignPath = signPdf(foreign, QStringLiteral("foreign"));
    auto foreignReport = SignatureInspector::inspectFile(foreignPath, {m_pki.caCertificate});
    const SignatureReport& foreignSignature = foreignReport->signatures.first();
    QCOMPARE(foreignSignature.verdict, SignatureVerdict::Valid);
    QCOMPARE(foreignSignature.level, QStringLiteral("B-B"));
    QVERIFY(foreignSignature.timestampProblem);
    QCOMPARE(foreignSignature.timestampProblem->code, ErrorCode::TimestampUntrusted);
}

void TestTimestamp::tsaDownWritesNothing()
{
    const Signer signer = issueSigner(m_pki);
    for (const bool failMeasuring : {true, false}) {
        CadesSigner cades(signer.key, {signer.certificate, m_pki.caCertificate});
        std::atomic<int> calls {0};
        cades.setTimestampFetcher([&](const QByteArray& digest) -> Result<QByteArray> {
            if (failMeasuring || ++calls > 1)
                return makeError(ErrorCode::TimestampFailed, QStringLiteral("connection refused"));
            return m_pki.token(digest);
        });
        const QString input = m_work.filePath(QStringLiteral("down.in.pdf"));
        const QString output = m_work.filePath(QStringLiteral("down-%1.pdf").arg(failMeasuring));
        QVERIFY(writeAll(input, minimalPdf()));
        auto result = PdfSigner::signFile(input, output, cades, {});
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::TimestampFailed);
        QVERIFY(!QFile::exists(output));
        QCOMPARE(QDir(m_work.path()).entryList({QStringLiteral("down-*")}, QDir::Files | QDir::Hidden).size(), 0);
    }
}

void TestTimestamp::placeholderRetriedOnceForALargerToken()
{
    // The measuring token carries only the TSA certificate; the signature's carries the CA certificate as well, a
    // few hundred bytes more than the margin: the first try does not fit, the retry does.
    TestPki& pki = m_pki;
    auto tsaKey = PrivateKey::generate(KeyAlgorithm::EcdsaP256);
    auto issued = pki.ca->issueService(
        tsaKey->publicKeyDer(), QStringLiteral("Small TSA"), ServicePurpose::TimeStamping, 30, QString());
    QVERIFY(issued);
    const Certificate smallCertificate = *Certificate::fromDer(issued->der);
    TimestampAuthorityOptions options;
    options.policyOid = QStringLiteral("1.2.3.4.5");
    auto small = TimestampAuthority::create(std::move(tsaKey).value(), {smallCertificate}, options);
    QVERIFY(small);
    const Signer signer = issueSigner(pki);
    CadesSigner cades(signer.key, {signer.certificate, pki.caCertificate});
    std::atomic<int> calls {0};
    cades.setTimestampFetcher([&](const QByteArray& digest) -> Result<QByteArray> {
        auto request = createTimestampRequest(digest);
        auto answer = (++calls == 1 ? small->respond(*request) : pki.tsa->respond(*request));
        IKK_TRY(answer);
        return timestampTokenFromResponse(answer->response, *request);
    });
    const QString output = signPdf(cades, QStringLiteral("retry"));
    QVERIFY(!output.isEmpty());
    QCOMPARE(calls.load(), 3); // measure, too large, retry
    auto report = SignatureInspector::inspectFile(output, {pki.caCertificate});
    QCOMPARE(report->signatures.first().level, QStringLiteral("B-T"));
    const ToolRun sig = pdfsig(output);
    QVERIFY2(sig.exitCode == 0 && sig.out.contains("Signature is Valid"), qPrintable(sig.all()));
}

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
