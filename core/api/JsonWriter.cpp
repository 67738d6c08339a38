// Compact JSON written straight into UTF-8 bytes (see JsonWriter.h).
#include "api/JsonWriter.h"

#include "api/Dto.h"

namespace ikkatsu::api {

namespace {

void appendDigits(QByteArray& out, qint64 number, int width)
{
    char digits[8];
    for (int i = width - 1; i >= 0; --i) {
        digits[i] = char('0' + number % 10);
        number /= 10;
    }
    out.append(digits, width);
}

} // namespace

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_first.isEmpty())
        return;
    if (m_first.last())
        m_first.last() = false;
    else
        m_out.append(',');
}

JsonWriter& JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    m_first.append(true);
    return *this;
}

JsonWriter& JsonWriter::endObject()
{
    Q_ASSERT(!m_first.isEmpty() && !m_afterKey);
    m_first.removeLast();
    m_out.append('}');
    return *this;
}

JsonWriter& JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    m_first.append(true);
    return *this;
}

JsonWriter& JsonWriter::endArray()
{
    Q_ASSERT(!m_first.isEmpty() && !m_afterKey);
    m_first.removeLast();
    m_out.append(']');
    return *this;
}

JsonWriter& JsonWriter::key(const char* name)
{
    separate();
    m_out.append('"').append(name).append("\":");
    m_afterKey = true;
    return *this;
}

JsonWriter& JsonWriter::value(const QString& text)
{
    separate();
    appendString(text);
    return *this;
}

JsonWriter& JsonWriter::value(qint64 number)
{
    separate();
    m_out.append(QByteArray::number(number));
    return *this;
}

JsonWriter& JsonWriter::value(bool flag)
{
    separate();
    m_out.append(flag ? "true" : "false");
    return *this;
}

JsonWriter& JsonWriter::null()
{
    separate();
    m_out.append("null");
    return *this;
}

JsonWriter& JsonWriter::time(const QDateTime& time)
{
    if (!time.isValid())
        return value(QString());
    const qint64 seconds = time.toSecsSinceEpoch();
    // Days to a civil date (proleptic Gregorian; H. Hinnant's algorithm), without QDateTime's formatting machinery.
    const qint64 days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    const qint64 secondOfDay = seconds - days * 86400;
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999)
        return value(toJsonTime(time)); // outside four digits: Qt's own spelling
    separate();
    m_out.append('"');
    appendDigits(m_out, year, 4);
    m_out.append('-');
    appendDigits(m_out, month, 2);
    m_out.append('-');
    appendDigits(m_out, day, 2);
    m_out.append('T');
    appendDigits(m_out, secondOfDay / 3600, 2);
    m_out.append(':');
    appendDigits(m_out, secondOfDay / 60 % 60, 2);
    m_out.append(':');
    appendDigits(m_out, secondOfDay % 60, 2);
    m_out.append("Z\"");
    return *this;
}

void JsonWriter::appendString(const QString& text)
{
    static const char hex[] = "0123456789abcdef";
    m_out.append('"');
    const qsizetype length = text.size();
    const auto* units = reinterpret_cast<const char16_t*>(text.utf16());
    for (qsizetype i = 0; i < length; ++i) {
        const char32_t unit = units[i];
        if (unit < 0x80) {
            switch (unit) {
            case '"':
                m_out.append("\\\"");
                break;
            case '\\':
                m_out.append("\\\\");
                break;
            case '\n':
                m_out.append("\\n");
                break;
            case '\r':
                m_out.append("\\r");
                break;
            case '\t':
                m_out.append("\\t");
                break;
            case '\b':
                m_out.append("\\b");
                break;
            case '\f':
                m_out.append("\\f");
                break;
            default:
                if (unit < 0x20) {
                    const char escaped[] = {'\\', 'u', '0', '0', hex[unit >> 4], hex[unit & 0xf]};
                    m_out.append(escaped, sizeof escaped);
                } else {
                    m_out.append(char(unit));
                }
            }
            continue;
        }
        char32_t code = unit;
        if (QChar::isHighSurrogate(unit) && i + 1 < length && QChar::isLowSurrogate(units[i + 1])) {
            code = QChar::surrogateToUcs4(char16_t(unit), units[i + 1]);
            ++i;
        } else if (QChar::isSurrogate(unit)) {
            code = 0xFFFD; // a lone half of a pair has no UTF-8 spelling
        }
        if (code < 0x800) {
            const char bytes[] = {char(0xC0 | (code >> 6)), char(0x80 | (code & 0x3F))};
            m_out.append(bytes, sizeof bytes);
        } else if (code < 0x10000) {
            const char bytes[]
                = {char(0xE0 | (code >> 12)), char(0x80 | ((code >> 6) & 0x3F)), char(0x80 | (code & 0x3F))};
            m_out.append(bytes, sizeof bytes);
        } else {
            const char bytes[] = {char(0xF0 | (code >> 18)), char(0x80 | ((code >> 12) & 0x3F)),
                char(0x80 | ((code >> 6) & 0x3F)), char(0x80 | (code & 0x3F))};
            m_out.append(bytes, sizeof bytes);
        }
    }
    m_out.append('"');
}

QByteArray JsonWriter::take()
{
    Q_ASSERT(m_first.isEmpty() && !m_afterKey);
    m_first.clear();
    m_afterKey = false;
    return std::exchange(m_out, QByteArray());
}

} // namespace ikkatsu::api
