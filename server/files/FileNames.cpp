// Name checks run before anything is stored; the folded form is what the name_fold columns hold.
#include "files/FileNames.h"

namespace ikkatsu::server {

Result<QString> checkedName(const QString& name, int maxLength)
{
    const QString normalized = name.normalized(QString::NormalizationForm_C);
    const auto refuse = [](const QString& why) { return makeError(ErrorCode::FileNameInvalid, why); };
    if (normalized.isEmpty() || normalized.size() > maxLength)
        return refuse(QStringLiteral("empty or longer than %1 characters").arg(maxLength));
    if (normalized != normalized.trimmed())
        return refuse(QStringLiteral("leading or trailing space"));
    if (normalized.startsWith(QLatin1Char('.')))
        return refuse(QStringLiteral("starts with a dot"));
    static const QString forbidden = QStringLiteral("/\\:*?\"<>|");
    for (const QChar c : normalized) {
        const char16_t u = c.unicode();
        if (c.category() == QChar::Other_Control || forbidden.contains(c))
            return refuse(QStringLiteral("contains a forbidden character U+%1").arg(int(u), 4, 16, QLatin1Char('0')));
        // Bidirectional overrides and isolates can disguise an extension (U+202E makes "exe.pdf" read "fdp.exe").
        if ((u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) || u == 0x200E || u == 0x200F || u == 0xFEFF)
            return refuse(QStringLiteral("contains a bidirectional control character"));
    }
    return normalized;
}

QString foldName(const QString& name)
{
    return name.normalized(QString::NormalizationForm_KC).toCaseFolded();
}

QString likePattern(const QString& text)
{
    QString pattern = text;
    pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    pattern.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    pattern.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + pattern + QLatin1Char('%');
}

} // namespace ikkatsu::server
