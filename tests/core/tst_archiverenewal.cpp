// Archive renewal over a simulated 20 years: a CA with short-lived signer and TSA certificates, a B-LTA signature,
// three renewals by rotated TSAs, and validation at chosen dates (core and `ikkatsu-cli verify --at`).
#include "PdfFixtures.h"
#include "TestSupport.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/Ocsp.h"
#include "crypto/Revocation.h"
#include "crypto/Timestamp.h"
#include "pdf/ArchiveRenewal.h"
#include "pdf/PdfSigner.h"
#include "pdf/SignatureInspector.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

#include <memory>
#include <optional>

using namespace ikkatsu;
using namespace ikkatsu::test;

namespace {

constexpr int kYear = 365;
constexpr int kSignerDays = 2 * kYear; // signers' certificates end in year 2
constexpr int kTsaDays = 6 * kYear; // each TSA's in its year + 6

} // namespace

class TestArchiveRenewal : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void twentyYearsWithThreeRenewals();
    void withoutRenewalsOnlyTheEarlyYears();
    void renewalTooLateDoesNotRescue();
    void revokedAfterSigningSurvivesTheYears();
    void notDueIsNotTouched();
    void outagesLeaveTheFileUnchanged_data();
    void outagesLeaveTheFileUnchanged();
    void authorityThatDoesNotOutlastIsRefused();
    void cliVerifyAt();
    void cliTimestampRenewWithoutNetwork();

private:
    QDateTime year(double years) const { return m_base.addSecs(qint64(years * kYear * 86400)); }
    void setYear(double years) { *m_now = year(years); }
    // A new TSA key and certificate from the CA at the current simulated time (TSA rotation).
    void rotateTsa(const QString& name);
    // A new OCSP responder certificate (its own short life) at the current simulated time.
    void rotateOcsp(const QString& name);
    // The current TSA, asked at the current simulated time.
    CadesSigner::TimestampFetcher tsa() const;
    RevocationFetchers revocation() const;
    std::function<QDateTime()> clock() const
    {
        return [now = m_now] { return *now; };
    }
    // Signs a fresh PDF at B-LTA in year 0 (the clock is set there).
    QString signAtYearZero(const QString& name);
    Result<ArchiveRenewalOutcome> renewAt(const QString& path, double years, int marginDays = kYear);
    Result<InspectionReport> inspectAt(const QString& path, double years) const;
    QString copy(const QString& from, const QString& name);

    QTemporaryDir m_dir;
    QDateTime m_base;
    std::shared_ptr<QDateTime> m_now = std::make_shared<QDateTime>();
    std::optional<CertificateAuthority> m_ca;
    Certificate m_caCertificate;
    std::shared_ptr<TimestampAuthority> m_tsa;
    std::shared_ptr<OcspResponder> m_ocsp;
    std::shared_ptr<TimestampAuthority> m_firstTsa; // year 0's, for every signature
    std::shared_ptr<OcspResponder> m_firstOcsp;
    mutable qint64 m_crlNumber = 0;
    QHash<QString, OcspStatus> m_revoked;
    PrivateKey m_signerKey;
    Certificate m_signer;
    int m_serial = 0;
};

