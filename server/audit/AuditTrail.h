// 操作履歴: reading the administrators' audit trail (written by ServerContext::audit, append-only by triggers).
#pragma once

#include "ServerContext.h"
#include "api/AuditDto.h"

namespace ikkatsu::server {

class AuditTrail
{
public:
    explicit AuditTrail(ServerContext& context)
        : m_context(context)
    { }

    // Newest first, one page of the filter.
    Result<api::AuditPage> list(const api::AuditFilter& filter) const;
    // The same rows (ignoring paging, at most kCsvRows, oldest first) as CSV: UTF-8 with BOM, CRLF, every cell
    // quoted, Japanese headings, times in Japan time, event names as stored.
    Result<QByteArray> csv(const api::AuditFilter& filter) const;

    static constexpr int kCsvRows = 100000;
    static QByteArray toCsv(const QList<api::AuditEntry>& entries);

private:
    ServerContext& m_context;
};

} // namespace ikkatsu::server
