// Content addressing: the digest is computed from the bytes in memory, so the name is known before writing. In the
// database every version is one file_contents row plus 1 MiB file_blobs rows, written and read one row at a time.
#include "files/FileStore.h"

#include "db/Database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTemporaryFile>

#include "platform/NativePath.h"

#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace ikkatsu::server {

Q_LOGGING_CATEGORY(lcFileStore, "ikkatsu.server.filestore")

namespace {

Status makeDirectory(const QString& directory)
{
    if (!QDir().mkpath(directory))
        return makeError(ErrorCode::ServerError, QStringLiteral("cannot create ") + directory);
    return {};
}

Error damaged(const QString& sha256Hex, const QString& what)
{
    return makeError(ErrorCode::StoredContentDamaged, what + QStringLiteral(": ") + sha256Hex);
}

bool isDigest(const QString& sha256Hex)
{
    if (sha256Hex.size() != 64)
        return false;
    for (const QChar c : sha256Hex) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

// Inserts the chunks of `file` (already hashed) unless the content is stored already. On the caller's connection
// and transaction.
Status insertChunks(Database& db, const QString& path, const QString& sha256Hex, qint64 size)
{
    // ON CONFLICT: another host storing the same bytes at the same moment waits for that one and then skips.
    auto claimed
        = db.execCount(QStringLiteral("INSERT INTO file_contents (content_sha256, size, chunk_count, "
                                      "created_at) VALUES (?, ?, ?, ?) ON CONFLICT (content_sha256) DO NOTHING"),
            {sha256Hex, size, int((size + FileStore::kChunkBytes - 1) / FileStore::kChunkBytes),
                QDateTime::currentSecsSinceEpoch()});
    IKK_TRY(claimed);
    if (*claimed == 0)
        return {}; // the same bytes are stored (and were written in full, in their own committed transaction)
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::ServerError, QStringLiteral("cannot reopen staged version ") + path);
    qint64 written = 0;
    for (int chunk = 0; written < size; ++chunk) {
        const QByteArray bytes = file.read(std::min(FileStore::kChunkBytes, size - written));
        if (bytes.isEmpty())
            return makeError(ErrorCode::ServerError, QStringLiteral("staged version shorter than expected"));
        IKK_TRY(db.exec(QStringLiteral("INSERT INTO file_blobs (content_sha256, chunk_no, bytes) VALUES (?, ?, ?)"),
            {sha256Hex, chunk, bytes}));
        written += bytes.size();
    }
    return {};
}

} // namespace

StagedVersion::StagedVersion(AtomicFile file, std::shared_ptr<Database> database, QString sha256Hex, qint64 size)
    : m_file(std::move(file))
    , m_database(std::move(database))
    , m_sha256(std::move(sha256Hex))
    , m_size(size)
{ }

StagedVersion::StagedVersion(Link link, std::shared_ptr<Database> database, QString sha256Hex, qint64 size)
    : m_linked(std::move(link))
    , m_database(std::move(database))
    , m_sha256(std::move(sha256Hex))
    , m_size(size)
{ }

StagedVersion::Link& StagedVersion::Link::operator=(Link&& other) noexcept
{
    if (this != &other) {
        remove();
        path = std::exchange(other.path, {});
        target = std::move(other.target);
    }
    return *this;
}

StagedVersion::Link::~Link()
{
    remove();
}

void StagedVersion::Link::remove()
{
    if (!path.isEmpty())
        platform::NativeFile::remove(platform::nativePath(path));
    path.clear();
}

void StagedVersion::discard()
{
    if (m_file)
        m_file->discard();
    if (m_linked)
        m_linked->remove();
}