void TestArchiveRenewal::initTestCase()
{
    m_base = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), QTimeZone::utc());
    setYear(0);
    CaIdentity identity;
    identity.commonName = QStringLiteral("Archive Test CA");
    identity.organization = QStringLiteral("Test");
    identity.validityYears = 25;
    identity.clock = clock();
    auto ca = CertificateAuthority::loadOrCreate(
        m_dir.filePath(QStringLiteral("ca-key.pem")), m_dir.filePath(QStringLiteral("ca-cert.pem")), identity);
    QVERIFY(ca);
    m_ca.emplace(std::move(ca).value());
    m_caCertificate = m_ca->certificate();
    rotateTsa(QStringLiteral("TSA year 0"));
    rotateOcsp(QStringLiteral("OCSP year 0"));
    QVERIFY(m_tsa && m_ocsp);
    m_firstTsa = m_tsa;
    m_firstOcsp = m_ocsp;

    m_signerKey = std::move(PrivateKey::generate(KeyAlgorithm::EcdsaP256)).value();
    SubjectName subject;
    subject.commonName = QStringLiteral("Hanako Archive");
    auto csr = createCertificateRequest(m_signerKey, subject);
    QVERIFY(csr);
    auto issued = m_ca->issue(*csr, subject, kSignerDays, QStringLiteral("http://127.0.0.1:9/crl"),
        QStringLiteral("http://127.0.0.1:9/ocsp"), QStringLiteral("http://127.0.0.1:9/ca"));
    QVERIFY(issued);
    m_signer = *Certificate::fromDer(issued->der);
    QCOMPARE(m_signer.notAfter(), year(0).addDays(kSignerDays));
}

void TestArchiveRenewal::rotateTsa(const QString& name)
{
    const QString stem = QStringLiteral("tsa%1").arg(++m_serial);
    auto identity = m_ca->loadOrIssueService(m_dir.filePath(stem + QStringLiteral("-key.pem")),
        m_dir.filePath(stem + QStringLiteral("-cert.pem")), name, ServicePurpose::TimeStamping, kTsaDays, 0,
        QStringLiteral("http://127.0.0.1:9/crl"));
    QVERIFY(identity);
    TimestampAuthorityOptions options;
    options.policyOid = QStringLiteral("1.2.3.4.5");
    options.clock = clock();
    const Certificate certificate = identity->certificate;
    auto authority = TimestampAuthority::create(std::move(identity->key), {certificate, m_caCertificate}, options);
    QVERIFY(authority);
    m_tsa = std::make_shared<TimestampAuthority>(std::move(authority).value());
}

void TestArchiveRenewal::rotateOcsp(const QString& name)
{
    const QString stem = QStringLiteral("ocsp%1").arg(++m_serial);
    auto identity = m_ca->loadOrIssueService(m_dir.filePath(stem + QStringLiteral("-key.pem")),
        m_dir.filePath(stem + QStringLiteral("-cert.pem")), name, ServicePurpose::OcspSigning, kYear, 0, QString());
    QVERIFY(identity);
    const Certificate certificate = identity->certificate;
    auto responder = OcspResponder::create(std::move(identity->key), certificate, m_caCertificate);
    QVERIFY(responder);
    m_ocsp = std::make_shared<OcspResponder>(std::move(responder).value());
}

CadesSigner::TimestampFetcher TestArchiveRenewal::tsa() const
{
    return [authority = m_tsa](const QByteArray& digest) -> Result<QByteArray> {
        auto request = createTimestampRequest(digest);
        IKK_TRY(request);
        auto answer = authority->respond(*request);
        IKK_TRY(answer);
        return timestampTokenFromResponse(answer->response, *request);
    };
}

RevocationFetchers TestArchiveRenewal::revocation() const
{
    RevocationFetchers fetchers;
    fetchers.ocsp = [this](const QString&, const QByteArray& request) -> Result<QByteArray> {
        return m_ocsp->respond(
            request,
            [this](const QString& serial) -> Result<OcspStatus> {
                OcspStatus status;
                status.status = OcspCertStatus::Good;
                return m_revoked.value(serial, status);
            },
            *m_now);
    };
    fetchers.crl = [this](const QString&) -> Result<QByteArray> {
        QList<RevokedCertificate> list;
        for (auto it = m_revoked.begin(); it != m_revoked.end(); ++it)
            list.append({it.key(), it->revokedAt, it->reason});
        return m_ca->createCrl(list, m_now->addSecs(-60), m_now->addDays(7), ++m_crlNumber);
    };
    return fetchers;
}

