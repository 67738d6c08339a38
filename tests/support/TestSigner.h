// A throwaway signing identity for tests that need one: a fresh P-256 key and a self-signed certificate.
#pragma once

#include "crypto/Cades.h"
#include "crypto/Certificate.h"

#include <QString>

#include <memory>

namespace ikkatsu::test {

struct TestSigner
{
    PrivateKey key;
    Certificate certificate;
    std::unique_ptr<CadesSigner> signer;

    bool create(const QString& commonName, int validityDays = 30)
    {
        Result<PrivateKey> generated = PrivateKey::generate(KeyAlgorithm::EcdsaP256);
        if (!generated)
            return false;
        key = std::move(generated).value();
        SubjectName subject;
        subject.commonName = commonName;
        Result<Certificate> issued = createSelfSignedCertificate(key, subject, validityDays);
        if (!issued)
            return false;
        certificate = *issued;
        signer = std::make_unique<CadesSigner>(key, QList<Certificate> {certificate});
        return true;
    }
};

} // namespace ikkatsu::test
