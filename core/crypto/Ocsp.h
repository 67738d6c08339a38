// RFC 6960 certificate status: the server's responder and the client's request and response check.
#pragma once

#include "common/Result.h"
#include "crypto/Certificate.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace ikkatsu {

enum class OcspCertStatus { Good, Revoked, Unknown };

struct OcspStatus
{
    OcspCertStatus status = OcspCertStatus::Unknown;
    QDateTime revokedAt; // when Revoked
    int reason = 0; // RFC 5280 CRLReason; 0 (unspecified) is not written
};

// Answers OCSP requests about one issuer's certificates with a delegated responder key (its certificate issued by
// that issuer with EKU OCSPSigning and id-pkix-ocsp-nocheck). Thread-safe.
class OcspResponder
{
public:
    static Result<OcspResponder> create(PrivateKey key, Certificate responder, Certificate issuer);
    ~OcspResponder();
    OcspResponder(OcspResponder&&) noexcept;
    OcspResponder& operator=(OcspResponder&&) noexcept;

    // The status of the issuer's certificate with this serial (upper-case hex, no leading zeros).
    using Lookup = std::function<Result<OcspStatus>(const QString& serialHex)>;
    // A DER OCSPResponse for a DER OCSPRequest: malformedRequest for garbage (an answer, not an error), unknown for
    // certificates of other issuers, the request's nonce echoed. Errors only when the lookup or signing fails.
    // At most kMaxEntries certificates per request.
    Result<QByteArray> respond(const QByteArray& request, const Lookup& lookup, const QDateTime& now = {}) const;

    static constexpr int kMaxEntries = 32;
    static constexpr int kValiditySeconds = 3600; // nextUpdate - thisUpdate

private:
    OcspResponder();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// A DER OCSPRequest for `subject` (issued by `issuer`), SHA-1 CertID as RFC 5019 asks, with a nonce.
Result<QByteArray> createOcspRequest(const Certificate& subject, const Certificate& issuer);

struct OcspResult
{
    OcspStatus status;
    QDateTime producedAt;
    QDateTime thisUpdate;
    QDateTime nextUpdate;
    Certificate responder;
};

// Checks a DER OCSPResponse about `subject`: successful, signed by the issuer or a responder it authorised and
// chaining to `trustAnchors` at `at` (OcspResponderUntrusted), answering for `subject` and — with `request` — echoing
// its nonce (OcspResponseInvalid), current at `at` (now when invalid).
Result<OcspResult> verifyOcspResponse(const QByteArray& response, const Certificate& subject, const Certificate& issuer,
    const QList<Certificate>& trustAnchors, const QByteArray& request = {}, const QDateTime& at = {});

// Whether verifyStoredOcspResponse may answer from the process-wide memory of its verdicts (Remembered: a document's
// stored answers are checked for each of its certificates, on every upload and at each document timestamp) or must
// check the response again (Checked: the reference Remembered must agree with, for tests and benchmarks).
enum class StoredOcspVerdict { Remembered, Checked };

// The same checks for a response kept in a document (PAdES B-LT): the responder's chain is verified at the time the
// response was produced, and whether it is current is left to the caller, who knows the time it must speak for.
// The verdict depends on nothing but the arguments: it is remembered by the exact bytes of the response, `subject`,
// `issuer` and every trust anchor (in order), for a bounded number of recent checks; only verdicts that do not
// depend on the process's state (an allocation failure does) are remembered.
Result<OcspResult> verifyStoredOcspResponse(const QByteArray& response, const Certificate& subject,
    const Certificate& issuer, const QList<Certificate>& trustAnchors,
    StoredOcspVerdict verdict = StoredOcspVerdict::Remembered);

// How often verifyStoredOcspResponse answered from memory and how often it checked for it, since the process started.
struct StoredOcspVerdictCounts
{
    quint64 hits = 0;
    quint64 misses = 0;
};
StoredOcspVerdictCounts storedOcspVerdictCounts();

} // namespace ikkatsu
