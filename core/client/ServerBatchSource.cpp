// Adapts ApiClient's download and signed-upload calls to BatchSource.
#include "ServerBatchSource.h"

#include "client/ApiClient.h"
#include "client/Futures.h"

#include <QFile>

namespace ikkatsu::client {

namespace {

Error noSession()
{
    return makeError(ErrorCode::SessionMissing);
}

// File IDs come from the server: kept to a safe alphabet before they name a file.
QString safeName(const QString& fileId)
{
    QString name;
    for (const QChar c : fileId)
        name.append(c.isLetterOrNumber() || c == QLatin1Char('-') ? c : QLatin1Char('_'));
    return name;
}

// A copy for this process alone, in a folder only we can enter: no sync (it is never kept), owner-only permissions.
Status writePrivateCopy(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || file.write(bytes) != bytes.size()
        || !file.flush())
        return makeError(ErrorCode::OutputWriteFailed, QStringLiteral("%1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace

ServerBatchSource::ServerBatchSource(ApiClient* client)
    : m_client(client)
    , m_downloads(std::make_shared<QTemporaryDir>())
{ }

ServerBatchSource::~ServerBatchSource() = default;

QFuture<Result<BatchDownload>> ServerBatchSource::fetch(const QString& fileId, bool forSigning)
{
    using Answer = Result<BatchDownload>;
    if (!m_client)
        return QtFuture::makeReadyFuture(Answer(noSession()));
    if (!m_downloads->isValid())
        return QtFuture::makeReadyFuture(
            Answer(makeError(ErrorCode::OutputWriteFailed, QStringLiteral("no temporary directory"))));
    auto promise = makePromise<Answer>();
    // One name per download: a file viewed while a batch signs it gets two copies, not one written twice.
    const QString target
        = m_downloads->filePath(QStringLiteral("%1-%2.pdf").arg(safeName(fileId)).arg(++m_downloadCount));
    auto downloads = m_downloads; // keeps the folder alive until the answer is written
    m_client->downloadFile(
        fileId,
        [promise, target, downloads](Result<ApiClient::Download> answer) {
            if (!answer.ok())
                return fulfil(promise, Answer(answer.error()));
            // ApiClient compared the bytes with the server's digest; a missing tag would make the upload unanchored.
            if (answer->version <= 0)
                return fulfil(
                    promise, Answer(makeError(ErrorCode::ProtocolMismatch, QStringLiteral("no version tag"))));
            const Status written = writePrivateCopy(target, answer->bytes);
            if (!written.ok())
                return fulfil(promise, Answer(written.error()));
            fulfil(promise, Answer(BatchDownload {target, QString::number(answer->version)}));
        },
        forSigning);
    return promise->future();
}

QFuture<Result<api::SignatureStatus>> ServerBatchSource::upload(
    const QString& fileId, const QString& baseVersion, const QString& signedPath)
{
    using Answer = Result<api::SignatureStatus>;
    if (!m_client)
        return QtFuture::makeReadyFuture(Answer(noSession()));
    bool numeric = false;
    const int version = baseVersion.toInt(&numeric);
    if (!numeric || version <= 0)
        return QtFuture::makeReadyFuture(Answer(makeError(ErrorCode::VersionConflict, fileId)));
    QFile file(signedPath);
    if (!file.open(QIODevice::ReadOnly))
        return QtFuture::makeReadyFuture(Answer(makeError(ErrorCode::InputFileUnreadable, signedPath)));
    auto promise = makePromise<Answer>();
    m_client->uploadSignedFile(fileId, version, file.readAll(), [promise](Result<api::FileEntry> answer) {
        fulfil(promise, answer.ok() ? Answer(answer->status) : Answer(answer.error()));
    });
    return promise->future();
}

QFuture<Result<LongTermSigning>> ServerBatchSource::longTermSigning()
{
    using Answer = Result<LongTermSigning>;
    if (!m_client)
        return QtFuture::makeReadyFuture(Answer(noSession()));
    auto promise = makePromise<Answer>();
    QPointer<ApiClient> client = m_client;
    m_client->signingPolicy([promise, client](Result<ApiClient::SigningPolicy> policy) {
        if (!policy.ok())
            return fulfil(promise, Answer(policy.error()));
        if (!client)
            return fulfil(promise, Answer(noSession()));
        fulfil(promise, Answer(longTermSigningFor(*client, *policy)));
    });
    return promise->future();
}

} // namespace ikkatsu::client
