// The viewer's page canvas: pages rendered by Qt PDF with annotations, scrolled and zoomed, mapped to PDF points.
#pragma once

#include "pdf/DisplayCopy.h"

#include <QAbstractScrollArea>
#include <QHash>
#include <QImage>

#include <array>
#include <vector>

class QPdfDocument;

namespace ikkatsu::ui {

// Loads `path` into `document` for display: its display copy (widget appearances such as seals shown as stamps,
// served from the file plus an in-memory update by a device parented to `document`) when it can be built, else
// the file as it is. `pages` receives each page's geometry (empty when the copy could not be built).
// The answer is the document's load error (None when loaded).
int loadForDisplay(QPdfDocument* document, const QString& path, std::vector<pdf::PageGeometry>* pages);

class PageCanvas : public QAbstractScrollArea
{
    Q_OBJECT

public:
    enum class ZoomMode { FitWidth, FitPage, Custom };

    explicit PageCanvas(QWidget* parent = nullptr);

    // `pages` as loadForDisplay gave them; pages it does not describe are taken as unrotated at Qt's size.
    void setDocument(QPdfDocument* document, std::vector<pdf::PageGeometry> pages);
    QPdfDocument* document() const { return m_document; }
    int pageCount() const;

    void setZoomMode(ZoomMode mode);
    ZoomMode zoomMode() const { return m_mode; }
    // 1.0 is the page at its real size on the screen (points at the screen's logical DPI), as Qt PDF's view does.
    void setZoomFactor(qreal factor);
    // The zoom in effect (for the fit modes: what fitting gave).
    qreal zoomFactor() const;

    int currentPage() const { return m_current; }
    void goToPage(int page);

    pdf::PageGeometry geometry(int page) const;
    // Where page `page` is, in viewport coordinates.
    QRectF pageRect(int page) const;
    // The page under a viewport point, -1 for the gaps between pages.
    int pageAt(const QPointF& viewportPoint) const;
    // Viewport coordinates ↔ PDF points of the page's default user space (origin bottom left, before /Rotate).
    QPointF toPdf(int page, const QPointF& viewportPoint) const;
    QPointF fromPdf(int page, const QPointF& pdfPoint) const;
    // x1, y1, x2, y2 in PDF points as the viewport rectangle it covers.
    QRectF pdfRectToViewport(int page, const std::array<double, 4>& rect) const;
    // Scrolls so that the PDF rectangle on `page` is in view.
    void ensureVisible(int page, const std::array<double, 4>& rect);

signals:
    void currentPageChanged(int page);
    void zoomChanged();

protected:
    // Drawn over each visible page after its pixels (placement mode draws the boxes here).
    virtual void paintPageOverlay(QPainter& painter, int page, const QRectF& pageRect);
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    qreal pixelsPerPoint() const;
    QSizeF shownPointSize(int page) const;
    void relayout();
    void updateCurrentFromScroll();
    QImage pageImage(int page, const QSize& logicalSize);

    QPdfDocument* m_document = nullptr;
    std::vector<pdf::PageGeometry> m_pages;
    ZoomMode m_mode = ZoomMode::FitWidth;
    qreal m_customZoom = 1.0;
    qreal m_zoom = 1.0; // in effect
    std::vector<QRectF> m_layout; // page rectangles in content coordinates (logical pixels)
    QSize m_contentSize;
    int m_current = 0;
    bool m_jumping = false;
    QHash<int, QImage> m_cache; // rendered pages at the current zoom and device pixel ratio
    qint64 m_cacheBytes = 0;
    qreal m_cacheRatio = 1.0; // the device pixel ratio the cached pages were rendered for
};

} // namespace ikkatsu::ui
