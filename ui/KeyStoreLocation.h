// Where a user's PKCS#12 key store lives on this machine: one file per user ID.
#pragma once

#include <QString>

namespace ikkatsu {
class Settings;
}

namespace ikkatsu::ui {

// Settings' KeyStoreDirectory, or the app data directory when empty; "<dir>/<userId>.p12" with the user ID
// reduced to characters safe in a file name.
QString keyStorePath(const Settings& settings, const QString& userId);

} // namespace ikkatsu::ui
