// Drives the real ikkatsu-cli binary: key store, batch signing with bad files mixed in, verify, PIN rules.
#include "PdfFixtures.h"
#include "TestConfig.h"
#include "TestSupport.h"
#include "common/AtomicFile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

using namespace ikkatsu::test;

namespace {

const QByteArray kPin = QByteArrayLiteral("Pin2024abc");

ToolRun cli(const QStringList& arguments, const QByteArray& input = {})
{
    return runTool(builtBinary(QStringLiteral("ikkatsu-cli")), arguments, input);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_keystore;
    QString m_certPem;
    QStringList m_corpus;

    QString path(const QString& name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const ToolRun corpus = runTool(QStringLiteral(IKKATSU_BINARY_DIR "/bench/ikkatsu-make-corpus"),
            {QStringLiteral("--out"), path(QStringLiteral("in")), QStringLiteral("--count"), QStringLiteral("6"),
                QStringLiteral("--pages"), QStringLiteral("2")});
        QCOMPARE(corpus.exitCode, 0);
        const QDir in(path(QStringLiteral("in")));
        for (const QString& name : in.entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name))
            m_corpus << in.filePath(name);
        QCOMPARE(m_corpus.size(), 6);

        m_keystore = path(QStringLiteral("me.p12"));
        const ToolRun create
            = cli({QStringLiteral("keystore"), QStringLiteral("create"), QStringLiteral("--out"), m_keystore,
                      QStringLiteral("--self-signed"), QStringLiteral("--name"), QStringLiteral("Taro Yamada"),
                      QStringLiteral("--company"), QStringLiteral("Sample Kensetsu"), QStringLiteral("--pin-stdin")},
                kPin + '\n');
        QVERIFY2(create.exitCode == 0, qPrintable(create.all()));
        struct stat info
        {
        };
        QCOMPARE(::stat(QFile::encodeName(m_keystore).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);

        m_certPem = path(QStringLiteral("me.pem"));
        const ToolRun exported = runTool(QStringLiteral("openssl"),
            {QStringLiteral("pkcs12"), QStringLiteral("-in"), m_keystore, QStringLiteral("-nokeys"),
                QStringLiteral("-passin"), QStringLiteral("pass:") + QString::fromLatin1(kPin), QStringLiteral("-out"),
                m_certPem});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.all()));
    }

    void keystoreInfoNeedsNoPin()
    {
        const ToolRun info
            = cli({QStringLiteral("keystore"), QStringLiteral("info"), QStringLiteral("--json"), m_keystore});
        QVERIFY2(info.exitCode == 0, qPrintable(info.all()));
        const QJsonObject root = QJsonDocument::fromJson(info.out).object();
        const QJsonObject certificate = root[QStringLiteral("certificates")].toArray().at(0).toObject();
        QCOMPARE(certificate[QStringLiteral("commonName")].toString(), QStringLiteral("Taro Yamada"));
        QCOMPARE(certificate[QStringLiteral("company")].toString(), QStringLiteral("Sample Kensetsu"));
        QVERIFY(certificate[QStringLiteral("selfSigned")].toBool());
        const ToolRun text = cli({QStringLiteral("keystore"), QStringLiteral("info"), m_keystore});
        QVERIFY(text.all().contains(QStringLiteral("local use only")));
    }

    void createRefusesExistingAndBadPins()
    {
        const ToolRun again = cli({QStringLiteral("keystore"), QStringLiteral("create"), QStringLiteral("--out"),
                                      m_keystore, QStringLiteral("--self-signed"), QStringLiteral("--name"),
                                      QStringLiteral("X"), QStringLiteral("--pin-stdin")},
            kPin + '\n');
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.all().contains(QStringLiteral("E2104")), qPrintable(again.all()));

        for (const QByteArray& bad :
            {QByteArrayLiteral("abc12"), QByteArrayLiteral("abcdefghij0123456789x"), QByteArrayLiteral("abc-1234"),
                QByteArray("\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93"
                           "456789")}) {
            const QString target = path(QStringLiteral("bad.p12"));
            const ToolRun run = cli({QStringLiteral("keystore"), QStringLiteral("create"), QStringLiteral("--out"),
                                        target, QStringLiteral("--self-signed"), QStringLiteral("--name"),
                                        QStringLiteral("X"), QStringLiteral("--pin-stdin")},
                bad + '\n');
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.all().contains(QStringLiteral("E2001")), qPrintable(run.all()));
            QVERIFY(!QFileInfo::exists(target));
        }
    }

    void usageErrors()
    {
        QCOMPARE(cli({QStringLiteral("sign"), QStringLiteral("--keystore"), m_keystore, m_corpus.front()}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("sign"), QStringLiteral("--keystore"), m_keystore, QStringLiteral("--suffix"),
                         QString(), m_corpus.front()})
                     .exitCode,
            2);
        QCOMPARE(cli({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("verify")}).exitCode, 2);
    }

    void wrongPinSignsNothing()
    {
        const QString out = path(QStringLiteral("wrongpin"));
        const ToolRun run = cli({QStringLiteral("sign"), QStringLiteral("--keystore"), m_keystore,
                                    QStringLiteral("--pin-stdin"), QStringLiteral("--out-dir"), out, m_corpus.front()},
            QByteArrayLiteral("Wrong123\n"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.all().contains(QStringLiteral("E2003")), qPrintable(run.all()));
        QVERIFY(QDir(out).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    // A sign run killed with SIGKILL leaves hidden temporaries; the next run removes exactly those (issue 13), not a
    // temporary another process is still writing, nor other hidden files or symbolic links.
    void killedRunLeavesTemporariesTheNextRunRemoves()
    {
        const QString in = path(QStringLiteral("kill-in"));
        const QString out = path(QStringLiteral("kill-out"));
        QVERIFY(QDir().mkpath(in) && QDir().mkpath(out));
        QStringList inputs;
        for (int i = 0; i < 48; ++i) {
            inputs << in + QStringLiteral("/big%1.pdf").arg(i, 2, 10, QLatin1Char('0'));
            QVERIFY(writeLargePdf(inputs.back(), 3 << 20));
        }
        const QRegularExpression temporary(QStringLiteral("^\\..+\\.[0-9a-f]{16}\\.tmp$"));
        auto temporaries = [&] {
            QStringList found;
            for (const QString& name :
                QDir(out).entryList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks)) {
                if (temporary.match(name).hasMatch())
                    found << name;
            }
            return found;
        };
        QStringList stale;
        for (int attempt = 0; attempt < 10 && stale.isEmpty(); ++attempt) {
            QProcess run;
            run.start(builtBinary(QStringLiteral("ikkatsu-cli")),
                QStringList {QStringLiteral("sign"), QStringLiteral("--keystore"), m_keystore,
                    QStringLiteral("--pin-stdin"), QStringLiteral("--jobs"), QStringLiteral("2"),
                    QStringLiteral("--out-dir"), out}
                    + inputs);
            QVERIFY(run.waitForStarted());
            run.write(kPin + '\n');
            QVERIFY(run.waitForBytesWritten(10000)); // no event loop here: flush the PIN by hand
            run.closeWriteChannel();
            QElapsedTimer timer;
            timer.start();
            bool finished = false;
            while (temporaries().isEmpty() && !finished && timer.elapsed() < 20000)
                finished = run.waitForFinished(1);
            run.kill(); // SIGKILL: no destructor runs
            QVERIFY(run.waitForFinished());
            stale = temporaries();
        }
        QVERIFY2(!stale.isEmpty(), "no temporary was caught in flight");

        // Another writer's temporary, open right now, and look-alikes that are not ours to remove.
        ikkatsu::Result<ikkatsu::AtomicFile> live = ikkatsu::AtomicFile::create(out + QStringLiteral("/live.pdf"));
        QVERIFY(live.ok());
        QVERIFY(live->write(QByteArrayLiteral("%PDF-1.7 in progress")).ok());
        QVERIFY(writeAll(out + QStringLiteral("/.notes.tmp"), "keep"));
        QVERIFY(writeAll(path(QStringLiteral("outside.pdf")), "keep"));
        QVERIFY(
            QFile::link(path(QStringLiteral("outside.pdf")), out + QStringLiteral("/.link.pdf.0123456789abcdef.tmp")));

        const ToolRun again
            = cli({QStringLiteral("sign"), QStringLiteral("--keystore"), m_keystore, QStringLiteral("--pin-stdin"),
                      QStringLiteral("--out-dir"), out, m_corpus.front()},
                kPin + '\n');
        QVERIFY2(again.exitCode == 0, qPrintable(again.all()));
        const QStringList left = temporaries();
        QCOMPARE(left, QStringList {QFileInfo(live->temporaryPath()).fileName()});
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/.notes.tmp")));
        QVERIFY(QFileInfo(out + QStringLiteral("/.link.pdf.0123456789abcdef.tmp")).isSymLink());
        QVERIFY(QFileInfo::exists(path(QStringLiteral("outside.pdf"))));
        QVERIFY(live->commit().ok());
        QCOMPARE(readAll(out + QStringLiteral("/live.pdf")), QByteArrayLiteral("%PDF-1.7 in progress"));
    }

    void batchSignsGoodFilesAndReportsBadOnes()
    {
        const QString broken = path(QStringLiteral("broken.pdf"));
        QVERIFY(writeAll(broken, QByteArrayLiteral("%PDF-1.7\nthis is not really a pdf\n")));
        const QString encrypted = path(QStringLiteral("encrypted.pdf"));
        const ToolRun qpdf = runTool(QStringLiteral("qpdf"),
            {QStringLiteral("--encrypt"), QStringLiteral("user"), QStringLiteral("owner"), QStringLiteral("256"),
                QStringLiteral("--"), m_corpus.front(), encrypted});
        QVERIFY2(qpdf.exitCode == 0, qPrintable(qpdf.all()));

        const QString out = path(QStringLiteral("signed"));
        QStringList arguments {QStringLiteral("sign"), QStringLiteral("--keystore"), m_keystore,
            QStringLiteral("--pin-stdin"), QStringLiteral("--reason"), QStringLiteral("承認"),
            QStringLiteral("--location"), QStringLiteral("東京都"), QStringLiteral("--out-dir"), out};
        arguments << m_corpus << broken << encrypted;
        const ToolRun run = cli(arguments, kPin + '\n');
        QCOMPARE(run.exitCode, 1); // two files failed, the six others are signed
        const QString output = run.all();
        QCOMPARE(output.count(QStringLiteral("OK    ")), 6);
        QCOMPARE(output.count(QStringLiteral("FAIL  ")), 2);
        QVERIFY2(output.contains(QStringLiteral("encrypted.pdf: E4002")), qPrintable(output));
        QVERIFY2(output.contains(QRegularExpression(QStringLiteral("broken.pdf: E400[137]"))), qPrintable(output));
        QVERIFY(!QFileInfo::exists(QDir(out).filePath(QStringLiteral("broken.pdf"))));
        QVERIFY(!QFileInfo::exists(QDir(out).filePath(QStringLiteral("encrypted.pdf"))));
        // No temporary files are left behind.
        QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden).size(), 6);

        for (const QString& input : std::as_const(m_corpus)) {
            const QString signedPath = QDir(out).filePath(QFileInfo(input).fileName());
            QVERIFY(isPrefixOf(input, signedPath));
            const ToolRun sig = pdfsig(signedPath);
            QVERIFY2(
                sig.all().contains(QStringLiteral("Signature Validation: Signature is Valid.")), qPrintable(sig.all()));
            QVERIFY2(sig.all().contains(QStringLiteral("Total document signed")), qPrintable(sig.all()));
            // pdfsig 22.12 does not print /Reason; qpdf decodes the UTF-16 text string independently.
            const ToolRun json = runTool(QStringLiteral("qpdf"), {QStringLiteral("--json"), signedPath});
            QVERIFY2(json.all().contains(QStringLiteral("u:承認")), "the Japanese /Reason is not readable by qpdf");
            QVERIFY(json.all().contains(QStringLiteral("u:東京都")));
            const ToolRun check = qpdfCheck(signedPath);
            QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
        }
    }

    void verifyReportsTrust()
    {
        const QString signedPath
            = QDir(path(QStringLiteral("signed"))).filePath(QFileInfo(m_corpus.front()).fileName());
        QVERIFY(QFileInfo::exists(signedPath));

        const ToolRun untrusted = cli({QStringLiteral("verify"), QStringLiteral("--json"), signedPath});
        QCOMPARE(untrusted.exitCode, 0); // no trust anchors given: cryptographic validity is what is asked
        const QJsonObject file
            = QJsonDocument::fromJson(untrusted.out).object()[QStringLiteral("files")].toArray().at(0).toObject();
        const QJsonObject signature = file[QStringLiteral("signatures")].toArray().at(0).toObject();
        QCOMPARE(signature[QStringLiteral("verdict")].toString(), QStringLiteral("valid-untrusted"));
        QCOMPARE(signature[QStringLiteral("signer")].toString(), QStringLiteral("Taro Yamada"));
        QCOMPARE(signature[QStringLiteral("subFilter")].toString(), QStringLiteral("ETSI.CAdES.detached"));
        QCOMPARE(signature[QStringLiteral("reason")].toString(), QStringLiteral("承認"));
        QCOMPARE(signature[QStringLiteral("location")].toString(), QStringLiteral("東京都"));
        QVERIFY(signature[QStringLiteral("coversWholeDocument")].toBool());

        const ToolRun trusted = cli(
            {QStringLiteral("verify"), QStringLiteral("--json"), QStringLiteral("--trust"), m_certPem, signedPath});
        QVERIFY2(trusted.exitCode == 0, qPrintable(trusted.all()));
        QVERIFY(trusted.all().contains(QStringLiteral("\"verdict\": \"valid\"")));

        // A foreign trust anchor: valid but untrusted, which fails when trust was asked for.
        const QString otherStore = path(QStringLiteral("other.p12"));
        QCOMPARE(cli({QStringLiteral("keystore"), QStringLiteral("create"), QStringLiteral("--out"), otherStore,
                         QStringLiteral("--self-signed"), QStringLiteral("--name"), QStringLiteral("Other"),
                         QStringLiteral("--algorithm"), QStringLiteral("p256"), QStringLiteral("--pin-stdin")},
                     kPin + '\n')
                     .exitCode,
            0);
        const QString otherPem = path(QStringLiteral("other.pem"));
        QCOMPARE(runTool(QStringLiteral("openssl"),
                     {QStringLiteral("pkcs12"), QStringLiteral("-in"), otherStore, QStringLiteral("-nokeys"),
                         QStringLiteral("-passin"), QStringLiteral("pass:") + QString::fromLatin1(kPin),
                         QStringLiteral("-out"), otherPem})
                     .exitCode,
            0);
        const ToolRun foreign = cli({QStringLiteral("verify"), QStringLiteral("--trust"), otherPem, signedPath});
        QCOMPARE(foreign.exitCode, 1);
        QVERIFY2(foreign.all().contains(QStringLiteral("valid-untrusted")), qPrintable(foreign.all()));
        QVERIFY(foreign.all().contains(QStringLiteral("E4204")));
    }

    void verifyUnsignedAndTamperedFiles()
    {
        const ToolRun unsignedRun = cli({QStringLiteral("verify"), m_corpus.front()});
        QCOMPARE(unsignedRun.exitCode, 1);
        QVERIFY2(unsignedRun.all().contains(QStringLiteral("E4205")), qPrintable(unsignedRun.all()));

        const QString signedPath = QDir(path(QStringLiteral("signed"))).filePath(QFileInfo(m_corpus.at(1)).fileName());
        QByteArray bytes = readAll(signedPath);
        QVERIFY(!bytes.isEmpty());
        const qsizetype at = bytes.indexOf("Page 1 / 2"); // inside the covered revision, maybe in a compressed stream
        bytes[at >= 0 ? at : 200] = bytes[at >= 0 ? at : 200] ^ 0x01;
        const QString tampered = path(QStringLiteral("tampered.pdf"));
        QVERIFY(writeAll(tampered, bytes));
        const ToolRun run = cli({QStringLiteral("verify"), tampered});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.all().contains(QStringLiteral("E4202")), qPrintable(run.all()));
    }

    void suffixWritesBesideInputAndSecondSignatureKeepsFirst()
    {
        const QString input = path(QStringLiteral("single.pdf"));
        QVERIFY(QFile::copy(m_corpus.at(2), input));
        ToolRun run
            = cli({QStringLiteral("sign"), QStringLiteral("--keystore"), m_keystore, QStringLiteral("--pin-stdin"),
                      QStringLiteral("--suffix"), QStringLiteral("_signed"), input},
                kPin + '\n');
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        const QString once = path(QStringLiteral("single_signed.pdf"));
        QVERIFY(QFileInfo::exists(once));
        run = cli({QStringLiteral("sign"), QStringLiteral("--keystore"), m_keystore, QStringLiteral("--pin-stdin"),
                      QStringLiteral("--suffix"), QStringLiteral("_twice"), once},
            kPin + '\n');
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        const QString twice = path(QStringLiteral("single_signed_twice.pdf"));
        QVERIFY(isPrefixOf(once, twice));
        const QString sig = pdfsig(twice).all();
        QCOMPARE(sig.count(QStringLiteral("Signature is Valid")), 2);
        QVERIFY2(sig.contains(QStringLiteral("Not total document signed")), qPrintable(sig));
        const ToolRun verify = cli({QStringLiteral("verify"), QStringLiteral("--trust"), m_certPem, twice});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.all()));
    }

    void verifyNamesChangesAfterSigningAndCertifies()
    {
        // Certify with P=1, then append a revision that replaces the Info dictionary: pdfsig still calls the
        // signature valid, our verifier names the change and exits 1.
        const QString input = path(QStringLiteral("certify.pdf"));
        QVERIFY(QFile::copy(m_corpus.at(3), input));
        ToolRun run = cli({QStringLiteral("sign"), QStringLiteral("--keystore"), m_keystore,
                              QStringLiteral("--pin-stdin"), QStringLiteral("--certify"), QStringLiteral("1"),
                              QStringLiteral("--suffix"), QStringLiteral("_c"), input},
            kPin + '\n');
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        const QString certified = path(QStringLiteral("certify_c.pdf"));
        run = cli(
            {QStringLiteral("verify"), QStringLiteral("--json"), QStringLiteral("--trust"), m_certPem, certified});
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        const QJsonObject first = QJsonDocument::fromJson(run.out)
                                      .object()[QStringLiteral("files")]
                                      .toArray()
                                      .first()
                                      .toObject()[QStringLiteral("signatures")]
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(first[QStringLiteral("indication")].toString(), QStringLiteral("TOTAL-PASSED"));
        QVERIFY(first[QStringLiteral("certification")].toBool());
        QCOMPARE(first[QStringLiteral("docMdpPermission")].toInt(), 1);

        // A P=1 document cannot be signed again: refused before anything is written.
        run = cli({QStringLiteral("sign"), QStringLiteral("--keystore"), m_keystore, QStringLiteral("--pin-stdin"),
                      QStringLiteral("--suffix"), QStringLiteral("_again"), certified},
            kPin + '\n');
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.all().contains(QStringLiteral("E4005")), qPrintable(run.all()));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("certify_c_again.pdf"))));
        QCOMPARE(cli({QStringLiteral("sign"), QStringLiteral("--keystore"), m_keystore, QStringLiteral("--certify"),
                         QStringLiteral("4"), QStringLiteral("--suffix"), QStringLiteral("_x"), input})
                     .exitCode,
            2);

        const QString forged = path(QStringLiteral("certify_forged.pdf"));
        QVERIFY(writeAll(forged, appendInfoUpdate(readAll(certified), 1)));
        QVERIFY2(pdfsig(forged).all().contains(QStringLiteral("Signature is Valid")), qPrintable(pdfsig(forged).all()));
        run = cli({QStringLiteral("verify"), QStringLiteral("--trust"), m_certPem, forged});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.all().contains(QStringLiteral("E4209")), qPrintable(run.all()));
        QVERIFY2(run.all().contains(QStringLiteral("/Info replaced")), qPrintable(run.all()));
        QVERIFY2(run.all().contains(QStringLiteral("SIG_CONSTRAINTS_FAILURE")), qPrintable(run.all()));
    }

    void errorCodeTableIsDocumented()
    {
        // The admin guide's table is generated by the CLI; a code added without regenerating it fails here.
        const ToolRun run = cli({QStringLiteral("error-codes"), QStringLiteral("--markdown")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("| E4002 | 422 | PDF文書が暗号化されているため署名できません。 |"));
        const QByteArray documented = readAll(QStringLiteral(IKKATSU_SOURCE_DIR "/docs/error-codes.md"));
        QVERIFY2(documented.contains(run.out),
            "docs/error-codes.md is out of date: regenerate it with build/app/ikkatsu-cli error-codes --markdown");
    }

    void changePin()
    {
        const QString store = path(QStringLiteral("change.p12"));
        QVERIFY(QFile::copy(m_keystore, store));
        ToolRun run
            = cli({QStringLiteral("keystore"), QStringLiteral("change-pin"), store, QStringLiteral("--pin-stdin")},
                QByteArrayLiteral("Wrong999\nNewPin777\n"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.all().contains(QStringLiteral("E2003")));
        QCOMPARE(readAll(store), readAll(m_keystore)); // untouched
        run = cli({QStringLiteral("keystore"), QStringLiteral("change-pin"), store, QStringLiteral("--pin-stdin")},
            kPin + "\nNewPin777\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        const QString out = path(QStringLiteral("newpin"));
        run = cli({QStringLiteral("sign"), QStringLiteral("--keystore"), store, QStringLiteral("--pin-stdin"),
                      QStringLiteral("--out-dir"), out, m_corpus.front()},
            kPin + '\n');
        QCOMPARE(run.exitCode, 1);
        run = cli({QStringLiteral("sign"), QStringLiteral("--keystore"), store, QStringLiteral("--pin-stdin"),
                      QStringLiteral("--out-dir"), out, m_corpus.front()},
            QByteArrayLiteral("NewPin777\n"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
