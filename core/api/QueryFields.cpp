// The query readers of the list filters: every refusal names the parameter, so a client's mistake is found fast.
#include "api/QueryFields.h"

namespace ikkatsu::api {

Error badQuery(const QString& what)
{
    return makeError(ErrorCode::BadRequest, what);
}

QString queryText(const QUrlQuery& query, const QString& key)
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

Result<int> queryInt(const QUrlQuery& query, const QString& key, int fallback, int min, int max)
{
    const QString text = queryText(query, key);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        return badQuery(QStringLiteral("%1 must be an integer from %2 to %3").arg(key).arg(min).arg(max));
    return value;
}

Result<QDate> queryDate(const QUrlQuery& query, const QString& key)
{
    const QString text = queryText(query, key);
    if (text.isEmpty())
        return QDate();
    // Exactly YYYY-MM-DD: Qt's ISO parser also takes other separators, which no client of ours sends.
    const QDate date = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
    if (!date.isValid() || text.size() != 10)
        return badQuery(key + QStringLiteral(" must be a date YYYY-MM-DD"));
    return date;
}

Result<QString> queryFreeText(const QUrlQuery& query, const QString& key, int maxLength)
{
    const QString text = queryText(query, key);
    if (text.size() > maxLength)
        return badQuery(key + QStringLiteral(" is too long"));
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return badQuery(key + QStringLiteral(" contains control characters"));
    }
    return text;
}

Status onlyKnownKeys(const QUrlQuery& query, const QStringList& known)
{
    for (const auto& item : query.queryItems()) {
        if (!known.contains(item.first))
            return badQuery(QStringLiteral("unknown query parameter ") + item.first);
    }
    return {};
}

} // namespace ikkatsu::api
