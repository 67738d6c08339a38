// Verifies every signature of a PDF: ByteRange shape, revision boundary, CMS digest and signature, signer chain.
#include "pdf/SignatureInspector.h"

#include "crypto/Cades.h"
#include "crypto/Revocation.h"
#include "crypto/Timestamp.h"
#include "pdf/DocumentSecurityStore.h"
#include "pdf/PdfCatalog.h"
#include "pdf/PdfReader.h"
#include "pdf/PdfText.h"

#include <QCoreApplication>

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

bool certifies(PdfReader& reader, const PdfObject& signature)
{
    Result<PdfObject> references = reader.resolve(signature.get("Reference"));
    if (!references || !references->isArray())
        return false;
    for (const PdfObject& item : references->items()) {
        Result<PdfObject> reference = reader.resolve(item);
        if (reference && reference->isDictionary() && reference->get("TransformMethod").isName("DocMDP"))
            return true;
    }
    return false;
}

ModificationLevel allowedBy(int docMdp)
{
    switch (docMdp) {
    case 1:
        return ModificationLevel::LtaUpdates;
    case 3:
        return ModificationLevel::Annotations;
    default:
        // P=2, and the product's rule for approval signatures in documents nobody certified: signing and form
        // filling may follow a signature, nothing else (an added annotation can cover what was signed).
        return ModificationLevel::FormFilling;
    }
}

void fail(SignatureReport& report, Indication indication, const char* subIndication, const Error& problem)
{
    report.indication = indication;
    report.subIndication = QString::fromLatin1(subIndication);
    report.problem = problem;
    report.verdict = indication == Indication::Indeterminate && problem.code == ErrorCode::SignerUntrusted
        ? SignatureVerdict::ValidUntrusted
        : SignatureVerdict::Invalid;
}

// What the revisions after a signature changed; false (and the report failed) when that is more than allowed.
bool laterChangesAllowed(PdfReader& reader, const QString& path, const PdfObject& signature, SignatureReport& report)
{
    if (!report.coversWholeDocument) {
        Result<DifferenceReport> changes
            = DifferenceAnalysis::analyze(path, reader, report.signedRevisionEnd, fieldMdpPolicy(reader, signature));
        if (!changes) {
            fail(report, Indication::TotalFailed, subindication::FormatFailure, changes.error());
            return false;
        }
        report.changes = std::move(changes).value();
        report.modificationLevel = report.changes.level;
        report.disallowedChanges = report.changes.beyond(report.allowedLevel);
        if (!report.disallowedChanges.empty()) {
            const ObjectChange& first = report.disallowedChanges.front();
            fail(report, Indication::TotalFailed, subindication::SigConstraintsFailure,
                makeError(ErrorCode::SignatureModified,
                    QStringLiteral("object %1 (%2): %3%4")
                        .arg(first.number)
                        .arg(first.what, first.change,
                            report.disallowedChanges.size() > 1
                                ? QStringLiteral(" and %1 more").arg(report.disallowedChanges.size() - 1)
                                : QString())));
            return false;
        }
    }
    return true;
}

