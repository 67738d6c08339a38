// BatchSource over ikkatsu-server: downloads into a private folder, signed uploads based on the version downloaded.
#pragma once

#include "client/BatchSource.h"

#include <QPointer>
#include <QTemporaryDir>

#include <memory>

namespace ikkatsu::client {

class ApiClient;

// Runs on the ApiClient's thread. Downloads land in a private temporary folder (0700, files 0600) that dies with
// this object; each copy is written without a sync, since it is read once by this process and never kept. The
// server records 処理結果 itself (a download for signing, a signature or its refusal on upload).
class ServerBatchSource : public BatchSource
{
public:
    // `client` may die first: calls then answer SessionMissing.
    explicit ServerBatchSource(ApiClient* client);
    ~ServerBatchSource() override;

    // For signing: no 閲覧 in 処理結果 (the upload is the record).
    QFuture<Result<BatchDownload>> download(const QString& fileId) override { return fetch(fileId, true); }
    // `forSigning` false: ファイル閲覧, recorded as a view by the server.
    QFuture<Result<BatchDownload>> fetch(const QString& fileId, bool forSigning);
    QFuture<Result<api::SignatureStatus>> upload(
        const QString& fileId, const QString& baseVersion, const QString& signedPath) override;
    // The administrator's level: from B-T on, the server's TSA with this session.
    QFuture<Result<LongTermSigning>> longTermSigning() override;

private:
    QPointer<ApiClient> m_client;
    std::shared_ptr<QTemporaryDir> m_downloads;
    quint64 m_downloadCount = 0;
};

} // namespace ikkatsu::client
