// The viewer's display copy: the file plus one in-memory update that shows widget appearances (seals) as stamps.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QFile>
#include <QIODevice>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <array>
#include <memory>
#include <vector>

namespace ikkatsu::pdf {

// Where a page sits in its default user space and how a viewer turns it: what mapping a point on the rendered page
// to PDF points needs (Qt PDF reports only the turned size).
struct PageGeometry
{
    std::array<double, 4> box {0, 0, 612, 792}; // the visible area (visiblePageBox), x1 < x2, y1 < y2
    int rotate = 0; // /Rotate normalised to 0, 90, 180 or 270 (clockwise, as shown)

    double width() const { return box[2] - box[0]; }
    double height() const { return box[3] - box[1]; }
    // The page as shown (turned), in points.
    QSizeF shownSize() const;
    // `shown` is a point on the page as shown, in points from its top-left corner; the answer is in PDF points
    // of the default user space (origin bottom left). fromPdf is the inverse.
    QPointF toPdf(const QPointF& shown) const;
    QPointF fromPdf(const QPointF& pdf) const;
    // A rectangle x1, y1, x2, y2 in PDF points as the shown rectangle it covers (normalised).
    QRectF shownRect(const std::array<double, 4>& pdfRect) const;
};

// Qt PDF 6.4 (PDFium without a form-fill environment) draws no widget annotations, so a signature's appearance
// (the seal) never shows. The display copy is the same document with one incremental update appended in memory:
// every widget that has a normal appearance (/AP /N) becomes a /Stamp annotation with the same /Rect, /AP, /AS and
// /F, which PDFium draws with its annotation flag. It is for pixels only: verification reads the original file.
struct DisplayCopy
{
    QString path;
    qint64 originalSize = 0; // the file's size when the copy was made: only these bytes are served
    QByteArray appended; // the update (empty when the document has no widget to show)
    int stampCount = 0;
    std::vector<PageGeometry> pages; // in page order

    qint64 size() const { return originalSize + appended.size(); }
};

// Reads `path` (read-only) and builds its display copy. Errors are the reader's (PdfMalformed, PdfXrefBroken,
// PdfEncrypted when a user password is needed, ...): the caller then shows the original as it is.
Result<DisplayCopy> buildDisplayCopy(const QString& path);

// A read-only random-access device that serves the original file's first `originalSize` bytes followed by the
// update, so that a large file is never copied to show it (QPdfDocument::load(QIODevice*)).
class DisplayCopyDevice : public QIODevice
{
    Q_OBJECT

public:
    explicit DisplayCopyDevice(DisplayCopy copy, QObject* parent = nullptr);
    // Opens the original file and the device (ReadOnly); false when the file cannot be opened or has shrunk.
    bool openCopy();
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_copy.size(); }
    void close() override;

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    DisplayCopy m_copy;
    QFile m_file;
};

} // namespace ikkatsu::pdf
