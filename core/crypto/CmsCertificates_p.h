// Private to core/crypto: a CMS or PKCS #7 SignedData decoded with its certificates from a process-wide cache.
#pragma once

#include "crypto/Cades.h"
#include "crypto/OpenSslHandles_p.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace ikkatsu::ossl {

// A DER ContentInfo holding a SignedData, split around the SignedData's `certificates [0] IMPLICIT` field
// (RFC 5652 §5.1; PKCS #7's SignedData, RFC 2315 §9.1, has the same fields in the same places).
struct SignedDataWithoutCertificates
{
    // The same ContentInfo without the certificates field; only the three enclosing lengths are re-encoded.
    QByteArray contentInfo;
    // Each Certificate's DER (tag and length included), in the input's order, pointing into the input.
    QList<QByteArrayView> certificates;
    // Size of the input's ContentInfo, header included; only zero bytes follow it up to the input's end.
    qsizetype objectSize = 0;
};

// Strict definite-length DER only, every length checked against the input before it is used. Nothing (and the
// caller decodes the whole structure as before) for anything unusual: BER or non-minimal lengths, another content
// type, other CertificateChoices than a plain Certificate, an empty or absent certificates field, duplicates, more
// than a few certificates, fields out of place, non-zero bytes after the ContentInfo.
std::optional<SignedDataWithoutCertificates> splitCertificates(QByteArrayView der);

// The ContentInfo of `der` as d2i_CMS_ContentInfo gives it, but with each certificate decoded once per process:
// the certificates come from a cache keyed by their exact DER bytes. Null whenever the result could differ from a
// whole-structure decode (the caller then does that, on an error queue it clears first). *objectSize as above
// (`objectSize` may be null).
CmsPtr decodeWithCachedCertificates(QByteArrayView der, qsizetype* objectSize);

// The same as d2i_PKCS7 gives it: an RFC 3161 TimeStampToken is a PKCS #7 SignedData, which OpenSSL's TS module
// takes only in that form.
Pkcs7Ptr decodePkcs7WithCachedCertificates(QByteArrayView der, qsizetype* objectSize = nullptr);

// An RFC 3161 TimeStampResp (§2.4.2) split into its two fields, each pointing into the input: the PKIStatusInfo's
// DER and the TimeStampToken's (empty when absent). Strict DER framing as above, the response exactly the input;
// nothing otherwise (the caller then decodes the whole response).
struct TimestampResponseParts
{
    QByteArrayView statusInfo;
    QByteArrayView token;
};
std::optional<TimestampResponseParts> splitTimestampResponse(QByteArrayView der);

// One certificate's DER, decoded once per process through the same cache (a new reference); null when `der` is not
// exactly one certificate (the caller decodes it itself for the error).
X509Ptr cachedCertificate(QByteArrayView der);

// How often a certificate came from the cache and how often it was decoded for it, since the process started.
CmsSignature::CertificateCacheCounts certificateCacheCounts();

} // namespace ikkatsu::ossl
