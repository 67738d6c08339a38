// Draws the seal styles with glyphs of a subset Japanese TrueType font (Type0, Identity-H, ToUnicode for search).
#include "pdf/SealAppearance.h"

#include "pdf/PdfSecurity.h"
#include "pdf/TrueTypeSubset.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace ikkatsu::pdf {

namespace {

constexpr double kCircle = 0.5523; // Bézier handle length of a quarter circle
const QByteArray kVermilion = "0.902 0 0.2"; // #E60033, 朱色
// Mincho strokes are thin beside a ring: an engraved seal's strokes are bolder, so outlines are stroked too.
const QByteArray kEngraved = "2 Tr 0.9 w 1 j\n";

QByteArray num(double value)
{
    QByteArray text = QByteArray::number(value, 'f', 3);
    while (text.endsWith('0'))
        text.chop(1);
    if (text.endsWith('.'))
        text.chop(1);
    return text == "-0" ? QByteArray("0") : text;
}

QByteArray deflate(const QByteArray& data)
{
    return qCompress(data, 9).mid(4); // qCompress prefixes the length; the rest is a zlib stream
}

QByteArray circlePath(double cx, double cy, double r)
{
    const double k = kCircle * r;
    QByteArray p;
    p += num(cx + r) + ' ' + num(cy) + " m\n";
    p += num(cx + r) + ' ' + num(cy + k) + ' ' + num(cx + k) + ' ' + num(cy + r) + ' ' + num(cx) + ' ' + num(cy + r)
        + " c\n";
    p += num(cx - k) + ' ' + num(cy + r) + ' ' + num(cx - r) + ' ' + num(cy + k) + ' ' + num(cx - r) + ' ' + num(cy)
        + " c\n";
    p += num(cx - r) + ' ' + num(cy - k) + ' ' + num(cx - k) + ' ' + num(cy - r) + ' ' + num(cx) + ' ' + num(cy - r)
        + " c\n";
    p += num(cx + k) + ' ' + num(cy - r) + ' ' + num(cx + r) + ' ' + num(cy - k) + ' ' + num(cx + r) + ' ' + num(cy)
        + " c\nh\n";
    return p;
}

QList<char32_t> codePoints(const QString& text)
{
    QList<char32_t> out;
    for (const uint c : text.toUcs4())
        out.append(char32_t(c));
    return out;
}

bool isDrawable(char32_t c)
{
    return c >= 0x20 && !(c >= 0x7f && c < 0xa0) && !(c >= 0xd800 && c < 0xe000) && c != 0xfffd && c != 0xfeff
        && !(c >= 0x2028 && c <= 0x202e) && !(c >= 0x2066 && c <= 0x2069) && c <= 0x10ffff;
}

Status checkText(const QString& what, const QList<char32_t>& text, int maxCharacters)
{
    if (text.isEmpty())
        return makeError(ErrorCode::SealTextInvalid, QStringLiteral("%1 is empty").arg(what));
    if (text.size() > maxCharacters)
        return makeError(ErrorCode::SealTextInvalid,
            QStringLiteral("%1 has %2 characters, at most %3 fit").arg(what).arg(text.size()).arg(maxCharacters));
    for (const char32_t c : text) {
        if (!isDrawable(c))
            return makeError(ErrorCode::SealTextInvalid,
                QStringLiteral("%1 has the character U+%2").arg(what).arg(quint32(c), 4, 16, QLatin1Char('0')));
    }
    return {};
}

// Collects the glyphs the drawing uses (CID k + 1 is glyphs[k]) and writes the text operators.
struct Drawer
{
    const TrueTypeFont& font;
    std::vector<quint16> glyphs;
    std::vector<char32_t> unicode; // per CID - 1: the character the glyph stands for
    QHash<quint16, quint16> cids;
    QByteArray out;

    quint16 cid(char32_t c)
    {
        const quint16 g = font.glyph(c);
        const auto found = cids.constFind(g);
        if (found != cids.cend())
            return *found;
        glyphs.push_back(g);
        unicode.push_back(c);
        const auto id = quint16(glyphs.size());
        cids.insert(g, id);
        return id;
    }

