// The desktop's logging categories: what an administrator reads in the log file (--log-dir) next to an error code.
#pragma once

#include <QLoggingCategory>

namespace ikkatsu::ui {

Q_DECLARE_LOGGING_CATEGORY(lcUi) // every error shown to the user, with its detail
Q_DECLARE_LOGGING_CATEGORY(lcBatch) // batch signing: start, level, each file's outcome

} // namespace ikkatsu::ui