QString TestArchiveRenewal::signAtYearZero(const QString& name)
{
    setYear(0);
    m_tsa = m_firstTsa;
    m_ocsp = m_firstOcsp;
    const QString input = m_dir.filePath(name + QStringLiteral(".in.pdf"));
    const QString output = m_dir.filePath(name + QStringLiteral(".pdf"));
    if (!writeAll(input, minimalPdf()))
        return {};
    CadesSigner cades(m_signerKey, {m_signer, m_caCertificate});
    cades.setTimestampFetcher(tsa());
    SignatureOptions options;
    options.signingTime = *m_now;
    options.reason = QStringLiteral("建築確認");
    options.validationData = std::make_shared<const ValidationDataCollector>(revocation(), false, clock());
    options.archiveTimestamp = tsa();
    Result<SignOutcome> signedFile = PdfSigner::signFile(input, output, cades, options);
    if (!signedFile) {
        qWarning(
            "signing failed: %s %s", qPrintable(signedFile.error().codeText()), qPrintable(signedFile.error().detail));
        return {};
    }
    return output;
}

Result<ArchiveRenewalOutcome> TestArchiveRenewal::renewAt(const QString& path, double years, int marginDays)
{
    setYear(years);
    const ValidationDataCollector collector(revocation(), true, clock());
    ArchiveRenewalOptions options;
    options.marginDays = marginDays;
    options.clock = clock();
    return renewArchiveIfDue(path, path, collector, tsa(), options);
}

Result<InspectionReport> TestArchiveRenewal::inspectAt(const QString& path, double years) const
{
    InspectionOptions options;
    options.validationTime = year(years);
    return SignatureInspector::inspectFile(path, {m_caCertificate}, options);
}

QString TestArchiveRenewal::copy(const QString& from, const QString& name)
{
    const QString to = m_dir.filePath(name);
    QFile::remove(to);
    return QFile::copy(from, to) ? to : QString();
}

void TestArchiveRenewal::twentyYearsWithThreeRenewals()
{
    const QString path = signAtYearZero(QStringLiteral("twenty"));
    QVERIFY(!path.isEmpty());
    QVERIFY(!copy(path, QStringLiteral("twenty-year0.pdf")).isEmpty());
    auto first = inspectAt(path, 0.5);
    QVERIFY(first);
    QCOMPARE(first->signatures.size(), 2);
    QCOMPARE(first->signatures.first().level, QStringLiteral("B-LTA"));
    QCOMPARE(first->signatures.first().verdict, SignatureVerdict::Valid);

    // Years 5, 10, 15: each a new TSA (the old one's certificate ends a year later) and a new OCSP responder.
    QDateTime validUntil = first->signatures.first().validUntil;
    for (int renewal = 1; renewal <= 3; ++renewal) {
        setYear(5.0 * renewal - 0.1);
        rotateTsa(QStringLiteral("TSA year %1").arg(5 * renewal));
        rotateOcsp(QStringLiteral("OCSP year %1").arg(5 * renewal));
        const QByteArray before = readAll(path);
        auto outcome = renewAt(path, 5.0 * renewal);
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().codeText() + outcome.error().detail));
        QVERIFY(outcome->renewed);
        QCOMPARE(outcome->previousValidUntil, validUntil);
        QVERIFY(outcome->validUntil > validUntil);
        QCOMPARE(outcome->validUntil, m_tsa->certificate().notAfter());
        validUntil = outcome->validUntil;
        QVERIFY(readAll(path).startsWith(before)); // an incremental update: every earlier byte stays
        QVERIFY(!copy(path, QStringLiteral("twenty-year%1.pdf").arg(5 * renewal)).isEmpty());
    }

    auto atTwenty = inspectAt(path, 20);
    QVERIFY(atTwenty);
    QCOMPARE(atTwenty->signatures.size(), 5); // the signature and four document timestamps
    for (const SignatureReport& each : atTwenty->signatures)
        QVERIFY2(each.verdict == SignatureVerdict::Valid,
            qPrintable(
                each.fieldName + QLatin1Char(' ') + each.problem.codeText() + QLatin1Char(' ') + each.problem.detail));
    QCOMPARE(atTwenty->signatures.first().level, QStringLiteral("B-LTA"));
    QCOMPARE(atTwenty->signatures.first().validUntil, validUntil);
    QVERIFY(validUntil > year(20));

    // After the last TSA's certificate ends, nothing holds any more (the next renewal was due before).
    auto atTwentyTwo = inspectAt(path, 22);
    QVERIFY(atTwentyTwo);
    QCOMPARE(atTwentyTwo->signatures.first().verdict, SignatureVerdict::Invalid);
    QCOMPARE(atTwentyTwo->signatures.first().problem.code, ErrorCode::SignatureNotProvenAt);
    QCOMPARE(atTwentyTwo->signatures.first().subIndication, QStringLiteral("OUT_OF_BOUNDS_NO_POE"));
    // Two renewals are not enough for year 20 (the year-10 TSA ends in year 16).
    auto twoRenewals = inspectAt(m_dir.filePath(QStringLiteral("twenty-year10.pdf")), 20);
    QVERIFY(twoRenewals);
    QCOMPARE(twoRenewals->signatures.first().verdict, SignatureVerdict::Invalid);
    auto twoRenewalsEarlier = inspectAt(m_dir.filePath(QStringLiteral("twenty-year10.pdf")), 15);
    QVERIFY(twoRenewalsEarlier);
    QCOMPARE(twoRenewalsEarlier->signatures.first().verdict, SignatureVerdict::Valid);

    // Independent readers: the renewed file's structure and every signature's bytes.
    const ToolRun check = qpdfCheck(path);
    QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
    const ToolRun sig = pdfsig(path);
    QVERIFY2(sig.exitCode == 0 && sig.out.contains("Signature is Valid") && !sig.out.contains("Signature is Invalid"),
        qPrintable(sig.all()));
}