    double emCenter() const { return (font.ascender() + font.descender()) / 2.0 / font.unitsPerEm(); }

    double width(const QList<char32_t>& text) const
    {
        double total = 0;
        for (const char32_t c : text)
            total += font.advance(font.glyph(c));
        return total / font.unitsPerEm();
    }

    // One run with its own text matrix: glyphs scaled `sx` wide and `sy` tall, baseline at y.
    void run(const QList<char32_t>& text, double x, double y, double sx, double sy)
    {
        out += "BT /F1 1 Tf " + num(sx) + " 0 0 " + num(sy) + ' ' + num(x) + ' ' + num(y) + " Tm <";
        for (const char32_t c : text)
            out += QByteArray::number(cid(c), 16).rightJustified(4, '0').toUpper();
        out += "> Tj ET\n";
    }

    // Centred on (cx, cy); narrowed (never shrunk in height) when wider than maxWidth, as seal engravers do.
    void centered(const QList<char32_t>& text, double cx, double cy, double size, double maxWidth)
    {
        const double natural = width(text) * size;
        const double sx = natural > maxWidth && natural > 0 ? size * maxWidth / natural : size;
        run(text, cx - width(text) * sx / 2, cy - emCenter() * size, sx, size);
    }

    // Top to bottom, one glyph per cell of `cell` height, each cell's glyph sx × sy centred on cx.
    void column(const QList<char32_t>& text, double cx, double top, double cell, double sx, double sy)
    {
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QList<char32_t> one {text[i]};
            const double cy = top - (double(i) + 0.5) * cell;
            if (isRotatedInColumns(text[i])) {
                // ー, 〜, … turned a quarter clockwise: the horizontal glyph's length runs down the cell.
                const double w = width(one);
                out += "BT /F1 1 Tf 0 " + num(-sy / w) + ' ' + num(sx) + " 0 " + num(cx - emCenter() * sx) + ' '
                    + num(cy + sy / 2) + " Tm <" + QByteArray::number(cid(text[i]), 16).rightJustified(4, '0').toUpper()
                    + "> Tj ET\n";
                continue;
            }
            // Small kana sit at the bottom left of a horizontal cell and at the top right of a vertical one.
            const bool small = isSmallKana(text[i]);
            run(one, cx - width(one) * sx / 2 + (small ? 0.12 * sx : 0), cy - emCenter() * sy + (small ? 0.16 * sy : 0),
                sx, sy);
        }
    }

    static bool isRotatedInColumns(char32_t c)
    {
        return c == U'ー' || c == U'〜' || c == U'～' || c == U'—' || c == U'―' || c == U'－' || c == U'…' || c == U'‥';
    }

    static bool isSmallKana(char32_t c)
    {
        static constexpr char32_t kSmall[] = {U'ぁ', U'ぃ', U'ぅ', U'ぇ', U'ぉ', U'っ', U'ゃ', U'ゅ', U'ょ', U'ゎ',
            U'ァ', U'ィ', U'ゥ', U'ェ', U'ォ', U'ッ', U'ャ', U'ュ', U'ョ', U'ヮ', U'ヵ', U'ヶ'};
        return std::find(std::begin(kSmall), std::end(kSmall), c) != std::end(kSmall);
    }
};

QByteArray toUnicodeCMap(const std::vector<char32_t>& unicode)
{
    QByteArray cmap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    for (size_t start = 0; start < unicode.size(); start += 100) {
        const size_t count = std::min<size_t>(100, unicode.size() - start);
        cmap += QByteArray::number(qulonglong(count)) + " beginbfchar\n";
        for (size_t k = start; k < start + count; ++k) {
            cmap += '<' + QByteArray::number(qulonglong(k + 1), 16).rightJustified(4, '0').toUpper() + "> <";
            // UTF-16BE: a surrogate pair for characters beyond the BMP (𠮷 is <D842DFB7>).
            const char32_t c = unicode[k];
            const QString utf16 = QString::fromUcs4(&c, 1);
            for (const QChar unit : utf16)
                cmap += QByteArray::number(unit.unicode(), 16).rightJustified(4, '0').toUpper();
            cmap += ">\n";
        }
        cmap += "endbfchar\n";
    }
    cmap += "endcmap\nCMapName currentdict /CIDResource defineresource pop\nend\nend\n";
    return cmap;
}

