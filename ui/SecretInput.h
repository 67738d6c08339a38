// Taking a PIN or password out of a QLineEdit so that no copy of it stays in memory we own.
#pragma once

#include "common/SecureBuffer.h"

class QLineEdit;

namespace ikkatsu::ui {

// The edit's text as UTF-8; then the edit's own character buffer is overwritten in place and emptied.
// (wipeString on a copy of text() detaches first and so wipes only that copy, never the buffer the edit keeps.)
SecureBuffer takeSecret(QLineEdit* edit);

} // namespace ikkatsu::ui
