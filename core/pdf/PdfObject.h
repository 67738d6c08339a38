// The PDF object model of our lean reader and writer: just enough to read structure and rewrite a few objects.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <utility>
#include <vector>

namespace ikkatsu::pdf {

struct PdfRef
{
    quint32 number = 0;
    quint16 generation = 0;

    bool isNull() const { return number == 0; }
    friend bool operator==(const PdfRef&, const PdfRef&) = default;
};

// A value type. Reals keep their original text so that rewritten objects say exactly what they said before.
// Strings remember where they sat in the file (needed to check that /ByteRange leaves out exactly /Contents).
class PdfObject
{
public:
    enum class Type : quint8 { Null, Boolean, Integer, Real, String, Name, Array, Dictionary, Reference, Stream };
    using Entry = std::pair<QByteArray, PdfObject>;

    PdfObject() = default;

    static PdfObject null() { return {}; }
    static PdfObject boolean(bool value);
    static PdfObject integer(qint64 value);
    static PdfObject real(QByteArray text);
    static PdfObject string(QByteArray bytes, bool hex = false);
    static PdfObject name(QByteArray name);
    static PdfObject array(std::vector<PdfObject> items = {});
    static PdfObject dictionary(std::vector<Entry> entries = {});
    static PdfObject reference(PdfRef ref);

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBoolean() const { return m_type == Type::Boolean; }
    bool isInteger() const { return m_type == Type::Integer; }
    bool isNumber() const { return m_type == Type::Integer || m_type == Type::Real; }
    bool isString() const { return m_type == Type::String; }
    bool isName() const { return m_type == Type::Name; }
    bool isName(QByteArrayView name) const { return m_type == Type::Name && m_bytes == name; }
    bool isArray() const { return m_type == Type::Array; }
    // Streams are dictionaries with data, so this is true for them too.
    bool isDictionary() const { return m_type == Type::Dictionary || m_type == Type::Stream; }
    bool isStream() const { return m_type == Type::Stream; }
    bool isReference() const { return m_type == Type::Reference; }

    bool toBool() const { return m_type == Type::Boolean && m_int != 0; }
    qint64 toInteger(qint64 fallback = 0) const { return m_type == Type::Integer ? m_int : fallback; }
    double toNumber() const;
    // Name, string bytes or real text.
    const QByteArray& bytes() const { return m_bytes; }
    PdfRef toReference() const;
    bool isHexString() const { return m_hex; }

    const std::vector<PdfObject>& items() const { return m_items; }
    std::vector<PdfObject>& items() { return m_items; }

    const std::vector<Entry>& entries() const { return m_entries; }
    std::vector<Entry>& entries() { return m_entries; }
    // nullptr when absent (or when this is no dictionary).
    const PdfObject* find(QByteArrayView key) const;
    // Null object when absent.
    const PdfObject& get(QByteArrayView key) const;
    void set(const QByteArray& key, PdfObject value);
    void remove(QByteArrayView key);

    // Turns a dictionary into a stream whose data starts at `dataOffset` in the file.
    void makeStream(qint64 dataOffset);
    qint64 streamDataOffset() const { return m_start; }
    // The indirect object a stream was read as: an encrypted stream's key depends on it.
    void setStreamOwner(PdfRef ref) { m_int = (qint64(ref.number) << 16) | ref.generation; }
    PdfRef streamOwner() const { return PdfRef {quint32(m_int >> 16), quint16(m_int & 0xffff)}; }

    // Where a string token started and ended in its source (-1 when unknown, e.g. inside an object stream).
    qint64 sourceStart() const { return m_start; }
    qint64 sourceEnd() const { return m_end; }
    void setSourceSpan(qint64 start, qint64 end)
    {
        m_start = start;
        m_end = end;
    }

    // PDF syntax for a direct object (streams cannot be written this way).
    void writeTo(QByteArray& out) const;
    QByteArray serialize() const;

private:
    Type m_type = Type::Null;
    bool m_hex = false;
    qint64 m_int = 0; // integer, boolean, or reference/stream owner (number << 16 | generation)
    qint64 m_start = -1;
    qint64 m_end = -1;
    QByteArray m_bytes;
    std::vector<PdfObject> m_items;
    std::vector<Entry> m_entries;
};

// Appends `value` in decimal (faster than QByteArray::number for the many small numbers we write).
void appendNumber(QByteArray& out, qint64 value);

} // namespace ikkatsu::pdf
