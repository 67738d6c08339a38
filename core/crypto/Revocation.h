// Revocation data for long-term signatures: CRL checks and the collector of what a PAdES B-LT /DSS holds.
#pragma once

#include "common/Result.h"
#include "crypto/Certificate.h"
#include "crypto/Ocsp.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>

#include <functional>
#include <memory>

namespace ikkatsu {

struct CrlInfo
{
    QDateTime thisUpdate;
    QDateTime nextUpdate;
    QHash<QString, OcspStatus> revoked; // by upper-case serial hex, as Certificate::serialNumberHex()

    OcspStatus statusOf(const Certificate& certificate) const;
};

// Checks a DER CRL: signed by `issuer`'s key and naming it as issuer (CrlInvalid otherwise). Times are reported,
// not judged: whether a CRL is current depends on the time it is used for.
Result<CrlInfo> verifyCrl(const QByteArray& der, const Certificate& issuer);

// What validates a set of certificates offline: the /DSS /Certs, /OCSPs and /CRLs of ISO 32000-2 §12.8.4.3.
struct ValidationData
{
    QList<Certificate> certificates;
    QList<QByteArray> ocspResponses; // DER OCSPResponse
    QList<QByteArray> crls; // DER CertificateList
};

// Keeps core free of the network: the caller decides how responders and CRL distribution points are reached.
struct RevocationFetchers
{
    // POSTs a DER OCSPRequest (application/ocsp-request) to `url`; the DER answer (OcspUnavailable when none).
    std::function<Result<QByteArray>(const QString& url, const QByteArray& request)> ocsp;
    // GETs the DER CRL at `url` (CrlUnavailable when none).
    std::function<Result<QByteArray>(const QString& url)> crl;
};

// Gathers, for each certificate up to a self-signed one, the issuer and the revocation data that shows it was not
// revoked: an OCSP answer where the certificate names a responder, else its issuer's CRL. Each certificate's data
// is fetched once per collector (a batch shares one) and checked before it is kept: an OCSP answer must verify
// under the chain it was asked for; a certificate that is revoked or unknown now is refused
// (CertificateRevoked), one that names neither source gives RevocationSourceMissing. Thread-safe.
class ValidationDataCollector
{
public:
    // `keepRevoked`: for archive renewal, keep a revocation as evidence instead of refusing it (a verifier judges it
    // against the time a timestamp proves: revoked after the signature existed, the signature stays valid).
    // `clock`: the time the answers must be current at (tests simulate years with it); the system clock when empty.
    explicit ValidationDataCollector(
        RevocationFetchers fetchers, bool keepRevoked = false, std::function<QDateTime()> clock = {});

    // `certificates`: one or more chains (signer first or not; order does not matter), e.g. the signer's chain
    // and its timestamp authority's. The result holds every certificate given plus the OCSP responders'.
    Result<ValidationData> collect(const QList<Certificate>& certificates) const;

private:
    struct Entry
    {
        QByteArray ocsp;
        QByteArray crl;
        Certificate responder;
    };
    Result<Entry> revocationOf(
        const Certificate& certificate, const Certificate& issuer, const QList<Certificate>& anchors) const;

    RevocationFetchers m_fetchers;
    bool m_keepRevoked = false;
    std::function<QDateTime()> m_clock;
    mutable QMutex m_mutex;
    mutable QHash<QByteArray, Entry> m_cache; // by the certificate's SHA-256 fingerprint
};

} // namespace ikkatsu
