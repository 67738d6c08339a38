// PAdES B-LT and B-LTA: the /DSS, document timestamps, renewal and proof of existence, checked by openssl, pdfsig,
// qpdf.
#include "PdfFixtures.h"
#include "TestPki.h"
#include "TestSupport.h"
#include "crypto/Cades.h"
#include "pdf/DocumentSecurityStore.h"
#include "pdf/PdfReader.h"
#include "pdf/PdfSigner.h"
#include "pdf/SignatureInspector.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

using namespace ikkatsu;
using namespace ikkatsu::test;

class TestLongTerm : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void signsBLT();
    void signsBLTA();
    void batchFetchesEachStatusOnce();
    void revocationDownWritesNothing_data();
    void revocationDownWritesNothing();
    void revokedSignerIsRefused();
    void crlVerdictsFollowEveryByte();
    void renewalAddsATimestamp();
    void tamperedArchiveTimestampFails();
    void proofOfExistence_data();
    void proofOfExistence();
    void certifiedNoChangesStillTakesArchiveTimestamps();

private:
    // Signs a fresh minimal PDF at B-T plus what `options` asks for; empty on failure (with a warning).
    QString sign(const QString& name, SignatureOptions options, Result<SignOutcome>* outcome = nullptr,
        const PdfFixtureOptions& fixture = {});
    CadesSigner::TimestampFetcher tsa() const
    {
        return [this](const QByteArray& digest) { return m_pki.token(digest); };
    }
    // Bytes [0, r1) + [r2, r2 + r3) of `pdf`: what a signature or document timestamp covers.
    static QByteArray covered(const QByteArray& pdf, const std::array<qint64, 4>& range)
    {
        return pdf.mid(range[0], range[1]) + pdf.mid(range[2], range[3]);
    }

    TestPki m_pki;
    Signer m_signer;
    QTemporaryDir m_work;
};

void TestLongTerm::initTestCase()
{
    QVERIFY(m_pki.open(QStringLiteral("LongTerm")));
    m_signer = issueSigner(m_pki);
    QVERIFY(!m_signer.certificate.isNull());
    QVERIFY(!m_signer.certificate.ocspUrls().isEmpty());
    QVERIFY(!m_pki.tsaCertificate.crlUrls().isEmpty());
}

QString TestLongTerm::sign(
    const QString& name, SignatureOptions options, Result<SignOutcome>* outcome, const PdfFixtureOptions& fixture)
{
    const QString input = m_work.filePath(name + QStringLiteral(".in.pdf"));
    const QString output = m_work.filePath(name + QStringLiteral(".pdf"));
    if (!writeAll(input, minimalPdf(fixture)))
        return {};
    CadesSigner cades(m_signer.key, {m_signer.certificate, m_pki.caCertificate});
    cades.setTimestampFetcher(tsa());
    options.reason = QStringLiteral("承認");
    Result<SignOutcome> signedFile = PdfSigner::signFile(input, output, cades, options);
    if (outcome)
        *outcome = signedFile;
    if (!signedFile) {
        qWarning(
            "signing failed: %s %s", qPrintable(signedFile.error().codeText()), qPrintable(signedFile.error().detail));
        return {};
    }
    return output;
}

