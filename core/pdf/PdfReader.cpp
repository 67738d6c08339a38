// Reads the cross-reference chain (classic tables, xref streams, hybrid files) and single objects on demand.
#include "pdf/PdfReader.h"

#include "pdf/PdfFilters.h"
#include "pdf/PdfParser.h"
#include "platform/NativePath.h"

#include <QFile>
#include <QSet>

#include <algorithm>

namespace ikkatsu::pdf {

namespace {

constexpr qint64 kWholeFileLimit = 1 << 20;
constexpr qint64 kTailSize = 2048;
constexpr qint64 kFirstWindow = 4096;
constexpr int kMaxResolveDepth = 8;
constexpr size_t kCachedObjectStreams = 4;

Error xrefBroken(const QString& detail)
{
    return makeError(ErrorCode::PdfXrefBroken, detail);
}

Error malformed(const QString& detail)
{
    return makeError(ErrorCode::PdfMalformed, detail);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isSpace(char c)
{
    return isPdfWhitespace(static_cast<unsigned char>(c));
}

// Leaves a reader's nesting depth as it found it.
class DepthGuard
{
public:
    explicit DepthGuard(int& depth)
        : m_depth(depth)
    {
        ++m_depth;
    }
    ~DepthGuard() { --m_depth; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

private:
    int& m_depth;
};

} // namespace

Result<std::unique_ptr<PdfReader>> PdfReader::open(const QString& path, qint64 prefixSize, const QByteArray& password)
{
    std::unique_ptr<PdfReader> reader(new PdfReader);
    std::int64_t size = 0;
    int error = platform::NativeFile::openForReading(platform::nativePath(path), &reader->m_file);
    if (error == 0)
        error = reader->m_file.size(&size);
    if (error != 0)
        return platform::fileError(ErrorCode::InputFileUnreadable, QStringLiteral("cannot open"), path, error);
    reader->m_fileSize = prefixSize >= 0 ? qMin<qint64>(size, prefixSize) : size;
    if (reader->m_fileSize <= kWholeFileLimit) {
        Result<QByteArray> whole = reader->read(0, reader->m_fileSize);
        if (!whole)
            return whole.error();
        reader->m_whole = std::move(whole).value();
    }
    IKK_TRY(reader->readStructure());
    if (reader->m_encrypted)
        reader->m_encryptionStatus = reader->openSecurity(password);
    return reader;
}

Status PdfReader::openSecurity(const QByteArray& password)
{
    // The newest trailer that names /Encrypt (and /ID) describes the whole document: updates keep both.
    PdfObject encrypt;
    QByteArray firstId;
    for (const XrefSection& section : m_sections) {
        if (section.isHybridStream)
            continue;
        if (encrypt.isNull() && section.trailer.find("Encrypt"))
            encrypt = section.trailer.get("Encrypt");
        const PdfObject& id = section.trailer.get("ID");
        if (firstId.isEmpty() && id.isArray() && !id.items().empty() && id.items().front().isString())
            firstId = id.items().front().bytes();
    }
    if (encrypt.isReference()) {
        m_encryptRef = encrypt.toReference();
        // m_security is not set yet: the dictionary is read as stored.
        Result<PdfObject> resolved = object(m_encryptRef);
        if (!resolved)
            return resolved.error();
        encrypt = std::move(resolved).value();
    }
    Result<PdfSecurity> security = PdfSecurity::open(encrypt, firstId, password);
    // A password meant for other files of a batch must not stop one that needs none.
    if (!security && security.error().code == ErrorCode::PdfPasswordWrong)
        if (Result<PdfSecurity> open = PdfSecurity::open(encrypt, firstId, {}))
            security = std::move(open);
    if (!security)
        return security.error();
    m_security = std::move(security).value();
    return {};
}

PdfReader::~PdfReader() = default;

Result<QByteArray> PdfReader::read(qint64 offset, qint64 length) const
{
    if (offset < 0 || offset > m_fileSize || length < 0)
        return makeError(ErrorCode::InputFileUnreadable, QStringLiteral("read outside the file"));
    length = qMin(length, m_fileSize - offset);
    if (!m_whole.isEmpty() || (m_fileSize == 0))
        return m_whole.mid(offset, length);
    QByteArray buffer(length, Qt::Uninitialized);
    int error = 0;
    if (m_file.readAt(buffer.data(), length, offset, &error) != length)
        return makeError(ErrorCode::InputFileUnreadable, QStringLiteral("read failed at offset %1").arg(offset));
    return buffer;
}

Result<QByteArray> PdfReader::window(qint64 offset, qint64 length) const
{
    if (m_whole.isEmpty() || offset < 0 || offset > m_fileSize || length < 0)
        return read(offset, length);
    length = qMin(length, m_fileSize - offset);
    // No copy: the window only lives while the reader (and so m_whole) does.
    return QByteArray::fromRawData(m_whole.constData() + offset, length);
}

Result<qint64> PdfReader::findStartxref() const
{
    const qint64 start = qMax<qint64>(0, m_fileSize - kTailSize);
    Result<QByteArray> tail = read(start, m_fileSize - start);
    if (!tail)
        return tail.error();
    const qsizetype at = tail->lastIndexOf("startxref");
    if (at < 0)
        return xrefBroken(QStringLiteral("no startxref near the end of the file (truncated?)"));
    qsizetype i = at + 9;
    while (i < tail->size() && isSpace(tail->at(i)))
        ++i;
    const qsizetype digits = i;
    qint64 value = 0;
    while (i < tail->size() && isDigit(tail->at(i)) && i - digits < 18)
        value = value * 10 + (tail->at(i++) - '0');
    if (i == digits)
        return xrefBroken(QStringLiteral("startxref is not followed by an offset"));
    // Objects after the last startxref mean an update was cut off: reading the older revision instead would
    // silently present (and sign) a different document.
    const QByteArray rest = tail->mid(i);
    if (rest.contains("obj") || rest.contains("xref") || rest.contains("trailer"))
        return xrefBroken(QStringLiteral("the file continues after its last startxref (truncated update?)"));
    return value;
}

Status PdfReader::readStructure()
{
    Result<QByteArray> head = read(0, qMin<qint64>(1024, m_fileSize));
    if (!head)
        return head.error();
    if (m_fileSize < 16 || head->indexOf("%PDF-") < 0)
        return makeError(ErrorCode::PdfNotPdf, QStringLiteral("no %PDF- header"));

    Result<qint64> startxref = findStartxref();
    if (!startxref)
        return startxref.error();
    m_startxref = *startxref;

    QSet<qint64> visited;
    for (qint64 offset = m_startxref; offset != 0;) {
        if (visited.contains(offset))
            return xrefBroken(QStringLiteral("the /Prev chain loops at offset %1").arg(offset));
        if (visited.size() >= kMaxSections)
            return xrefBroken(QStringLiteral("more than %1 cross-reference sections").arg(kMaxSections));
        visited.insert(offset);
        Result<qint64> prev = readSection(offset);
        if (!prev)
            return prev.error();
        offset = *prev;
    }

    for (const XrefSection& section : m_sections) {
        if (section.isHybridStream)
            continue;
        if (section.trailer.find("Encrypt"))
            m_encrypted = true;
        if (m_root.isNull() && section.trailer.get("Root").isReference())
            m_root = section.trailer.get("Root").toReference();
        const qint64 size = section.trailer.get("Size").toInteger();
        if (size > m_nextNumber && size <= 0x7fffffff)
            m_nextNumber = static_cast<quint32>(size);
        for (const XrefSubsection& subsection : section.subsections) {
            const qint64 end = qint64(subsection.first) + qint64(subsection.entries.size());
            if (end > m_nextNumber && end <= 0x7fffffff)
                m_nextNumber = static_cast<quint32>(end);
        }
    }
    if (m_root.isNull())
        return malformed(QStringLiteral("the trailer has no /Root reference"));
    return {};
}

Result<qint64> PdfReader::readSection(qint64 offset)
{
    if (offset <= 0 || offset >= m_fileSize)
        return xrefBroken(QStringLiteral("cross-reference offset %1 lies outside the file").arg(offset));
    Result<QByteArray> probe = read(offset, qMin<qint64>(64, m_fileSize - offset));
    if (!probe)
        return probe.error();
    qsizetype i = 0;
    while (i < probe->size() && isSpace(probe->at(i)))
        ++i;
    const bool classic = probe->mid(i, 4) == "xref";

    Result<XrefSection> section = classic ? readClassicSection(offset) : readStreamSection(offset);
    if (!section)
        return section.error();
    const qint64 hybrid = classic ? section->trailer.get("XRefStm").toInteger(-1) : -1;
    m_sections.push_back(std::move(section).value());

    if (hybrid >= 0) {
        if (hybrid == 0 || hybrid >= m_fileSize)
            return xrefBroken(QStringLiteral("/XRefStm %1 lies outside the file").arg(hybrid));
        Result<XrefSection> stream = readStreamSection(hybrid);
        if (!stream)
            return stream.error();
        stream->isHybridStream = true;
        m_sections.push_back(std::move(stream).value());
    }
    // The hybrid push may have moved the section; look at the classic one again.
    const XrefSection& current = m_sections[m_sections.size() - (hybrid >= 0 ? 2 : 1)];
    const PdfObject& prevValue = current.trailer.get("Prev");
    if (prevValue.isNull())
        return 0;
    if (!prevValue.isInteger() && !prevValue.isNumber())
        return xrefBroken(QStringLiteral("/Prev is not a number"));
    // Some writers emit /Prev as a real ("1234.0"); take its integer part, bounded first: a hostile "/Prev 444…4.0"
    // beyond 64 bits would make the conversion undefined.
    const qint64 prevOffset = prevValue.isInteger()
        ? prevValue.toInteger()
        : qint64(std::clamp(prevValue.toNumber(), -1.0, double(m_fileSize)));
    if (prevOffset <= 0 || prevOffset >= m_fileSize)
        return xrefBroken(
            QStringLiteral("/Prev %1 lies outside the file").arg(QString::fromLatin1(prevValue.serialize().left(40))));
    return prevOffset;
}

Result<XrefSection> PdfReader::readClassicSection(qint64 offset)
{
    // The table is parsed from one window; when the window ends inside it, parse again with a larger one.
    qint64 windowSize = m_whole.isEmpty() ? qint64(64 * 1024) : m_fileSize - offset;
    for (;;) {
        const qint64 length = qMin(windowSize, m_fileSize - offset);
        const bool complete = offset + length >= m_fileSize;
        Result<QByteArray> window = this->window(offset, length);
        if (!window)
            return window.error();
        const char* data = window->constData();
        const qint64 size = window->size();
        qint64 pos = 0;
        bool needMore = false;
        auto skipSpace = [&] {
            while (pos < size && isSpace(data[pos]))
                ++pos;
            if (pos >= size && !complete)
                needMore = true;
        };
        auto readNumber = [&](qint64* value) {
            skipSpace();
            const qint64 start = pos;
            qint64 result = 0;
            while (pos < size && isDigit(data[pos]) && pos - start < 18)
                result = result * 10 + (data[pos++] - '0');
            if (pos >= size && !complete)
                needMore = true;
            *value = result;
            return pos > start;
        };

        XrefSection section;
        section.offset = offset;
        skipSpace();
        pos += 4; // "xref", checked by the caller
        qint64 entriesHere = 0;
        bool failed = false;
        while (!needMore) {
            skipSpace();
            if (needMore)
                break;
            if (pos + 7 <= size && std::memcmp(data + pos, "trailer", 7) == 0) {
                pos += 7;
                break;
            }
            qint64 first = 0;
            qint64 count = 0;
            if (!readNumber(&first) || !readNumber(&count)) {
                failed = !needMore;
                break;
            }
            if (first > 0x7fffffff || count > kMaxXrefEntries || m_entryCount + entriesHere + count > kMaxXrefEntries) {
                return xrefBroken(QStringLiteral("implausible cross-reference subsection %1 %2").arg(first).arg(count));
            }
            XrefSubsection subsection;
            subsection.first = static_cast<quint32>(first);
            // Entries take 20 bytes each: a count larger than the remaining file is a lie, not a reason to reserve.
            subsection.entries.reserve(static_cast<size_t>(qMin<qint64>(count, (m_fileSize - offset) / 18 + 1)));
            for (qint64 k = 0; k < count && !needMore; ++k) {
                qint64 entryOffset = 0;
                qint64 generation = 0;
                if (!readNumber(&entryOffset) || !readNumber(&generation)) {
                    failed = !needMore;
                    break;
                }
                skipSpace();
                if (needMore)
                    break;
                const char kind = data[pos++];
                XrefEntry entry;
                if (kind == 'n' && entryOffset > 0) {
                    entry.type = XrefEntryType::InFile;
                    entry.offset = entryOffset;
                } else if (kind != 'n' && kind != 'f') {
                    failed = true;
                    break;
                }
                entry.generationOrIndex = static_cast<quint32>(qMin<qint64>(generation, 65535));
                subsection.entries.push_back(entry);
            }
            if (failed)
                break;
            entriesHere += count;
            section.subsections.push_back(std::move(subsection));
        }
        if (failed)
            return xrefBroken(QStringLiteral("unreadable cross-reference table at offset %1").arg(offset));
        if (!needMore) {
            PdfParser parser(QByteArrayView(*window), offset, complete);
            parser.seek(offset + pos);
            Result<PdfObject> trailer = parser.parseObject();
            if (trailer && trailer->isDictionary()) {
                m_entryCount += entriesHere;
                section.trailer = std::move(trailer).value();
                std::sort(section.subsections.begin(), section.subsections.end(),
                    [](const XrefSubsection& a, const XrefSubsection& b) { return a.first < b.first; });
                return section;
            }
            if (!parser.truncated() || complete)
                return xrefBroken(QStringLiteral("no trailer dictionary after the table at offset %1").arg(offset));
        }
        if (windowSize >= kMaxObjectSize)
            return makeError(ErrorCode::PdfUnsupported, QStringLiteral("cross-reference table too large"));
        windowSize *= 8;
    }
}

Result<XrefSection> PdfReader::readStreamSection(qint64 offset)
{
    PdfRef ref;
    Result<PdfObject> stream = parseIndirectAt(offset, &ref);
    if (!stream)
        return xrefBroken(
            QStringLiteral("no cross-reference stream at offset %1 (%2)").arg(offset).arg(stream.error().detail));
    if (!stream->isStream() || (!stream->get("Type").isName("XRef") && !stream->get("Type").isNull()))
        return xrefBroken(QStringLiteral("the object at offset %1 is not a cross-reference stream").arg(offset));
    const PdfObject& w = stream->get("W");
    if (!w.isArray() || w.items().size() != 3)
        return xrefBroken(QStringLiteral("cross-reference stream without a valid /W"));
    qint64 widths[3];
    for (int k = 0; k < 3; ++k) {
        widths[k] = w.items()[k].toInteger(-1);
        if (widths[k] < 0 || widths[k] > 8)
            return xrefBroken(QStringLiteral("cross-reference stream /W out of range"));
    }
    const qint64 rowWidth = widths[0] + widths[1] + widths[2];
    if (rowWidth == 0)
        return xrefBroken(QStringLiteral("cross-reference stream /W is all zero"));
    const qint64 size = stream->get("Size").toInteger(-1);
    if (size < 0 || size > 0x7fffffff)
        return xrefBroken(QStringLiteral("cross-reference stream without a valid /Size"));
    std::vector<std::pair<qint64, qint64>> ranges;
    const PdfObject& index = stream->get("Index");
    if (index.isArray()) {
        if (index.items().size() % 2 != 0)
            return xrefBroken(QStringLiteral("cross-reference stream /Index has an odd length"));
        for (size_t k = 0; k < index.items().size(); k += 2) {
            const qint64 first = index.items()[k].toInteger(-1);
            const qint64 count = index.items()[k + 1].toInteger(-1);
            if (first < 0 || count < 0 || first > 0x7fffffff || count > kMaxXrefEntries)
                return xrefBroken(QStringLiteral("cross-reference stream /Index out of range"));
            ranges.emplace_back(first, count);
        }
    } else {
        ranges.emplace_back(0, size);
    }

    Result<QByteArray> decoded = decodedStreamData(*stream, kMaxDecodedStream);
    if (!decoded) {
        if (decoded.error().code == ErrorCode::PdfUnsupported)
            return decoded.error();
        return xrefBroken(
            QStringLiteral("cross-reference stream at offset %1: %2").arg(offset).arg(decoded.error().detail));
    }
    const auto* bytes = reinterpret_cast<const unsigned char*>(decoded->constData());
    const qint64 rows = decoded->size() / rowWidth;
    auto field = [&](qint64 row, int which, qint64 fallback) {
        if (widths[which] == 0)
            return fallback;
        qint64 start = row * rowWidth;
        for (int k = 0; k < which; ++k)
            start += widths[k];
        quint64 value = 0;
        for (qint64 k = 0; k < widths[which]; ++k)
            value = (value << 8) | bytes[start + k];
        return static_cast<qint64>(value & 0x7fffffffffffffffULL);
    };

    XrefSection section;
    section.offset = offset;
    section.isStream = true;
    qint64 row = 0;
    for (const auto& [first, count] : ranges) {
        if (m_entryCount + count > kMaxXrefEntries)
            return makeError(
                ErrorCode::PdfUnsupported, QStringLiteral("more than %1 cross-reference entries").arg(kMaxXrefEntries));
        XrefSubsection subsection;
        subsection.first = static_cast<quint32>(first);
        const qint64 available = qMax<qint64>(0, qMin(count, rows - row));
        subsection.entries.reserve(static_cast<size_t>(available));
        for (qint64 k = 0; k < available; ++k, ++row) {
            XrefEntry entry;
            const qint64 type = field(row, 0, 1);
            const qint64 second = field(row, 1, 0);
            const qint64 third = field(row, 2, 0);
            if (type == 1 && second > 0) {
                entry.type = XrefEntryType::InFile;
                entry.offset = second;
                entry.generationOrIndex = static_cast<quint32>(qMin<qint64>(third, 65535));
            } else if (type == 2) {
                entry.type = XrefEntryType::InObjectStream;
                entry.offset = second;
                entry.generationOrIndex = static_cast<quint32>(qMin<qint64>(third, 0xffffffff));
            } else {
                // Free, or an unknown type: ISO 32000 says to treat it as a reference to the null object.
                entry.generationOrIndex = static_cast<quint32>(qMin<qint64>(third, 65535));
            }
            subsection.entries.push_back(entry);
        }
        m_entryCount += available;
        section.subsections.push_back(std::move(subsection));
    }
    std::sort(section.subsections.begin(), section.subsections.end(),
        [](const XrefSubsection& a, const XrefSubsection& b) { return a.first < b.first; });
    section.trailer = std::move(stream).value();
    return section;
}

Status PdfReader::setView(size_t first)
{
    if (first >= m_sections.size() || m_sections[first].isHybridStream)
        return makeError(ErrorCode::PdfUnsupported, QStringLiteral("no revision starts at section %1").arg(first));
    m_view = first;
    m_root = PdfRef();
    for (size_t i = first; i < m_sections.size() && m_root.isNull(); ++i) {
        const PdfObject& root = m_sections[i].trailer.get("Root");
        if (!m_sections[i].isHybridStream && root.isReference())
            m_root = root.toReference();
    }
    if (m_root.isNull())
        return malformed(QStringLiteral("the revision's trailer has no /Root reference"));
    return {};
}

std::optional<XrefEntry> PdfReader::lookup(quint32 number) const
{
    auto findIn = [number](const XrefSection& section) -> std::optional<XrefEntry> {
        // Subsections are sorted by their first number: only the last one starting at or below `number` can hold it.
        auto it = std::upper_bound(section.subsections.begin(), section.subsections.end(), number,
            [](quint32 n, const XrefSubsection& s) { return n < s.first; });
        if (it == section.subsections.begin())
            return std::nullopt;
        --it;
        if (number - it->first < it->entries.size())
            return it->entries[number - it->first];
        return std::nullopt;
    };
    for (size_t i = m_view; i < m_sections.size(); ++i) {
        const std::optional<XrefEntry> entry = findIn(m_sections[i]);
        if (!entry)
            continue;
        // A hybrid file's table marks its compressed objects free; its /XRefStm stream knows where they are.
        if (entry->type == XrefEntryType::Free && i + 1 < m_sections.size() && m_sections[i + 1].isHybridStream) {
            const std::optional<XrefEntry> compressed = findIn(m_sections[i + 1]);
            if (compressed && compressed->type != XrefEntryType::Free)
                return compressed;
        }
        return entry;
    }
    return std::nullopt;
}

Result<PdfObject> PdfReader::parseIndirectAt(qint64 offset, PdfRef* found)
{
    if (offset <= 0 || offset >= m_fileSize)
        return xrefBroken(QStringLiteral("object offset %1 lies outside the file").arg(offset));
    qint64 windowSize = m_whole.isEmpty() ? kFirstWindow : m_fileSize - offset;
    for (;;) {
        const qint64 length = qMin(windowSize, m_fileSize - offset);
        const bool complete = offset + length >= m_fileSize;
        Result<QByteArray> window = this->window(offset, length);
        if (!window)
            return window.error();
        PdfParser parser(QByteArrayView(*window), offset, complete);
        PdfRef ref;
        if (parser.parseObjectHeader(&ref)) {
            Result<PdfObject> value = parser.parseObject();
            if (value) {
                const bool isStream = value->isDictionary() && parser.acceptKeyword("stream");
                const qint64 dataStart = isStream ? parser.streamDataStart() : -1;
                if (!parser.truncated() || complete) {
                    if (isStream)
                        value->makeStream(dataStart);
                    *found = ref;
                    return value;
                }
            } else if (!parser.truncated() || complete) {
                return value.error();
            }
        } else if (!parser.truncated() || complete) {
            return xrefBroken(QStringLiteral("no object at offset %1").arg(offset));
        }
        if (windowSize >= kMaxObjectSize)
            return malformed(QStringLiteral("object at offset %1 is too large").arg(offset));
        windowSize *= 16;
    }
}

Result<PdfObject> PdfReader::object(PdfRef ref)
{
    const std::optional<XrefEntry> entry = lookup(ref.number);
    if (!entry || entry->type == XrefEntryType::Free)
        return PdfObject::null();
    if (m_depth >= kMaxResolveDepth)
        return malformed(QStringLiteral("object references nested too deeply at object %1").arg(ref.number));
    DepthGuard guard(m_depth);
    if (entry->type == XrefEntryType::InObjectStream) {
        if (entry->offset > 0xffffffffLL)
            return xrefBroken(QStringLiteral("object %1: invalid object stream number").arg(ref.number));
        return objectFromStream(static_cast<quint32>(entry->offset), entry->generationOrIndex, ref.number);
    }
    PdfRef found;
    Result<PdfObject> value = parseIndirectAt(entry->offset, &found);
    if (!value)
        return value.error();
    if (found.number != ref.number)
        return xrefBroken(QStringLiteral("the cross-reference entry of object %1 points to object %2")
                              .arg(ref.number)
                              .arg(found.number));
    if (value->isStream())
        value->setStreamOwner(found);
    // ISO 32000-2 §7.6.2: every string and stream is encrypted except the /Encrypt dictionary itself,
    // cross-reference streams and signature /Contents (PdfSecurity leaves those). Objects inside object
    // streams are not encrypted one by one: the object stream's data is, and decodedStreamData decrypted it.
    if (m_security && found.number != m_encryptRef.number && !(value->isStream() && value->get("Type").isName("XRef")))
        IKK_TRY(m_security->decryptStrings(found, *value));
    return value;
}

Result<PdfObject> PdfReader::resolve(const PdfObject& value)
{
    PdfObject current = value;
    for (int step = 0; current.isReference(); ++step) {
        if (step >= kMaxResolveDepth)
            return malformed(QStringLiteral("reference chain too long"));
        Result<PdfObject> next = object(current.toReference());
        if (!next)
            return next.error();
        current = std::move(next).value();
    }
    return current;
}

Result<const PdfReader::ObjectStream*> PdfReader::objectStream(quint32 number)
{
    const std::optional<XrefEntry> entry = lookup(number);
    if (!entry || entry->type != XrefEntryType::InFile)
        return xrefBroken(QStringLiteral("object stream %1 is not a plain object in the file").arg(number));
    for (const auto& cached : m_objectStreams) {
        if (cached->number == number && cached->offset == entry->offset)
            return cached.get();
    }
    PdfRef found;
    Result<PdfObject> stream = parseIndirectAt(entry->offset, &found);
    if (!stream)
        return stream.error();
    if (found.number != number || !stream->isStream())
        return xrefBroken(QStringLiteral("object stream %1 not found at its offset").arg(number));
    stream->setStreamOwner(found);
    const qint64 count = stream->get("N").toInteger(-1);
    const qint64 first = stream->get("First").toInteger(-1);
    if (count < 0 || first < 0 || count > 10000000)
        return malformed(QStringLiteral("object stream %1 without valid /N and /First").arg(number));
    Result<QByteArray> data = decodedStreamData(*stream, kMaxDecodedStream);
    if (!data)
        return data.error();
    if (first > data->size() || count > first)
        return malformed(QStringLiteral("object stream %1: /First or /N beyond its data").arg(number));

    auto cache = std::make_unique<ObjectStream>();
    cache->number = number;
    cache->offset = entry->offset;
    cache->first = first;
    cache->data = std::move(data).value();
    cache->offsets.reserve(static_cast<size_t>(count));
    PdfParser header(QByteArrayView(cache->data.constData(), first), 0, true);
    for (qint64 k = 0; k < count; ++k) {
        qint64 objectNumber = 0;
        qint64 objectOffset = 0;
        if (!header.acceptInteger(&objectNumber) || !header.acceptInteger(&objectOffset) || objectNumber > 0xffffffffLL
            || first + objectOffset >= cache->data.size())
            return malformed(QStringLiteral("object stream %1 has a damaged header").arg(number));
        cache->offsets.emplace_back(static_cast<quint32>(objectNumber), objectOffset);
    }
    if (m_objectStreams.size() >= kCachedObjectStreams)
        m_objectStreams.erase(m_objectStreams.begin());
    m_objectStreams.push_back(std::move(cache));
    return m_objectStreams.back().get();
}

Result<PdfObject> PdfReader::objectFromStream(quint32 streamNumber, quint32 index, quint32 number)
{
    Result<const ObjectStream*> stream = objectStream(streamNumber);
    if (!stream)
        return stream.error();
    const ObjectStream& os = **stream;
    qint64 offset = -1;
    if (index < os.offsets.size() && os.offsets[index].first == number) {
        offset = os.offsets[index].second;
    } else {
        for (const auto& [n, o] : os.offsets) {
            if (n == number) {
                offset = o;
                break;
            }
        }
    }
    if (offset < 0)
        return xrefBroken(QStringLiteral("object %1 is missing from object stream %2").arg(number).arg(streamNumber));
    // Spans recorded by this parse are positions in the decoded stream, not the file; callers that care about
    // file positions (the signature's /Contents) only accept objects stored plainly in the file.
    PdfParser parser(QByteArrayView(os.data), 0, true);
    parser.seek(os.first + offset);
    return parser.parseObject();
}

Result<QByteArray> PdfReader::rawStreamData(const PdfObject& stream, qint64 maxSize)
{
    const qint64 start = stream.streamDataOffset();
    if (!stream.isStream() || start < 0 || start > m_fileSize)
        return malformed(QStringLiteral("not a stream"));
    qint64 length = -1;
    const PdfObject& lengthValue = stream.get("Length");
    if (lengthValue.isInteger()) {
        length = lengthValue.toInteger();
    } else if (lengthValue.isReference()) {
        Result<PdfObject> resolved = resolve(lengthValue);
        if (resolved && resolved->isInteger())
            length = resolved->toInteger();
    }
    if (length >= 0 && length <= m_fileSize - start) {
        Result<QByteArray> after = read(start + length, 32);
        if (!after)
            return after.error();
        qsizetype i = 0;
        while (i < after->size() && isSpace(after->at(i)))
            ++i;
        if (after->mid(i, 9) == "endstream") {
            if (length > maxSize)
                return malformed(QStringLiteral("stream of %1 bytes exceeds the limit").arg(length));
            return read(start, length);
        }
    }
    // /Length missing or wrong: fall back to the endstream keyword, as readers commonly do.
    constexpr qint64 kChunk = 64 * 1024;
    for (qint64 pos = start; pos < m_fileSize && pos - start <= maxSize + kChunk; pos += kChunk - 16) {
        Result<QByteArray> chunk = read(pos, kChunk);
        if (!chunk)
            return chunk.error();
        const qsizetype at = chunk->indexOf("endstream");
        if (at >= 0) {
            // The end-of-line before endstream is not part of the data.
            qint64 end = pos + at;
            Result<QByteArray> before = read(qMax(start, end - 2), qMin<qint64>(2, end - start));
            if (!before)
                return before.error();
            if (before->endsWith("\r\n"))
                end -= 2;
            else if (before->endsWith('\n') || before->endsWith('\r'))
                end -= 1;
            if (end - start > maxSize)
                return malformed(QStringLiteral("stream exceeds the limit"));
            return read(start, end - start);
        }
        if (chunk->size() < kChunk)
            break;
    }
    return malformed(QStringLiteral("stream at offset %1 has no end").arg(start));
}

Result<QByteArray> PdfReader::decodedStreamData(const PdfObject& stream, qint64 maxSize)
{
    Result<QByteArray> raw = rawStreamData(stream, maxSize);
    if (!raw)
        return raw.error();
    const PdfRef owner = stream.streamOwner();
    if (m_security && !owner.isNull() && owner.number != m_encryptRef.number) {
        Result<QByteArray> plain = m_security->decryptStream(owner, stream, *raw);
        if (!plain)
            return plain.error();
        return decodeStream(stream, *plain, maxSize);
    }
    return decodeStream(stream, *raw, maxSize);
}

int PdfReader::revisionCount() const
{
    int count = 0;
    for (const XrefSection& section : m_sections) {
        if (section.isHybridStream)
            continue;
        // A linearized file's first-page section points forward to the main one: both are one revision.
        if (section.trailer.get("Prev").toInteger(0) > section.offset)
            continue;
        ++count;
    }
    return count;
}

int PdfReader::revisionsStartingAtOrAfter(qint64 position) const
{
    int count = 0;
    qint64 groupStart = -1;
    for (const XrefSection& section : m_sections) {
        if (section.isHybridStream)
            continue;
        groupStart = groupStart < 0 ? section.offset : qMin(groupStart, section.offset);
        if (section.trailer.get("Prev").toInteger(0) > section.offset)
            continue;
        if (groupStart >= position)
            ++count;
        groupStart = -1;
    }
    return count;
}

bool PdfReader::isRevisionEnd(qint64 position) const
{
    if (position <= 0 || position > m_fileSize)
        return false;
    const qint64 start = qMax<qint64>(0, position - 96);
    Result<QByteArray> window = read(start, position - start);
    if (!window)
        return false;
    QByteArray text = std::move(window).value();
    if (text.endsWith("\r\n"))
        text.chop(2);
    else if (text.endsWith('\n') || text.endsWith('\r'))
        text.chop(1);
    if (!text.endsWith("%%EOF"))
        return false;
    text.chop(5);
    while (!text.isEmpty() && isSpace(text.back()))
        text.chop(1);
    qsizetype digitsStart = text.size();
    while (digitsStart > 0 && isDigit(text[digitsStart - 1]))
        --digitsStart;
    if (digitsStart == text.size())
        return false;
    bool ok = false;
    const qint64 value = text.mid(digitsStart).toLongLong(&ok);
    text.truncate(digitsStart);
    while (!text.isEmpty() && isSpace(text.back()))
        text.chop(1);
    if (!ok || !text.endsWith("startxref"))
        return false;
    for (const XrefSection& section : m_sections) {
        if (!section.isHybridStream && section.offset == value)
            return true;
    }
    return false;
}

} // namespace ikkatsu::pdf
