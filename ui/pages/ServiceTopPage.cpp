// サービスTOP page.
#include "ServiceTopPage.h"

#include "Style.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ikkatsu::ui {

ServiceTopPage::ServiceTopPage(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(14);
    layout->addWidget(makePageTitle(tr("Service top"), this));
    m_greeting = new QLabel(this);
    m_greeting->setObjectName(QStringLiteral("greetingLabel"));
    m_greeting->setWordWrap(true);
    layout->addWidget(m_greeting);

    auto* cards = new QHBoxLayout;
    cards->setSpacing(16);
    auto addCard = [&](const QString& title, QLabel** value, const QString& buttonText, const QString& buttonName) {
        QFrame* card = makeCard(this);
        auto* cardLayout = new QVBoxLayout(card);
        cardLayout->setContentsMargins(20, 16, 20, 16);
        cardLayout->addWidget(makeSectionTitle(title, card));
        *value = new QLabel(card);
        (*value)->setWordWrap(true);
        cardLayout->addWidget(*value, 1);
        QPushButton* button = makeButton(buttonText, buttonName, true, card);
        cardLayout->addWidget(button, 0, Qt::AlignLeft);
        cards->addWidget(card, 1);
        return button;
    };
    QPushButton* toMyPage
        = addCard(tr("Files waiting for you"), &m_pending, tr("Open My Page"), QStringLiteral("topMyPageButton"));
    m_pending->setObjectName(QStringLiteral("pendingLabel"));
    QPushButton* toProfile = addCard(
        tr("Signing certificate"), &m_certificate, tr("Open My information"), QStringLiteral("topProfileButton"));
    m_certificate->setObjectName(QStringLiteral("certificateStateLabel"));
    layout->addLayout(cards);
    layout->addStretch(1);
    connect(toMyPage, &QPushButton::clicked, this, &ServiceTopPage::myPageRequested);
    connect(toProfile, &QPushButton::clicked, this, &ServiceTopPage::profileRequested);
}

void ServiceTopPage::setUser(const UserProfile& user, bool haveCertificate)
{
    m_greeting->setText(tr("Welcome, %1 (%2).").arg(user.userName, user.company));
    m_certificate->setText(haveCertificate ? tr("Your signing certificate is set up on this computer.")
                                           : tr("No signing certificate is set up on this computer."));
    m_pending->setText(tr("Counting…"));
}

void ServiceTopPage::setPendingCount(int count)
{
    m_pending->setText(
        count < 0 ? tr("The file list is not available.") : tr("%n file(s) not processed yet.", nullptr, count));
}

} // namespace ikkatsu::ui
