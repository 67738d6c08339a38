// The local, PIN-protected PKCS#12 file that holds the user's signing key and certificate chain.
#pragma once

#include "common/Result.h"
#include "common/SecureBuffer.h"
#include "crypto/Certificate.h"

#include <QList>
#include <QString>

namespace ikkatsu {

// PKCS#12 with PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256 (600,000 iterations), SHA-256 MAC with as many
// iterations; certificates unencrypted so that `info` needs no PIN; file mode 0600; written atomically.
class KeyStore
{
public:
    static constexpr int kIterations = 600000;

    // The manual's rule: half-width alphanumerics, 6 to 20 characters. PinPolicy otherwise.
    static Status checkPinPolicy(const SecureBuffer& pin);

    // Fails with KeyStoreExists when `path` exists and `overwrite` is false.
    static Status create(const QString& path, const PrivateKey& key, const QList<Certificate>& chain,
        const SecureBuffer& pin, bool overwrite = false);
    // KeyStoreMissing, KeyStoreCorrupt (tampered or not a PKCS#12), PinWrong.
    static Result<KeyStore> open(const QString& path, const SecureBuffer& pin);
    // The certificate chain, readable without the PIN.
    static Result<QList<Certificate>> readCertificates(const QString& path);
    // Re-encrypts under `newPin`; on any failure the file stays as it was.
    static Status changePin(const QString& path, const SecureBuffer& oldPin, const SecureBuffer& newPin);

    const PrivateKey& key() const { return m_key; }
    // The signing certificate first, then its issuers.
    const QList<Certificate>& chain() const { return m_chain; }
    const Certificate& certificate() const { return m_chain.front(); }

private:
    KeyStore() = default;
    PrivateKey m_key;
    QList<Certificate> m_chain;
};

} // namespace ikkatsu
