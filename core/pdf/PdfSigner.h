// Adds one PAdES signature to a PDF as a clean incremental update; the input stays a byte-for-byte prefix.
#pragma once

#include "common/AtomicFile.h"
#include "common/Result.h"
#include "crypto/Cades.h"
#include "crypto/Revocation.h"
#include "pdf/SealAppearance.h"

#include <QDateTime>
#include <QString>

#include <array>
#include <memory>
#include <optional>

namespace ikkatsu {

struct SignatureOptions
{
    QString name; // /Name (defaults to the certificate's CN)
    QString reason; // /Reason, e.g. 承認
    QString location; // /Location
    QString contactInfo; // /ContactInfo
    QDateTime signingTime = QDateTime::currentDateTimeUtc(); // /M: the signing time the signer claims
    // 1–3: a certification signature (ISO 32000-2 §12.8.2.2) whose DocMDP /P allows no changes (1), form filling
    // and signing (2), or annotations too (3). Only the first signature of a document may certify it.
    int certify = 0;
    // A visible signature: the widget's /AP /N shows this seal (built once per batch, shared between threads).
    std::shared_ptr<const pdf::SealAppearance> seal;
    int sealPage = 1; // 1-based; -1 is the last page
    // X1, Y1, X2, Y2 in PDF points of the page's user space; none: the bottom-right corner of the page.
    std::optional<std::array<double, 4>> sealRect;
    // Sign into this existing empty signature field (fully qualified name, "parent.child"; its one widget's /Rect
    // holds the seal) instead of adding one. SealFieldNotFound when the document has no such empty field,
    // FieldNotSignatureField when the field of that name is another kind, SignatureFieldWidgetCount when it has no
    // widget or several.
    QString fieldName;
    // The user password of an encrypted document (bytes as typed: UTF-8 for AES-256, Latin-1 for the older
    // revisions). Empty opens owner-password-only documents; a document that opens with the empty password
    // also signs when a (wrong) password is given, so that one password can serve a mixed batch.
    QByteArray password;
    // PAdES B-LT (needs a timestamping CadesSigner, B-T): a revision after the signature's adds to the /DSS the
    // certificates and OCSP responses or CRLs that validate the signer's and its TSA's chains offline; a batch shares
    // one collector so that each certificate's status is fetched once. OCSP/CRL outages fail the file, nothing written.
    std::shared_ptr<const ValidationDataCollector> validationData;
    // PAdES B-LTA: then a document timestamp (/DocTimeStamp, ETSI.RFC3161) over all of it, from this authority.
    CadesSigner::TimestampFetcher archiveTimestamp;
};

struct SignOutcome
{
    QString outputPath;
    qint64 inputSize = 0;
    qint64 outputSize = 0;
    QString fieldName; // the signature field's fully qualified name
};

// A signed file written completely and self-checked, but not yet in place: commit() (or AtomicFile::commitAll for
// many) puts it there; dropping it leaves no trace.
struct PreparedSignature
{
    AtomicFile file;
    SignOutcome outcome;
};

class PdfSigner
{
public:
    // Everything signFile does except the final commit, so that a batch can commit many files with one sync.
    static Result<PreparedSignature> prepareFile(const QString& inputPath, const QString& outputPath,
        const CadesSigner& signer, const SignatureOptions& options);

    // Signs `inputPath` into `outputPath` (written atomically; may equal inputPath to sign in place).
    // Encrypted documents (standard security handler) are signed with their own key: the update's strings are
    // encrypted, /Encrypt and /ID stay. Pre-flight refuses documents that need a user password that was not
    // given (PdfEncrypted) or was wrong (PdfPasswordWrong), other encryption (PdfEncryptionUnsupported),
    // permissions without form filling (PdfPermissionDenied), certified documents that allow no change
    // (PdfLockedByDocMdp), an earlier signature's FieldMDP lock on the document or on the field to fill
    // (PdfLockedBySignature), and damaged ones (PdfNotPdf, PdfMalformed, PdfXrefBroken) before anything is written;
    // with a seal also a missing page (SealPageOutOfRange) or a rectangle off the page (SealRectInvalid).
    // The new revision is self-checked before it is committed (SelfVerificationFailed otherwise).
    static Result<SignOutcome> signFile(const QString& inputPath, const QString& outputPath, const CadesSigner& signer,
        const SignatureOptions& options);

    // Keeps a signed document verifiable (archive renewal, or B-T made B-LTA later): adds to the /DSS the validation
    // data of every signature's and document timestamp's chain, then a new document timestamp over everything.
    // Written atomically to `outputPath` (may equal `inputPath`); NoSignature for a document without signatures.
    static Result<SignOutcome> addArchiveTimestamp(const QString& inputPath, const QString& outputPath,
        const ValidationDataCollector& collector, const CadesSigner::TimestampFetcher& fetcher,
        const QByteArray& password = {});
};

} // namespace ikkatsu