void TestArchiveRenewal::withoutRenewalsOnlyTheEarlyYears()
{
    const QString path = signAtYearZero(QStringLiteral("alone"));
    QVERIFY(!path.isEmpty());
    // Year 3: the signer's certificate ended in year 2, but the year-0 timestamps prove the signature existed before.
    auto atThree = inspectAt(path, 3);
    QVERIFY(atThree);
    QCOMPARE(atThree->signatures.first().verdict, SignatureVerdict::Valid);
    QVERIFY(atThree->signatures.last().documentTimestamp);
    QCOMPARE(atThree->signatures.last().verdict, SignatureVerdict::Valid);
    // Year 20: the TSA's certificate ended in year 6 and nothing later proves anything.
    auto atTwenty = inspectAt(path, 20);
    QVERIFY(atTwenty);
    for (const SignatureReport& each : atTwenty->signatures) {
        QCOMPARE(each.verdict, SignatureVerdict::Invalid);
        QCOMPARE(each.problem.code, ErrorCode::SignatureNotProvenAt);
        QCOMPARE(each.indication, Indication::Indeterminate);
    }
    // Without a validation time nothing changes: each signature at the time it proves.
    auto plain = SignatureInspector::inspectFile(path, {m_caCertificate});
    QVERIFY(plain);
    QCOMPARE(plain->signatures.first().verdict, SignatureVerdict::Valid);
    // A date before the signature existed proves nothing either.
    auto before = inspectAt(path, -1);
    QVERIFY(before);
    QCOMPARE(before->signatures.first().verdict, SignatureVerdict::Invalid);
}

