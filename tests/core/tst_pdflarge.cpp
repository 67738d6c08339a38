// Signing and inspecting a large PDF: memory stays flat (streamed copy and digest), throughput is reported.
#include "pdf/PdfSigner.h"
#include "pdf/SignatureInspector.h"

#include "PdfFixtures.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace ikkatsu;
using namespace ikkatsu::test;

namespace {

qint64 peakRssMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024; // Linux reports KiB
}

} // namespace

class TestPdfLarge : public QObject
{
    Q_OBJECT

private slots:
    void signAndInspectLargeFile()
    {
        // IKKATSU_LARGE_PDF_MB overrides the size (e.g. 1000 for a 1 GB run by hand).
        const qint64 megabytes = qEnvironmentVariableIntValue("IKKATSU_LARGE_PDF_MB") > 0
            ? qEnvironmentVariableIntValue("IKKATSU_LARGE_PDF_MB")
            : 200;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString input = dir.filePath(QStringLiteral("large.pdf"));
        const QString output = dir.filePath(QStringLiteral("large-signed.pdf"));
        QVERIFY(writeLargePdf(input, megabytes << 20));
        const qint64 size = QFileInfo(input).size();

        Result<PrivateKey> key = PrivateKey::generate(KeyAlgorithm::Rsa2048);
        QVERIFY(key);
        SubjectName subject;
        subject.commonName = QStringLiteral("Yamada Taro");
        Result<Certificate> certificate = createSelfSignedCertificate(*key, subject, 30);
        QVERIFY(certificate);
        const CadesSigner signer(*key, {*certificate});
        SignatureOptions options;
        options.reason = QStringLiteral("承認");

        const qint64 rssBefore = peakRssMiB();
        QElapsedTimer timer;
        timer.start();
        Result<SignOutcome> outcome = PdfSigner::signFile(input, output, signer, options);
        const double signSeconds = timer.nsecsElapsed() / 1e9;
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().detail));
        const qint64 rssAfterSigning = peakRssMiB();

        timer.restart();
        Result<InspectionReport> report = SignatureInspector::inspectFile(output, {*certificate});
        const double inspectSeconds = timer.nsecsElapsed() / 1e9;
        QVERIFY(report);
        QCOMPARE(report->signatures.size(), 1);
        QCOMPARE(report->signatures.first().verdict, SignatureVerdict::Valid);
        QVERIFY(report->signatures.first().coversWholeDocument);
        const qint64 rssAfterInspecting = peakRssMiB();

        const double mib = double(size) / (1 << 20);
        qInfo("%.0f MiB: signed in %.2f s (%.0f MiB/s), inspected in %.2f s (%.0f MiB/s); peak RSS %lld MiB before,"
              " %lld MiB after signing, %lld MiB after inspecting",
            mib, signSeconds, mib / signSeconds, inspectSeconds, mib / inspectSeconds, rssBefore, rssAfterSigning,
            rssAfterInspecting);
        // Memory must not follow the file size: a few buffers of 1 MiB, never the document.
        QVERIFY2(rssAfterSigning < rssBefore + 32, "signing must not hold the file in memory");
        QVERIFY2(rssAfterInspecting < rssBefore + 32, "inspecting must not hold the file in memory");

        // Independent checks, streamed: cmp for the prefix, pdfsig for the signature.
        const ToolRun cmp
            = runTool(QStringLiteral("cmp"), {QStringLiteral("-n"), QString::number(size), input, output});
        QCOMPARE(cmp.exitCode, 0);
        const ToolRun sig = pdfsig(output);
        QVERIFY2(sig.all().contains(QLatin1String("Signature is Valid.")), qPrintable(sig.all()));
        QVERIFY2(sig.all().contains(QLatin1String("Total document signed")), qPrintable(sig.all()));
    }
};

QTEST_GUILESS_MAIN(TestPdfLarge)
#include "tst_pdflarge.moc"
