// CMS SignedData for PAdES (ETSI.CAdES.detached): creation over a precomputed digest, parsing and verification.
#pragma once

#include "common/Result.h"
#include "crypto/Certificate.h"
#include "platform/NativeFile.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

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
class CadesSigner
{
public:
    CadesSigner(const PrivateKey& key, QList<Certificate> chain);

    // Upper bound of the DER size of sign()'s output, for the PDF placeholder.
    int maxSize() const;
    // `sha256` is the digest of the signed content (the PDF's ByteRange).
    Result<QByteArray> sign(const QByteArray& sha256) const;
    // The signer's certificate first, then its issuers (what sign() embeds).
    const QList<Certificate>& chain() const { return m_chain; }

private:
    const PrivateKey& m_key;
    QList<Certificate> m_chain;
};

// A parsed CMS SignedData with exactly one SignerInfo.
class CmsSignature
{
public:
    ~CmsSignature();
    CmsSignature(CmsSignature&&) noexcept;
    CmsSignature& operator=(CmsSignature&&) noexcept;

    // SignatureInvalid when the DER is not a SignedData with exactly one SignerInfo. Trailing zero
    // padding (as in a PDF /Contents placeholder) is accepted.
    static Result<CmsSignature> parse(const QByteArray& der);

    // "SHA256" etc.: what the content must be hashed with before verify().
    QByteArray digestAlgorithm() const;
    Certificate signerCertificate() const;
    QList<Certificate> certificates() const;
    bool hasSigningTimeAttribute() const;
    bool hasSigningCertificateV2() const;

    // Checks the message-digest attribute against `contentDigest` (SignatureDigestMismatch), the signature
    // over the signed attributes with the signer's key and the signing-certificate(-v2) binding (SignatureInvalid).
    Status verify(const QByteArray& contentDigest) const;

private:
    CmsSignature();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace ikkatsu
