// A throwaway PKI for tests: a CA with its RFC 3161 TSA and OCSP responder, and signers it issues.
#pragma once

#include "crypto/CertificateAuthority.h"
#include "crypto/Ocsp.h"
#include "crypto/Revocation.h"
#include "crypto/Timestamp.h"

#include <QHash>
#include <QTemporaryDir>

#include <atomic>
#include <optional>

namespace ikkatsu::test {

// One CA with its TSA and OCSP responder, in a directory of its own.
struct TestPki
{
    QTemporaryDir dir;
    std::optional<CertificateAuthority> ca;
    std::optional<TimestampAuthority> tsa;
    std::optional<OcspResponder> ocsp;
    Certificate caCertificate;
    Certificate tsaCertificate;
    Certificate ocspCertificate;
    QString caPem;

    bool open(const QString& name)
    {
        CaIdentity identity;
        identity.commonName = name + QStringLiteral(" CA");
        identity.organization = QStringLiteral("Test");
        auto created = CertificateAuthority::loadOrCreate(
            dir.filePath(QStringLiteral("ca-key.pem")), dir.filePath(QStringLiteral("ca-cert.pem")), identity);
        if (!created)
            return false;
        ca.emplace(std::move(created).value());
        caCertificate = ca->certificate();
        caPem = dir.filePath(QStringLiteral("ca-cert.pem"));
        auto tsaIdentity = ca->loadOrIssueService(dir.filePath(QStringLiteral("tsa-key.pem")),
            dir.filePath(QStringLiteral("tsa-cert.pem")), name + QStringLiteral(" TSA"), ServicePurpose::TimeStamping,
            365, 30, QStringLiteral("http://127.0.0.1:9/crl"));
        if (!tsaIdentity)
            return false;
        tsaCertificate = tsaIdentity->certificate;
        TimestampAuthorityOptions options;
        options.policyOid = QStringLiteral("1.2.3.4.5");
        auto authority
            = TimestampAuthority::create(std::move(tsaIdentity->key), {tsaCertificate, caCertificate}, options);
        if (!authority)
            return false;
        tsa.emplace(std::move(authority).value());
        auto ocspIdentity = ca->loadOrIssueService(dir.filePath(QStringLiteral("ocsp-key.pem")),
            dir.filePath(QStringLiteral("ocsp-cert.pem")), name + QStringLiteral(" OCSP"), ServicePurpose::OcspSigning,
            365, 30, QString());
        if (!ocspIdentity)
            return false;
        ocspCertificate = ocspIdentity->certificate;
        auto responder = OcspResponder::create(std::move(ocspIdentity->key), ocspCertificate, caCertificate);
        if (!responder)
            return false;
        ocsp.emplace(std::move(responder).value());
        return true;
    }

    // A token over `digest` straight from the in-process TSA.
    Result<QByteArray> token(const QByteArray& digest) const
    {
        auto request = createTimestampRequest(digest);
        IKK_TRY(request);
        auto answer = tsa->respond(*request);
        IKK_TRY(answer);
        return timestampTokenFromResponse(answer->response, *request);
    }
};

struct Signer
{
    PrivateKey key;
    Certificate certificate;
};

inline Signer issueSigner(const TestPki& pki, int validityDays = 30)
{
    Signer signer;
    signer.key = std::move(PrivateKey::generate(KeyAlgorithm::EcdsaP256)).value();
    SubjectName subject;
    subject.commonName = QStringLiteral("Taro Test");
    auto csr = createCertificateRequest(signer.key, subject);
    auto issued = pki.ca->issue(*csr, subject, validityDays, QStringLiteral("http://127.0.0.1:9/crl"),
        QStringLiteral("http://127.0.0.1:9/ocsp"), QStringLiteral("http://127.0.0.1:9/ca"));
    signer.certificate = *Certificate::fromDer(issued->der);
    return signer;
}

// OCSP and CRL answers straight from `pki` (no network): every certificate is good unless listed in `revoked`;
// `calls` counts the fetches.
inline RevocationFetchers inProcessRevocation(
    const TestPki& pki, const QHash<QString, OcspStatus>* revoked = nullptr, std::atomic<int>* calls = nullptr)
{
    RevocationFetchers fetchers;
    fetchers.ocsp = [&pki, revoked, calls](const QString&, const QByteArray& request) -> Result<QByteArray> {
        if (calls)
            ++*calls;
        return pki.ocsp->respond(request, [revoked](const QString& serial) -> Result<OcspStatus> {
            OcspStatus status;
            status.status = OcspCertStatus::Good;
            return revoked && revoked->contains(serial) ? revoked->value(serial) : status;
        });
    };
    fetchers.crl = [&pki, revoked, calls](const QString&) -> Result<QByteArray> {
        if (calls)
            ++*calls;
        QList<RevokedCertificate> list;
        if (revoked) {
            for (auto it = revoked->begin(); it != revoked->end(); ++it)
                list.append({it.key(), it->revokedAt, it->reason});
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        return pki.ca->createCrl(list, now.addSecs(-60), now.addDays(7), 1);
    };
    return fetchers;
}

} // namespace ikkatsu::test
