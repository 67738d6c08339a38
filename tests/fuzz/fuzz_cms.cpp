// libFuzzer harness: hostile DER through the CMS SignedData parser, the certificate accessors and verify().
#include "crypto/Cades.h"

#include <QCryptographicHash>

#include <cstdint>

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

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray der(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    if (auto certificate = Certificate::fromDer(der))
        touch(*certificate);
    auto cms = CmsSignature::parse(der);
    if (!cms)
        return 0;
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
