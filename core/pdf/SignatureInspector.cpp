// Verifies every signature of a PDF: ByteRange shape, revision boundary, CMS digest and signature, signer chain.
#include "pdf/SignatureInspector.h"

#include "crypto/Cades.h"
#include "pdf/PdfCatalog.h"
#include "pdf/PdfReader.h"
#include "pdf/PdfText.h"

#include <algorithm>

namespace ikkatsu {

using namespace pdf;

namespace {

// Each signature hashes (nearly) the whole file: without a ceiling a hostile upload with thousands of signature
// fields would make the server hash gigabytes. Real documents carry a handful.
constexpr int kMaxSignatures = 256;

bool storedPlainly(const PdfReader& reader, PdfRef ref)
{
    const std::optional<XrefEntry> entry = reader.lookup(ref.number);
    return entry && entry->type == XrefEntryType::InFile;
}

SignatureReport inspectSignature(PdfReader& reader, const SignatureField& field, const QList<Certificate>& trustAnchors)
{
    SignatureReport report;
    report.fieldName = field.name;
    const PdfObject& signature = field.value;
    report.subFilter = QString::fromLatin1(signature.get("SubFilter").bytes());
    report.reason = decodeTextString(signature.get("Reason").bytes());
    report.location = decodeTextString(signature.get("Location").bytes());
    report.claimedSigningTime = parsePdfDate(signature.get("M").bytes());
    auto invalid = [&report](ErrorCode code, const QString& detail) {
        report.verdict = SignatureVerdict::Invalid;
        report.problem = makeError(code, detail);
        return report;
    };

    const PdfObject& byteRange = signature.get("ByteRange");
    bool rangeNumbers = byteRange.isArray() && byteRange.items().size() == 4;
    for (int k = 0; rangeNumbers && k < 4; ++k) {
        rangeNumbers = byteRange.items()[k].isInteger() && byteRange.items()[k].toInteger() >= 0;
        if (rangeNumbers)
            report.byteRange[k] = byteRange.items()[k].toInteger();
    }
    const auto& range = report.byteRange;
    if (rangeNumbers)
        report.signedRevisionEnd = range[2] + range[3];

    if (report.subFilter != QLatin1String("ETSI.CAdES.detached")
        && report.subFilter != QLatin1String("adbe.pkcs7.detached"))
        return invalid(ErrorCode::PdfUnsupported, QStringLiteral("unsupported /SubFilter %1").arg(report.subFilter));
    if (!rangeNumbers)
        return invalid(ErrorCode::ByteRangeInvalid, QStringLiteral("/ByteRange is not four non-negative integers"));
    if (range[0] != 0 || range[1] <= 0 || range[2] <= range[1] || range[2] > reader.fileSize()
        || range[3] > reader.fileSize() - range[2])
        return invalid(ErrorCode::ByteRangeInvalid,
            QStringLiteral("/ByteRange [%1 %2 %3 %4] does not fit the file")
                .arg(range[0])
                .arg(range[1])
                .arg(range[2])
                .arg(range[3]));
    // Offsets only mean something for a dictionary stored as plain bytes in the file.
    const PdfRef holder = field.valueRef.isNull() ? field.fieldRef : field.valueRef;
    if (holder.isNull() || !storedPlainly(reader, holder))
        return invalid(ErrorCode::ByteRangeInvalid, QStringLiteral("the signature dictionary is not stored plainly"));
    const PdfObject& contents = signature.get("Contents");
    if (!contents.isString() || !contents.isHexString())
        return invalid(ErrorCode::ByteRangeInvalid, QStringLiteral("/Contents is not a hex string"));
    if (contents.sourceStart() != range[1] || contents.sourceEnd() != range[2])
        return invalid(ErrorCode::ByteRangeInvalid,
            QStringLiteral("the /ByteRange gap [%1, %2) is not the /Contents string [%3, %4)")
                .arg(range[1])
                .arg(range[2])
                .arg(contents.sourceStart())
                .arg(contents.sourceEnd()));
    if (!reader.isRevisionEnd(report.signedRevisionEnd))
        return invalid(ErrorCode::ByteRangeInvalid,
            QStringLiteral("the signed range ends at %1, which is not the end of a revision")
                .arg(report.signedRevisionEnd));
    report.coversWholeDocument = report.signedRevisionEnd == reader.fileSize();
    report.laterRevisions = reader.revisionsStartingAtOrAfter(report.signedRevisionEnd);

    Result<CmsSignature> cms = CmsSignature::parse(contents.bytes());
    if (!cms)
        return invalid(ErrorCode::SignatureInvalid, cms.error().detail);
    report.signerCertificate = cms->signerCertificate();
    if (!report.signerCertificate.isNull()) {
        report.signerName = report.signerCertificate.subject().commonName;
        report.signerSubject = report.signerCertificate.subjectText();
    }
    Digest digest(cms->digestAlgorithm());
    if (!digest.isValid())
        return invalid(ErrorCode::SignatureInvalid,
            QStringLiteral("unsupported digest algorithm %1").arg(QString::fromLatin1(cms->digestAlgorithm())));
    Status hashed = digest.updateFromFile(reader.file(), 0, range[1]);
    if (hashed)
        hashed = digest.updateFromFile(reader.file(), range[2], range[3]);
    if (!hashed)
        return invalid(hashed.error().code, hashed.error().detail);
    const Status verified = cms->verify(digest.final());
    if (!verified)
        return invalid(verified.error().code, verified.error().detail);
    report.level = QStringLiteral("B-B");
    if (!cms->timestampToken().isEmpty()) {
        const Result<TimestampInfo> stamp = cms->verifyTimestamp(trustAnchors);
        if (stamp) {
            report.level = QStringLiteral("B-T");
            report.timestampTime = stamp->genTime;
            report.timestampTrusted = stamp->trusted;
        } else {
            report.timestampProblem = stamp.error();
        }
    }

    if (trustAnchors.isEmpty()) {
        report.verdict = SignatureVerdict::ValidUntrusted;
        report.problem = makeError(ErrorCode::SignerUntrusted, QStringLiteral("no trust anchors were given"));
        return report;
    }
    // A verified timestamp proves when the signature existed; /M is only what the signer claims.
    const QDateTime at = report.timestampTime.isValid() ? report.timestampTime
        : report.claimedSigningTime.isValid()           ? report.claimedSigningTime
                                                        : QDateTime::currentDateTimeUtc();
    const Status trusted = verifyCertificateChain(report.signerCertificate, cms->certificates(), trustAnchors, at);
    if (!trusted) {
        report.verdict = SignatureVerdict::ValidUntrusted;
        report.problem = trusted.error();
        return report;
    }
    report.verdict = SignatureVerdict::Valid;
    return report;
}

} // namespace

QString signatureVerdictName(SignatureVerdict verdict)
{
    switch (verdict) {
    case SignatureVerdict::Valid:
        return QStringLiteral("valid");
    case SignatureVerdict::ValidUntrusted:
        return QStringLiteral("valid-untrusted");
    case SignatureVerdict::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

Result<InspectionReport> SignatureInspector::inspectFile(const QString& path, const QList<Certificate>& trustAnchors)
{
    Result<std::unique_ptr<PdfReader>> opened = PdfReader::open(path);
    if (!opened)
        return opened.error();
    PdfReader& reader = **opened;
    // Encrypted strings (/Reason, /M…) cannot be read without the key; say so instead of reporting garbage.
    if (reader.isEncrypted())
        return makeError(ErrorCode::PdfEncrypted, QStringLiteral("the trailer has /Encrypt"));
    Result<PdfObject> catalog = reader.object(reader.rootRef());
    if (!catalog)
        return catalog.error();
    if (!catalog->isDictionary())
        return makeError(ErrorCode::PdfMalformed, QStringLiteral("the document catalog is not a dictionary"));
    Result<std::vector<SignatureField>> fields = findSignatureFields(reader, *catalog);
    if (!fields)
        return fields.error();

    if (fields->size() > size_t(kMaxSignatures))
        return makeError(ErrorCode::PdfUnsupported,
            QStringLiteral("%1 signatures; at most %2 are inspected").arg(fields->size()).arg(kMaxSignatures));

    InspectionReport report;
    report.fileSize = reader.fileSize();
    report.revisions = reader.revisionCount();
    for (const SignatureField& field : *fields)
        report.signatures.append(inspectSignature(reader, field, trustAnchors));
    std::stable_sort(report.signatures.begin(), report.signatures.end(),
        [](const SignatureReport& a, const SignatureReport& b) { return a.signedRevisionEnd < b.signedRevisionEnd; });
    return report;
}

} // namespace ikkatsu
