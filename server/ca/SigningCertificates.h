// The certificate setup (署名用証明書セットアップ) and revocation: issued certificates and the CRL, kept in the
// database.
#pragma once

#include "ServerContext.h"
#include "accounts/Login.h"
#include "api/Dto.h"

#include <optional>

namespace ikkatsu::server {

class SigningCertificates
{
public:
    explicit SigningCertificates(ServerContext& context)
        : m_context(context)
    { }

    // 電子署名の実施要否: without signing, only the choice is recorded and nothing is issued. With signing,
    // the CSR is checked and a certificate issued for the user's recorded names; an earlier certificate of the
    // user is revoked as superseded (a user has one signing key at a time).
    Result<std::optional<api::CertificateInfo>> setup(
        const Caller& caller, bool sign, const QByteArray& csrDer, const QString& remote);
    // The user's current (newest, unrevoked) certificate.
    Result<std::optional<api::CertificateInfo>> current(const QString& userId) const;
    Result<QList<api::CertificateInfo>> list(const QString& userId) const;
    Result<api::CertificateInfo> revoke(
        const api::UserInfo& admin, const QString& serial, int reason, const QString& remote);
    // A fresh CRL (DER) over every revoked certificate; valid for one day.
    Result<QByteArray> crl() const;

    SubjectName subjectFor(const api::UserInfo& user) const;

private:
    ServerContext& m_context;
};

// The DER of a certificate as the certificates table stores it (PEM), without parsing it: comparing DER bytes is
// what X509_cmp does, and parsing costs OpenSSL 3 a decoder set-up per certificate.
QByteArray certificateDerFromPem(const QString& pem);

} // namespace ikkatsu::server
