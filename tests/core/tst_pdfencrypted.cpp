// Signing and verifying PDFs encrypted with the standard security handler (RC4 40/128, AES-128, AES-256).
#include "pdf/PdfParser.h"
#include "pdf/PdfReader.h"
#include "pdf/PdfSigner.h"
#include "pdf/SignatureInspector.h"

#include "PdfFixtures.h"
#include "TestSigner.h"
#include "TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ikkatsu;
using namespace ikkatsu::pdf;
using namespace ikkatsu::test;

namespace {

const QString kReason = QStringLiteral("Approved-by-the-encryption-test");

// Valid signatures in pdfsig's output (each "Signature #n" block that says "Signature is Valid.").
int pdfsigValid(const QString& output, int* blocks)
{
    const QStringList parts = output.split(QRegularExpression(QStringLiteral("Signature #\\d+:")));
    *blocks = int(parts.size()) - 1;
    int valid = 0;
    for (qsizetype i = 1; i < parts.size(); ++i)
        valid += parts[i].contains(QLatin1String("Signature is Valid.")) ? 1 : 0;
    return valid;
}

QStringList passwordArgs(const QString& tool, const QString& password)
{
    if (password.isEmpty())
        return {};
    if (tool == QLatin1String("pdfsig"))
        return {QStringLiteral("-upw"), password};
    return {QStringLiteral("--password=") + password};
}

} // namespace