void TestArchiveRenewal::renewalTooLateDoesNotRescue()
{
    // The first renewal in year 7, after the year-0 TSA's certificate ended in year 6: the new timestamp proves the
    // file existed in year 7, when the old one could no longer be checked.
    const QString path = signAtYearZero(QStringLiteral("late"));
    QVERIFY(!path.isEmpty());
    setYear(6.9);
    rotateTsa(QStringLiteral("TSA year 7"));
    rotateOcsp(QStringLiteral("OCSP year 7"));
    auto outcome = renewAt(path, 7);
    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().codeText() + outcome.error().detail));
    QVERIFY(outcome->renewed);
    auto atEight = inspectAt(path, 8);
    QVERIFY(atEight);
    QCOMPARE(atEight->signatures.size(), 3);
    QCOMPARE(atEight->signatures.last().verdict, SignatureVerdict::Valid); // the year-7 timestamp itself holds
    QCOMPARE(atEight->signatures.first().verdict, SignatureVerdict::Invalid);
    QCOMPARE(atEight->signatures.first().problem.code, ErrorCode::SignatureNotProvenAt);
    QCOMPARE(atEight->signatures.at(1).verdict, SignatureVerdict::Invalid);
}

void TestArchiveRenewal::revokedAfterSigningSurvivesTheYears()
{
    // The signer's key is compromised in year 1: the year-0 timestamps prove the signature came before, and the
    // renewals keep the revocation as evidence.
    const QString path = signAtYearZero(QStringLiteral("revoked"));
    QVERIFY(!path.isEmpty());
    OcspStatus status;
    status.status = OcspCertStatus::Revoked;
    status.revokedAt = year(1);
    status.reason = 1;
    m_revoked.insert(m_signer.serialNumberHex(), status);
    for (int renewal = 1; renewal <= 3; ++renewal) {
        setYear(5.0 * renewal - 0.1);
        rotateTsa(QStringLiteral("TSA year %1").arg(5 * renewal));
        rotateOcsp(QStringLiteral("OCSP year %1").arg(5 * renewal));
        auto outcome = renewAt(path, 5.0 * renewal);
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().codeText() + outcome.error().detail));
    }
    m_revoked.clear();
    auto atTwenty = inspectAt(path, 20);
    QVERIFY(atTwenty);
    QCOMPARE(atTwenty->signatures.first().verdict, SignatureVerdict::Valid);
    // The same evidence as of a date when nothing but the revocation is current: still the signature came first.
    auto atOneAndHalf = inspectAt(path, 1.5);
    QVERIFY(atOneAndHalf);
    QCOMPARE(atOneAndHalf->signatures.first().verdict, SignatureVerdict::Valid);
}

void TestArchiveRenewal::notDueIsNotTouched()
{
    const QString path = signAtYearZero(QStringLiteral("notdue"));
    QVERIFY(!path.isEmpty());
    const QByteArray before = readAll(path);
    auto outcome = renewAt(path, 1); // the TSA's certificate ends in year 6: not within a year
    QVERIFY(outcome);
    QVERIFY(!outcome->renewed);
    QCOMPARE(outcome->validUntil, outcome->previousValidUntil);
    QCOMPARE(readAll(path), before);
    // Unsigned documents have nothing to keep.
    const QString plain = m_dir.filePath(QStringLiteral("unsigned.pdf"));
    QVERIFY(writeAll(plain, minimalPdf()));
    auto none = renewAt(plain, 1);
    QVERIFY(!none);
    QCOMPARE(none.error().code, ErrorCode::NoSignature);
    QCOMPARE(readAll(plain), minimalPdf());
}

void TestArchiveRenewal::outagesLeaveTheFileUnchanged_data()
{
    QTest::addColumn<QString>("down");
    QTest::addColumn<int>("expected");
    QTest::newRow("TSA down") << QStringLiteral("tsa") << int(ErrorCode::TimestampFailed);
    QTest::newRow("OCSP responder down") << QStringLiteral("ocsp") << int(ErrorCode::OcspUnavailable);
    QTest::newRow("CRL down") << QStringLiteral("crl") << int(ErrorCode::CrlUnavailable);
}

