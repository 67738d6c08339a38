// 処理結果: the append-only trail of registrations, views and signatures (with refusals and their codes).
#pragma once

#include "ServerContext.h"
#include "api/FileDto.h"
#include "http/HttpMessage.h"

namespace ikkatsu::server {

// Who called from where, as the trail records it.
struct ClientInfo
{
    QString userAgent;
    QString remote;

    static ClientInfo of(const HttpRequest& request);
};

class ProcessingResults
{
public:
    explicit ProcessingResults(ServerContext& context)
        : m_context(context)
    { }

    // Fills resultId and occurredAt when empty. Runs on the calling thread's connection, so inside a caller's
    // transaction it commits or rolls back with it.
    Status record(api::ProcessingResult result);
    // `filter.userId` empty = everyone (administrators only: the route decides).
    Result<api::ResultPage> list(const api::ResultFilter& filter) const;
    // The same rows (ignoring paging, at most kCsvRows, oldest first) as CSV: UTF-8 with BOM, CRLF, every
    // cell quoted, Japanese headings, times in Japan time; cells that a spreadsheet would run as a formula are
    // prefixed with an apostrophe.
    Result<QByteArray> csv(api::ResultFilter filter) const;

    static constexpr int kCsvRows = 100000;
    static QByteArray toCsv(const QList<api::ProcessingResult>& results);

private:
    ServerContext& m_context;
};

} // namespace ikkatsu::server
