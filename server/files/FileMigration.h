// `ikkatsu-server migrate-files`: moves every stored file version between the data directory and the database.
#pragma once

#include "ServerContext.h"

#include <functional>

namespace ikkatsu::server {

struct FileMigrationReport
{
    int versions = 0; // distinct contents referenced by file_versions
    int copied = 0;
    int present = 0; // already in the target (an earlier, interrupted or repeated run)
    int removed = 0; // source copies removed (--delete-source)
    QStringList failed; // "sha256: reason"
};

// Copies every version into the target store, one transaction (or one atomic rename) per version, checking size and
// SHA-256 while reading the source and again reading the target back. Idempotent and resumable: versions the target
// holds are verified and skipped. With `deleteSource`, the source copies are removed only when every version
// verified in the target. `progress` gets one line per version.
Result<FileMigrationReport> migrateFileStore(
    ServerContext& context, bool toDatabase, bool deleteSource, const std::function<void(const QString&)>& progress);

} // namespace ikkatsu::server