// A document timestamp (ISO 32000-2 §12.8.5): its token's imprint must be the digest of the /ByteRange.
SignatureReport inspectDocumentTimestamp(PdfReader& reader, const QString& path, const PdfObject& signature,
    const QByteArray& token, const QList<Certificate>& trustAnchors, SignatureReport report)
{
    report.documentTimestamp = true;
    const Result<TimestampInfo> parsed = parseTimestampToken(token);
    if (!parsed) {
        fail(report, Indication::TotalFailed, subindication::FormatFailure,
            makeError(ErrorCode::DocumentTimestampInvalid, parsed.error().detail));
        return report;
    }
    report.signerCertificate = parsed->tsaCertificate;
    report.signerName = parsed->tsaCertificate.subject().commonName;
    report.signerSubject = parsed->tsaCertificate.subjectText();
    report.certificates = parsed->certificates;
    Digest digest(parsed->imprintAlgorithm);
    if (!digest.isValid()) {
        fail(report, Indication::TotalFailed, subindication::FormatFailure,
            makeError(ErrorCode::DocumentTimestampInvalid,
                QStringLiteral("unsupported imprint algorithm %1").arg(QString::fromLatin1(parsed->imprintAlgorithm))));
        return report;
    }
    const auto& range = report.byteRange;
    Status hashed = digest.updateFromFile(reader.file(), 0, range[1]);
    if (hashed)
        hashed = digest.updateFromFile(reader.file(), range[2], range[3]);
    if (!hashed) {
        fail(report, Indication::TotalFailed, subindication::FormatFailure, hashed.error());
        return report;
    }
    const Result<TimestampInfo> stamp
        = verifyTimestampToken(token, digest.final(), trustAnchors, {}, parsed->imprintAlgorithm);
    if (!stamp && stamp.error().code != ErrorCode::TimestampUntrusted) {
        const char* sub = stamp.error().code == ErrorCode::TimestampImprintMismatch ? subindication::HashFailure
                                                                                    : subindication::SigCryptoFailure;
        fail(report, Indication::TotalFailed, sub, stamp.error());
        return report;
    }
    report.timestampTime = parsed->genTime;
    report.validUntil = parsed->tsaCertificate.notAfter();
    if (!laterChangesAllowed(reader, path, signature, report))
        return report;
    if (!stamp || !stamp->trusted) {
        fail(report, Indication::Indeterminate, subindication::NoCertificateChainFound,
            stamp ? makeError(ErrorCode::SignerUntrusted, QStringLiteral("no trust anchors were given"))
                  : stamp.error());
        report.verdict = SignatureVerdict::ValidUntrusted;
        return report;
    }
    report.timestampTrusted = true;
    report.indication = Indication::TotalPassed;
    report.subIndication.clear();
    report.verdict = SignatureVerdict::Valid;
    return report;
}

