// Builds the viewer's display copy (widgets shown as stamps) and serves it without copying the original file.
#include "pdf/DisplayCopy.h"

#include "pdf/IncrementalUpdate.h"
#include "pdf/PdfCatalog.h"
#include "pdf/PdfReader.h"

#include <QSet>

#include <algorithm>
#include <cstring>
#include <optional>

namespace ikkatsu::pdf {

namespace {

constexpr int kMaxStamps = 100000; // beyond this many widgets the rest stay as they are

Error malformed(const QString& detail)
{
    return makeError(ErrorCode::PdfMalformed, detail);
}

struct Builder
{
    PdfReader& reader;
    IncrementalUpdate update;
    DisplayCopy& copy;
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

    Status visitPage(PdfRef pageRef)
    {
        Result<PdfObject> read = reader.object(pageRef);
        if (!read)
            return read.error();
        PdfObject page = std::move(read).value();
        if (!page.isDictionary())
            return malformed(QStringLiteral("a page is not a dictionary"));
        // The same visible box and turn the server checks placed boxes against.
        PageGeometry geometry;
        Result<std::array<double, 4>> box = visiblePageBox(reader, page);
        if (!box)
            return box.error();
        geometry.box = *box;
        Result<int> rotate = pageRotation(reader, page);
        if (!rotate)
            return rotate.error();
        geometry.rotate = *rotate;
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
    Result<std::vector<PdfRef>> pages = listPages(reader, *catalog);
    if (!pages)
        return pages.error();
    Builder builder {reader, IncrementalUpdate(reader.nextFreeObjectNumber()), copy, {}};
    for (const PdfRef page : *pages)
        IKK_TRY(builder.visitPage(page));
    if (copy.stampCount == 0)
        return copy;

    // As PdfSigner appends a revision.
    Result<QByteArray> appended = builder.update.writeAfter(reader);
    if (!appended)
        return appended.error();
    copy.appended = std::move(appended).value();
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
