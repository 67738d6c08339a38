// FileSource over ikkatsu-server's file routes (My Page, viewing, signed uploads, 処理結果) through ApiClient.
#pragma once

#include "FileSource.h"
#include "client/ServerBatchSource.h"

#include <QPointer>

namespace ikkatsu::client {
class ApiClient;
}

namespace ikkatsu::ui {

// Every call runs on the ApiClient's (GUI) thread and answers through a QFuture. Downloads land in a private
// temporary directory (0700) that dies with this object (see ServerBatchSource). The server writes 処理結果 itself (a
// view on download, a signature or its refusal on upload), so record() adds nothing: a local copy would only duplicate
// or contradict it.
class ServerFileSource : public FileSource
{
public:
    // `client` belongs to the account service; a dead client answers SessionMissing.
    explicit ServerFileSource(client::ApiClient* client);
    ~ServerFileSource() override;

    QFuture<Result<FilePage>> list(const FileListFilter& filter) override;
    QFuture<Result<DownloadedFile>> view(const QString& fileId) override { return m_batch.fetch(fileId, false); }
    QFuture<Result<QList<ProcessingRecord>>> history() override;
    void record(const ProcessingRecord& record) override;
    // The batch's calls are the core's (client::ServerBatchSource).
    QFuture<Result<DownloadedFile>> download(const QString& fileId) override { return m_batch.download(fileId); }
    QFuture<Result<api::SignatureStatus>> upload(
        const QString& fileId, const QString& baseVersion, const QString& signedPath) override
    {
        return m_batch.upload(fileId, baseVersion, signedPath);
    }
    QFuture<Result<LongTermSigning>> longTermSigning() override { return m_batch.longTermSigning(); }

private:
    QPointer<client::ApiClient> m_client;
    client::ServerBatchSource m_batch;
};

} // namespace ikkatsu::ui
