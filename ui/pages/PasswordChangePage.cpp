// First-login password change; the new password's rules are the server's (PasswordPolicy, E1301).
#include "PasswordChangePage.h"

#include "Async.h"
#include "Style.h"
#include "common/SecureBuffer.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ikkatsu::ui {

PasswordChangePage::PasswordChangePage(AccountService* accounts, QWidget* parent)
    : QWidget(parent)
    , m_accounts(accounts)
{
    QVBoxLayout* layout = nullptr;
    QFrame* card = makeCenteredCard(this, 520, 600, &layout);
    layout->addWidget(makePageTitle(tr("Change password"), card));
    layout->addWidget(makeHint(tr("This is your first login: replace the initial password from your administrator "
                                  "with a password only you know."),
        card));
    m_error = makeErrorLabel(QStringLiteral("passwordChangeError"), card);
    layout->addWidget(m_error);
    auto* form = new QFormLayout;
    auto secret = [card](const QString& name) {
        auto* edit = new QLineEdit(card);
        edit->setObjectName(name);
        edit->setEchoMode(QLineEdit::Password);
        edit->setMaxLength(128);
        return edit;
    };
    m_current = secret(QStringLiteral("firstCurrentPasswordEdit"));
    m_new = secret(QStringLiteral("firstNewPasswordEdit"));
    m_confirm = secret(QStringLiteral("firstNewPasswordConfirmEdit"));
    form->addRow(tr("Current password"), m_current);
    form->addRow(tr("New password"), m_new);
    form->addRow(tr("Confirm the new password"), m_confirm);
    layout->addLayout(form);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_change = makeButton(tr("Change password"), QStringLiteral("firstPasswordChangeButton"), true, card);
    buttons->addWidget(m_change);
    layout->addLayout(buttons);

    connect(m_change, &QPushButton::clicked, this, &PasswordChangePage::submit);
    connect(m_confirm, &QLineEdit::returnPressed, this, &PasswordChangePage::submit);
    setTabOrder(m_current, m_new);
    setTabOrder(m_new, m_confirm);
    setTabOrder(m_confirm, m_change);
}

void PasswordChangePage::start()
{
    m_current->clear();
    m_new->clear();
    m_confirm->clear();
    m_error->hide();
    m_change->setEnabled(true);
    m_current->setFocus();
}

void PasswordChangePage::submit()
{
    if (!m_change->isEnabled())
        return;
    if (m_new->text() != m_confirm->text() || m_new->text().isEmpty()) {
        showError(m_error, makeError(ErrorCode::PasswordPolicy));
        m_confirm->clear();
        m_new->setFocus();
        return;
    }
    m_change->setEnabled(false);
    QString current = m_current->text();
    QString next = m_new->text();
    auto future = m_accounts->changePassword(current, next);
    wipeString(current);
    wipeString(next);
    m_current->clear();
    m_new->clear();
    m_confirm->clear();
    whenReady(this, future, [this](const Status& status) {
        m_change->setEnabled(true);
        if (!status.ok()) {
            showError(m_error, status.error());
            m_current->setFocus();
            return;
        }
        emit changed();
    });
}

} // namespace ikkatsu::ui
