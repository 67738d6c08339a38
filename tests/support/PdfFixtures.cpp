// Builds PDF fixtures byte by byte (offsets computed, not guessed) and reshapes them with the real qpdf.
#include "PdfFixtures.h"

#include "TestSupport.h"

#include <QFile>
#include <QRegularExpression>

#include <map>
#include <zlib.h>

namespace ikkatsu::test {

namespace {

QByteArray num(qint64 value)
{
    return QByteArray::number(value);
}

QByteArray ref(int number)
{
    return num(number) + " 0 R";
}

QByteArray padded(qint64 value, int width)
{
    return num(value).rightJustified(width, '0');
}

// Streams a zlib deflate of `prefix` followed by `fill` bytes of `fillByte`, without materialising the fill.
QByteArray deflateWithFill(const QByteArray& prefix, qint64 fill, char fillByte)
{
    z_stream stream {};
    deflateInit(&stream, 9);
    QByteArray out;
    QByteArray chunk(1 << 20, fillByte);
    QByteArray buffer(1 << 16, Qt::Uninitialized);
    auto pump = [&](const QByteArray& input, qint64 length, int flush) {
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.constData()));
        stream.avail_in = static_cast<uInt>(length);
        do {
            stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
            stream.avail_out = static_cast<uInt>(buffer.size());
            deflate(&stream, flush);
            out.append(buffer.constData(), buffer.size() - stream.avail_out);
        } while (stream.avail_out == 0 || (flush == Z_FINISH && stream.avail_in != 0));
    };
    pump(prefix, prefix.size(), fill > 0 ? Z_NO_FLUSH : Z_FINISH);
    while (fill > 0) {
        const qint64 n = qMin<qint64>(fill, chunk.size());
        fill -= n;
        pump(chunk, n, fill > 0 ? Z_NO_FLUSH : Z_FINISH);
    }
    deflateEnd(&stream);
    return out;
}

// Writes objects and remembers their offsets; finishes with a classic table or a cross-reference stream.
class PdfWriter
{
public:
    explicit PdfWriter(const QByteArray& version) { m_out = "%PDF-" + version + "\n%\xe2\xe3\xcf\xd3\n"; }

    void object(int number, const QByteArray& body)
    {
        m_offsets[number] = m_out.size();
        m_out += num(number) + " 0 obj\n" + body + "\nendobj\n";
    }

    void stream(int number, const QByteArray& dictEntries, const QByteArray& data)
    {
        object(number, "<<" + dictEntries + " /Length " + num(data.size()) + ">>\nstream\n" + data + "\nendstream");
    }

    qint64 offsetOf(int number) const { return m_offsets.at(number); }
    qint64 size() const { return m_out.size(); }

    // `free` lists numbers to mark free in the table (a hybrid file's compressed objects).
    QByteArray finishClassic(const QByteArray& trailerEntries, QList<int> free = {})
    {
        const int size = m_offsets.empty() ? 1 : m_offsets.rbegin()->first + 1;
        for (const int number : free)
            m_offsets.erase(number);
        const qint64 xref = m_out.size();
        m_out += "xref\n0 " + num(size) + "\n";
        // The free list: 0 -> each free number in turn -> 0.
        QList<int> freeNumbers;
        for (int n = 1; n < size; ++n) {
            if (!m_offsets.count(n))
                freeNumbers.append(n);
        }
        for (int n = 0; n < size; ++n) {
            if (n == 0 || !m_offsets.count(n)) {
                const qsizetype at = n == 0 ? -1 : freeNumbers.indexOf(n);
                const int next = at + 1 < freeNumbers.size() ? freeNumbers[at + 1] : 0;
                m_out += padded(next, 10) + (n == 0 ? " 65535 f\r\n" : " 00001 f\r\n");
            } else {
                m_out += padded(m_offsets.at(n), 10) + " 00000 n\r\n";
            }
        }
        m_out += "trailer\n<< /Size " + num(size) + trailerEntries + " >>\nstartxref\n" + num(xref) + "\n%%EOF\n";
        return m_out;
    }

    QByteArray& bytes() { return m_out; }

private:
    QByteArray m_out;
    std::map<int, qint64> m_offsets;
};

