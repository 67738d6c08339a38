// Writes a file so that readers see either the old content or the complete new content, never a half-written file.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <sys/types.h>

namespace ikkatsu {

// A temporary file beside the target (same directory, so rename is atomic), created with O_EXCL and
// the requested mode. commit() flushes it to disk, renames it over the target and syncs the directory.
// Destroyed without commit(), the temporary file is removed and the target is untouched.
class AtomicFile
{
public:
    static Result<AtomicFile> create(const QString& targetPath, mode_t mode = 0644);
    ~AtomicFile();
    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&& other) noexcept;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // The raw descriptor, for copy_file_range/pwrite by writers that stream large files.
    int fd() const { return m_fd; }
    QString temporaryPath() const { return m_tempPath; }
    QString targetPath() const { return m_targetPath; }

    Status write(const char* data, qint64 size);
    Status write(const QByteArray& bytes) { return write(bytes.constData(), bytes.size()); }
    // Overwrites bytes already written (used to fill in a signature placeholder).
    Status writeAt(qint64 offset, const char* data, qint64 size);
    // Appends `length` bytes of `sourceFd` starting at `sourceOffset` (copy_file_range, falling back to read/write).
    Status copyFrom(int sourceFd, qint64 sourceOffset, qint64 length);

    Status commit();
    // Commits several files with one sync per file system instead of one fsync per file (batch signing
    // writes hundreds of small files). Each file ends committed or discarded; one Status per file, in order.
    static QList<Status> commitAll(const QList<AtomicFile*>& files);
    // Removes the temporary file; the target stays as it was.
    void discard();

private:
    AtomicFile() = default;
    int m_fd = -1;
    QString m_tempPath;
    QString m_targetPath;
    Error ioError(const QString& what) const;
};

// Convenience: the whole content at once.
Status writeFileAtomically(const QString& targetPath, const QByteArray& content, mode_t mode = 0644);

} // namespace ikkatsu
