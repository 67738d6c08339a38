// QLineEdit::text() hands out an implicitly shared copy of the edit's own buffer (no input mask is used on
// secret fields): writing through that copy's data without detaching overwrites the edit's characters.
#include "SecretInput.h"

#include <QLineEdit>

namespace ikkatsu::ui {

SecureBuffer takeSecret(QLineEdit* edit)
{
    QString shared = edit->text();
    SecureBuffer secret = SecureBuffer::fromString(shared);
    if (!shared.isEmpty() && edit->inputMask().isEmpty())
        wipeMemory(const_cast<QChar*>(shared.constData()), static_cast<std::size_t>(shared.size()) * sizeof(QChar));
    shared = QString();
    edit->clear();
    return secret;
}

} // namespace ikkatsu::ui