void TestLongTerm::signsBLT()
{
    SignatureOptions options;
    options.validationData = std::make_shared<const ValidationDataCollector>(inProcessRevocation(m_pki));
    const QString output = sign(QStringLiteral("blt"), options);
    QVERIFY(!output.isEmpty());
    QVERIFY(isPrefixOf(m_work.filePath(QStringLiteral("blt.in.pdf")), output));

    const ToolRun sig = pdfsig(output);
    QVERIFY2(sig.exitCode == 0 && sig.out.contains("Signature is Valid"), qPrintable(sig.all()));
    const ToolRun check = qpdfCheck(output);
    QVERIFY2(check.exitCode == 0, qPrintable(check.all()));

    auto report = SignatureInspector::inspectFile(output, {m_pki.caCertificate});
    QVERIFY(report);
    QCOMPARE(report->signatures.size(), 1);
    const SignatureReport& signature = report->signatures.first();
    QCOMPARE(signature.verdict, SignatureVerdict::Valid);
    QCOMPARE(signature.level, QStringLiteral("B-LT"));
    QVERIFY(!signature.coversWholeDocument); // the /DSS is a revision of its own
    QVERIFY2(signature.disallowedChanges.empty(), "the /DSS revision counts as a change that is not allowed");
    QCOMPARE(signature.validUntil, m_pki.tsaCertificate.notAfter());

    // The store: the signer, CA, TSA and OCSP responder certificates; an OCSP answer for the signer; a CRL for the
    // TSA (its certificate names only a distribution point). Each read by openssl on its own.
    auto reader = pdf::PdfReader::open(output);
    QVERIFY(reader);
    auto dss = pdf::readDocumentSecurityStore(**reader);
    QVERIFY(dss);
    for (const Certificate& expected :
        {m_signer.certificate, m_pki.caCertificate, m_pki.tsaCertificate, m_pki.ocspCertificate})
        QVERIFY2(dss->certificates.contains(expected), qPrintable(expected.subjectText()));
    QCOMPARE(dss->ocspResponses.size(), 1);
    QCOMPARE(dss->crls.size(), 1);
    const QString ocspPath = m_work.filePath(QStringLiteral("blt.ocsp"));
    QVERIFY(writeAll(ocspPath, dss->ocspResponses.first()));
    const ToolRun ocsp = runTool(QStringLiteral("openssl"),
        {QStringLiteral("ocsp"), QStringLiteral("-respin"), ocspPath, QStringLiteral("-CAfile"), m_pki.caPem,
            QStringLiteral("-resp_text"), QStringLiteral("-noverify")});
    QVERIFY2(ocsp.exitCode == 0 && ocsp.out.contains("Cert Status: good")
            && ocsp.out.contains(m_signer.certificate.serialNumberHex().toLatin1()),
        qPrintable(ocsp.all()));
    const QString crlPath = m_work.filePath(QStringLiteral("blt.crl"));
    QVERIFY(writeAll(crlPath, dss->crls.first()));
    const ToolRun crl = runTool(QStringLiteral("openssl"),
        {QStringLiteral("crl"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), crlPath,
            QStringLiteral("-CAfile"), m_pki.caPem, QStringLiteral("-noout")});
    QVERIFY2(crl.exitCode == 0 && crl.all().contains(QLatin1String("verify OK")), qPrintable(crl.all()));

    // Without the store the same signature is only B-T: cut the file back to the signature's revision.
    const QByteArray bytes = readAll(output);
    const QString cut = m_work.filePath(QStringLiteral("blt-cut.pdf"));
    QVERIFY(writeAll(cut, bytes.left(signature.signedRevisionEnd)));
    auto cutReport = SignatureInspector::inspectFile(cut, {m_pki.caCertificate});
    QVERIFY(cutReport);
    QCOMPARE(cutReport->signatures.first().level, QStringLiteral("B-T"));
}

