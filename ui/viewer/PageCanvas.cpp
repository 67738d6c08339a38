// Our own page view instead of QPdfView: Qt PDF 6.4's view draws no annotations and maps no points to pages.
#include "PageCanvas.h"

#include <QPaintEvent>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfDocumentRenderOptions>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

namespace ikkatsu::ui {

namespace {

constexpr int kMargin = 12; // around the pages, logical pixels
constexpr int kGap = 12; // between pages
constexpr qreal kMinZoom = 0.1;
constexpr qreal kMaxZoom = 8.0;
constexpr qint64 kMaxPagePixels = 24LL << 20; // one rendered page; beyond it the page is drawn scaled up
constexpr qint64 kCacheBytes = 256LL << 20;

} // namespace

int loadForDisplay(QPdfDocument* document, const QString& path, std::vector<pdf::PageGeometry>* pages)
{
    pages->clear();
    document->close();
    // The previous display copy's device goes once the document has let go of it.
    for (pdf::DisplayCopyDevice* old : document->findChildren<pdf::DisplayCopyDevice*>(Qt::FindDirectChildrenOnly))
        old->deleteLater();
    Result<pdf::DisplayCopy> copy = pdf::buildDisplayCopy(path);
    if (copy) {
        *pages = copy->pages;
        if (copy->stampCount > 0) {
            auto* device = new pdf::DisplayCopyDevice(std::move(copy).value(), document);
            if (device->openCopy()) {
                document->load(device);
                if (document->status() == QPdfDocument::Status::Ready)
                    return int(QPdfDocument::Error::None);
                document->close();
            }
            device->deleteLater();
        }
    }
    return int(document->load(path));
}

PageCanvas::PageCanvas(QWidget* parent)
    : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("pageCanvas"));
    setFocusPolicy(Qt::StrongFocus);
    // Always there, so that fitting the width does not make the bar appear and change the width again.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    viewport()->setAutoFillBackground(false);
    verticalScrollBar()->setSingleStep(20);
    horizontalScrollBar()->setSingleStep(20);
}

void PageCanvas::setDocument(QPdfDocument* document, std::vector<pdf::PageGeometry> pages)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_pages = std::move(pages);
    m_cache.clear();
    m_cacheBytes = 0;
    m_current = 0;
    if (m_document) {
        connect(m_document, &QPdfDocument::statusChanged, this, [this] {
            m_cache.clear();
            m_cacheBytes = 0;
            relayout();
        });
    }
    relayout();
    goToPage(0);
}

int PageCanvas::pageCount() const
{
    return m_document ? m_document->pageCount() : 0;
}

void PageCanvas::setZoomMode(ZoomMode mode)
{
    m_mode = mode;
    relayout();
}

void PageCanvas::setZoomFactor(qreal factor)
{
    m_customZoom = std::clamp(factor, kMinZoom, kMaxZoom);
    m_mode = ZoomMode::Custom;
    relayout();
}

qreal PageCanvas::zoomFactor() const
{
    return m_zoom;
}

qreal PageCanvas::pixelsPerPoint() const
{
    return m_zoom * logicalDpiY() / 72.0;
}

QSizeF PageCanvas::shownPointSize(int page) const
{
    const QSizeF size = m_document ? m_document->pagePointSize(page) : QSizeF();
    return size.isValid() && !size.isEmpty() ? size : QSizeF(595, 842);
}

pdf::PageGeometry PageCanvas::geometry(int page) const
{
    if (page >= 0 && page < int(m_pages.size()))
        return m_pages[size_t(page)];
    const QSizeF size = shownPointSize(page);
    pdf::PageGeometry fallback;
    fallback.box = {0, 0, size.width(), size.height()};
    return fallback;
}

