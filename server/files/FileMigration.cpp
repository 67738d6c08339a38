// The list of versions comes from file_versions (every version ever accepted, the current ones included), so
// nothing the database does not reference is moved, and nothing it references is left behind unnoticed.
#include "files/FileMigration.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ikkatsu::server {

Result<FileMigrationReport> migrateFileStore(
    ServerContext& context, bool toDatabase, bool deleteSource, const std::function<void(const QString&)>& progress)
{
    const QString root = context.config.filesDir();
    const FileStore directory(root);
    const FileStore table(root, context.database);
    const FileStore& source = toDatabase ? directory : table;
    const FileStore& target = toDatabase ? table : directory;

    QList<QPair<QString, qint64>> versions;
    {
        auto rows = context.database->exec(
            QStringLiteral("SELECT DISTINCT content_sha256, size FROM file_versions ORDER BY content_sha256"));
        IKK_TRY(rows);
        while (rows->next())
            versions.append({rows->value(0).toString(), rows->value(1).toLongLong()});
    }
    FileMigrationReport report;
    report.versions = int(versions.size());
    for (const auto& [sha256, size] : std::as_const(versions)) {
        auto held = target.holds(sha256);
        IKK_TRY(held);
        Status done = target.importFrom(source, sha256, size);
        // Read the target back: what the servers will serve from now on must match its name.
        if (done) {
            auto check = target.read(sha256, size);
            done = check ? Status() : Status(check.error());
        }
        if (!done) {
            report.failed.append(
                sha256 + QStringLiteral(": ") + done.error().codeText() + QLatin1Char(' ') + done.error().detail);
            progress(QStringLiteral("FAILED ") + report.failed.last());
            continue;
        }
        ++(*held ? report.present : report.copied);
        progress((*held ? QStringLiteral("present ") : QStringLiteral("copied  ")) + sha256);
    }
    if (!deleteSource || !report.failed.isEmpty())
        return report;
    for (const auto& [sha256, size] : std::as_const(versions)) {
        if (toDatabase) {
            const QString path = directory.pathFor(sha256);
            if (QFile::exists(path) && QFile::remove(path))
                ++report.removed;
            // Empty fan-out directories go too (rmdir fails harmlessly when another version is beside it).
            QDir().rmdir(QFileInfo(path).absolutePath());
            QDir().rmdir(QFileInfo(QFileInfo(path).absolutePath()).absolutePath());
        } else {
            auto deleted = context.database->execCount(
                QStringLiteral("DELETE FROM file_contents WHERE content_sha256 = ?"), {sha256});
            IKK_TRY(deleted);
            report.removed += *deleted;
        }
    }
    return report;
}

} // namespace ikkatsu::server
