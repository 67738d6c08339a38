// libFuzzer harness: hostile DER through the CMS SignedData parser, the certificate accessors and verify().
#include "crypto/Cades.h"

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

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray der(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    if (auto certificate = Certificate::fromDer(der))
        touch(*certificate);
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
    (void)cms->digestAlgorithm();
    (void)cms->hasSigningTimeAttribute();
    (void)cms->hasSigningCertificateV2();
    touch(cms->signerCertificate());
    for (const Certificate& certificate : cms->certificates())
        touch(certificate);
    // The seeds sign the SHA-256 of this text, so mutations of a valid signature reach the cryptographic checks.
    static const QByteArray content = QByteArrayLiteral("ikkatsu fuzz seed content");
    (void)cms->verify(QCryptographicHash::hash(content, QCryptographicHash::Sha256));
    (void)cms->verify(QByteArray(32, '\0'));
    (void)cms->verify(QByteArray());
    return 0;
}
