// Difference analysis: each known PDF-signature attack as its own fixture, caught; each honest twin, passing.
#include "pdf/DifferenceAnalysis.h"
#include "pdf/PdfReader.h"
#include "pdf/PdfSigner.h"
#include "pdf/SignatureInspector.h"

#include "PdfFixtures.h"
#include "TestSigner.h"
#include "TestSupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace ikkatsu;
using namespace ikkatsu::pdf;
using namespace ikkatsu::test;

namespace {

QByteArray num(qint64 value)
{
    return QByteArray::number(value);
}

const QByteArray kForgedContent = "BT /F1 24 Tf 72 720 Td (FORGED) Tj ET\n";

QByteArray streamBody(const QByteArray& data, const QByteArray& entries = QByteArray())
{
    return "<<" + entries + " /Length " + num(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

} // namespace

class TestDifferenceAnalysis : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::TestSigner m_identity;
    int m_counter = 0;

    QString write(const QByteArray& bytes)
    {
        const QString file = m_dir.filePath(QStringLiteral("f%1.pdf").arg(++m_counter));
        writeAll(file, bytes);
        return file;
    }

    QByteArray sign(const QByteArray& pdf, int certify = 0, const QString& fieldName = {})
    {
        SignatureOptions options;
        options.certify = certify;
        options.fieldName = fieldName;
        const QString output = m_dir.filePath(QStringLiteral("s%1.pdf").arg(++m_counter));
        Result<SignOutcome> outcome = PdfSigner::signFile(write(pdf), output, *m_identity.signer, options);
        if (!outcome)
            qWarning("signing failed: %s", qPrintable(outcome.error().detail));
        return readAll(output);
    }

    // The CAdES signatures of a file, oldest first (document timestamps left out).
    InspectionReport inspect(const QByteArray& pdf)
    {
        Result<InspectionReport> report = SignatureInspector::inspectFile(write(pdf), {m_identity.certificate});
        if (!report)
            qWarning("inspection failed: %s", qPrintable(report.error().detail));
        InspectionReport result = report ? *report : InspectionReport();
        result.signatures.removeIf(
            [](const SignatureReport& s) { return s.subFilter == QLatin1String("ETSI.RFC3161"); });
        return result;
    }

    // The newest definition of object `number`, edited by `edit`, as PDF syntax (for a forged revision).
    QByteArray edited(const QByteArray& pdf, quint32 number, const std::function<void(PdfObject&)>& edit)
    {
        Result<std::unique_ptr<PdfReader>> reader = PdfReader::open(write(pdf));
        if (!reader)
            return QByteArray();
        Result<PdfObject> object = (*reader)->object(PdfRef {number, 0});
        if (!object)
            return QByteArray();
        PdfObject copy = *object;
        edit(copy);
        return copy.serialize();
    }

    quint32 fieldsOwner(const QByteArray& pdf, PdfRef* pageRef)
    {
        // Our signer's AcroForm: the catalog's /AcroForm reference; the first page is object 5 in minimalPdf.
        Result<std::unique_ptr<PdfReader>> reader = PdfReader::open(write(pdf));
        Result<PdfObject> catalog = (*reader)->object((*reader)->rootRef());
        *pageRef = PdfRef {5, 0};
        return catalog->get("AcroForm").toReference().number;
    }

    int nextNumber(const QByteArray& pdf)
    {
        Result<std::unique_ptr<PdfReader>> reader = PdfReader::open(write(pdf));
        return reader ? static_cast<int>((*reader)->nextFreeObjectNumber()) : 0;
    }

    // Asserts that the first signature failed because of a change to `object` whose description contains `text`.
    void expectCaught(const InspectionReport& report, quint32 object, const QString& text)
    {
        QVERIFY(!report.signatures.isEmpty());
        const SignatureReport& first = report.signatures.first();
        QCOMPARE(indicationName(first.indication), QStringLiteral("TOTAL-FAILED"));
        QVERIFY2(first.subIndication == QStringLiteral("SIG_CONSTRAINTS_FAILURE"),
            qPrintable(first.subIndication + QStringLiteral(": ") + first.problem.detail));
        QCOMPARE(first.problem.code, ErrorCode::SignatureModified);
        QCOMPARE(first.verdict, SignatureVerdict::Invalid);
        bool named = false;
        QStringList seen;
        for (const ObjectChange& change : first.disallowedChanges) {
            seen << QStringLiteral("%1 %2: %3").arg(change.number).arg(change.what, change.change);
            named = named || (change.number == object && QString(change.what + change.change).contains(text));
        }
        QVERIFY2(named, qPrintable(seen.join(QLatin1String("; "))));
    }

    void expectPassed(const SignatureReport& signature, ModificationLevel level)
    {
        QVERIFY2(signature.disallowedChanges.empty(),
            qPrintable(signature.disallowedChanges.empty() ? QString() : signature.disallowedChanges.front().change));
        QCOMPARE(indicationName(signature.indication), QStringLiteral("TOTAL-PASSED"));
        QCOMPARE(modificationLevelName(signature.modificationLevel), modificationLevelName(level));
    }

    // A /DSS and a document timestamp after the signatures, as a B-LT/B-LTA update would add them.
    QByteArray appendLtaRevisions(const QByteArray& pdf)
    {
        const int n = nextNumber(pdf);
        PdfRef page;
        const quint32 form = fieldsOwner(pdf, &page);
        const QByteArray cert = "0\x82\x01\x00 not really DER";
        QByteArray dss = appendUpdate(pdf,
            {{1,
                 edited(pdf, 1,
                     [&](PdfObject& c) {
                         c.set("DSS", PdfObject::reference({quint32(n), 0}));
                     })},
                {n, "<< /Certs [" + num(n + 1) + " 0 R] /OCSPs [] /CRLs [] >>"}, {n + 1, streamBody(cert)}});
        const int m = n + 2;
        return appendUpdate(dss,
            {{int(form),
                 edited(dss, form,
                     [&](PdfObject& f) {
                         PdfObject fields = f.get("Fields");
                         fields.items().push_back(PdfObject::reference({quint32(m), 0}));
                         f.set("Fields", fields);
                     })},
                {int(page.number),
                    edited(dss, page.number,
                        [&](PdfObject& p) {
                            PdfObject annots = p.get("Annots");
                            annots.items().push_back(PdfObject::reference({quint32(m), 0}));
                            p.set("Annots", annots);
                        })},
                {m,
                    "<< /FT /Sig /T (DocTimeStamp1) /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /F 132 /P 5 0 R"
                    " /V "
                        + num(m + 1) + " 0 R >>"},
                {m + 1,
                    "<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 /ByteRange [0 1 2 3]"
                    " /Contents <00> >>"}});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_identity.create(QStringLiteral("Suzuki Hanako")));
    }