SignatureReport inspectSignature(PdfReader& reader, const QString& path, const SignatureField& field,
    const QList<Certificate>& trustAnchors, int docMdp, const QDateTime& validationTime)
{
    SignatureReport report;
    report.fieldName = field.name;
    const PdfObject& signature = field.value;
    report.subFilter = QString::fromLatin1(signature.get("SubFilter").bytes());
    report.reason = decodeTextString(signature.get("Reason").bytes());
    report.location = decodeTextString(signature.get("Location").bytes());
    report.claimedSigningTime = parsePdfDate(signature.get("M").bytes());
    report.docMdpPermission = docMdp;
    report.certification = certifies(reader, signature);
    report.allowedLevel = allowedBy(docMdp);
    auto invalid = [&report](ErrorCode code, const QString& detail) {
        const char* sub = code == ErrorCode::SignatureDigestMismatch || code == ErrorCode::TimestampImprintMismatch
            ? subindication::HashFailure
            : code == ErrorCode::SignatureInvalid ? subindication::SigCryptoFailure
                                                  : subindication::FormatFailure;
        fail(report, Indication::TotalFailed, sub, makeError(code, detail));
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
        && report.subFilter != QLatin1String("adbe.pkcs7.detached")
        && report.subFilter != QLatin1String("ETSI.RFC3161")) {
        fail(report, Indication::Indeterminate, subindication::FormatFailure,
            makeError(ErrorCode::PdfUnsupported, QStringLiteral("unsupported /SubFilter %1").arg(report.subFilter)));
        return report;
    }
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

    if (report.subFilter == QLatin1String("ETSI.RFC3161"))
        return inspectDocumentTimestamp(reader, path, signature, contents.bytes(), trustAnchors, std::move(report));

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
    report.certificates = cms->certificates();
    report.validUntil = report.signerCertificate.notAfter();
    if (!cms->timestampToken().isEmpty()) {
        const Result<TimestampInfo> stamp = cms->verifyTimestamp(trustAnchors);
        if (stamp) {
            report.level = QStringLiteral("B-T");
            report.timestampTime = stamp->genTime;
            report.timestampTrusted = stamp->trusted;
            report.timestampCertificate = stamp->tsaCertificate;
            report.validUntil = stamp->tsaCertificate.notAfter();
            for (const Certificate& certificate : stamp->certificates) {
                if (!report.certificates.contains(certificate))
                    report.certificates.append(certificate);
            }
        } else {
            report.timestampProblem = stamp.error();
        }
    }

    // What happened after signing: a valid signature over a revision the viewer no longer shows is worthless.
    if (!laterChangesAllowed(reader, path, signature, report))
        return report;

    if (trustAnchors.isEmpty()) {
        fail(report, Indication::Indeterminate, subindication::NoCertificateChainFound,
            makeError(ErrorCode::SignerUntrusted, QStringLiteral("no trust anchors were given")));
        return report;
    }
    // A verified timestamp proves when the signature existed; /M is only what the signer claims.
    const QDateTime at = report.timestampTime.isValid() ? report.timestampTime
        : report.claimedSigningTime.isValid()           ? report.claimedSigningTime
        : validationTime.isValid()                      ? validationTime
                                                        : QDateTime::currentDateTimeUtc();
    const Status trusted = verifyCertificateChain(report.signerCertificate, cms->certificates(), trustAnchors, at);
    if (!trusted) {
        const ErrorCode code = trusted.error().code;
        if (code == ErrorCode::CertificateRevoked)
            fail(report, Indication::TotalFailed, subindication::Revoked, trusted.error());
        else if (code == ErrorCode::CertificateExpired || code == ErrorCode::CertificateNotYetValid)
            fail(report, Indication::Indeterminate, subindication::OutOfBoundsNoPoe, trusted.error());
        else
            fail(report, Indication::Indeterminate, subindication::NoCertificateChainFound, trusted.error());
        // Untrusted but intact: the caller may accept it without a trust list (valid-untrusted).
        report.verdict = SignatureVerdict::ValidUntrusted;
        if (code == ErrorCode::CertificateRevoked)
            report.verdict = SignatureVerdict::Invalid;
        return report;
    }
    report.indication = Indication::TotalPassed;
    report.subIndication.clear();
    report.verdict = SignatureVerdict::Valid;
    return report;
}

constexpr int kMaxStoredAnswers = 64; // OCSP responses and CRLs tried per certificate

// What `store` says about `certificate` in the OCSP answers of `issuer` (or its responder) that know it and the CRLs
// `issuer` signed: revoked when any says so (the earliest time given; a revocation is never undone, and renewals add
// newer answers beside older ones), good when one says so, none when the store holds neither.
std::optional<OcspStatus> storedStatus(const ValidationData& store, const Certificate& certificate,
    const Certificate& issuer, const QList<Certificate>& anchors)
{
    std::optional<OcspStatus> status;
    auto take = [&status](const OcspStatus& said) {
        if (!status
            || (said.status == OcspCertStatus::Revoked
                && (status->status != OcspCertStatus::Revoked || said.revokedAt < status->revokedAt)))
            status = said;
    };
    for (int k = 0; k < std::min<int>(kMaxStoredAnswers, store.ocspResponses.size()); ++k) {
        const Result<OcspResult> answer
            = verifyStoredOcspResponse(store.ocspResponses[k], certificate, issuer, anchors);
        if (answer && answer->status.status != OcspCertStatus::Unknown)
            take(answer->status);
    }
    for (int k = 0; k < std::min<int>(kMaxStoredAnswers, store.crls.size()); ++k) {
        const Result<CrlInfo> list = verifyCrl(store.crls[k], issuer);
        if (list)
            take(list->statusOf(certificate));
    }
    return status;
}

