// CmsSignature::parse with cached certificates gives exactly what a whole-structure decode gives, for real
// signatures and for hostile variations of them.
#include "SignedDataLayout.h"
#include "TestPki.h"
#include "crypto/Cades.h"
#include "crypto/Timestamp.h"

#include <QTest>
#include <QtConcurrent>

#include <numeric>

using namespace ikkatsu;
using namespace ikkatsu::test;

Q_DECLARE_METATYPE(ikkatsu::KeyAlgorithm)

namespace {

QByteArray sha256(const QByteArray& data)
{
    Digest digest;
    digest.update(data.constData(), data.size());
    return digest.final();
}

// Everything a caller can learn from a parse, as plain values.
struct Outcome
{
    bool ok = false;
    ErrorCode code = ErrorCode::Unexpected;
    QString detail;
    QByteArray digestAlgorithm;
    QByteArray signer;
    QList<QByteArray> certificates;
    bool signingTime = false;
    bool signingCertificateV2 = false;
    QByteArray signatureValue;
    QByteArray timestampToken;
    QString verified; // verify() over `digest`: "ok" or code and detail
    QString timestamp; // verifyTimestamp(anchors): "none", or genTime and trust, or code and detail
    QString chain; // verifyCertificateChain(signer, certificates, anchors)
};

QString statusText(const Status& status)
{
    return status.ok() ? QStringLiteral("ok")
                       : QString(status.error().codeText() + QLatin1Char(' ') + status.error().detail);
}

Outcome outcomeOf(const Result<CmsSignature>& parsed, const QByteArray& digest, const QList<Certificate>& anchors)
{
    Outcome outcome;
    outcome.ok = parsed.ok();
    if (!parsed.ok()) {
        outcome.code = parsed.error().code;
        outcome.detail = parsed.error().detail;
        return outcome;
    }
    outcome.digestAlgorithm = parsed->digestAlgorithm();
    outcome.signer = parsed->signerCertificate().toDer();
    for (const Certificate& certificate : parsed->certificates())
        outcome.certificates.append(certificate.toDer());
    outcome.signingTime = parsed->hasSigningTimeAttribute();
    outcome.signingCertificateV2 = parsed->hasSigningCertificateV2();
    outcome.signatureValue = parsed->signatureValue();
    outcome.timestampToken = parsed->timestampToken();
    outcome.verified = statusText(parsed->verify(digest));
    if (!outcome.timestampToken.isEmpty()) {
        auto timestamp = parsed->verifyTimestamp(anchors);
        outcome.timestamp = timestamp.ok()
            ? QString(
                timestamp->genTime.toString(Qt::ISODateWithMs) + QStringLiteral(" trusted=%1").arg(timestamp->trusted))
            : QString(timestamp.error().codeText() + QLatin1Char(' ') + timestamp.error().detail);
    }
    if (!parsed->signerCertificate().isNull())
        outcome.chain
            = statusText(verifyCertificateChain(parsed->signerCertificate(), parsed->certificates(), anchors, {}));
    return outcome;
}

// The first difference between two outcomes, or empty.
QString difference(const Outcome& a, const Outcome& b)
{
    if (a.ok != b.ok)
        return QStringLiteral("ok %1 vs %2 (%3 / %4)").arg(a.ok).arg(b.ok).arg(a.detail, b.detail);
    if (a.code != b.code || a.detail != b.detail)
        return QStringLiteral("error %1 vs %2").arg(a.detail, b.detail);
    if (a.digestAlgorithm != b.digestAlgorithm)
        return QStringLiteral("digest algorithm");
    if (a.signer != b.signer)
        return QStringLiteral("signer");
    if (a.certificates != b.certificates)
        return QStringLiteral("certificates (%1 vs %2)").arg(a.certificates.size()).arg(b.certificates.size());
    if (a.signingTime != b.signingTime || a.signingCertificateV2 != b.signingCertificateV2)
        return QStringLiteral("attributes");
    if (a.signatureValue != b.signatureValue || a.timestampToken != b.timestampToken)
        return QStringLiteral("signature value or token");
    if (a.verified != b.verified)
        return QStringLiteral("verify: %1 vs %2").arg(a.verified, b.verified);
    if (a.timestamp != b.timestamp)
        return QStringLiteral("timestamp: %1 vs %2").arg(a.timestamp, b.timestamp);
    if (a.chain != b.chain)
        return QStringLiteral("chain: %1 vs %2").arg(a.chain, b.chain);
    return {};
}

} // namespace

