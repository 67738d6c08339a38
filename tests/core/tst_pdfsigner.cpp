// The PAdES signer: every PDF shape signed and checked by pdfsig, qpdf and openssl; bad inputs leave nothing behind.
#include "pdf/PdfSigner.h"
#include "pdf/SignatureInspector.h"
#include "signing/FileBatchSigner.h"

#include "PdfFixtures.h"
#include "TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace ikkatsu;
using namespace ikkatsu::test;

namespace {

// One "Signature #n" block of pdfsig's output.
struct PdfsigBlock
{
    QString fieldName;
    bool valid = false;
    bool total = false;
    bool notTotal = false;
};

QList<PdfsigBlock> pdfsigBlocks(const QString& output)
{
    QList<PdfsigBlock> blocks;
    const QStringList parts = output.split(QRegularExpression(QStringLiteral("Signature #\\d+:")));
    for (qsizetype i = 1; i < parts.size(); ++i) {
        PdfsigBlock block;
        const QRegularExpressionMatch name
            = QRegularExpression(QStringLiteral("Signature Field Name: (.*)")).match(parts[i]);
        block.fieldName = name.captured(1).trimmed();
        block.valid = parts[i].contains(QLatin1String("Signature is Valid."));
        block.notTotal = parts[i].contains(QLatin1String("Not total document signed"));
        block.total = !block.notTotal && parts[i].contains(QLatin1String("Total document signed"));
        blocks.append(block);
    }
    return blocks;
}

struct SignedLayout
{
    std::array<qint64, 4> byteRange {};
    QByteArray cms;
};

// The newest signature dictionary's /ByteRange and the DER inside its /Contents, read with plain text tools.
SignedLayout lastSignature(const QByteArray& pdf)
{
    SignedLayout layout;
    const qsizetype at = pdf.lastIndexOf("/ByteRange");
    const QRegularExpressionMatch match
        = QRegularExpression(QStringLiteral("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]"))
              .match(QString::fromLatin1(pdf.mid(at, 120)));
    if (!match.hasMatch())
        return layout;
    for (int k = 0; k < 4; ++k)
        layout.byteRange[k] = match.captured(k + 1).toLongLong();
    const QByteArray hex = pdf.mid(layout.byteRange[1] + 1, layout.byteRange[2] - layout.byteRange[1] - 2);
    QByteArray der = QByteArray::fromHex(hex);
    // Trim the placeholder's zero padding by the outer DER length.
    if (der.size() > 4 && static_cast<unsigned char>(der[0]) == 0x30 && static_cast<unsigned char>(der[1]) == 0x82)
        der.truncate(4 + ((static_cast<unsigned char>(der[2]) << 8) | static_cast<unsigned char>(der[3])));
    else if (der.size() > 5 && static_cast<unsigned char>(der[1]) == 0x83)
        der.truncate(5
            + ((static_cast<unsigned char>(der[2]) << 16) | (static_cast<unsigned char>(der[3]) << 8)
                | static_cast<unsigned char>(der[4])));
    layout.cms = der;
    return layout;
}

} // namespace

