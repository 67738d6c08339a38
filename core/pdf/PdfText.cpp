// Text strings (UTF-16BE, UTF-8, PDFDocEncoding) and dates of PDF.
#include "pdf/PdfText.h"

#include <QStringDecoder>
#include <QTimeZone>

namespace ikkatsu::pdf {

namespace {

// PDFDocEncoding differs from Latin-1 only here (ISO 32000-2 Annex D.3); 0 means undefined.
constexpr char16_t kDocEncoding18To1F[8] = {0x02D8, 0x02C7, 0x02C6, 0x02D9, 0x02DD, 0x02DB, 0x02DA, 0x02DC};
constexpr char16_t kDocEncoding80ToA0[33] = {0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039,
    0x203A, 0x2212, 0x2030, 0x201E, 0x201C, 0x201D, 0x2018, 0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141, 0x0152,
    0x0160, 0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0xFFFD, 0x20AC};

bool isPrintableAscii(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

int digitsAt(const QByteArray& text, qsizetype at, int count, bool* ok)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        if (at + i >= text.size() || text[at + i] < '0' || text[at + i] > '9') {
            *ok = false;
            return 0;
        }
        value = value * 10 + (text[at + i] - '0');
    }
    return value;
}

} // namespace

PdfObject textString(const QString& text)
{
    if (isPrintableAscii(text))
        return PdfObject::string(text.toLatin1());
    QByteArray bytes;
    bytes.reserve(2 + text.size() * 2);
    bytes.append('\xfe');
    bytes.append('\xff');
    for (const QChar c : text) {
        bytes.append(static_cast<char>(c.unicode() >> 8));
        bytes.append(static_cast<char>(c.unicode() & 0xff));
    }
    return PdfObject::string(bytes, true);
}

QString decodeTextString(const QByteArray& bytes)
{
    if (bytes.startsWith("\xfe\xff")) {
        QStringDecoder decoder(QStringDecoder::Utf16BE);
        return decoder(QByteArrayView(bytes).sliced(2));
    }
    if (bytes.startsWith("\xef\xbb\xbf"))
        return QString::fromUtf8(QByteArrayView(bytes).sliced(3));
    bool ascii = true;
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (!ascii) {
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString decoded = utf8(bytes);
        if (!utf8.hasError())
            return decoded;
    }
    QString out;
    out.reserve(bytes.size());
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x18 && c <= 0x1f)
            out.append(QChar(kDocEncoding18To1F[c - 0x18]));
        else if (c >= 0x80 && c <= 0xa0)
            out.append(QChar(kDocEncoding80ToA0[c - 0x80]));
        else
            out.append(QChar(char16_t(c)));
    }
    return out;
}

QByteArray pdfDate(const QDateTime& time)
{
    const QDateTime utc = (time.isValid() ? time : QDateTime::currentDateTimeUtc()).toUTC();
    return "D:" + utc.toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + "+00'00'";
}

QDateTime parsePdfDate(const QByteArray& input)
{
    QByteArray text = input.trimmed();
    if (text.startsWith("D:"))
        text.remove(0, 2);
    bool ok = true;
    const int year = digitsAt(text, 0, 4, &ok);
    if (!ok)
        return {};
    // Every later field is optional; a missing one takes its smallest value.
    auto optional = [&](qsizetype at, int fallback) {
        bool fieldOk = true;
        const int value = digitsAt(text, at, 2, &fieldOk);
        return fieldOk ? value : fallback;
    };
    const int month = optional(4, 1);
    const int day = optional(6, 1);
    const int hour = optional(8, 0);
    const int minute = optional(10, 0);
    const int second = optional(12, 0);
    int offsetSeconds = 0;
    qsizetype zone = 4;
    while (zone < text.size() && zone < 14 && text[zone] >= '0' && text[zone] <= '9')
        ++zone;
    if (zone < text.size() && (text[zone] == '+' || text[zone] == '-')) {
        bool zoneOk = true;
        const int zoneHours = digitsAt(text, zone + 1, 2, &zoneOk);
        int zoneMinutes = 0;
        if (zoneOk && zone + 3 < text.size()) {
            const qsizetype minutesAt = text[zone + 3] == '\'' ? zone + 4 : zone + 3;
            bool minutesOk = true;
            zoneMinutes = digitsAt(text, minutesAt, 2, &minutesOk);
            if (!minutesOk)
                zoneMinutes = 0;
        }
        if (zoneOk)
            offsetSeconds = (zoneHours * 3600 + zoneMinutes * 60) * (text[zone] == '-' ? -1 : 1);
    }
    const QDate date(year, month, day);
    const QTime clock(hour, minute, second);
    if (!date.isValid() || !clock.isValid())
        return {};
    return QDateTime(date, clock, QTimeZone(offsetSeconds)).toUTC();
}

} // namespace ikkatsu::pdf
