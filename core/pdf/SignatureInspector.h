// Finds and verifies every signature of a PDF (the verifier of the product; pdfsig is the independent one).
#pragma once

#include "common/Result.h"
#include "crypto/Certificate.h"
#include "pdf/DifferenceAnalysis.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <algorithm>
#include <array>
#include <optional>

namespace ikkatsu {

enum class SignatureVerdict {
    Valid, // cryptographically valid, covering its revision, signer chains to a trust anchor
    ValidUntrusted, // valid, but the signer does not chain to a given trust anchor (or none were given)
    Invalid, // see SignatureReport::problem
};

QString signatureVerdictName(SignatureVerdict verdict); // "valid" / "valid-untrusted" / "invalid"

// The main indication of ETSI EN 319 102-1 §5.1.3.
enum class Indication { TotalPassed, Indeterminate, TotalFailed };
QString indicationName(Indication indication); // "TOTAL-PASSED" / "INDETERMINATE" / "TOTAL-FAILED"
// Translated labels for people (context "SignatureInspector").
QString indicationLabel(Indication indication);
QString modificationLevelLabel(pdf::ModificationLevel level);

// Sub-indications used here (ETSI EN 319 102-1 §5.1.3, table 5 and 6).
namespace subindication {
inline constexpr const char* FormatFailure = "FORMAT_FAILURE";
inline constexpr const char* HashFailure = "HASH_FAILURE";
inline constexpr const char* SigCryptoFailure = "SIG_CRYPTO_FAILURE";
inline constexpr const char* SigConstraintsFailure = "SIG_CONSTRAINTS_FAILURE"; // a change DocMDP/FieldMDP forbid
inline constexpr const char* Revoked = "REVOKED";
inline constexpr const char* NoCertificateChainFound = "NO_CERTIFICATE_CHAIN_FOUND";
inline constexpr const char* OutOfBoundsNoPoe = "OUT_OF_BOUNDS_NO_POE";
inline constexpr const char* SignedDataNotFound = "SIGNED_DATA_NOT_FOUND";
} // namespace subindication

struct SignatureReport
{
    QString fieldName;
    QString signerName; // the signer certificate's CN
    QString signerSubject; // RFC 2253
    Certificate signerCertificate;
    QDateTime claimedSigningTime; // /M of the signature dictionary
    QString subFilter; // e.g. ETSI.CAdES.detached
    QString reason;
    QString location;
    std::array<qint64, 4> byteRange {};
    qint64 signedRevisionEnd = 0; // byteRange[2] + byteRange[3]
    bool coversWholeDocument = false;
    int laterRevisions = 0; // incremental updates appended after this signature's revision
    // PAdES baseline level proven: "B-B"; "B-T" with a verified signature-time-stamp; "B-LT" when the /DSS also
    // holds what validates the signer's and the TSA's chains offline; "B-LTA" when a document timestamp covers that
    // /DSS. Empty for a document timestamp.
    QString level;
    bool documentTimestamp = false; // a /DocTimeStamp (ETSI.RFC3161): signerName is its TSA, timestampTime its time
    // Until when the signature stays verifiable with what the file holds: the certificate of the newest timestamp
    // covering it (at B-B, the signer's) expires then. Archive renewal must happen before.
    QDateTime validUntil;
    QList<Certificate> certificates; // those the signature carries: its chain and its timestamp's
    Certificate timestampCertificate; // the TSA of a verified signature-time-stamp (B-T)
    QDateTime timestampTime; // the genTime a verified timestamp proves (B-T)
    bool timestampTrusted = false; // its TSA chains to a trust anchor
    std::optional<Error>
        timestampProblem; // why a timestamp present in the signature was not accepted (then level is B-B)
    SignatureVerdict verdict = SignatureVerdict::Invalid;
    Error problem; // why Invalid or ValidUntrusted; meaningless when Valid

    Indication indication = Indication::TotalFailed;
    QString subIndication; // empty when TOTAL-PASSED
    bool certification = false; // this signature certifies the document (/Reference with DocMDP)
    int docMdpPermission = 0; // the /P in force for the document: 1–3, or 0 when not certified
    // What the revisions after this signature did, and the most they may do (by DocMDP, or form filling and
    // signing for a document that is not certified).
    pdf::ModificationLevel modificationLevel = pdf::ModificationLevel::None;
    pdf::ModificationLevel allowedLevel = pdf::ModificationLevel::FormFilling;
    pdf::DifferenceReport changes; // every later change, explained or not
    std::vector<pdf::ObjectChange> disallowedChanges; // the changes above allowedLevel
};

// How a file is inspected.
struct InspectionOptions
{
    // Validate as of this time (e.g. a future date: "will this still verify in year 15?") with only what the file
    // holds: each signature's and timestamp's certificates must be valid then, or a later document timestamp that is
    // itself valid then must prove it existed while they were valid and not revoked per the /DSS (its revision must
    // hold their revocation data). Invalid (the default): each signature at the time it proves, as before.
    QDateTime validationTime;
    QByteArray password; // the user password of a document that needs one (see PdfReader::open)
};

struct InspectionReport
{
    qint64 fileSize = 0;
    QDateTime validationTime; // InspectionOptions::validationTime, when one was given
    int revisions = 0;
    QList<SignatureReport> signatures; // in the order they were applied (oldest first), document timestamps too

    // Signatures only: document timestamps sign for nobody.
    int signatureCount() const
    {
        return int(std::count_if(signatures.begin(), signatures.end(),
            [](const SignatureReport& signature) { return !signature.documentTimestamp; }));
    }
};

class SignatureInspector
{
public:
    // Structural errors of the file itself (PdfNotPdf, PdfMalformed, PdfXrefBroken, InputFileUnreadable) fail
    // the whole call; problems of individual signatures are reported per signature.
    // `password` opens a document that needs a user password (see PdfReader::open).
    static Result<InspectionReport> inspectFile(
        const QString& path, const QList<Certificate>& trustAnchors, const QByteArray& password = {});
    // The same with options; with a validation time, what is not verifiable then is Invalid with
    // SignatureNotProvenAt (INDETERMINATE / OUT_OF_BOUNDS_NO_POE) or CertificateRevoked (TOTAL-FAILED / REVOKED).
    static Result<InspectionReport> inspectFile(
        const QString& path, const QList<Certificate>& trustAnchors, const InspectionOptions& options);
};

} // namespace ikkatsu