void PageCanvas::relayout()
{
    const int count = pageCount();
    const qreal dpiScale = logicalDpiY() / 72.0;
    qreal widest = 1;
    for (int page = 0; page < count; ++page)
        widest = std::max(widest, shownPointSize(page).width());
    const QSize view = viewport()->size();
    const qreal oldZoom = m_zoom;
    if (m_mode == ZoomMode::Custom) {
        m_zoom = m_customZoom;
    } else if (m_mode == ZoomMode::FitWidth) {
        m_zoom = (view.width() - 2 * kMargin) / (widest * dpiScale);
    } else {
        const QSizeF page = shownPointSize(std::clamp(m_current, 0, std::max(0, count - 1)));
        m_zoom = std::min((view.width() - 2 * kMargin) / (page.width() * dpiScale),
            (view.height() - 2 * kMargin) / (page.height() * dpiScale));
    }
    m_zoom = std::clamp(m_zoom, kMinZoom, kMaxZoom);
    if (!qFuzzyCompare(oldZoom, m_zoom)) {
        m_cache.clear();
        m_cacheBytes = 0;
    }

    // Keep the point at the top of the view where it was, relative to the document.
    const qreal before = m_contentSize.height() > 0 ? qreal(verticalScrollBar()->value()) / m_contentSize.height() : 0;
    const qreal ppp = pixelsPerPoint();
    m_layout.clear();
    qreal y = kMargin;
    qreal contentWidth = 0;
    for (int page = 0; page < count; ++page) {
        const QSizeF size = shownPointSize(page) * ppp;
        m_layout.emplace_back(0, y, std::round(size.width()), std::round(size.height()));
        contentWidth = std::max(contentWidth, std::round(size.width()));
        y += std::round(size.height()) + kGap;
    }
    m_contentSize = QSize(int(contentWidth) + 2 * kMargin, int(y - kGap + kMargin));
    const int width = std::max(m_contentSize.width(), view.width());
    for (QRectF& rect : m_layout)
        rect.moveLeft(std::floor((width - rect.width()) / 2));

    const bool jumping = m_jumping;
    m_jumping = true;
    horizontalScrollBar()->setRange(0, std::max(0, m_contentSize.width() - view.width()));
    horizontalScrollBar()->setPageStep(view.width());
    verticalScrollBar()->setRange(0, std::max(0, m_contentSize.height() - view.height()));
    verticalScrollBar()->setPageStep(view.height());
    verticalScrollBar()->setValue(qRound(before * m_contentSize.height()));
    m_jumping = jumping;
    viewport()->update();
    if (!qFuzzyCompare(oldZoom, m_zoom))
        emit zoomChanged();
}

void PageCanvas::goToPage(int page)
{
    if (page < 0 || page >= pageCount() || page >= int(m_layout.size()))
        return;
    m_current = page;
    m_jumping = true;
    if (m_mode == ZoomMode::FitPage)
        relayout();
    verticalScrollBar()->setValue(int(m_layout[size_t(page)].top()) - kMargin);
    m_jumping = false;
    viewport()->update();
    emit currentPageChanged(page);
}

void PageCanvas::updateCurrentFromScroll()
{
    // The page that holds the line a third down the view: what a reader is looking at.
    const qreal line = verticalScrollBar()->value() + viewport()->height() / 3.0;
    int page = 0;
    for (int i = 0; i < int(m_layout.size()); ++i) {
        if (m_layout[size_t(i)].top() - kGap <= line)
            page = i;
    }
    if (page != m_current) {
        m_current = page;
        emit currentPageChanged(page);
    }
}

QRectF PageCanvas::pageRect(int page) const
{
    if (page < 0 || page >= int(m_layout.size()))
        return {};
    return m_layout[size_t(page)].translated(-horizontalScrollBar()->value(), -verticalScrollBar()->value());
}

int PageCanvas::pageAt(const QPointF& viewportPoint) const
{
    for (int page = 0; page < int(m_layout.size()); ++page) {
        if (pageRect(page).contains(viewportPoint))
            return page;
    }
    return -1;
}

QPointF PageCanvas::toPdf(int page, const QPointF& viewportPoint) const
{
    const QRectF rect = pageRect(page);
    const pdf::PageGeometry g = geometry(page);
    const QSizeF shown = g.shownSize();
    if (rect.isEmpty() || shown.isEmpty())
        return {};
    const QPointF onPage((viewportPoint.x() - rect.left()) * shown.width() / rect.width(),
        (viewportPoint.y() - rect.top()) * shown.height() / rect.height());
    return g.toPdf(onPage);
}

