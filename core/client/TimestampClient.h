// Reaches an RFC 3161 timestamp authority, OCSP responders and CRLs over HTTP for B-T, B-LT and B-LTA signatures.
#pragma once

#include "api/SigningLevel.h"
#include "client/ApiClient.h"
#include "crypto/Cades.h"
#include "crypto/Revocation.h"
#include "pdf/PdfSigner.h"

#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace ikkatsu {

struct TimestampClientOptions
{
    QUrl url; // e.g. https://server/api/v1/tsa
    QString bearerToken; // the session, when the server's TSA asks for one
    QList<QSslCertificate> caCertificates; // extra TLS anchors for a server with a private CA
    int timeoutMs = 30000;
};

// A fetcher for CadesSigner: POSTs an application/timestamp-query and returns the token of a granted, matching
// application/timestamp-reply. Blocks its calling thread (any thread; each has its own HttpTransport, kept until the
// thread ends) and keeps connections open between calls. TimestampFailed when the TSA cannot be reached or answers
// with an HTTP error (TimestampNotAllowed when it refuses us), TimestampResponseInvalid when its answer does not fit
// (not HTTP we accept, over 8 MiB, another content type, not a granted token for this request).
CadesSigner::TimestampFetcher makeHttpTimestampFetcher(const TimestampClientOptions& options);

// OCSP (POST application/ocsp-request) and CRL (GET) over HTTP for ValidationDataCollector, with the same TLS
// anchors and timeout but never the session; only http(s) URLs. OcspUnavailable / CrlUnavailable when there is no good
// answer (none, an HTTP error, not HTTP we accept, over 8 MiB).
RevocationFetchers makeHttpRevocationFetchers(const TimestampClientOptions& options);

// What a level needs beyond the key: a signature-time-stamp (B-T and up), the OCSP answers and CRLs of the chains
// in a /DSS (B-LT and up; one collector per batch so each certificate is asked once), a document timestamp over
// that (B-LTA). Empty members for what the level does not need.
struct LongTermSigning
{
    CadesSigner::TimestampFetcher signatureTimestamp;
    std::shared_ptr<const ValidationDataCollector> validationData;
    CadesSigner::TimestampFetcher archiveTimestamp;

    void applyTo(CadesSigner& signer, SignatureOptions& options) const;
};
LongTermSigning longTermSigning(SigningLevel level, const TimestampClientOptions& tsa);

// What the server's policy asks for: its own TSA with the client's session and TLS anchors from B-T on; revocation
// data from the URLs in the certificates (the server's OCSP responder and CRL for its own CA) from B-LT on.
LongTermSigning longTermSigningFor(const client::ApiClient& client, const client::ApiClient::SigningPolicy& policy);

} // namespace ikkatsu
