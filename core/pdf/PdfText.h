// PDF text strings and dates: what /Name, /Reason, /Location and /M look like on disk.
#pragma once

#include "pdf/PdfObject.h"

#include <QDateTime>
#include <QString>

namespace ikkatsu::pdf {

// Printable ASCII stays a literal string; anything else becomes UTF-16BE with a byte-order mark, written as a hex
// string, so that Japanese reads correctly in Acrobat and pdfsig.
PdfObject textString(const QString& text);

// Decodes a text string: UTF-16BE (BOM FE FF), UTF-8 (BOM EF BB BF, or valid UTF-8 without BOM as written by
// some tools), otherwise PDFDocEncoding.
QString decodeTextString(const QByteArray& bytes);

// "D:YYYYMMDDHHmmSS+00'00'" in UTC.
QByteArray pdfDate(const QDateTime& time);
// Parses the PDF date format (ISO 32000-2 §7.9.4), lenient about what follows the year; invalid QDateTime if not.
QDateTime parsePdfDate(const QByteArray& text);

} // namespace ikkatsu::pdf
