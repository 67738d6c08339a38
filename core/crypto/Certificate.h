// X.509 certificates and private keys as value types; OpenSSL stays inside the .cpp files.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace ikkatsu {

enum class KeyAlgorithm { Rsa2048, EcdsaP256 };

QString keyAlgorithmName(KeyAlgorithm algorithm); // "rsa2048" / "p256"
bool parseKeyAlgorithm(const QString& name, KeyAlgorithm* algorithm);

// The subject of a signing certificate, in the manual's terms (署名用証明書情報):
// CN = 発行対象者 (romanized name), OU = 発行対象会社名 (romanized company), OU = サービス名,
// O = サービス提供会社名, C = 国名.
struct SubjectName
{
    QString commonName;
    QString companyUnit;
    QString serviceUnit;
    QString organization;
    QString country = QStringLiteral("JP");
};

// A private key held in memory only as long as needed; move-only, freed (and so wiped by OpenSSL) on destruction.
class PrivateKey
{
public:
    PrivateKey();
    ~PrivateKey();
    PrivateKey(PrivateKey&&) noexcept;
    PrivateKey& operator=(PrivateKey&&) noexcept;
    PrivateKey(const PrivateKey&) = delete;
    PrivateKey& operator=(const PrivateKey&) = delete;

    static Result<PrivateKey> generate(KeyAlgorithm algorithm);

    bool isNull() const;
    KeyAlgorithm algorithm() const;
    // SubjectPublicKeyInfo, DER.
    QByteArray publicKeyDer() const;
    // Raw signature over `data` with SHA-256 (RSA PKCS#1 v1.5 or ECDSA DER).
    Result<QByteArray> signSha256(const QByteArray& data) const;
    // Upper bound of signSha256's output size in bytes.
    int maxSignatureSize() const;

    struct Impl;
    Impl* impl() const { return m_impl.get(); }

private:
    std::unique_ptr<Impl> m_impl;
};

// An X.509 certificate; cheap to copy (shared, immutable).
class Certificate
{
public:
    Certificate();
    ~Certificate();
    Certificate(const Certificate&);
    Certificate& operator=(const Certificate&);
    Certificate(Certificate&&) noexcept;
    Certificate& operator=(Certificate&&) noexcept;

    static Result<Certificate> fromDer(const QByteArray& der);
    static Result<Certificate> fromPem(const QByteArray& pem);
    // Every certificate in a PEM bundle, in order.
    static Result<QList<Certificate>> listFromPem(const QByteArray& pem);

    bool isNull() const;
    QByteArray toDer() const;
    QByteArray toPem() const;

    // Upper-case hex without separators, e.g. "4F1A…".
    QString serialNumberHex() const;
    SubjectName subject() const;
    // RFC 2253 one-line forms, for display and logs.
    QString subjectText() const;
    QString issuerText() const;
    QDateTime notBefore() const;
    QDateTime notAfter() const;
    bool isSelfSigned() const;
    // True when `issuer`'s key signed this certificate and its name is this certificate's issuer.
    bool isIssuedBy(const Certificate& issuer) const;
    // Where revocation data for this certificate is published: authorityInfoAccess OCSP URLs and CRL
    // distribution point URLs (URIs only; empty when the certificate names none).
    QStringList ocspUrls() const;
    QStringList crlUrls() const;
    QByteArray sha256Fingerprint() const;
    QByteArray publicKeyDer() const;
    bool matchesKey(const PrivateKey& key) const;

    bool operator==(const Certificate& other) const;

    struct Impl;
    Impl* impl() const { return m_impl.get(); }

private:
    std::shared_ptr<Impl> m_impl;
};

// A PKCS#10 certificate signing request over `subject`, signed by `key` (proof of possession). DER.
Result<QByteArray> createCertificateRequest(const PrivateKey& key, const SubjectName& subject);

// A self-signed certificate for local use before the server's CA exists. Its subject carries an extra
// OU "Self-signed (local use only)" so that no one mistakes it for a certificate from the CA.
Result<Certificate> createSelfSignedCertificate(const PrivateKey& key, const SubjectName& subject, int validityDays);

// Checks `signer` up to one of `trustAnchors` using `intermediates`, at time `at`.
// Ok when trusted; SignerUntrusted, CertificateExpired, CertificateNotYetValid or CertificateInvalid otherwise.
Status verifyCertificateChain(const Certificate& signer, const QList<Certificate>& intermediates,
    const QList<Certificate>& trustAnchors, const QDateTime& at);

// How often isSelfSigned() and isIssuedBy() answered from memory and how often they verified a signature for it,
// since the process started (for tests and benchmarks).
struct IssuanceCheckCounts
{
    quint64 hits = 0;
    quint64 misses = 0;
};
IssuanceCheckCounts issuanceCheckCounts();

} // namespace ikkatsu
