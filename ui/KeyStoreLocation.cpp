// One key store file per user ID, so that two people sharing a desktop account never share a key.
#include "KeyStoreLocation.h"

#include "config/Settings.h"

#include <QDir>
#include <QStandardPaths>

namespace ikkatsu::ui {

QString keyStorePath(const Settings& settings, const QString& userId)
{
    QString directory = settings.string(SettingKey::KeyStoreDirectory);
    if (directory.isEmpty())
        directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/keys");
    QString name;
    for (const QChar c : userId) {
        const bool safe = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('@');
        name += safe ? c : QLatin1Char('_');
    }
    if (name.isEmpty() || name.startsWith(QLatin1Char('.')))
        name.prepend(QLatin1Char('u'));
    return QDir(directory).filePath(name + QStringLiteral(".p12"));
}

} // namespace ikkatsu::ui
