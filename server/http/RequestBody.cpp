// Spool files of request bodies: exclusive 0600 creation, positioned writes, removal with the last owner.
#include "http/RequestBody.h"

#include "platform/NativePath.h"

#include <QDir>
#include <QRandomGenerator>

namespace ikkatsu::server {

using platform::NativeFile;
using platform::nativePath;

Result<std::shared_ptr<RequestBody>> RequestBody::create(const QString& directory)
{
    std::shared_ptr<RequestBody> body(new RequestBody);
    for (int attempt = 0; attempt < 16; ++attempt) {
        // ".NAME.<16 hex>.tmp": the pattern AtomicFile::removeStaleTemporaries sweeps.
        const QString candidate = QDir(directory).filePath(
            QStringLiteral(".body.%1.tmp").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0')));
        const int error = NativeFile::createExclusive(nativePath(candidate), 0600, &body->m_file);
        if (error == 0) {
            body->m_path = candidate;
            // The writer is write-only (and holds the lock); readers on the worker use a descriptor of their own.
            if (const int opened = NativeFile::openForReading(nativePath(candidate), &body->m_reader); opened != 0)
                return platform::fileError(ErrorCode::ServerError, QStringLiteral("cannot open"), candidate, opened);
            return body;
        }
        if (!NativeFile::isAlreadyExists(error))
            return platform::fileError(ErrorCode::ServerError, QStringLiteral("cannot create"), candidate, error);
    }
    return makeError(ErrorCode::ServerError, QStringLiteral("cannot create a request body file in ") + directory);
}

RequestBody::~RequestBody()
{
    if (m_path.isEmpty())
        return;
    NativeFile::remove(nativePath(m_path));
    m_reader.close();
    m_file.close();
}

Status RequestBody::append(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return {};
    const int error = m_file.writeAt(bytes.data(), bytes.size(), m_size);
    if (error != 0)
        return platform::fileError(ErrorCode::ServerError, QStringLiteral("cannot write"), m_path, error);
    m_hash.addData(bytes);
    m_size += bytes.size();
    return {};
}

void RequestBody::finish()
{
    m_sha256 = m_hash.result();
}

Result<QByteArray> RequestBody::read(qint64 offset, qint64 length) const
{
    QByteArray bytes(static_cast<qsizetype>(std::max<qint64>(0, std::min(length, m_size - offset))), Qt::Uninitialized);
    qint64 done = 0;
    while (done < bytes.size()) {
        int error = 0;
        const qint64 got = m_reader.readAt(bytes.data() + done, bytes.size() - done, offset + done, &error);
        if (got < 0)
            return platform::fileError(ErrorCode::ServerError, QStringLiteral("cannot read"), m_path, error);
        if (got == 0)
            break;
        done += got;
    }
    bytes.truncate(static_cast<qsizetype>(done));
    return bytes;
}

Result<QByteArray> RequestBody::readAll() const
{
    return read(0, m_size);
}

} // namespace ikkatsu::server