    // No false alarms: three of our signatures in a row, on every shape of form and page the signer handles.
    void threeSignaturesPass_data()
    {
        QTest::addColumn<int>("form");
        QTest::addColumn<bool>("indirectAnnots");
        using Form = PdfFixtureOptions::Form;
        QTest::newRow("no form") << int(Form::None) << false;
        QTest::newRow("indirect form, indirect annots") << int(Form::IndirectAcroForm) << true;
        QTest::newRow("direct form") << int(Form::DirectAcroForm) << false;
        QTest::newRow("indirect fields array") << int(Form::IndirectFieldsArray) << false;
    }

    void threeSignaturesPass()
    {
        QFETCH(int, form);
        QFETCH(bool, indirectAnnots);
        PdfFixtureOptions options;
        options.form = static_cast<PdfFixtureOptions::Form>(form);
        options.indirectAnnots = indirectAnnots;
        const QByteArray pdf = sign(sign(sign(minimalPdf(options))));
        const InspectionReport report = inspect(pdf);
        QCOMPARE(report.signatures.size(), 3);
        expectPassed(report.signatures[0], ModificationLevel::FormFilling);
        QCOMPARE(report.signatures[0].changes.revisions.size(), size_t(2));
        QCOMPARE(report.signatures[0].changes.revisions.back().signaturesAdded, 2);
        expectPassed(report.signatures[1], ModificationLevel::FormFilling);
        expectPassed(report.signatures[2], ModificationLevel::None);
    }

