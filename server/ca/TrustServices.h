// The server's trusted time (RFC 3161 TSA) and certificate status (RFC 6960 OCSP) services, over the issuing CA.
#pragma once

#include "ServerContext.h"
#include "crypto/Cades.h"
#include "crypto/Revocation.h"

#include <QByteArray>
#include <QString>

namespace ikkatsu::server {

class TrustServices
{
public:
    explicit TrustServices(ServerContext& context)
        : m_context(context)
    { }

    // Loads or issues the TSA and OCSP responder keys and certificates (in <data-dir>/ca) into the context.
    static Status open(ServerContext& context);
    // The same while the server runs (daily, with archive renewal): a service certificate within its renewal margin
    // (the TSA's a year before its end, so that fresh tokens stay verifiable for years) gets a new key and
    // certificate, written to <data-dir>/ca and used from the next request on. True when one was rotated.
    static Result<bool> rotateIfDue(ServerContext& context);

    // This server's TSA asked in-process (no HTTP to itself); the token serials are recorded as for any caller.
    CadesSigner::TimestampFetcher inProcessTimestamps(const QString& remote) const;
    // This server's OCSP responder and CRL in-process, for the URLs its certificates name (path /api/v1/ocsp or
    // /api/v1/ca/crl); anything else is not fetched (OcspUnavailable / CrlUnavailable): the server does not go out to
    // URLs a stored document names.
    RevocationFetchers inProcessRevocation() const;

    // Who may ask for a timestamp (tsa/access): `bearerToken` is the request's session token, `remote` its address.
    // Returns the user ID of the caller ("" when anonymous), TimestampNotAllowed or a session error.
    // A request that came through a proxy (Forwarded / X-Forwarded-For) does not count as loopback, whatever its
    // socket says: a reverse proxy on the same host would otherwise open the TSA to everyone.
    Result<QString> admitTimestampCaller(const QString& bearerToken, const QString& remote, bool proxied) const;
    // A DER TimeStampResp for a DER TimeStampReq; a granted token's serial is recorded first (DatabaseError when it
    // cannot be, and no token leaves the server).
    Result<QByteArray> timestamp(const QByteArray& request, const QString& requester, const QString& remote) const;

    // A DER OCSPResponse about the CA's certificates, from the certificates table.
    Result<QByteArray> ocsp(const QByteArray& request) const;

private:
    ServerContext& m_context;
};

} // namespace ikkatsu::server
