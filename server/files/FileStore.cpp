// Content addressing: the digest is computed from the bytes in memory, so the name is known before writing.
#include "files/FileStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

namespace ikkatsu::server {

Q_LOGGING_CATEGORY(lcFileStore, "ikkatsu.server.filestore")

QString FileStore::pathFor(const QString& sha256Hex) const
{
    return QDir(m_root).filePath(sha256Hex.left(2) + QLatin1Char('/') + sha256Hex.mid(2, 2) + QLatin1Char('/')
        + sha256Hex + QStringLiteral(".pdf"));
}

Result<AtomicFile> FileStore::stage(const QByteArray& bytes, QString* sha256Hex) const
{
    *sha256Hex = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString target = pathFor(*sha256Hex);
    if (!QDir().mkpath(QFileInfo(target).absolutePath()))
        return makeError(ErrorCode::ServerError, QStringLiteral("cannot create ") + QFileInfo(target).absolutePath());
    auto file = AtomicFile::create(target, 0640);
    if (!file)
        return file.error();
    IKK_TRY(file->write(bytes));
    return file;
}

Result<QByteArray> FileStore::read(const QString& sha256Hex, qint64 expectedSize) const
{
    QFile file(pathFor(sha256Hex));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::ServerError, QStringLiteral("stored version missing: ") + sha256Hex);
    QByteArray bytes = file.readAll();
    if (bytes.size() != expectedSize)
        return makeError(ErrorCode::ServerError, QStringLiteral("stored version has the wrong size: ") + sha256Hex);
    return bytes;
}

void FileStore::removeLeftovers() const
{
    QDirIterator it(m_root, {QStringLiteral("*.tmp")}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        // Only old ones: another server process on the same data directory may be staging right now.
        if (QFileInfo(path).lastModified().secsTo(QDateTime::currentDateTime()) > 3600) {
            qCInfo(lcFileStore) << "removing leftover" << path;
            QFile::remove(path);
        }
    }
}

} // namespace ikkatsu::server