void TestLongTerm::signsBLTA()
{
    SignatureOptions options;
    options.validationData = std::make_shared<const ValidationDataCollector>(inProcessRevocation(m_pki));
    options.archiveTimestamp = tsa();
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-2);
    const QString output = sign(QStringLiteral("blta"), options);
    QVERIFY(!output.isEmpty());

    const ToolRun sig = pdfsig(output);
    QVERIFY2(sig.exitCode == 0 && sig.out.contains("Signature is Valid"), qPrintable(sig.all()));
    const ToolRun check = qpdfCheck(output);
    QVERIFY2(check.exitCode == 0, qPrintable(check.all()));

    auto report = SignatureInspector::inspectFile(output, {m_pki.caCertificate});
    QVERIFY(report);
    QCOMPARE(report->signatures.size(), 2);
    const SignatureReport& signature = report->signatures.at(0);
    const SignatureReport& stamp = report->signatures.at(1);
    QCOMPARE(signature.verdict, SignatureVerdict::Valid);
    QCOMPARE(signature.level, QStringLiteral("B-LTA"));
    QVERIFY(signature.disallowedChanges.empty());
    QVERIFY(stamp.documentTimestamp);
    QCOMPARE(stamp.subFilter, QStringLiteral("ETSI.RFC3161"));
    QCOMPARE(stamp.verdict, SignatureVerdict::Valid);
    QVERIFY(stamp.timestampTrusted);
    QVERIFY(stamp.coversWholeDocument);
    QVERIFY(stamp.timestampTime >= before);
    QCOMPARE(signature.validUntil, m_pki.tsaCertificate.notAfter());

    // openssl ts verifies the document timestamp's token over exactly the bytes its /ByteRange covers.
    const QByteArray pdf = readAll(output);
    const QString dataPath = m_work.filePath(QStringLiteral("blta.covered"));
    const QString tokenPath = m_work.filePath(QStringLiteral("blta.tst"));
    const QString tsaPem = m_work.filePath(QStringLiteral("tsa.pem"));
    QVERIFY(writeAll(dataPath, covered(pdf, stamp.byteRange)));
    QByteArray token
        = QByteArray::fromHex(pdf.mid(stamp.byteRange[1] + 1, stamp.byteRange[2] - stamp.byteRange[1] - 2));
    auto parsed = parseTimestampToken(token);
    QVERIFY(parsed);
    QVERIFY(writeAll(tokenPath, token));
    QVERIFY(writeAll(tsaPem, m_pki.tsaCertificate.toPem()));
    const ToolRun ts = runTool(QStringLiteral("openssl"),
        {QStringLiteral("ts"), QStringLiteral("-verify"), QStringLiteral("-data"), dataPath, QStringLiteral("-in"),
            tokenPath, QStringLiteral("-token_in"), QStringLiteral("-CAfile"), m_pki.caPem,
            QStringLiteral("-untrusted"), tsaPem});
    QVERIFY2(ts.exitCode == 0 && ts.all().contains(QLatin1String("Verification: OK")), qPrintable(ts.all()));
    // …and not over anything else: the covered bytes with one changed.
    QByteArray other = covered(pdf, stamp.byteRange);
    other[100] = other[100] == 'x' ? 'y' : 'x';
    QVERIFY(writeAll(dataPath, other));
    const ToolRun tsOther = runTool(QStringLiteral("openssl"),
        {QStringLiteral("ts"), QStringLiteral("-verify"), QStringLiteral("-data"), dataPath, QStringLiteral("-in"),
            tokenPath, QStringLiteral("-token_in"), QStringLiteral("-CAfile"), m_pki.caPem,
            QStringLiteral("-untrusted"), tsaPem});
    QVERIFY2(tsOther.exitCode != 0, qPrintable(tsOther.all()));

    // Signing again after a document timestamp: the earlier signature and the timestamp stay intact.
    CadesSigner cades(m_signer.key, {m_signer.certificate, m_pki.caCertificate});
    cades.setTimestampFetcher(tsa());
    const QString twice = m_work.filePath(QStringLiteral("blta-twice.pdf"));
    QVERIFY(PdfSigner::signFile(output, twice, cades, options));
    auto twiceReport = SignatureInspector::inspectFile(twice, {m_pki.caCertificate});
    QVERIFY(twiceReport);
    QCOMPARE(twiceReport->signatures.size(), 4);
    for (const SignatureReport& each : twiceReport->signatures) {
        QVERIFY2(each.verdict == SignatureVerdict::Valid,
            qPrintable(each.fieldName + QLatin1Char(' ') + each.problem.detail));
        if (!each.documentTimestamp)
            QCOMPARE(each.level, QStringLiteral("B-LTA"));
    }
    const ToolRun sigTwice = pdfsig(twice);
    QVERIFY2(sigTwice.exitCode == 0 && !sigTwice.out.contains("Signature is Invalid"), qPrintable(sigTwice.all()));
}

void TestLongTerm::batchFetchesEachStatusOnce()
{
    std::atomic<int> calls {0};
    SignatureOptions options;
    options.validationData
        = std::make_shared<const ValidationDataCollector>(inProcessRevocation(m_pki, nullptr, &calls));
    for (int k = 0; k < 5; ++k)
        QVERIFY(!sign(QStringLiteral("batch%1").arg(k), options).isEmpty());
    QCOMPARE(calls.load(), 2); // the signer's OCSP answer and the TSA's CRL, once for five files
}

void TestLongTerm::revocationDownWritesNothing_data()
{
    QTest::addColumn<bool>("ocspDown");
    QTest::addColumn<int>("expected");
    QTest::newRow("OCSP responder down") << true << int(ErrorCode::OcspUnavailable);
    QTest::newRow("CRL distribution point down") << false << int(ErrorCode::CrlUnavailable);
}

