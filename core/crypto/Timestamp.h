// RFC 3161 trusted time: requests, responses, token verification and the authority that issues tokens.
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

// How a structure that carries certificates (an RFC 3161 token, a CMS signature) decodes them. Cached: each distinct
// certificate (by its exact DER bytes) is decoded once per process and shared, read-only, by every structure that
// carries it; whatever is unusual (BER, other certificate choices, duplicates) falls back to Whole. Whole: OpenSSL
// decodes the whole structure, the reference Cached must agree with (tests and benchmarks compare the two).
enum class CertificateDecoding { Cached, Whole };

// A DER TimeStampReq over `sha256` (the digest of the data to be timestamped) asking for the TSA's certificate,
// with a random 64-bit nonce (returned through `nonce` when given).
Result<QByteArray> createTimestampRequest(const QByteArray& sha256, QByteArray* nonce = nullptr);

// Takes the TimeStampToken (DER ContentInfo) out of a DER TimeStampResp answering `request`: the status must be
// granted, the imprint and nonce those of the request. TimestampResponseInvalid otherwise.
Result<QByteArray> timestampTokenFromResponse(const QByteArray& response, const QByteArray& request);

struct TimestampInfo
{
    QDateTime genTime; // UTC, what the token proves
    QString serialHex; // upper-case hex
    QString policyOid;
    QByteArray imprintAlgorithm; // "SHA256", ...
    QByteArray imprint;
    Certificate tsaCertificate;
    QList<Certificate> certificates; // every certificate the token carries
    bool trusted = false; // the TSA chains to one of the anchors given to verifyTimestampToken
    bool certificatesFromCache = false; // decoded through the process-wide certificate cache (tests and benchmarks)
};

// Verifies a TimeStampToken: its imprint equals `dataDigest` (TimestampImprintMismatch; the token must use the
// same algorithm, `digestAlgorithm`), the TSA's signature over TSTInfo and its ESS signing-certificate binding
// (TimestampTokenInvalid), the TSA certificate's extendedKeyUsage is exactly timeStamping and critical
// (TimestampUntrusted), and — when `trustAnchors` is not empty — that the TSA certificate chains to one of them at
// `at` (genTime when invalid) (TimestampUntrusted). Without anchors the result says trusted = false.
// The token's certificates are decoded as `decoding` says (see CertificateDecoding; Whole for tests).
Result<TimestampInfo> verifyTimestampToken(const QByteArray& token, const QByteArray& dataDigest,
    const QList<Certificate>& trustAnchors, const QDateTime& at = {},
    const QByteArray& digestAlgorithm = QByteArrayLiteral("SHA256"),
    CertificateDecoding decoding = CertificateDecoding::Cached);

// Reads a token's TSTInfo without verifying anything (for display and for sizing placeholders).
Result<TimestampInfo> parseTimestampToken(
    const QByteArray& token, CertificateDecoding decoding = CertificateDecoding::Cached);

struct TimestampAuthorityOptions
{
    QString policyOid; // the TSA policy written into every token
    int accuracySeconds = 1;
    // The clock of the authority (tests use a simulated one); the system clock when empty.
    std::function<QDateTime()> clock;
};

// Issues RFC 3161 tokens with one key; thread-safe (every call has its own OpenSSL context).
class TimestampAuthority
{
public:
    // `chain`: the TSA certificate first (critical EKU timeStamping, matching `key`), then its issuers.
    static Result<TimestampAuthority> create(
        PrivateKey key, QList<Certificate> chain, const TimestampAuthorityOptions& options);
    ~TimestampAuthority();
    TimestampAuthority(TimestampAuthority&&) noexcept;
    TimestampAuthority& operator=(TimestampAuthority&&) noexcept;

    struct Answer
    {
        QByteArray response; // DER TimeStampResp: granted, or a rejection that says why (RFC 3161 §2.4.2)
        bool granted = false;
        QString serialHex; // of the granted token
        QDateTime genTime;
        QByteArray imprint;
    };
    // Answers a DER TimeStampReq. Malformed requests get a rejection response, not an error: the RFC's client
    // expects one. Errors only for internal failures. Serials are random 127-bit numbers, unique in practice; the
    // server records them to prove it.
    Result<Answer> respond(const QByteArray& request) const;

    const Certificate& certificate() const;

private:
    TimestampAuthority();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace ikkatsu
