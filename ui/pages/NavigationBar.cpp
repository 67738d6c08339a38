// The navigation bar of the manual's My Page, keyboard-reachable in the same order as it reads.
#include "NavigationBar.h"

#include <QActionGroup>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QResizeEvent>
#include <QToolButton>

#include <iterator>

namespace ikkatsu::ui {

NavigationBar::NavigationBar(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("navigationBar"));
    setAttribute(Qt::WA_StyledBackground, true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 0, 16, 0);
    layout->setSpacing(2);

    auto* logo = new QLabel(this);
    logo->setObjectName(QStringLiteral("serviceLogo"));
    logo->setPixmap(QIcon(QStringLiteral(":/ikkatsu/icons/ikkatsu.svg")).pixmap(28, 28));
    layout->addWidget(logo);
    m_title = new QLabel(tr("Ikkatsu batch e-signature"), this);
    m_title->setObjectName(QStringLiteral("serviceTitle"));
    layout->addWidget(m_title);
    layout->addSpacing(24);

    auto* group = new QButtonGroup(this);
    group->setExclusive(true);
    const std::pair<QString, QString> items[] = {
        {tr("Service top"), QStringLiteral("navServiceTop")},
        {tr("My page"), QStringLiteral("navMyPage")},
        {tr("My information"), QStringLiteral("navProfile")},
        {tr("Processing results"), QStringLiteral("navResults")},
        {tr("User management"), QStringLiteral("navUsers")},
        {tr("Folders and files"), QStringLiteral("navAdminFiles")},
        {tr("Everyone's results"), QStringLiteral("navAllResults")},
        {tr("Audit trail"), QStringLiteral("navAuditTrail")},
    };
    for (int i = 0; i < int(std::size(items)); ++i) {
        QToolButton* button = addButton(items[i].first, items[i].second);
        button->setCheckable(true);
        group->addButton(button, i);
        layout->addWidget(button);
        connect(
            button, &QToolButton::clicked, this, [this, i] { emit destinationRequested(static_cast<Destination>(i)); });
    }
    // The folded form of the admin entries: one button whose menu holds them, in the same order.
    m_adminMenuButton = addButton(tr("Admin menu"), QStringLiteral("navAdminMenu"));
    m_buttons.removeLast();
    m_adminMenuButton->setProperty("adminMode", true);
    m_adminMenuButton->setCheckable(true);
    m_adminMenuButton->setPopupMode(QToolButton::InstantPopup);
    m_adminMenu = new QMenu(m_adminMenuButton);
    m_adminMenu->setObjectName(QStringLiteral("navAdminMenuList"));
    auto* actions = new QActionGroup(m_adminMenu);
    actions->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    for (int i = static_cast<int>(Destination::Users); i <= static_cast<int>(Destination::AuditTrail); ++i) {
        m_buttons.at(i)->setProperty("adminMode", true);
        m_buttons.at(i)->hide();
        QAction* action = m_adminMenu->addAction(items[i].first);
        action->setObjectName(items[i].second + QStringLiteral("Action"));
        action->setCheckable(true);
        actions->addAction(action);
        connect(
            action, &QAction::triggered, this, [this, i] { emit destinationRequested(static_cast<Destination>(i)); });
    }
    m_adminMenuButton->setMenu(m_adminMenu);
    m_adminMenuButton->hide();
    layout->addWidget(m_adminMenuButton);
    QToolButton* logout = addButton(tr("Log out"), QStringLiteral("navLogout"));
    layout->addWidget(logout);
    connect(logout, &QToolButton::clicked, this, &NavigationBar::logoutRequested);

    layout->addStretch(1);
    m_user = new QLabel(this);
    m_user->setObjectName(QStringLiteral("signedInUser"));
    // The name gives way before any entry does: shown whole when there is room, squeezed to nothing otherwise.
    m_user->setMinimumWidth(1);
    layout->addWidget(m_user);
}

QToolButton* NavigationBar::addButton(const QString& text, const QString& objectName)
{
    auto* button = new QToolButton(this);
    button->setText(text);
    button->setObjectName(objectName);
    button->setFocusPolicy(Qt::StrongFocus);
    button->setCursor(Qt::PointingHandCursor);
    m_buttons.append(button);
    return button;
}

void NavigationBar::setCurrent(Destination destination)
{
    const int index = static_cast<int>(destination);
    if (index >= 0 && index <= static_cast<int>(Destination::AuditTrail))
        m_buttons[index]->setChecked(true);
    const bool admin = destination >= Destination::Users;
    m_adminMenuButton->setChecked(admin);
    if (admin)
        m_adminMenu->actions().at(index - static_cast<int>(Destination::Users))->setChecked(true);
    else if (QAction* checked = m_adminMenu->actions().first()->actionGroup()->checkedAction())
        checked->setChecked(false);
}

void NavigationBar::setUserName(const QString& name)
{
    m_user->setText(name.isEmpty() ? QString() : tr("%1 (signed in)").arg(name));
    m_user->setToolTip(m_user->text());
    updateFolding();
}

void NavigationBar::setAdminVisible(bool visible)
{
    m_adminVisible = visible;
    updateFolding();
}

bool NavigationBar::isAdminVisible() const
{
    return m_adminVisible;
}

int NavigationBar::widthNeeded(bool folded, bool withTitle, bool withUser) const
{
    auto* layout = static_cast<QHBoxLayout*>(this->layout());
    const QMargins margins = layout->contentsMargins();
    const int spacing = layout->spacing();
    int width = margins.left() + margins.right() + 24 + spacing;
    const auto add = [&](const QWidget* widget) { width += widget->sizeHint().width() + spacing; };
    add(findChild<QLabel*>(QStringLiteral("serviceLogo")));
    if (withTitle)
        add(m_title);
    for (int i = 0; i < static_cast<int>(Destination::Users); ++i)
        add(m_buttons.at(i));
    if (m_adminVisible) {
        if (folded) {
            add(m_adminMenuButton);
        } else {
            for (int i = static_cast<int>(Destination::Users); i <= static_cast<int>(Destination::AuditTrail); ++i)
                add(m_buttons.at(i));
        }
    }
    add(m_buttons.last()); // ログアウト
    if (withUser)
        width += m_user->sizeHint().width();
    return width;
}

void NavigationBar::updateFolding()
{
    const int available = width();
    const bool fitsUnfolded = widthNeeded(false, true, true) <= available;
    m_folded = m_adminVisible && !fitsUnfolded;
    const bool titleFits = widthNeeded(m_folded, true, false) <= available;
    for (int i = static_cast<int>(Destination::Users); i <= static_cast<int>(Destination::AuditTrail); ++i)
        m_buttons.at(i)->setVisible(m_adminVisible && !m_folded);
    m_adminMenuButton->setVisible(m_adminVisible && m_folded);
    m_title->setVisible(titleFits);
}

QSize NavigationBar::minimumSizeHint() const
{
    return {widthNeeded(true, false, false), QWidget::minimumSizeHint().height()};
}

void NavigationBar::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateFolding();
}

} // namespace ikkatsu::ui