class TestCmsParse : public QObject
{
    Q_OBJECT

private:
    TestPki m_pki;
    PrivateKey m_rsa;
    PrivateKey m_ec;
    Certificate m_rsaSelfSigned;
    Certificate m_ecSelfSigned;
    Certificate m_rsaIssued;
    Certificate m_ecIssued;
    QByteArray m_digest = sha256("the signed revision");

    QList<Certificate> anchors() const { return {m_pki.caCertificate}; }

    Certificate issue(const PrivateKey& key, const QString& name)
    {
        SubjectName subject;
        subject.commonName = name;
        auto csr = createCertificateRequest(key, subject);
        if (!csr)
            return {};
        auto issued = m_pki.ca->issue(*csr, subject, 30, QStringLiteral("http://127.0.0.1:9/crl"),
            QStringLiteral("http://127.0.0.1:9/ocsp"), QStringLiteral("http://127.0.0.1:9/ca"));
        return issued ? Certificate::fromDer(issued->der).value() : Certificate();
    }

    QByteArray sign(KeyAlgorithm algorithm, bool chain, bool timestamp)
    {
        const PrivateKey& key = algorithm == KeyAlgorithm::Rsa2048 ? m_rsa : m_ec;
        QList<Certificate> certificates;
        if (chain)
            certificates = {algorithm == KeyAlgorithm::Rsa2048 ? m_rsaIssued : m_ecIssued, m_pki.caCertificate};
        else
            certificates = {algorithm == KeyAlgorithm::Rsa2048 ? m_rsaSelfSigned : m_ecSelfSigned};
        CadesSigner signer(key, certificates);
        if (timestamp)
            signer.setTimestampFetcher([this](const QByteArray& digest) { return m_pki.token(digest); });
        auto cms = signer.sign(m_digest);
        return cms ? *cms : QByteArray();
    }

    // Parses `der` both ways; fails the test on any difference. Returns whether the cached path was taken.
    bool sameBothWays(const QByteArray& der, const QString& what)
    {
        auto cached = CmsSignature::parse(der);
        auto whole = CmsSignature::parse(der, CmsSignature::CertificateDecoding::Whole);
        if (whole.ok() && whole->certificatesFromCache()) {
            qWarning("%s: the whole decode claims the cache", qPrintable(what));
            return false;
        }
        const QString different
            = difference(outcomeOf(cached, m_digest, anchors()), outcomeOf(whole, m_digest, anchors()));
        if (!different.isEmpty()) {
            qWarning("%s: %s", qPrintable(what), qPrintable(different));
            m_failed = true;
        }
        return cached.ok() && cached->certificatesFromCache();
    }
    bool m_failed = false;

private slots:
    void initTestCase()
    {
        QVERIFY(m_pki.open(QStringLiteral("Parse")));
        m_rsa = std::move(PrivateKey::generate(KeyAlgorithm::Rsa2048)).value();
        m_ec = std::move(PrivateKey::generate(KeyAlgorithm::EcdsaP256)).value();
        SubjectName subject;
        subject.commonName = QStringLiteral("Yamada Taro");
        m_rsaSelfSigned = createSelfSignedCertificate(m_rsa, subject, 30).value();
        m_ecSelfSigned = createSelfSignedCertificate(m_ec, subject, 30).value();
        m_rsaIssued = issue(m_rsa, QStringLiteral("Yamada Taro"));
        m_ecIssued = issue(m_ec, QStringLiteral("Suzuki Hanako"));
        QVERIFY(!m_rsaIssued.isNull() && !m_ecIssued.isNull());
    }

