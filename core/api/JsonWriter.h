// Compact JSON written straight into UTF-8 bytes, for answers whose QJsonObject building cost more than their query.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace ikkatsu::api {

// The answers of long lists (My Page: 50 files of 18 fields) spent 40 % of a request in QJsonObject inserts and
// QJsonDocument::toJson. The writer appends each member once, in the order written; the caller keeps objects and
// arrays balanced (take() checks that in debug builds). Output is what QJsonDocument::fromJson reads back exactly:
// `"`, `\` and control characters are escaped, everything else is UTF-8 (a lone surrogate becomes U+FFFD).
class JsonWriter
{
public:
    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();

    // The name of the next member; names are the contract's ASCII literals.
    JsonWriter& key(const char* name);

    JsonWriter& value(const QString& text);
    JsonWriter& value(qint64 number);
    JsonWriter& value(int number) { return value(qint64(number)); }
    JsonWriter& value(bool flag);
    JsonWriter& null();
    // ISO 8601 UTC to the second ("2026-03-31T14:59:59Z"), or "" for an invalid time: what toJsonTime writes.
    JsonWriter& time(const QDateTime& time);

    // The bytes written; the writer is empty afterwards.
    QByteArray take();

private:
    void separate(); // the comma before a value or key, unless it is the first in its container
    void appendString(const QString& text);

    QByteArray m_out;
    QList<bool> m_first; // per open container: nothing written in it yet
    bool m_afterKey = false;
};

} // namespace ikkatsu::api
