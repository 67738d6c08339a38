// New PIN checks: the key store's policy first, then the confirmation.
#include "NewPin.h"

#include "crypto/KeyStore.h"

namespace ikkatsu::ui {

Result<SecureBuffer> acceptNewPin(const QString& pin, const QString& confirmation)
{
    SecureBuffer buffer = SecureBuffer::fromString(pin);
    IKK_TRY(KeyStore::checkPinPolicy(buffer));
    if (pin != confirmation)
        return makeError(ErrorCode::PinMismatch);
    return buffer;
}

} // namespace ikkatsu::ui
