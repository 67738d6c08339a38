// Translations are compiled into the core library (:/i18n), so every executable finds them without paths.
#include "config/Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace ikkatsu {

QString effectiveLanguage(const QString& choice)
{
    if (choice == QLatin1String("ja") || choice == QLatin1String("en"))
        return choice;
    return QLocale::system().language() == QLocale::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
}

QString installTranslations(const QString& language)
{
    const QString chosen = effectiveLanguage(language);
    // English is the source language; its .qm only carries plural forms ("1 signature", "2 signatures").
    auto* ours = new QTranslator(QCoreApplication::instance());
    if (ours->load(QStringLiteral(":/i18n/ikkatsu_") + chosen + QStringLiteral(".qm")))
        QCoreApplication::installTranslator(ours);
    // Qt's own strings (standard buttons, dialogs) in the same language.
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QStringLiteral("qtbase_") + chosen, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return chosen;
}

} // namespace ikkatsu
