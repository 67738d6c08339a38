// PDF versions named by their SHA-256, kept in a local directory or in the database (file_contents + file_blobs):
// a version once written never changes, so readers need no locks.
#pragma once

#include "common/AtomicFile.h"
#include "common/Result.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace ikkatsu::server {

class Database;

// A version written to a local temporary file (for the checks that read it) and not yet stored. commit() stores it:
// in the directory by rename + sync, in the database as chunk rows on the calling thread's connection — inside the
// caller's open WriteTransaction when there is one (so the bytes and the version row commit together), else in a
// transaction of its own. Destroyed without commit(), nothing is stored and the temporary file is removed.
class StagedVersion
{
public:
    QString temporaryPath() const { return m_file ? m_file->temporaryPath() : m_linked->path; }
    // The directory store puts the bytes in their place now, before the caller's transaction, so that concurrent
    // uploads sync their files in parallel instead of one after another under the database's write lock. Bytes
    // are immutable and named by their digest: without a row (the commit refused later) they are only an orphan,
    // as after any refused commit. The database store does nothing here: its bytes must join the rows' transaction.
    Status placeBytes();
    Status commit();
    void discard();

private:
    friend class FileStore;
    // A second name of an existing file (a spooled upload) beside the target; removed unless it was renamed there.
    struct Link
    {
        QString path;
        QString target;
        explicit Link(QString linkPath, QString targetPath)
            : path(std::move(linkPath))
            , target(std::move(targetPath))
        { }
        Link(Link&& other) noexcept
            : path(std::exchange(other.path, {}))
            , target(std::move(other.target))
        { }
        Link& operator=(Link&& other) noexcept;
        Link(const Link&) = delete;
        Link& operator=(const Link&) = delete;
        ~Link();
        void remove();
    };
    StagedVersion(AtomicFile file, std::shared_ptr<Database> database, QString sha256Hex, qint64 size);
    StagedVersion(Link link, std::shared_ptr<Database> database, QString sha256Hex, qint64 size);
    Status placeLink();
    std::optional<AtomicFile> m_file; // or:
    std::optional<Link> m_linked;
    std::shared_ptr<Database> m_database; // null: the directory store
    bool m_placed = false; // placeBytes() committed the file already
    QString m_sha256;
    qint64 m_size = 0;
};

class FileStore
{
public:
    // The directory store under `root`.
    explicit FileStore(QString root)
        : m_root(std::move(root))
    { }
    // With a database: versions live in its file_blobs table; `root` only holds temporaries, and versions written
    // there before a migration are still read from it until `migrate-files --to-database` moved them.
    FileStore(QString root, std::shared_ptr<Database> database)
        : m_root(std::move(root))
        , m_database(std::move(database))
    { }

    static constexpr qint64 kChunkBytes = 1 << 20; // one file_blobs row

    bool inDatabase() const { return m_database != nullptr; }

    // <root>/ab/cd/abcd….pdf for the lower-case hex digest.
    QString pathFor(const QString& sha256Hex) const;

    // Writes `bytes` to a temporary file; the caller checks the temporary file and then commits or drops it.
    // `sha256Hex` receives the digest.
    Result<StagedVersion> stage(const QByteArray& bytes, QString* sha256Hex) const;
    // The same for bytes already in a file whose digest is known (a spooled upload body, see RequestBody): linked into
    // the staging place, not copied (copied in the kernel where a link is impossible). The caller keeps `path` as it is
    // until the version is committed or dropped.
    Result<StagedVersion> stageFile(const QString& path, const QString& sha256Hex, qint64 size) const;

    // The stored bytes, checked against the size the database recorded (a mismatch is a damaged store, E5020).
    Result<QByteArray> read(const QString& sha256Hex, qint64 expectedSize) const;
    // The same as a device that yields the bytes chunk by chunk (a temporary file filled one database row at a time,
    // or the stored file itself), for answers whose memory must not grow with the file.
    Result<std::unique_ptr<QIODevice>> open(const QString& sha256Hex, qint64 expectedSize) const;

    // Removes temporary files left behind by a process killed while staging (called at start-up).
    void removeLeftovers() const;

    // For migrate-files: whether the version is in this store's own place (not a fallback), and copying one version
    // from the other place into it, verifying size and digest on the way. Idempotent.
    Result<bool> holds(const QString& sha256Hex) const;
    Status importFrom(const FileStore& source, const QString& sha256Hex, qint64 expectedSize) const;

private:
    Result<bool> inDirectory(const QString& sha256Hex) const;
    Result<bool> inTable(const QString& sha256Hex) const;
    using ChunkSink = std::function<Status(const QByteArray&)>;
    // Streams this store's own copy into `sink` chunk by chunk, checking size and digest.
    Status copyFromTable(const QString& sha256Hex, qint64 expectedSize, const ChunkSink& sink) const;
    Status copyFromDirectory(const QString& sha256Hex, qint64 expectedSize, const ChunkSink& sink) const;
    Status copyInto(const QString& sha256Hex, qint64 expectedSize, AtomicFile& file) const;

    QString m_root;
    std::shared_ptr<Database> m_database;
};

} // namespace ikkatsu::server
