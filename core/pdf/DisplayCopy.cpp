// Builds the viewer's display copy (widgets shown as stamps) and serves it without copying the original file.
#include "pdf/DisplayCopy.h"

#include "pdf/IncrementalUpdate.h"
#include "pdf/PdfReader.h"

#include <QSet>

#include <algorithm>
#include <cstring>
#include <optional>

namespace ikkatsu::pdf {

namespace {

constexpr int kMaxTreeDepth = 64;
constexpr int kMaxPages = 200000;
constexpr int kMaxStamps = 100000; // beyond this many widgets the rest stay as they are

Error malformed(const QString& detail)
{
    return makeError(ErrorCode::PdfMalformed, detail);
}

// A page box as PDFium reads it: four numbers, normalised; nothing for anything else.
Result<std::optional<std::array<double, 4>>> readBox(PdfReader& reader, const PdfObject& value)
{
    if (value.isNull())
        return std::optional<std::array<double, 4>> {};
    Result<PdfObject> box = reader.resolve(value);
    if (!box)
        return box.error();
    if (!box->isArray() || box->items().size() != 4)
        return std::optional<std::array<double, 4>> {};
    std::array<double, 4> v {};
    for (int k = 0; k < 4; ++k) {
        const PdfObject& item = box->items()[size_t(k)];
        if (!item.isNumber())
            return std::optional<std::array<double, 4>> {};
        v[size_t(k)] = item.toNumber();
    }
    const std::array<double, 4> normal {
        std::min(v[0], v[2]), std::min(v[1], v[3]), std::max(v[0], v[2]), std::max(v[1], v[3])};
    if (normal[2] <= normal[0] || normal[3] <= normal[1])
        return std::optional<std::array<double, 4>> {};
    return std::optional<std::array<double, 4>> {normal};
}

// The inheritable page attributes (ISO 32000-2 §7.7.3.4) that decide what a viewer shows.
struct Inherited
{
    PdfObject mediaBox;
    PdfObject cropBox;
    PdfObject rotate;
};

struct Builder
{
    PdfReader& reader;
    IncrementalUpdate update;
    DisplayCopy& copy;
    QSet<quint32> visitedNodes;
    QSet<quint32> visitedAnnotations;

    // The stamp a viewer without form filling draws for `annotation`: nothing when it is no widget with /AP /N.
    Result<std::optional<PdfObject>> stampFor(const PdfObject& annotation)
    {
        if (!annotation.isDictionary() || annotation.isStream() || !annotation.get("Subtype").isName("Widget"))
            return std::optional<PdfObject> {};
        Result<PdfObject> appearance = reader.resolve(annotation.get("AP"));
        if (!appearance)
            return appearance.error();
        if (!appearance->isDictionary() || appearance->get("N").isNull() || !annotation.find("Rect"))
            return std::optional<PdfObject> {};
        PdfObject stamp = PdfObject::dictionary({{"Type", PdfObject::name("Annot")},
            {"Subtype", PdfObject::name("Stamp")}, {"Rect", annotation.get("Rect")}, {"AP", annotation.get("AP")}});
        for (const char* key : {"F", "AS"}) {
            if (const PdfObject* value = annotation.find(key))
                stamp.set(key, *value);
        }
        return std::optional<PdfObject> {std::move(stamp)};
    }

