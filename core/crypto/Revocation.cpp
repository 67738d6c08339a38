// CRL checks over OpenSSL and the collector of certificates and revocation data for PAdES B-LT.
#include "crypto/Revocation.h"

#include "crypto/OpenSslHandles_p.h"
#include "crypto/VerdictCache_p.h"

#include <QMutexLocker>

#include <openssl/err.h>
#include <openssl/x509.h>

namespace ikkatsu {

namespace {

using CrlPtr = ossl::Owned<X509_CRL, X509_CRL_free>;

constexpr int kMaxCertificates = 32; // more than any real chain pair; bounds work on hostile input

} // namespace

OcspStatus CrlInfo::statusOf(const Certificate& certificate) const
{
    OcspStatus status;
    status.status = OcspCertStatus::Good;
    const auto found = revoked.constFind(certificate.serialNumberHex());
    return found == revoked.constEnd() ? status : *found;
}

namespace {

// The same CRLs come in every document's /DSS and every batch's validation data; reading and verifying one is a
// decode of every entry and a signature check. 64 lists of up to 256 KiB each.
using CrlVerdicts = ossl::VerdictCache<Result<CrlInfo>>;

CrlVerdicts& crlVerdicts()
{
    static auto* verdicts = new CrlVerdicts(64, 256 * 1024);
    return *verdicts;
}

Result<CrlInfo> checkCrl(const QByteArray& der, const Certificate& issuer)
{
    ERR_clear_error();
    const auto* cursor = reinterpret_cast<const unsigned char*>(der.constData());
    CrlPtr crl(der.isEmpty() ? nullptr : d2i_X509_CRL(nullptr, &cursor, static_cast<long>(der.size())));
    if (!crl || issuer.isNull())
        return makeError(ErrorCode::CrlInvalid, QStringLiteral("not a DER CRL"));
    X509* issuerX509 = issuer.impl()->x509.get();
    if (X509_NAME_cmp(X509_CRL_get_issuer(crl.get()), X509_get_subject_name(issuerX509)) != 0
        || X509_CRL_verify(crl.get(), X509_get0_pubkey(issuerX509)) != 1) {
        ERR_clear_error();
        return makeError(
            ErrorCode::CrlInvalid, QStringLiteral("the CRL is not signed by %1").arg(issuer.subjectText()));
    }
    CrlInfo info;
    info.thisUpdate = ossl::asn1TimeToUtc(X509_CRL_get0_lastUpdate(crl.get()));
    info.nextUpdate = ossl::asn1TimeToUtc(X509_CRL_get0_nextUpdate(crl.get()));
    STACK_OF(X509_REVOKED)* entries = X509_CRL_get_REVOKED(crl.get());
    for (int i = 0; i < sk_X509_REVOKED_num(entries); ++i) {
        const X509_REVOKED* entry = sk_X509_REVOKED_value(entries, i);
        OcspStatus status;
        status.status = OcspCertStatus::Revoked;
        status.revokedAt = ossl::asn1TimeToUtc(X509_REVOKED_get0_revocationDate(entry));
        int critical = 0;
        auto* reason
            = static_cast<ASN1_ENUMERATED*>(X509_REVOKED_get_ext_d2i(entry, NID_crl_reason, &critical, nullptr));
        if (reason) {
            status.reason = static_cast<int>(ASN1_ENUMERATED_get(reason));
            ASN1_ENUMERATED_free(reason);
        }
        info.revoked.insert(ossl::integerHex(X509_REVOKED_get0_serialNumber(entry)), status);
    }
    ERR_clear_error();
    return info;
}

} // namespace

Result<CrlInfo> verifyCrl(const QByteArray& der, const Certificate& issuer)
{
    return crlVerdicts().through(crlVerdicts().key().add(der).add(issuer.toDer()), [&](bool* settled) {
        Result<CrlInfo> checked = checkCrl(der, issuer);
        // Only what follows from the bytes: a verdict, not an internal failure.
        *settled = checked.ok() || checked.error().code == ErrorCode::CrlInvalid;
        return checked;
    });
}

ValidationDataCollector::ValidationDataCollector(
    RevocationFetchers fetchers, bool keepRevoked, std::function<QDateTime()> clock)
    : m_fetchers(std::move(fetchers))
    , m_keepRevoked(keepRevoked)
    , m_clock(std::move(clock))
{ }

Result<ValidationDataCollector::Entry> ValidationDataCollector::revocationOf(
    const Certificate& certificate, const Certificate& issuer, const QList<Certificate>& anchors) const
{
    const QByteArray key = certificate.sha256Fingerprint();
    {
        QMutexLocker lock(&m_mutex);
        const auto cached = m_cache.constFind(key);
        if (cached != m_cache.constEnd())
            return *cached;
    }
    // Fetched without the lock: a batch's threads ask for the same certificate at most a few times at the start.
    Entry entry;
    const QStringList ocspUrls = certificate.ocspUrls();
    const QStringList crlUrls = certificate.crlUrls();
    OcspStatus status;
    if (!ocspUrls.isEmpty() && m_fetchers.ocsp) {
        Result<QByteArray> request = createOcspRequest(certificate, issuer);
        IKK_TRY(request);
        Result<QByteArray> answer = m_fetchers.ocsp(ocspUrls.front(), *request);
        IKK_TRY(answer);
        Result<OcspResult> checked
            = verifyOcspResponse(*answer, certificate, issuer, anchors, *request, m_clock ? m_clock() : QDateTime());
        IKK_TRY(checked);
        status = checked->status;
        entry.ocsp = std::move(answer).value();
        entry.responder = checked->responder;
    } else if (!crlUrls.isEmpty() && m_fetchers.crl) {
        Result<QByteArray> list = m_fetchers.crl(crlUrls.front());
        IKK_TRY(list);
        Result<CrlInfo> checked = verifyCrl(*list, issuer);
        IKK_TRY(checked);
        const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
        if (checked->nextUpdate.isValid() && checked->nextUpdate < now)
            return makeError(
                ErrorCode::CrlInvalid, QStringLiteral("the CRL of %1 is out of date").arg(issuer.subjectText()));
        status = checked->statusOf(certificate);
        entry.crl = std::move(list).value();
    } else {
        return makeError(ErrorCode::RevocationSourceMissing, certificate.subjectText());
    }
    if (status.status == OcspCertStatus::Unknown || (status.status == OcspCertStatus::Revoked && !m_keepRevoked))
        return makeError(ErrorCode::CertificateRevoked,
            QStringLiteral("%1 is %2")
                .arg(certificate.subjectText(),
                    status.status == OcspCertStatus::Revoked ? QStringLiteral("revoked")
                                                             : QStringLiteral("unknown to its issuer")));
    QMutexLocker lock(&m_mutex);
    m_cache.insert(key, entry);
    return entry;
}

Result<ValidationData> ValidationDataCollector::collect(const QList<Certificate>& certificates) const
{
    if (certificates.size() > kMaxCertificates)
        return makeError(ErrorCode::CertificateInvalid, QStringLiteral("%1 certificates").arg(certificates.size()));
    ValidationData data;
    QList<Certificate> unique;
    for (const Certificate& certificate : certificates) {
        if (!certificate.isNull() && !unique.contains(certificate))
            unique.append(certificate);
    }
    QList<Certificate> anchors;
    for (const Certificate& certificate : unique) {
        if (certificate.isSelfSigned())
            anchors.append(certificate);
    }
    data.certificates = unique;
    for (const Certificate& certificate : unique) {
        if (certificate.isSelfSigned())
            continue; // a trust anchor is trusted as such; nobody revokes it through itself
        const auto issuer = std::find_if(unique.begin(), unique.end(), [&](const Certificate& candidate) {
            return candidate != certificate && certificate.isIssuedBy(candidate);
        });
        if (issuer == unique.end())
            return makeError(ErrorCode::SignerUntrusted,
                QStringLiteral("the issuer of %1 is not among the certificates").arg(certificate.subjectText()));
        Result<Entry> entry
            = revocationOf(certificate, *issuer, anchors.isEmpty() ? QList<Certificate> {*issuer} : anchors);
        IKK_TRY(entry);
        if (!entry->ocsp.isEmpty() && !data.ocspResponses.contains(entry->ocsp))
            data.ocspResponses.append(entry->ocsp);
        if (!entry->crl.isEmpty() && !data.crls.contains(entry->crl))
            data.crls.append(entry->crl);
        if (!entry->responder.isNull() && !data.certificates.contains(entry->responder))
            data.certificates.append(entry->responder);
    }
    return data;
}

} // namespace ikkatsu
