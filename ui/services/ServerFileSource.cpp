// Adapts ApiClient's file calls to FileSource: paging beyond the server's page limit, 処理結果; the batch's calls are
// ServerBatchSource's.
#include "ServerFileSource.h"

#include "api/FileDto.h"
#include "client/ApiClient.h"
#include "client/Futures.h"

#include <algorithm>

namespace ikkatsu::ui {

namespace {

using client::fulfil;
using client::makePromise;
using client::SharedPromise;

Error noSession()
{
    return makeError(ErrorCode::SessionMissing);
}

// Collects pages of at most kMaxLimit until the caller's page size is reached (resuming a batch asks for all).
struct ListState
{
    api::FileListFilter query;
    int wanted = 0;
    api::FileListPage page;
};

void fetchPages(QPointer<client::ApiClient> client, std::shared_ptr<ListState> state,
    const SharedPromise<Result<FilePage>>& promise)
{
    if (!client)
        return fulfil(promise, Result<FilePage>(noSession()));
    state->query.limit = std::min(api::FileListFilter::kMaxLimit, state->wanted - int(state->page.files.size()));
    client->listFiles(state->query, [client, state, promise](Result<api::FileListPage> answer) {
        if (!answer.ok())
            return fulfil(promise, Result<FilePage>(answer.error()));
        state->page.files.append(answer->files);
        state->page.total = answer->total;
        state->query.offset += int(answer->files.size());
        const bool more = !answer->files.isEmpty() && state->query.offset < answer->total
            && state->page.files.size() < state->wanted;
        if (!more)
            return fulfil(promise, Result<FilePage>(state->page));
        fetchPages(client, state, promise);
    });
}

} // namespace

ServerFileSource::ServerFileSource(client::ApiClient* client)
    : m_client(client)
    , m_batch(client)
{ }

ServerFileSource::~ServerFileSource() = default;

QFuture<Result<FilePage>> ServerFileSource::list(const FileListFilter& filter)
{
    auto promise = makePromise<Result<FilePage>>();
    auto state = std::make_shared<ListState>();
    state->query = filter;
    // The screens may ask for more than the server's page (resuming a batch asks for all): fetched page by page.
    state->wanted = std::max(1, filter.limit);
    state->page.offset = filter.offset;
    state->page.limit = state->wanted;
    fetchPages(m_client, state, promise);
    return promise->future();
}

QFuture<Result<QList<ProcessingRecord>>> ServerFileSource::history()
{
    if (!m_client)
        return QtFuture::makeReadyFuture(Result<QList<ProcessingRecord>>(noSession()));
    api::ResultFilter filter;
    filter.limit = api::ResultFilter::kMaxLimit;
    auto promise = makePromise<Result<QList<ProcessingRecord>>>();
    m_client->results(filter, [promise](Result<api::ResultPage> answer) {
        if (!answer.ok())
            return fulfil(promise, Result<QList<ProcessingRecord>>(answer.error()));
        fulfil(promise, Result<QList<ProcessingRecord>>(answer->results));
    });
    return promise->future();
}

void ServerFileSource::record(const ProcessingRecord&)
{
    // The server already recorded it (see the class comment).
}

} // namespace ikkatsu::ui
