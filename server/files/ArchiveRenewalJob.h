// Archive renewal of stored documents (ikkatsu-server renew-archive and the daily job of the running server).
#pragma once

#include "ServerContext.h"

#include <QString>

#include <functional>

namespace ikkatsu::server {

struct ArchiveRenewalSummary
{
    int checked = 0; // stored documents with signatures
    int renewed = 0;
    int failed = 0;
};

class ArchiveRenewalJob
{
public:
    explicit ArchiveRenewalJob(ServerContext& context)
        : m_context(context)
    { }

    // Every stored document whose newest archive (document) timestamp expires within `marginDays` gets the validation
    // data of its chains and a new document timestamp from this server's TSA as a new version (Files), audited as
    // file.archive_renewed; documents without one are left to their signers' level. Revocation data comes from this
    // server's OCSP responder and CRL in-process. One failed document does not stop the others; `report` gets one line
    // per renewed or failed document. An error only when the documents cannot be listed.
    Result<ArchiveRenewalSummary> run(int marginDays, const std::function<void(const QString&)>& report = {});

private:
    ServerContext& m_context;
};

} // namespace ikkatsu::server
