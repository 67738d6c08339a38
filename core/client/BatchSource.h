// Where a batch's files come from and go back to: the server (ServerBatchSource) or the desktop's local folders.
#pragma once

#include "api/FileDto.h"
#include "client/TimestampClient.h"
#include "common/Result.h"

#include <QFuture>
#include <QString>

namespace ikkatsu::client {

// A private copy of one file version, which the caller may read and sign.
struct BatchDownload
{
    QString localPath;
    QString version; // what the upload of its signed form must be based on
};

// Every call answers through a QFuture on the caller's thread; none blocks.
class BatchSource
{
public:
    virtual ~BatchSource() = default;

    virtual QFuture<Result<BatchDownload>> download(const QString& fileId) = 0;
    // Uploads a signed file based on `baseVersion`; refused with VersionConflict when the stored file moved on.
    // Answers the file's state after it: 署名中 while other signers remain, 署名済 when it was the last signature.
    virtual QFuture<Result<api::SignatureStatus>> upload(
        const QString& fileId, const QString& baseVersion, const QString& signedPath)
        = 0;
    // What this source's signatures carry beyond PAdES B-B: nothing for local folders; for a server, the level its
    // administrator set (timestamps from its TSA, revocation data, an archive timestamp).
    virtual QFuture<Result<LongTermSigning>> longTermSigning()
    {
        return QtFuture::makeReadyFuture(Result<LongTermSigning>(LongTermSigning()));
    }
};

} // namespace ikkatsu::client
