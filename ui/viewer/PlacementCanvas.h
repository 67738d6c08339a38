// 署名欄の配置 on the page canvas: the administrator drags a signer's 印 box; placed boxes are shown but stay put.
#pragma once

#include "PageCanvas.h"
#include "api/SignatureBoxDto.h"

#include <QList>
#include <QPoint>

#include <optional>

namespace ikkatsu::ui {

class PlacementCanvas : public PageCanvas
{
    Q_OBJECT

public:
    explicit PlacementCanvas(QWidget* parent = nullptr);

    // The boxes the file already has (placed or filled): drawn, locked. Forgets the new boxes.
    void setPlacedBoxes(const QList<api::SignatureBox>& boxes);
    // Whose box a drag draws; empty: dragging draws nothing.
    void setSigner(const QString& userId);
    QString signer() const { return m_signer; }
    // The boxes drawn since, one per signer, in the order drawn.
    QList<api::SignatureBox> newBoxes() const { return m_new; }
    QList<api::SignatureBox> placedBoxes() const { return m_placed; }
    // The new box selected (clicked or just drawn), -1 when none.
    int selectedBox() const { return m_selected; }
    void removeSelectedBox();

signals:
    void boxesChanged();
    void selectionChanged(int index);
    // A drag that could not become a box, in words for the dialog (too small, signer already placed).
    void refused(const QString& reason);

protected:
    void paintPageOverlay(QPainter& painter, int page, const QRectF& pageRect) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    // `point` held inside page `page` (viewport coordinates).
    QPointF clampToPage(int page, const QPointF& point) const;
    int newBoxAt(const QPointF& point) const;
    void select(int index);

    QList<api::SignatureBox> m_placed;
    QList<api::SignatureBox> m_new;
    QString m_signer;
    int m_selected = -1;

    enum class Drag { None, Draw, Move };
    Drag m_drag = Drag::None;
    int m_dragPage = -1;
    QPointF m_dragStart; // viewport
    QPointF m_dragNow;
    api::SignatureBox m_moveOrigin; // the box as it was when a move started
};

} // namespace ikkatsu::ui
