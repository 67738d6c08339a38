// RFC 9110 field grammar shared by the server's request reader and the client's response reader.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace ikkatsu::http {

// tchar of RFC 9110 5.6.2.
bool isTokenChar(char c);
// A non-empty token (a method, a field name).
bool isToken(QByteArrayView text);
// field-vchar / SP / HTAB: visible ASCII and obs-text; no control character (NUL, CR, LF, DEL, ...).
bool isFieldValue(QByteArrayView text);
// Without leading and trailing SP / HTAB (OWS).
QByteArrayView trimmedOws(QByteArrayView text);
// Comma-separated tokens of a field value contain `token` (case-insensitive).
bool listContains(const QByteArray& value, QByteArrayView token);

} // namespace ikkatsu::http
