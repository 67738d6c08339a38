// Decides whether a document's archive timestamp is due and renews it through PdfSigner::addArchiveTimestamp.
#include "pdf/ArchiveRenewal.h"

#include "crypto/Timestamp.h"
#include "pdf/PdfSigner.h"
#include "pdf/SignatureInspector.h"

namespace ikkatsu {

Result<ArchiveState> archiveState(const QString& path)
{
    Result<InspectionReport> report = SignatureInspector::inspectFile(path, {});
    IKK_TRY(report);
    ArchiveState state;
    state.signatures = report->signatureCount();
    // Oldest first: the last intact document timestamp is the newest.
    for (const SignatureReport& signature : report->signatures) {
        if (signature.documentTimestamp && signature.verdict != SignatureVerdict::Invalid)
            state.validUntil = signature.validUntil;
    }
    return state;
}

Result<ArchiveRenewalOutcome> renewArchiveIfDue(const QString& inputPath, const QString& outputPath,
    const ValidationDataCollector& collector, const CadesSigner::TimestampFetcher& fetcher,
    const ArchiveRenewalOptions& options)
{
    Result<ArchiveState> before = archiveState(inputPath);
    IKK_TRY(before);
    if (before->signatures == 0)
        return makeError(ErrorCode::NoSignature, QStringLiteral("nothing to keep: the document has no signature"));
    ArchiveRenewalOutcome outcome;
    outcome.previousValidUntil = before->validUntil;
    outcome.validUntil = before->validUntil;
    const QDateTime now = options.clock ? options.clock() : QDateTime::currentDateTimeUtc();
    const bool due = before->validUntil.isValid() ? before->validUntil <= now.addDays(options.marginDays)
                                                  : options.renewWithoutArchiveTimestamp;
    if (!due)
        return outcome;
    if (!fetcher)
        return makeError(ErrorCode::SignatureLevelUnsupported, QStringLiteral("no timestamp authority"));
    // One token first: an authority whose certificate ends no later than the current timestamp's would renew forever.
    Result<QByteArray> probe = fetcher(QByteArray(32, '\0'));
    IKK_TRY(probe);
    Result<TimestampInfo> authority = parseTimestampToken(*probe);
    if (!authority)
        return makeError(ErrorCode::TimestampResponseInvalid, authority.error().detail);
    const QDateTime reaches = authority->tsaCertificate.notAfter();
    if (reaches <= now.addDays(options.marginDays) || (before->validUntil.isValid() && reaches <= before->validUntil))
        return makeError(ErrorCode::ArchiveRenewalNotExtending,
            QStringLiteral("the authority's certificate %1 ends on %2")
                .arg(authority->tsaCertificate.subjectText(), reaches.toString(Qt::ISODate)));
    Result<SignOutcome> written = PdfSigner::addArchiveTimestamp(inputPath, outputPath, collector, fetcher);
    IKK_TRY(written);
    Result<ArchiveState> after = archiveState(outputPath);
    IKK_TRY(after);
    outcome.renewed = true;
    outcome.validUntil = after->validUntil;
    outcome.outputSize = written->outputSize;
    return outcome;
}

} // namespace ikkatsu