void TestLongTerm::revocationDownWritesNothing()
{
    QFETCH(bool, ocspDown);
    QFETCH(int, expected);
    RevocationFetchers fetchers = inProcessRevocation(m_pki);
    if (ocspDown)
        fetchers.ocsp = [](const QString& url, const QByteArray&) -> Result<QByteArray> {
            return makeError(ErrorCode::OcspUnavailable, url + QStringLiteral(": connection refused"));
        };
    else
        fetchers.crl = [](const QString& url) -> Result<QByteArray> {
            return makeError(ErrorCode::CrlUnavailable, url + QStringLiteral(": connection refused"));
        };
    SignatureOptions options;
    options.validationData = std::make_shared<const ValidationDataCollector>(fetchers);
    options.archiveTimestamp = tsa();
    Result<SignOutcome> outcome = makeError(ErrorCode::Unexpected, QString());
    const QString name = QStringLiteral("down%1").arg(ocspDown);
    QVERIFY(sign(name, options, &outcome).isEmpty());
    QCOMPARE(int(outcome.error().code), expected);
    QVERIFY(!QFile::exists(m_work.filePath(name + QStringLiteral(".pdf"))));
    QCOMPARE(QDir(m_work.path())
                 .entryList({QStringLiteral(".") + name + QStringLiteral("*")}, QDir::Files | QDir::Hidden)
                 .size(),
        0);

    // The archive timestamp's authority down: same, nothing written.
    SignatureOptions noTsa;
    noTsa.validationData = std::make_shared<const ValidationDataCollector>(inProcessRevocation(m_pki));
    noTsa.archiveTimestamp = [](const QByteArray&) -> Result<QByteArray> {
        return makeError(ErrorCode::TimestampFailed, QStringLiteral("connection refused"));
    };
    QVERIFY(sign(name + QStringLiteral("tsa"), noTsa, &outcome).isEmpty());
    QCOMPARE(outcome.error().code, ErrorCode::TimestampFailed);
    QVERIFY(!QFile::exists(m_work.filePath(name + QStringLiteral("tsa.pdf"))));
}

void TestLongTerm::crlVerdictsFollowEveryByte()
{
    // verifyCrl remembers its recent verdicts (the same CRL comes with every document): the same bytes give the
    // same answer from memory, a CRL changed anywhere is read and checked again, and the issuer is part of it.
    QHash<QString, OcspStatus> revoked;
    OcspStatus status;
    status.status = OcspCertStatus::Revoked;
    status.revokedAt = QDateTime::currentDateTimeUtc().addDays(-1);
    revoked.insert(m_signer.certificate.serialNumberHex(), status);
    const Result<QByteArray> crl = inProcessRevocation(m_pki, &revoked).crl(QString());
    QVERIFY(crl.ok());
    for (int round = 0; round < 2; ++round) {
        const Result<CrlInfo> read = verifyCrl(*crl, m_pki.caCertificate);
        QVERIFY(read.ok());
        QCOMPARE(read->statusOf(m_signer.certificate).status, OcspCertStatus::Revoked);
        QCOMPARE(read->statusOf(m_pki.tsaCertificate).status, OcspCertStatus::Good);
    }
    const Result<CrlInfo> otherIssuer = verifyCrl(*crl, m_pki.tsaCertificate);
    QVERIFY(!otherIssuer.ok());
    QCOMPARE(otherIssuer.error().code, ErrorCode::CrlInvalid);
    // One bit flipped in the signature, then in the revoked serial (signed part): both refused.
    QByteArray badSignature = *crl;
    badSignature[badSignature.size() - 1] = char(badSignature.at(badSignature.size() - 1) ^ 0x01);
    QCOMPARE(verifyCrl(badSignature, m_pki.caCertificate).error().code, ErrorCode::CrlInvalid);
    QByteArray serial = QByteArray::fromHex(m_signer.certificate.serialNumberHex().toLatin1());
    const qsizetype at = crl->indexOf(serial);
    QVERIFY(at > 0);
    QByteArray otherSerial = *crl;
    otherSerial[at + serial.size() - 1] = char(otherSerial.at(at + serial.size() - 1) ^ 0x01);
    QCOMPARE(verifyCrl(otherSerial, m_pki.caCertificate).error().code, ErrorCode::CrlInvalid);
    QVERIFY(verifyCrl(*crl, m_pki.caCertificate).ok());
}

void TestLongTerm::revokedSignerIsRefused()
{
    QHash<QString, OcspStatus> revoked;
    OcspStatus status;
    status.status = OcspCertStatus::Revoked;
    status.revokedAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
    status.reason = 1;
    revoked.insert(m_signer.certificate.serialNumberHex(), status);
    SignatureOptions options;
    options.validationData = std::make_shared<const ValidationDataCollector>(inProcessRevocation(m_pki, &revoked));
    Result<SignOutcome> outcome = makeError(ErrorCode::Unexpected, QString());
    QVERIFY(sign(QStringLiteral("revoked"), options, &outcome).isEmpty());
    QCOMPARE(outcome.error().code, ErrorCode::CertificateRevoked);
    QVERIFY(!QFile::exists(m_work.filePath(QStringLiteral("revoked.pdf"))));
}

