// Writes a file so that readers see either the old content or the complete new content, never a half-written file.
#pragma once

#include "common/Result.h"
#include "platform/NativeFile.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ikkatsu {

// A temporary file beside the target (same directory, so rename is atomic), created exclusively with the requested
// POSIX permissions. commit() flushes it to disk, renames it over the target and syncs the directory.
// Destroyed without commit(), the temporary file is removed and the target is untouched.
class AtomicFile
{
public:
    static Result<AtomicFile> create(const QString& targetPath, unsigned permissions = 0644);
    ~AtomicFile();
    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&& other) noexcept;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    QString temporaryPath() const { return m_tempPath; }
    QString targetPath() const { return m_targetPath; }

    Status write(const char* data, qint64 size);
    Status write(const QByteArray& bytes) { return write(bytes.constData(), bytes.size()); }
    // Overwrites bytes already written (used to fill in a signature placeholder).
    Status writeAt(qint64 offset, const char* data, qint64 size);
    // Cuts the file back to `size` bytes (drops what was appended after that point; later writes append there).
    Status truncate(qint64 size);
    // Appends `length` bytes of `source` starting at `sourceOffset` (in the kernel where the platform can).
    Status copyFrom(const platform::NativeFile& source, qint64 sourceOffset, qint64 length);

    Status commit();
    // For a private copy that is used once and removed (a signed file on its way to the server, which keeps the
    // durable copy): renames without flushing or syncing. After a crash the copy may be incomplete, and nobody
    // keeps it.
    Status commitUnsynced();
    // Commits several files with one sync per file system instead of one fsync per file (batch signing
    // writes hundreds of small files). Each file ends committed or discarded; one Status per file, in order.
    static QList<Status> commitAll(const QList<AtomicFile*>& files);
    // Removes the temporary file; the target stays as it was.
    void discard();

    // Removes, in `directory`, the temporary files of AtomicFiles whose process died before commit or discard
    // (".NAME.<16 hex digits>.tmp", e.g. after a SIGKILL of a batch); those still being written are kept.
    // Returns how many were removed.
    static int removeStaleTemporaries(const QString& directory);

private:
    AtomicFile() = default;
    platform::NativeFile m_file;
    qint64 m_end = 0; // where write() appends
    QString m_tempPath;
    QString m_targetPath;
    Error ioError(const QString& what, int error) const;
};

// Convenience: the whole content at once.
Status writeFileAtomically(const QString& targetPath, const QByteArray& content, unsigned permissions = 0644);

} // namespace ikkatsu
