// What the signer and the inspector look up from the document catalog: first page, signature fields, DocMDP.
#pragma once

#include "common/Result.h"
#include "pdf/PdfReader.h"

#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace ikkatsu::pdf {

// The first page of the page tree (depth-first, cycle-safe). PdfMalformed when there is none.
Result<PdfRef> findFirstPage(PdfReader& reader, const PdfObject& catalog);
// Page `index` (0-based; -1 the last page) in page-tree order; a null ref when the document has no such page.
Result<PdfRef> findPage(PdfReader& reader, const PdfObject& catalog, int index);
// Every page of the page tree in order (index 0 is page 1).
Result<std::vector<PdfRef>> listPages(PdfReader& reader, const PdfObject& catalog);
// The visible page area: /CropBox, else /MediaBox, inherited through the page tree; normalised to x1 < x2, y1 < y2.
// A page without either gets US Letter, as viewers assume.
Result<std::array<double, 4>> visiblePageBox(PdfReader& reader, const PdfObject& page);
// The page's /Rotate (inherited) as 0, 90, 180 or 270.
Result<int> pageRotation(PdfReader& reader, const PdfObject& page);

struct SignatureField
{
    QString name; // fully qualified: parent names joined with '.'
    PdfRef fieldRef;
    PdfRef valueRef; // the signature dictionary (null when /V is direct)
    PdfObject value; // the signature dictionary
};

// Every field of /AcroForm /Fields (through /Kids, /FT inherited) that is a signature field with a value, in tree
// order. No AcroForm: none.
Result<std::vector<SignatureField>> findSignatureFields(PdfReader& reader, const PdfObject& catalog);

// A terminal form field (one whose /Kids, if any, are its widget annotations) with its widgets.
struct FormField
{
    QString name; // fully qualified: parent names joined with '.'
    QByteArray type; // /FT, inherited through the field tree ("Sig", "Tx", …); empty when none
    PdfRef fieldRef; // null when the field is a direct object
    PdfObject field; // the field dictionary
    // The widget annotations: the field itself when field and widget are one dictionary, else those of its /Kids
    // that have no /T and name it as their /Parent (or name none). A direct widget is listed with a null ref.
    std::vector<PdfRef> widgetRefs;
    std::vector<PdfObject> widgets;
    bool filled = false; // /V is set
};

// The first terminal field whose fully qualified name is `name` (nullopt when none): the one lookup for "the field
// named X and its widget" of PdfSigner, SealPlacement and the listing of signature fields.
Result<std::optional<FormField>> findFormField(PdfReader& reader, const PdfObject& catalog, const QString& name);
// Every terminal signature field (/FT /Sig, inherited), empty or signed, in tree order; at most `limit`.
Result<std::vector<FormField>> listFormSignatureFields(PdfReader& reader, const PdfObject& catalog, size_t limit);

// The /P of a certification signature's DocMDP transform (1: no changes allowed, 2, 3), or 0 when not certified.
Result<int> docMdpPermission(PdfReader& reader, const PdfObject& catalog);

} // namespace ikkatsu::pdf
