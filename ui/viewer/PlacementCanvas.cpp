// Boxes are kept in PDF points of the page's default user space, as the contract sends them, and drawn from there.
#include "PlacementCanvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ikkatsu::ui {

namespace {

const QColor kPlacedColor(0x1f, 0x3b, 0x5c);
const QColor kNewColor(0xd9, 0x6c, 0x00);

double tenth(double value)
{
    return std::round(value * 10) / 10;
}

} // namespace

PlacementCanvas::PlacementCanvas(QWidget* parent)
    : PageCanvas(parent)
{
    setObjectName(QStringLiteral("placementCanvas"));
    viewport()->setCursor(Qt::CrossCursor);
    viewport()->setMouseTracking(false);
}

void PlacementCanvas::setPlacedBoxes(const QList<api::SignatureBox>& boxes)
{
    m_placed = boxes;
    m_new.clear();
    select(-1);
    viewport()->update();
    emit boxesChanged();
}

void PlacementCanvas::setSigner(const QString& userId)
{
    m_signer = userId;
}

void PlacementCanvas::removeSelectedBox()
{
    if (m_selected < 0 || m_selected >= m_new.size())
        return;
    m_new.removeAt(m_selected);
    select(-1);
    viewport()->update();
    emit boxesChanged();
}

void PlacementCanvas::select(int index)
{
    if (m_selected == index)
        return;
    m_selected = index;
    viewport()->update();
    emit selectionChanged(index);
}

QPointF PlacementCanvas::clampToPage(int page, const QPointF& point) const
{
    const QRectF rect = pageRect(page);
    return {std::clamp(point.x(), rect.left(), rect.right()), std::clamp(point.y(), rect.top(), rect.bottom())};
}

int PlacementCanvas::newBoxAt(const QPointF& point) const
{
    for (int i = int(m_new.size()) - 1; i >= 0; --i) {
        const api::SignatureBox& box = m_new.at(i);
        if (pdfRectToViewport(box.page - 1, box.rect).contains(point))
            return i;
    }
    return -1;
}

void PlacementCanvas::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        PageCanvas::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    const QPointF point = event->position();
    const int index = newBoxAt(point);
    if (index >= 0) {
        select(index);
        m_drag = Drag::Move;
        m_moveOrigin = m_new.at(index);
        m_dragPage = m_moveOrigin.page - 1;
        m_dragStart = point;
        return;
    }
    const int page = pageAt(point);
    if (page < 0)
        return;
    if (m_signer.isEmpty()) {
        emit refused(tr("Choose the signer whose box you are placing first."));
        return;
    }
    for (const api::SignatureBox& placed : std::as_const(m_placed)) {
        if (placed.userId == m_signer) {
            // A placed box is a signature field in a stored version: it cannot be moved or placed again.
            emit refused(tr("%1 already has a signature box on page %2. A placed box cannot be moved.")
                             .arg(m_signer)
                             .arg(placed.page));
            return;
        }
    }
    select(-1);
    m_drag = Drag::Draw;
    m_dragPage = page;
    m_dragStart = point;
    m_dragNow = point;
}

void PlacementCanvas::mouseMoveEvent(QMouseEvent* event)
{
    if (m_drag == Drag::None)
        return;
    const QPointF point = clampToPage(m_dragPage, event->position());
    if (m_drag == Drag::Draw) {
        m_dragNow = point;
    } else if (m_selected >= 0 && m_selected < m_new.size()) {
        // Moved in PDF points, then pushed back inside the page so that the box keeps its size.
        const QPointF from = toPdf(m_dragPage, m_dragStart);
        const QPointF to = toPdf(m_dragPage, point);
        const std::array<double, 4> page = geometry(m_dragPage).box;
        const std::array<double, 4>& origin = m_moveOrigin.rect;
        const double width = origin[2] - origin[0];
        const double height = origin[3] - origin[1];
        const double x1 = std::clamp(tenth(origin[0] + to.x() - from.x()), page[0], page[2] - width);
        const double y1 = std::clamp(tenth(origin[1] + to.y() - from.y()), page[1], page[3] - height);
        m_new[m_selected].rect = {x1, y1, x1 + width, y1 + height};
    }
    viewport()->update();
}

void PlacementCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    if (drag == Drag::Move) {
        emit boxesChanged();
        return;
    }
    if (drag != Drag::Draw)
        return;
    const QPointF end = clampToPage(m_dragPage, event->position());
    const QPointF a = toPdf(m_dragPage, m_dragStart);
    const QPointF b = toPdf(m_dragPage, end);
    const std::array<double, 4> page = geometry(m_dragPage).box;
    api::SignatureBox box;
    box.userId = m_signer;
    box.page = m_dragPage + 1;
    box.rect = {std::max(page[0], tenth(std::min(a.x(), b.x()))), std::max(page[1], tenth(std::min(a.y(), b.y()))),
        std::min(page[2], tenth(std::max(a.x(), b.x()))), std::min(page[3], tenth(std::max(a.y(), b.y())))};
    viewport()->update();
    if (box.width() < api::SignatureBox::kMinSide || box.height() < api::SignatureBox::kMinSide) {
        emit refused(tr("A signature box needs at least %1 points (about 6 mm) on each side. Drag a larger box.")
                         .arg(api::SignatureBox::kMinSide));
        return;
    }
    // One box per signer: a new drag replaces the signer's box not yet saved.
    for (int i = 0; i < m_new.size(); ++i) {
        if (m_new.at(i).userId == m_signer) {
            m_new.removeAt(i);
            break;
        }
    }
    m_new.append(box);
    m_selected = -1;
    select(int(m_new.size()) - 1);
    emit boxesChanged();
}

void PlacementCanvas::keyPressEvent(QKeyEvent* event)
{
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && m_selected >= 0) {
        removeSelectedBox();
        return;
    }
    PageCanvas::keyPressEvent(event);
}

void PlacementCanvas::paintPageOverlay(QPainter& painter, int page, const QRectF&)
{
    painter.setRenderHint(QPainter::Antialiasing, true);
    QFont font = painter.font();
    font.setPixelSize(12);
    painter.setFont(font);
    const auto drawBox = [&](const api::SignatureBox& box, bool placed, bool selected) {
        const QRectF rect = pdfRectToViewport(page, box.rect);
        const QColor color = placed ? kPlacedColor : kNewColor;
        QColor fill = color;
        fill.setAlpha(placed ? 40 : 60);
        painter.fillRect(rect, fill);
        QPen pen(color, selected ? 3 : 1.5, placed ? Qt::SolidLine : Qt::DashLine);
        painter.setPen(pen);
        painter.drawRect(rect);
        // The signer's ID on the first line, what the box is on the second, each cut to the box's width.
        const QRectF textRect = rect.adjusted(3, 2, -3, -2);
        const QFontMetrics metrics = painter.fontMetrics();
        QStringList lines {metrics.elidedText(box.userId, Qt::ElideRight, int(textRect.width()))};
        if (placed)
            lines << metrics.elidedText(
                box.filled ? tr("Signed") : tr("Placed"), Qt::ElideRight, int(textRect.width()));
        painter.drawText(textRect, Qt::AlignLeft | Qt::AlignTop, lines.join(QLatin1Char('\n')));
    };
    for (const api::SignatureBox& box : std::as_const(m_placed)) {
        if (box.page == page + 1)
            drawBox(box, true, false);
    }
    for (int i = 0; i < m_new.size(); ++i) {
        if (m_new.at(i).page == page + 1)
            drawBox(m_new.at(i), false, i == m_selected);
    }
    if (m_drag == Drag::Draw && m_dragPage == page) {
        painter.setPen(QPen(kNewColor, 1.5, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(m_dragStart, m_dragNow).normalized());
    }
}

} // namespace ikkatsu::ui