    void objectStreamsAndHybridPass()
    {
        const QString source = write(minimalPdf());
        const QString shaped = m_dir.filePath(QStringLiteral("objstm.pdf"));
        QVERIFY(runQpdf(source, shaped, {QStringLiteral("--object-streams=generate")}).isEmpty());
        const InspectionReport streams = inspect(sign(sign(readAll(shaped))));
        QCOMPARE(streams.signatures.size(), 2);
        expectPassed(streams.signatures[0], ModificationLevel::FormFilling);
        const InspectionReport hybrid = inspect(sign(sign(hybridPdf())));
        QCOMPARE(hybrid.signatures.size(), 2);
        expectPassed(hybrid.signatures[0], ModificationLevel::FormFilling);
    }

    void ltaRevisionsPass()
    {
        const QByteArray pdf = appendLtaRevisions(sign(sign(minimalPdf())));
        const InspectionReport report = inspect(pdf);
        QCOMPARE(report.signatures.size(), 2); // and the document timestamp
        expectPassed(report.signatures[0], ModificationLevel::FormFilling);
        expectPassed(report.signatures[1], ModificationLevel::LtaUpdates);
        QVERIFY(report.signatures[1].changes.revisions.back().dssChanged);
        QCOMPARE(report.signatures[1].changes.revisions.back().timestampsAdded, 1);
        // A certification with P=1 still allows validation data and timestamps.
        const InspectionReport locked = inspect(appendLtaRevisions(sign(minimalPdf(), 1)));
        expectPassed(locked.signatures[0], ModificationLevel::LtaUpdates);
        QCOMPARE(locked.signatures[0].docMdpPermission, 1);
        QVERIFY(locked.signatures[0].certification);
    }

    void certifiedFormFilledThenSigned()
    {
        PdfFixtureOptions options;
        options.form = PdfFixtureOptions::Form::IndirectAcroForm;
        const QByteArray certified = sign(minimalPdf(options), 2);
        // Object 7 is the text field "Signature1" (/V (Taro)); fill it with a new value and appearance.
        const int n = nextNumber(certified);
        const QByteArray filled = appendUpdate(certified,
            {{7,
                 edited(certified, 7,
                     [&](PdfObject& field) {
                         field.set("V", PdfObject::string("Hanako"));
                         field.set("AP", PdfObject::dictionary({{"N", PdfObject::reference({quint32(n), 0})}}));
                     })},
                {n,
                    streamBody(
                        "BT /Helv 10 Tf 2 4 Td (Hanako) Tj ET", " /Type /XObject /Subtype /Form /BBox [0 0 200 20]")}});
        const InspectionReport report = inspect(sign(filled));
        QCOMPARE(report.signatures.size(), 2);
        expectPassed(report.signatures[0], ModificationLevel::FormFilling);
        QVERIFY(report.signatures[0].certification);
        QCOMPARE(report.signatures[0].docMdpPermission, 2);
        QCOMPARE(report.signatures[0].changes.revisions.back().fieldsFilled, 1);
        expectPassed(report.signatures[1], ModificationLevel::None);

        // The same with P=1: the form filling is beyond what the certifier allowed.
        const QByteArray locked = sign(minimalPdf(options), 1);
        const QByteArray lockedFilled = appendUpdate(
            locked, {{7, edited(locked, 7, [](PdfObject& field) { field.set("V", PdfObject::string("Hanako")); })}});
        expectCaught(inspect(lockedFilled), 7, QStringLiteral("filled in"));
    }

