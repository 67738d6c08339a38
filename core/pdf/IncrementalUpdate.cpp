// Writes an incremental update section (ISO 32000-2 §7.5.6) with a classic table or a cross-reference stream.
#include "pdf/IncrementalUpdate.h"

#include "pdf/PdfReader.h"
#include "pdf/PdfSecurity.h"

#include <vector>

namespace ikkatsu::pdf {

namespace {

void appendPadded(QByteArray& out, qint64 value, int width)
{
    QByteArray digits;
    appendNumber(digits, value);
    for (qsizetype i = digits.size(); i < width; ++i)
        out.append('0');
    out.append(digits);
}

void appendBigEndian(QByteArray& out, quint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i)
        out.append(static_cast<char>((value >> (8 * i)) & 0xff));
}

int bytesNeeded(quint64 value)
{
    int width = 1;
    while (width < 8 && (value >> (8 * width)) != 0)
        ++width;
    return width;
}

// Consecutive runs of object numbers: each becomes one subsection.
std::vector<std::pair<quint32, quint32>> runsOf(const std::vector<quint32>& numbers)
{
    std::vector<std::pair<quint32, quint32>> runs;
    for (const quint32 number : numbers) {
        if (!runs.empty() && runs.back().first + runs.back().second == number)
            ++runs.back().second;
        else
            runs.emplace_back(number, 1);
    }
    return runs;
}

} // namespace

IncrementalUpdate::IncrementalUpdate(quint32 firstFreeNumber)
    : m_next(qMax<quint32>(1, firstFreeNumber))
{ }

PdfRef IncrementalUpdate::allocate()
{
    return PdfRef {m_next++, 0};
}

void IncrementalUpdate::put(PdfRef ref, PdfObject object)
{
    Pending& pending = m_objects[ref.number];
    pending.generation = ref.generation;
    pending.raw = false;
    pending.object = std::move(object);
}

void IncrementalUpdate::putRaw(PdfRef ref, QByteArray syntax)
{
    Pending& pending = m_objects[ref.number];
    pending.generation = ref.generation;
    pending.raw = true;
    pending.syntax = std::move(syntax);
}

Status IncrementalUpdate::putEncrypted(PdfRef ref, PdfObject object, const PdfSecurity* security)
{
    if (security)
        IKK_TRY(security->encryptStrings(ref, object));
    put(ref, std::move(object));
    return {};
}

Status IncrementalUpdate::putStream(PdfRef ref, PdfObject dict, const QByteArray& data, const PdfSecurity* security)
{
    QByteArray stored = data;
    if (security) {
        Result<QByteArray> encrypted = security->encryptStream(ref, dict, data);
        if (!encrypted)
            return encrypted.error();
        stored = std::move(encrypted).value();
    }
    dict.set("Length", PdfObject::integer(stored.size()));
    QByteArray syntax = dict.serialize();
    syntax.append("\nstream\n");
    syntax.append(stored);
    syntax.append("\nendstream");
    putRaw(ref, std::move(syntax));
    return {};
}

Result<QByteArray> IncrementalUpdate::writeAfter(PdfReader& reader)
{
    const qint64 size = reader.fileSize();
    Result<QByteArray> lastByte = reader.read(size - 1, 1);
    if (!lastByte)
        return lastByte.error();
    const bool needsNewline = *lastByte != "\n" && *lastByte != "\r";
    TrailerFields trailer;
    trailer.root = PdfObject::reference(reader.rootRef());
    const PdfObject& info = reader.trailer().get("Info");
    if (info.isReference())
        trailer.info = info;
    const PdfObject& id = reader.trailer().get("ID");
    if (id.isArray())
        trailer.id = id;
    if (reader.isEncrypted())
        trailer.encrypt = reader.trailer().get("Encrypt");
    trailer.prev = reader.startxref();
    const XrefStyle style = reader.newestSection().isStream ? XrefStyle::Stream : XrefStyle::Table;
    QByteArray appended = write(size + (needsNewline ? 1 : 0), style, trailer);
    if (needsNewline)
        appended.prepend('\n');
    return appended;
}

qint64 IncrementalUpdate::offsetOf(PdfRef ref) const
{
    const auto it = m_objects.find(ref.number);
    return it == m_objects.end() ? -1 : it->second.offset;
}

