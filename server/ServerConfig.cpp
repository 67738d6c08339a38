// One table maps every configuration key to its INI name and its flag, so the file and the flags cannot drift apart.
#include "ServerConfig.h"

#include "api/SigningLevel.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

#include <functional>

namespace ikkatsu::server {

namespace {

using Setter = std::function<bool(ServerConfig&, const QString&)>;

struct ConfigKey
{
    const char* name; // INI key "section/key"; the flag is "--" + the part after the slash
    const char* help;
    bool isSwitch; // flag without a value
    Setter set;
};

bool setInt(int& target, const QString& value, int min, int max)
{
    bool ok = false;
    const int number = value.toInt(&ok);
    if (!ok || number < min || number > max)
        return false;
    target = number;
    return true;
}

bool setBool(bool& target, const QString& value)
{
    const QString v = value.trimmed().toLower();
    if (v == QLatin1String("true") || v == QLatin1String("1") || v == QLatin1String("yes") || v.isEmpty()) {
        target = true;
        return true;
    }
    if (v == QLatin1String("false") || v == QLatin1String("0") || v == QLatin1String("no")) {
        target = false;
        return true;
    }
    return false;
}

bool setListen(ServerConfig& config, const QString& value)
{
    const int colon = value.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = value.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    QHostAddress address;
    if (host == QLatin1String("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host))
        return false;
    bool ok = false;
    const uint port = value.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return false;
    config.listenAddress = address;
    config.listenPort = static_cast<quint16>(port);
    return true;
}

const QList<ConfigKey>& configKeys()
{
    static const QList<ConfigKey> keys = {
        {"server/data-dir", "data directory (database, CA, outbox)", false,
            [](ServerConfig& c, const QString& v) {
                c.dataDir = v;
                return !v.isEmpty();
            }},
        {"server/listen", "address:port to listen on (default 127.0.0.1:8443; port 0 = any free port)", false,
            setListen},
        {"server/database",
            "sqlite:PATH (default sqlite:<data-dir>/ikkatsu.sqlite3) or postgresql://user@host:port/database", false,
            [](ServerConfig& c, const QString& v) {
                c.database = v;
                return v.startsWith(QLatin1String("sqlite:")) || v.startsWith(QLatin1String("postgresql://"))
                    || v.startsWith(QLatin1String("postgres://"));
            }},
        {"server/tls-cert", "PEM certificate (chain) for HTTPS", false,
            [](ServerConfig& c, const QString& v) {
                c.tlsCert = v;
                return true;
            }},
        {"server/tls-key", "PEM private key for HTTPS", false,
            [](ServerConfig& c, const QString& v) {
                c.tlsKey = v;
                return true;
            }},
        {"server/allow-plain-http", "allow plain HTTP on a non-loopback address (behind a TLS proxy)", true,
            [](ServerConfig& c, const QString& v) { return setBool(c.allowPlainHttp, v); }},
        {"server/public-url", "the login site URL written in mails (default http(s)://listen-address)", false,
            [](ServerConfig& c, const QString& v) {
                c.publicUrl = v;
                return true;
            }},
        {"server/workers", "worker threads for password hashing, database and CA work", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.workerThreads, v, 1, 256); }},
        {"server/queue", "jobs that may wait for a worker before the server answers 503 E5005", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.workerQueue, v, 0, 100000); }},
        {"server/max-request-bytes", "largest accepted request, headers and body", false,
            [](ServerConfig& c, const QString& v) {
                int n = 0;
                if (!setInt(n, v, 1024, 1 << 30))
                    return false;
                c.maxRequestBytes = n;
                return true;
            }},
        {"files/max-file-bytes", "largest PDF accepted from an administrator or as a signed upload", false,
            [](ServerConfig& c, const QString& v) {
                int n = 0;
                if (!setInt(n, v, 1024, 1 << 30))
                    return false;
                c.maxFileBytes = n;
                return true;
            }},
        {"limits/head-timeout", "seconds within which the request line and headers must arrive (408 E5016)", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.headTimeoutSeconds, v, 1, 3600); }},
        {"limits/body-min-rate", "bytes per second a request body must average after --body-grace (408 E5016)", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.bodyMinRate, v, 0, 1 << 30); }},
        {"limits/body-grace", "seconds a request body may take before --body-min-rate applies", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.bodyGraceSeconds, v, 0, 3600); }},
        {"limits/keep-alive-timeout", "seconds after which an idle keep-alive connection is closed", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.keepAliveSeconds, v, 1, 3600); }},
        {"limits/max-header-bytes", "largest request line plus headers (431 E5014)", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.maxHeaderBytes, v, 1024, 1 << 20); }},
        {"limits/max-headers", "most header fields in one request (431 E5014)", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.maxHeaderCount, v, 1, 10000); }},
        {"limits/max-connections-per-address", "open connections per client address (429 E5015; 0 = no limit)", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.maxConnectionsPerAddress, v, 0, 1 << 20); }},
        {"limits/max-connections", "open connections in total (503 E5005)", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.maxConnections, v, 1, 1 << 20); }},
        {"server/trusted-proxies",
            "comma-separated proxy addresses whose X-Forwarded-For names the client (e.g. 127.0.0.1 behind nginx)",
            false,
            [](ServerConfig& c, const QString& v) {
                c.trustedProxies.clear();
                for (const QString& part : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                    const QHostAddress address(part.trimmed());
                    if (address.isNull())
                        return false;
                    c.trustedProxies.append(address.toString());
                }
                return true;
            }},
        {"server/metrics-allow", "comma-separated subnets allowed to read /metrics (default 127.0.0.0/8,::1/128)",
            false,
            [](ServerConfig& c, const QString& v) {
                c.metricsAllow.clear();
                for (const QString& part : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                    if (QHostAddress::parseSubnet(part.trimmed()).first.isNull())
                        return false;
                    c.metricsAllow.append(part.trimmed());
                }
                return true;
            }},
        {"server/drain-timeout", "seconds SIGTERM waits for requests in flight before the server exits", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.drainSeconds, v, 0, 3600); }},
        {"login/rate-per-address",
            "login and one-time password requests per client address per --rate-window (429 E5018)", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.loginRatePerAddress, v, 1, 1 << 20); }},
        {"login/rate-per-account", "login requests naming one user ID per --rate-window (429 E5018)", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.loginRatePerAccount, v, 1, 1 << 20); }},
        {"login/rate-window", "seconds of the login rate-limit window", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.loginRateWindowSeconds, v, 1, 86400); }},
        {"service/service-name", "service name (mail subjects, certificate OU)", false,
            [](ServerConfig& c, const QString& v) {
                c.serviceName = v;
                return !v.isEmpty();
            }},
        {"service/service-provider", "service provider (certificate O)", false,
            [](ServerConfig& c, const QString& v) {
                c.serviceProvider = v;
                return !v.isEmpty();
            }},
        {"service/country", "certificate C (two letters)", false,
            [](ServerConfig& c, const QString& v) {
                c.country = v;
                return v.size() == 2;
            }},
        {"ca/certificate-validity-days", "validity of issued signing certificates", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.certificateValidityDays, v, 1, 3650); }},
        {"ca/ca-key", "operator-provided CA private key (PEM)", false,
            [](ServerConfig& c, const QString& v) {
                c.caKeyFile = v;
                return true;
            }},
        {"ca/ca-cert", "operator-provided CA certificate (PEM)", false,
            [](ServerConfig& c, const QString& v) {
                c.caCertFile = v;
                return true;
            }},
        {"ca/tsa-key", "TSA private key (PEM; default <data-dir>/ca/tsa-key.pem)", false,
            [](ServerConfig& c, const QString& v) {
                c.tsaKeyFile = v;
                return !v.isEmpty();
            }},
        {"ca/tsa-cert", "TSA certificate issued by the CA (PEM; default <data-dir>/ca/tsa-cert.pem)", false,
            [](ServerConfig& c, const QString& v) {
                c.tsaCertFile = v;
                return !v.isEmpty();
            }},
        {"ca/ocsp-key", "OCSP responder private key (PEM; default <data-dir>/ca/ocsp-key.pem)", false,
            [](ServerConfig& c, const QString& v) {
                c.ocspKeyFile = v;
                return !v.isEmpty();
            }},
        {"ca/ocsp-cert", "OCSP responder certificate issued by the CA (PEM; default <data-dir>/ca/ocsp-cert.pem)",
            false,
            [](ServerConfig& c, const QString& v) {
                c.ocspCertFile = v;
                return !v.isEmpty();
            }},
        {"ca/keys-provisioned",
            "the CA, TSA and OCSP key and certificate files are provided to every host and only read (E5021 if one is "
            "missing)",
            true, [](ServerConfig& c, const QString& v) { return setBool(c.keysProvisioned, v); }},
        {"files/file-store",
            "where file versions live: database or directory (default: database with PostgreSQL, directory with "
            "SQLite)",
            false,
            [](ServerConfig& c, const QString& v) {
                c.fileStore = v;
                return v == QLatin1String("database") || v == QLatin1String("directory");
            }},
        {"tsa/access", "who may ask /api/v1/tsa for timestamps: session-or-loopback, session, anyone or off", false,
            [](ServerConfig& c, const QString& v) {
                c.tsaAccess = v;
                return QStringList {QStringLiteral("session-or-loopback"), QStringLiteral("session"),
                    QStringLiteral("anyone"), QStringLiteral("off")}
                    .contains(v);
            }},
        {"tsa/policy-oid", "TSA policy OID written into every timestamp token", false,
            [](ServerConfig& c, const QString& v) {
                static const QRegularExpression oid(QStringLiteral("^[0-2](\\.(0|[1-9][0-9]*))+$"));
                c.tsaPolicyOid = v;
                return oid.match(v).hasMatch();
            }},
        {"signing/level",
            "PAdES level of desktop and batch signatures: B-B, B-T (this server's TSA), B-LT (also its OCSP answers "
            "and "
            "CRL) or B-LTA (also an archive timestamp; the default)",
            false,
            [](ServerConfig& c, const QString& v) {
                c.signatureLevel = v;
                return parseSigningLevel(v).has_value();
            }},
        {"archive/renew-margin-days",
            "days before its newest archive timestamp expires that a stored document gets a new one", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.archiveRenewMarginDays, v, 1, 3650); }},
        {"archive/renew-interval",
            "seconds between runs of the archive renewal and certificate rotation job (default one day)", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.archiveRenewIntervalSeconds, v, 1, 30 * 86400); }},
        {"login/otp-lifetime", "seconds a one-time password stays valid", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.otpLifetimeSeconds, v, 1, 3600); }},
        {"login/otp-max-tries", "wrong one-time passwords before the login attempt dies", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.otpMaxTries, v, 1, 100); }},
        {"login/otp-resend-interval", "seconds between one-time password mails of one login attempt", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.otpResendIntervalSeconds, v, 0, 3600); }},
        {"login/session-idle", "seconds of inactivity after which a session ends", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.sessionIdleSeconds, v, 1, 7 * 86400); }},
        {"login/session-absolute", "seconds after login at which a session ends regardless", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.sessionAbsoluteSeconds, v, 1, 30 * 86400); }},
        {"login/lockout-threshold", "consecutive wrong passwords that lock an account", false,
            [](ServerConfig& c, const QString& v) { return setInt(c.lockoutThreshold, v, 1, 1000); }},
        {"login/require-password-change", "users must change the initial password on first login", true,
            [](ServerConfig& c, const QString& v) { return setBool(c.requirePasswordChangeOnFirstLogin, v); }},
        {"mail/smtp-url", "smtp://host:port or smtps://host:port (default: .eml files in <data-dir>/outbox)", false,
            [](ServerConfig& c, const QString& v) {
                c.smtp.url = v;
                return true;
            }},
        {"mail/smtp-user", "SMTP AUTH user", false,
            [](ServerConfig& c, const QString& v) {
                c.smtp.user = v;
                return true;
            }},
        {"mail/smtp-password-file", "file holding the SMTP AUTH password", false,
            [](ServerConfig& c, const QString& v) {
                QFile file(v);
                if (!file.open(QIODevice::ReadOnly))
                    return false;
                c.smtp.password = QString::fromUtf8(file.readAll()).trimmed();
                return true;
            }},
        {"mail/smtp-starttls", "require STARTTLS on smtp:// (true/false)", false,
            [](ServerConfig& c, const QString& v) { return setBool(c.smtp.startTls, v); }},
        {"mail/mail-from", "sender address of every mail", false,
            [](ServerConfig& c, const QString& v) {
                c.smtp.from = v;
                return v.contains(QLatin1Char('@'));
            }},
    };
    return keys;
}