// Whether `store` shows every certificate of `certificates` (trust anchors and self-signed roots aside) not revoked
// at `provenTime`: an OCSP response or CRL from its issuer saying good, or revoked only later (the timestamp proves
// the signature existed before). A revocation before `provenTime` is reported through `revoked`.
bool validatedBy(const ValidationData& store, const QList<Certificate>& certificates,
    const QList<Certificate>& trustAnchors, const QDateTime& provenTime, std::optional<Error>* revoked)
{
    QList<Certificate> pool = certificates + store.certificates;
    QList<Certificate> anchors = trustAnchors;
    if (anchors.isEmpty()) {
        for (const Certificate& certificate : pool) {
            if (certificate.isSelfSigned())
                anchors.append(certificate);
        }
    }
    for (const Certificate& certificate : certificates) {
        if (certificate.isSelfSigned() || trustAnchors.contains(certificate))
            continue;
        const auto issuer = std::find_if(pool.begin(), pool.end(), [&](const Certificate& candidate) {
            return candidate != certificate && certificate.isIssuedBy(candidate);
        });
        if (issuer == pool.end())
            return false;
        const std::optional<OcspStatus> status = storedStatus(store, certificate, *issuer, anchors);
        if (!status)
            return false;
        if (status->status == OcspCertStatus::Revoked && (!provenTime.isValid() || status->revokedAt <= provenTime)) {
            *revoked = makeError(ErrorCode::CertificateRevoked,
                QStringLiteral("%1 was revoked on %2")
                    .arg(certificate.subjectText(), status->revokedAt.toString(Qt::ISODate)));
            return false;
        }
    }
    return true;
}

// Raises B-T signatures to B-LT and B-LTA by what the /DSS holds and which document timestamps cover it.
void assessLongTerm(const QString& path, const QByteArray& password, PdfReader& reader, InspectionReport& report,
    const QList<Certificate>& trustAnchors)
{
    Result<ValidationData> whole = readDocumentSecurityStore(reader);
    if (!whole)
        return; // a damaged store validates nothing; the signatures keep the level they proved themselves
    QHash<qint64, ValidationData> storeAt; // the /DSS as each document timestamp saw it
    for (SignatureReport& signature : report.signatures) {
        if (signature.documentTimestamp || signature.level != QLatin1String("B-T")
            || signature.verdict == SignatureVerdict::Invalid)
            continue;
        std::optional<Error> revoked;
        if (!validatedBy(*whole, signature.certificates, trustAnchors, signature.timestampTime, &revoked)) {
            if (revoked) {
                fail(signature, Indication::TotalFailed, subindication::Revoked, *revoked);
                signature.verdict = SignatureVerdict::Invalid;
            }
            continue;
        }
        signature.level = QStringLiteral("B-LT");
        for (const SignatureReport& stamp : report.signatures) {
            if (!stamp.documentTimestamp || stamp.verdict == SignatureVerdict::Invalid
                || stamp.signedRevisionEnd <= signature.signedRevisionEnd)
                continue;
            if (!storeAt.contains(stamp.signedRevisionEnd)) {
                Result<std::unique_ptr<PdfReader>> then = PdfReader::open(path, stamp.signedRevisionEnd, password);
                Result<ValidationData> data
                    = then ? readDocumentSecurityStore(**then) : Result<ValidationData>(then.error());
                storeAt.insert(stamp.signedRevisionEnd, data ? *data : ValidationData {});
            }
            std::optional<Error> unused;
            if (validatedBy(storeAt.value(stamp.signedRevisionEnd), signature.certificates, trustAnchors,
                    signature.timestampTime, &unused)) {
                signature.level = QStringLiteral("B-LTA");
                break;
            }
        }
        if (signature.level == QLatin1String("B-LTA")) {
            // The newest document timestamp after the signature decides how long it stays verifiable.
            for (const SignatureReport& stamp : report.signatures) {
                if (stamp.documentTimestamp && stamp.verdict != SignatureVerdict::Invalid
                    && stamp.signedRevisionEnd > signature.signedRevisionEnd)
                    signature.validUntil = stamp.validUntil;
            }
        }
    }
}