void drawRound(Drawer& d, const QList<char32_t>& name)
{
    const double line = 4.5;
    const double r = 50 - line / 2;
    d.out += kVermilion + " RG " + kVermilion + " rg " + num(line) + " w\n" + circlePath(50, 50, r) + "S\n";
    // Glyph width and height per name length: a short name fills the ring, a long one is flattened to fit.
    static constexpr double kWidth[] = {58, 50, 44, 38};
    static constexpr double kHeight[] = {58, 37, 25.5, 19};
    const auto n = static_cast<int>(name.size());
    const double cell = n == 1 ? 60 : 78.0 / n;
    d.out += kEngraved;
    d.column(name, 50, 50 + cell * n / 2, cell, kWidth[n - 1], kHeight[n - 1]);
}

void drawDate(Drawer& d, const QList<char32_t>& company, const QList<char32_t>& date, const QList<char32_t>& name)
{
    const double line = 3.2;
    const double r = 50 - line / 2;
    const double inner = r - line / 2;
    const double band = 15; // the chords sit this far above and below the centre
    const double half = std::sqrt(inner * inner - band * band);
    d.out += kVermilion + " RG " + kVermilion + " rg " + num(line) + " w\n" + circlePath(50, 50, r) + "S\n";
    d.out += "1.6 w " + num(50 - half) + ' ' + num(50 + band) + " m " + num(50 + half) + ' ' + num(50 + band) + " l "
        + num(50 - half) + ' ' + num(50 - band) + " m " + num(50 + half) + ' ' + num(50 - band) + " l S\n";
    d.out += kEngraved;
    auto chordAt = [&](double dy) { return 2 * std::sqrt(std::max(0.0, inner * inner - dy * dy)); };
    d.centered(company, 50, 50 + band + 13, 15, chordAt(band + 20.5) * 0.92);
    d.centered(date, 50, 50, 15, chordAt(band) * 0.86);
    d.centered(name, 50, 50 - band - 13, 17, chordAt(band + 21.5) * 0.92);
}

void drawSquare(Drawer& d, const QList<char32_t>& company)
{
    const double line = 5;
    d.out += kVermilion + " RG " + kVermilion + " rg " + num(line) + " w " + num(line / 2) + ' ' + num(line / 2) + ' '
        + num(100 - line) + ' ' + num(100 - line) + " re S\n";
    d.out += kEngraved;
    // Columns from the right, read top to bottom, as a 角印 is engraved.
    const auto n = static_cast<int>(company.size());
    const int columns = static_cast<int>(std::ceil(std::sqrt(double(n))));
    const int rows = (n + columns - 1) / columns;
    const double area = 82;
    const double cellWidth = area / columns;
    const double cellHeight = area / rows;
    for (int c = 0; c < columns; ++c) {
        const QList<char32_t> part = company.mid(c * rows, rows);
        if (part.isEmpty())
            break;
        const double cx = 50 + area / 2 - (c + 0.5) * cellWidth;
        d.column(part, cx, 50 + area / 2, cellHeight, cellWidth * 0.94, cellHeight * 0.94);
    }
}

void drawText(Drawer& d, const QList<char32_t>& name, const QList<char32_t>& date, const QList<char32_t>& reason)
{
    d.out += kVermilion + " RG " + kVermilion + " rg 2 w 1 1 298 98 re S\n";
    if (reason.isEmpty()) {
        d.centered(name, 150, 64, 34, 276);
        d.centered(date, 150, 26, 20, 276);
    } else {
        d.centered(name, 150, 72, 30, 276);
        d.centered(date, 150, 42, 18, 276);
        d.centered(reason, 150, 17, 18, 276);
    }
}

} // namespace

