// The server's configuration: one table of keys, read from an INI file and overridden by command-line flags.
#pragma once

#include "common/Result.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <algorithm>

namespace ikkatsu::server {

struct SmtpConfig
{
    QString url; // smtp://host:port or smtps://host:port; empty = outbox folder
    QString user; // empty = no AUTH
    QString password; // never logged
    bool startTls = true;
    QString from = QStringLiteral("noreply@ikkatsu.example");
    int timeoutSeconds = 30;
};

struct ServerConfig
{
    QString dataDir;
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8443;
    QString database; // "sqlite:PATH" (default: <data-dir>/ikkatsu.sqlite3) or "postgresql://user@host:port/db"
    QString tlsCert; // PEM; with tlsKey enables HTTPS
    QString tlsKey;
    bool allowPlainHttp = false; // plain HTTP on a non-loopback address
    QString publicUrl; // the login site URL written in mail ①; default derived from listen address

    QString serviceName = QStringLiteral("Ikkatsu 一括電子署名");
    QString serviceProvider = QStringLiteral("Ikkatsu Project"); // O of issued certificates (サービス提供会社名)
    QString country = QStringLiteral("JP");
    int certificateValidityDays = 730;
    QString caKeyFile; // default <data-dir>/ca/ca-key.pem
    QString caCertFile; // default <data-dir>/ca/ca-cert.pem
    // The TSA's and OCSP responder's keys and certificates; default <data-dir>/ca/{tsa,ocsp}-{key,cert}.pem.
    QString tsaKeyFile;
    QString tsaCertFile;
    QString ocspKeyFile;
    QString ocspCertFile;
    // Several hosts serving one CA: all six PEM files are provisioned by the operator and only read (never created
    // or renewed by the server); one missing or not fitting stops the start (E5021).
    bool keysProvisioned = false;

    // Trusted time (RFC 3161) at /api/v1/tsa. Who may ask: "session-or-loopback" (a valid session token, or anyone
    // from a loopback address), "session", "anyone", or "off".
    QString tsaAccess = QStringLiteral("session-or-loopback");
    // The TSA policy OID in every token: a 2.25 (UUID) arc of this product until the operator sets its own.
    QString tsaPolicyOid = QStringLiteral("2.25.238534167349781563170693446383725186617");
    // The PAdES level the desktop and `ikkatsu-cli batch` sign at: "B-B" or "B-T".
    QString signatureLevel = QStringLiteral("B-LTA");
    // Archive renewal (ikkatsu-server renew-archive, and the same job in the running server every
    // archiveRenewIntervalSeconds, which also rotates the TSA and OCSP certificates when due): documents whose newest
    // archive timestamp expires within archiveRenewMarginDays get a new version with a new one.
    int archiveRenewMarginDays = 365;
    int archiveRenewIntervalSeconds = 86400;

    int otpLifetimeSeconds = 600;
    int otpMaxTries = 5;
    int otpResendIntervalSeconds = 60;
    int otpMaxSends = 5;
    int sessionIdleSeconds = 30 * 60;
    int sessionAbsoluteSeconds = 12 * 3600;
    int lockoutThreshold = 5;
    int passwordMinLength = 8;
    bool requirePasswordChangeOnFirstLogin = false;

    int workerThreads = 4;
    int workerQueue = 64; // pending jobs beyond the busy workers before 503 E5005
    qint64 maxRequestBytes = 1 << 20; // whole request (headers + body), except on the file upload routes
    qint64 maxFileBytes = 64 << 20; // one PDF; the upload routes accept requests of uploadRequestBytes()
    int maxJsonStringLength = 1024;

    // Hostile clients: timeouts and limits applied before Qt HttpServer parses (see server/http/HttpServer.cpp).
    int headTimeoutSeconds = 10; // the request line and headers must arrive within this time
    int bodyMinRate = 1024; // bytes per second a request body must average once the grace period is over
    int bodyGraceSeconds = 10;
    int keepAliveSeconds = 30; // an idle keep-alive connection is closed after this time
    int maxHeaderBytes = 16 << 10; // request line + headers; beyond it 431 E5014 and the connection closes
    int maxHeaderCount = 100;
    int maxConnectionsPerAddress = 64; // 0 = no limit (behind a proxy that does not forward the address)
    int maxConnections = 1024;
    QStringList trustedProxies; // peers whose X-Forwarded-For names the client (e.g. 127.0.0.1 behind nginx)
    QStringList metricsAllow = {QStringLiteral("127.0.0.0/8"), QStringLiteral("::1/128")}; // subnets for /metrics
    int drainSeconds = 30; // SIGTERM: the longest wait for requests in flight before exiting

    // Login rate limits, counted in the database so that every host behind a balancer shares them.
    int loginRatePerAddress = 60; // login and OTP requests per client address per window
    int loginRatePerAccount = 10; // login requests naming one user ID per window
    int loginRateWindowSeconds = 300;

    // Where file versions live: "directory" (<data-dir>/files), "database" (file_blobs), or empty: the database with
    // PostgreSQL (hosts share nothing else), the directory with SQLite.
    QString fileStore;

    SmtpConfig smtp;

    QString databasePath() const; // for sqlite: the file
    QString filesDir() const; // content-addressed PDF versions (directory store), temporaries (database store)
    bool fileStoreInDatabase() const;
    // Largest request on the upload routes: one PDF in base64 (the admin's JSON batch) plus room for the rest.
    qint64 uploadRequestBytes() const { return std::max(maxRequestBytes, maxFileBytes / 3 * 4 + (4 << 20)); }
    QString outboxDir() const;
    QString loginUrl() const;
    QString crlUrl() const;
    QString ocspUrl() const;
    QString caCertificateUrl() const;
    QString tsaUrl() const;
};

// Builds the configuration from `--config FILE` (INI, see docs) and the flags in `args`
// (args excludes the program name and subcommand). Unknown flags are an error (BadRequest with detail).
Result<ServerConfig> parseServerConfig(const QStringList& args);

// The usage text printed by --help.
QString serverUsage();

} // namespace ikkatsu::server