// Validation at a chosen time (InspectionOptions::validationTime) with only what the file holds.

// A time at which a certificate is shown to hold: the validation time itself (`store` null: valid then, nothing
// more is needed), or the time a timestamp proves, with the /DSS that timestamp covers (its revocation data must be
// there, so that the timestamp proves it existed then).
struct Proof
{
    QDateTime time;
    const ValidationData* store = nullptr;
};

// storedStatus answers remembered per store and certificate: a hostile file's many timestamps and stored answers must
// not multiply the signature checks behind them.
class StatusCache
{
public:
    std::optional<OcspStatus> statusOf(const ValidationData& store, const Certificate& certificate,
        const Certificate& issuer, const QList<Certificate>& anchors)
    {
        const auto key = qMakePair(quintptr(&store), certificate.sha256Fingerprint());
        const auto known = m_known.constFind(key);
        if (known != m_known.constEnd())
            return *known;
        const std::optional<OcspStatus> status = storedStatus(store, certificate, issuer, anchors);
        m_known.insert(key, status);
        return status;
    }

private:
    QHash<QPair<quintptr, QByteArray>, std::optional<OcspStatus>> m_known;
};

// `leaf` and its issuers from `pool` up to a trust anchor or a self-signed certificate (bounded for hostile files).
QList<Certificate> chainOf(const Certificate& leaf, const QList<Certificate>& pool, const QList<Certificate>& anchors)
{
    QList<Certificate> chain;
    Certificate current = leaf;
    while (!current.isNull() && chain.size() < 16 && !chain.contains(current)) {
        chain.append(current);
        if (current.isSelfSigned() || anchors.contains(current))
            break;
        const auto issuer = std::find_if(pool.begin(), pool.end(),
            [&](const Certificate& candidate) { return candidate != current && current.isIssuedBy(candidate); });
        current = issuer == pool.end() ? Certificate() : *issuer;
    }
    return chain;
}

// Whether every certificate of `chain` held at `made` (when valid) and holds at one of `proofs`: valid then, not
// revoked by then per `whole` (the /DSS of the whole file), and — for a timestamp's proof — with its status in the
// store that timestamp covers. `revoked` says a revocation was what failed it.
bool chainHolds(const QList<Certificate>& chain, const QDateTime& made, const QList<Proof>& proofs,
    const ValidationData& whole, const QList<Certificate>& anchors, StatusCache& cache, QString* why, bool* revoked)
{
    for (int k = 0; k < chain.size(); ++k) {
        const Certificate& certificate = chain[k];
        const bool anchor = certificate.isSelfSigned() || anchors.contains(certificate);
        const Certificate issuer = k + 1 < chain.size() ? chain[k + 1] : Certificate();
        if (made.isValid() && (made < certificate.notBefore() || made > certificate.notAfter())) {
            *why = QStringLiteral("%1 was not valid on %2").arg(certificate.subjectText(), made.toString(Qt::ISODate));
            return false;
        }
        std::optional<OcspStatus> known;
        if (!anchor && !issuer.isNull())
            known = cache.statusOf(whole, certificate, issuer, anchors);
        bool held = false;
        bool revokedBefore = false;
        for (const Proof& proof : proofs) {
            if (proof.time < certificate.notBefore() || proof.time > certificate.notAfter())
                continue;
            if (known && known->status == OcspCertStatus::Revoked && known->revokedAt <= proof.time) {
                revokedBefore = true;
                continue;
            }
            if (proof.store && !anchor
                && (issuer.isNull() || !cache.statusOf(*proof.store, certificate, issuer, anchors)))
                continue;
            held = true;
            break;
        }
        if (!held) {
            *revoked = revokedBefore;
            *why = revokedBefore
                ? QStringLiteral("%1 was revoked on %2 and nothing proves it was used before")
                      .arg(certificate.subjectText(), known->revokedAt.toString(Qt::ISODate))
                : QStringLiteral("%1 (valid until %2) is not proven by a timestamp made while it was valid")
                      .arg(certificate.subjectText(), certificate.notAfter().toString(Qt::ISODate));
            return false;
        }
    }
    return true;
}

