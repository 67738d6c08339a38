// 署名用証明書セットアップ on the client: the key pair is generated here, only a CSR goes to the server, and the
// issued certificate is stored with the key in the local PIN-protected key store.
#pragma once

#include "api/Dto.h"
#include "client/ApiClient.h"
#include "common/Result.h"
#include "common/SecureBuffer.h"
#include "crypto/Certificate.h"

#include <optional>

namespace ikkatsu::client {

// The manual's steps: a. choose whether to sign → c. key generated locally and certificate issued →
// d. the issued certificate's details are shown and the PIN entered twice → e. [登録] stores everything.
class CertificateSetup
{
public:
    explicit CertificateSetup(ApiClient& client)
        : m_client(client)
    { }

    // a. "電子署名を行わない": recorded on the server; nothing is generated.
    void declineSigning(ApiClient::Done<bool> done);
    // c. Generates the key pair (kept in memory), sends the CSR, and reports 署名用証明書情報 for step d.
    void issue(KeyAlgorithm algorithm, ApiClient::Done<api::CertificateInfo> done);
    // e. [登録]: PinPolicy/PinMismatch for bad PINs (nothing written), then KeyStore::create with the
    // certificate and the CA certificate as chain. The in-memory key is dropped after success.
    Status store(
        const QString& keyStorePath, const SecureBuffer& pin, const SecureBuffer& confirmation, bool overwrite = false);

    bool hasIssuedCertificate() const { return m_certificate.has_value(); }

private:
    ApiClient& m_client;
    std::optional<PrivateKey> m_key;
    std::optional<Certificate> m_certificate;
    std::optional<Certificate> m_caCertificate;
};

} // namespace ikkatsu::client