class TestPdfSigner : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    PrivateKey m_key;
    PrivateKey m_ecKey;
    Certificate m_certificate;
    Certificate m_ecCertificate;
    std::unique_ptr<CadesSigner> m_signer;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    QString write(const QString& name, const QByteArray& bytes)
    {
        writeAll(path(name), bytes);
        return path(name);
    }

    QString qpdfShape(const QString& name, const QByteArray& source, const QStringList& arguments)
    {
        const QString in = write(name + QStringLiteral(".src.pdf"), source);
        const QString out = path(name + QStringLiteral(".pdf"));
        const QString error = runQpdf(in, out, arguments);
        return error.isEmpty() ? out : QString();
    }

    static SignatureOptions options()
    {
        SignatureOptions options;
        options.reason = QStringLiteral("承認");
        options.location = QStringLiteral("東京都千代田区");
        options.contactInfo = QStringLiteral("taro@example.jp");
        return options;
    }

    // Everything an independent verifier can say about a freshly signed file.
    void verifySigned(const QString& input, const QString& output, const SignOutcome& outcome, int signatures,
        const Certificate& anchor)
    {
        QVERIFY2(isPrefixOf(input, output), "the input must be a byte-for-byte prefix of the output");
        QCOMPARE(QFileInfo(output).size(), outcome.outputSize);

        const ToolRun sig = pdfsig(output);
        QCOMPARE(sig.exitCode, 0);
        const QList<PdfsigBlock> blocks = pdfsigBlocks(sig.all());
        QCOMPARE(blocks.size(), signatures);
        int totals = 0;
        for (const PdfsigBlock& block : blocks) {
            QVERIFY2(block.valid, qPrintable(sig.all()));
            if (block.total) {
                ++totals;
                QCOMPARE(block.fieldName, outcome.fieldName);
            } else {
                QVERIFY2(block.notTotal, qPrintable(sig.all()));
            }
        }
        QCOMPARE(totals, 1);

        const ToolRun check = qpdfCheck(output);
        QVERIFY2(check.exitCode == 0, qPrintable(check.all()));

        const QByteArray bytes = readAll(output);
        const SignedLayout layout = lastSignature(bytes);
        QCOMPARE(layout.byteRange[0], 0);
        QCOMPARE(layout.byteRange[2] + layout.byteRange[3], bytes.size());
        QCOMPARE(bytes.at(layout.byteRange[1]), '<');
        QCOMPARE(bytes.at(layout.byteRange[2] - 1), '>');
        writeAll(path(QStringLiteral("check.cms")), layout.cms);
        writeAll(path(QStringLiteral("check.data")),
            bytes.left(layout.byteRange[1]) + bytes.mid(layout.byteRange[2], layout.byteRange[3]));
        writeAll(path(QStringLiteral("check.anchor")), anchor.toPem());
        const ToolRun openssl = runTool(QStringLiteral("openssl"),
            {QStringLiteral("cms"), QStringLiteral("-verify"), QStringLiteral("-binary"), QStringLiteral("-inform"),
                QStringLiteral("DER"), QStringLiteral("-in"), path(QStringLiteral("check.cms")),
                QStringLiteral("-content"), path(QStringLiteral("check.data")), QStringLiteral("-CAfile"),
                path(QStringLiteral("check.anchor")), QStringLiteral("-purpose"), QStringLiteral("any"),
                QStringLiteral("-out"), QStringLiteral("/dev/null")});
        QVERIFY2(openssl.exitCode == 0, qPrintable(openssl.all()));
    }

    // The qpdf JSON view of the newest signature dictionary (qpdf decodes text strings to "u:…").
    QJsonObject signatureDictionaryByQpdf(const QString& file)
    {
        const ToolRun run
            = runTool(QStringLiteral("qpdf"), {QStringLiteral("--json"), QStringLiteral("--json-key=qpdf"), file});
        const QJsonArray qpdf = QJsonDocument::fromJson(run.out).object().value(QLatin1String("qpdf")).toArray();
        const QJsonObject objects = qpdf.at(1).toObject();
        QJsonObject newest;
        int newestNumber = -1;
        for (auto it = objects.begin(); it != objects.end(); ++it) {
            const QJsonObject value = it.value().toObject().value(QLatin1String("value")).toObject();
            if (value.value(QLatin1String("/Type")).toString() != QLatin1String("/Sig")
                || !value.contains(QLatin1String("/Reason")))
                continue;
            const int number = it.key().section(QLatin1Char(':'), 1).section(QLatin1Char(' '), 0, 0).toInt();
            if (number > newestNumber) {
                newestNumber = number;
                newest = value;
            }
        }
        return newest;
    }

    static bool noTemporaryFilesIn(const QString& dir)
    {
        return QDir(dir).entryList({QStringLiteral(".*.tmp")}, QDir::Files | QDir::Hidden).isEmpty();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Result<PrivateKey> key = PrivateKey::generate(KeyAlgorithm::Rsa2048);
        QVERIFY(key);
        m_key = std::move(key).value();
        SubjectName subject;
        subject.commonName = QStringLiteral("Yamada Taro");
        subject.companyUnit = QStringLiteral("Ikkatsu Shoji");
        subject.serviceUnit = QStringLiteral("一括署名サービス");
        subject.organization = QStringLiteral("Ikkatsu Trust");
        Result<Certificate> certificate = createSelfSignedCertificate(m_key, subject, 30);
        QVERIFY(certificate);
        m_certificate = *certificate;
        m_signer = std::make_unique<CadesSigner>(m_key, QList<Certificate> {m_certificate});

        Result<PrivateKey> ecKey = PrivateKey::generate(KeyAlgorithm::EcdsaP256);
        QVERIFY(ecKey);
        m_ecKey = std::move(ecKey).value();
        subject.commonName = QStringLiteral("Suzuki Hanako");
        Result<Certificate> ecCertificate = createSelfSignedCertificate(m_ecKey, subject, 30);
        QVERIFY(ecCertificate);
        m_ecCertificate = *ecCertificate;
    }

    void shapes_data()
    {
        using Form = PdfFixtureOptions::Form;
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("xrefStream");
        QTest::addColumn<int>("objects");
        QTest::addColumn<QString>("fieldName");

        const QByteArray plain = minimalPdf();
        PdfFixtureOptions threePages;
        threePages.pages = 3;
        threePages.form = Form::IndirectAcroForm;
        const QByteArray withForm = minimalPdf(threePages);
        const QString s1 = QStringLiteral("Signature1");
        const QString s2 = QStringLiteral("Signature2");

        // objects = signature, field/widget, and the rewritten/new ones (+1 for an xref stream object).
        QTest::newRow("classic") << write(QStringLiteral("classic.pdf"), plain) << false << 5 << s1;
        QTest::newRow("object streams") << qpdfShape(
            QStringLiteral("objstm"), plain, {QStringLiteral("--object-streams=generate")})
                                        << true << 6 << s1;
        QTest::newRow("object streams with form")
            << qpdfShape(QStringLiteral("objstm-form"), withForm, {QStringLiteral("--object-streams=generate")}) << true
            << 5 << s2;
        QTest::newRow("linearized") << qpdfShape(QStringLiteral("linear"), withForm, {QStringLiteral("--linearize")})
                                    << false << 4 << s2;
        QTest::newRow("linearized object streams") << qpdfShape(QStringLiteral("linear-objstm"), plain,
            {QStringLiteral("--linearize"), QStringLiteral("--object-streams=generate")})
                                                   << true << 6 << s1;
        for (const char* version : {"1.3", "1.4", "1.5", "1.6", "1.7", "2.0"}) {
            const QString v = QString::fromLatin1(version);
            QTest::newRow(qPrintable(QStringLiteral("version %1").arg(v)))
                << qpdfShape(QStringLiteral("version-") + v, plain, {QStringLiteral("--force-version=") + v}) << false
                << 5 << s1;
        }
        QTest::newRow("version 2.0 object streams") << qpdfShape(QStringLiteral("v20-objstm"), plain,
            {QStringLiteral("--force-version=2.0"), QStringLiteral("--object-streams=generate")})
                                                    << true << 6 << s1;
        QTest::newRow("hybrid") << write(QStringLiteral("hybrid.pdf"), hybridPdf()) << false << 5 << s1;
        QTest::newRow("hand-made object streams")
            << write(QStringLiteral("handmade-objstm.pdf"), objectStreamPdf(0)) << true << 6 << s1;
        QByteArray revisions = plain;
        for (int i = 1; i <= 12; ++i)
            revisions = appendInfoUpdate(revisions, i);
        QTest::newRow("12 earlier revisions") << write(QStringLiteral("revisions.pdf"), revisions) << false << 5 << s1;

        PdfFixtureOptions form;
        form.form = Form::IndirectAcroForm;
        QTest::newRow("indirect AcroForm")
            << write(QStringLiteral("form-indirect.pdf"), minimalPdf(form)) << false << 4 << s2;
        form.form = Form::DirectAcroForm;
        QTest::newRow("direct AcroForm") << write(QStringLiteral("form-direct.pdf"), minimalPdf(form)) << false << 4
                                         << s2;
        form.form = Form::IndirectFieldsArray;
        QTest::newRow("indirect /Fields")
            << write(QStringLiteral("form-fields.pdf"), minimalPdf(form)) << false << 5 << s2;
        PdfFixtureOptions annots;
        annots.indirectAnnots = true;
        QTest::newRow("indirect /Annots")
            << write(QStringLiteral("annots.pdf"), minimalPdf(annots)) << false << 5 << s1;
        PdfFixtureOptions certified;
        certified.docMdpPermission = 2;
        QTest::newRow("DocMDP /P 2") << write(QStringLiteral("docmdp2.pdf"), minimalPdf(certified)) << false << 5 << s1;
        PdfFixtureOptions bare;
        bare.info = false;
        bare.id = false;
        bare.pages = 5;
        QTest::newRow("no /Info, no /ID, 5 pages")
            << write(QStringLiteral("bare.pdf"), minimalPdf(bare)) << false << 5 << s1;
        // Other writers' output: cairo (pdftocairo) and poppler's own writer (pdfunite), both from poppler-utils.
        const QString cairoSource = write(QStringLiteral("cairo-src.pdf"), withForm);
        const QString cairo = path(QStringLiteral("cairo.pdf"));
        runTool(QStringLiteral("pdftocairo"), {QStringLiteral("-pdf"), cairoSource, cairo});
        QTest::newRow("pdftocairo") << (QFile::exists(cairo) ? cairo : QString()) << false << 5 << s1;
        const QString united = path(QStringLiteral("united.pdf"));
        runTool(QStringLiteral("pdfunite"), {cairoSource, cairoSource, united});
        QTest::newRow("pdfunite") << (QFile::exists(united) ? united : QString()) << false << 4 << s2;
        QByteArray noNewline = plain;
        noNewline.chop(1);
        QTest::newRow("no final newline") << write(QStringLiteral("no-eol.pdf"), noNewline) << false << 5 << s1;
    }

    void shapes()
    {
        QFETCH(QString, input);
        QFETCH(bool, xrefStream);
        QFETCH(int, objects);
        QFETCH(QString, fieldName);
        QVERIFY2(!input.isEmpty(), "fixture could not be made");
        const QString output = input + QStringLiteral(".signed.pdf");
        Result<SignOutcome> outcome = PdfSigner::signFile(input, output, *m_signer, options());
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().detail));
        QCOMPARE(outcome->fieldName, fieldName);
        QCOMPARE(outcome->inputSize, QFileInfo(input).size());
        verifySigned(input, output, *outcome, 1, m_certificate);

        // The new section: the input's style, only the expected objects, exactly one %%EOF.
        const QByteArray appended = readAll(output).mid(outcome->inputSize);
        QCOMPARE(countOccurrences(appended, " obj\n"), objects);
        QCOMPARE(countOccurrences(appended, "%%EOF"), 1);
        QVERIFY(appended.endsWith("%%EOF\n"));
        QCOMPARE(appended.contains("/Type /XRef"), xrefStream);
        QCOMPARE(appended.contains("\nxref\n") && appended.contains("trailer\n"), !xrefStream);
        QVERIFY(appended.contains("/Prev "));
    }

    void japaneseTextAndDefaultName()
    {
        const QString input = write(QStringLiteral("japanese.pdf"), minimalPdf());
        const QString output = path(QStringLiteral("japanese-signed.pdf"));
        SignatureOptions fixedTime = options();
        fixedTime.signingTime = QDateTime(QDate(2024, 4, 1), QTime(9, 30), Qt::UTC);
        Result<SignOutcome> outcome = PdfSigner::signFile(input, output, *m_signer, fixedTime);
        QVERIFY(outcome);
        const QJsonObject signature = signatureDictionaryByQpdf(output);
        QCOMPARE(signature.value(QLatin1String("/Reason")).toString(), QStringLiteral("u:承認"));
        QCOMPARE(signature.value(QLatin1String("/Location")).toString(), QStringLiteral("u:東京都千代田区"));
        QCOMPARE(signature.value(QLatin1String("/Name")).toString(), QStringLiteral("u:Yamada Taro"));
        QCOMPARE(signature.value(QLatin1String("/M")).toString(), QStringLiteral("u:D:20240401093000+00'00'"));
        QCOMPARE(signature.value(QLatin1String("/SubFilter")).toString(), QStringLiteral("/ETSI.CAdES.detached"));
        QCOMPARE(signature.value(QLatin1String("/Filter")).toString(), QStringLiteral("/Adobe.PPKLite"));
        // Non-ASCII text is written as UTF-16BE with a byte-order mark.
        QVERIFY(readAll(output).contains("/Reason <FEFF627F8A8D>"));

        SignatureOptions named = options();
        named.name = QStringLiteral("山田太郎");
        const QString namedOutput = path(QStringLiteral("japanese-named.pdf"));
        QVERIFY(PdfSigner::signFile(input, namedOutput, *m_signer, named));
        QCOMPARE(signatureDictionaryByQpdf(namedOutput).value(QLatin1String("/Name")).toString(),
            QStringLiteral("u:山田太郎"));
    }

    void signsThreeTimes_data()
    {
        QTest::addColumn<QStringList>("qpdfArguments");
        QTest::newRow("classic") << QStringList();
        QTest::newRow("object streams") << QStringList {QStringLiteral("--object-streams=generate")};
    }

    void signsThreeTimes()
    {
        QFETCH(QStringList, qpdfArguments);
        QString current = qpdfArguments.isEmpty() ? write(QStringLiteral("thrice.pdf"), minimalPdf())
                                                  : qpdfShape(QStringLiteral("thrice"), minimalPdf(), qpdfArguments);
        for (int round = 1; round <= 3; ++round) {
            const QString next = path(QStringLiteral("thrice-%1.pdf").arg(round));
            Result<SignOutcome> outcome = PdfSigner::signFile(current, next, *m_signer, options());
            QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().detail));
            QCOMPARE(outcome->fieldName, QStringLiteral("Signature%1").arg(round));
            verifySigned(current, next, *outcome, round, m_certificate);
            current = next;
        }
        Result<InspectionReport> report = SignatureInspector::inspectFile(current, {m_certificate});
        QVERIFY(report);
        QCOMPARE(report->signatures.size(), 3);
        QCOMPARE(report->revisions, 4);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(report->signatures[i].verdict, SignatureVerdict::Valid);
            QCOMPARE(report->signatures[i].fieldName, QStringLiteral("Signature%1").arg(i + 1));
            QCOMPARE(report->signatures[i].laterRevisions, 2 - i);
        }
    }

    void afterPodofosign()
    {
        const QString keyFile = path(QStringLiteral("podofo-key.pem"));
        const QString certFile = path(QStringLiteral("podofo-cert.pem"));
        const ToolRun req = runTool(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                QStringLiteral("-nodes"), QStringLiteral("-keyout"), keyFile, QStringLiteral("-out"), certFile,
                QStringLiteral("-subj"), QStringLiteral("/CN=PoDoFo Signer"), QStringLiteral("-days"),
                QStringLiteral("30")});
        QVERIFY2(req.exitCode == 0, qPrintable(req.all()));
        const QString input = write(QStringLiteral("podofo-in.pdf"), minimalPdf());
        const QString podofo = path(QStringLiteral("podofo-signed.pdf"));
        const ToolRun sign = runTool(QStringLiteral("podofosign"),
            {QStringLiteral("-in"), input, QStringLiteral("-out"), podofo, QStringLiteral("-cert"), certFile,
                QStringLiteral("-pkey"), keyFile});
        QVERIFY2(sign.exitCode == 0, qPrintable(sign.all()));
        const QString output = path(QStringLiteral("podofo-then-ours.pdf"));
        Result<SignOutcome> outcome = PdfSigner::signFile(podofo, output, *m_signer, options());
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().detail));
        QCOMPARE(outcome->fieldName, QStringLiteral("Signature1"));
        // pdfsig accepts podofosign's signature (it verifies despite the duplicated SignerInfo) and ours.
        const ToolRun sig = pdfsig(output);
        const QList<PdfsigBlock> blocks = pdfsigBlocks(sig.all());
        QCOMPARE(blocks.size(), 2);
        QVERIFY2(blocks[0].valid && blocks[0].notTotal, qPrintable(sig.all()));
        QVERIFY2(blocks[1].valid && blocks[1].total, qPrintable(sig.all()));
        QCOMPARE(qpdfCheck(output).exitCode, 0);
        QVERIFY(isPrefixOf(podofo, output));
    }

    void ecdsaKey()
    {
        const CadesSigner signer(m_ecKey, {m_ecCertificate});
        const QString input = write(QStringLiteral("ec.pdf"), minimalPdf());
        const QString output = path(QStringLiteral("ec-signed.pdf"));
        Result<SignOutcome> outcome = PdfSigner::signFile(input, output, signer, options());
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().detail));
        verifySigned(input, output, *outcome, 1, m_ecCertificate);
    }

    void signInPlace()
    {
        const QByteArray original = minimalPdf();
        const QString file = write(QStringLiteral("in-place.pdf"), original);
        Result<SignOutcome> outcome = PdfSigner::signFile(file, file, *m_signer, options());
        QVERIFY(outcome);
        const QByteArray signedBytes = readAll(file);
        QVERIFY(signedBytes.startsWith(original));
        QCOMPARE(signedBytes.size(), outcome->outputSize);
        QCOMPARE(pdfsigBlocks(pdfsig(file).all()).size(), 1);
        QVERIFY(noTemporaryFilesIn(m_dir.path()));
    }

    void badInputs_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("code");
        const QByteArray good = minimalPdf();
        QByteArray nowhere = good;
        const qsizetype at = nowhere.lastIndexOf("startxref\n") + 10;
        nowhere.replace(at, nowhere.indexOf('\n', at) - at, "999999");
        PdfFixtureOptions locked;
        locked.docMdpPermission = 1;
        QByteArray noPages = good;
        noPages.replace("/Kids [5 0 R]", "/Kids []     ");
        const QString plain = write(QStringLiteral("bad-plain.pdf"), good);
        const QString encrypted = path(QStringLiteral("bad-encrypted.pdf"));
        QVERIFY(runQpdf(plain, encrypted,
            {QStringLiteral("--encrypt"), QStringLiteral("u"), QStringLiteral("o"), QStringLiteral("256"),
                QStringLiteral("--")})
                    .isEmpty());
        const QString encryptedObjstm = path(QStringLiteral("bad-encrypted-objstm.pdf"));
        QVERIFY(runQpdf(plain, encryptedObjstm,
            {QStringLiteral("--object-streams=generate"), QStringLiteral("--encrypt"), QStringLiteral(""),
                QStringLiteral("owner"), QStringLiteral("128"), QStringLiteral("--use-aes=y"),
                QStringLiteral("--form=n"), QStringLiteral("--annotate=n"), QStringLiteral("--")})
                    .isEmpty());

        QTest::newRow("missing file") << path(QStringLiteral("does-not-exist.pdf"))
                                      << int(ErrorCode::InputFileUnreadable);
        QTest::newRow("not a pdf") << write(QStringLiteral("bad-text.pdf"), QByteArray("Hello, world\n").repeated(50))
                                   << int(ErrorCode::PdfNotPdf);
        QTest::newRow("encrypted AES-256, user password needed") << encrypted << int(ErrorCode::PdfEncrypted);
        // Encrypted documents that open without a password sign (tst_pdfencrypted) unless /P forbids it.
        QTest::newRow("encrypted, no form filling allowed") << encryptedObjstm << int(ErrorCode::PdfPermissionDenied);
        QTest::newRow("truncated") << write(QStringLiteral("bad-truncated.pdf"), good.left(good.size() - 120))
                                   << int(ErrorCode::PdfXrefBroken);
        QTest::newRow("startxref nowhere")
            << write(QStringLiteral("bad-nowhere.pdf"), nowhere) << int(ErrorCode::PdfXrefBroken);
        QTest::newRow("prev loop") << write(QStringLiteral("bad-loop.pdf"), appendInfoUpdate(good, 1, true))
                                   << int(ErrorCode::PdfXrefBroken);
        QTest::newRow("object stream bomb")
            << write(QStringLiteral("bad-bomb.pdf"), objectStreamPdf(80LL << 20)) << int(ErrorCode::PdfMalformed);
        QTest::newRow("DocMDP /P 1") << write(QStringLiteral("bad-locked.pdf"), minimalPdf(locked))
                                     << int(ErrorCode::PdfLockedByDocMdp);
        QTest::newRow("no pages") << write(QStringLiteral("bad-nopages.pdf"), noPages) << int(ErrorCode::PdfMalformed);
    }

    void badInputs()
    {
        QFETCH(QString, input);
        QFETCH(int, code);
        const QString output = path(QStringLiteral("bad-output.pdf"));
        QFile::remove(output);
        Result<SignOutcome> outcome = PdfSigner::signFile(input, output, *m_signer, options());
        QVERIFY(!outcome);
        QCOMPARE(int(outcome.error().code), code);
        QVERIFY(!QFile::exists(output));
        QVERIFY(noTemporaryFilesIn(m_dir.path()));
    }

    void unwritableOutput()
    {
        const QString input = write(QStringLiteral("unwritable.pdf"), minimalPdf());
        Result<SignOutcome> outcome
            = PdfSigner::signFile(input, path(QStringLiteral("no-such-dir/out.pdf")), *m_signer, options());
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code, ErrorCode::OutputWriteFailed);
    }

    void parallelSigning()
    {
        // One CadesSigner shared by several threads, each with its own file.
        const QByteArray source = minimalPdf();
        QStringList inputs;
        for (int i = 0; i < 8; ++i)
            inputs.append(write(QStringLiteral("parallel-%1.pdf").arg(i), source));
        SignatureOptions named = options();
        named.name = QStringLiteral("Yamada Taro");
        const CadesSigner& signer = *m_signer;
        const QList<bool> results = QtConcurrent::blockingMapped(inputs, [&signer, named](const QString& input) {
            return PdfSigner::signFile(input, input + QStringLiteral(".signed.pdf"), signer, named).ok();
        });
        for (int i = 0; i < inputs.size(); ++i) {
            QVERIFY(results[i]);
            Result<InspectionReport> report
                = SignatureInspector::inspectFile(inputs[i] + QStringLiteral(".signed.pdf"), {m_certificate});
            QVERIFY(report);
            QCOMPARE(report->signatures.size(), 1);
            QCOMPARE(report->signatures[0].verdict, SignatureVerdict::Valid);
        }
        QCOMPARE(pdfsigBlocks(pdfsig(inputs[3] + QStringLiteral(".signed.pdf")).all()).size(), 1);
    }

    void disposableOutputsAreReportedOneByOne()
    {
        // A batch against the server uploads each signed copy as soon as it is reported: with disposable outputs a
        // file is reported (and on disk) before the next one is even written (grouped commits report up to 32 at
        // once, after one sync).
        const QByteArray source = minimalPdf();
        QList<BatchItem> items;
        for (int i = 0; i < 5; ++i) {
            BatchItem item;
            item.inputPath = write(QStringLiteral("disposable-%1.pdf").arg(i), source);
            item.outputPath = item.inputPath + QStringLiteral(".signed.pdf");
            items.append(item);
        }
        FileBatchSigner batch(*m_signer, options(), 1);
        batch.setDisposableOutputs(true);
        QList<bool> nextWrittenAlready;
        const QList<BatchItemResult> results = batch.run(items, [&](const BatchItemResult& result, int done, int) {
            QVERIFY(QFile::exists(result.item.outputPath));
            if (done < items.size())
                nextWrittenAlready.append(QFile::exists(items[done].outputPath));
        });
        for (const BatchItemResult& result : results) {
            QVERIFY2(result.ok, qPrintable(result.error.detail));
            Result<InspectionReport> report = SignatureInspector::inspectFile(result.item.outputPath, {});
            QVERIFY(report);
            QCOMPARE(report->signatures.size(), 1);
        }
        QCOMPARE(nextWrittenAlready, QList<bool>(items.size() - 1, false));
    }

    void smallFileThroughput()
    {
        PdfFixtureOptions fixture;
        fixture.pages = 3;
        const QString classic = write(QStringLiteral("speed.pdf"), minimalPdf(fixture));
        const QString compressed = qpdfShape(
            QStringLiteral("speed-objstm"), minimalPdf(fixture), {QStringLiteral("--object-streams=generate")});
        SignatureOptions named = options();
        named.name = QStringLiteral("Yamada Taro");
        const int rounds = 40;
        for (const QString& input : {classic, compressed}) {
            QElapsedTimer timer;
            timer.start();
            for (int i = 0; i < rounds; ++i)
                QVERIFY(PdfSigner::signFile(input, path(QStringLiteral("speed-out.pdf")), *m_signer, named));
            const double perFile = double(timer.nsecsElapsed()) / 1e6 / rounds;
            timer.restart();
            for (int i = 0; i < rounds / 4; ++i)
                QVERIFY(PdfSigner::signFile(input, path(QStringLiteral("speed-out.pdf")), *m_signer, options()));
            const double withoutName = double(timer.nsecsElapsed()) / 1e6 / (rounds / 4);
            qInfo("%s (%lld bytes): %.2f ms per file with /Name given, %.2f ms when /Name comes from the certificate",
                qPrintable(QFileInfo(input).fileName()), QFileInfo(input).size(), perFile, withoutName);
            QVERIFY2(perFile < 200, "signing a small file must take milliseconds");
        }
    }
};

QTEST_GUILESS_MAIN(TestPdfSigner)
#include "tst_pdfsigner.moc"
