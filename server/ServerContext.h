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

#include <memory>

namespace ikkatsu::server {

struct ServerContext
{
    ServerConfig config;
    std::shared_ptr<Database> database;
    std::unique_ptr<MailSender> mail;
    std::unique_ptr<CertificateAuthority> ca;
    std::unique_ptr<TimestampAuthority> tsa; // RFC 3161, key and certificate from `ca`
    std::unique_ptr<OcspResponder> ocsp; // RFC 6960 for `ca`'s certificates
    Certificate ocspCertificate;

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
};

// Opens the database and the CA (creating them on first start) and the mail sender.
Result<std::shared_ptr<ServerContext>> openServerContext(const ServerConfig& config);

} // namespace ikkatsu::server
