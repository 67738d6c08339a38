// Start-up of the shared state; the CA key lives in the data directory with mode 0600.
#include "ServerContext.h"

#include "accounts/Secrets.h"
#include "ca/TrustServices.h"
#include "files/FileStore.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

namespace ikkatsu::server {

Q_LOGGING_CATEGORY(lcAudit, "ikkatsu.server.audit")

void ServerContext::audit(const QString& event, const QString& actor, const QString& subjectUser, const QString& detail,
    const QString& remote)
{
    auto written = database->exec(QStringLiteral("INSERT INTO audit_log (event_id, occurred_at, actor, subject_user, "
                                                 "event, detail, remote) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {newRandomId(), QDateTime::currentMSecsSinceEpoch(), actor, subjectUser, event, detail, remote});
    if (!written)
        qCWarning(lcAudit) << "audit write failed for" << event << written.error().detail;
}

std::shared_ptr<const TimestampAuthority> ServerContext::timestampAuthority() const
{
    QMutexLocker lock(&m_trustMutex);
    return m_tsa;
}

std::shared_ptr<const OcspResponder> ServerContext::ocspResponder() const
{
    QMutexLocker lock(&m_trustMutex);
    return m_ocsp;
}

Certificate ServerContext::ocspCertificate() const
{
    QMutexLocker lock(&m_trustMutex);
    return m_ocspCertificate;
}

void ServerContext::setTimestampAuthority(std::shared_ptr<const TimestampAuthority> authority)
{
    QMutexLocker lock(&m_trustMutex);
    m_tsa = std::move(authority);
}

void ServerContext::setOcspResponder(std::shared_ptr<const OcspResponder> responder, const Certificate& certificate)
{
    QMutexLocker lock(&m_trustMutex);
    m_ocsp = std::move(responder);
    m_ocspCertificate = certificate;
}

Result<std::shared_ptr<ServerContext>> openServerContext(const ServerConfig& config)
{
    if (!QDir().mkpath(config.dataDir))
        return makeError(ErrorCode::ServerError, QStringLiteral("cannot create data directory ") + config.dataDir);
    auto context = std::make_shared<ServerContext>();
    context->config = config;
    auto database = Database::open(config.database);
    if (!database)
        return database.error();
    context->database = database.value();
    context->mail = std::make_unique<MailSender>(config.smtp, config.outboxDir());
    CaIdentity identity;
    identity.commonName = config.serviceName + QStringLiteral(" Issuing CA");
    identity.organization = config.serviceProvider;
    identity.country = config.country;
    // With provisioned keys a missing CA file is an error: creating one would start a second CA on this host.
    if (config.keysProvisioned) {
        for (const QString& file : {config.caKeyFile, config.caCertFile}) {
            if (!QFileInfo(file).isReadable())
                return makeError(ErrorCode::ServiceKeysMissing, QStringLiteral("not readable: ") + file);
        }
    }
    auto ca = CertificateAuthority::loadOrCreate(config.caKeyFile, config.caCertFile, identity);
    if (!ca)
        return ca.error();
    context->ca = std::make_unique<CertificateAuthority>(std::move(ca).value());
    IKK_TRY(TrustServices::open(*context));
    if (!QDir().mkpath(config.filesDir()))
        return makeError(ErrorCode::ServerError, QStringLiteral("cannot create ") + config.filesDir());
    context->fileStore().removeLeftovers();
    return context;
}

} // namespace ikkatsu::server
