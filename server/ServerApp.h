// The ikkatsu-server command line: serve (default), init (first administrator), demo-seed (demo accounts).
#pragma once

#include <QStringList>

namespace ikkatsu::server {

// `args` excludes the program name. Returns the process exit code; `serve` runs the event loop.
int runServerCommand(const QStringList& args);

} // namespace ikkatsu::server
