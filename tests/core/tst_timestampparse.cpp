// RFC 3161 tokens read with their certificates from the process-wide cache give exactly what a whole-structure
// decode gives, for real tokens and for hostile variations of them.
#include "SignedDataLayout.h"
#include "TestPki.h"
#include "crypto/Cades.h"
#include "crypto/Timestamp.h"

#include <QTest>
#include <QtConcurrent>

#include <numeric>

using namespace ikkatsu;
using namespace ikkatsu::test;

namespace {

QByteArray sha256(const QByteArray& data)
{
    Digest digest;
    digest.update(data.constData(), data.size());
    return digest.final();
}

QString errorText(const Error& error)
{
    return error.codeText() + QLatin1Char(' ') + error.detail;
}

// Everything a caller learns from a token, as text: the parse, and verification against the right anchors, other
// anchors and none.
struct Outcome
{
    QString parsed;
    QList<QByteArray> certificates;
    QString trusted;
    QString otherAnchors;
    QString noAnchors;
};

QString describe(const Result<TimestampInfo>& info)
{
    if (!info)
        return errorText(info.error());
    return QStringLiteral("%1 %2 %3 %4 %5 tsa=%6 certificates=%7 trusted=%8")
        .arg(info->genTime.toString(Qt::ISODateWithMs), info->serialHex, info->policyOid,
            QString::fromLatin1(info->imprintAlgorithm), QString::fromLatin1(info->imprint.toHex()),
            QString::fromLatin1(info->tsaCertificate.sha256Fingerprint().toHex()))
        .arg(info->certificates.size())
        .arg(info->trusted);
}

} // namespace

class TestTimestampParse : public QObject
{
    Q_OBJECT

private:
    TestPki m_pki;
    TestPki m_other;
    QByteArray m_digest = sha256("the signed revision");
    QByteArray m_token;
    bool m_failed = false;

    Outcome outcomeOf(const QByteArray& token, CertificateDecoding decoding, bool* fromCache = nullptr) const
    {
        Outcome outcome;
        const Result<TimestampInfo> parsed = parseTimestampToken(token, decoding);
        outcome.parsed = describe(parsed);
        if (parsed) {
            for (const Certificate& certificate : parsed->certificates)
                outcome.certificates.append(certificate.toDer());
        }
        const Result<TimestampInfo> trusted
            = verifyTimestampToken(token, m_digest, {m_pki.caCertificate}, {}, QByteArrayLiteral("SHA256"), decoding);
        outcome.trusted = describe(trusted);
        outcome.otherAnchors = describe(
            verifyTimestampToken(token, m_digest, {m_other.caCertificate}, {}, QByteArrayLiteral("SHA256"), decoding));
        outcome.noAnchors = describe(verifyTimestampToken(token, m_digest, {}, {}, "SHA256", decoding));
        if (fromCache)
            *fromCache = parsed.ok() && parsed->certificatesFromCache;
        return outcome;
    }

