// The issued certificate must carry the key generated here (CertificateMismatch otherwise) before anything is stored.
#include "client/CertificateSetup.h"

#include "crypto/KeyStore.h"

namespace ikkatsu::client {

void CertificateSetup::declineSigning(ApiClient::Done<bool> done)
{
    api::CertificateSetupRequest request;
    request.sign = false;
    m_client.certificateSetup(request).then(
        [done = std::move(done)](Result<std::optional<api::CertificateInfo>> result) {
            if (!result)
                done(result.error());
            else
                done(true);
        });
}

void CertificateSetup::issue(KeyAlgorithm algorithm, ApiClient::Done<api::CertificateInfo> done)
{
    m_certificate.reset();
    m_caCertificate.reset();
    auto key = PrivateKey::generate(algorithm);
    if (!key) {
        done(key.error());
        return;
    }
    // The server replaces the subject with the names it has on record; the CSR proves possession of the key.
    SubjectName placeholder;
    placeholder.commonName = QStringLiteral("certificate request");
    auto csr = createCertificateRequest(*key, placeholder);
    if (!csr) {
        done(csr.error());
        return;
    }
    m_key.emplace(std::move(key).value());
    api::CertificateSetupRequest request;
    request.sign = true;
    request.csrDer = *csr;
    m_client.certificateSetup(request).then(
        [this, done = std::move(done)](Result<std::optional<api::CertificateInfo>> result) {
            if (!result) {
                done(result.error());
                return;
            }
            if (!result->has_value()) {
                done(makeError(ErrorCode::ProtocolMismatch, QStringLiteral("no certificate in the answer")));
                return;
            }
            const api::CertificateInfo& info = result->value();
            auto certificate = Certificate::fromDer(info.certificateDer);
            auto ca = Certificate::fromDer(info.caCertificateDer);
            if (!certificate || !ca) {
                done(makeError(ErrorCode::CertificateInvalid, QStringLiteral("unreadable certificate in the answer")));
                return;
            }
            if (!certificate->matchesKey(*m_key)) {
                done(makeError(ErrorCode::CertificateMismatch));
                return;
            }
            const Status chained = verifyCertificateChain(*certificate, {}, {*ca}, QDateTime::currentDateTimeUtc());
            if (!chained) {
                done(chained.error());
                return;
            }
            m_certificate = *certificate;
            m_caCertificate = *ca;
            done(info);
        });
}

Status CertificateSetup::store(
    const QString& keyStorePath, const SecureBuffer& pin, const SecureBuffer& confirmation, bool overwrite)
{
    if (!m_key || !m_certificate || !m_caCertificate)
        return makeError(ErrorCode::KeyStoreMissing, QStringLiteral("no certificate issued yet"));
    IKK_TRY(KeyStore::checkPinPolicy(pin));
    if (pin.view() != confirmation.view())
        return makeError(ErrorCode::PinMismatch);
    IKK_TRY(KeyStore::create(keyStorePath, *m_key, {*m_certificate, *m_caCertificate}, pin, overwrite));
    m_key.reset();
    return {};
}

} // namespace ikkatsu::client
