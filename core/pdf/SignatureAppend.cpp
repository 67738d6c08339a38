// The upload rule: difference analysis of everything after the stored version, which must be one signature only.
#include "pdf/SignatureAppend.h"

#include "pdf/PdfReader.h"

namespace ikkatsu {

using namespace pdf;

namespace {

bool isDocumentTimestamp(const SignatureReport& signature)
{
    return signature.subFilter == QLatin1String("ETSI.RFC3161");
}

Error notSignatureOnly(const ObjectChange& change)
{
    return makeError(ErrorCode::UploadNotSignatureOnly,
        QStringLiteral("object %1 (%2): %3").arg(change.number).arg(change.what, change.change));
}

} // namespace

Result<int> checkSignatureAppend(const QString& path, qint64 baseSize, const InspectionReport& inspection)
{
    int added = -1;
    for (int k = 0; k < inspection.signatures.size(); ++k) {
        const SignatureReport& signature = inspection.signatures[k];
        if (signature.signedRevisionEnd <= baseSize || isDocumentTimestamp(signature))
            continue;
        if (added >= 0)
            return makeError(ErrorCode::UploadSignatureCount, QStringLiteral("more than one new signature"));
        added = k;
    }
    if (added < 0)
        return makeError(ErrorCode::UploadSignatureCount, QStringLiteral("no new signature"));
    const SignatureReport& signature = inspection.signatures[added];

    Result<std::unique_ptr<PdfReader>> opened = PdfReader::open(path);
    if (!opened)
        return opened.error();
    Result<DifferenceReport> changes = DifferenceAnalysis::analyze(path, **opened, baseSize);
    if (!changes)
        return changes.error();
    if (changes->revisions.empty())
        return makeError(ErrorCode::UploadSignatureCount, QStringLiteral("nothing was added"));

    for (const ObjectChange& change : changes->changes) {
        if (change.level == ModificationLevel::Disallowed || change.level == ModificationLevel::Annotations)
            return notSignatureOnly(change);
    }
    // The new signature signs the first revision after the stored version: an unsigned revision before it would
    // be a change nobody signed for.
    int before = 0;
    for (const RevisionChanges& revision : changes->revisions) {
        if (revision.firstSectionOffset < signature.signedRevisionEnd)
            ++before;
    }
    if (before != 1)
        return makeError(ErrorCode::UploadNotSignatureOnly,
            QStringLiteral("%1 revisions before the new signature's end, expected 1").arg(before));
    // Counts are cumulative: the signature's own revision adds it, later ones (B-LT, B-LTA) no other signature.
    const RevisionChanges& first = changes->revisions.front();
    const RevisionChanges& last = changes->revisions.back();
    if (first.signaturesAdded != 1 || last.signaturesAdded != 1)
        return makeError(ErrorCode::UploadSignatureCount,
            QStringLiteral("%1 then %2 signatures added, expected 1")
                .arg(first.signaturesAdded)
                .arg(last.signaturesAdded));
    if (first.timestampsAdded != 0 || first.dssChanged)
        return makeError(ErrorCode::UploadNotSignatureOnly,
            QStringLiteral("validation data inside the signed revision instead of after it"));
    if (first.fieldsFilled != 0 || first.emptySignatureFieldsAdded != 0 || first.annotationsChanged != 0) {
        for (const ObjectChange& change : changes->changes) {
            if (change.level == ModificationLevel::FormFilling && change.what != QLatin1String("signature field")
                && change.what != QLatin1String("AcroForm"))
                return notSignatureOnly(change);
        }
        return makeError(ErrorCode::UploadNotSignatureOnly, QStringLiteral("form fields changed"));
    }
    // After the signature: validation data only.
    for (const ObjectChange& change : signature.changes.changes) {
        if (change.level > ModificationLevel::LtaUpdates)
            return notSignatureOnly(change);
    }
    return added;
}

} // namespace ikkatsu