QPointF PageCanvas::fromPdf(int page, const QPointF& pdfPoint) const
{
    const QRectF rect = pageRect(page);
    const pdf::PageGeometry g = geometry(page);
    const QSizeF shown = g.shownSize();
    if (rect.isEmpty() || shown.isEmpty())
        return {};
    const QPointF onPage = g.fromPdf(pdfPoint);
    return {rect.left() + onPage.x() * rect.width() / shown.width(),
        rect.top() + onPage.y() * rect.height() / shown.height()};
}

QRectF PageCanvas::pdfRectToViewport(int page, const std::array<double, 4>& rect) const
{
    return QRectF(fromPdf(page, QPointF(rect[0], rect[1])), fromPdf(page, QPointF(rect[2], rect[3]))).normalized();
}

void PageCanvas::ensureVisible(int page, const std::array<double, 4>& rect)
{
    const QRectF shown = pdfRectToViewport(page, rect);
    if (shown.isEmpty())
        return;
    const QRectF view = QRectF(viewport()->rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    QScrollBar* v = verticalScrollBar();
    QScrollBar* h = horizontalScrollBar();
    if (shown.top() < view.top() || shown.bottom() > view.bottom())
        v->setValue(v->value() + int(shown.center().y() - view.center().y()));
    if (shown.left() < view.left() || shown.right() > view.right())
        h->setValue(h->value() + int(shown.center().x() - view.center().x()));
}

void PageCanvas::paintPageOverlay(QPainter&, int, const QRectF&) { }

QImage PageCanvas::pageImage(int page, const QSize& logicalSize)
{
    if (!qFuzzyCompare(m_cacheRatio, devicePixelRatioF())) {
        // Moved to a screen of another pixel ratio: every page again, sharp.
        m_cache.clear();
        m_cacheBytes = 0;
        m_cacheRatio = devicePixelRatioF();
    }
    const auto found = m_cache.constFind(page);
    if (found != m_cache.constEnd())
        return *found;
    qreal dpr = devicePixelRatioF();
    QSize pixels = (QSizeF(logicalSize) * dpr).toSize();
    const qint64 area = qint64(pixels.width()) * pixels.height();
    if (area > kMaxPagePixels) {
        pixels = (QSizeF(pixels) * std::sqrt(qreal(kMaxPagePixels) / area)).toSize();
        dpr = qreal(pixels.width()) / logicalSize.width();
    }
    QPdfDocumentRenderOptions options;
    // With the display copy loaded, this flag is what draws the seals (the widgets shown as stamps).
    options.setRenderFlags(QPdfDocumentRenderOptions::RenderFlag::Annotations);
    QImage image = m_document->render(page, pixels, options);
    image.setDevicePixelRatio(dpr);
    // Drop the pages farthest from this one when the cache is full.
    while (m_cacheBytes + image.sizeInBytes() > kCacheBytes && !m_cache.isEmpty()) {
        int farthest = m_cache.constBegin().key();
        for (auto it = m_cache.constBegin(); it != m_cache.constEnd(); ++it) {
            if (std::abs(it.key() - page) > std::abs(farthest - page))
                farthest = it.key();
        }
        m_cacheBytes -= m_cache.take(farthest).sizeInBytes();
    }
    m_cache.insert(page, image);
    m_cacheBytes += image.sizeInBytes();
    return image;
}

void PageCanvas::paintEvent(QPaintEvent* event)
{
    QPainter painter(viewport());
    painter.fillRect(event->rect(), palette().color(QPalette::Mid));
    if (!m_document || m_document->status() != QPdfDocument::Status::Ready)
        return;
    const QRectF exposed = event->rect();
    for (int page = 0; page < int(m_layout.size()); ++page) {
        const QRectF rect = pageRect(page);
        if (rect.bottom() < exposed.top())
            continue;
        if (rect.top() > exposed.bottom())
            break;
        if (!rect.intersects(exposed))
            continue;
        painter.fillRect(rect.translated(2, 2), QColor(0, 0, 0, 60)); // a slight shadow
        painter.fillRect(rect, Qt::white);
        const QImage image = pageImage(page, rect.size().toSize());
        if (!image.isNull())
            painter.drawImage(rect, image);
        painter.save();
        paintPageOverlay(painter, page, rect);
        painter.restore();
    }
}

void PageCanvas::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    relayout();
}

void PageCanvas::scrollContentsBy(int, int)
{
    viewport()->update();
    if (!m_jumping)
        updateCurrentFromScroll();
}

} // namespace ikkatsu::ui