void TestArchiveRenewal::outagesLeaveTheFileUnchanged()
{
    QFETCH(QString, down);
    QFETCH(int, expected);
    const QString path = signAtYearZero(QStringLiteral("outage-") + down);
    QVERIFY(!path.isEmpty());
    const QByteArray before = readAll(path);
    setYear(4.9);
    rotateTsa(QStringLiteral("TSA year 5"));
    rotateOcsp(QStringLiteral("OCSP year 5"));
    setYear(5);
    RevocationFetchers fetchers = revocation();
    CadesSigner::TimestampFetcher timestamps = tsa();
    if (down == QLatin1String("tsa"))
        timestamps = [](const QByteArray&) -> Result<QByteArray> {
            return makeError(ErrorCode::TimestampFailed, QStringLiteral("connection refused"));
        };
    if (down == QLatin1String("ocsp"))
        fetchers.ocsp = [](const QString& url, const QByteArray&) -> Result<QByteArray> {
            return makeError(ErrorCode::OcspUnavailable, url + QStringLiteral(": connection refused"));
        };
    if (down == QLatin1String("crl"))
        fetchers.crl = [](const QString& url) -> Result<QByteArray> {
            return makeError(ErrorCode::CrlUnavailable, url + QStringLiteral(": connection refused"));
        };
    const ValidationDataCollector collector(fetchers, true, clock());
    ArchiveRenewalOptions options;
    options.clock = clock();
    auto outcome = renewArchiveIfDue(path, path, collector, timestamps, options);
    QVERIFY(!outcome);
    QCOMPARE(int(outcome.error().code), expected);
    QCOMPARE(readAll(path), before);
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral(".outage*")}, QDir::Files | QDir::Hidden).size(), 0);
}

void TestArchiveRenewal::authorityThatDoesNotOutlastIsRefused()
{
    // Year 5.5 with the year-0 TSA (ends in year 6): renewing with it would not move the end; refused, untouched.
    const QString path = signAtYearZero(QStringLiteral("stale"));
    QVERIFY(!path.isEmpty());
    const QByteArray before = readAll(path);
    setYear(0);
    rotateTsa(QStringLiteral("TSA year 0 again"));
    auto outcome = renewAt(path, 5.5);
    QVERIFY(!outcome);
    QCOMPARE(outcome.error().code, ErrorCode::ArchiveRenewalNotExtending);
    QCOMPARE(readAll(path), before);
}

void TestArchiveRenewal::cliVerifyAt()
{
    // The CLI on the files of twentyYearsWithThreeRenewals: year 20 valid with the renewals, invalid without.
    const QString renewed = m_dir.filePath(QStringLiteral("twenty-year15.pdf"));
    const QString alone = m_dir.filePath(QStringLiteral("twenty-year0.pdf"));
    QVERIFY(QFile::exists(renewed) && QFile::exists(alone));
    const QString caPem = m_dir.filePath(QStringLiteral("ca-cert.pem"));
    const QString cli = builtBinary(QStringLiteral("ikkatsu-cli"));
    const QString atTwenty = year(20).date().addDays(-1).toString(Qt::ISODate);
    auto verify = [&](const QString& date, const QString& file) {
        return runTool(cli,
            {QStringLiteral("verify"), QStringLiteral("--json"), QStringLiteral("--trust"), caPem,
                QStringLiteral("--at"), date, file});
    };
    const ToolRun good = verify(atTwenty, renewed);
    QVERIFY2(good.exitCode == 0, qPrintable(good.all()));
    const QJsonObject file
        = QJsonDocument::fromJson(good.out).object()[QStringLiteral("files")].toArray()[0].toObject();
    QCOMPARE(file[QStringLiteral("validationTime")].toString().left(10), atTwenty);
    const QJsonObject signature = file[QStringLiteral("signatures")].toArray()[0].toObject();
    QCOMPARE(signature[QStringLiteral("level")].toString(), QStringLiteral("B-LTA"));
    QCOMPARE(signature[QStringLiteral("verdict")].toString(), QStringLiteral("valid"));

    const ToolRun bad = verify(atTwenty, alone);
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.out.contains("E4310"), qPrintable(bad.all()));
    const ToolRun early = verify(year(3).date().toString(Qt::ISODate), alone);
    QVERIFY2(early.exitCode == 0, qPrintable(early.all()));
    // Text output says which date it is about.
    const ToolRun text = runTool(
        cli, {QStringLiteral("verify"), QStringLiteral("--trust"), caPem, QStringLiteral("--at"), atTwenty, alone});
    QVERIFY2(
        text.out.contains(atTwenty.toLatin1()) && text.out.contains("OUT_OF_BOUNDS_NO_POE"), qPrintable(text.all()));
    // Bad dates are usage errors.
    for (const QString& wrong : {QStringLiteral("2040-13-01"), QStringLiteral("tomorrow"), QStringLiteral("2040-1-1")})
        QCOMPARE(verify(wrong, renewed).exitCode, 2);
}

