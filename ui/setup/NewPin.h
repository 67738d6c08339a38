// The rule for a new 署名用暗証コード and its confirmation, shared by the setup wizard and 本人情報.
#pragma once

#include "common/Result.h"
#include "common/SecureBuffer.h"

namespace ikkatsu::ui {

// PinPolicy unless half-width alphanumerics of 6 to 20 characters; PinMismatch when the confirmation differs.
Result<SecureBuffer> acceptNewPin(const QString& pin, const QString& confirmation);

} // namespace ikkatsu::ui