QString flagOf(const ConfigKey& key)
{
    const QString name = QString::fromLatin1(key.name);
    return QStringLiteral("--") + name.mid(name.indexOf(QLatin1Char('/')) + 1);
}

} // namespace

QString ServerConfig::databasePath() const
{
    if (database.startsWith(QLatin1String("sqlite:")))
        return database.mid(7);
    return QDir(dataDir).filePath(QStringLiteral("ikkatsu.sqlite3"));
}

QString ServerConfig::filesDir() const
{
    return QDir(dataDir).filePath(QStringLiteral("files"));
}

bool ServerConfig::fileStoreInDatabase() const
{
    if (!fileStore.isEmpty())
        return fileStore == QLatin1String("database");
    return !database.startsWith(QLatin1String("sqlite:"));
}

QString ServerConfig::outboxDir() const
{
    return QDir(dataDir).filePath(QStringLiteral("outbox"));
}

QString ServerConfig::loginUrl() const
{
    if (!publicUrl.isEmpty())
        return publicUrl;
    const QString scheme = tlsCert.isEmpty() ? QStringLiteral("http") : QStringLiteral("https");
    QString host = listenAddress.toString();
    if (listenAddress.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return scheme + QStringLiteral("://") + host + QLatin1Char(':') + QString::number(listenPort) + QLatin1Char('/');
}

QString ServerConfig::crlUrl() const
{
    QString base = loginUrl();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + QStringLiteral("/api/v1/ca/crl");
}

namespace {

QString apiUrl(const ServerConfig& config, const QString& path)
{
    QString base = config.loginUrl();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + path;
}

} // namespace

QString ServerConfig::ocspUrl() const
{
    return apiUrl(*this, QStringLiteral("/api/v1/ocsp"));
}

QString ServerConfig::caCertificateUrl() const
{
    return apiUrl(*this, QStringLiteral("/api/v1/ca/certificate"));
}

QString ServerConfig::tsaUrl() const
{
    return apiUrl(*this, QStringLiteral("/api/v1/tsa"));
}

Result<ServerConfig> parseServerConfig(const QStringList& args)
{
    ServerConfig config;
    // The config file first, so that flags override it.
    const int configAt = args.indexOf(QStringLiteral("--config"));
    if (configAt >= 0) {
        if (configAt + 1 >= args.size())
            return makeError(ErrorCode::ConfigInvalid, QStringLiteral("--config needs a file"));
        const QString file = args.at(configAt + 1);
        if (!QFileInfo::exists(file))
            return makeError(ErrorCode::ConfigInvalid, QStringLiteral("config file not found: ") + file);
        QSettings settings(file, QSettings::IniFormat);
        for (const ConfigKey& key : configKeys()) {
            const QString name = QString::fromLatin1(key.name);
            if (!settings.contains(name))
                continue;
            const QVariant value = settings.value(name);
            const QString text = value.typeId() == QMetaType::QStringList ? value.toStringList().join(QLatin1Char(','))
                                                                          : value.toString();
            if (!key.set(config, text))
                return makeError(ErrorCode::ConfigInvalid, QStringLiteral("bad value in config file for ") + name);
        }
    }
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (arg == QLatin1String("--config")) {
            ++i;
            continue;
        }
        QString flag = arg;
        QString value;
        bool hasInlineValue = false;
        const int eq = arg.indexOf(QLatin1Char('='));
        if (arg.startsWith(QLatin1String("--")) && eq > 0) {
            flag = arg.left(eq);
            value = arg.mid(eq + 1);
            hasInlineValue = true;
        }
        const ConfigKey* found = nullptr;
        for (const ConfigKey& key : configKeys()) {
            if (flagOf(key) == flag) {
                found = &key;
                break;
            }
        }
        if (!found)
            return makeError(ErrorCode::ConfigInvalid, QStringLiteral("unknown option: ") + arg);
        if (!hasInlineValue && !found->isSwitch) {
            if (i + 1 >= args.size())
                return makeError(ErrorCode::ConfigInvalid, flag + QStringLiteral(" needs a value"));
            value = args.at(++i);
        }
        if (!found->set(config, value))
            return makeError(ErrorCode::ConfigInvalid, QStringLiteral("bad value for ") + flag);
    }
    if (config.dataDir.isEmpty())
        return makeError(ErrorCode::ConfigInvalid, QStringLiteral("--data-dir is required"));
    if (config.tlsCert.isEmpty() != config.tlsKey.isEmpty())
        return makeError(ErrorCode::ConfigInvalid, QStringLiteral("--tls-cert and --tls-key go together"));
    if (config.caKeyFile.isEmpty() != config.caCertFile.isEmpty())
        return makeError(ErrorCode::ConfigInvalid, QStringLiteral("--ca-key and --ca-cert go together"));
    if (config.caKeyFile.isEmpty()) {
        config.caKeyFile = QDir(config.dataDir).filePath(QStringLiteral("ca/ca-key.pem"));
        config.caCertFile = QDir(config.dataDir).filePath(QStringLiteral("ca/ca-cert.pem"));
    }
    const QDir caDir(QDir(config.dataDir).filePath(QStringLiteral("ca")));
    for (auto [file, name] :
        {std::pair {&config.tsaKeyFile, "tsa-key.pem"}, std::pair {&config.tsaCertFile, "tsa-cert.pem"},
            std::pair {&config.ocspKeyFile, "ocsp-key.pem"}, std::pair {&config.ocspCertFile, "ocsp-cert.pem"}}) {
        if (file->isEmpty())
            *file = caDir.filePath(QString::fromLatin1(name));
    }
    if (config.database.isEmpty())
        config.database = QStringLiteral("sqlite:") + QDir(config.dataDir).filePath(QStringLiteral("ikkatsu.sqlite3"));
    return config;
}

QString serverUsage()
{
    QString text = QStringLiteral(
        "Usage: ikkatsu-server [serve] [options]\n"
        "       ikkatsu-server init --admin-id ID [--admin-email MAIL] [--password-stdin] [options]\n"
        "       ikkatsu-server demo-seed [options]\n"
        "       ikkatsu-server renew-archive [--margin-days N] [options]\n"
        "       ikkatsu-server migrate-files --to-database|--to-directory [--delete-source] [options]\n\n"
        "Options (each also readable from the INI file given by --config FILE, as [section] key=value):\n");
    for (const ConfigKey& key : configKeys()) {
        text += QStringLiteral("  ") + flagOf(key) + (key.isSwitch ? QString() : QStringLiteral(" VALUE"));
        text += QStringLiteral("\n      ") + QString::fromLatin1(key.name) + QStringLiteral(": ")
            + QString::fromUtf8(key.help) + QLatin1Char('\n');
    }
    return text;
}

} // namespace ikkatsu::server
