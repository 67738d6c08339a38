// What every request handler shares: configuration, database, mail, the issuing CA and the audit log.
#pragma once

#include "ServerConfig.h"
#include "api/AuditDto.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/Ocsp.h"
#include "crypto/Timestamp.h"
#include "db/Database.h"
#include "files/FileStore.h"
#include "mail/Mail.h"

#include <QMutex>

#include <memory>

namespace ikkatsu::server {

struct ServerContext
{
    ServerConfig config;
    std::shared_ptr<Database> database;
    std::unique_ptr<MailSender> mail;
    std::unique_ptr<CertificateAuthority> ca;

    // The RFC 3161 authority and the RFC 6960 responder for `ca`'s certificates, with keys and certificates from `ca`.
    // TrustServices rotates them while requests run, so they are read through these (a request keeps the one it got).
    std::shared_ptr<const TimestampAuthority> timestampAuthority() const;
    std::shared_ptr<const OcspResponder> ocspResponder() const;
    Certificate ocspCertificate() const;
    void setTimestampAuthority(std::shared_ptr<const TimestampAuthority> authority);
    void setOcspResponder(std::shared_ptr<const OcspResponder> responder, const Certificate& certificate);

    // The file version store the configuration chose (files/file-store).
    FileStore fileStore() const
    {
        return config.fileStoreInDatabase() ? FileStore(config.filesDir(), database) : FileStore(config.filesDir());
    }

    // Appends to the audit log (操作履歴); `event` is one of api::AuditEvent. Never pass secrets in `detail`.
    // Failures are logged, not returned: an audit write must not turn a completed account change into an error for
    // the caller. Runs on the calling thread's connection, so inside a transaction it commits or rolls back with it.
    void audit(const QString& event, const QString& actor, const QString& subjectUser, const QString& detail = {},
        const QString& remote = {});

private:
    mutable QMutex m_trustMutex;
    std::shared_ptr<const TimestampAuthority> m_tsa;
    std::shared_ptr<const OcspResponder> m_ocsp;
    Certificate m_ocspCertificate;
};

// Opens the database and the CA (creating them on first start) and the mail sender.
Result<std::shared_ptr<ServerContext>> openServerContext(const ServerConfig& config);

} // namespace ikkatsu::server
