// CMS SignedData for PAdES (ETSI.CAdES.detached): creation over a precomputed digest, parsing and verification.
#pragma once

#include "common/Result.h"
#include "crypto/Certificate.h"
#include "crypto/Timestamp.h"
#include "platform/NativeFile.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <atomic>
#include <functional>
#include <memory>

namespace ikkatsu {

// Streaming message digest (SHA-256 unless the algorithm name says otherwise: "SHA256", "SHA384", "SHA512", "SHA1").
class Digest
{
public:
    explicit Digest(const QByteArray& algorithm = QByteArrayLiteral("SHA256"));
    ~Digest();
    Digest(const Digest&) = delete;
    Digest& operator=(const Digest&) = delete;
    bool isValid() const;
    void update(const char* data, qint64 size);
    // Streams `length` bytes of the open `file` from `offset` through the digest (1 MiB at a time, so that
    // memory does not grow with the file). InputFileUnreadable when the file ends early or cannot be read.
    Status updateFromFile(const platform::NativeFile& file, qint64 offset, qint64 length);
    QByteArray final();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Makes detached CAdES signatures with one key: one SignerInfo, SHA-256, signed attributes exactly
// content-type, message-digest and signing-certificate-v2 (no signing-time: PAdES forbids it), the chain included.
// With a timestamp fetcher (PAdES B-T) the SignerInfo also gets an unsigned signature-time-stamp-token attribute
// over its signature value (ETSI EN 319 122-1 §5.3).
class CadesSigner
{
public:
    // Returns an RFC 3161 TimeStampToken (DER) over `sha256`; called from several threads at once. Keeps core free
    // of the network: the caller decides how a TSA is reached (TimestampFailed when it is not).
    using TimestampFetcher = std::function<Result<QByteArray>(const QByteArray& sha256)>;

    CadesSigner(const PrivateKey& key, QList<Certificate> chain);

    void setTimestampFetcher(TimestampFetcher fetcher) { m_fetcher = std::move(fetcher); }
    bool timestamps() const { return static_cast<bool>(m_fetcher); }

    // Upper bound of the DER size of sign()'s output without a timestamp, plus the largest token seen so far.
    int maxSize() const;
    // What a PDF placeholder should reserve: maxSize() after measuring one real token when none was seen yet
    // (so TimestampFailed when the TSA cannot be reached).
    Result<int> reserveSize() const;
    // `sha256` is the digest of the signed content (the PDF's ByteRange).
    Result<QByteArray> sign(const QByteArray& sha256) const;
    // The signer's certificate first, then its issuers (what sign() embeds).
    const QList<Certificate>& chain() const { return m_chain; }

private:
    const PrivateKey& m_key;
    QList<Certificate> m_chain;
    TimestampFetcher m_fetcher;
    mutable std::atomic<int> m_tokenSize {0};
    // The draft SignedData's size, measured once: a batch asks for every document and only the token can change it.
    mutable std::atomic<int> m_draftSize {0};
};

// A parsed CMS SignedData with exactly one SignerInfo.
class CmsSignature
{
public:
    ~CmsSignature();
    CmsSignature(CmsSignature&&) noexcept;
    CmsSignature& operator=(CmsSignature&&) noexcept;

    // How parse() decodes the certificates field (see ikkatsu::CertificateDecoding).
    using CertificateDecoding = ikkatsu::CertificateDecoding;

    // SignatureInvalid when the DER is not a SignedData with exactly one SignerInfo. Trailing zero
    // padding (as in a PDF /Contents placeholder) is accepted.
    static Result<CmsSignature> parse(
        const QByteArray& der, CertificateDecoding decoding = CertificateDecoding::Cached);

    // Whether this signature's certificates came through the cache (false for Whole and for every fallback).
    bool certificatesFromCache() const;
    // Certificates taken from the cache and decoded for it since the process started (for tests and benchmarks).
    struct CertificateCacheCounts
    {
        quint64 hits = 0;
        quint64 misses = 0;
    };
    static CertificateCacheCounts certificateCacheCounts();

    // "SHA256" etc.: what the content must be hashed with before verify().
    QByteArray digestAlgorithm() const;
    Certificate signerCertificate() const;
    QList<Certificate> certificates() const;
    bool hasSigningTimeAttribute() const;
    bool hasSigningCertificateV2() const;

    // Checks the message-digest attribute against `contentDigest` (SignatureDigestMismatch), the signature
    // over the signed attributes with the signer's key and the signing-certificate(-v2) binding (SignatureInvalid).
    Status verify(const QByteArray& contentDigest) const;

    // The SignerInfo's signature value, and the signature-time-stamp-token unsigned attribute (empty when absent).
    QByteArray signatureValue() const;
    QByteArray timestampToken() const;
    // Checks the signature-time-stamp token: its imprint is SHA-256 (or the token's algorithm) of the signature
    // value, the TSA's signature and EKU, and its chain to `trustAnchors` at `at` (see verifyTimestampToken).
    // TimestampTokenInvalid when there is none.
    Result<TimestampInfo> verifyTimestamp(const QList<Certificate>& trustAnchors, const QDateTime& at = {}) const;

private:
    CmsSignature();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace ikkatsu
