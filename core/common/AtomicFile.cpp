// AtomicFile on the platform layer: exclusive temporary file, flush, atomic replace, directory sync.
#include "common/AtomicFile.h"

#include "platform/NativePath.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace ikkatsu {

using platform::NativeFile;
using platform::nativePath;

int AtomicFile::removeStaleTemporaries(const QString& directory)
{
    static const QRegularExpression ours(QStringLiteral("^\\..+\\.[0-9a-f]{16}\\.tmp$"));
    const QDir dir(directory);
    int removed = 0;
    const QStringList names = dir.entryList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks);
    for (const QString& name : names) {
        if (ours.match(name).hasMatch() && NativeFile::removeIfAbandoned(nativePath(dir.filePath(name))))
            ++removed;
    }
    return removed;
}

Result<AtomicFile> AtomicFile::create(const QString& targetPath, unsigned permissions)
{
    const QFileInfo target(targetPath);
    const QString dir = target.absolutePath();
    AtomicFile file;
    file.m_targetPath = target.absoluteFilePath();
    for (int attempt = 0; attempt < 16; ++attempt) {
        const QString candidate = dir + QLatin1Char('/') + QLatin1Char('.') + target.fileName()
            + QStringLiteral(".%1.tmp").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
        const int error = NativeFile::createExclusive(nativePath(candidate), permissions, &file.m_file);
        if (error == 0) {
            file.m_tempPath = candidate;
            return file;
        }
        if (!NativeFile::isAlreadyExists(error))
            return platform::fileError(ErrorCode::OutputWriteFailed, QStringLiteral("cannot create"), candidate, error);
    }
    return makeError(ErrorCode::OutputWriteFailed, QStringLiteral("cannot create a temporary file in %1").arg(dir));
}

AtomicFile::~AtomicFile()
{
    discard();
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_file(std::move(other.m_file))
    , m_end(std::exchange(other.m_end, 0))
    , m_tempPath(std::move(other.m_tempPath))
    , m_targetPath(std::move(other.m_targetPath))
{
    other.m_tempPath.clear();
}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept
{
    if (this != &other) {
        discard();
        m_file = std::move(other.m_file);
        m_end = std::exchange(other.m_end, 0);
        m_tempPath = std::move(other.m_tempPath);
        m_targetPath = std::move(other.m_targetPath);
        other.m_tempPath.clear();
    }
    return *this;
}

Error AtomicFile::ioError(const QString& what, int error) const
{
    return platform::fileError(ErrorCode::OutputWriteFailed, what, m_tempPath, error);
}

Status AtomicFile::write(const char* data, qint64 size)
{
    IKK_TRY(writeAt(m_end, data, size));
    m_end += size;
    return {};
}

Status AtomicFile::writeAt(qint64 offset, const char* data, qint64 size)
{
    if (const int error = m_file.writeAt(data, size, offset))
        return ioError(QStringLiteral("write"), error);
    return {};
}

Status AtomicFile::truncate(qint64 size)
{
    if (size < 0 || size > m_end)
        return makeError(ErrorCode::OutputWriteFailed, QStringLiteral("truncate beyond the end"));
    if (const int error = m_file.truncate(size))
        return ioError(QStringLiteral("truncate"), error);
    m_end = size;
    return {};
}

Status AtomicFile::copyFrom(const NativeFile& source, qint64 sourceOffset, qint64 length)
{
    if (const int error = m_file.copyFrom(source, sourceOffset, length, m_end))
        return platform::fileError(ErrorCode::InputFileUnreadable, QStringLiteral("copy into"), m_tempPath, error);
    m_end += length;
    return {};
}

Status AtomicFile::commit()
{
    if (!m_file.isOpen())
        return makeError(ErrorCode::OutputWriteFailed, QStringLiteral("commit without an open file"));
    if (const int error = m_file.flush())
        return ioError(QStringLiteral("flush"), error);
    if (const int error = m_file.close())
        return ioError(QStringLiteral("close"), error);
    if (const int error = NativeFile::replace(nativePath(m_tempPath), nativePath(m_targetPath)))
        return ioError(QStringLiteral("rename"), error);
    m_tempPath.clear();
    // The rename itself must survive a power cut: sync the directory entry too.
    NativeFile::syncDirectory(nativePath(QFileInfo(m_targetPath).absolutePath()));
    return {};
}

Status AtomicFile::commitUnsynced()
{
    if (!m_file.isOpen())
        return makeError(ErrorCode::OutputWriteFailed, QStringLiteral("commit without an open file"));
    if (const int error = m_file.close())
        return ioError(QStringLiteral("close"), error);
    if (const int error = NativeFile::replace(nativePath(m_tempPath), nativePath(m_targetPath)))
        return ioError(QStringLiteral("rename"), error);
    m_tempPath.clear();
    return {};
}

QList<Status> AtomicFile::commitAll(const QList<AtomicFile*>& files)
{
    QList<Status> results(files.size());
    // Data first: one flush per file system holding any of the files, then the renames, then each directory.
    QList<std::uint64_t> flushed;
    for (qsizetype i = 0; i < files.size(); ++i) {
        AtomicFile* file = files[i];
        if (!file->m_file.isOpen()) {
            results[i] = makeError(ErrorCode::OutputWriteFailed, QStringLiteral("commit without an open file"));
            continue;
        }
        const std::uint64_t fileSystem = file->m_file.fileSystemId();
        if (flushed.contains(fileSystem))
            continue;
        if (const int error = file->m_file.flushFileSystem()) {
            results[i] = file->ioError(QStringLiteral("flush"), error);
            continue;
        }
        flushed.append(fileSystem);
    }
    QStringList directories;
    for (qsizetype i = 0; i < files.size(); ++i) {
        AtomicFile* file = files[i];
        if (!results[i].ok()) {
            file->discard();
            continue;
        }
        int error = file->m_file.close();
        if (error == 0)
            error = NativeFile::replace(nativePath(file->m_tempPath), nativePath(file->m_targetPath));
        if (error != 0) {
            results[i] = file->ioError(QStringLiteral("commit"), error);
            file->discard();
            continue;
        }
        file->m_tempPath.clear();
        const QString directory = QFileInfo(file->m_targetPath).absolutePath();
        if (!directories.contains(directory))
            directories.append(directory);
    }
    for (const QString& directory : std::as_const(directories))
        NativeFile::syncDirectory(nativePath(directory));
    return results;
}

void AtomicFile::discard()
{
    m_file.close();
    if (!m_tempPath.isEmpty()) {
        NativeFile::remove(nativePath(m_tempPath));
        m_tempPath.clear();
    }
}

Status writeFileAtomically(const QString& targetPath, const QByteArray& content, unsigned permissions)
{
    auto file = AtomicFile::create(targetPath, permissions);
    IKK_TRY(file);
    IKK_TRY(file->write(content));
    return file->commit();
}

} // namespace ikkatsu
