// The server's issuing CA: creates or loads its key and certificate, issues signing certificates from CSRs, and signs
// CRLs.
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

struct IssuedCertificate
{
    QByteArray der;
    QString serialHex; // upper-case hex, as Certificate::serialNumberHex prints it
    QDateTime notBefore;
    QDateTime notAfter;
    QString subjectText; // RFC 2253
};

struct RevokedCertificate
{
    QString serialHex;
    QDateTime revokedAt;
    int reason = 0; // RFC 5280 CRLReason (0 unspecified, 1 keyCompromise, 4 superseded, 5 cessationOfOperation)
};

// What one of the server's own service certificates is for (RFC 3161 timestamps, RFC 6960 OCSP answers).
enum class ServicePurpose { TimeStamping, OcspSigning };

// A service's key with its certificate from this CA.
struct ServiceIdentity
{
    PrivateKey key;
    Certificate certificate;
};

struct CaIdentity
{
    QString commonName;
    QString organization;
    QString country = QStringLiteral("JP");
    int validityYears = 20;
    // The CA's clock for the certificates it issues and for when a service certificate is due for renewal (tests
    // simulate years with it); the system clock when empty.
    std::function<QDateTime()> clock;
};

// Thread-safe for issue() and createCrl() once constructed (the key and certificate are only read).
class CertificateAuthority
{
public:
    ~CertificateAuthority();
    CertificateAuthority(CertificateAuthority&&) noexcept;
    CertificateAuthority& operator=(CertificateAuthority&&) noexcept;
    CertificateAuthority(const CertificateAuthority&) = delete;
    CertificateAuthority& operator=(const CertificateAuthority&) = delete;

    // Loads the PEM key and certificate when both files exist (they must match); creates an ECDSA P-256 CA
    // and writes both (key file mode 0600) when neither exists; an error when only one exists.
    static Result<CertificateAuthority> loadOrCreate(
        const QString& keyPath, const QString& certificatePath, const CaIdentity& identity);

    QByteArray certificateDer() const;
    QByteArray certificatePem() const;

    // Checks the CSR's signature (proof of possession) and key (RSA 2048–4096 bits or ECDSA P-256/P-384) and
    // issues a certificate for `subject` — the CSR's own subject is ignored, the server's records decide.
    // keyUsage digitalSignature + nonRepudiation (critical), CA:FALSE, a random 159-bit serial, a CRL
    // distribution point. CsrInvalid or KeyAlgorithmUnsupported for bad requests.
    // With `ocspUrl` / `caIssuersUrl`, an authorityInfoAccess extension points to the OCSP responder and the CA
    // certificate.
    Result<IssuedCertificate> issue(const QByteArray& csrDer, const SubjectName& subject, int validityDays,
        const QString& crlUrl, const QString& ocspUrl = {}, const QString& caIssuersUrl = {}) const;

    // A certificate for one of the server's services: critical extendedKeyUsage timeStamping or OCSPSigning (the
    // latter with id-pkix-ocsp-nocheck, RFC 6960 §4.2.2.2.1), keyUsage digitalSignature, CA:FALSE.
    Result<IssuedCertificate> issueService(const QByteArray& publicKeyDer, const QString& commonName,
        ServicePurpose purpose, int validityDays, const QString& crlUrl) const;
    // Loads a service's PEM key and certificate; creates a new ECDSA P-256 key and certificate (key file 0600) when
    // either is missing, the certificate is not this CA's, not the key's, or ends within `renewDays`.
    Result<ServiceIdentity> loadOrIssueService(const QString& keyPath, const QString& certificatePath,
        const QString& commonName, ServicePurpose purpose, int validityDays, int renewDays,
        const QString& crlUrl) const;
    // Loads a service's PEM key and certificate as provided, creating nothing: CertificateInvalid when a file is
    // missing or unreadable, CertificateMismatch when the certificate is not this CA's or not the key's,
    // CertificateExpired when it has ended.
    Result<ServiceIdentity> loadService(const QString& keyPath, const QString& certificatePath) const;

    Certificate certificate() const;

    // A v2 CRL (DER) listing `revoked`, with a CRL number and the authority key identifier.
    Result<QByteArray> createCrl(const QList<RevokedCertificate>& revoked, const QDateTime& thisUpdate,
        const QDateTime& nextUpdate, qint64 crlNumber) const;

    struct Impl;

private:
    CertificateAuthority();
    std::unique_ptr<Impl> m_impl;
};

} // namespace ikkatsu