bool parseSealStyle(const QString& text, SealStyle* style)
{
    static const std::pair<const char*, SealStyle> kNames[] = {{"round", SealStyle::Round}, {"date", SealStyle::Date},
        {"square", SealStyle::Square}, {"text", SealStyle::Text}};
    for (const auto& [name, value] : kNames) {
        if (text == QLatin1String(name)) {
            *style = value;
            return true;
        }
    }
    return false;
}

QStringList SealAppearance::defaultFontPaths()
{
    QStringList paths {QStringLiteral("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"),
        QStringLiteral("/usr/share/fonts/truetype/ipamj/ipamjm.ttf")};
    // Windows has neither font, and its Japanese fonts are TrueType collections our subsetter does not read (and
    // would draw seals unlike the Linux build): the MSI installs IPAex Mincho in a fonts folder beside the
    // executables (packaging/windows/runtime-required.txt).
    if (QCoreApplication::instance()) {
        const QString bundled = QCoreApplication::applicationDirPath() + QStringLiteral("/fonts/");
        paths << bundled + QStringLiteral("ipaexm.ttf") << bundled + QStringLiteral("ipamjm.ttf");
    }
    return paths;
}

QSizeF SealAppearance::defaultSize() const
{
    switch (m_style) {
    case SealStyle::Round:
        return {42, 42};
    case SealStyle::Date:
        return {60, 60};
    case SealStyle::Square:
        return {56, 56};
    case SealStyle::Text:
        return {150, 50};
    }
    return {42, 42};
}

namespace {

// The date each style shows, in Japan time.
QList<char32_t> sealDate(const SealSpec& spec)
{
    // Japan has had no daylight saving since 1951: a fixed +09:00 needs no time zone database.
    const QDateTime japan = (spec.signingTime.isValid() ? spec.signingTime : QDateTime::currentDateTimeUtc())
                                .toTimeZone(QTimeZone(9 * 3600));
    if (spec.style == SealStyle::Date)
        return codePoints(japan.toString(QStringLiteral("yyyy.MM.dd")));
    if (spec.style == SealStyle::Text)
        return codePoints(japan.toString(QStringLiteral("yyyy/MM/dd HH:mm 'JST'")));
    return {};
}

} // namespace

Status SealAppearance::validate(const SealSpec& spec)
{
    const QList<char32_t> name = codePoints(spec.name.trimmed());
    const QList<char32_t> company = codePoints(spec.company.trimmed());
    const QList<char32_t> reason = codePoints(spec.reason.trimmed());
    switch (spec.style) {
    case SealStyle::Round:
        IKK_TRY(checkText(QStringLiteral("the name"), name, kMaxRoundCharacters));
        break;
    case SealStyle::Date:
        IKK_TRY(checkText(QStringLiteral("the name"), name, kMaxTextCharacters));
        IKK_TRY(checkText(QStringLiteral("the company"), company, kMaxTextCharacters));
        break;
    case SealStyle::Square:
        IKK_TRY(checkText(QStringLiteral("the company"), company, kMaxSquareCharacters));
        break;
    case SealStyle::Text:
        IKK_TRY(checkText(QStringLiteral("the name"), name, kMaxTextCharacters));
        if (!reason.isEmpty())
            IKK_TRY(checkText(QStringLiteral("the reason"), reason, kMaxTextCharacters));
        break;
    }
    return {};
}