QByteArray IncrementalUpdate::write(qint64 startOffset, XrefStyle style, const TrailerFields& trailer)
{
    QByteArray out;
    auto emitObject = [&](quint32 number, Pending& pending) {
        pending.offset = startOffset + out.size();
        appendNumber(out, number);
        out.append(' ');
        appendNumber(out, pending.generation);
        out.append(" obj\n", 5);
        if (pending.raw)
            out.append(pending.syntax);
        else
            pending.object.writeTo(out);
        out.append("\nendobj\n", 8);
    };
    for (auto& [number, pending] : m_objects)
        emitObject(number, pending);

    auto addTrailerEntries = [&](PdfObject& dict, quint32 size) {
        dict.set("Size", PdfObject::integer(size));
        dict.set("Root", trailer.root);
        if (!trailer.info.isNull())
            dict.set("Info", trailer.info);
        if (!trailer.encrypt.isNull())
            dict.set("Encrypt", trailer.encrypt);
        if (!trailer.id.isNull())
            dict.set("ID", trailer.id);
        dict.set("Prev", PdfObject::integer(trailer.prev));
    };

    // A classic table holds offsets of ten digits (ISO 32000 §7.5.4): an update that lands beyond 9,999,999,999
    // bytes gets a cross-reference stream instead, which PDF 1.5 readers follow after a table as well.
    constexpr qint64 kTableMaxOffset = 9999999999LL;
    if (style == XrefStyle::Table && startOffset + out.size() > kTableMaxOffset)
        style = XrefStyle::Stream;
    if (style == XrefStyle::Table) {
        std::vector<quint32> numbers;
        for (const auto& [number, pending] : m_objects)
            numbers.push_back(number);
        const quint32 size = qMax(m_next, numbers.empty() ? 1u : numbers.back() + 1);
        m_startxref = startOffset + out.size();
        out.append("xref\n", 5);
        for (const auto& [first, count] : runsOf(numbers)) {
            appendNumber(out, first);
            out.append(' ');
            appendNumber(out, count);
            out.append('\n');
            for (quint32 k = 0; k < count; ++k) {
                const Pending& pending = m_objects.at(first + k);
                // Exactly 20 bytes per entry, as ISO 32000 requires.
                appendPadded(out, pending.offset, 10);
                out.append(' ');
                appendPadded(out, pending.generation, 5);
                out.append(" n\r\n", 4);
            }
        }
        PdfObject dict = PdfObject::dictionary();
        addTrailerEntries(dict, size);
        out.append("trailer\n", 8);
        dict.writeTo(out);
        out.append('\n');
    } else {
        // The stream lists itself too, so it needs its number and offset before its data is known.
        const PdfRef self = allocate();
        const qint64 selfOffset = startOffset + out.size();
        std::vector<std::pair<quint32, std::pair<qint64, quint16>>> rows;
        for (const auto& [number, pending] : m_objects)
            rows.push_back({number, {pending.offset, pending.generation}});
        rows.push_back({self.number, {selfOffset, quint16(0)}});
        const int offsetWidth = bytesNeeded(static_cast<quint64>(selfOffset));
        std::vector<quint32> numbers;
        QByteArray data;
        for (const auto& [number, entry] : rows) {
            numbers.push_back(number);
            data.append('\x01');
            appendBigEndian(data, static_cast<quint64>(entry.first), offsetWidth);
            appendBigEndian(data, entry.second, 2);
        }
        std::vector<PdfObject> index;
        for (const auto& [first, count] : runsOf(numbers)) {
            index.push_back(PdfObject::integer(first));
            index.push_back(PdfObject::integer(count));
        }
        PdfObject dict = PdfObject::dictionary();
        dict.set("Type", PdfObject::name("XRef"));
        addTrailerEntries(dict, m_next);
        dict.set(
            "W", PdfObject::array({PdfObject::integer(1), PdfObject::integer(offsetWidth), PdfObject::integer(2)}));
        dict.set("Index", PdfObject::array(std::move(index)));
        dict.set("Length", PdfObject::integer(data.size()));
        m_startxref = selfOffset;
        appendNumber(out, self.number);
        out.append(" 0 obj\n", 7);
        dict.writeTo(out);
        out.append("\nstream\n", 8);
        out.append(data);
        out.append("\nendstream\nendobj\n", 18);
    }
    out.append("startxref\n", 10);
    appendNumber(out, m_startxref);
    out.append("\n%%EOF\n", 7);
    return out;
}

} // namespace ikkatsu::pdf
