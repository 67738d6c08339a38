// Definitions of the desktop's logging categories.
#include "Logging.h"

namespace ikkatsu::ui {

Q_LOGGING_CATEGORY(lcUi, "ikkatsu.ui")
Q_LOGGING_CATEGORY(lcBatch, "ikkatsu.ui.batch")

} // namespace ikkatsu::ui
