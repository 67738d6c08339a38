// libFuzzer harness: hostile DER through the CMS SignedData parser, the certificate accessors and verify(), and
// through the RFC 3161 token and response readers; each compares its cached-certificate path with the whole-structure
// decode.
#include "crypto/Cades.h"
#include "crypto/Timestamp.h"

#include <QCryptographicHash>

#include <cstdint>
#include <cstdlib>

using namespace ikkatsu;

namespace {

void touch(const Certificate& certificate)
{
    if (certificate.isNull())
        return;
    (void)certificate.serialNumberHex();
    (void)certificate.subject();
    (void)certificate.subjectText();
    (void)certificate.issuerText();
    (void)certificate.notBefore();
    (void)certificate.notAfter();
    (void)certificate.isSelfSigned();
    (void)certificate.sha256Fingerprint();
    (void)certificate.publicKeyDer();
    (void)certificate.toPem();
}

QList<QByteArray> encodings(const QList<Certificate>& certificates)
{
    QList<QByteArray> der;
    for (const Certificate& certificate : certificates)
        der.append(certificate.toDer());
    return der;
}

bool sameParse(const CmsSignature& a, const CmsSignature& b)
{
    const QByteArray digest = QByteArray(32, '\0');
    const Status verifiedA = a.verify(digest);
    const Status verifiedB = b.verify(digest);
    return a.signerCertificate().toDer() == b.signerCertificate().toDer()
        && encodings(a.certificates()) == encodings(b.certificates()) && a.digestAlgorithm() == b.digestAlgorithm()
        && a.signatureValue() == b.signatureValue() && a.timestampToken() == b.timestampToken()
        && verifiedA.ok() == verifiedB.ok() && (verifiedA.ok() || verifiedA.error().detail == verifiedB.error().detail);
}

QString tokenText(const Result<TimestampInfo>& info)
{
    if (!info)
        return info.error().codeText() + QLatin1Char(' ') + info.error().detail;
    QString text = info->genTime.toString(Qt::ISODateWithMs) + info->serialHex + info->policyOid
        + QString::fromLatin1(info->imprintAlgorithm + info->imprint.toHex() + info->tsaCertificate.toDer().toHex())
        + QString::number(info->trusted);
    for (const QByteArray& der : encodings(info->certificates))
        text += QString::fromLatin1(der.toHex());
    return text;
}

// The token reader both ways: the parse, and a verification that reaches the TSA's signature for the seeds.
void compareTokenReads(const QByteArray& der, const QByteArray& seedDigest)
{
    const auto cached = parseTimestampToken(der);
    const auto whole = parseTimestampToken(der, CertificateDecoding::Whole);
    if (tokenText(cached) != tokenText(whole) || (whole && whole->certificatesFromCache))
        std::abort();
    if (!cached)
        return;
    for (const Certificate& certificate : cached->certificates)
        touch(certificate);
    const QByteArray algorithm
        = cached->imprintAlgorithm.isEmpty() ? QByteArrayLiteral("SHA256") : cached->imprintAlgorithm;
    const auto verified = verifyTimestampToken(der, seedDigest, {}, {}, algorithm);
    const auto verifiedWhole = verifyTimestampToken(der, seedDigest, {}, {}, algorithm, CertificateDecoding::Whole);
    if (tokenText(verified) != tokenText(verifiedWhole))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray der(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    if (auto certificate = Certificate::fromDer(der))
        touch(*certificate);
    // The seeds sign (and timestamp) the SHA-256 of this text, so mutations of a valid signature or token reach the
    // cryptographic checks.
    static const QByteArray content = QByteArrayLiteral("ikkatsu fuzz seed content");
    static const QByteArray seedDigest = QCryptographicHash::hash(content, QCryptographicHash::Sha256);
    compareTokenReads(der, seedDigest);
    // The same bytes as a TSA's whole answer, and as the token of a granted one (the client's reading of a
    // response, whose certificates also come from the cache): a refusal is fine, an empty token is not.
    static const QByteArray request = createTimestampRequest(seedDigest).value();
    const QByteArray granted = QByteArrayLiteral("\x30\x82") + char((der.size() + 5) >> 8)
        + char((der.size() + 5) & 0xff) + QByteArrayLiteral("\x30\x03\x02\x01\x00") + der;
    for (const QByteArray& response : {der, granted}) {
        const auto token = timestampTokenFromResponse(response, request);
        if (token && token->isEmpty())
            std::abort();
    }
    auto cms = CmsSignature::parse(der);
    // The cached certificate path must agree with the whole-structure decode on every input.
    auto whole = CmsSignature::parse(der, CmsSignature::CertificateDecoding::Whole);
    if (cms.ok() != whole.ok())
        std::abort();
    if (!cms) {
        if (cms.error().code != whole.error().code || cms.error().detail != whole.error().detail)
            std::abort();
        return 0;
    }
    if (!sameParse(*cms, *whole))
        std::abort();
    // A B-T signature's token stamps the signature value.
    if (const QByteArray token = cms->timestampToken(); !token.isEmpty())
        compareTokenReads(token, QCryptographicHash::hash(cms->signatureValue(), QCryptographicHash::Sha256));
    (void)cms->digestAlgorithm();
    (void)cms->hasSigningTimeAttribute();
    (void)cms->hasSigningCertificateV2();
    touch(cms->signerCertificate());
    for (const Certificate& certificate : cms->certificates())
        touch(certificate);
    (void)cms->verify(seedDigest);
    (void)cms->verify(QByteArray(32, '\0'));
    (void)cms->verify(QByteArray());
    return 0;
}