    // Reads `token` both ways; records any difference (m_failed). Returns whether the cached path was taken.
    bool sameBothWays(const QByteArray& token, const QString& what)
    {
        bool fromCache = false;
        bool wholeFromCache = false;
        const Outcome cached = outcomeOf(token, CertificateDecoding::Cached, &fromCache);
        const Outcome whole = outcomeOf(token, CertificateDecoding::Whole, &wholeFromCache);
        QString different;
        if (wholeFromCache)
            different = QStringLiteral("the whole decode claims the cache");
        else if (cached.parsed != whole.parsed)
            different = QStringLiteral("parse: %1 vs %2").arg(cached.parsed, whole.parsed);
        else if (cached.certificates != whole.certificates)
            different = QStringLiteral("certificates");
        else if (cached.trusted != whole.trusted)
            different = QStringLiteral("verify: %1 vs %2").arg(cached.trusted, whole.trusted);
        else if (cached.otherAnchors != whole.otherAnchors)
            different = QStringLiteral("other anchors: %1 vs %2").arg(cached.otherAnchors, whole.otherAnchors);
        else if (cached.noAnchors != whole.noAnchors)
            different = QStringLiteral("no anchors: %1 vs %2").arg(cached.noAnchors, whole.noAnchors);
        if (!different.isEmpty()) {
            qWarning("%s: %s", qPrintable(what), qPrintable(different));
            m_failed = true;
        }
        return fromCache;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_pki.open(QStringLiteral("Tokens")));
        QVERIFY(m_other.open(QStringLiteral("Other")));
        auto token = m_pki.token(m_digest);
        QVERIFY(token.ok());
        m_token = *token;
    }

    void init() { m_failed = false; }

    void realTokensAgree_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("our TSA") << QStringLiteral("pki");
        QTest::newRow("another TSA") << QStringLiteral("other");
        QTest::newRow("inside a B-T signature") << QStringLiteral("cades");
    }

    void realTokensAgree()
    {
        QFETCH(QString, source);
        QByteArray token;
        if (source == QLatin1String("pki")) {
            token = m_token;
        } else if (source == QLatin1String("other")) {
            token = m_other.token(m_digest).value();
        } else {
            const Signer signer = issueSigner(m_pki);
            CadesSigner cades(signer.key, {signer.certificate, m_pki.caCertificate});
            cades.setTimestampFetcher([this](const QByteArray& digest) { return m_pki.token(digest); });
            auto cms = cades.sign(sha256("content"));
            QVERIFY(cms.ok());
            auto parsed = CmsSignature::parse(*cms);
            QVERIFY(parsed.ok());
            token = parsed->timestampToken();
            // The token's imprint is the signature value's digest; verify against it both ways.
            const QByteArray imprint = sha256(parsed->signatureValue());
            for (const auto decoding : {CertificateDecoding::Cached, CertificateDecoding::Whole}) {
                auto verified = verifyTimestampToken(token, imprint, {m_pki.caCertificate}, {}, "SHA256", decoding);
                QVERIFY2(verified.ok() && verified->trusted, qPrintable(describe(verified)));
                QCOMPARE(verified->certificatesFromCache, decoding == CertificateDecoding::Cached);
            }
        }
        QVERIFY(!token.isEmpty());

        auto cached = parseTimestampToken(token);
        auto whole = parseTimestampToken(token, CertificateDecoding::Whole);
        QVERIFY(cached.ok() && whole.ok());
        QVERIFY(cached->certificatesFromCache);
        QVERIFY(!whole->certificatesFromCache);
        QCOMPARE(describe(cached), describe(whole));
        // The certificates are the very bytes the token carries, in its order: the TSA's and its CA's.
        const SignedDataLayout layout = SignedDataLayout::of(token);
        QCOMPARE(layout.assemble(), token);
        QCOMPARE(layout.certificates.size(), 2);
        QList<QByteArray> certificates;
        for (const Certificate& certificate : cached->certificates)
            certificates.append(certificate.toDer());
        QCOMPARE(certificates, layout.certificates);
        const TestPki& pki = source == QLatin1String("other") ? m_other : m_pki;
        QCOMPARE(cached->tsaCertificate.toDer(), pki.tsaCertificate.toDer());

        if (source != QLatin1String("cades")) {
            const Outcome fast = outcomeOf(token, CertificateDecoding::Cached);
            // Each token is trusted under its own CA only.
            const bool ours = source == QLatin1String("pki");
            QVERIFY2((ours ? fast.trusted : fast.otherAnchors).endsWith(QLatin1String("trusted=1")),
                qPrintable(fast.trusted + QLatin1String(" / ") + fast.otherAnchors));
            QVERIFY(!(ours ? fast.otherAnchors : fast.trusted).contains(QLatin1String("trusted=")));
            QVERIFY(fast.noAnchors.endsWith(QLatin1String("trusted=0")));
            QVERIFY(sameBothWays(token, QStringLiteral("as issued")));
        }
        // Zero padding as in a PDF /Contents placeholder: still the cached path, the same answer.
        QVERIFY(sameBothWays(token + QByteArray(500, '\0'), QStringLiteral("padded")));
        QVERIFY(!m_failed);
    }

    void repeatedTokensComeFromTheCache()
    {
        QVERIFY(parseTimestampToken(m_token).ok()); // cached now, whatever came before
        const auto before = CmsSignature::certificateCacheCounts();
        for (int i = 0; i < 10; ++i) {
            auto verified = verifyTimestampToken(m_token, m_digest, {m_pki.caCertificate});
            QVERIFY(verified.ok() && verified->trusted && verified->certificatesFromCache);
        }
        const auto after = CmsSignature::certificateCacheCounts();
        QCOMPARE(after.misses, before.misses);
        QCOMPARE(after.hits, before.hits + 20); // the TSA's and the CA's certificate each time
    }

    void responsesComeFromTheCache()
    {
        // The client takes the token out of every TSA answer (two per B-LTA document): its certificates come from
        // the cache too, and the token is the TSA's own bytes.
        QByteArray nonce;
        auto request = createTimestampRequest(m_digest, &nonce);
        QVERIFY(request.ok());
        auto answer = m_pki.tsa->respond(*request);
        QVERIFY(answer.ok() && answer->granted);
        QVERIFY(timestampTokenFromResponse(answer->response, *request).ok()); // cached now, whatever came before
        const auto before = CmsSignature::certificateCacheCounts();
        auto token = timestampTokenFromResponse(answer->response, *request);
        const auto after = CmsSignature::certificateCacheCounts();
        QVERIFY(token.ok());
        QCOMPARE(after.misses, before.misses);
        QCOMPARE(after.hits, before.hits + 2); // the TSA's and the CA's certificate
        QVERIFY(answer->response.endsWith(*token));
        // The same token as a whole-structure decode reads it, and it verifies.
        QVERIFY(sameBothWays(*token, QStringLiteral("from a response")));
        QVERIFY(!m_failed);
        QVERIFY(verifyTimestampToken(*token, m_digest, {m_pki.caCertificate}).value().trusted);

        // What must still be refused on this path: another request's nonce, bytes after the response, a token
        // under a status that is not granted, a token cut short.
        auto other = createTimestampRequest(m_digest);
        QVERIFY(other.ok());
        const auto refused = [&](const QByteArray& response, const QByteArray& asked) {
            auto result = timestampTokenFromResponse(response, asked);
            return !result.ok() && result.error().code == ErrorCode::TimestampResponseInvalid;
        };
        QVERIFY(refused(answer->response, *other));
        QVERIFY(refused(answer->response + QByteArray(1, '\0'), *request));
        const QByteArray granted = QByteArrayLiteral("\x30\x03\x02\x01\x00");
        QVERIFY(answer->response.indexOf(granted) > 0);
        QByteArray rejected = answer->response;
        rejected.replace(rejected.indexOf(granted), granted.size(), QByteArrayLiteral("\x30\x03\x02\x01\x02"));
        QVERIFY(refused(rejected, *request));
        QVERIFY(refused(answer->response.left(answer->response.size() - 1), *request));
    }

    void differentBytesAreNeverServedFromTheCache()
    {
        QVERIFY(parseTimestampToken(m_token).ok());
        const SignedDataLayout layout = SignedDataLayout::of(m_token);
        // Each certificate changed in one byte of its serial number (signed part) and in its last byte (signature
        // value): a different certificate, decoded from its own bytes, never the cached one with a matching prefix.
        for (int which = 0; which < layout.certificates.size(); ++which) {
            const QByteArray original = layout.certificates.at(which);
            const Element certificate = elementAt(original, 0);
            const Element tbs = elementAt(original, certificate.headerSize);
            const qsizetype tbsContents = certificate.headerSize + tbs.headerSize;
            const Element version = elementAt(original, tbsContents);
            const Element serial = elementAt(original, tbsContents + version.size());
            QCOMPARE(serial.tag, quint8(0x02));
            const qsizetype serialLast = tbsContents + version.size() + serial.size() - 1;
            for (const qsizetype at : {serialLast, original.size() - 1}) {
                SignedDataLayout changed = layout;
                changed.certificates[which][at] = char(original.at(at) ^ 0x01);
                const QByteArray forged = changed.assemble();
                const auto before = CmsSignature::certificateCacheCounts();
                auto parsed = parseTimestampToken(forged);
                QVERIFY(parsed.ok() && parsed->certificatesFromCache);
                const auto after = CmsSignature::certificateCacheCounts();
                QCOMPARE(after.misses, before.misses + 1); // the changed one
                QCOMPARE(after.hits, before.hits + 1); // the other, unchanged
                QCOMPARE(parsed->certificates.at(which).toDer(), changed.certificates.at(which));
                QVERIFY(parsed->certificates.at(which).toDer() != original);
                // A changed TSA certificate no longer verifies; a changed CA copy is not what anchors the chain.
                QVERIFY(sameBothWays(forged, QStringLiteral("certificate %1, byte %2 changed").arg(which).arg(at)));
                auto verified = verifyTimestampToken(forged, m_digest, {m_pki.caCertificate});
                if (which == 0)
                    QVERIFY(!verified.ok());
                // The original is still served as itself.
                auto again = verifyTimestampToken(m_token, m_digest, {m_pki.caCertificate});
                QVERIFY(again.ok() && again->trusted);
                QCOMPARE(again->certificates.at(which).toDer(), original);
            }
        }
        QVERIFY(!m_failed);
    }

    void unusualEncodingsFallBack()
    {
        const SignedDataLayout layout = SignedDataLayout::of(m_token);
        QCOMPARE(quint8(m_token.at(1)), quint8(0x82)); // what fallbackVariants' non-minimal length expects
        // BER, non-minimal lengths, duplicates, other CertificateChoices, misplaced fields; and since d2i_PKCS7
        // ignores what follows the token, the cached path takes zero padding only and leaves the rest to it.
        for (const auto& [name, variant] : fallbackVariants(m_token))
            QVERIFY(!sameBothWays(variant, name));
        QVERIFY(parseTimestampToken(layout.assemble({0, 1, 2, 3})).ok());
        SignedDataLayout reordered = layout;
        std::swap(reordered.certificates[0], reordered.certificates[1]);
        QVERIFY(sameBothWays(reordered.assemble(), QStringLiteral("CA first")));
        // A CMS signature is a SignedData too, but no token.
        const Signer signer = issueSigner(m_pki);
        auto cms = CadesSigner(signer.key, {signer.certificate}).sign(m_digest);
        QVERIFY(cms.ok());
        sameBothWays(*cms, QStringLiteral("a CMS signature"));
        QVERIFY(!parseTimestampToken(*cms).ok());
        QVERIFY(!m_failed);
    }

    void truncationsAgree()
    {
        for (qsizetype size = 0; size < m_token.size(); ++size)
            QVERIFY(!sameBothWays(m_token.left(size), QStringLiteral("first %1 bytes").arg(size)));
        QVERIFY(!m_failed);
    }

    // Differential: every single-byte change of a real token gets the same answer both ways.
    void everyByteChangedAgrees()
    {
        int cachedPaths = 0;
        for (qsizetype at = 0; at < m_token.size(); ++at) {
            for (const quint8 change : {quint8(0x01), quint8(0x80), quint8(0xff)}) {
                QByteArray changed = m_token;
                changed[at] = char(quint8(changed.at(at)) ^ change);
                cachedPaths += sameBothWays(changed, QStringLiteral("byte %1 ^ %2").arg(at).arg(change)) ? 1 : 0;
            }
        }
        qInfo("%d of %lld changed tokens took the cached path", cachedPaths, m_token.size() * 3);
        QVERIFY(cachedPaths > 0);
        QVERIFY(!m_failed);
    }

    void concurrentVerificationsShareCertificates()
    {
        const QByteArray other = m_other.token(m_digest).value();
        QList<int> jobs(200);
        std::iota(jobs.begin(), jobs.end(), 0);
        QThreadPool pool;
        pool.setMaxThreadCount(4);
        const QList<QString> problems = QtConcurrent::blockingMapped(&pool, jobs, [&](int job) -> QString {
            const bool ours = job % 2;
            const TestPki& pki = ours ? m_pki : m_other;
            auto verified = verifyTimestampToken(ours ? m_token : other, m_digest, {pki.caCertificate});
            if (!verified || !verified->trusted || !verified->certificatesFromCache)
                return QStringLiteral("verify %1: %2").arg(job).arg(describe(verified));
            return {};
        });
        for (const QString& problem : problems)
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestTimestampParse)
#include "tst_timestampparse.moc"