    void init() { m_failed = false; }

    void realSignaturesAgree_data()
    {
        QTest::addColumn<KeyAlgorithm>("algorithm");
        QTest::addColumn<bool>("chain");
        QTest::addColumn<bool>("timestamp");
        for (const KeyAlgorithm algorithm : {KeyAlgorithm::Rsa2048, KeyAlgorithm::EcdsaP256}) {
            const QString name = keyAlgorithmName(algorithm);
            QTest::newRow(qPrintable(name + QStringLiteral(" self-signed"))) << algorithm << false << false;
            QTest::newRow(qPrintable(name + QStringLiteral(" with CA"))) << algorithm << true << false;
            QTest::newRow(qPrintable(name + QStringLiteral(" self-signed B-T"))) << algorithm << false << true;
            QTest::newRow(qPrintable(name + QStringLiteral(" with CA B-T"))) << algorithm << true << true;
        }
    }

    void realSignaturesAgree()
    {
        QFETCH(KeyAlgorithm, algorithm);
        QFETCH(bool, chain);
        QFETCH(bool, timestamp);
        const QByteArray der = sign(algorithm, chain, timestamp);
        QVERIFY(!der.isEmpty());

        auto cached = CmsSignature::parse(der);
        auto whole = CmsSignature::parse(der, CmsSignature::CertificateDecoding::Whole);
        QVERIFY(cached.ok() && whole.ok());
        QVERIFY(cached->certificatesFromCache());
        QVERIFY(!whole->certificatesFromCache());
        const Outcome fast = outcomeOf(cached, m_digest, anchors());
        const Outcome reference = outcomeOf(whole, m_digest, anchors());
        QCOMPARE(difference(fast, reference), QString());
        QCOMPARE(fast.verified, QStringLiteral("ok"));
        QCOMPARE(fast.certificates.size(), chain ? 2 : 1);
        QCOMPARE(fast.digestAlgorithm, QByteArrayLiteral("SHA256"));
        QVERIFY(!fast.signer.isEmpty());
        QVERIFY(fast.certificates.contains(fast.signer)); // where a DER SET OF sorts it
        if (chain)
            QCOMPARE(fast.chain, QStringLiteral("ok"));
        if (timestamp)
            QVERIFY2(fast.timestamp.endsWith(QStringLiteral("trusted=1")), qPrintable(fast.timestamp));
        else
            QVERIFY(fast.timestampToken.isEmpty());
        // The certificates are the very bytes the signature carries, in its order.
        const SignedDataLayout layout = SignedDataLayout::of(der);
        QCOMPARE(fast.certificates, layout.certificates);

        // Zero padding as in a PDF /Contents placeholder: still the cached path, the same answer.
        QVERIFY(sameBothWays(der + QByteArray(700, '\0'), QStringLiteral("padded")));
        QVERIFY(!m_failed);
    }

    void repeatedCertificatesComeFromTheCache()
    {
        const QByteArray der = sign(KeyAlgorithm::EcdsaP256, true, false);
        QVERIFY(CmsSignature::parse(der).ok()); // cached now, whatever came before
        const auto before = CmsSignature::certificateCacheCounts();
        for (int i = 0; i < 10; ++i) {
            auto parsed = CmsSignature::parse(der);
            QVERIFY(parsed.ok() && parsed->certificatesFromCache());
            QVERIFY(parsed->verify(m_digest).ok());
        }
        const auto after = CmsSignature::certificateCacheCounts();
        QCOMPARE(after.misses, before.misses);
        QCOMPARE(after.hits, before.hits + 20);
    }