// Newest first: a document timestamp valid at `at` proves what it covers; each signature and older timestamp holds
// at `at` when its chains do, directly or through such a proof.
void assessAt(const QString& path, const QByteArray& password, PdfReader& reader, InspectionReport& report,
    const QList<Certificate>& trustAnchors, const QDateTime& at)
{
    Result<ValidationData> read = readDocumentSecurityStore(reader);
    const ValidationData whole = read ? *read : ValidationData {};
    QList<Certificate> pool = whole.certificates + trustAnchors;
    for (const SignatureReport& each : report.signatures)
        pool += each.certificates;
    // Without trust anchors the self-signed roots the file names stand in (the verdicts say untrusted already).
    QList<Certificate> anchors = trustAnchors;
    if (anchors.isEmpty()) {
        for (const Certificate& certificate : pool) {
            if (certificate.isSelfSigned() && !anchors.contains(certificate))
                anchors.append(certificate);
        }
    }
    // Sized once: the cache keys on their addresses.
    std::vector<ValidationData> stores(size_t(report.signatures.size()));
    StatusCache cache;
    std::vector<bool> good(size_t(report.signatures.size()), false);
    auto unproven = [](SignatureReport& item, const QString& why, bool revoked) {
        if (revoked)
            fail(item, Indication::TotalFailed, subindication::Revoked, makeError(ErrorCode::CertificateRevoked, why));
        else
            fail(item, Indication::Indeterminate, subindication::OutOfBoundsNoPoe,
                makeError(ErrorCode::SignatureNotProvenAt, why));
        item.verdict = SignatureVerdict::Invalid;
    };
    // The proofs later document timestamps give to what ends at `end`.
    auto proofsAfter = [&](qint64 end) {
        QList<Proof> proofs {{at, nullptr}};
        for (int k = 0; k < report.signatures.size(); ++k) {
            const SignatureReport& stamp = report.signatures[k];
            if (stamp.documentTimestamp && good[size_t(k)] && stamp.signedRevisionEnd > end)
                proofs.append({stamp.timestampTime, &stores[size_t(k)]});
        }
        return proofs;
    };
    for (int k = int(report.signatures.size()) - 1; k >= 0; --k) {
        SignatureReport& item = report.signatures[k];
        if (item.verdict == SignatureVerdict::Invalid)
            continue;
        QString why;
        bool revoked = false;
        if (item.documentTimestamp) {
            if (item.timestampTime > at) {
                unproven(item,
                    QStringLiteral("made on %1, after the date asked for")
                        .arg(item.timestampTime.toString(Qt::ISODate)),
                    false);
                continue;
            }
            Result<std::unique_ptr<PdfReader>> then = PdfReader::open(path, item.signedRevisionEnd, password);
            Result<ValidationData> data
                = then ? readDocumentSecurityStore(**then) : Result<ValidationData>(then.error());
            stores[size_t(k)] = data ? *data : ValidationData {};
            good[size_t(k)] = chainHolds(chainOf(item.signerCertificate, pool, anchors), item.timestampTime,
                proofsAfter(item.signedRevisionEnd), whole, anchors, cache, &why, &revoked);
            if (!good[size_t(k)])
                unproven(item, why, revoked);
            continue;
        }
        const QDateTime made = item.timestampTime.isValid() ? item.timestampTime : item.claimedSigningTime;
        if (made.isValid() && made > at) {
            unproven(
                item, QStringLiteral("made on %1, after the date asked for").arg(made.toString(Qt::ISODate)), false);
            continue;
        }
        QList<Proof> proofs = proofsAfter(item.signedRevisionEnd);
        // A signature-time-stamp that holds proves the signature existed at its time.
        if (!item.timestampCertificate.isNull()) {
            QString stampWhy;
            bool stampRevoked = false;
            if (chainHolds(chainOf(item.timestampCertificate, pool, anchors), item.timestampTime, proofs, whole,
                    anchors, cache, &stampWhy, &stampRevoked))
                proofs.append({item.timestampTime, &whole});
        }
        if (!chainHolds(
                chainOf(item.signerCertificate, pool, anchors), made, proofs, whole, anchors, cache, &why, &revoked))
            unproven(item, why, revoked);
    }
}

} // namespace