Result<std::shared_ptr<const SealAppearance>> SealAppearance::build(const SealSpec& spec, const QStringList& fontPaths)
{
    IKK_TRY(validate(spec));
    const QList<char32_t> name = codePoints(spec.name.trimmed());
    const QList<char32_t> company = codePoints(spec.company.trimmed());
    const QList<char32_t> reason = codePoints(spec.reason.trimmed());
    const QList<char32_t> date = sealDate(spec);
    const QList<char32_t> everything = name + company + reason + date;

    std::unique_ptr<TrueTypeFont> font;
    QString fontPath;
    QString missing = QStringLiteral("no font file among %1").arg(fontPaths.join(QLatin1Char(' ')));
    for (const QString& path : fontPaths) {
        if (!QFileInfo::exists(path))
            continue;
        Result<std::unique_ptr<TrueTypeFont>> opened = TrueTypeFont::open(path);
        if (!opened) {
            missing = opened.error().detail;
            continue;
        }
        const auto lacking = std::find_if(
            everything.begin(), everything.end(), [&](char32_t c) { return c != U' ' && (*opened)->glyph(c) == 0; });
        if (lacking == everything.end()) {
            font = std::move(opened).value();
            fontPath = path;
            break;
        }
        const char32_t c = *lacking;
        missing = QStringLiteral("%1 has no glyph for %2").arg(QFileInfo(path).fileName(), QString::fromUcs4(&c, 1));
    }
    if (!font)
        return makeError(ErrorCode::SealFontMissing, missing);

    std::shared_ptr<SealAppearance> seal(new SealAppearance);
    seal->m_style = spec.style;
    seal->m_fontPath = fontPath;
    Drawer drawer {*font, {}, {}, {}, {}};
    switch (spec.style) {
    case SealStyle::Round:
        drawRound(drawer, name);
        break;
    case SealStyle::Date:
        drawDate(drawer, company, date, name);
        break;
    case SealStyle::Square:
        drawSquare(drawer, company);
        break;
    case SealStyle::Text:
        seal->m_designWidth = 300;
        drawText(drawer, name, date, reason);
        break;
    }
    seal->m_body = deflate(drawer.out);
    seal->m_drawing = drawer.out;

    Result<QByteArray> subset = font->subset(drawer.glyphs);
    if (!subset)
        return subset.error();
    seal->m_fontSubset = *subset;
    for (const quint16 glyph : drawer.glyphs)
        seal->m_advances.push_back(double(font->advance(glyph)) / font->unitsPerEm());
    seal->m_fontLength = subset->size();
    seal->m_fontFile = deflate(*subset);
    seal->m_toUnicode = deflate(toUnicodeCMap(drawer.unicode));

    const double scale = 1000.0 / font->unitsPerEm();
    QByteArray widths = "[1 [";
    for (size_t k = 0; k < drawer.glyphs.size(); ++k) {
        if (k > 0)
            widths += ' ';
        widths += QByteArray::number(qRound(font->advance(drawer.glyphs[k]) * scale));
    }
    seal->m_widths = widths + "]]";
    for (int k = 0; k < 4; ++k)
        seal->m_fontBBox[k] = qRound(font->boundingBox()[k] * scale);
    seal->m_ascent = qRound(font->ascender() * scale);
    seal->m_descent = qRound(font->descender() * scale);
    // A subset's name starts with six capitals that differ per subset (ISO 32000-2 §9.9.2).
    size_t hash = qHashRange(drawer.glyphs.begin(), drawer.glyphs.end());
    QByteArray tag;
    for (int k = 0; k < 6; ++k, hash /= 26)
        tag += char('A' + hash % 26);
    seal->m_baseFont = tag + '+' + font->postScriptName().toLatin1();
    return std::shared_ptr<const SealAppearance>(std::move(seal));
}