    void differentBytesAreNeverServedFromTheCache()
    {
        const QByteArray der = sign(KeyAlgorithm::EcdsaP256, true, false);
        QVERIFY(CmsSignature::parse(der).ok());
        const SignedDataLayout layout = SignedDataLayout::of(der);
        const QByteArray ca = layout.certificates.at(1);
        // One byte of the CA certificate changed: in its serial number (signed part), then in its signature value
        // (the last byte). Either is a different certificate, decoded from its own bytes.
        const Element certificate = elementAt(ca, 0);
        const Element tbs = elementAt(ca, certificate.headerSize);
        const qsizetype tbsContents = certificate.headerSize + tbs.headerSize;
        // TBSCertificate: [0] version, then serialNumber INTEGER; change its last byte.
        const Element version = elementAt(ca, tbsContents);
        const Element serial = elementAt(ca, tbsContents + version.size());
        QCOMPARE(serial.tag, quint8(0x02));
        const qsizetype serialLast = tbsContents + version.size() + serial.size() - 1;
        for (const qsizetype at : {serialLast, ca.size() - 1}) {
            SignedDataLayout changed = layout;
            changed.certificates[1][at] = char(changed.certificates.at(1).at(at) ^ 0x01);
            const QByteArray forged = changed.assemble();
            const auto before = CmsSignature::certificateCacheCounts();
            auto parsed = CmsSignature::parse(forged);
            QVERIFY(parsed.ok());
            QVERIFY(parsed->certificatesFromCache());
            const auto after = CmsSignature::certificateCacheCounts();
            QCOMPARE(after.misses, before.misses + 1); // the changed one
            QCOMPARE(after.hits, before.hits + 1); // the signer's, unchanged
            QCOMPARE(parsed->certificates().size(), 2);
            QCOMPARE(parsed->certificates().at(0).toDer(), layout.certificates.at(0));
            QCOMPARE(parsed->certificates().at(1).toDer(), changed.certificates.at(1));
            QVERIFY(parsed->certificates().at(1).toDer() != ca);
            QVERIFY(sameBothWays(forged, QStringLiteral("one byte changed at %1").arg(at)));
            // The original is still served as itself.
            auto original = CmsSignature::parse(der);
            QCOMPARE(original->certificates().at(1).toDer(), ca);
        }
        QVERIFY(!m_failed);
    }

    void unusualEncodingsFallBack()
    {
        const QByteArray der = sign(KeyAlgorithm::EcdsaP256, true, true);
        const SignedDataLayout layout = SignedDataLayout::of(der);
        QCOMPARE(layout.assemble(), der);
        QVERIFY(quint8(der.at(1)) == 0x82); // what fallbackVariants' non-minimal length expects

        // BER, non-minimal lengths, duplicates, other CertificateChoices, misplaced fields, trailing bytes: the whole
        // decode reads them, the cached path does not try.
        for (const auto& [name, variant] : fallbackVariants(der))
            QVERIFY(!sameBothWays(variant, name));
        for (int level = 0; level <= 3; ++level) {
            QVERIFY(!sameBothWays(
                layout.assemble({level}) + QByteArray(100, '\0'), QStringLiteral("padded indefinite %1").arg(level)));
        }
        QVERIFY(CmsSignature::parse(layout.assemble({0, 1, 2, 3})).ok());
        // A certificate twice (CMS_add1_cert would refuse it): the whole decode keeps both.
        SignedDataLayout duplicate = layout;
        duplicate.certificates.append(layout.certificates.at(1));
        auto twice = CmsSignature::parse(duplicate.assemble());
        QVERIFY(twice.ok());
        QCOMPARE(twice->certificates().size(), 3);
        QVERIFY(!m_failed);
    }

