// Adapts ApiClient's download and signed-upload calls to BatchSource.
#include "ServerBatchSource.h"

#include "client/ApiClient.h"

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
    // One name per download: a file viewed while a batch signs it gets two copies, not one written twice.
    const QString target
        = m_downloads->filePath(QStringLiteral("%1-%2.pdf").arg(safeName(fileId)).arg(++m_downloadCount));
    auto downloads = m_downloads; // keeps the folder alive until the answer is written
    return m_client->downloadFile(fileId, forSigning)
        .then([target, downloads](const Result<ApiClient::Download>& answer) -> Answer {
            if (!answer.ok())
                return answer.error();
            // ApiClient compared the bytes with the server's digest; a missing tag would make the upload unanchored.
            if (answer->version <= 0)
                return makeError(ErrorCode::ProtocolMismatch, QStringLiteral("no version tag"));
            IKK_TRY(writePrivateCopy(target, answer->bytes));
            return BatchDownload {target, QString::number(answer->version)};
        });
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
    return m_client->uploadSignedFile(fileId, version, file.readAll()).then([](const Result<api::FileEntry>& answer) {
        return answer.ok() ? Answer(answer->status) : Answer(answer.error());
    });
}

QFuture<Result<LongTermSigning>> ServerBatchSource::longTermSigning()
{
    using Answer = Result<LongTermSigning>;
    if (!m_client)
        return QtFuture::makeReadyFuture(Answer(noSession()));
    QPointer<ApiClient> client = m_client;
    return m_client->signingPolicy().then([client](const Result<ApiClient::SigningPolicy>& policy) -> Answer {
        if (!policy.ok())
            return policy.error();
        if (!client)
            return noSession();
        return longTermSigningFor(*client, *policy);
    });
}

} // namespace ikkatsu::client
