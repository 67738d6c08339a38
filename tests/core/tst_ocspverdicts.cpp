// Remembered verdicts on stored OCSP responses are exactly what checking the response again gives: for every
// combination of response, certificate, issuer and trust anchors, for every changed byte, and in any order.
#include "TestPki.h"
#include "crypto/Ocsp.h"

#include <QTest>
#include <QtConcurrent>

#include <numeric>

using namespace ikkatsu;
using namespace ikkatsu::test;

namespace {

QString describe(const Result<OcspResult>& result)
{
    if (!result)
        return result.error().codeText() + QLatin1Char(' ') + result.error().detail;
    return QStringLiteral("status=%1 revokedAt=%2 reason=%3 producedAt=%4 thisUpdate=%5 nextUpdate=%6 responder=%7")
        .arg(int(result->status.status))
        .arg(result->status.revokedAt.toString(Qt::ISODate))
        .arg(result->status.reason)
        .arg(result->producedAt.toString(Qt::ISODate), result->thisUpdate.toString(Qt::ISODate),
            result->nextUpdate.toString(Qt::ISODate),
            QString::fromLatin1(result->responder.sha256Fingerprint().toHex()));
}

} // namespace

class TestOcspVerdicts : public QObject
{
    Q_OBJECT

private:
    TestPki m_pki;
    TestPki m_other;
    Signer m_good;
    Signer m_revoked;
    Signer m_stranger; // issued by m_other
    QByteArray m_goodAnswer;
    QByteArray m_revokedAnswer;
    QByteArray m_strangerAnswer;
    bool m_failed = false;