    void truncationsAgree()
    {
        for (const bool timestamp : {false, true}) {
            const QByteArray der = sign(KeyAlgorithm::EcdsaP256, true, timestamp);
            for (qsizetype size = 0; size <= std::min<qsizetype>(200, der.size()); ++size)
                QVERIFY(!sameBothWays(der.left(size), QStringLiteral("first %1 bytes").arg(size)));
            // And at every byte of the certificates field and around it.
            const qsizetype last = der.indexOf(SignedDataLayout::of(der).certificates.last()) + 1200;
            for (qsizetype size = 200; size < std::min(last, der.size()); ++size)
                sameBothWays(der.left(size), QStringLiteral("first %1 bytes").arg(size));
        }
        QVERIFY(!m_failed);
    }

    void everyByteChangedAgrees_data()
    {
        QTest::addColumn<KeyAlgorithm>("algorithm");
        QTest::newRow("rsa2048") << KeyAlgorithm::Rsa2048;
        QTest::newRow("p256") << KeyAlgorithm::EcdsaP256;
    }

    // Differential: every single-byte change of a real two-certificate signature gets the same answer both ways.
    void everyByteChangedAgrees()
    {
        QFETCH(KeyAlgorithm, algorithm);
        const QByteArray der = sign(algorithm, true, false);
        int cachedPaths = 0;
        for (qsizetype at = 0; at < der.size(); ++at) {
            for (const quint8 change : {quint8(0x01), quint8(0x80), quint8(0xff)}) {
                QByteArray changed = der;
                changed[at] = char(quint8(changed.at(at)) ^ change);
                cachedPaths += sameBothWays(changed, QStringLiteral("byte %1 ^ %2").arg(at).arg(change)) ? 1 : 0;
            }
        }
        qInfo("%d of %lld changed signatures took the cached path", cachedPaths, der.size() * 3);
        QVERIFY(cachedPaths > 0);
        QVERIFY(!m_failed);
    }

    void cacheStaysCorrectWhenFull()
    {
        // More distinct certificates than the cache holds: old ones go, and come back decoded from their bytes.
        QList<QByteArray> signatures;
        for (int i = 0; i < 80; ++i) {
            auto key = PrivateKey::generate(KeyAlgorithm::EcdsaP256);
            SubjectName subject;
            subject.commonName = QStringLiteral("Signer %1").arg(i);
            auto certificate = createSelfSignedCertificate(*key, subject, 1);
            QVERIFY(key.ok() && certificate.ok());
            auto cms = CadesSigner(*key, {*certificate}).sign(m_digest);
            QVERIFY(cms.ok());
            signatures.append(*cms);
        }
        for (int round = 0; round < 2; ++round) {
            for (const QByteArray& der : std::as_const(signatures)) {
                auto parsed = CmsSignature::parse(der);
                QVERIFY(parsed.ok() && parsed->certificatesFromCache());
                QCOMPARE(parsed->certificates().front().toDer(), SignedDataLayout::of(der).certificates.front());
                QVERIFY(parsed->verify(m_digest).ok());
            }
        }
    }

    void concurrentParsesShareCertificates()
    {
        const QByteArray rsa = sign(KeyAlgorithm::Rsa2048, true, true);
        const QByteArray ec = sign(KeyAlgorithm::EcdsaP256, true, true);
        QList<int> jobs(200);
        std::iota(jobs.begin(), jobs.end(), 0);
        QThreadPool pool;
        pool.setMaxThreadCount(4);
        const QList<QString> problems = QtConcurrent::blockingMapped(&pool, jobs, [&](int job) -> QString {
            const QByteArray& der = job % 2 ? rsa : ec;
            auto parsed = CmsSignature::parse(der);
            if (!parsed || !parsed->certificatesFromCache())
                return QStringLiteral("parse %1").arg(job);
            if (!parsed->verify(m_digest).ok() || !parsed->verifyTimestamp(anchors()).ok())
                return QStringLiteral("verify %1").arg(job);
            if (!verifyCertificateChain(parsed->signerCertificate(), parsed->certificates(), anchors(), {}).ok())
                return QStringLiteral("chain %1").arg(job);
            return {};
        });
        for (const QString& problem : problems)
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestCmsParse)
#include "tst_cmsparse.moc"