const QByteArray kId = "[<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]";

QByteArray pageBody(int parent, int contents, int font, const QByteArray& annots)
{
    return "<< /Type /Page /Parent " + ref(parent) + " /MediaBox [0 0 595.28 841.89] /Contents " + ref(contents)
        + " /Resources << /Font << /F1 " + ref(font) + " >> >>" + annots + " >>";
}

} // namespace

QByteArray minimalPdf(const PdfFixtureOptions& options)
{
    using Form = PdfFixtureOptions::Form;
    PdfWriter writer(options.version);
    const int pages = qMax(1, options.pages);
    // 1 catalog, 2 page tree, 3 font, 4 info, then page/content pairs, then the optional extras.
    int next = 5 + 2 * pages;
    const int field = options.form != Form::None ? next++ : 0;
    const int form = (options.form == Form::IndirectAcroForm || options.form == Form::IndirectFieldsArray) ? next++ : 0;
    const int fieldsArray = options.form == Form::IndirectFieldsArray ? next++ : 0;
    const int annots = options.indirectAnnots ? next++ : 0;
    const int link = options.indirectAnnots ? next++ : 0;
    const int certification = options.docMdpPermission > 0 ? next++ : 0;

    QByteArray catalog = "<< /Type /Catalog /Pages " + ref(2);
    if (form)
        catalog += " /AcroForm " + ref(form);
    if (options.form == Form::DirectAcroForm)
        catalog += " /AcroForm << /Fields [" + ref(field) + "] /DA (/Helv 0 Tf 0 g) >>";
    if (certification)
        catalog += " /Perms << /DocMDP " + ref(certification) + " >>";
    catalog += " >>";
    writer.object(1, catalog);

    QByteArray kids;
    for (int i = 0; i < pages; ++i)
        kids += ref(5 + 2 * i) + " ";
    writer.object(2, "<< /Type /Pages /Kids [" + kids.trimmed() + "] /Count " + num(pages) + " >>");
    writer.object(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    if (options.info)
        writer.object(4, "<< /Title (Ikkatsu fixture) /Producer (tst PdfFixtures) >>");
    for (int i = 0; i < pages; ++i) {
        QByteArray pageAnnots;
        if (i == 0 && annots)
            pageAnnots = " /Annots " + ref(annots);
        else if (i == 0 && field)
            pageAnnots = " /Annots [" + ref(field) + "]";
        writer.object(5 + 2 * i, pageBody(2, 6 + 2 * i, 3, pageAnnots));
        QByteArray content = "BT /F1 24 Tf 72 720 Td (Page " + num(i + 1) + ") Tj ET\n";
        if (i == 0 && !options.padding.isEmpty())
            content += "% " + options.padding.toHex() + "\n";
        writer.stream(6 + 2 * i, QByteArray(), content);
    }
    if (field) {
        writer.object(field,
            "<< /FT /Tx /T (Signature1) /V (Taro) /Type /Annot /Subtype /Widget /Rect [72 600 272 620]"
            " /F 4 /P "
                + ref(5) + " >>");
    }
    if (form) {
        const QByteArray fields = fieldsArray ? ref(fieldsArray) : "[" + ref(field) + "]";
        writer.object(form, "<< /Fields " + fields + " /DA (/Helv 0 Tf 0 g) >>");
    }
    if (fieldsArray)
        writer.object(fieldsArray, "[" + ref(field) + "]");
    if (annots) {
        writer.object(annots, "[" + ref(link) + (field ? " " + ref(field) : QByteArray()) + "]");
        writer.object(link,
            "<< /Type /Annot /Subtype /Link /Rect [72 700 200 720] /Border [0 0 0]"
            " /A << /S /URI /URI (https://example.com/) >> >>");
    }
    if (certification) {
        writer.object(certification,
            "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 0 0 0]"
            " /Contents <00> /Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams"
            " << /Type /TransformParams /P "
                + num(options.docMdpPermission) + " /V /1.2 >> >>] >>");
    }
    QByteArray trailer = " /Root " + ref(1);
    if (options.info)
        trailer += " /Info " + ref(4);
    if (options.id)
        trailer += " /ID " + kId;
    return writer.finishClassic(trailer);
}

namespace {

struct Tail
{
    qint64 startxref = 0;
    int size = 0;
    QByteArray root;
    QByteArray info; // empty when the newest trailer has none
};

Tail readTail(const QByteArray& pdf)
{
    const QString text = QString::fromLatin1(pdf);
    const auto lastMatch = [&](const QString& pattern) {
        QRegularExpressionMatch found;
        QRegularExpressionMatchIterator it = QRegularExpression(pattern).globalMatch(text);
        while (it.hasNext())
            found = it.next();
        return found;
    };
    Tail tail;
    tail.startxref = lastMatch(QStringLiteral("startxref\\s+(\\d+)")).captured(1).toLongLong();
    tail.size = lastMatch(QStringLiteral("/Size (\\d+)")).captured(1).toInt();
    tail.root = lastMatch(QStringLiteral("/Root (\\d+ \\d+ R)")).captured(1).toLatin1();
    // /Info of the newest trailer only: an update that drops it would replace the document's Info with none.
    const QRegularExpressionMatch trailer
        = lastMatch(QStringLiteral("trailer\\s*<<((?:(?!startxref)[\\s\\S])*)>>\\s*startxref"));
    const QRegularExpressionMatch info
        = QRegularExpression(QStringLiteral("/Info (\\d+ \\d+ R)")).match(trailer.captured(1));
    tail.info = info.captured(1).toLatin1();
    return tail;
}

} // namespace

QByteArray appendUpdate(const QByteArray& pdf, const QList<QPair<int, QByteArray>>& objects)
{
    const Tail tail = readTail(pdf);
    QByteArray out = pdf;
    if (!out.endsWith('\n'))
        out += '\n';
    std::map<int, qint64> offsets;
    int size = tail.size;
    for (const auto& [number, body] : objects) {
        offsets[number] = out.size();
        out += num(number) + " 0 obj\n" + body + "\nendobj\n";
        size = qMax(size, number + 1);
    }
    const qint64 xref = out.size();
    out += "xref\n";
    for (const auto& [number, offset] : offsets)
        out += num(number) + " 1\n" + padded(offset, 10) + " 00000 n\r\n";
    out += "trailer\n<< /Size " + num(size) + " /Root " + tail.root
        + (tail.info.isEmpty() ? QByteArray() : " /Info " + tail.info) + " /ID " + kId + " /Prev " + num(tail.startxref)
        + " >>\nstartxref\n" + num(xref) + "\n%%EOF\n";
    return out;
}

QByteArray appendInfoUpdate(const QByteArray& pdf, int serial, bool prevLoop)
{
    const Tail tail = readTail(pdf);
    const int size = tail.size;
    QByteArray out = pdf;
    if (!out.endsWith('\n'))
        out += '\n';
    const qint64 objectOffset = out.size();
    out += num(size) + " 0 obj\n<< /Title (Revision " + num(serial) + ") /Producer (tst PdfFixtures) >>\nendobj\n";
    const qint64 xref = out.size();
    out += "xref\n" + num(size) + " 1\n" + padded(objectOffset, 10) + " 00000 n\r\n";
    out += "trailer\n<< /Size " + num(size + 1) + " /Root " + tail.root + " /Info " + ref(size) + " /ID " + kId
        + " /Prev " + num(prevLoop ? xref : tail.startxref) + " >>\nstartxref\n" + num(xref) + "\n%%EOF\n";
    return out;
}

QByteArray kidsFormPdf()
{
    PdfFixtureOptions options;
    options.form = PdfFixtureOptions::Form::IndirectAcroForm; // field 7, form 8
    // parent 0: no /Parent (ISO 32000 allows it for a field's only widget).
    auto widget = [](int parent, const QByteArray& rect) -> QByteArray {
        const QByteArray back = parent > 0 ? " /Parent " + ref(parent) : QByteArray();
        return "<< /Type /Annot /Subtype /Widget" + back + " /Rect [" + rect + "] /F 4 /P " + ref(5) + " >>";
    };
    return appendUpdate(minimalPdf(options),
        {{5,
             pageBody(2, 6, 3,
                 " /Annots [" + ref(10) + " " + ref(12) + " " + ref(14) + " " + ref(16) + " " + ref(17) + " " + ref(19)
                     + "]")},
            {7, "<< /FT /Sig /T (Parties) /Kids [" + ref(9) + " " + ref(11) + "] >>"},
            {8, "<< /Fields [" + ref(7) + " " + ref(13) + " " + ref(15) + " " + ref(18) + "] /DA (/Helv 0 Tf 0 g) >>"},
            {9, "<< /T (Yamada) /Parent " + ref(7) + " /Kids [" + ref(10) + "] >>"}, {10, widget(0, "400 80 460 140")},
            {11, "<< /T (Sato) /Parent " + ref(7) + " /Kids [" + ref(12) + "] >>"}, {12, widget(0, "300 80 360 140")},
            {13, "<< /FT /Sig /T (Suzuki) /Kids [" + ref(14) + "] >>"}, {14, widget(13, "200 80 260 140")},
            {15, "<< /FT /Sig /T (Twice) /Kids [" + ref(16) + " " + ref(17) + "] >>"},
            {16, widget(15, "100 80 160 140")}, {17, widget(15, "100 200 160 260")},
            {18, "<< /FT /Tx /T (Note) /V (memo) /Kids [" + ref(19) + "] >>"}, {19, widget(18, "72 600 272 620")}});
}

QByteArray hybridPdf()
{
    PdfWriter writer("1.5");
    writer.object(1, "<< /Type /Catalog /Pages " + ref(2) + " >>");
    writer.stream(4, QByteArray(), "BT /F1 24 Tf 72 720 Td (Hybrid) Tj ET\n");
    writer.object(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    writer.object(6, "<< /Title (Hybrid fixture) >>");
    const QByteArray pagesObject = "<< /Type /Pages /Kids [" + ref(3) + "] /Count 1 >>";
    const QByteArray pageObject = pageBody(2, 4, 5, QByteArray());
    const QByteArray header = "2 0 3 " + num(pagesObject.size() + 1) + "\n";
    const QByteArray objects = pagesObject + "\n" + pageObject + "\n";
    writer.stream(7, "/Type /ObjStm /N 2 /First " + num(header.size()) + " /Filter /FlateDecode",
        deflateWithFill(header + objects, 0, ' '));
    // The xref stream lists only the two compressed objects: type 2, in stream 7, at index 0 and 1.
    QByteArray rows;
    for (int index = 0; index < 2; ++index)
        rows += QByteArray("\x02\x00\x00\x00\x07", 5) + char(0) + char(index);
    writer.stream(8, "/Type /XRef /Size 9 /W [1 4 2] /Index [2 2]", rows);
    const qint64 xrefStream = writer.offsetOf(8);
    return writer.finishClassic(
        " /Root " + ref(1) + " /Info " + ref(6) + " /ID " + kId + " /XRefStm " + num(xrefStream), {2, 3});
}

QByteArray objectStreamPdf(qint64 inflatedSize, bool bombInXref)
{
    PdfWriter writer("1.7");
    // 1 catalog, 2 pages, 3 page, 5 font compressed in stream 6; 4 contents plain; 7 the xref stream.
    const QList<QByteArray> compressed = {
        "<< /Type /Catalog /Pages " + ref(2) + " >>",
        "<< /Type /Pages /Kids [" + ref(3) + "] /Count 1 >>",
        pageBody(2, 4, 5, QByteArray()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    const QList<int> numbers = {1, 2, 3, 5};
    QByteArray header;
    QByteArray objects;
    for (int i = 0; i < compressed.size(); ++i) {
        header += num(numbers[i]) + " " + num(objects.size()) + " ";
        objects += compressed[i] + "\n";
    }
    header += "\n";
    writer.stream(4, QByteArray(), "BT /F1 24 Tf 72 720 Td (Object streams) Tj ET\n");
    const QByteArray body = header + objects;
    const qint64 fill = bombInXref ? 0 : qMax<qint64>(0, inflatedSize - body.size());
    writer.stream(6, "/Type /ObjStm /N 4 /First " + num(header.size()) + " /Filter /FlateDecode",
        deflateWithFill(body, fill, ' '));

    const qint64 xrefOffset = writer.size();
    auto row = [](int type, qint64 field2, int field3) {
        QByteArray r;
        r += char(type);
        for (int shift = 24; shift >= 0; shift -= 8)
            r += char((field2 >> shift) & 0xff);
        r += char((field3 >> 8) & 0xff);
        r += char(field3 & 0xff);
        return r;
    };
    QByteArray rows = row(0, 0, 65535);
    rows += row(2, 6, 0);
    rows += row(2, 6, 1);
    rows += row(2, 6, 2);
    rows += row(1, writer.offsetOf(4), 0);
    rows += row(2, 6, 3);
    rows += row(1, writer.offsetOf(6), 0);
    rows += row(1, xrefOffset, 0);
    const qint64 xrefFill = bombInXref ? qMax<qint64>(0, inflatedSize - rows.size()) : 0;
    writer.stream(7, "/Type /XRef /Size 8 /W [1 4 2] /Root " + ref(1) + " /ID " + kId + " /Filter /FlateDecode",
        deflateWithFill(rows, xrefFill, '\0'));
    writer.bytes() += "startxref\n" + num(xrefOffset) + "\n%%EOF\n";
    return writer.bytes();
}

QString runQpdf(const QString& in, const QString& out, const QStringList& arguments)
{
    const ToolRun run = runTool(QStringLiteral("qpdf"), arguments + QStringList {in, out});
    if (run.exitCode == 0 || run.exitCode == 3)
        return {};
    return QStringLiteral("qpdf exit %1: %2").arg(run.exitCode).arg(run.all());
}

int countOccurrences(const QByteArray& haystack, const QByteArray& needle)
{
    int count = 0;
    for (qsizetype at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.size()))
        ++count;
    return count;
}

bool writeLargePdf(const QString& path, qint64 size)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    // A grey image of width 1024 carries the bulk; xorshift noise keeps it honest for any compression on the way.
    const qint64 width = 1024;
    const qint64 height = qMax<qint64>(1, size / width);
    const qint64 imageSize = width * height;
    std::map<int, qint64> offsets;
    qint64 written = 0;
    auto put = [&](const QByteArray& bytes) {
        written += bytes.size();
        return file.write(bytes) == bytes.size();
    };
    bool ok = put("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
    auto object = [&](int number, const QByteArray& body) {
        offsets[number] = written;
        ok = ok && put(num(number) + " 0 obj\n" + body + "\nendobj\n");
    };
    object(1, "<< /Type /Catalog /Pages 2 0 R >>");
    object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object(3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        " /Resources << /XObject << /Im1 5 0 R >> >> >>");
    const QByteArray content = "q 595 0 0 842 0 0 cm /Im1 Do Q\n";
    object(4, "<< /Length " + num(content.size()) + " >>\nstream\n" + content + "\nendstream");
    offsets[5] = written;
    ok = ok
        && put("5 0 obj\n<< /Type /XObject /Subtype /Image /Width " + num(width) + " /Height " + num(height)
            + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Length " + num(imageSize) + " >>\nstream\n");
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    quint64 state = 0x9E3779B97F4A7C15ULL;
    for (qint64 left = imageSize; ok && left > 0;) {
        const qint64 n = qMin<qint64>(left, chunk.size());
        auto* words = reinterpret_cast<quint64*>(chunk.data());
        for (qint64 i = 0; i < n / 8 + 1 && i < chunk.size() / 8; ++i) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            words[i] = state;
        }
        ok = file.write(chunk.constData(), n) == n;
        written += n;
        left -= n;
    }
    ok = ok && put("\nendstream\nendobj\n");
    const qint64 xref = written;
    QByteArray table = "xref\n0 6\n0000000000 65535 f\r\n";
    for (int n = 1; n <= 5; ++n)
        table += padded(offsets[n], 10) + " 00000 n\r\n";
    table += "trailer\n<< /Size 6 /Root 1 0 R /ID " + kId + " >>\nstartxref\n" + num(xref) + "\n%%EOF\n";
    ok = ok && put(table);
    return ok && file.flush();
}

} // namespace ikkatsu::test
