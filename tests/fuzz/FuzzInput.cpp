// The per-process input file of the file-reading harnesses.
#include "FuzzInput.h"

#include <QDir>
#include <QFile>
#include <QTemporaryFile>

#include <cstdlib>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace ikkatsu::fuzz {

QString inputFile(const uint8_t* data, size_t size)
{
#if defined(__linux__)
    static const int fd = memfd_create("ikkatsu-fuzz-input", 0);
    if (fd >= 0) {
        if (ftruncate(fd, 0) != 0)
            std::abort();
        size_t written = 0;
        while (written < size) {
            const ssize_t n = pwrite(fd, data + written, size - written, static_cast<off_t>(written));
            if (n <= 0)
                std::abort();
            written += static_cast<size_t>(n);
        }
        return QStringLiteral("/proc/self/fd/%1").arg(fd);
    }
#endif
    static QTemporaryFile* file = [] {
        auto* f = new QTemporaryFile(QDir::tempPath() + QStringLiteral("/ikkatsu-fuzz-XXXXXX"));
        if (!f->open())
            std::abort();
        return f;
    }();
    if (!file->resize(0) || !file->seek(0)
        || file->write(reinterpret_cast<const char*>(data), static_cast<qint64>(size)) != static_cast<qint64>(size)
        || !file->flush())
        std::abort();
    return file->fileName();
}

} // namespace ikkatsu::fuzz
