// The 新しい署名用暗証コードの確認入力 field: it refuses paste by shortcut, context menu, middle click and drop.
#pragma once

#include <QLineEdit>

namespace ikkatsu::ui {

// The manual: "確認入力欄へは、コピー入力できません。" — the confirmation must be typed, so that a PIN the
// user mistyped once and copied is not registered.
class PinConfirmationEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit PinConfirmationEdit(QWidget* parent = nullptr);

    // True for the Paste entry of a standard line-edit context menu.
    static bool isPasteAction(const QAction* action);

signals:
    void pasteRefused();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void inputMethodEvent(QInputMethodEvent* event) override;
};

} // namespace ikkatsu::ui
