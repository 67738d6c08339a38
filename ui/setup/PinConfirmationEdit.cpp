// Paste refusal for the PIN confirmation field.
#include "PinConfirmationEdit.h"

#include <QContextMenuEvent>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QMouseEvent>

namespace ikkatsu::ui {

bool PinConfirmationEdit::isPasteAction(const QAction* action)
{
    const QString paste = QKeySequence(QKeySequence::Paste).toString(QKeySequence::NativeText);
    return action->objectName() == QLatin1String("edit-paste") || action->shortcut() == QKeySequence::Paste
        || action->text().endsWith(QLatin1Char('\t') + paste);
}

PinConfirmationEdit::PinConfirmationEdit(QWidget* parent)
    : QLineEdit(parent)
{
    setEchoMode(QLineEdit::Password);
    setAcceptDrops(false);
    setDragEnabled(false);
}

void PinConfirmationEdit::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Paste)) {
        event->accept();
        emit pasteRefused();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void PinConfirmationEdit::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu* menu = createStandardContextMenu();
    menu->setObjectName(QStringLiteral("pinConfirmationMenu"));
    // Qt's standard menu names its actions only by text, "Paste\tCtrl+V" (translated): find it by its shortcut.
    const auto actions = menu->actions();
    for (QAction* action : actions) {
        if (isPasteAction(action))
            menu->removeAction(action);
    }
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

// X11's middle-click pastes the primary selection.
void PinConfirmationEdit::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton) {
        event->accept();
        emit pasteRefused();
        return;
    }
    QLineEdit::mousePressEvent(event);
}

void PinConfirmationEdit::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton) {
        event->accept();
        return;
    }
    QLineEdit::mouseReleaseEvent(event);
}

void PinConfirmationEdit::dragEnterEvent(QDragEnterEvent* event)
{
    event->ignore();
}

void PinConfirmationEdit::dragMoveEvent(QDragMoveEvent* event)
{
    event->ignore();
}

void PinConfirmationEdit::dropEvent(QDropEvent* event)
{
    event->ignore();
    emit pasteRefused();
}

// An input method may commit a whole string at once (some paste through it); only single typed characters pass.
void PinConfirmationEdit::inputMethodEvent(QInputMethodEvent* event)
{
    if (event->commitString().size() > 1) {
        event->accept();
        emit pasteRefused();
        return;
    }
    QLineEdit::inputMethodEvent(event);
}

} // namespace ikkatsu::ui