    Status visitPage(PdfRef pageRef, PdfObject page, const Inherited& inherited)
    {
        PageGeometry geometry;
        Result<std::optional<std::array<double, 4>>> media = readBox(reader, inherited.mediaBox);
        if (!media)
            return media.error();
        Result<std::optional<std::array<double, 4>>> crop = readBox(reader, inherited.cropBox);
        if (!crop)
            return crop.error();
        if (*media)
            geometry.box = **media;
        if (*crop) {
            const std::array<double, 4>& c = **crop;
            const std::array<double, 4>& m = geometry.box;
            const std::array<double, 4> both {
                std::max(c[0], m[0]), std::max(c[1], m[1]), std::min(c[2], m[2]), std::min(c[3], m[3])};
            // PDFium keeps an empty intersection as it is; we keep the media box so the mapping stays finite.
            if (both[2] > both[0] && both[3] > both[1])
                geometry.box = both;
        }
        Result<PdfObject> rotate = reader.resolve(inherited.rotate);
        if (!rotate)
            return rotate.error();
        if (rotate->isNumber()) {
            const qint64 quarter = qint64(rotate->toNumber()) / 90 % 4; // as PDFium: 45 is 0, -90 is 270
            geometry.rotate = int((quarter + 4) % 4) * 90;
        }
        copy.pages.push_back(geometry);

        const PdfObject annotsValue = page.get("Annots");
        Result<PdfObject> annots = reader.resolve(annotsValue);
        if (!annots)
            return annots.error();
        if (!annots->isArray())
            return {};
        std::vector<PdfObject> items = annots->items();
        bool directChanged = false;
        for (PdfObject& item : items) {
            if (copy.stampCount >= kMaxStamps)
                break;
            if (item.isReference()) {
                const PdfRef ref = item.toReference();
                if (visitedAnnotations.contains(ref.number))
                    continue; // an annotation on two pages: replaced once
                visitedAnnotations.insert(ref.number);
                Result<PdfObject> annotation = reader.object(ref);
                if (!annotation)
                    return annotation.error();
                Result<std::optional<PdfObject>> stamp = stampFor(*annotation);
                if (!stamp)
                    return stamp.error();
                if (*stamp) {
                    IKK_TRY(update.putEncrypted(ref, std::move(**stamp), reader.security()));
                    ++copy.stampCount;
                }
            } else {
                Result<std::optional<PdfObject>> stamp = stampFor(item);
                if (!stamp)
                    return stamp.error();
                if (*stamp) {
                    item = std::move(**stamp);
                    directChanged = true;
                    ++copy.stampCount;
                }
            }
        }
        if (!directChanged)
            return {};
        // Widgets written inside the array itself: the array (or the page holding it) is rewritten instead.
        if (annotsValue.isReference())
            return update.putEncrypted(
                annotsValue.toReference(), PdfObject::array(std::move(items)), reader.security());
        page.set("Annots", PdfObject::array(std::move(items)));
        return update.putEncrypted(pageRef, std::move(page), reader.security());
    }

