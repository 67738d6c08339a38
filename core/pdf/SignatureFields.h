// A document's signature fields, and the revision that adds empty ones (the administrator's 印 boxes).
#pragma once

#include "common/Result.h"
#include "pdf/PdfReader.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <vector>

namespace ikkatsu::pdf {

struct SignatureFieldInfo
{
    QString name; // fully qualified ("parent.child"; /T of a top-level field)
    int page = 0; // 1-based page of its widget (/P, else the page whose /Annots lists it); 0 when on no page
    std::array<double, 4> rect {0, 0, 0, 0}; // the widget's /Rect, normalised to x1 < x2, y1 < y2
    int rotation = 0; // the page's /Rotate (0, 90, 180, 270)
    bool filled = false; // /V holds a signature
};

// Every terminal signature field of the form (/FT /Sig, inherited; a field whose widgets are /Kids reports its first
// widget), in form order, named as PdfSigner's fieldName takes it. Reads the view the reader has.
Result<std::vector<SignatureFieldInfo>> listSignatureFields(PdfReader& reader);

struct NewSignatureField
{
    QString name; // /T: for a placed box the signer's user ID (api::sealFieldName)
    int page = 1; // 1-based
    std::array<double, 4> rect {0, 0, 0, 0}; // x1, y1, x2, y2 in the page's default user space (before /Rotate)
};

// The bytes of one incremental update, to be appended to the reader's file as it is, that adds `fields` as empty
// signature fields: field-and-widget objects (/FT /Sig, /F 4 print, /P, /MK /R for a rotated page, no appearance),
// listed in /AcroForm /Fields (created when missing) and their pages' /Annots; /SigFlags gets SignaturesExist.
// An encrypted document's new strings are encrypted with its key. Refused, before anything is planned:
// PdfLockedByDocMdp (certified with /P 1), PdfPermissionDenied (/P allows no form filling), the reader's encryption
// problem, SealPageOutOfRange (no such page), SealRectInvalid (not finite, a side below 8 points, or outside the
// page's visible box), SignatureFieldExists (a top-level field of that name exists, or is asked for twice).
Result<QByteArray> signatureFieldsRevision(PdfReader& reader, const std::vector<NewSignatureField>& fields);

// signatureFieldsRevision applied to `inputPath`, written atomically to `outputPath` (may equal inputPath) and read
// back: nothing is half-written.
Status addSignatureFields(const QString& inputPath, const QString& outputPath,
    const std::vector<NewSignatureField>& fields, const QByteArray& password = {});

} // namespace ikkatsu::pdf
