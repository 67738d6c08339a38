// POSIX implementation of NativeFile: open(O_EXCL|O_CLOEXEC), pread/pwrite, copy_file_range, fsync, syncfs, rename.
#ifndef _WIN32

#include "platform/NativeFile.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace ikkatsu::platform {

namespace {

int lastError()
{
    return errno != 0 ? errno : EIO;
}

} // namespace

std::string systemErrorText(int error)
{
    return std::strerror(error);
}

NativeFile::~NativeFile()
{
    close();
}

NativeFile::NativeFile(NativeFile&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
{ }

NativeFile& NativeFile::operator=(NativeFile&& other) noexcept
{
    if (this != &other) {
        close();
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

int NativeFile::openForReading(const NativePath& path, NativeFile* file)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return lastError();
    *file = NativeFile();
    file->m_fd = fd;
    return 0;
}

int NativeFile::createExclusive(const NativePath& path, unsigned permissions, NativeFile* file)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(permissions));
    if (fd < 0)
        return lastError();
    // umask may have narrowed the mode; a key store must be exactly what was asked.
    ::fchmod(fd, static_cast<mode_t>(permissions));
    // Held until the file is closed (or the process dies, even by SIGKILL): how removeIfAbandoned tells a temporary
    // file still being written from one a killed process left behind.
    ::flock(fd, LOCK_EX | LOCK_NB);
    *file = NativeFile();
    file->m_fd = fd;
    return 0;
}

bool NativeFile::isAlreadyExists(int error)
{
    return error == EEXIST;
}

bool NativeFile::isOpen() const
{
    return m_fd >= 0;
}

int NativeFile::size(std::int64_t* bytes) const
{
    struct stat info
    {
    };
    if (::fstat(m_fd, &info) != 0)
        return lastError();
    *bytes = info.st_size;
    return 0;
}

unsigned NativeFile::permissions() const
{
    struct stat info
    {
    };
    return ::fstat(m_fd, &info) == 0 ? static_cast<unsigned>(info.st_mode & 07777) : 0644u;
}

std::int64_t NativeFile::readAt(void* buffer, std::int64_t length, std::int64_t offset, int* error) const
{
    char* at = static_cast<char*>(buffer);
    std::int64_t done = 0;
    while (done < length) {
        const ssize_t n = ::pread(m_fd, at + done, static_cast<size_t>(length - done), offset + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *error = lastError();
            return -1;
        }
        if (n == 0)
            break;
        done += n;
    }
    return done;
}

int NativeFile::writeAt(const void* data, std::int64_t length, std::int64_t offset)
{
    const char* at = static_cast<const char*>(data);
    while (length > 0) {
        const ssize_t n = ::pwrite(m_fd, at, static_cast<size_t>(length), offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? lastError() : EIO;
        at += n;
        length -= n;
        offset += n;
    }
    return 0;
}

int NativeFile::copyFrom(const NativeFile& source, std::int64_t sourceOffset, std::int64_t length, std::int64_t offset)
{
    off_t in = sourceOffset;
    off_t out = offset;
    while (length > 0) {
        const ssize_t n = ::copy_file_range(source.m_fd, &in, m_fd, &out, static_cast<size_t>(length), 0);
        if (n > 0) {
            length -= n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0)
            return EIO; // the source ended early
        if (errno != EXDEV && errno != ENOSYS && errno != EINVAL && errno != EOPNOTSUPP)
            return lastError();
        // Fallback for file systems without copy_file_range.
        char buffer[1 << 16];
        while (length > 0) {
            int error = 0;
            const std::int64_t r
                = source.readAt(buffer, std::min<std::int64_t>(length, std::int64_t(sizeof buffer)), in, &error);
            if (r <= 0)
                return r < 0 ? error : EIO;
            if (const int written = writeAt(buffer, r, out))
                return written;
            in += r;
            out += r;
            length -= r;
        }
    }
    return 0;
}

int NativeFile::truncate(std::int64_t length)
{
    return ::ftruncate(m_fd, static_cast<off_t>(length)) == 0 ? 0 : lastError();
}

int NativeFile::flush()
{
    return ::fsync(m_fd) == 0 ? 0 : lastError();
}

std::uint64_t NativeFile::fileSystemId() const
{
    struct stat info
    {
    };
    return ::fstat(m_fd, &info) == 0 ? static_cast<std::uint64_t>(info.st_dev) : 0;
}

int NativeFile::flushFileSystem()
{
#ifdef __linux__
    return ::syncfs(m_fd) == 0 ? 0 : lastError();
#else
    return flush();
#endif
}

int NativeFile::close()
{
    if (m_fd < 0)
        return 0;
    const int fd = std::exchange(m_fd, -1);
    return ::close(fd) == 0 ? 0 : lastError();
}

int NativeFile::replace(const NativePath& from, const NativePath& to)
{
    return ::rename(from.c_str(), to.c_str()) == 0 ? 0 : lastError();
}

int NativeFile::remove(const NativePath& path)
{
    return ::unlink(path.c_str()) == 0 ? 0 : lastError();
}

bool NativeFile::removeIfAbandoned(const NativePath& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat info
    {
    };
    bool removed = false;
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_uid == ::geteuid() && info.st_nlink == 1
        && ::flock(fd, LOCK_EX | LOCK_NB) == 0) {
        // Still the same file under that name (not swapped since it was opened): then nobody writes it.
        struct stat named
        {
        };
        if (::lstat(path.c_str(), &named) == 0 && named.st_dev == info.st_dev && named.st_ino == info.st_ino)
            removed = ::unlink(path.c_str()) == 0;
    }
    ::close(fd);
    return removed;
}

void NativeFile::syncDirectory(const NativePath& directory)
{
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace ikkatsu::platform

#endif
