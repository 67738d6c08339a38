// The desktop app's log file: every Qt message, one line each, into a size-capped set of rotating files.
#pragma once

#include "common/Result.h"

#include <QString>

namespace ikkatsu {

struct LogFileOptions
{
    QString directory; // created 0700 when missing
    QString baseName = QStringLiteral("ikkatsu"); // ikkatsu.log, then ikkatsu.1.log (older) … ikkatsu.N.log
    qint64 maxBytes = 1 << 20; // a file is rotated once it would grow past this
    int keptFiles = 5; // rotated files kept beside the current one
};

// Installs a Qt message handler that appends "2026-12-04T07:30:00.123Z WARN ikkatsu.ui: text" lines to
// DIRECTORY/BASE.log (0600) and still passes each message to the handler before it (the terminal). Control
// characters in messages are escaped, so a hostile file name or server answer cannot forge log lines. Thread-safe.
// An administrator handed an error code finds its detail there; secrets never reach it because no code logs them.
// Returns the path of the current log file, or why the directory cannot be written (the app then runs without).
Result<QString> installLogFile(const LogFileOptions& options);

// Restores the handler before installLogFile and closes the file (tests; the app keeps it to the end).
void uninstallLogFile();

} // namespace ikkatsu