void TestLongTerm::renewalAddsATimestamp()
{
    SignatureOptions options;
    options.validationData = std::make_shared<const ValidationDataCollector>(inProcessRevocation(m_pki));
    options.archiveTimestamp = tsa();
    const QString first = sign(QStringLiteral("renew"), options);
    QVERIFY(!first.isEmpty());
    const QString renewed = m_work.filePath(QStringLiteral("renewed.pdf"));
    const ValidationDataCollector collector(inProcessRevocation(m_pki));
    auto result = PdfSigner::addArchiveTimestamp(first, renewed, collector, tsa());
    QVERIFY2(result, qPrintable(result ? QString() : result.error().detail));
    QVERIFY(isPrefixOf(first, renewed));

    auto report = SignatureInspector::inspectFile(renewed, {m_pki.caCertificate});
    QVERIFY(report);
    QCOMPARE(report->signatures.size(), 3);
    QCOMPARE(report->signatures.at(0).level, QStringLiteral("B-LTA"));
    QVERIFY(report->signatures.at(1).documentTimestamp);
    QVERIFY(report->signatures.at(2).documentTimestamp);
    for (const SignatureReport& each : report->signatures)
        QVERIFY2(each.verdict == SignatureVerdict::Valid,
            qPrintable(each.fieldName + QLatin1Char(' ') + each.problem.detail));
    const ToolRun sig = pdfsig(renewed);
    QVERIFY2(sig.exitCode == 0 && !sig.out.contains("Signature is Invalid"), qPrintable(sig.all()));
    QVERIFY2(qpdfCheck(renewed).exitCode == 0, qPrintable(qpdfCheck(renewed).all()));

    // In place, too; and a document without signatures has nothing to keep.
    QVERIFY(PdfSigner::addArchiveTimestamp(renewed, renewed, collector, tsa()));
    auto thrice = SignatureInspector::inspectFile(renewed, {m_pki.caCertificate});
    QCOMPARE(thrice->signatures.size(), 4);
    const QString plain = m_work.filePath(QStringLiteral("plain.pdf"));
    QVERIFY(writeAll(plain, minimalPdf()));
    auto none
        = PdfSigner::addArchiveTimestamp(plain, m_work.filePath(QStringLiteral("plain-out.pdf")), collector, tsa());
    QVERIFY(!none);
    QCOMPARE(none.error().code, ErrorCode::NoSignature);
    QVERIFY(!QFile::exists(m_work.filePath(QStringLiteral("plain-out.pdf"))));
}

void TestLongTerm::tamperedArchiveTimestampFails()
{
    SignatureOptions options;
    options.validationData = std::make_shared<const ValidationDataCollector>(inProcessRevocation(m_pki));
    options.archiveTimestamp = tsa();
    const QString output = sign(QStringLiteral("tamper"), options);
    QVERIFY(!output.isEmpty());
    auto report = SignatureInspector::inspectFile(output, {m_pki.caCertificate});
    QVERIFY(report);
    const SignatureReport stamp = report->signatures.at(1);
    // A byte of a certificate in the /DSS revision (covered by the document timestamp, not by the signature).
    QByteArray pdf = readAll(output);
    const qint64 at = pdf.indexOf("stream\n", report->signatures.at(0).signedRevisionEnd) + 40;
    QVERIFY(at > report->signatures.at(0).signedRevisionEnd && at < stamp.byteRange[1]);
    pdf[at] = pdf[at] == '0' ? '1' : '0';
    const QString forged = m_work.filePath(QStringLiteral("tamper-forged.pdf"));
    QVERIFY(writeAll(forged, pdf));
    auto forgedReport = SignatureInspector::inspectFile(forged, {m_pki.caCertificate});
    QVERIFY(forgedReport);
    QCOMPARE(forgedReport->signatures.size(), 2);
    const SignatureReport& forgedStamp = forgedReport->signatures.last();
    QVERIFY(forgedStamp.documentTimestamp);
    QCOMPARE(forgedStamp.verdict, SignatureVerdict::Invalid);
    QCOMPARE(forgedStamp.subIndication, QStringLiteral("HASH_FAILURE"));
    QCOMPARE(forgedStamp.problem.code, ErrorCode::TimestampImprintMismatch);
    QVERIFY(forgedReport->signatures.first().level != QLatin1String("B-LTA"));
}