    static QByteArray answer(const TestPki& pki, const Certificate& subject, OcspCertStatus status)
    {
        auto request = createOcspRequest(subject, pki.caCertificate);
        if (!request)
            return {};
        auto response = pki.ocsp->respond(*request, [status](const QString&) -> Result<OcspStatus> {
            OcspStatus said;
            said.status = status;
            if (status == OcspCertStatus::Revoked) {
                said.revokedAt = QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC);
                said.reason = 1;
            }
            return said;
        });
        return response ? *response : QByteArray();
    }

    // Checks both ways; records any difference (m_failed). Returns the remembered verdict's text.
    QString sameBothWays(const QByteArray& response, const Certificate& subject, const Certificate& issuer,
        const QList<Certificate>& anchors, const QString& what)
    {
        const QString remembered = describe(verifyStoredOcspResponse(response, subject, issuer, anchors));
        const QString checked
            = describe(verifyStoredOcspResponse(response, subject, issuer, anchors, StoredOcspVerdict::Checked));
        if (remembered != checked) {
            qWarning("%s: remembered %s, checked %s", qPrintable(what), qPrintable(remembered), qPrintable(checked));
            m_failed = true;
        }
        return remembered;
    }

    QString goodVerdict()
    {
        return sameBothWays(m_goodAnswer, m_good.certificate, m_pki.caCertificate, {m_pki.caCertificate}, {});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_pki.open(QStringLiteral("Verdicts")));
        QVERIFY(m_other.open(QStringLiteral("Other")));
        m_good = issueSigner(m_pki);
        m_revoked = issueSigner(m_pki);
        m_stranger = issueSigner(m_other);
        m_goodAnswer = answer(m_pki, m_good.certificate, OcspCertStatus::Good);
        m_revokedAnswer = answer(m_pki, m_revoked.certificate, OcspCertStatus::Revoked);
        m_strangerAnswer = answer(m_other, m_stranger.certificate, OcspCertStatus::Good);
        QVERIFY(!m_goodAnswer.isEmpty() && !m_revokedAnswer.isEmpty() && !m_strangerAnswer.isEmpty());
    }

    void init() { m_failed = false; }

    // Every verdict depends on the response, the certificate asked about, its issuer and the anchors: one remembered
    // for one combination must never answer for another.
    void everyInputIsPartOfTheVerdict()
    {
        const QList<QPair<QString, QByteArray>> answers {{QStringLiteral("good"), m_goodAnswer},
            {QStringLiteral("revoked"), m_revokedAnswer}, {QStringLiteral("stranger"), m_strangerAnswer}};
        const QList<QPair<QString, Certificate>> subjects {{QStringLiteral("good"), m_good.certificate},
            {QStringLiteral("revoked"), m_revoked.certificate}, {QStringLiteral("stranger"), m_stranger.certificate},
            {QStringLiteral("CA"), m_pki.caCertificate}};
        const QList<QPair<QString, Certificate>> issuers {{QStringLiteral("CA"), m_pki.caCertificate},
            {QStringLiteral("other CA"), m_other.caCertificate}, {QStringLiteral("a leaf"), m_good.certificate}};
        const QList<QPair<QString, QList<Certificate>>> anchorLists {{QStringLiteral("CA"), {m_pki.caCertificate}},
            {QStringLiteral("other CA"), {m_other.caCertificate}},
            {QStringLiteral("both"), {m_pki.caCertificate, m_other.caCertificate}},
            {QStringLiteral("both, other first"), {m_other.caCertificate, m_pki.caCertificate}},
            {QStringLiteral("the OCSP responder"), {m_pki.ocspCertificate}}, {QStringLiteral("none"), {}},
            {QStringLiteral("a null one"), {Certificate()}}};
        struct Combination
        {
            QString what;
            QByteArray response;
            Certificate subject;
            Certificate issuer;
            QList<Certificate> anchors;
        };
        QList<Combination> combinations;
        for (const auto& [answerName, response] : answers) {
            for (const auto& [subjectName, subject] : subjects) {
                for (const auto& [issuerName, issuer] : issuers) {
                    for (const auto& [anchorsName, anchors] : anchorLists)
                        combinations.append({QStringLiteral("%1 answer, %2 certificate, %3 issuer, anchors %4")
                                                 .arg(answerName, subjectName, issuerName, anchorsName),
                            response, subject, issuer, anchors});
                }
            }
        }
        // Neighbours differ in one input, so a verdict remembered for one is the first the next could wrongly get.
        // Then backwards: the most recently remembered come first and are answered from memory.
        QHash<QString, QString> verdicts;
        for (const Combination& each : std::as_const(combinations))
            verdicts.insert(each.what, sameBothWays(each.response, each.subject, each.issuer, each.anchors, each.what));
        const StoredOcspVerdictCounts before = storedOcspVerdictCounts();
        for (auto each = combinations.crbegin(); each != combinations.crend(); ++each)
            QCOMPARE(sameBothWays(each->response, each->subject, each->issuer, each->anchors, each->what),
                verdicts.value(each->what));
        QVERIFY(storedOcspVerdictCounts().hits - before.hits >= 100);
        QVERIFY(!m_failed);
        // What the combinations must say, so that the comparison above compares something.
        const auto verdict = [&](const QString& what) { return verdicts.value(what); };
        QVERIFY(verdict(QStringLiteral("good answer, good certificate, CA issuer, anchors CA"))
                    .startsWith(QLatin1String("status=0")));
        QVERIFY(verdict(QStringLiteral("good answer, good certificate, CA issuer, anchors both, other first"))
                    .startsWith(QLatin1String("status=0")));
        QVERIFY(verdict(QStringLiteral("revoked answer, revoked certificate, CA issuer, anchors CA"))
                    .startsWith(QLatin1String("status=1 revokedAt=2026-03-04T05:06:07Z reason=1")));
        QVERIFY(verdict(QStringLiteral("stranger answer, stranger certificate, other CA issuer, anchors other CA"))
                    .startsWith(QLatin1String("status=0")));
        QVERIFY(verdict(QStringLiteral("good answer, good certificate, CA issuer, anchors other CA"))
                    .startsWith(errorCodeText(ErrorCode::OcspResponderUntrusted)));
        QVERIFY(verdict(QStringLiteral("good answer, good certificate, CA issuer, anchors none"))
                    .startsWith(errorCodeText(ErrorCode::OcspResponderUntrusted)));
        QVERIFY(verdict(QStringLiteral("good answer, revoked certificate, CA issuer, anchors CA"))
                    .startsWith(errorCodeText(ErrorCode::OcspResponseInvalid)));
        QVERIFY(!verdict(QStringLiteral("good answer, good certificate, other CA issuer, anchors CA"))
                     .startsWith(QLatin1String("status=")));
        QVERIFY(!verdict(QStringLiteral("good answer, good certificate, a leaf issuer, anchors CA"))
                     .startsWith(QLatin1String("status=")));
        QVERIFY(!verdict(QStringLiteral("stranger answer, stranger certificate, other CA issuer, anchors CA"))
                     .startsWith(QLatin1String("status=")));
    }

    void repeatedChecksAreRemembered()
    {
        QVERIFY(goodVerdict().startsWith(QLatin1String("status=0")));
        const StoredOcspVerdictCounts before = storedOcspVerdictCounts();
        for (int i = 0; i < 10; ++i) {
            auto remembered = verifyStoredOcspResponse(
                m_goodAnswer, m_good.certificate, m_pki.caCertificate, {m_pki.caCertificate});
            QVERIFY(remembered.ok() && remembered->status.status == OcspCertStatus::Good);
            QCOMPARE(remembered->responder.toDer(), m_pki.ocspCertificate.toDer());
        }
        // A failure that follows from the inputs is remembered too (the answer names another certificate; anchors
        // no other test uses, so that the first is a miss).
        for (int i = 0; i < 3; ++i)
            QVERIFY(!verifyStoredOcspResponse(m_goodAnswer, m_revoked.certificate, m_pki.caCertificate,
                {m_pki.caCertificate, m_pki.caCertificate, m_other.caCertificate})
                         .ok());
        const StoredOcspVerdictCounts after = storedOcspVerdictCounts();
        QCOMPARE(after.hits, before.hits + 12);
        QCOMPARE(after.misses, before.misses + 1);
        // Checked never asks the memory.
        QVERIFY(verifyStoredOcspResponse(
            m_goodAnswer, m_good.certificate, m_pki.caCertificate, {m_pki.caCertificate}, StoredOcspVerdict::Checked)
                    .ok());
        QCOMPARE(storedOcspVerdictCounts().hits, after.hits);
        QCOMPARE(storedOcspVerdictCounts().misses, after.misses);
    }

    // Differential: every single-byte change of a real answer, each right after the original was remembered, gets
    // the verdict a fresh check gives; the original keeps its own.
    void everyByteChangedAgrees()
    {
        const QString good = goodVerdict();
        QVERIFY(good.startsWith(QLatin1String("status=0")));
        int stillGood = 0;
        for (qsizetype at = 0; at < m_goodAnswer.size(); ++at) {
            for (const quint8 change : {quint8(0x01), quint8(0x80), quint8(0xff)}) {
                QByteArray changed = m_goodAnswer;
                changed[at] = char(quint8(changed.at(at)) ^ change);
                const QString verdict = sameBothWays(changed, m_good.certificate, m_pki.caCertificate,
                    {m_pki.caCertificate}, QStringLiteral("byte %1 ^ %2").arg(at).arg(change));
                stillGood += verdict == good ? 1 : 0;
                QCOMPARE(goodVerdict(), good);
            }
        }
        // Only bytes the check cannot see (an unused bit, a length's padding) may leave the verdict as it was.
        qInfo("%d of %lld changed answers kept the original verdict", stillGood, m_goodAnswer.size() * 3);
        QVERIFY(stillGood < m_goodAnswer.size() / 10);
        QVERIFY(!m_failed);
    }

    void truncationsAndAdditionsAgree()
    {
        const QString good = goodVerdict();
        for (qsizetype size = 0; size < m_goodAnswer.size(); ++size) {
            const QString verdict = sameBothWays(m_goodAnswer.left(size), m_good.certificate, m_pki.caCertificate,
                {m_pki.caCertificate}, QStringLiteral("first %1 bytes").arg(size));
            QVERIFY2(verdict != good, qPrintable(QStringLiteral("first %1 bytes: %2").arg(size).arg(verdict)));
            QCOMPARE(goodVerdict(), good);
        }
        // Bytes after the answer are not part of it for OpenSSL; whatever it says, the memory must say the same.
        for (const QByteArray& tail : {QByteArray(1, '\0'), QByteArray("x"), m_revokedAnswer})
            sameBothWays(m_goodAnswer + tail, m_good.certificate, m_pki.caCertificate, {m_pki.caCertificate},
                QStringLiteral("with %1 bytes more").arg(tail.size()));
        QVERIFY(!m_failed);
    }

    void memoryStaysCorrectWhenFull()
    {
        QVERIFY(goodVerdict().startsWith(QLatin1String("status=0")));
        // More distinct inputs than the memory holds (the answer followed by 1..200 zero bytes, which OpenSSL does
        // not read): old ones go, and are checked again when they come back.
        for (int round = 0; round < 2; ++round) {
            for (int i = 1; i <= 200; ++i) {
                const QString verdict = sameBothWays(m_goodAnswer + QByteArray(i, '\0'), m_good.certificate,
                    m_pki.caCertificate, {m_pki.caCertificate}, QStringLiteral("%1 zero bytes after").arg(i));
                QVERIFY2(verdict.startsWith(QLatin1String("status=0")), qPrintable(verdict));
            }
        }
        const StoredOcspVerdictCounts before = storedOcspVerdictCounts();
        QVERIFY(goodVerdict().startsWith(QLatin1String("status=0")));
        QCOMPARE(storedOcspVerdictCounts().misses, before.misses + 1); // pushed out by the 200
        QVERIFY(!m_failed);
    }

    void concurrentChecksAgree()
    {
        QList<int> jobs(300);
        std::iota(jobs.begin(), jobs.end(), 0);
        QThreadPool pool;
        pool.setMaxThreadCount(4);
        const QList<QString> problems = QtConcurrent::blockingMapped(&pool, jobs, [&](int job) -> QString {
            switch (job % 3) {
            case 0: {
                auto good = verifyStoredOcspResponse(
                    m_goodAnswer, m_good.certificate, m_pki.caCertificate, {m_pki.caCertificate});
                return good && good->status.status == OcspCertStatus::Good ? QString() : QStringLiteral("good");
            }
            case 1: {
                auto revoked = verifyStoredOcspResponse(
                    m_revokedAnswer, m_revoked.certificate, m_pki.caCertificate, {m_pki.caCertificate});
                return revoked && revoked->status.status == OcspCertStatus::Revoked ? QString()
                                                                                    : QStringLiteral("revoked");
            }
            default: {
                auto untrusted = verifyStoredOcspResponse(
                    m_goodAnswer, m_good.certificate, m_pki.caCertificate, {m_other.caCertificate});
                return untrusted ? QStringLiteral("untrusted") : QString();
            }
            }
        });
        for (const QString& problem : problems)
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestOcspVerdicts)
#include "tst_ocspverdicts.moc"
