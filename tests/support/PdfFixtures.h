// PDF test documents made from scratch at test time: a hand-written generator plus real qpdf for other shapes.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ikkatsu::test {

struct PdfFixtureOptions
{
    enum class Form {
        None, // no /AcroForm
        IndirectAcroForm, // /AcroForm n 0 R with a text field
        DirectAcroForm, // /AcroForm << … >> inside the catalog
        IndirectFieldsArray, // /AcroForm n 0 R whose /Fields is itself an indirect array
    };

    QByteArray version = "1.7";
    int pages = 1;
    Form form = Form::None;
    bool indirectAnnots = false; // the first page's /Annots is an indirect array holding a link annotation
    int docMdpPermission = 0; // 1–3: the catalog carries /Perms /DocMDP with this /P (a certification stub)
    bool info = true;
    bool id = true;
    QByteArray padding; // extra bytes inside a content stream, to make bigger files
};

// A small, correct PDF with a classic cross-reference table.
QByteArray minimalPdf(const PdfFixtureOptions& options = {});

// Appends one classic incremental update to a file whose newest section is a classic table: it rewrites /Info
// (a new Title) so that the revision changes something. `prevLoop` makes the new trailer's /Prev point at itself.
QByteArray appendInfoUpdate(const QByteArray& pdf, int serial, bool prevLoop = false);

// Appends one classic incremental update holding `objects` (number, body) to a file of any style; the trailer
// keeps /Root and /ID of the newest section and grows /Size as needed.
QByteArray appendUpdate(const QByteArray& pdf, const QList<QPair<int, QByteArray>>& objects);

// A prepared form (one A4 page, object 5) whose signature fields keep their widgets in /Kids, as form designers
// write them: "Parties" (/FT /Sig, no widget) holds "Parties.Yamada" (widget 10 at [400 80 460 140]) and
// "Parties.Sato" (widget 12 at [300 80 360 140]), whose widgets leave /Parent out; top-level "Suzuki" (13, widget
// 14 at [200 80 260 140] with /Parent, as Acrobat writes it); "Twice" (15) with two widgets (16, 17); the text field
// "Note" (18) with a kid widget (19).
QByteArray kidsFormPdf();

// A hybrid-reference file: classic table (compressed objects marked free) plus /XRefStm for an object stream.
QByteArray hybridPdf();

// A file whose pages live in an object stream that inflates to `inflatedSize` bytes (a zip bomb when large).
// `bombInXref`: the cross-reference stream itself is the bomb instead.
QByteArray objectStreamPdf(qint64 inflatedSize, bool bombInXref = false);

// Runs the real qpdf: `qpdf <arguments> in out`. Returns qpdf's diagnostics on failure, empty on success
// (exit 3, warnings only, counts as success).
QString runQpdf(const QString& in, const QString& out, const QStringList& arguments);

// The offsets of every "startxref" value and every "%%EOF" in `pdf` (for checking section styles).
int countOccurrences(const QByteArray& haystack, const QByteArray& needle);

// Writes a PDF of about `size` bytes (one page, one big incompressible stream) without holding it in memory.
bool writeLargePdf(const QString& path, qint64 size);

} // namespace ikkatsu::test