void TestLongTerm::proofOfExistence_data()
{
    QTest::addColumn<int>("revokedSecondsAfterTimestamp");
    QTest::addColumn<bool>("valid");
    QTest::newRow("revoked after the timestamp: still valid") << 120 << true;
    QTest::newRow("revoked before the timestamp: failed") << -3600 << false;
}

void TestLongTerm::proofOfExistence()
{
    QFETCH(int, revokedSecondsAfterTimestamp);
    QFETCH(bool, valid);
    // Signed at B-T; the signer's certificate is revoked later (or, forged, earlier); the archive renewal keeps the
    // revocation as evidence, and the verifier compares it with the time the timestamp proves.
    const Signer signer = issueSigner(m_pki);
    const QString input = m_work.filePath(QStringLiteral("poe.in.pdf"));
    const QString bt = m_work.filePath(QStringLiteral("poe-%1.pdf").arg(valid));
    QVERIFY(writeAll(input, minimalPdf()));
    CadesSigner cades(signer.key, {signer.certificate, m_pki.caCertificate});
    cades.setTimestampFetcher(tsa());
    QVERIFY(PdfSigner::signFile(input, bt, cades, {}));
    auto btReport = SignatureInspector::inspectFile(bt, {m_pki.caCertificate});
    QVERIFY(btReport);
    const QDateTime proven = btReport->signatures.first().timestampTime;
    QVERIFY(proven.isValid());

    QHash<QString, OcspStatus> revoked;
    OcspStatus status;
    status.status = OcspCertStatus::Revoked;
    status.revokedAt = proven.addSecs(revokedSecondsAfterTimestamp);
    status.reason = 1;
    revoked.insert(signer.certificate.serialNumberHex(), status);
    const ValidationDataCollector refusing(inProcessRevocation(m_pki, &revoked));
    QCOMPARE(PdfSigner::addArchiveTimestamp(bt, bt + QStringLiteral(".x"), refusing, tsa()).error().code,
        ErrorCode::CertificateRevoked);
    const ValidationDataCollector keeping(inProcessRevocation(m_pki, &revoked), true);
    const QString archived = m_work.filePath(QStringLiteral("poe-archived-%1.pdf").arg(valid));
    QVERIFY(PdfSigner::addArchiveTimestamp(bt, archived, keeping, tsa()));

    auto report = SignatureInspector::inspectFile(archived, {m_pki.caCertificate});
    QVERIFY(report);
    const SignatureReport& signature = report->signatures.first();
    if (valid) {
        QCOMPARE(signature.verdict, SignatureVerdict::Valid);
        QCOMPARE(signature.level, QStringLiteral("B-LTA"));
    } else {
        QCOMPARE(signature.verdict, SignatureVerdict::Invalid);
        QCOMPARE(signature.subIndication, QStringLiteral("REVOKED"));
        QCOMPARE(signature.problem.code, ErrorCode::CertificateRevoked);
    }
}

void TestLongTerm::certifiedNoChangesStillTakesArchiveTimestamps()
{
    // DocMDP P=1 forbids every change except validation data and document timestamps (ISO 32000-2 §12.8.2.2).
    SignatureOptions options;
    options.certify = 1;
    options.validationData = std::make_shared<const ValidationDataCollector>(inProcessRevocation(m_pki));
    options.archiveTimestamp = tsa();
    const QString output = sign(QStringLiteral("certified"), options);
    QVERIFY(!output.isEmpty());
    auto report = SignatureInspector::inspectFile(output, {m_pki.caCertificate});
    QVERIFY(report);
    QCOMPARE(report->signatures.first().verdict, SignatureVerdict::Valid);
    QCOMPARE(report->signatures.first().level, QStringLiteral("B-LTA"));
    QVERIFY(report->signatures.first().certification);
    const ValidationDataCollector collector(inProcessRevocation(m_pki));
    QVERIFY(PdfSigner::addArchiveTimestamp(output, output, collector, tsa()));
    auto renewed = SignatureInspector::inspectFile(output, {m_pki.caCertificate});
    QCOMPARE(renewed->signatures.first().verdict, SignatureVerdict::Valid);
    QCOMPARE(renewed->signatures.size(), 3);
}

QTEST_GUILESS_MAIN(TestLongTerm)
#include "tst_longterm.moc"
