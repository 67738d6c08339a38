// The navigation bar of the manual's My Page, keyboard-reachable in the same order as it reads.
#include "NavigationBar.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
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
    logo->setPixmap(QIcon(QStringLiteral(":/ikkatsu/icons/ikkatsu.svg")).pixmap(28, 28));
    layout->addWidget(logo);
    auto* title = new QLabel(tr("Ikkatsu batch e-signature"), this);
    title->setObjectName(QStringLiteral("serviceTitle"));
    layout->addWidget(title);
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
    for (int i = static_cast<int>(Destination::Users); i <= static_cast<int>(Destination::AuditTrail); ++i) {
        m_buttons.at(i)->setProperty("adminMode", true);
        m_buttons.at(i)->hide();
    }
    QToolButton* logout = addButton(tr("Log out"), QStringLiteral("navLogout"));
    layout->addWidget(logout);
    connect(logout, &QToolButton::clicked, this, &NavigationBar::logoutRequested);

    layout->addStretch(1);
    m_user = new QLabel(this);
    m_user->setObjectName(QStringLiteral("signedInUser"));
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
}

void NavigationBar::setUserName(const QString& name)
{
    m_user->setText(name.isEmpty() ? QString() : tr("%1 (signed in)").arg(name));
}

void NavigationBar::setAdminVisible(bool visible)
{
    for (int i = static_cast<int>(Destination::Users); i <= static_cast<int>(Destination::AuditTrail); ++i)
        m_buttons.at(i)->setVisible(visible);
}

bool NavigationBar::isAdminVisible() const
{
    return !m_buttons.at(static_cast<int>(Destination::Users))->isHidden();
}

} // namespace ikkatsu::ui
