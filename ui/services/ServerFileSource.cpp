// Adapts ApiClient's file calls to FileSource: DTO mapping, paging beyond the server's page limit, private downloads.
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

SignatureState stateOf(api::SignatureStatus status)
{
    switch (status) {
    case api::SignatureStatus::Unsigned:
        return SignatureState::Unsigned;
    case api::SignatureStatus::Signing:
        return SignatureState::InProgress;
    case api::SignatureStatus::Signed:
        return SignatureState::Signed;
    }
    return SignatureState::Unsigned;
}

FileEntry entryOf(const api::FileEntry& file)
{
    FileEntry entry;
    entry.id = file.fileId;
    entry.fileName = file.name;
    entry.folderName = file.folderName;
    entry.registeredAt = file.registeredAt;
    entry.state = stateOf(file.status);
    entry.myStatus = file.myStatus == api::MyStatus::Processed ? MyStatus::Done : MyStatus::Pending;
    entry.mayView = true;
    entry.maySign = file.myPermission == api::Permission::Sign;
    // For a signer 処理済 means "my signature is in the current version".
    entry.signedByMe = entry.maySign && file.myStatus == api::MyStatus::Processed;
    if (entry.maySign && !entry.signedByMe)
        entry.myTurn = file.myTurn;
    entry.version = QString::number(file.version);
    entry.size = file.size;
    return entry;
}

// Collects pages of at most kMaxLimit until the caller's page size is reached (resuming a batch asks for all).
struct ListState
{
    api::FileListFilter query;
    int wanted = 0;
    FilePage page;
};

void fetchPages(QPointer<client::ApiClient> client, std::shared_ptr<ListState> state,
    const SharedPromise<Result<FilePage>>& promise)
{
    if (!client)
        return fulfil(promise, Result<FilePage>(noSession()));
    state->query.limit = std::min(api::FileListFilter::kMaxLimit, state->wanted - int(state->page.entries.size()));
    client->listFiles(state->query, [client, state, promise](Result<api::FileListPage> answer) {
        if (!answer.ok())
            return fulfil(promise, Result<FilePage>(answer.error()));
        for (const api::FileEntry& file : answer->files)
            state->page.entries.append(entryOf(file));
        state->page.total = answer->total;
        state->query.offset += int(answer->files.size());
        const bool more = !answer->files.isEmpty() && state->query.offset < answer->total
            && state->page.entries.size() < state->wanted;
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

api::FileListFilter ServerFileSource::toApiFilter(const FileListFilter& filter)
{
    api::FileListFilter query;
    query.myStatus = filter.myStatus == MyStatus::Done ? api::MyStatus::Processed : api::MyStatus::Unprocessed;
    switch (filter.target) {
    case SearchTarget::All:
        query.target = api::FileListFilter::Target::All;
        break;
    case SearchTarget::View:
        query.target = api::FileListFilter::Target::View;
        break;
    case SearchTarget::Sign:
        query.target = api::FileListFilter::Target::Sign;
        break;
    }
    switch (filter.signatureState) {
    case SignatureState::Any:
        break;
    case SignatureState::Unsigned:
        query.signatureStatus = api::SignatureStatus::Unsigned;
        break;
    case SignatureState::InProgress:
        query.signatureStatus = api::SignatureStatus::Signing;
        break;
    case SignatureState::Signed:
        query.signatureStatus = api::SignatureStatus::Signed;
        break;
    }
    query.registeredFrom = filter.registeredFrom;
    query.registeredTo = filter.registeredTo;
    query.folderName = filter.folderName.left(api::FileListFilter::kMaxTextLength);
    query.fileName = filter.fileName.left(api::FileListFilter::kMaxTextLength);
    switch (filter.sortKey) {
    case FileListFilter::SortKey::FileName:
        query.sort = api::FileListFilter::Sort::Name;
        break;
    case FileListFilter::SortKey::Folder:
        query.sort = api::FileListFilter::Sort::Folder;
        break;
    case FileListFilter::SortKey::Registered:
        query.sort = api::FileListFilter::Sort::RegisteredAt;
        break;
    case FileListFilter::SortKey::State:
        query.sort = api::FileListFilter::Sort::Status;
        break;
    case FileListFilter::SortKey::MyStatus:
        query.sort = api::FileListFilter::Sort::MyStatus;
        break;
    }
    query.descending = filter.descending;
    const int pageSize = std::max(1, filter.pageSize);
    query.offset = std::max(0, filter.page) * pageSize;
    query.limit = std::min(api::FileListFilter::kMaxLimit, pageSize);
    return query;
}

QFuture<Result<FilePage>> ServerFileSource::list(const FileListFilter& filter)
{
    auto promise = makePromise<Result<FilePage>>();
    auto state = std::make_shared<ListState>();
    state->query = toApiFilter(filter);
    state->wanted = std::max(1, filter.pageSize);
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
        QList<ProcessingRecord> records;
        for (const api::ProcessingResult& row : answer->results) {
            ProcessingRecord record;
            record.at = row.occurredAt;
            record.fileName = row.fileName;
            record.folderName = row.folderName;
            record.action = resultActionName(row.action);
            record.ok = row.succeeded;
            record.errorCode = row.errorCode;
            records.append(record);
        }
        fulfil(promise, Result<QList<ProcessingRecord>>(records));
    });
    return promise->future();
}

void ServerFileSource::record(const ProcessingRecord&)
{
    // The server already recorded it (see the class comment).
}

} // namespace ikkatsu::ui