Result<PdfRef> SealAppearance::write(
    IncrementalUpdate& update, double width, double height, const PdfSecurity* security) const
{
    auto put = [&update, security](PdfRef ref, PdfObject object) -> Status {
        return update.putEncrypted(ref, std::move(object), security);
    };
    auto putStream = [&update, security](PdfRef ref, PdfObject dict, const QByteArray& data) -> Status {
        return update.putStream(ref, std::move(dict), data, security);
    };
    const PdfRef form = update.allocate();
    const PdfRef type0 = update.allocate();
    const PdfRef cidFont = update.allocate();
    const PdfRef descriptor = update.allocate();
    const PdfRef fontFile = update.allocate();
    const PdfRef toUnicode = update.allocate();

    // The drawing stays in design units (compressed once per batch); the bounding box grows around the design box
    // to the field's proportions, so that the viewer's fit into /Rect scales uniformly: a round seal stays round.
    const double scale = std::min(width / m_designWidth, height / m_designHeight);
    const double boxWidth = width / scale;
    const double boxHeight = height / scale;
    const double x0 = (m_designWidth - boxWidth) / 2;
    const double y0 = (m_designHeight - boxHeight) / 2;

    PdfObject fonts = PdfObject::dictionary({{"F1", PdfObject::reference(type0)}});
    PdfObject resources = PdfObject::dictionary(
        {{"Font", fonts}, {"ProcSet", PdfObject::array({PdfObject::name("PDF"), PdfObject::name("Text")})}});
    PdfObject formDict
        = PdfObject::dictionary({{"Type", PdfObject::name("XObject")}, {"Subtype", PdfObject::name("Form")},
            {"BBox",
                PdfObject::array({PdfObject::real(num(x0)), PdfObject::real(num(y0)),
                    PdfObject::real(num(x0 + boxWidth)), PdfObject::real(num(y0 + boxHeight))})},
            {"Resources", resources}, {"Filter", PdfObject::name("FlateDecode")}});
    IKK_TRY(putStream(form, formDict, m_body));

    IKK_TRY(put(type0,
        PdfObject::dictionary({{"Type", PdfObject::name("Font")}, {"Subtype", PdfObject::name("Type0")},
            {"BaseFont", PdfObject::name(m_baseFont)}, {"Encoding", PdfObject::name("Identity-H")},
            {"DescendantFonts", PdfObject::array({PdfObject::reference(cidFont)})},
            {"ToUnicode", PdfObject::reference(toUnicode)}})));
    PdfObject cidDict = PdfObject::dictionary({{"Type", PdfObject::name("Font")},
        {"Subtype", PdfObject::name("CIDFontType2")}, {"BaseFont", PdfObject::name(m_baseFont)},
        {"CIDSystemInfo",
            PdfObject::dictionary({{"Registry", PdfObject::string("Adobe")},
                {"Ordering", PdfObject::string("Identity")}, {"Supplement", PdfObject::integer(0)}})},
        {"FontDescriptor", PdfObject::reference(descriptor)}, {"CIDToGIDMap", PdfObject::name("Identity")},
        {"DW", PdfObject::integer(1000)}});
    if (security)
        IKK_TRY(security->encryptStrings(cidFont, cidDict));
    QByteArray cid = cidDict.serialize();
    cid.chop(2); // reopen for the /W array, kept as prebuilt syntax
    cid += "/W " + m_widths + ">>";
    update.putRaw(cidFont, cid);
    IKK_TRY(put(descriptor,
        PdfObject::dictionary({{"Type", PdfObject::name("FontDescriptor")}, {"FontName", PdfObject::name(m_baseFont)},
            {"Flags", PdfObject::integer(6)},
            {"FontBBox",
                PdfObject::array({PdfObject::integer(m_fontBBox[0]), PdfObject::integer(m_fontBBox[1]),
                    PdfObject::integer(m_fontBBox[2]), PdfObject::integer(m_fontBBox[3])})},
            {"ItalicAngle", PdfObject::integer(0)}, {"Ascent", PdfObject::integer(m_ascent)},
            {"Descent", PdfObject::integer(m_descent)}, {"CapHeight", PdfObject::integer(m_ascent)},
            {"StemV", PdfObject::integer(80)}, {"FontFile2", PdfObject::reference(fontFile)}})));
    IKK_TRY(putStream(fontFile,
        PdfObject::dictionary(
            {{"Length1", PdfObject::integer(m_fontLength)}, {"Filter", PdfObject::name("FlateDecode")}}),
        m_fontFile));
    IKK_TRY(putStream(toUnicode, PdfObject::dictionary({{"Filter", PdfObject::name("FlateDecode")}}), m_toUnicode));
    return form;
}

} // namespace ikkatsu::pdf
