// POSIX implementation of AtomicFile: O_EXCL temp file, fsync, rename, directory fsync.
#include "common/AtomicFile.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ikkatsu {

namespace {

QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

} // namespace

Result<AtomicFile> AtomicFile::create(const QString& targetPath, mode_t mode)
{
    const QFileInfo target(targetPath);
    const QString dir = target.absolutePath();
    AtomicFile file;
    file.m_targetPath = target.absoluteFilePath();
    for (int attempt = 0; attempt < 16; ++attempt) {
        const QString candidate = dir + QLatin1Char('/') + QLatin1Char('.') + target.fileName()
            + QStringLiteral(".%1.tmp").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
        const QByteArray native = QFile::encodeName(candidate);
        const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd >= 0) {
            // umask may have narrowed the mode; a key store must be exactly what was asked.
            ::fchmod(fd, mode);
            file.m_fd = fd;
            file.m_tempPath = candidate;
            return file;
        }
        if (errno != EEXIST)
            return makeError(
                ErrorCode::OutputWriteFailed, QStringLiteral("cannot create %1: %2").arg(candidate, errnoText(errno)));
    }
    return makeError(ErrorCode::OutputWriteFailed, QStringLiteral("cannot create a temporary file in %1").arg(dir));
}

AtomicFile::~AtomicFile()
{
    discard();
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
    , m_tempPath(std::move(other.m_tempPath))
    , m_targetPath(std::move(other.m_targetPath))
{
    other.m_tempPath.clear();
}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept
{
    if (this != &other) {
        discard();
        m_fd = std::exchange(other.m_fd, -1);
        m_tempPath = std::move(other.m_tempPath);
        m_targetPath = std::move(other.m_targetPath);
        other.m_tempPath.clear();
    }
    return *this;
}

Error AtomicFile::ioError(const QString& what) const
{
    return makeError(ErrorCode::OutputWriteFailed, QStringLiteral("%1 %2: %3").arg(what, m_tempPath, errnoText(errno)));
}

Status AtomicFile::write(const char* data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(m_fd, data, static_cast<size_t>(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ioError(QStringLiteral("write"));
        }
        data += n;
        size -= n;
    }
    return {};
}

Status AtomicFile::writeAt(qint64 offset, const char* data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::pwrite(m_fd, data, static_cast<size_t>(size), offset);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ioError(QStringLiteral("pwrite"));
        }
        data += n;
        size -= n;
        offset += n;
    }
    return {};
}

Status AtomicFile::copyFrom(int sourceFd, qint64 sourceOffset, qint64 length)
{
    loff_t in = sourceOffset;
    while (length > 0) {
        const ssize_t n = ::copy_file_range(sourceFd, &in, m_fd, nullptr, static_cast<size_t>(length), 0);
        if (n > 0) {
            length -= n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0)
            return makeError(ErrorCode::InputFileUnreadable, QStringLiteral("source ended early"));
        if (errno != EXDEV && errno != ENOSYS && errno != EINVAL && errno != EOPNOTSUPP)
            return ioError(QStringLiteral("copy_file_range"));
        // Fallback for file systems without copy_file_range.
        char buffer[1 << 16];
        while (length > 0) {
            const ssize_t r = ::pread(sourceFd, buffer, std::min<qint64>(length, sizeof buffer), in);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                return makeError(ErrorCode::InputFileUnreadable, QStringLiteral("read failed"));
            IKK_TRY(write(buffer, r));
            in += r;
            length -= r;
        }
    }
    return {};
}

Status AtomicFile::commit()
{
    if (m_fd < 0)
        return makeError(ErrorCode::OutputWriteFailed, QStringLiteral("commit without an open file"));
    if (::fsync(m_fd) != 0)
        return ioError(QStringLiteral("fsync"));
    if (::close(m_fd) != 0) {
        m_fd = -1;
        return ioError(QStringLiteral("close"));
    }
    m_fd = -1;
    if (::rename(QFile::encodeName(m_tempPath).constData(), QFile::encodeName(m_targetPath).constData()) != 0)
        return ioError(QStringLiteral("rename"));
    m_tempPath.clear();
    // The rename itself must survive a power cut: sync the directory entry too.
    const QByteArray dir = QFile::encodeName(QFileInfo(m_targetPath).absolutePath());
    const int dirFd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

QList<Status> AtomicFile::commitAll(const QList<AtomicFile*>& files)
{
    QList<Status> results(files.size());
    // Data first: syncfs once per file system holding any of the files, then the renames, then each directory.
    QList<dev_t> synced;
    for (qsizetype i = 0; i < files.size(); ++i) {
        AtomicFile* file = files[i];
        struct stat info
        {
        };
        if (file->m_fd < 0 || ::fstat(file->m_fd, &info) != 0) {
            results[i] = makeError(ErrorCode::OutputWriteFailed, QStringLiteral("commit without an open file"));
            continue;
        }
        if (synced.contains(info.st_dev))
            continue;
        if (::syncfs(file->m_fd) != 0) {
            results[i] = file->ioError(QStringLiteral("syncfs"));
            continue;
        }
        synced.append(info.st_dev);
    }
    QStringList directories;
    for (qsizetype i = 0; i < files.size(); ++i) {
        AtomicFile* file = files[i];
        if (!results[i].ok()) {
            file->discard();
            continue;
        }
        if (::close(file->m_fd) != 0) {
            file->m_fd = -1;
            results[i] = file->ioError(QStringLiteral("close"));
            file->discard();
            continue;
        }
        file->m_fd = -1;
        if (::rename(QFile::encodeName(file->m_tempPath).constData(), QFile::encodeName(file->m_targetPath).constData())
            != 0) {
            results[i] = file->ioError(QStringLiteral("rename"));
            file->discard();
            continue;
        }
        file->m_tempPath.clear();
        const QString directory = QFileInfo(file->m_targetPath).absolutePath();
        if (!directories.contains(directory))
            directories.append(directory);
    }
    for (const QString& directory : std::as_const(directories)) {
        const int dirFd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dirFd >= 0) {
            ::fsync(dirFd);
            ::close(dirFd);
        }
    }
    return results;
}

void AtomicFile::discard()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_tempPath.isEmpty()) {
        ::unlink(QFile::encodeName(m_tempPath).constData());
        m_tempPath.clear();
    }
}

Status writeFileAtomically(const QString& targetPath, const QByteArray& content, mode_t mode)
{
    auto file = AtomicFile::create(targetPath, mode);
    IKK_TRY(file);
    IKK_TRY(file->write(content));
    return file->commit();
}

} // namespace ikkatsu
