// Chooses the UI language (Japanese by default, English otherwise) and installs the embedded translations.
#pragma once

#include <QString>

namespace ikkatsu {

// "ja" or "en". An explicit choice ("ja"/"en") wins; otherwise Japanese when the system locale is Japanese.
QString effectiveLanguage(const QString& choice = {});

// Installs the translators for `language` ("ja"/"en") into the running QCoreApplication. Returns the
// language installed.
QString installTranslations(const QString& language);

} // namespace ikkatsu
