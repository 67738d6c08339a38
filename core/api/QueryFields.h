// Strict reading of URL query parameters, shared by every list filter of the REST contract (E5007 on bad input).
#pragma once

#include "common/Result.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace ikkatsu::api {

Error badQuery(const QString& what);
QString queryText(const QUrlQuery& query, const QString& key);
// `fallback` when absent; an integer outside min..max is refused.
Result<int> queryInt(const QUrlQuery& query, const QString& key, int fallback, int min, int max);
// YYYY-MM-DD; an invalid QDate when absent.
Result<QDate> queryDate(const QUrlQuery& query, const QString& key);
// At most `maxLength` characters, no control characters.
Result<QString> queryFreeText(const QUrlQuery& query, const QString& key, int maxLength);
// Knowing every query key catches a client's typo instead of silently ignoring a filter.
Status onlyKnownKeys(const QUrlQuery& query, const QStringList& known);

} // namespace ikkatsu::api
