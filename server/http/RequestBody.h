// A request body spooled to a private temporary file while it arrives, with its SHA-256 computed on the way.
#pragma once

#include "common/Result.h"
#include "platform/NativeFile.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCryptographicHash>
#include <QString>

#include <memory>

namespace ikkatsu::server {

// Created by the HTTP thread when a request head announces a body for the disk (the upload routes); written there as
// the bytes arrive, then handed, finished and read-only, to the handler on a worker. The file (0600, in the server's
// data directory so that it can be linked into the file store) is removed when the last owner lets go: when the
// request was answered, or its connection died, whichever way. It stays open and locked while it lives, so that
// AtomicFile::removeStaleTemporaries (called at start-up) removes only the ones a killed process left behind.
class RequestBody
{
public:
    static Result<std::shared_ptr<RequestBody>> create(const QString& directory);
    ~RequestBody();
    RequestBody(const RequestBody&) = delete;
    RequestBody& operator=(const RequestBody&) = delete;

    Status append(QByteArrayView bytes);
    // No more bytes: the digest is final.
    void finish();

    QString path() const { return m_path; }
    qint64 size() const { return m_size; }
    QString sha256Hex() const { return QString::fromLatin1(m_sha256.toHex()); }
    // The whole body in memory, for handlers that decode it (bounded by the route's request limit).
    Result<QByteArray> readAll() const;
    // `length` bytes at `offset` (fewer at the end).
    Result<QByteArray> read(qint64 offset, qint64 length) const;

private:
    RequestBody() = default;
    platform::NativeFile m_file; // written by the HTTP thread
    platform::NativeFile m_reader; // read by the handler (positioned reads: no shared file position)
    QString m_path;
    qint64 m_size = 0;
    QCryptographicHash m_hash {QCryptographicHash::Sha256};
    QByteArray m_sha256;
};

} // namespace ikkatsu::server