void TestArchiveRenewal::cliTimestampRenewWithoutNetwork()
{
    // What needs no TSA: a file that is not due, an unsigned one; and a TSA that cannot be reached for a due one.
    // (Renewal over HTTP is in tst_server_archive.)
    const QString signedPath = signAtYearZero(QStringLiteral("cli-renew"));
    QVERIFY(!signedPath.isEmpty());
    const QString unsignedPath = m_dir.filePath(QStringLiteral("cli-unsigned.pdf"));
    QVERIFY(writeAll(unsignedPath, minimalPdf()));
    const QByteArray before = readAll(signedPath);
    const QString cli = builtBinary(QStringLiteral("ikkatsu-cli"));
    const QString down = QStringLiteral("http://127.0.0.1:1/api/v1/tsa");
    auto timestamp = [&](const QStringList& arguments) {
        return runTool(cli, QStringList {QStringLiteral("timestamp")} + arguments);
    };
    // The year-0 TSA certificate ends 6 years from now: not within the default year.
    const ToolRun notDue = timestamp({QStringLiteral("--renew"), QStringLiteral("--tsa"), down, signedPath});
    QVERIFY2(notDue.exitCode == 0 && notDue.out.contains("NOT DUE"), qPrintable(notDue.all()));
    QCOMPARE(readAll(signedPath), before);
    // Within 3000 days it is due, and the TSA is down: a clear code, the file as it was; the unsigned one fails too.
    const ToolRun due = timestamp({QStringLiteral("--renew"), QStringLiteral("--tsa"), down,
        QStringLiteral("--margin-days"), QStringLiteral("3000"), signedPath, unsignedPath});
    QCOMPARE(due.exitCode, 1);
    QVERIFY2(due.out.contains(QByteArray("FAIL     " + signedPath.toUtf8() + ": E4301")), qPrintable(due.all()));
    QVERIFY2(due.out.contains(QByteArray("FAIL     " + unsignedPath.toUtf8() + ": E4205")), qPrintable(due.all()));
    QVERIFY2(due.out.contains("failed 2"), qPrintable(due.all()));
    QCOMPARE(readAll(signedPath), before);
    QCOMPARE(readAll(unsignedPath), minimalPdf());
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral(".cli-*")}, QDir::Files | QDir::Hidden).size(), 0);
    // Usage errors.
    for (const QStringList& wrong : QList<QStringList> {{QStringLiteral("--tsa"), down, signedPath},
             {QStringLiteral("--renew"), QStringLiteral("--tsa"), down},
             {QStringLiteral("--renew"), QStringLiteral("--tsa"), down, QStringLiteral("--margin-days"),
                 QStringLiteral("-1"), signedPath},
             {QStringLiteral("--renew"), QStringLiteral("--tsa"), QStringLiteral("ftp://x/"), signedPath}}) {
        const ToolRun run = timestamp(wrong);
        QVERIFY2(run.exitCode == 2, qPrintable(wrong.join(QLatin1Char(' ')) + QLatin1Char(' ') + run.all()));
    }
    QCOMPARE(readAll(signedPath), before);
}

QTEST_GUILESS_MAIN(TestArchiveRenewal)
#include "tst_archiverenewal.moc"
