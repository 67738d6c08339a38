// Pre-flight findings on the documents offices receive (and on hostile ones), and PDF/A and PDF 2.0 kept by signing.
#include "pdf/PdfReader.h"
#include "pdf/PdfSigner.h"
#include "signing/Preflight.h"

#include "PdfFixtures.h"
#include "TestSigner.h"
#include "TestSupport.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ikkatsu;
using namespace ikkatsu::pdf;
using namespace ikkatsu::test;

namespace {

using S = PreflightSeverity;

QByteArray num(qint64 value)
{
    return QByteArray::number(value);
}

QByteArray streamObject(const QByteArray& dictEntries, const QByteArray& data)
{
    return "<<" + dictEntries + " /Length " + num(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

// A 128-byte ICC header with no tags: enough for the colour space a reader looks at (bytes 16–19).
QByteArray iccHeader(const QByteArray& space)
{
    QByteArray header(128, '\0');
    header.replace(0, 4, QByteArray::fromHex("00000080"));
    header.replace(8, 4, QByteArray::fromHex("04300000"));
    header.replace(12, 4, space == "CMYK" ? "prtr" : "mntr");
    header.replace(16, 4, space);
    header.replace(20, 4, "XYZ ");
    header.replace(36, 4, "acsp");
    return header;
}

QByteArray xmp(int part, const QByteArray& conformance, bool asElements)
{
    const QByteArray claim = asElements
        ? "<pdfaid:part>" + num(part) + "</pdfaid:part><pdfaid:conformance>" + conformance + "</pdfaid:conformance>"
        : QByteArray();
    const QByteArray attributes
        = asElements ? QByteArray() : " pdfaid:part=\"" + num(part) + "\" pdfaid:conformance=\"" + conformance + "\"";
    return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
           "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\""
        + attributes + ">" + claim + "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
}

const PreflightFinding* findingOf(const PreflightReport& report, const QString& kind, S severity)
{
    for (const PreflightFinding& item : report.findings) {
        if (item.kind == kind && item.severity == severity)
            return &item;
    }
    return nullptr;
}

QString dump(const PreflightReport& report)
{
    QStringList lines;
    for (const PreflightFinding& item : report.findings)
        lines << QStringLiteral("[%1/%2] %3").arg(item.kind, Preflight::severityLabel(item.severity), item.text);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestPreflight : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::TestSigner m_identity;
    int m_counter = 0;

    QString write(const QByteArray& bytes)
    {
        const QString file = m_dir.filePath(QStringLiteral("in%1.pdf").arg(++m_counter));
        writeAll(file, bytes);
        return file;
    }

    QString sign(const QString& input, int certify = 0)
    {
        const QString output = m_dir.filePath(QStringLiteral("signed%1.pdf").arg(++m_counter));
        SignatureOptions options;
        options.certify = certify;
        Result<SignOutcome> outcome = PdfSigner::signFile(input, output, *m_identity.signer, options);
        if (!outcome)
            qWarning("signing failed: %s", qPrintable(outcome.error().detail));
        return output;
    }

    QString encrypted(const QStringList& encryptArgs)
    {
        PdfFixtureOptions fixture;
        fixture.form = PdfFixtureOptions::Form::IndirectAcroForm;
        const QString plain = write(minimalPdf(fixture));
        const QString out = m_dir.filePath(QStringLiteral("enc%1.pdf").arg(++m_counter));
        const QString problem = runQpdf(plain, out, QStringList {QStringLiteral("--encrypt")} + encryptArgs);
        if (!problem.isEmpty())
            qWarning("qpdf: %s", qPrintable(problem));
        return out;
    }

    // A form (text field 7, AcroForm 8) plus a signed field whose signature locks fields by FieldMDP, and an empty
    // signature field "Empty" (objects 9–11).
    QString fieldLocked(const QByteArray& action, const QByteArray& fields, int lockPermission = 0)
    {
        PdfFixtureOptions fixture;
        fixture.form = PdfFixtureOptions::Form::IndirectAcroForm;
        const QByteArray params = "<< /Type /TransformParams /Action /" + action
            + (fields.isEmpty() ? QByteArray() : " /Fields " + fields)
            + (lockPermission ? " /P " + num(lockPermission) : QByteArray()) + " /V /1.2 >>";
        return write(appendUpdate(minimalPdf(fixture),
            {{8, "<< /Fields [7 0 R 9 0 R 11 0 R] /DA (/Helv 0 Tf 0 g) /SigFlags 3 >>"},
                {9,
                    "<< /FT /Sig /T (Approver) /V 10 0 R /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /F 132"
                    " /P 5 0 R >>"},
                {10,
                    "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 10 20 10]"
                    " /Contents <00> /Reference [<< /Type /SigRef /TransformMethod /FieldMDP /TransformParams "
                        + params + " >>] >>"},
                {11, "<< /FT /Sig /T (Empty) /Type /Annot /Subtype /Widget /Rect [72 72 172 122] /F 4 /P 5 0 R >>"}}));
    }

    // A PDF/A document in one revision (rewritten by qpdf): XMP with pdfaid, an output intent with `space`.
    QString pdfa(int part, const QByteArray& space, bool asElements = false, const QByteArray& version = "1.7")
    {
        PdfFixtureOptions fixture;
        fixture.version = version;
        const QString updated = write(appendUpdate(minimalPdf(fixture),
            {{1, "<< /Type /Catalog /Pages 2 0 R /Metadata 7 0 R /OutputIntents [8 0 R] >>"},
                {7, streamObject(" /Type /Metadata /Subtype /XML", xmp(part, "B", asElements))},
                {8,
                    "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (Test " + space
                        + ") /DestOutputProfile 9 0 R >>"},
                {9, streamObject(" /N " + num(space == "CMYK" ? 4 : 3), iccHeader(space))}}));
        const QString out = m_dir.filePath(QStringLiteral("pdfa%1.pdf").arg(++m_counter));
        const QString problem = runQpdf(updated, out, {QStringLiteral("--object-streams=disable")});
        if (!problem.isEmpty())
            qWarning("qpdf: %s", qPrintable(problem));
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_identity.create(QStringLiteral("Sato Ichiro")));
    }

    void plainHasNothingToSay()
    {
        const PreflightReport report = Preflight::check(write(minimalPdf()), {});
        QVERIFY2(report.findings.isEmpty(), qPrintable(dump(report)));
        QVERIFY(report.signable());
        QCOMPARE(report.pdfVersion, QStringLiteral("1.7"));
        QCOMPARE(report.pdfaPart, 0);
    }

    void serverStateBlocks()
    {
        const QString file = write(minimalPdf());
        PreflightSituation viewer;
        viewer.maySign = false;
        PreflightReport report = Preflight::check(file, viewer);
        QVERIFY(!report.signable());
        QCOMPARE(report.decisive()->code, ErrorCode::NoSignPermission);
        PreflightSituation waiting;
        waiting.myTurn = false;
        report = Preflight::check(file, waiting);
        QCOMPARE(report.decisive()->code, ErrorCode::NotYourTurn);
        QVERIFY(report.decisive()->text.contains(QLatin1String("not your turn")));
        PreflightSituation done;
        done.signedByMe = true;
        QCOMPARE(Preflight::check(file, done).decisive()->code, ErrorCode::AlreadySigned);
        PreflightSituation mine;
        mine.myTurn = true;
        QVERIFY(Preflight::check(file, mine).signable());
    }

    void signedOnceNamesTheSignatureAndItsVerdict()
    {
        const QString signedFile = sign(write(minimalPdf()));
        PreflightSituation situation;
        situation.trustAnchors = {m_identity.certificate};
        const PreflightReport report = Preflight::check(signedFile, situation);
        const PreflightFinding* signature = findingOf(report, QStringLiteral("signature"), S::Info);
        QVERIFY2(signature, qPrintable(dump(report)));
        QVERIFY(signature->text.contains(QLatin1String("Sato Ichiro")));
        QVERIFY(signature->text.contains(QLatin1String("intact")));
        QVERIFY(report.signable());

        // One byte of the signed range changed: the verdict turns and the user is warned.
        QByteArray bytes = readAll(signedFile);
        const qsizetype at = bytes.indexOf("(Page 1)");
        QVERIFY(at > 0);
        bytes[at + 1] = 'X';
        const PreflightReport tampered = Preflight::check(write(bytes), situation);
        const PreflightFinding* invalid = findingOf(tampered, QStringLiteral("signature"), S::Warning);
        QVERIFY2(invalid, qPrintable(dump(tampered)));
        QVERIFY(invalid->text.contains(QLatin1String("NOT valid")));
        QVERIFY(invalid->text.contains(QLatin1String("E42")));
    }

    void certification_data()
    {
        QTest::addColumn<int>("level");
        QTest::addColumn<bool>("signable");
        QTest::newRow("P=1 blocks") << 1 << false;
        QTest::newRow("P=2 allows") << 2 << true;
        QTest::newRow("P=3 allows") << 3 << true;
    }

    void certification()
    {
        QFETCH(int, level);
        QFETCH(bool, signable);
        const QString certified = sign(write(minimalPdf()), level);
        const PreflightReport report = Preflight::check(certified, {});
        QCOMPARE(report.signable(), signable);
        if (!signable) {
            const PreflightFinding* blocked = findingOf(report, QStringLiteral("certification"), S::Blocks);
            QVERIFY2(blocked, qPrintable(dump(report)));
            QCOMPARE(blocked->code, ErrorCode::PdfLockedByDocMdp);
            QVERIFY(blocked->text.contains(QLatin1String("no changes allowed")));
            // The signer agrees: the pre-flight told the truth.
            SignatureOptions options;
            const QString out = m_dir.filePath(QStringLiteral("refused%1.pdf").arg(++m_counter));
            QCOMPARE(PdfSigner::signFile(certified, out, *m_identity.signer, options).error().code,
                ErrorCode::PdfLockedByDocMdp);
        } else {
            QVERIFY2(findingOf(report, QStringLiteral("certification"), S::Info), qPrintable(dump(report)));
        }
        // Certifying an already signed document is refused before the PIN too.
        PreflightSituation certifying;
        certifying.certify = 2;
        QCOMPARE(
            Preflight::check(sign(write(minimalPdf())), certifying).decisive()->code, ErrorCode::CertificationNotFirst);
    }

    void fieldMdpLocks()
    {
        const QString included = fieldLocked("Include", "[(Signature1) (Empty)]");
        PreflightReport report = Preflight::check(included, {});
        const PreflightFinding* lock = findingOf(report, QStringLiteral("field-lock"), S::Info);
        QVERIFY2(lock, qPrintable(dump(report)));
        QVERIFY(lock->text.contains(QLatin1String("Approver")));
        QVERIFY(lock->text.contains(QLatin1String("Empty, Signature1")));
        QVERIFY(lock->text.contains(QLatin1String("new field")));
        QVERIFY(report.signable()); // the fake signature is only a warning

        // Signing the locked empty field itself would break the earlier signature.
        PreflightSituation intoField;
        intoField.fieldName = QStringLiteral("Empty");
        report = Preflight::check(included, intoField);
        QVERIFY(!report.signable());
        QCOMPARE(report.decisive()->code, ErrorCode::PdfLockedBySignature);
        QVERIFY(report.decisive()->text.contains(QStringLiteral("“Empty”")));

        // /Action /Exclude names what stays open.
        report = Preflight::check(fieldLocked("Exclude", "[(Empty)]"), intoField);
        QVERIFY2(report.signable(), qPrintable(dump(report)));
        QVERIFY(findingOf(report, QStringLiteral("field-lock"), S::Info)->text.contains(QLatin1String("except Empty")));

        // PDF 2.0 "lock document after signing" (/P 1 in the FieldMDP parameters).
        report = Preflight::check(fieldLocked("All", {}, 1), {});
        QVERIFY(!report.signable());
        QCOMPARE(report.decisive()->code, ErrorCode::PdfLockedBySignature);
    }

    // The signer refuses the same locks itself, for callers that skip the pre-flight (CLI `sign --field`), and
    // writes nothing; a field the lock leaves open still signs.
    void signerRefusesLockedFields()
    {
        // The error code, or -1 when the signature was made; and whether an output file exists.
        auto signInto = [this](const QString& input, const QString& fieldName) {
            const QString output = m_dir.filePath(QStringLiteral("locked%1.pdf").arg(++m_counter));
            SignatureOptions options;
            options.fieldName = fieldName;
            Result<SignOutcome> outcome = PdfSigner::signFile(input, output, *m_identity.signer, options);
            return std::pair {outcome.ok() ? -1 : int(outcome.error().code), QFile::exists(output)};
        };
        const int locked = int(ErrorCode::PdfLockedBySignature);
        QCOMPARE(signInto(fieldLocked("Include", "[(Signature1) (Empty)]"), QStringLiteral("Empty")),
            std::pair(locked, false));
        QCOMPARE(signInto(fieldLocked("All", {}, 1), {}), std::pair(locked, false));
        QCOMPARE(signInto(fieldLocked("Exclude", "[(Empty)]"), QStringLiteral("Empty")), std::pair(-1, true));
    }

    void encryption()
    {
        const QString e;
        const QString end = QStringLiteral("--");
        const QString owner = QStringLiteral("owner");
        // Owner password only: information, signable.
        PreflightReport report = Preflight::check(encrypted({e, owner, QStringLiteral("256"), end}), {});
        QVERIFY2(findingOf(report, QStringLiteral("encryption"), S::Info), qPrintable(dump(report)));
        QVERIFY(report.signable());

        // A user password: asked for, wrong is E4012, right opens it.
        const QString user = encrypted({QStringLiteral("user-secret"), owner, QStringLiteral("256"), end});
        report = Preflight::check(user, {});
        QVERIFY(report.needsPassword());
        QCOMPARE(report.decisive()->code, ErrorCode::PdfEncrypted);
        PreflightSituation wrong;
        wrong.password = "not-it";
        report = Preflight::check(user, wrong);
        QVERIFY(!report.signable() && !report.needsPassword());
        QCOMPARE(report.decisive()->code, ErrorCode::PdfPasswordWrong);
        PreflightSituation right;
        right.password = "user-secret";
        report = Preflight::check(user, right);
        QVERIFY2(report.signable(), qPrintable(dump(report)));

        // Permissions that forbid form filling and signing: the same rule as the signer's E4014.
        const QString forbidden = encrypted(
            {e, owner, QStringLiteral("256"), QStringLiteral("--form=n"), QStringLiteral("--annotate=n"), end});
        report = Preflight::check(forbidden, {});
        QVERIFY(!report.signable());
        QCOMPARE(report.decisive()->code, ErrorCode::PdfPermissionDenied);
        const QString out = m_dir.filePath(QStringLiteral("refused%1.pdf").arg(++m_counter));
        QCOMPARE(
            PdfSigner::signFile(forbidden, out, *m_identity.signer, {}).error().code, ErrorCode::PdfPermissionDenied);
    }

    void usageRights()
    {
        const QString file = write(appendUpdate(minimalPdf(),
            {{1, "<< /Type /Catalog /Pages 2 0 R /Perms << /UR3 7 0 R >> >>"},
                {7,
                    "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 10 20 10]"
                    " /Contents <00> /Reference [<< /Type /SigRef /TransformMethod /UR3 /TransformParams"
                    " << /Type /TransformParams /Document [/FullSave] /Signature [/Modify] /V /2.2 >> >>] >>"}}));
        const PreflightReport report = Preflight::check(file, {});
        const PreflightFinding* rights = findingOf(report, QStringLiteral("usage-rights"), S::Warning);
        QVERIFY2(rights, qPrintable(dump(report)));
        QVERIFY(rights->text.contains(QLatin1String("Adobe Acrobat Reader")));
        QVERIFY(report.signable());
        // And signing it works: the usage-rights signature is not a form field and is left alone.
        const QString signedFile = sign(file);
        QVERIFY(pdfsig(signedFile).all().contains(QLatin1String("Signature is Valid.")));
    }

    void pdfaClaim_data()
    {
        QTest::addColumn<int>("part");
        QTest::addColumn<QByteArray>("space");
        QTest::addColumn<bool>("asElements");
        QTest::addColumn<bool>("sealBreaksIt");
        QTest::newRow("PDF/A-2b, RGB intent, attributes") << 2 << QByteArray("RGB ") << false << false;
        QTest::newRow("PDF/A-2b, RGB intent, elements") << 2 << QByteArray("RGB ") << true << false;
        QTest::newRow("PDF/A-2b, CMYK intent") << 2 << QByteArray("CMYK") << false << true;
        QTest::newRow("PDF/A-1b") << 1 << QByteArray("RGB ") << false << true;
    }

    void pdfaClaim()
    {
        QFETCH(int, part);
        QFETCH(QByteArray, space);
        QFETCH(bool, asElements);
        QFETCH(bool, sealBreaksIt);
        const QString file = pdfa(part, space, asElements);
        PreflightReport report = Preflight::check(file, {});
        QCOMPARE(report.pdfaPart, part);
        QCOMPARE(report.pdfaConformance, QStringLiteral("B"));
        const PreflightFinding* claim = findingOf(report, QStringLiteral("pdfa"), S::Info);
        QVERIFY2(claim, qPrintable(dump(report)));
        QVERIFY(claim->text.contains(QStringLiteral("PDF/A-%1b").arg(part)));
        QVERIFY(!findingOf(report, QStringLiteral("pdfa"), S::Warning));
        PreflightSituation sealed;
        sealed.visibleSeal = true;
        report = Preflight::check(file, sealed);
        QCOMPARE(findingOf(report, QStringLiteral("pdfa"), S::Warning) != nullptr, sealBreaksIt);
    }

    void pdf20()
    {
        PdfFixtureOptions fixture;
        fixture.version = "2.0";
        const PreflightReport report = Preflight::check(write(minimalPdf(fixture)), {});
        QCOMPARE(report.pdfVersion, QStringLiteral("2.0"));
        QVERIFY2(findingOf(report, QStringLiteral("pdf-version"), S::Info), qPrintable(dump(report)));
        // A catalog /Version overrides an older header.
        const QString overridden
            = write(appendUpdate(minimalPdf(), {{1, "<< /Type /Catalog /Pages 2 0 R /Version /2.0 >>"}}));
        QCOMPARE(Preflight::check(overridden, {}).pdfVersion, QStringLiteral("2.0"));
    }

    // Signing keeps the header, the XMP packet and the output intent byte for byte; pdfsig and qpdf agree.
    void signingKeepsPdfaAndVersion_data()
    {
        QTest::addColumn<QByteArray>("version");
        QTest::addColumn<int>("part");
        QTest::newRow("PDF/A-2b") << QByteArray("1.7") << 2;
        QTest::newRow("PDF 2.0 with PDF/A-4") << QByteArray("2.0") << 4;
    }

    void signingKeepsPdfaAndVersion()
    {
        QFETCH(QByteArray, version);
        QFETCH(int, part);
        const QString input = pdfa(part, "RGB ", false, version);
        auto metadataOf = [](const QString& file, QByteArray* xmpBytes, QByteArray* intentBytes, qint64* offset) {
            Result<std::unique_ptr<PdfReader>> reader = PdfReader::open(file);
            if (!reader)
                return false;
            Result<PdfObject> catalog = (*reader)->object((*reader)->rootRef());
            if (!catalog || !catalog->get("Metadata").isReference())
                return false;
            const PdfRef ref = catalog->get("Metadata").toReference();
            *offset = (*reader)->lookup(ref.number)->offset;
            Result<PdfObject> stream = (*reader)->object(ref);
            Result<QByteArray> raw = (*reader)->rawStreamData(*stream, 1 << 20);
            Result<PdfObject> intents = (*reader)->resolve(catalog->get("OutputIntents"));
            if (!raw || !intents || !intents->isArray())
                return false;
            *xmpBytes = *raw;
            Result<PdfObject> intent = (*reader)->resolve(intents->items().front());
            *intentBytes = intent ? intent->get("DestOutputProfile").isReference()
                    ? num((*reader)->lookup(intent->get("DestOutputProfile").toReference().number)->offset)
                    : QByteArray()
                                  : QByteArray();
            return true;
        };
        QByteArray xmpBefore, intentBefore;
        qint64 offsetBefore = 0;
        QVERIFY(metadataOf(input, &xmpBefore, &intentBefore, &offsetBefore));
        QVERIFY(xmpBefore.contains(QByteArray("pdfaid:part=\"" + num(part) + "\"")));

        QString current = input;
        for (int round = 1; round <= 2; ++round) {
            const QString output = sign(current);
            QVERIFY(isPrefixOf(current, output));
            QCOMPARE(readAll(output).left(9), "%PDF-" + version + "\n");
            QByteArray xmpAfter, intentAfter;
            qint64 offsetAfter = 0;
            QVERIFY(metadataOf(output, &xmpAfter, &intentAfter, &offsetAfter));
            QCOMPARE(xmpAfter, xmpBefore);
            QCOMPARE(offsetAfter, offsetBefore); // the metadata object is not redefined by the update
            QCOMPARE(intentAfter, intentBefore);
            const QByteArray update = readAll(output).mid(readAll(current).size());
            // Nothing in our update that PDF/A forbids or that would need more: no fonts, no transparency.
            for (const char* key : {"/Type /Font", "/SMask", "/CA ", "/ca ", "/BM", "/Group", "/JavaScript",
                     "/Type /Metadata", "/Type /OutputIntent"})
                QVERIFY2(!update.contains(key), key);
            const ToolRun sig = pdfsig(output);
            QCOMPARE(sig.all().count(QLatin1String("Signature is Valid.")), round);
            const ToolRun check = qpdfCheck(output);
            QVERIFY2(check.exitCode == 0 && !check.all().contains(QLatin1String("WARNING")), qPrintable(check.all()));
            PreflightReport after = Preflight::check(output, {});
            QCOMPARE(after.pdfaPart, part);
            QCOMPARE(after.pdfVersion, QString::fromLatin1(version));
            current = output;
        }
    }

    void brokenAndHostileInputs_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("empty") << QByteArray() << int(ErrorCode::PdfNotPdf);
        QTest::newRow("not a PDF") << QByteArray("PK\x03\x04 this is a zip") << int(ErrorCode::PdfNotPdf);
        const QByteArray plain = minimalPdf();
        QTest::newRow("truncated") << plain.left(plain.size() / 2) << 0;
        QTest::newRow("xref /Prev loop") << appendInfoUpdate(plain, 1, true) << 0;
        QTest::newRow("object stream bomb") << objectStreamPdf(1LL << 30) << 0;
        QTest::newRow("xref stream bomb") << objectStreamPdf(1LL << 30, true) << 0;
        QTest::newRow("catalog is a number") << appendUpdate(plain, {{1, "42"}}) << int(ErrorCode::PdfMalformed);
        QTest::newRow("/Metadata loop") << appendUpdate(plain,
            {{1, "<< /Type /Catalog /Pages 2 0 R /Metadata 7 0 R /Perms 8 0 R >>"}, {7, "7 0 R"},
                {8, "<< /UR3 8 0 R /DocMDP 8 0 R >>"}})
                                        << -1;
        QTest::newRow("Metadata bomb") << appendUpdate(plain,
            {{1, "<< /Type /Catalog /Pages 2 0 R /Metadata 7 0 R /OutputIntents [7 0 R] >>"},
                {7, streamObject(" /Filter /FlateDecode", QByteArray::fromHex("78da"))}})
                                       << -1;
    }

    // A finding with an error code, never a crash or a hang; code 0: any blocking code, -1: may still be signable.
    void brokenAndHostileInputs()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        const QString file = write(bytes);
        QElapsedTimer timer;
        timer.start();
        const PreflightReport report = Preflight::check(file, {});
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
        if (code < 0)
            return;
        QVERIFY2(!report.signable(), qPrintable(dump(report)));
        const PreflightFinding* decisive = report.decisive();
        QVERIFY(decisive && decisive->code);
        QVERIFY(decisive->text.contains(errorCodeText(*decisive->code)));
        if (code > 0)
            QCOMPARE(int(*decisive->code), code);
        // A file that is not there at all.
        const PreflightReport missing = Preflight::check(m_dir.filePath(QStringLiteral("missing.pdf")), {});
        QCOMPARE(missing.decisive()->code, ErrorCode::InputFileUnreadable);
    }
};

QTEST_GUILESS_MAIN(TestPreflight)
#include "tst_preflight.moc"