QString indicationName(Indication indication)
{
    switch (indication) {
    case Indication::TotalPassed:
        return QStringLiteral("TOTAL-PASSED");
    case Indication::Indeterminate:
        return QStringLiteral("INDETERMINATE");
    case Indication::TotalFailed:
        break;
    }
    return QStringLiteral("TOTAL-FAILED");
}

QString indicationLabel(Indication indication)
{
    switch (indication) {
    case Indication::TotalPassed:
        return QCoreApplication::translate("SignatureInspector", "Valid (TOTAL-PASSED)");
    case Indication::Indeterminate:
        return QCoreApplication::translate("SignatureInspector", "Indeterminate (INDETERMINATE)");
    case Indication::TotalFailed:
        break;
    }
    return QCoreApplication::translate("SignatureInspector", "Invalid (TOTAL-FAILED)");
}

QString modificationLevelLabel(ModificationLevel level)
{
    switch (level) {
    case ModificationLevel::None:
        return QCoreApplication::translate("SignatureInspector", "no changes");
    case ModificationLevel::LtaUpdates:
        return QCoreApplication::translate("SignatureInspector", "validation data and timestamps only");
    case ModificationLevel::FormFilling:
        return QCoreApplication::translate("SignatureInspector", "signing and form filling");
    case ModificationLevel::Annotations:
        return QCoreApplication::translate("SignatureInspector", "annotations");
    case ModificationLevel::Disallowed:
        break;
    }
    return QCoreApplication::translate("SignatureInspector", "changes no rule allows");
}

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

Result<InspectionReport> SignatureInspector::inspectFile(
    const QString& path, const QList<Certificate>& trustAnchors, const QByteArray& password)
{
    InspectionOptions options;
    options.password = password;
    return inspectFile(path, trustAnchors, options);
}

Result<InspectionReport> SignatureInspector::inspectFile(
    const QString& path, const QList<Certificate>& trustAnchors, const InspectionOptions& options)
{
    Result<std::unique_ptr<PdfReader>> opened = PdfReader::open(path, -1, options.password);
    if (!opened)
        return opened.error();
    PdfReader& reader = **opened;
    // Encrypted strings (/Reason, /M…) cannot be read without the key (the reader has it when the document
    // opens with the empty user password); say so instead of reporting garbage.
    IKK_TRY(reader.encryptionStatus());
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

    Result<int> docMdp = docMdpPermission(reader, *catalog);
    if (!docMdp)
        return docMdp.error();

    InspectionReport report;
    report.fileSize = reader.fileSize();
    report.revisions = reader.revisionCount();
    for (const SignatureField& field : *fields)
        report.signatures.append(inspectSignature(reader, path, field, trustAnchors, *docMdp, options.validationTime));
    std::stable_sort(report.signatures.begin(), report.signatures.end(),
        [](const SignatureReport& a, const SignatureReport& b) { return a.signedRevisionEnd < b.signedRevisionEnd; });
    assessLongTerm(path, options.password, reader, report, trustAnchors);
    report.validationTime = options.validationTime;
    if (options.validationTime.isValid())
        assessAt(path, options.password, reader, report, trustAnchors, options.validationTime);
    return report;
}

} // namespace ikkatsu
