// Reads cmap/hmtx/loca/glyf of a TrueType font and writes a renumbered subset (OpenType spec, "glyf" fonts only).
#include "pdf/TrueTypeSubset.h"

#include <QFile>
#include <QHash>

#include <algorithm>

namespace ikkatsu::pdf {

namespace {

constexpr int kMaxSubsetGlyphs = 4096;

Error unsupported(const QString& detail)
{
    return makeError(ErrorCode::PdfUnsupported, QStringLiteral("font: ") + detail);
}

quint32 tag(const char* t)
{
    return quint32(quint8(t[0])) << 24 | quint32(quint8(t[1])) << 16 | quint32(quint8(t[2])) << 8 | quint8(t[3]);
}

// Bounds-checked big-endian reads: outside the view they read 0, which every caller treats as "absent".
quint32 u32(QByteArrayView d, qsizetype at)
{
    if (at < 0 || at + 4 > d.size())
        return 0;
    return quint32(quint8(d[at])) << 24 | quint32(quint8(d[at + 1])) << 16 | quint32(quint8(d[at + 2])) << 8
        | quint8(d[at + 3]);
}

quint16 u16(QByteArrayView d, qsizetype at)
{
    if (at < 0 || at + 2 > d.size())
        return 0;
    return quint16(quint8(d[at]) << 8 | quint8(d[at + 1]));
}

qint16 s16(QByteArrayView d, qsizetype at)
{
    return static_cast<qint16>(u16(d, at));
}

void put16(QByteArray& out, quint16 v)
{
    out.append(char(v >> 8));
    out.append(char(v & 0xff));
}

void put32(QByteArray& out, quint32 v)
{
    put16(out, quint16(v >> 16));
    put16(out, quint16(v & 0xffff));
}

void set16(QByteArray& out, qsizetype at, quint16 v)
{
    out[at] = char(v >> 8);
    out[at + 1] = char(v & 0xff);
}

quint32 checksum(QByteArrayView d)
{
    quint32 sum = 0;
    for (qsizetype i = 0; i < d.size(); i += 4) {
        quint32 word = 0;
        for (int k = 0; k < 4; ++k)
            word = word << 8 | (i + k < d.size() ? quint8(d[i + k]) : 0);
        sum += word;
    }
    return sum;
}

} // namespace

TrueTypeFont::~TrueTypeFont() = default;

Result<std::unique_ptr<TrueTypeFont>> TrueTypeFont::open(const QString& path)
{
    std::unique_ptr<TrueTypeFont> font(new TrueTypeFont);
    font->m_file = std::make_unique<QFile>(path);
    if (!font->m_file->open(QIODevice::ReadOnly))
        return makeError(ErrorCode::SealFontMissing, path);
    const qint64 size = font->m_file->size();
    uchar* mapped = font->m_file->map(0, size);
    if (!mapped)
        return makeError(ErrorCode::SealFontMissing, QStringLiteral("cannot map %1").arg(path));
    font->m_data = QByteArrayView(reinterpret_cast<const char*>(mapped), size);
    IKK_TRY(font->parse());
    return font;
}

QByteArrayView TrueTypeFont::table(const char* name) const
{
    const quint32 wanted = tag(name);
    for (const auto& [t, view] : m_tables) {
        if (t == wanted)
            return view;
    }
    return {};
}

Status TrueTypeFont::parse()
{
    const QByteArrayView d = m_data;
    if (u32(d, 0) != 0x00010000 && u32(d, 0) != tag("true"))
        return unsupported(QStringLiteral("not a TrueType (glyf) font"));
    const int count = u16(d, 4);
    for (int i = 0; i < count; ++i) {
        const qsizetype record = 12 + 16 * i;
        const quint32 offset = u32(d, record + 8);
        const quint32 length = u32(d, record + 12);
        if (record + 16 > d.size() || qint64(offset) + length > d.size())
            return unsupported(QStringLiteral("table outside the file"));
        m_tables.emplace_back(u32(d, record), d.sliced(offset, length));
    }
    const QByteArrayView head = table("head");
    const QByteArrayView hhea = table("hhea");
    const QByteArrayView maxp = table("maxp");
    if (head.size() < 54 || hhea.size() < 36 || maxp.size() < 6 || table("glyf").isEmpty() || table("loca").isEmpty()
        || table("hmtx").isEmpty())
        return unsupported(QStringLiteral("missing head, hhea, maxp, hmtx, loca or glyf"));
    m_unitsPerEm = u16(head, 18);
    if (m_unitsPerEm < 16 || m_unitsPerEm > 16384)
        return unsupported(QStringLiteral("bad unitsPerEm"));
    m_bbox = {s16(head, 36), s16(head, 38), s16(head, 40), s16(head, 42)};
    m_longLoca = s16(head, 50) == 1;
    m_ascender = s16(hhea, 4);
    m_descender = s16(hhea, 6);
    m_hMetrics = u16(hhea, 34);
    m_glyphCount = u16(maxp, 4);
    if (m_hMetrics < 1 || m_hMetrics > m_glyphCount || table("hmtx").size() < 4 * m_hMetrics
        || table("loca").size() < (m_glyphCount + 1) * (m_longLoca ? 4 : 2))
        return unsupported(QStringLiteral("hmtx or loca too short"));

    // Windows full Unicode (format 12) first: it covers 𠮷 and the other characters beyond the BMP.
    const QByteArrayView cmap = table("cmap");
    const int subtables = u16(cmap, 2);
    QByteArrayView bmp;
    for (int i = 0; i < subtables; ++i) {
        const int platform = u16(cmap, 4 + 8 * i);
        const int encoding = u16(cmap, 6 + 8 * i);
        const quint32 offset = u32(cmap, 8 + 8 * i);
        if (offset >= quint32(cmap.size()))
            continue;
        const QByteArrayView sub = cmap.sliced(offset);
        const int format = u16(sub, 0);
        if (platform == 3 && encoding == 10 && format == 12) {
            m_cmap = sub;
            m_cmapFormat = 12;
        } else if (platform == 3 && encoding == 1 && format == 4) {
            bmp = sub;
        }
    }
    if (m_cmapFormat == 0 && !bmp.isEmpty()) {
        m_cmap = bmp;
        m_cmapFormat = 4;
    }
    if (m_cmapFormat == 0)
        return unsupported(QStringLiteral("no Unicode cmap"));

    // The PostScript name (name ID 6), Windows UTF-16BE or Macintosh Roman; it only has to be a plain name.
    const QByteArrayView names = table("name");
    const int nameCount = u16(names, 2);
    const int storage = u16(names, 4);
    for (int i = 0; i < nameCount && m_postScriptName.isEmpty(); ++i) {
        const qsizetype record = 6 + 12 * i;
        if (u16(names, record + 6) != 6)
            continue;
        const int platform = u16(names, record);
        const int length = u16(names, record + 8);
        const qsizetype at = storage + u16(names, record + 10);
        if (at + length > names.size())
            continue;
        QString text;
        for (qsizetype k = 0; k < length; k += platform == 3 ? 2 : 1) {
            const char16_t c = platform == 3 ? u16(names, at + k) : char16_t(quint8(names[at + k]));
            if (c > 0x20 && c < 0x7f && c != '/' && c != '(' && c != ')' && c != '[' && c != ']' && c != '<' && c != '>'
                && c != '{' && c != '}' && c != '%')
                text.append(QChar(c));
        }
        m_postScriptName = text.left(63);
    }
    if (m_postScriptName.isEmpty())
        m_postScriptName = QStringLiteral("JapaneseFont");
    return {};
}

quint16 TrueTypeFont::glyph(char32_t c) const
{
    const QByteArrayView d = m_cmap;
    if (m_cmapFormat == 12) {
        const quint32 groups = u32(d, 12);
        qint64 low = 0;
        qint64 high = qint64(std::min<quint32>(groups, quint32((d.size() - 16) / 12))) - 1;
        while (low <= high) {
            const qint64 mid = (low + high) / 2;
            const qsizetype at = 16 + 12 * mid;
            const quint32 start = u32(d, at);
            const quint32 end = u32(d, at + 4);
            if (c < start)
                high = mid - 1;
            else if (c > end)
                low = mid + 1;
            else {
                const quint32 g = u32(d, at + 8) + (c - start);
                return g < quint32(m_glyphCount) ? quint16(g) : 0;
            }
        }
        return 0;
    }
    if (c > 0xffff)
        return 0;
    const int segments = u16(d, 6) / 2;
    for (int i = 0; i < segments; ++i) {
        const quint16 end = u16(d, 14 + 2 * i);
        if (c > end)
            continue;
        const qsizetype startAt = 16 + 2 * segments + 2 * i;
        const quint16 start = u16(d, startAt);
        if (c < start)
            return 0;
        const qint16 delta = s16(d, startAt + 2 * segments);
        const qsizetype rangeAt = startAt + 4 * segments;
        const quint16 rangeOffset = u16(d, rangeAt);
        quint16 g = 0;
        if (rangeOffset == 0) {
            g = quint16(c + delta);
        } else {
            g = u16(d, rangeAt + rangeOffset + 2 * (c - start));
            if (g != 0)
                g = quint16(g + delta);
        }
        return g < m_glyphCount ? g : 0;
    }
    return 0;
}

int TrueTypeFont::advance(quint16 g) const
{
    const QByteArrayView hmtx = table("hmtx");
    return u16(hmtx, 4 * std::min<int>(g, m_hMetrics - 1));
}

QByteArrayView TrueTypeFont::glyphData(quint16 g) const
{
    if (g >= m_glyphCount)
        return {};
    const QByteArrayView loca = table("loca");
    const QByteArrayView glyf = table("glyf");
    const quint32 start = m_longLoca ? u32(loca, 4 * g) : 2u * u16(loca, 2 * g);
    const quint32 end = m_longLoca ? u32(loca, 4 * g + 4) : 2u * u16(loca, 2 * g + 2);
    if (end <= start || end > quint32(glyf.size()))
        return {};
    return glyf.sliced(start, end - start);
}

Result<QByteArray> TrueTypeFont::subset(const std::vector<quint16>& wanted) const
{
    // Old glyph number → new one; composite glyphs pull their components in (breadth-first, bounded).
    std::vector<quint16> order {0};
    QHash<quint16, quint16> newNumber {{0, 0}};
    auto add = [&](quint16 g) {
        if (!newNumber.contains(g)) {
            newNumber.insert(g, quint16(order.size()));
            order.push_back(g);
        }
    };
    for (const quint16 g : wanted)
        add(g);
    for (size_t k = 0; k < order.size(); ++k) {
        if (order.size() > kMaxSubsetGlyphs)
            return unsupported(QStringLiteral("too many glyphs"));
        const QByteArrayView data = glyphData(order[k]);
        if (data.size() < 10 || s16(data, 0) >= 0)
            continue;
        qsizetype at = 10;
        for (int components = 0; components < 64; ++components) {
            const quint16 flags = u16(data, at);
            add(u16(data, at + 2));
            at += 4 + ((flags & 0x0001) ? 4 : 2)
                + ((flags & 0x0008)        ? 2
                        : (flags & 0x0040) ? 4
                        : (flags & 0x0080) ? 8
                                           : 0);
            if (!(flags & 0x0020) || at >= data.size())
                break;
        }
    }

    QByteArray glyf;
    QByteArray loca;
    QByteArray hmtx;
    for (const quint16 old : order) {
        put32(loca, quint32(glyf.size()));
        QByteArray data = glyphData(old).toByteArray();
        if (data.size() >= 10 && s16(data, 0) < 0) {
            qsizetype at = 10;
            for (int components = 0; components < 64; ++components) {
                const quint16 flags = u16(data, at);
                if (at + 4 > data.size())
                    break;
                set16(data, at + 2, newNumber.value(u16(data, at + 2)));
                at += 4 + ((flags & 0x0001) ? 4 : 2)
                    + ((flags & 0x0008)        ? 2
                            : (flags & 0x0040) ? 4
                            : (flags & 0x0080) ? 8
                                               : 0);
                if (!(flags & 0x0020) || at >= data.size())
                    break;
            }
        }
        glyf.append(data);
        while (glyf.size() % 4)
            glyf.append('\0');
        const QByteArrayView metrics = table("hmtx");
        put16(hmtx, quint16(advance(old)));
        const qsizetype lsbAt = old < m_hMetrics ? 4 * old + 2 : 4 * m_hMetrics + 2 * (old - m_hMetrics);
        put16(hmtx, u16(metrics, lsbAt));
    }
    put32(loca, quint32(glyf.size()));

    QByteArray head = table("head").first(54).toByteArray();
    head.replace(8, 4, QByteArray(4, '\0')); // checkSumAdjustment, set below
    set16(head, 50, 1); // long loca
    QByteArray hhea = table("hhea").first(36).toByteArray();
    set16(hhea, 34, quint16(order.size()));
    QByteArray maxp = table("maxp").toByteArray();
    set16(maxp, 4, quint16(order.size()));

    // Tables in tag order, as the table directory must list them.
    std::vector<std::pair<const char*, QByteArray>> tables;
    if (!table("cvt ").isEmpty())
        tables.emplace_back("cvt ", table("cvt ").toByteArray());
    if (!table("fpgm").isEmpty())
        tables.emplace_back("fpgm", table("fpgm").toByteArray());
    tables.emplace_back("glyf", glyf);
    tables.emplace_back("head", head);
    tables.emplace_back("hhea", hhea);
    tables.emplace_back("hmtx", hmtx);
    tables.emplace_back("loca", loca);
    tables.emplace_back("maxp", maxp);
    if (!table("prep").isEmpty())
        tables.emplace_back("prep", table("prep").toByteArray());

    QByteArray out;
    const int n = int(tables.size());
    int power = 1;
    int log2 = 0;
    while (power * 2 <= n) {
        power *= 2;
        ++log2;
    }
    put32(out, 0x00010000);
    put16(out, quint16(n));
    put16(out, quint16(power * 16));
    put16(out, quint16(log2));
    put16(out, quint16(n * 16 - power * 16));
    quint32 offset = 12 + 16 * n;
    qsizetype headAt = 0;
    for (const auto& [name, data] : tables) {
        put32(out, tag(name));
        put32(out, checksum(data));
        put32(out, offset);
        put32(out, quint32(data.size()));
        if (tag(name) == tag("head"))
            headAt = offset;
        offset += quint32((data.size() + 3) & ~3);
    }
    for (const auto& [name, data] : tables) {
        out.append(data);
        while (out.size() % 4)
            out.append('\0');
    }
    const quint32 adjustment = 0xB1B0AFBA - checksum(out);
    for (int k = 0; k < 4; ++k)
        out[headAt + 8 + k] = char((adjustment >> (24 - 8 * k)) & 0xff);
    return out;
}

} // namespace ikkatsu::pdf