    Status visit(const PdfObject& node, Inherited inherited, int depth)
    {
        if (depth > kMaxTreeDepth)
            return malformed(QStringLiteral("page tree nested too deeply"));
        if (!node.isReference())
            return {}; // pages are indirect objects; PDFium skips anything else as well
        const PdfRef ref = node.toReference();
        if (visitedNodes.contains(ref.number))
            return {};
        visitedNodes.insert(ref.number);
        if (int(copy.pages.size()) >= kMaxPages)
            return malformed(QStringLiteral("page tree too large"));
        Result<PdfObject> resolved = reader.object(ref);
        if (!resolved)
            return resolved.error();
        if (!resolved->isDictionary())
            return {};
        const PdfObject& dict = *resolved;
        if (dict.find("MediaBox"))
            inherited.mediaBox = dict.get("MediaBox");
        if (dict.find("CropBox"))
            inherited.cropBox = dict.get("CropBox");
        if (dict.find("Rotate"))
            inherited.rotate = dict.get("Rotate");
        const PdfObject& type = dict.get("Type");
        const PdfObject& kids = dict.get("Kids");
        if (type.isName("Page") || (!type.isName("Pages") && kids.isNull()))
            return visitPage(ref, dict, inherited);
        Result<PdfObject> kidArray = reader.resolve(kids);
        if (!kidArray)
            return kidArray.error();
        if (!kidArray->isArray())
            return {};
        for (const PdfObject& kid : kidArray->items())
            IKK_TRY(visit(kid, inherited, depth + 1));
        return {};
    }
};

} // namespace

QSizeF PageGeometry::shownSize() const
{
    return rotate % 180 == 0 ? QSizeF(width(), height()) : QSizeF(height(), width());
}

QPointF PageGeometry::toPdf(const QPointF& shown) const
{
    const double s = shown.x();
    const double t = shown.y();
    switch (rotate) {
    case 90:
        return {box[0] + t, box[1] + s};
    case 180:
        return {box[2] - s, box[1] + t};
    case 270:
        return {box[2] - t, box[3] - s};
    default:
        return {box[0] + s, box[3] - t};
    }
}

QPointF PageGeometry::fromPdf(const QPointF& pdf) const
{
    const double x = pdf.x();
    const double y = pdf.y();
    switch (rotate) {
    case 90:
        return {y - box[1], x - box[0]};
    case 180:
        return {box[2] - x, y - box[1]};
    case 270:
        return {box[3] - y, box[2] - x};
    default:
        return {x - box[0], box[3] - y};
    }
}

QRectF PageGeometry::shownRect(const std::array<double, 4>& pdfRect) const
{
    return QRectF(fromPdf(QPointF(pdfRect[0], pdfRect[1])), fromPdf(QPointF(pdfRect[2], pdfRect[3]))).normalized();
}

Result<DisplayCopy> buildDisplayCopy(const QString& path)
{
    Result<std::unique_ptr<PdfReader>> opened = PdfReader::open(path);
    if (!opened)
        return opened.error();
    PdfReader& reader = **opened;
    IKK_TRY(reader.encryptionStatus());
    Result<PdfObject> catalog = reader.object(reader.rootRef());
    if (!catalog)
        return catalog.error();
    if (!catalog->isDictionary())
        return malformed(QStringLiteral("the document catalog is not a dictionary"));

    DisplayCopy copy;
    copy.path = path;
    copy.originalSize = reader.fileSize();
    Builder builder {reader, IncrementalUpdate(reader.nextFreeObjectNumber()), copy, {}, {}};
    IKK_TRY(builder.visit(catalog->get("Pages"), Inherited {}, 0));
    if (copy.stampCount == 0)
        return copy;

    // As PdfSigner appends a revision: on a line of its own, in the file's cross-reference style.
    Result<QByteArray> lastByte = reader.read(copy.originalSize - 1, 1);
    if (!lastByte)
        return lastByte.error();
    const bool needsNewline = *lastByte != "\n" && *lastByte != "\r";
    IncrementalUpdate::TrailerFields trailer;
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
    copy.appended = builder.update.write(copy.originalSize + (needsNewline ? 1 : 0), style, trailer);
    if (needsNewline)
        copy.appended.prepend('\n');
    return copy;
}

DisplayCopyDevice::DisplayCopyDevice(DisplayCopy copy, QObject* parent)
    : QIODevice(parent)
    , m_copy(std::move(copy))
    , m_file(m_copy.path)
{ }

bool DisplayCopyDevice::openCopy()
{
    if (!m_file.open(QIODevice::ReadOnly) || m_file.size() < m_copy.originalSize) {
        m_file.close();
        return false;
    }
    return open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

void DisplayCopyDevice::close()
{
    QIODevice::close();
    m_file.close();
}

qint64 DisplayCopyDevice::readData(char* data, qint64 maxSize)
{
    const qint64 at = pos();
    qint64 done = 0;
    if (at < m_copy.originalSize) {
        const qint64 wanted = std::min(maxSize, m_copy.originalSize - at);
        if (!m_file.seek(at))
            return -1;
        const qint64 got = m_file.read(data, wanted);
        if (got < 0)
            return -1;
        done = got;
        if (got < wanted)
            return done; // the file shrank under us: serve what is there
    }
    const qint64 offset = at + done - m_copy.originalSize;
    if (done < maxSize && offset >= 0 && offset < m_copy.appended.size()) {
        const qint64 count = std::min(maxSize - done, qint64(m_copy.appended.size()) - offset);
        std::memcpy(data + done, m_copy.appended.constData() + offset, size_t(count));
        done += count;
    }
    return done;
}

} // namespace ikkatsu::pdf
