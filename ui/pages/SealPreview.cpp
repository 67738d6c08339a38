// Paints at the seal's size on paper (1 pt = 1 px at 100 %, ×2 for legibility) so that the preview reads like the page.
#include "SealPreview.h"

#include <QPainter>

#include <algorithm>

namespace ikkatsu::ui {

SealPreview::SealPreview(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("sealPreview"));
    setMinimumSize(sizeHint());
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

QSize SealPreview::sizeHint() const
{
    return {320, 140};
}

void SealPreview::setSeal(std::shared_ptr<const pdf::SealAppearance> seal, const QString& message)
{
    m_seal = std::move(seal);
    m_message = message;
    setAccessibleDescription(m_seal ? tr("Seal preview") : message);
    update();
}

void SealPreview::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    painter.setPen(QColor(0xc8, 0xc8, 0xc8));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
    if (!m_seal) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(12, 8, -12, -8), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    // Twice the size it has on the page, fitted into the frame.
    const QSizeF size = m_seal->defaultSize() * 2;
    const double fit = std::min(1.0, std::min((width() - 16) / size.width(), (height() - 16) / size.height()));
    const QSizeF shown = size * fit;
    const QRectF target(QPointF((width() - shown.width()) / 2, (height() - shown.height()) / 2), shown);
    m_seal->paint(painter, target);
}

} // namespace ikkatsu::ui
