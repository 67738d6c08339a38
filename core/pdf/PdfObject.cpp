// PDF objects: construction, dictionary access and serialization.
#include "pdf/PdfObject.h"

#include "pdf/PdfParser.h"

#include <cstdlib>

namespace ikkatsu::pdf {

namespace {

const PdfObject kNullObject;

// Name characters written as themselves; the rest become #xx (ISO 32000-2 §7.3.5).
bool isRegularNameChar(unsigned char c)
{
    return c >= 0x21 && c <= 0x7e && c != '#' && !isPdfDelimiter(c);
}

const char kHexDigits[] = "0123456789ABCDEF";

void writeName(QByteArray& out, const QByteArray& name)
{
    out.append('/');
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (isRegularNameChar(c)) {
            out.append(ch);
        } else {
            out.append('#');
            out.append(kHexDigits[c >> 4]);
            out.append(kHexDigits[c & 0xf]);
        }
    }
}

void writeString(QByteArray& out, const QByteArray& bytes, bool hex)
{
    if (hex) {
        out.append('<');
        for (const char ch : bytes) {
            const auto c = static_cast<unsigned char>(ch);
            out.append(kHexDigits[c >> 4]);
            out.append(kHexDigits[c & 0xf]);
        }
        out.append('>');
        return;
    }
    out.append('(');
    for (const char ch : bytes) {
        switch (ch) {
        case '(':
        case ')':
        case '\\':
            out.append('\\');
            out.append(ch);
            break;
        // A raw end-of-line inside a literal string is read back as a single LF, so escape them.
        case '\r':
            out.append("\\r", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        default:
            out.append(ch);
        }
    }
    out.append(')');
}

} // namespace

void appendNumber(QByteArray& out, qint64 value)
{
    char buffer[24];
    int length = 0;
    const bool negative = value < 0;
    quint64 magnitude = negative ? 0 - static_cast<quint64>(value) : static_cast<quint64>(value);
    do {
        buffer[length++] = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (negative)
        buffer[length++] = '-';
    for (int i = length - 1; i >= 0; --i)
        out.append(buffer[i]);
}

PdfObject PdfObject::boolean(bool value)
{
    PdfObject object;
    object.m_type = Type::Boolean;
    object.m_int = value ? 1 : 0;
    return object;
}

PdfObject PdfObject::integer(qint64 value)
{
    PdfObject object;
    object.m_type = Type::Integer;
    object.m_int = value;
    return object;
}

PdfObject PdfObject::real(QByteArray text)
{
    PdfObject object;
    object.m_type = Type::Real;
    object.m_bytes = std::move(text);
    return object;
}

PdfObject PdfObject::string(QByteArray bytes, bool hex)
{
    PdfObject object;
    object.m_type = Type::String;
    object.m_bytes = std::move(bytes);
    object.m_hex = hex;
    return object;
}

PdfObject PdfObject::name(QByteArray name)
{
    PdfObject object;
    object.m_type = Type::Name;
    object.m_bytes = std::move(name);
    return object;
}

PdfObject PdfObject::array(std::vector<PdfObject> items)
{
    PdfObject object;
    object.m_type = Type::Array;
    object.m_items = std::move(items);
    return object;
}

PdfObject PdfObject::dictionary(std::vector<Entry> entries)
{
    PdfObject object;
    object.m_type = Type::Dictionary;
    object.m_entries = std::move(entries);
    return object;
}

PdfObject PdfObject::reference(PdfRef ref)
{
    PdfObject object;
    object.m_type = Type::Reference;
    object.m_int = (static_cast<qint64>(ref.number) << 16) | ref.generation;
    return object;
}

double PdfObject::toNumber() const
{
    if (m_type == Type::Integer)
        return static_cast<double>(m_int);
    if (m_type == Type::Real)
        return std::strtod(m_bytes.constData(), nullptr);
    return 0.0;
}

PdfRef PdfObject::toReference() const
{
    if (m_type != Type::Reference)
        return {};
    return PdfRef {static_cast<quint32>(m_int >> 16), static_cast<quint16>(m_int & 0xffff)};
}

const PdfObject* PdfObject::find(QByteArrayView key) const
{
    for (const Entry& entry : m_entries) {
        if (entry.first == key)
            return &entry.second;
    }
    return nullptr;
}

const PdfObject& PdfObject::get(QByteArrayView key) const
{
    const PdfObject* found = find(key);
    return found ? *found : kNullObject;
}

void PdfObject::set(const QByteArray& key, PdfObject value)
{
    for (Entry& entry : m_entries) {
        if (entry.first == key) {
            entry.second = std::move(value);
            return;
        }
    }
    m_entries.emplace_back(key, std::move(value));
}

void PdfObject::remove(QByteArrayView key)
{
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->first == key) {
            m_entries.erase(it);
            return;
        }
    }
}

void PdfObject::makeStream(qint64 dataOffset)
{
    m_type = Type::Stream;
    m_start = dataOffset;
}

void PdfObject::writeTo(QByteArray& out) const
{
    switch (m_type) {
    case Type::Null:
        out.append("null", 4);
        break;
    case Type::Boolean:
        out.append(m_int ? QByteArrayView("true") : QByteArrayView("false"));
        break;
    case Type::Integer:
        appendNumber(out, m_int);
        break;
    case Type::Real:
        out.append(m_bytes);
        break;
    case Type::String:
        writeString(out, m_bytes, m_hex);
        break;
    case Type::Name:
        writeName(out, m_bytes);
        break;
    case Type::Array: {
        out.append('[');
        bool first = true;
        for (const PdfObject& item : m_items) {
            if (!first)
                out.append(' ');
            first = false;
            item.writeTo(out);
        }
        out.append(']');
        break;
    }
    case Type::Dictionary:
    case Type::Stream:
        out.append("<<", 2);
        for (const Entry& entry : m_entries) {
            writeName(out, entry.first);
            out.append(' ');
            entry.second.writeTo(out);
        }
        out.append(">>", 2);
        break;
    case Type::Reference: {
        const PdfRef ref = toReference();
        appendNumber(out, ref.number);
        out.append(' ');
        appendNumber(out, ref.generation);
        out.append(" R", 2);
        break;
    }
    }
}

QByteArray PdfObject::serialize() const
{
    QByteArray out;
    writeTo(out);
    return out;
}

} // namespace ikkatsu::pdf
