// Empty signature fields (the administrator's 印 boxes): listed and added through nested page trees, inherited page
// boxes and /Rotate, in encrypted documents, after an earlier signature (which stays valid for us, pdfsig and qpdf);
// refused for certified /P 1 documents, taken names, missing pages and rectangles off the page.
#include "pdf/DifferenceAnalysis.h"
#include "pdf/PdfCatalog.h"
#include "pdf/PdfReader.h"
#include "pdf/PdfSigner.h"
#include "pdf/PdfText.h"
#include "pdf/SealAppearance.h"
#include "pdf/SignatureFields.h"
#include "pdf/SignatureInspector.h"

#include "PdfFixtures.h"
#include "TestSigner.h"
#include "TestSupport.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace ikkatsu;
using namespace ikkatsu::pdf;
using namespace ikkatsu::test;

namespace {

// Three pages; pages 2 and 3 hang under an intermediate /Pages node that gives them /MediaBox [0 0 400 300] and
// /Rotate 90; page 3 turns itself to 180. Page 1 keeps its own A4 box.
QByteArray nestedPdf()
{
    PdfFixtureOptions options;
    options.pages = 3;
    const QByteArray base = minimalPdf(options); // pages 5, 7, 9; contents 6, 8, 10; font 3
    return appendUpdate(base,
        {{2, "<< /Type /Pages /Kids [5 0 R 11 0 R] /Count 3 >>"},
            {11, "<< /Type /Pages /Parent 2 0 R /Kids [7 0 R 9 0 R] /Count 2 /MediaBox [0 0 400 300] /Rotate 90 >>"},
            {7, "<< /Type /Page /Parent 11 0 R /Contents 8 0 R /Resources << /Font << /F1 3 0 R >> >> >>"},
            {9,
                "<< /Type /Page /Parent 11 0 R /Rotate 180 /Contents 10 0 R /Resources << /Font << /F1 3 0 R >> >> "
                ">>"}});
}

Result<std::vector<SignatureFieldInfo>> listOf(const QString& path, const QByteArray& password = {})
{
    Result<std::unique_ptr<PdfReader>> opened = PdfReader::open(path, -1, password);
    if (!opened)
        return opened.error();
    IKK_TRY((*opened)->encryptionStatus());
    return listSignatureFields(**opened);
}

const SignatureFieldInfo* named(const std::vector<SignatureFieldInfo>& fields, const QString& name)
{
    for (const SignatureFieldInfo& field : fields) {
        if (field.name == name)
            return &field;
    }
    return nullptr;
}

// The 1-based page whose /Annots lists the widget named `name` (0: none), found through the page tree.
int annotatedPage(const QString& path, const QString& name)
{
    auto opened = PdfReader::open(path);
    if (!opened)
        return -1;
    PdfReader& reader = **opened;
    auto catalog = reader.object(reader.rootRef());
    auto pages = catalog ? listPages(reader, *catalog) : Result<std::vector<PdfRef>>(std::vector<PdfRef>());
    if (!pages)
        return -1;
    for (size_t k = 0; k < pages->size(); ++k) {
        auto page = reader.object((*pages)[k]);
        auto annots = page ? reader.resolve(page->get("Annots")) : page;
        if (!annots || !annots->isArray())
            continue;
        for (const PdfObject& item : annots->items()) {
            auto widget = reader.resolve(item);
            if (widget && widget->isDictionary() && decodeTextString(widget->get("T").bytes()) == name)
                return int(k) + 1;
        }
    }
    return 0;
}

} // namespace

