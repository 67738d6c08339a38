// Runs a continuation on the GUI thread when a QFuture finishes, so that screens never wait on work.
#pragma once

#include "client/Futures.h"

namespace ikkatsu::ui {

using client::whenReady;

} // namespace ikkatsu::ui