class TestPdfEncrypted : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::TestSigner m_identity;
    int m_counter = 0;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // A plain document with a form field and /Info strings, encrypted by the real qpdf with `encryptArgs`.
    QString encrypted(const QStringList& encryptArgs, const QStringList& extra = {})
    {
        PdfFixtureOptions fixture;
        fixture.form = PdfFixtureOptions::Form::IndirectAcroForm;
        const QString plain = path(QStringLiteral("plain%1.pdf").arg(++m_counter));
        writeAll(plain, minimalPdf(fixture));
        const QString out = path(QStringLiteral("enc%1.pdf").arg(m_counter));
        // qpdf 11 writes RC4 (still common in received documents) only when told to.
        const QString problem = runQpdf(plain, out,
            extra + QStringList {QStringLiteral("--allow-weak-crypto"), QStringLiteral("--encrypt")} + encryptArgs);
        if (!problem.isEmpty())
            qWarning("qpdf: %s", qPrintable(problem));
        return out;
    }

    QByteArray showEncryption(const QString& file, const QString& password)
    {
        return runTool(QStringLiteral("qpdf"),
            passwordArgs(QStringLiteral("qpdf"), password) + QStringList {QStringLiteral("--show-encryption"), file})
            .out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_identity.create(QStringLiteral("Sato Ichiro")));
    }

    void signThreeTimes_data()
    {
        QTest::addColumn<QStringList>("encryptArgs");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("method");
        const QString o = QStringLiteral("owner");
        const QString e = QString();
        const QString end = QStringLiteral("--");
        const QStringList none;
        const QStringList objstm {QStringLiteral("--object-streams=generate")};
        using M = PdfSecurity::Method;
        QTest::newRow("RC4 40") << QStringList {e, o, QStringLiteral("40"), end} << none << e << int(M::Rc4);
        QTest::newRow("RC4 128") << QStringList {e, o, QStringLiteral("128"), QStringLiteral("--use-aes=n"), end}
                                 << none << e << int(M::Rc4);
        QTest::newRow("AES-128") << QStringList {e, o, QStringLiteral("128"), QStringLiteral("--use-aes=y"), end}
                                 << none << e << int(M::Aes128);
        QTest::newRow("AES-256") << QStringList {e, o, QStringLiteral("256"), end} << none << e << int(M::Aes256);
        QTest::newRow("AES-128, object streams")
            << QStringList {e, o, QStringLiteral("128"), QStringLiteral("--use-aes=y"), end} << objstm << e
            << int(M::Aes128);
        QTest::newRow("AES-256, object streams")
            << QStringList {e, o, QStringLiteral("256"), end} << objstm << e << int(M::Aes256);
        QTest::newRow("AES-128, cleartext metadata") << QStringList {e, o, QStringLiteral("128"),
            QStringLiteral("--use-aes=y"), QStringLiteral("--cleartext-metadata"), end}
                                                     << none << e << int(M::Aes128);
        const QString user = QStringLiteral("user-secret");
        QTest::newRow("RC4 128, user password")
            << QStringList {user, o, QStringLiteral("128"), QStringLiteral("--use-aes=n"), end} << none << user
            << int(M::Rc4);
        const QString japanese = QStringLiteral("署名用パスワード");
        QTest::newRow("AES-256, Japanese user password")
            << QStringList {japanese, o, QStringLiteral("256"), end} << none << japanese << int(M::Aes256);
        QTest::newRow("AES-256, user password")
            << QStringList {user, o, QStringLiteral("256"), end} << none << user << int(M::Aes256);
    }

    // Three signatures in a row: each valid for pdfsig, qpdf --check clean, the encryption unchanged, the input a
    // byte prefix, and our own verifier agreeing with no disallowed change.
    void signThreeTimes()
    {
        QFETCH(QStringList, encryptArgs);
        QFETCH(QStringList, extra);
        QFETCH(QString, password);
        QFETCH(int, method);
        const QString input = encrypted(encryptArgs, extra);
        QVERIFY(QFileInfo::exists(input));
        const QByteArray encryption = showEncryption(input, password);
        QVERIFY2(encryption.contains("R = "), encryption.constData());

        {
            Result<std::unique_ptr<PdfReader>> reader = PdfReader::open(input, -1, password.toUtf8());
            QVERIFY(reader);
            QVERIFY((*reader)->isEncrypted());
            const Status& status = (*reader)->encryptionStatus();
            QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().detail));
            QCOMPARE(int((*reader)->security()->stringMethod()), method);
            // The /Info strings decrypt to what the fixture wrote.
            Result<PdfObject> info = (*reader)->resolve((*reader)->trailer().get("Info"));
            QVERIFY(info);
            QCOMPARE(info->get("Title").bytes(), QByteArray("Ikkatsu fixture"));
        }

        QString current = input;
        for (int round = 1; round <= 3; ++round) {
            const QString output = path(QStringLiteral("signed%1-%2.pdf").arg(m_counter).arg(round));
            SignatureOptions options;
            options.reason = kReason;
            options.password = password.toUtf8();
            Result<SignOutcome> outcome = PdfSigner::signFile(current, output, *m_identity.signer, options);
            QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().detail));

            int blocks = 0;
            const ToolRun sig = runTool(
                QStringLiteral("pdfsig"), passwordArgs(QStringLiteral("pdfsig"), password) + QStringList {output});
            QCOMPARE(pdfsigValid(sig.all(), &blocks), round);
            QVERIFY2(blocks == round, qPrintable(sig.all()));
            const ToolRun check = runTool(QStringLiteral("qpdf"),
                passwordArgs(QStringLiteral("qpdf"), password) + QStringList {QStringLiteral("--check"), output});
            QVERIFY2(check.exitCode == 0 && !check.all().contains(QLatin1String("WARNING")), qPrintable(check.all()));
            QCOMPARE(showEncryption(output, password), encryption);
            QVERIFY(isPrefixOf(current, output));
            // Encrypted for real: the reason is not in the file as text, but qpdf's decryption finds it.
            QVERIFY(!readAll(output).contains(kReason.toLatin1()));
            const QString decrypted = output + QStringLiteral(".decrypted.pdf");
            QCOMPARE(runQpdf(output, decrypted,
                         passwordArgs(QStringLiteral("qpdf"), password)
                             + QStringList {QStringLiteral("--decrypt"), QStringLiteral("--qdf")}),
                QString());
            QCOMPARE(readAll(decrypted).count(kReason.toLatin1()), round);
            current = output;
        }

        if (!password.isEmpty()) {
            // Our verifier reads documents that open without a password; this one needs it.
            Result<InspectionReport> report = SignatureInspector::inspectFile(current, {m_identity.certificate});
            QVERIFY(!report);
            QCOMPARE(report.error().code, ErrorCode::PdfEncrypted);
            return;
        }
        Result<InspectionReport> report = SignatureInspector::inspectFile(current, {m_identity.certificate});
        QVERIFY2(report, qPrintable(report ? QString() : report.error().detail));
        QCOMPARE(report->signatures.size(), 3);
        for (const SignatureReport& signature : report->signatures) {
            QCOMPARE(indicationName(signature.indication), QStringLiteral("TOTAL-PASSED"));
            QCOMPARE(signature.reason, kReason);
            QVERIFY(signature.disallowedChanges.empty());
        }
        QCOMPARE(report->signatures.first().laterRevisions, 2);
    }

    // A revision-6 /Encrypt from qpdf whose Algorithm 2.B needs exactly one round past the 64th (its last byte
    // decides): an off-by-one in the loop's end condition fails only on such files (about one in 25).
    void revision6RoundCount()
    {
        const QByteArray syntax
            = "<< /CF << /StdCF << /AuthEvent /DocOpen /CFM /AESV3 /Length 32 >> >> /Filter /Standard "
              "/Length 256 /O <b0e57750771cabf2ea3b38e99bcc1cf28e03473844f11a03ede9f6c4cef34675b58543273b2e6"
              "402185dafeb15844021> /OE <3c63ae4465169c375458d8f593f77ccd5ce07d3122d5e487747e089a547a4565> "
              "/P -4 /Perms <2a9a52491d9d51a4a00325dbd3051080> /R 6 /StmF /StdCF /StrF /StdCF /U "
              "<b05cea9dcdcc000646184c11f81bce7bfeaef3edd418aaef2309f35475c66185926eff063b6c30b636e04f263bd0"
              "5a58> /UE <9e74f43e3ab17a6032de70600c66af5a530a71da4684ab1af587b500aaaf120c> /V 5 >>";
        PdfParser parser(QByteArrayView(syntax), 0, true);
        Result<PdfObject> encrypt = parser.parseObject();
        QVERIFY(encrypt);
        Result<PdfSecurity> security = PdfSecurity::open(*encrypt, QByteArray(), QByteArray());
        QVERIFY2(security, qPrintable(security ? QString() : security.error().detail));
        Result<QByteArray> cipher = security->encryptString(PdfRef {7, 0}, "承認");
        QVERIFY(cipher);
        QCOMPARE(cipher->size(), 32);
        Result<QByteArray> plain = security->decryptString(PdfRef {7, 0}, *cipher);
        QVERIFY(plain);
        QCOMPARE(*plain, QByteArray("承認"));
    }

    void wrongOrMissingPassword_data()
    {
        QTest::addColumn<QStringList>("encryptArgs");
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<int>("code");
        const QString user = QStringLiteral("user-secret");
        const QStringList rc4 {user, QStringLiteral("o"), QStringLiteral("40"), QStringLiteral("--")};
        const QStringList aes128 {
            user, QStringLiteral("o"), QStringLiteral("128"), QStringLiteral("--use-aes=y"), QStringLiteral("--")};
        const QStringList aes256 {user, QStringLiteral("o"), QStringLiteral("256"), QStringLiteral("--")};
        QTest::newRow("RC4 40, wrong") << rc4 << QByteArray("user-secreT") << int(ErrorCode::PdfPasswordWrong);
        QTest::newRow("AES-128, wrong") << aes128 << QByteArray("nope") << int(ErrorCode::PdfPasswordWrong);
        QTest::newRow("AES-256, wrong") << aes256 << QByteArray("user-secre") << int(ErrorCode::PdfPasswordWrong);
        QTest::newRow("AES-256, owner password is not a user password")
            << aes256 << QByteArray("o") << int(ErrorCode::PdfPasswordWrong);
        QTest::newRow("AES-256, none") << aes256 << QByteArray() << int(ErrorCode::PdfEncrypted);
    }

    // A wrong or missing user password: its own code, and no output file.
    void wrongOrMissingPassword()
    {
        QFETCH(QStringList, encryptArgs);
        QFETCH(QByteArray, password);
        QFETCH(int, code);
        const QString input = encrypted(encryptArgs);
        const QString output = path(QStringLiteral("never%1.pdf").arg(m_counter));
        SignatureOptions options;
        options.password = password;
        Result<SignOutcome> outcome = PdfSigner::signFile(input, output, *m_identity.signer, options);
        QVERIFY(!outcome);
        QCOMPARE(int(outcome.error().code), code);
        QVERIFY(!QFileInfo::exists(output));
    }

    void permissionsForbidSigning_data()
    {
        QTest::addColumn<QStringList>("encryptArgs");
        QTest::addColumn<bool>("allowed");
        const QString e;
        const QString o = QStringLiteral("owner");
        const QString end = QStringLiteral("--");
        // --form=n clears bit 9, --annotate=n clears bit 6 (qpdf's manual, "Encryption").
        QTest::newRow("AES-128, no form filling, no annotations") << QStringList {e, o, QStringLiteral("128"),
            QStringLiteral("--use-aes=y"), QStringLiteral("--form=n"), QStringLiteral("--annotate=n"), end}
                                                                  << false;
        QTest::newRow("AES-256, no form filling, no annotations") << QStringList {e, o, QStringLiteral("256"),
            QStringLiteral("--form=n"), QStringLiteral("--annotate=n"), end}
                                                                  << false;
        QTest::newRow("RC4 40, no annotations")
            << QStringList {e, o, QStringLiteral("40"), QStringLiteral("--annotate=n"), end} << false;
        QTest::newRow("AES-128, form filling only") << QStringList {e, o, QStringLiteral("128"),
            QStringLiteral("--use-aes=y"), QStringLiteral("--annotate=n"), end}
                                                    << true;
        QTest::newRow("AES-256, print only (--modify=none keeps form filling off)")
            << QStringList {e, o, QStringLiteral("256"), QStringLiteral("--modify=none"), end} << false;
    }

    // ISO 32000-2 Table 22: without bit 6 and bit 9 nobody may sign.
    void permissionsForbidSigning()
    {
        QFETCH(QStringList, encryptArgs);
        QFETCH(bool, allowed);
        const QString input = encrypted(encryptArgs);
        QVERIFY(QFileInfo::exists(input));
        const QString output = path(QStringLiteral("perm%1.pdf").arg(m_counter));
        Result<SignOutcome> outcome = PdfSigner::signFile(input, output, *m_identity.signer, {});
        if (allowed) {
            QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().detail));
            int blocks = 0;
            QCOMPARE(pdfsigValid(runTool(QStringLiteral("pdfsig"), {output}).all(), &blocks), 1);
            return;
        }
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code, ErrorCode::PdfPermissionDenied);
        QVERIFY(!QFileInfo::exists(output));
    }

    // Damaged or foreign /Encrypt dictionaries are refused, never guessed at.
    void hostileEncryptDictionaries_data()
    {
        QTest::addColumn<QByteArray>("encrypt");
        QTest::addColumn<int>("code");
        QTest::newRow("other handler") << QByteArray("<< /Filter /FOO /V 2 /R 3 >>")
                                       << int(ErrorCode::PdfEncryptionUnsupported);
        QTest::newRow("unknown V") << QByteArray("<< /Filter /Standard /V 3 /R 3 >>")
                                   << int(ErrorCode::PdfEncryptionUnsupported);
        QTest::newRow("short O and U") << QByteArray("<< /Filter /Standard /V 2 /R 3 /O (x) /U (y) /P -4 >>")
                                       << int(ErrorCode::PdfMalformed);
        QTest::newRow("undefined crypt filter")
            << QByteArray("<< /Filter /Standard /V 4 /R 4 /StmF /Nope /StrF /Nope /P -4 >>")
            << int(ErrorCode::PdfEncryptionUnsupported);
        QTest::newRow("AESV3 with R6, short U")
            << QByteArray("<< /Filter /Standard /V 5 /R 6 /CF << /StdCF << /CFM /AESV3 >> >> /StmF /StdCF /StrF "
                          "/StdCF /U <00> /UE <00> /O <00> /OE <00> /P -4 >>")
            << int(ErrorCode::PdfMalformed);
        QTest::newRow("not a dictionary") << QByteArray("42") << int(ErrorCode::PdfMalformed);
    }

    void hostileEncryptDictionaries()
    {
        QFETCH(QByteArray, encrypt);
        QFETCH(int, code);
        QByteArray pdf = appendUpdate(minimalPdf(), {{90, encrypt}});
        // The update's trailer gains /Encrypt 90 0 R.
        const qsizetype at = pdf.lastIndexOf("/Root");
        QVERIFY(at > 0);
        pdf.insert(at, "/Encrypt 90 0 R ");
        const QString input = path(QStringLiteral("hostile%1.pdf").arg(++m_counter));
        writeAll(input, pdf);
        const QString output = input + QStringLiteral(".signed.pdf");
        Result<SignOutcome> outcome = PdfSigner::signFile(input, output, *m_identity.signer, {});
        QVERIFY(!outcome);
        QCOMPARE(int(outcome.error().code), code);
        QVERIFY(!QFileInfo::exists(output));
        Result<InspectionReport> report = SignatureInspector::inspectFile(input, {});
        QVERIFY(!report);
        QCOMPARE(int(report.error().code), code);
    }

    // Through the CLI: the PIN is the first line of stdin, the PDF password the second; verify reads the result.
    void cliPasswordStdin()
    {
        const QString cli = builtBinary(QStringLiteral("ikkatsu-cli"));
        const QString store = path(QStringLiteral("cli.p12"));
        const QByteArray pin = "Pin123456";
        const ToolRun created = runTool(cli,
            {QStringLiteral("keystore"), QStringLiteral("create"), QStringLiteral("--out"), store,
                QStringLiteral("--self-signed"), QStringLiteral("--name"), QStringLiteral("Sato"),
                QStringLiteral("--pin-stdin")},
            pin + "\n");
        QVERIFY2(created.exitCode == 0, qPrintable(created.all()));
        const QString user = QStringLiteral("user-secret");
        const QString input = encrypted({user, QStringLiteral("owner"), QStringLiteral("256"), QStringLiteral("--")});
        const QString outDir = path(QStringLiteral("cli-out"));
        const QStringList sign {QStringLiteral("sign"), QStringLiteral("--keystore"), store,
            QStringLiteral("--pin-stdin"), QStringLiteral("--password-stdin"), QStringLiteral("--out-dir"), outDir,
            input};
        const QString output = QDir(outDir).filePath(QFileInfo(input).fileName());

        const ToolRun wrong = runTool(cli, sign, pin + "\nwrong\n");
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.all().contains(QLatin1String("E4012")), qPrintable(wrong.all()));
        QVERIFY(!QFileInfo::exists(output));

        const ToolRun right = runTool(cli, sign, pin + "\n" + user.toUtf8() + "\n");
        QVERIFY2(right.exitCode == 0, qPrintable(right.all()));
        int blocks = 0;
        QCOMPARE(
            pdfsigValid(runTool(QStringLiteral("pdfsig"), {QStringLiteral("-upw"), user, output}).all(), &blocks), 1);

        // verify of an owner-password-only signed document reports its signature.
        const QString ownerOnly = encrypted({QString(), QStringLiteral("owner"), QStringLiteral("128"),
            QStringLiteral("--use-aes=y"), QStringLiteral("--")});
        const ToolRun signedOwnerOnly = runTool(cli,
            {QStringLiteral("sign"), QStringLiteral("--keystore"), store, QStringLiteral("--pin-stdin"),
                QStringLiteral("--reason"), kReason, QStringLiteral("--out-dir"), outDir, ownerOnly},
            pin + "\n");
        QVERIFY2(signedOwnerOnly.exitCode == 0, qPrintable(signedOwnerOnly.all()));
        const ToolRun verified = runTool(cli,
            {QStringLiteral("verify"), QStringLiteral("--json"),
                QDir(outDir).filePath(QFileInfo(ownerOnly).fileName())});
        QVERIFY2(verified.all().contains(kReason), qPrintable(verified.all()));
        QVERIFY2(verified.all().contains(QLatin1String("\"field\": \"Signature")), qPrintable(verified.all()));
    }

    // Signing speed of encrypted against plain files (printed, not asserted: the machine is shared).
};

QTEST_GUILESS_MAIN(TestPdfEncrypted)
#include "tst_pdfencrypted.moc"