// What AtomicFile::commit does for its own temporary: data to disk, rename over the target, directory to disk.
Status StagedVersion::placeLink()
{
    Link& link = *m_linked;
    platform::NativeFile file;
    int error = platform::NativeFile::openForReading(platform::nativePath(link.path), &file);
    if (error == 0)
        error = file.flush();
    if (error != 0)
        return platform::fileError(ErrorCode::ServerError, QStringLiteral("cannot sync"), link.path, error);
    file.close();
    // Stored versions are group-readable like those AtomicFile writes (the spool file was private).
    QFile::setPermissions(link.path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
    error = platform::NativeFile::replace(platform::nativePath(link.path), platform::nativePath(link.target));
    if (error != 0)
        return platform::fileError(ErrorCode::ServerError, QStringLiteral("cannot rename"), link.path, error);
    platform::NativeFile::syncDirectory(platform::nativePath(QFileInfo(link.target).absolutePath()));
    link.path.clear(); // renamed: nothing left to remove
    return {};
}

Status StagedVersion::placeBytes()
{
    if (m_database || m_placed)
        return {};
    IKK_TRY(m_file ? m_file->commit() : placeLink());
    m_placed = true;
    return {};
}

Status StagedVersion::commit()
{
    if (!m_database)
        return placeBytes();
    Database& db = *m_database;
    Status stored;
    if (db.inTransaction()) {
        stored = insertChunks(db, temporaryPath(), m_sha256, m_size);
    } else {
        WriteTransaction transaction(db);
        IKK_TRY(transaction.begin());
        IKK_TRY(insertChunks(db, temporaryPath(), m_sha256, m_size));
        stored = transaction.commit();
    }
    discard(); // the temporary file has served; the rows are the version now
    return stored;
}

QString FileStore::pathFor(const QString& sha256Hex) const
{
    return QDir(m_root).filePath(sha256Hex.left(2) + QLatin1Char('/') + sha256Hex.mid(2, 2) + QLatin1Char('/')
        + sha256Hex + QStringLiteral(".pdf"));
}

Result<StagedVersion> FileStore::stage(const QByteArray& bytes, QString* sha256Hex) const
{
    *sha256Hex = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    // The database store stages under <root>/staging (never committed there: its temporary is removed).
    const QString target = m_database
        ? QDir(m_root).filePath(QStringLiteral("staging/") + *sha256Hex + QStringLiteral(".pdf"))
        : pathFor(*sha256Hex);
    // The directory is there but for the first version under its prefix: create it only when creating fails.
    auto file = AtomicFile::create(target, 0640);
    if (!file) {
        const QString directory = QFileInfo(target).absolutePath();
        IKK_TRY(makeDirectory(directory));
        file = AtomicFile::create(target, 0640);
        if (!file)
            return file.error();
    }
    IKK_TRY(file->write(bytes));
    return StagedVersion(std::move(file).value(), m_database, *sha256Hex, bytes.size());
}

Result<StagedVersion> FileStore::stageFile(const QString& path, const QString& sha256Hex, qint64 size) const
{
    if (!isDigest(sha256Hex))
        return makeError(ErrorCode::ServerError, QStringLiteral("not a digest: ") + sha256Hex);
    const QString target = m_database
        ? QDir(m_root).filePath(QStringLiteral("staging/") + sha256Hex + QStringLiteral(".pdf"))
        : pathFor(sha256Hex);
    const QString directory = QFileInfo(target).absolutePath();
    // The directory is there but for the first version under its prefix: mkpath (a stat of every level) only when
    // the link says it is missing.
    bool created = false;
    for (int attempt = 0; attempt < 16; ++attempt) {
        // AtomicFile's temporary pattern: swept by removeLeftovers / removeStaleTemporaries after a crash.
        const QString candidate = directory + QStringLiteral("/.") + QFileInfo(target).fileName()
            + QStringLiteral(".%1.tmp").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
        if (::link(QFile::encodeName(path).constData(), QFile::encodeName(candidate).constData()) == 0)
            return StagedVersion(StagedVersion::Link(candidate, target), m_database, sha256Hex, size);
        const int error = errno;
        if (error == EEXIST)
            continue;
        if (error == ENOENT && !created) {
            // The directory, or the source (then the copy below reports it).
            IKK_TRY(makeDirectory(directory));
            created = true;
            continue;
        }
        qCInfo(lcFileStore) << "cannot link" << path << "into the store, copying:" << strerror(error);
        break;
    }
    // Another file system (or none with hard links): a copy in the kernel, still never through this process's memory.
    // The link may have failed before it looked for the directory (EXDEV, EPERM), so make sure it exists.
    if (!created)
        IKK_TRY(makeDirectory(directory));
    platform::NativeFile source;
    int error = platform::NativeFile::openForReading(platform::nativePath(path), &source);
    if (error != 0)
        return platform::fileError(ErrorCode::ServerError, QStringLiteral("cannot open"), path, error);
    auto file = AtomicFile::create(target, 0640);
    IKK_TRY(file);
    IKK_TRY(file->copyFrom(source, 0, size));
    return StagedVersion(std::move(file).value(), m_database, sha256Hex, size);
}

Result<bool> FileStore::inDirectory(const QString& sha256Hex) const
{
    return QFileInfo::exists(pathFor(sha256Hex));
}

Result<bool> FileStore::inTable(const QString& sha256Hex) const
{
    auto row = m_database->exec(QStringLiteral("SELECT 1 FROM file_contents WHERE content_sha256 = ?"), {sha256Hex});
    IKK_TRY(row);
    return row->next();
}

Result<bool> FileStore::holds(const QString& sha256Hex) const
{
    return m_database ? inTable(sha256Hex) : inDirectory(sha256Hex);
}

Status FileStore::copyFromDirectory(const QString& sha256Hex, qint64 expectedSize, const ChunkSink& sink) const
{
    QFile file(pathFor(sha256Hex));
    if (!file.open(QIODevice::ReadOnly))
        return damaged(sha256Hex, QStringLiteral("stored version missing"));
    if (file.size() != expectedSize)
        return damaged(sha256Hex, QStringLiteral("stored version has the wrong size"));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    while (!file.atEnd()) {
        const QByteArray bytes = file.read(kChunkBytes);
        if (bytes.isEmpty())
            return damaged(sha256Hex, QStringLiteral("stored version unreadable"));
        hash.addData(bytes);
        IKK_TRY(sink(bytes));
    }
    if (QString::fromLatin1(hash.result().toHex()) != sha256Hex)
        return damaged(sha256Hex, QStringLiteral("stored version does not match its digest"));
    return {};
}

Status FileStore::copyFromTable(const QString& sha256Hex, qint64 expectedSize, const ChunkSink& sink) const
{
    Database& db = *m_database;
    auto head
        = db.exec(QStringLiteral("SELECT size, chunk_count FROM file_contents WHERE content_sha256 = ?"), {sha256Hex});
    IKK_TRY(head);
    if (!head->next())
        return damaged(sha256Hex, QStringLiteral("stored version missing"));
    const qint64 size = head->value(0).toLongLong();
    const int chunks = head->value(1).toInt();
    head->finish();
    if (size != expectedSize)
        return damaged(sha256Hex, QStringLiteral("stored version has the wrong size"));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 total = 0;
    // One row per query: a driver fetches a whole result set at once, so a single SELECT of all chunks would hold
    // the whole file in memory.
    for (int chunk = 0; chunk < chunks; ++chunk) {
        auto row = db.exec(QStringLiteral("SELECT bytes FROM file_blobs WHERE content_sha256 = ? AND chunk_no = ?"),
            {sha256Hex, chunk});
        IKK_TRY(row);
        if (!row->next())
            return damaged(sha256Hex, QStringLiteral("stored version lacks chunk %1").arg(chunk));
        const QByteArray bytes = row->value(0).toByteArray();
        row->finish();
        hash.addData(bytes);
        total += bytes.size();
        if (total > expectedSize)
            break;
        IKK_TRY(sink(bytes));
    }
    if (total != expectedSize)
        return damaged(sha256Hex, QStringLiteral("stored version has the wrong size"));
    if (QString::fromLatin1(hash.result().toHex()) != sha256Hex)
        return damaged(sha256Hex, QStringLiteral("stored version does not match its digest"));
    return {};
}

Result<std::unique_ptr<QIODevice>> FileStore::open(const QString& sha256Hex, qint64 expectedSize) const
{
    if (!isDigest(sha256Hex))
        return damaged(sha256Hex, QStringLiteral("not a digest"));
    bool fromTable = false;
    if (m_database) {
        auto present = inTable(sha256Hex);
        IKK_TRY(present);
        fromTable = *present;
    }
    if (!fromTable) {
        // The directory, or a version written there before the move into the database.
        auto file = std::make_unique<QFile>(pathFor(sha256Hex));
        if (!file->open(QIODevice::ReadOnly))
            return damaged(sha256Hex, QStringLiteral("stored version missing"));
        if (file->size() != expectedSize)
            return damaged(sha256Hex, QStringLiteral("stored version has the wrong size"));
        return std::unique_ptr<QIODevice>(std::move(file));
    }
    const QString staging = QDir(m_root).filePath(QStringLiteral("staging"));
    IKK_TRY(makeDirectory(staging));
    // Removed when closed; a process killed meanwhile leaves a .tmp that removeLeftovers() sweeps.
    auto file = std::make_unique<QTemporaryFile>(QDir(staging).filePath(QStringLiteral("read-XXXXXX.tmp")));
    if (!file->open())
        return makeError(ErrorCode::ServerError, QStringLiteral("cannot create a temporary file in ") + staging);
    QTemporaryFile* out = file.get();
    IKK_TRY(copyFromTable(sha256Hex, expectedSize, [out](const QByteArray& bytes) -> Status {
        if (out->write(bytes) != bytes.size())
            return makeError(ErrorCode::ServerError, QStringLiteral("cannot write ") + out->fileName());
        return {};
    }));
    if (!file->flush() || !file->seek(0))
        return makeError(ErrorCode::ServerError, QStringLiteral("cannot rewind ") + file->fileName());
    return std::unique_ptr<QIODevice>(std::move(file));
}

Result<QByteArray> FileStore::read(const QString& sha256Hex, qint64 expectedSize) const
{
    auto device = open(sha256Hex, expectedSize);
    IKK_TRY(device);
    QByteArray bytes = (*device)->readAll();
    if (bytes.size() != expectedSize)
        return damaged(sha256Hex, QStringLiteral("stored version has the wrong size"));
    return bytes;
}

Status FileStore::copyInto(const QString& sha256Hex, qint64 expectedSize, AtomicFile& file) const
{
    const ChunkSink sink = [&file](const QByteArray& bytes) { return file.write(bytes); };
    return m_database ? copyFromTable(sha256Hex, expectedSize, sink) : copyFromDirectory(sha256Hex, expectedSize, sink);
}

Status FileStore::importFrom(const FileStore& source, const QString& sha256Hex, qint64 expectedSize) const
{
    if (!isDigest(sha256Hex))
        return damaged(sha256Hex, QStringLiteral("not a digest"));
    auto present = holds(sha256Hex);
    IKK_TRY(present);
    if (*present)
        return {};
    if (m_database) {
        // Through a staged file: digest and size are checked while copying, then the rows go in in one transaction.
        const QString target = QDir(m_root).filePath(QStringLiteral("staging/") + sha256Hex + QStringLiteral(".pdf"));
        if (!QDir().mkpath(QFileInfo(target).absolutePath()))
            return makeError(ErrorCode::ServerError, QStringLiteral("cannot create staging directory"));
        auto file = AtomicFile::create(target, 0640);
        IKK_TRY(file);
        IKK_TRY(source.copyInto(sha256Hex, expectedSize, *file));
        StagedVersion staged(std::move(file).value(), m_database, sha256Hex, expectedSize);
        return staged.commit();
    }
    const QString target = pathFor(sha256Hex);
    IKK_TRY(makeDirectory(QFileInfo(target).absolutePath()));
    auto file = AtomicFile::create(target, 0640);
    IKK_TRY(file);
    IKK_TRY(source.copyInto(sha256Hex, expectedSize, *file));
    return file->commit();
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