    void certifyRefusals()
    {
        // Certification must be the first signature; signing a P=1 document is refused before writing anything.
        const QByteArray once = sign(minimalPdf());
        SignatureOptions options;
        options.certify = 2;
        const QString out = m_dir.filePath(QStringLiteral("certify-second.pdf"));
        Result<SignOutcome> second = PdfSigner::signFile(write(once), out, *m_identity.signer, options);
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::CertificationNotFirst);
        QVERIFY(!QFile::exists(out));
        const QByteArray locked = sign(minimalPdf(), 1);
        const QString lockedOut = m_dir.filePath(QStringLiteral("locked-second.pdf"));
        Result<SignOutcome> refused
            = PdfSigner::signFile(write(locked), lockedOut, *m_identity.signer, SignatureOptions());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::PdfLockedByDocMdp);
        QVERIFY(!QFile::exists(lockedOut));
    }

    // Incremental saving attacks: each changes something after the signature in a later revision.
    void incrementalSavingAttacks_data()
    {
        QTest::addColumn<int>("attack");
        QTest::addColumn<int>("object");
        QTest::addColumn<QString>("text");
        QTest::newRow("content stream replaced") << 0 << 6 << QStringLiteral("stream changed");
        QTest::newRow("page points at new content") << 1 << 5 << QStringLiteral("/Contents");
        QTest::newRow("Info changed") << 2 << 4 << QStringLiteral("/Title");
        QTest::newRow("Info replaced in the trailer") << 3 << 0 << QStringLiteral("/Info");
        QTest::newRow("metadata added") << 4 << 1 << QStringLiteral("/Metadata");
        QTest::newRow("page added") << 5 << 2 << QStringLiteral("/Kids");
        QTest::newRow("page removed") << 6 << 2 << QStringLiteral("/Count");
        QTest::newRow("annotation added") << 7 << 0 << QStringLiteral("added");
        QTest::newRow("signed font re-defined") << 8 << 3 << QStringLiteral("/BaseFont");
        QTest::newRow("signed object freed") << 9 << 3 << QStringLiteral("freed");
        QTest::newRow("unreferenced object added") << 10 << 0 << QStringLiteral("no allowed change");
        QTest::newRow("circular page tree") << 11 << 2 << QStringLiteral("/Kids");
    }

    void incrementalSavingAttacks()
    {
        QFETCH(int, attack);
        QFETCH(int, object);
        QFETCH(QString, text);
        const QByteArray pdf = sign(minimalPdf());
        const int n = nextNumber(pdf);
        QByteArray forged;
        switch (attack) {
        case 0:
            forged = appendUpdate(pdf, {{6, streamBody(kForgedContent)}});
            break;
        case 1:
            forged = appendUpdate(pdf,
                {{5,
                     edited(pdf, 5,
                         [&](PdfObject& p) {
                             p.set("Contents", PdfObject::reference({quint32(n), 0}));
                         })},
                    {n, streamBody(kForgedContent)}});
            break;
        case 2:
            forged = appendUpdate(pdf, {{4, "<< /Title (FORGED) /Producer (tst PdfFixtures) >>"}});
            break;
        case 3:
            forged = appendInfoUpdate(pdf, 1);
            break;
        case 4:
            forged = appendUpdate(pdf,
                {{1,
                     edited(pdf, 1,
                         [&](PdfObject& c) {
                             c.set("Metadata", PdfObject::reference({quint32(n), 0}));
                         })},
                    {n, streamBody("<x:xmpmeta>FORGED</x:xmpmeta>", " /Type /Metadata /Subtype /XML")}});
            break;
        case 5:
            forged = appendUpdate(pdf,
                {{2, "<< /Type /Pages /Kids [5 0 R " + num(n) + " 0 R] /Count 2 >>"},
                    {n, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " + num(n + 1) + " 0 R >>"},
                    {n + 1, streamBody(kForgedContent)}});
            break;
        case 6:
            forged = appendUpdate(pdf, {{2, "<< /Type /Pages /Kids [] /Count 0 >>"}});
            break;
        case 7:
            forged = appendUpdate(pdf,
                {{5,
                     edited(pdf, 5,
                         [&](PdfObject& p) {
                             PdfObject annots = p.get("Annots");
                             annots.items().push_back(PdfObject::reference({quint32(n), 0}));
                             p.set("Annots", annots);
                         })},
                    {n,
                        "<< /Type /Annot /Subtype /FreeText /Rect [72 700 400 740] /Contents (FORGED) /DA (/Helv 24 "
                        "Tf) >>"}});
            object = n;
            break;
        case 8:
            forged = appendUpdate(pdf, {{3, "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"}});
            break;
        case 9: {
            // A classic section that marks object 3 free.
            forged = pdf;
            const qint64 prev = pdf.mid(pdf.lastIndexOf("startxref") + 9).trimmed().split('\n').first().toLongLong();
            const qint64 xref = forged.size();
            forged += "xref\n3 1\n0000000000 00001 f\r\ntrailer\n<< /Size " + num(n) + " /Root 1 0 R /Info 4 0 R /Prev "
                + num(prev) + " >>\nstartxref\n" + num(xref) + "\n%%EOF\n";
            break;
        }
        case 10:
            forged = appendUpdate(pdf, {{n, streamBody(kForgedContent)}});
            object = n;
            break;
        case 11:
            forged = appendUpdate(pdf, {{2, "<< /Type /Pages /Kids [5 0 R 2 0 R] /Count 1 >>"}});
            break;
        }
        expectCaught(inspect(forged), quint32(object), text);
    }

    // Shadow attacks: something planted in the signed revision and revealed by an update that looks harmless.
    void shadowAttacks_data()
    {
        QTest::addColumn<int>("variant");
        QTest::newRow("hide") << 0;
        QTest::newRow("replace") << 1;
        QTest::newRow("hide-and-replace") << 2;
    }

    void shadowAttacks()
    {
        QFETCH(int, variant);
        // Planted: a white square annotation over the page (hides), and an unused FORGED stream (object 40).
        const QByteArray base = minimalPdf();
        const QByteArray planted = appendUpdate(base,
            {{5,
                 edited(base, 5,
                     [](PdfObject& p) {
                         p.set("Annots", PdfObject::array({PdfObject::reference({41, 0})}));
                     })},
                {40, streamBody(kForgedContent)},
                {41, "<< /Type /Annot /Subtype /Square /Rect [0 0 595 842] /IC [1 1 1] /C [1 1 1] >>"}});
        const QByteArray pdf = sign(planted);
        QVERIFY(inspect(pdf).signatures.first().indication == Indication::TotalPassed);
        QByteArray forged;
        if (variant == 0) {
            // Remove the cover: an annotation removal, which no approval signature allows.
            forged = appendUpdate(pdf, {{5, edited(pdf, 5, [](PdfObject& p) {
                                             PdfObject annots = p.get("Annots");
                                             annots.items().erase(annots.items().begin());
                                             p.set("Annots", annots);
                                         })}});
            expectCaught(inspect(forged), 41, QStringLiteral("removed"));
        } else if (variant == 1) {
            // Point the page's content at the planted stream.
            forged = appendUpdate(pdf, {{5, edited(pdf, 5, [](PdfObject& p) {
                                             p.set("Contents", PdfObject::reference({40, 0}));
                                         })}});
            expectCaught(inspect(forged), 5, QStringLiteral("/Contents"));
        } else {
            // Re-point object 6 through the cross-reference table at the bytes planted (as object 40) before signing:
            // an update that adds no object at all.
            forged = pdf;
            const qint64 at = pdf.indexOf("40 0 obj");
            const qint64 prev = pdf.mid(pdf.lastIndexOf("startxref") + 9).trimmed().split('\n').first().toLongLong();
            const qint64 xref = forged.size();
            forged += "xref\n6 1\n" + num(at).rightJustified(10, '0') + " 00000 n\r\ntrailer\n<< /Size "
                + num(nextNumber(pdf)) + " /Root 1 0 R /Info 4 0 R /Prev " + num(prev) + " >>\nstartxref\n" + num(xref)
                + "\n%%EOF\n";
            expectCaught(inspect(forged), 6, QStringLiteral("unreadable"));
        }
    }

    // Evil annotation and sneaky signature attacks on certified documents, with their honest twins.
    void certifiedAttacks()
    {
        for (int p : {2, 3}) {
            const QByteArray certified = sign(minimalPdf(), p);
            const int n = nextNumber(certified);
            const QByteArray annotated = appendUpdate(certified,
                {{5,
                     edited(certified, 5,
                         [&](PdfObject& page) {
                             PdfObject annots = page.get("Annots");
                             annots.items().push_back(PdfObject::reference({quint32(n), 0}));
                             page.set("Annots", annots);
                         })},
                    {n, "<< /Type /Annot /Subtype /FreeText /Rect [72 700 400 740] /Contents (FORGED) >>"}});
            const InspectionReport report = inspect(annotated);
            if (p == 2)
                expectCaught(report, quint32(n), QStringLiteral("added")); // EAA
            else
                expectPassed(report.signatures.first(), ModificationLevel::Annotations);
        }
        // SSA: an empty signature field whose visible appearance shows forged text.
        const QByteArray certified = sign(minimalPdf(), 2);
        const int n = nextNumber(certified);
        PdfRef page;
        const quint32 form = fieldsOwner(certified, &page);
        const QByteArray sneaky = appendUpdate(certified,
            {{int(form),
                 edited(certified, form,
                     [&](PdfObject& f) {
                         PdfObject fields = f.get("Fields");
                         fields.items().push_back(PdfObject::reference({quint32(n), 0}));
                         f.set("Fields", fields);
                     })},
                {5,
                    edited(certified, 5,
                        [&](PdfObject& pg) {
                            PdfObject annots = pg.get("Annots");
                            annots.items().push_back(PdfObject::reference({quint32(n), 0}));
                            pg.set("Annots", annots);
                        })},
                {n,
                    "<< /FT /Sig /T (Sneaky) /Type /Annot /Subtype /Widget /Rect [0 0 595 842] /F 4 /P 5 0 R /AP << /N "
                        + num(n + 1) + " 0 R >> >>"},
                {n + 1, streamBody(kForgedContent, " /Type /XObject /Subtype /Form /BBox [0 0 595 842]")}});
        expectCaught(inspect(sneaky), quint32(n), QStringLiteral("visible appearance"));
        // Honest twin: a real second signature on the P=2 document.
        const InspectionReport honest = inspect(sign(certified));
        expectPassed(honest.signatures[0], ModificationLevel::FormFilling);
    }

    // Prepared forms whose signature fields keep their widget in /Kids: filling one is form filling (value on the
    // field, look on its widget), but a kid widget smuggles nothing: a new look for a field nobody signed (the
    // sibling's, or the one signed before), or a value put on a widget instead of its field, is caught.
    void kidWidgetsSmuggleNothing()
    {
        const QByteArray first = sign(kidsFormPdf(), 0, QStringLiteral("Parties.Yamada"));
        QVERIFY(!first.isEmpty());
        const int n = nextNumber(first);
        auto withAppearance = [&](quint32 widget) {
            return appendUpdate(first,
                {{int(widget),
                     edited(first, widget,
                         [&](PdfObject& w) {
                             w.set("AP", PdfObject::dictionary({{"N", PdfObject::reference({quint32(n), 0})}}));
                         })},
                    {n, streamBody(kForgedContent, " /Type /XObject /Subtype /Form /BBox [0 0 60 60]")}});
        };
        // The sibling's widget (Parties.Sato, unsigned) shows forged text.
        expectCaught(inspect(withAppearance(12)), 12, QStringLiteral("without signing"));
        // The widget of the field signed before gets a new look.
        expectCaught(inspect(withAppearance(10)), 10, QStringLiteral("without signing"));
        // A signature value on Sato's widget rather than on the field.
        const QByteArray onWidget = appendUpdate(first,
            {{12,
                 edited(first, 12,
                     [&](PdfObject& w) {
                         w.set("V", PdfObject::reference({quint32(n), 0}));
                     })},
                {n, "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached >>"}});
        InspectionReport widgetValue = inspect(onWidget);
        // The inspector lists the stray value as a (broken) signature of its own; Yamada's catches the change.
        widgetValue.signatures.removeIf(
            [](const SignatureReport& s) { return s.fieldName != QLatin1String("Parties.Yamada"); });
        expectCaught(widgetValue, 12, QStringLiteral("instead of its field"));
        // Filling the field also cannot move or add its widget.
        const QByteArray moved
            = appendUpdate(first, {{12, edited(first, 12, [&](PdfObject& w) {
                                        w.set("Rect",
                                            PdfObject::array({PdfObject::integer(0), PdfObject::integer(0),
                                                PdfObject::integer(595), PdfObject::integer(842)}));
                                    })}});
        expectCaught(inspect(moved), 12, QStringLiteral("/Rect changed"));
        // Honest twins: the first signature, and a second one into the sibling.
        expectPassed(inspect(first).signatures.first(), ModificationLevel::None);
        const InspectionReport both = inspect(sign(first, 0, QStringLiteral("Parties.Sato")));
        QCOMPARE(both.signatures.size(), qsizetype(2));
        expectPassed(both.signatures.first(), ModificationLevel::FormFilling);
    }

    void universalSignatureForgery()
    {
        const QByteArray pdf = sign(minimalPdf());
        QByteArray emptied = pdf;
        const qsizetype contents = emptied.lastIndexOf("/Contents <") + 11;
        const qsizetype end = emptied.indexOf('>', contents);
        emptied.replace(contents, end - contents, QByteArray(end - contents, '0'));
        const SignatureReport noCms = inspect(emptied).signatures.first();
        QCOMPARE(indicationName(noCms.indication), QStringLiteral("TOTAL-FAILED"));
        QCOMPARE(noCms.subIndication, QStringLiteral("SIG_CRYPTO_FAILURE"));
        QByteArray noRange = pdf;
        noRange.replace("/ByteRange [", "/ByteRangX [");
        const SignatureReport noByteRange = inspect(noRange).signatures.first();
        QCOMPARE(indicationName(noByteRange.indication), QStringLiteral("TOTAL-FAILED"));
        QCOMPARE(noByteRange.subIndication, QStringLiteral("FORMAT_FAILURE"));
    }

    void signatureWrapping()
    {
        // SWA: the second range is moved so that the signed bytes are relocated and new content sits in the gap.
        QByteArray pdf = sign(minimalPdf());
        const qsizetype at = pdf.lastIndexOf("/ByteRange [");
        const qsizetype close = pdf.indexOf(']', at);
        const QList<QByteArray> numbers = pdf.mid(at + 12, close - at - 12).simplified().split(' ');
        const qint64 b = numbers[1].toLongLong();
        const qint64 c = numbers[2].toLongLong();
        const qint64 d = numbers[3].toLongLong();
        QByteArray range = "/ByteRange [0 " + num(b) + " " + num(c + 40) + " " + num(d - 40);
        pdf.replace(at, close - at, range.leftJustified(close - at, ' '));
        const SignatureReport wrapped = inspect(pdf).signatures.first();
        QCOMPARE(indicationName(wrapped.indication), QStringLiteral("TOTAL-FAILED"));
        QCOMPARE(wrapped.problem.code, ErrorCode::ByteRangeInvalid);
    }

    void hybridSneakyEdit()
    {
        // The update's classic section lists nothing of interest; its /XRefStm stream re-defines the page (object
        // 3), which a reader ignoring /XRefStm would never see.
        const QByteArray pdf = sign(hybridPdf());
        QByteArray forged = pdf;
        forged += "\n";
        const qint64 contentAt = forged.size();
        forged += "30 0 obj\n" + streamBody(kForgedContent) + "\nendobj\n";
        const qint64 pageAt = forged.size();
        forged += "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 30 0 R >>\nendobj\n";
        QByteArray rows;
        auto row = [&](qint64 offset) {
            rows += char(1);
            for (int shift = 24; shift >= 0; shift -= 8)
                rows += char((offset >> shift) & 0xff);
            rows += char(0) + QByteArray(1, char(0));
        };
        row(pageAt);
        row(contentAt);
        const qint64 streamAt = forged.size();
        forged += "31 0 obj\n" + streamBody(rows, " /Type /XRef /Size 32 /W [1 4 2] /Index [3 1 30 1]") + "\nendobj\n";
        const qint64 prev = pdf.mid(pdf.lastIndexOf("startxref") + 9).trimmed().split('\n').first().toLongLong();
        const qint64 xref = forged.size();
        forged += "xref\n0 1\n0000000000 65535 f\r\ntrailer\n<< /Size 32 /Root 1 0 R /Info 6 0 R /Prev " + num(prev)
            + " /XRefStm " + num(streamAt) + " >>\nstartxref\n" + num(xref) + "\n%%EOF\n";
        expectCaught(inspect(forged), 3, QStringLiteral("/Contents"));
    }

    void chainMustBuildOnTheSignedRevision()
    {
        // The new section's /Prev skips the signature's section and points at the original table: the viewer would
        // show the unsigned document with a later edit.
        const QByteArray original = minimalPdf();
        const QByteArray pdf = sign(original);
        const qint64 firstXref
            = original.mid(original.lastIndexOf("startxref") + 9).trimmed().split('\n').first().toLongLong();
        QByteArray forged = pdf + "\n";
        const qint64 at = forged.size();
        forged += "6 0 obj\n" + streamBody(kForgedContent) + "\nendobj\n";
        const qint64 xref = forged.size();
        forged += "xref\n6 1\n" + num(at).rightJustified(10, '0')
            + " 00000 n\r\ntrailer\n<< /Size 7 /Root 1 0 R /Info 4 0 R"
              " /Prev "
            + num(firstXref) + " >>\nstartxref\n" + num(xref) + "\n%%EOF\n";
        const QString file = write(forged);
        Result<std::unique_ptr<PdfReader>> reader = PdfReader::open(file);
        QVERIFY(reader);
        Result<DifferenceReport> changes = DifferenceAnalysis::analyze(file, **reader, pdf.size());
        QVERIFY(changes);
        QCOMPARE(changes->level, ModificationLevel::Disallowed);
        QCOMPARE(changes->changes.size(), size_t(1));
        QVERIFY(changes->changes.front().change.contains(QLatin1String("does not build on")));
        // The honest twin: the same update chained to the signature's own section.
        const QByteArray honest = appendUpdate(pdf, {{6, streamBody(kForgedContent)}});
        const QString honestFile = write(honest);
        Result<std::unique_ptr<PdfReader>> honestReader = PdfReader::open(honestFile);
        Result<DifferenceReport> chained = DifferenceAnalysis::analyze(honestFile, **honestReader, pdf.size());
        QVERIFY(chained);
        QCOMPARE(chained->revisions.size(), size_t(1)); // analysed, and the content change found by the rules
        QCOMPARE(chained->changes.front().number, quint32(6));
    }

    void changesAreReportedInFileOrderWithLevels()
    {
        const InspectionReport report = inspect(sign(sign(minimalPdf())));
        const DifferenceReport& changes = report.signatures.first().changes;
        QVERIFY(!changes.changes.empty());
        bool signatureAdded = false;
        for (const ObjectChange& change : changes.changes)
            signatureAdded = signatureAdded || change.change == QLatin1String("signature added");
        QVERIFY(signatureAdded);
        QCOMPARE(changes.beyond(ModificationLevel::FormFilling).size(), size_t(0));
        QVERIFY(!changes.beyond(ModificationLevel::LtaUpdates).empty());
    }
};

QTEST_GUILESS_MAIN(TestDifferenceAnalysis)
#include "tst_differenceanalysis.moc"