class TestSignatureFields : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestSigner m_identity;
    int m_counter = 0;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString fresh(const QByteArray& bytes)
    {
        const QString file = path(QStringLiteral("doc%1.pdf").arg(++m_counter));
        writeAll(file, bytes);
        return file;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_identity.create(QStringLiteral("Suzuki Hanako")));
    }

    void nestedPageTreeAndRotation()
    {
        const QString file = fresh(nestedPdf());
        const QByteArray before = readAll(file);
        const QString out = path(QStringLiteral("nested-boxes.pdf"));
        const Status added = addSignatureFields(file, out,
            {{QStringLiteral("user-a"), 1, {400, 40, 500, 140}}, {QStringLiteral("user-b"), 2, {20, 20, 120, 120}},
                {QStringLiteral("user-c"), 3, {250, 150, 390, 290}}});
        QVERIFY2(added, qPrintable(added ? QString() : added.error().detail));
        QVERIFY(readAll(out).startsWith(before)); // an incremental update
        QCOMPARE(readAll(file), before); // the input is untouched
        const ToolRun check = qpdfCheck(out);
        QVERIFY2(check.exitCode == 0, qPrintable(check.all()));

        auto fields = listOf(out);
        QVERIFY(fields);
        QCOMPARE(int(fields->size()), 3);
        const SignatureFieldInfo* a = named(*fields, QStringLiteral("user-a"));
        const SignatureFieldInfo* b = named(*fields, QStringLiteral("user-b"));
        const SignatureFieldInfo* c = named(*fields, QStringLiteral("user-c"));
        QVERIFY(a && b && c);
        QCOMPARE(a->page, 1);
        QCOMPARE(b->page, 2);
        QCOMPARE(c->page, 3);
        QCOMPARE(a->rotation, 0);
        QCOMPARE(b->rotation, 90); // inherited from the intermediate node
        QCOMPARE(c->rotation, 180); // its own
        QCOMPARE(c->rect, (std::array<double, 4> {250, 150, 390, 290}));
        // Each widget is in its own page's /Annots (page 1 had none, pages 2 and 3 under the nested node).
        QCOMPARE(annotatedPage(out, QStringLiteral("user-a")), 1);
        QCOMPARE(annotatedPage(out, QStringLiteral("user-b")), 2);
        QCOMPARE(annotatedPage(out, QStringLiteral("user-c")), 3);
        QVERIFY(!a->filled && !b->filled && !c->filled);
        // /MK /R tells form software the page is turned.
        QVERIFY(readAll(out).contains("/MK <</R 90>>") || readAll(out).contains("/MK << /R 90 >>")
            || readAll(out).contains("/MK<</R 90>>"));

        // The box that page 2 inherits (400 × 300) is the one checked, not page 1's A4.
        const Status outside = addSignatureFields(
            out, path(QStringLiteral("never.pdf")), {{QStringLiteral("user-d"), 2, {350, 250, 450, 350}}});
        QVERIFY(!outside);
        QCOMPARE(outside.error().code, ErrorCode::SealRectInvalid);
        QVERIFY(!QFile::exists(path(QStringLiteral("never.pdf")))); // nothing half-written
    }

    void refusals_data()
    {
        QTest::addColumn<int>("page");
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("x1");
        QTest::addColumn<double>("x2");
        QTest::addColumn<int>("code");
        QTest::newRow("page 0") << 0 << "new" << 10.0 << 100.0 << int(ErrorCode::SealPageOutOfRange);
        QTest::newRow("page beyond") << 4 << "new" << 10.0 << 100.0 << int(ErrorCode::SealPageOutOfRange);
        QTest::newRow("off the page") << 1 << "new" << 550.0 << 650.0 << int(ErrorCode::SealRectInvalid);
        QTest::newRow("inverted") << 1 << "new" << 100.0 << 10.0 << int(ErrorCode::SealRectInvalid);
        QTest::newRow("too small") << 1 << "new" << 10.0 << 15.0 << int(ErrorCode::SealRectInvalid);
        QTest::newRow("not finite") << 1 << "new" << std::nan("") << 100.0 << int(ErrorCode::SealRectInvalid);
        QTest::newRow("name taken") << 1 << "Signature1" << 10.0 << 100.0 << int(ErrorCode::SignatureFieldExists);
        QTest::newRow("no name") << 1 << "" << 10.0 << 100.0 << int(ErrorCode::SealPlacementInvalid);
    }

    void refusals()
    {
        QFETCH(int, page);
        QFETCH(QString, name);
        QFETCH(double, x1);
        QFETCH(double, x2);
        QFETCH(int, code);
        PdfFixtureOptions options;
        options.pages = 3;
        options.form = PdfFixtureOptions::Form::IndirectAcroForm; // a text field named Signature1
        const QString file = fresh(minimalPdf(options));
        const QString out = path(QStringLiteral("refused.pdf"));
        const Status added = addSignatureFields(file, out, {{name, page, {x1, 100, x2, 200}}});
        QVERIFY(!added);
        QCOMPARE(int(added.error().code), code);
        QVERIFY(!QFile::exists(out));
    }

    void twiceInOneRequestRefused()
    {
        const QString file = fresh(minimalPdf());
        const Status added = addSignatureFields(file, path(QStringLiteral("twice.pdf")),
            {{QStringLiteral("u"), 1, {10, 10, 100, 100}}, {QStringLiteral("u"), 1, {200, 10, 300, 100}}});
        QVERIFY(!added);
        QCOMPARE(added.error().code, ErrorCode::SignatureFieldExists);
    }

    void certifiedNoChangesRefused()
    {
        PdfFixtureOptions options;
        options.docMdpPermission = 1;
        const QString file = fresh(minimalPdf(options));
        const Status added
            = addSignatureFields(file, path(QStringLiteral("p1.pdf")), {{QStringLiteral("u"), 1, {10, 10, 100, 100}}});
        QVERIFY(!added);
        QCOMPARE(added.error().code, ErrorCode::PdfLockedByDocMdp);
        // /P 2 allows form filling and signing: an empty field is fine.
        options.docMdpPermission = 2;
        const QString p2 = fresh(minimalPdf(options));
        QVERIFY(addSignatureFields(p2, p2, {{QStringLiteral("u"), 1, {10, 10, 100, 100}}}));
    }

    // After a first signature: the revision adding the fields is form filling, the signature stays valid for us and
    // for pdfsig, and the second signer fills their field with a visible seal.
    void afterASignatureAndFilled()
    {
        const QString file = fresh(nestedPdf());
        const QString first = path(QStringLiteral("first.pdf"));
        SignatureOptions options;
        QVERIFY(PdfSigner::signFile(file, first, *m_identity.signer, options));
        const QString placed = path(QStringLiteral("placed.pdf"));
        QVERIFY(addSignatureFields(first, placed, {{QStringLiteral("user-b"), 2, {20, 20, 120, 120}}}));

        auto inspected = SignatureInspector::inspectFile(placed, {m_identity.certificate});
        QVERIFY(inspected);
        QCOMPARE(inspected->signatures.size(), 1);
        const SignatureReport& signature = inspected->signatures.front();
        QCOMPARE(signature.verdict, SignatureVerdict::Valid);
        QCOMPARE(signature.modificationLevel, ModificationLevel::FormFilling);
        QVERIFY(signature.disallowedChanges.empty());
        QCOMPARE(signature.changes.revisions.size(), size_t(1));
        QCOMPARE(signature.changes.revisions.front().emptySignatureFieldsAdded, 1);
        const ToolRun sig = pdfsig(placed);
        QVERIFY2(sig.all().count(QStringLiteral("Signature is Valid.")) == 1, qPrintable(sig.all()));
        QVERIFY2(qpdfCheck(placed).exitCode == 0, qPrintable(qpdfCheck(placed).all()));

        SealSpec spec;
        spec.style = SealStyle::Round;
        spec.name = QStringLiteral("鈴木");
        spec.signingTime = QDateTime::currentDateTimeUtc();
        auto seal = SealAppearance::build(spec);
        QVERIFY2(seal, qPrintable(seal ? QString() : seal.error().detail));
        TestSigner second;
        QVERIFY(second.create(QStringLiteral("Second Signer")));
        SignatureOptions fill;
        fill.fieldName = QStringLiteral("user-b");
        fill.seal = *seal;
        const QString filled = path(QStringLiteral("filled.pdf"));
        auto signedFile = PdfSigner::signFile(placed, filled, *second.signer, fill);
        QVERIFY2(signedFile, qPrintable(signedFile ? QString() : signedFile.error().detail));
        auto fields = listOf(filled);
        QVERIFY(fields);
        QVERIFY(named(*fields, QStringLiteral("user-b"))->filled);
        const ToolRun both = pdfsig(filled);
        QVERIFY2(both.all().count(QStringLiteral("Signature is Valid.")) == 2, qPrintable(both.all()));
        QVERIFY2(qpdfCheck(filled).exitCode == 0, qPrintable(qpdfCheck(filled).all()));
    }

    // Fields that keep their widget in /Kids are listed by their fully qualified names (as PdfSigner and the CLI's
    // --field take them) with their widget's page and rectangle; PdfSigner fills one, putting the value on the field
    // and the appearance on the widget, and refuses a field with two widgets, a text field, a non-terminal one.
    void kidsFieldsListedAndFilled()
    {
        const QString form = fresh(kidsFormPdf());
        auto fields = listOf(form);
        QVERIFY2(fields, qPrintable(fields ? QString() : fields.error().detail));
        QStringList names;
        for (const SignatureFieldInfo& field : *fields)
            names << field.name;
        QCOMPARE(names,
            QStringList({QStringLiteral("Parties.Yamada"), QStringLiteral("Parties.Sato"), QStringLiteral("Suzuki"),
                QStringLiteral("Twice")}));
        const SignatureFieldInfo* yamada = named(*fields, QStringLiteral("Parties.Yamada"));
        QCOMPARE(yamada->page, 1);
        QCOMPARE(yamada->rect, (std::array<double, 4> {400, 80, 460, 140}));
        QVERIFY(!yamada->filled);

        SealSpec spec;
        spec.style = SealStyle::Round;
        spec.name = QStringLiteral("山田");
        spec.signingTime = QDateTime::currentDateTimeUtc();
        auto seal = SealAppearance::build(spec);
        QVERIFY2(seal, qPrintable(seal ? QString() : seal.error().detail));
        SignatureOptions fill;
        fill.fieldName = QStringLiteral("Parties.Yamada");
        fill.seal = *seal;
        const QString filled = path(QStringLiteral("kids-filled.pdf"));
        auto signedFile = PdfSigner::signFile(form, filled, *m_identity.signer, fill);
        QVERIFY2(signedFile, qPrintable(signedFile ? QString() : signedFile.error().detail));
        QCOMPARE(signedFile->fieldName, QStringLiteral("Parties.Yamada"));
        auto after = listOf(filled);
        QVERIFY(after);
        QVERIFY(named(*after, QStringLiteral("Parties.Yamada"))->filled);
        QVERIFY(!named(*after, QStringLiteral("Parties.Sato"))->filled);
        auto opened = PdfReader::open(filled);
        QVERIFY(opened);
        auto field = (*opened)->object(PdfRef {9, 0});
        auto widget = (*opened)->object(PdfRef {10, 0});
        QVERIFY(field && widget);
        QVERIFY(field->get("V").isReference());
        QVERIFY(!field->find("AP"));
        QVERIFY(widget->get("AP").isDictionary());
        QVERIFY(!widget->find("V"));
        auto inspected = SignatureInspector::inspectFile(filled, {m_identity.certificate});
        QVERIFY(inspected);
        QCOMPARE(inspected->signatures.size(), 1);
        QCOMPARE(inspected->signatures.front().fieldName, QStringLiteral("Parties.Yamada"));
        QCOMPARE(inspected->signatures.front().verdict, SignatureVerdict::Valid);

        // A second signer fills the sibling: the first signature sees form filling only.
        TestSigner second;
        QVERIFY(second.create(QStringLiteral("Second Signer")));
        fill.fieldName = QStringLiteral("Parties.Sato");
        fill.signingTime = QDateTime::currentDateTimeUtc(); // not before the second certificate's validity
        const QString both = path(QStringLiteral("kids-both.pdf"));
        QVERIFY(PdfSigner::signFile(filled, both, *second.signer, fill));
        inspected = SignatureInspector::inspectFile(both, {m_identity.certificate, second.certificate});
        QVERIFY(inspected);
        QCOMPARE(inspected->signatures.size(), 2);
        for (const SignatureReport& signature : inspected->signatures) {
            QCOMPARE(signature.verdict, SignatureVerdict::Valid);
            QVERIFY(signature.disallowedChanges.empty());
        }
        QCOMPARE(inspected->signatures.front().modificationLevel, ModificationLevel::FormFilling);
        QCOMPARE(inspected->signatures.front().changes.revisions.back().signaturesAdded, 1);
        QVERIFY2(qpdfCheck(both).exitCode == 0, qPrintable(qpdfCheck(both).all()));
        QVERIFY2(pdfsig(both).all().count(QStringLiteral("Signature is Valid.")) == 2, qPrintable(pdfsig(both).all()));

        // Acrobat's way: the widget names its field in /Parent. Signed the same way; the earlier two see form filling.
        fill.fieldName = QStringLiteral("Suzuki");
        const QString three = path(QStringLiteral("kids-three.pdf"));
        QVERIFY(PdfSigner::signFile(both, three, *m_identity.signer, fill));
        auto widget14 = PdfReader::open(three);
        QVERIFY(widget14);
        QVERIFY((*widget14)->object(PdfRef {14, 0})->get("AP").isDictionary());
        QVERIFY((*widget14)->object(PdfRef {13, 0})->get("V").isReference());
        inspected = SignatureInspector::inspectFile(three, {m_identity.certificate, second.certificate});
        QVERIFY(inspected);
        QCOMPARE(inspected->signatures.size(), 3);
        for (const SignatureReport& signature : inspected->signatures) {
            QCOMPARE(signature.verdict, SignatureVerdict::Valid);
            QVERIFY(signature.disallowedChanges.empty());
        }
        QCOMPARE(inspected->signatures.back().fieldName, QStringLiteral("Suzuki"));
        QVERIFY2(qpdfCheck(three).exitCode == 0, qPrintable(qpdfCheck(three).all()));
        // Debian 12's pdfsig (poppler 22.12) takes any kid with /Parent for a child field and reports Suzuki as
        // unsigned (later poppler tells pure widgets apart); the two others stay valid for it.
        QVERIFY2(
            pdfsig(three).all().count(QStringLiteral("Signature is Valid.")) >= 2, qPrintable(pdfsig(three).all()));
    }

    void kidsFieldRefusals_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("code");
        QTest::newRow("two widgets") << QStringLiteral("Twice") << int(ErrorCode::SignatureFieldWidgetCount);
        QTest::newRow("text field") << QStringLiteral("Note") << int(ErrorCode::FieldNotSignatureField);
        QTest::newRow("non-terminal") << QStringLiteral("Parties") << int(ErrorCode::SealFieldNotFound);
        QTest::newRow("partial name only") << QStringLiteral("Yamada") << int(ErrorCode::SealFieldNotFound);
    }

    void kidsFieldRefusals()
    {
        QFETCH(QString, field);
        QFETCH(int, code);
        const QString form = fresh(kidsFormPdf());
        SignatureOptions fill;
        fill.fieldName = field;
        const QString out = path(QStringLiteral("kids-refused.pdf"));
        auto refused = PdfSigner::signFile(form, out, *m_identity.signer, fill);
        QVERIFY(!refused);
        QCOMPARE(int(refused.error().code), code);
        QVERIFY(!QFileInfo::exists(out));
    }

    // The fields explain only themselves: a later revision that also changes /Info breaks the signature.
    void otherChangesInTheRevisionStayRefused()
    {
        const QString file = fresh(minimalPdf());
        const QString first = path(QStringLiteral("first2.pdf"));
        QVERIFY(PdfSigner::signFile(file, first, *m_identity.signer, SignatureOptions {}));
        auto opened = PdfReader::open(first);
        QVERIFY(opened);
        auto revision = signatureFieldsRevision(**opened, {{QStringLiteral("u"), 1, {10, 10, 100, 100}}});
        QVERIFY(revision);
        QByteArray bytes = readAll(first) + *revision;
        const QString placed = fresh(bytes);
        const QString tampered = fresh(appendUpdate(bytes, {{4, "<< /Title (changed) >>"}}));
        auto clean = SignatureInspector::inspectFile(placed, {m_identity.certificate});
        QVERIFY(clean);
        QCOMPARE(clean->signatures.front().verdict, SignatureVerdict::Valid);
        auto dirty = SignatureInspector::inspectFile(tampered, {m_identity.certificate});
        QVERIFY(dirty);
        QCOMPARE(dirty->signatures.front().verdict, SignatureVerdict::Invalid);
        QCOMPARE(dirty->signatures.front().problem.code, ErrorCode::SignatureModified);
    }

    void encryptedDocument_data()
    {
        QTest::addColumn<QStringList>("encryptArgs");
        QTest::addColumn<QString>("password");
        const QString o = QStringLiteral("owner");
        const QString end = QStringLiteral("--");
        QTest::newRow("AES-256, owner only") << QStringList {QString(), o, QStringLiteral("256"), end} << QString();
        QTest::newRow("AES-128, user password") << QStringList {QStringLiteral("secret"), o, QStringLiteral("128"),
            QStringLiteral("--use-aes=y"), end} << QStringLiteral("secret");
    }

    void encryptedDocument()
    {
        QFETCH(QStringList, encryptArgs);
        QFETCH(QString, password);
        const QString plain = fresh(minimalPdf());
        const QString encrypted = path(QStringLiteral("enc%1.pdf").arg(++m_counter));
        QCOMPARE(runQpdf(plain, encrypted, QStringList {QStringLiteral("--encrypt")} + encryptArgs), QString());
        const QString out = path(QStringLiteral("enc-boxes%1.pdf").arg(m_counter));
        // Without the user password nothing is written.
        if (!password.isEmpty()) {
            const Status locked = addSignatureFields(encrypted, out, {{QStringLiteral("山田"), 1, {10, 10, 100, 100}}});
            QVERIFY(!locked);
            QCOMPARE(locked.error().code, ErrorCode::PdfEncrypted);
        }
        const Status added
            = addSignatureFields(encrypted, out, {{QStringLiteral("山田"), 1, {10, 10, 100, 100}}}, password.toUtf8());
        QVERIFY2(added, qPrintable(added ? QString() : added.error().detail));
        auto fields = listOf(out, password.toUtf8());
        QVERIFY(fields);
        QCOMPARE(int(fields->size()), 1);
        QCOMPARE(fields->front().name, QStringLiteral("山田")); // the encrypted /T decrypts back
        QStringList args {QStringLiteral("--check")};
        if (!password.isEmpty())
            args << QStringLiteral("--password=") + password;
        const ToolRun check = runTool(QStringLiteral("qpdf"), args << out);
        QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
    }
};

QTEST_GUILESS_MAIN(TestSignatureFields)
#include "tst_signaturefields.moc"
