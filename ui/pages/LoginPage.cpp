// ログイン screen of the manual (1-2), with the server address an administrator may have fixed by policy.
#include "LoginPage.h"

#include "Async.h"
#include "Style.h"
#include "common/SecureBuffer.h"
#include "config/Settings.h"

#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace ikkatsu::ui {

LoginPage::LoginPage(AccountService* accounts, Settings* settings, QWidget* parent)
    : QWidget(parent)
    , m_accounts(accounts)
    , m_settings(settings)
{
    QVBoxLayout* layout = nullptr;
    QFrame* card = makeCenteredCard(this, 460, 520, &layout);
    auto* logo = new QLabel(card);
    logo->setPixmap(QIcon(QStringLiteral(":/ikkatsu/icons/ikkatsu.svg")).pixmap(56, 56));
    logo->setAlignment(Qt::AlignHCenter);
    layout->addWidget(logo);
    auto* title = makePageTitle(tr("Log in"), card);
    title->setAlignment(Qt::AlignHCenter);
    layout->addWidget(title);
    layout->addWidget(makeHint(tr("Enter the user ID and password given to you by your administrator."), card));

    m_message = new QLabel(card);
    m_message->setObjectName(QStringLiteral("loginMessage"));
    m_message->setProperty("messageKind", QStringLiteral("info"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);
    m_error = makeErrorLabel(QStringLiteral("loginError"), card);
    layout->addWidget(m_error);

    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_serverUrl = new QLineEdit(card);
    m_serverUrl->setObjectName(QStringLiteral("serverUrlEdit"));
    form->addRow(tr("Server"), m_serverUrl);
    m_userId = new QLineEdit(card);
    m_userId->setObjectName(QStringLiteral("userIdEdit"));
    m_userId->setMaxLength(64);
    form->addRow(tr("User ID"), m_userId);
    m_password = new QLineEdit(card);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(128);
    form->addRow(tr("Password"), m_password);
    layout->addLayout(form);

    m_login = makeButton(tr("Log in"), QStringLiteral("loginButton"), true, card);
    m_login->setDefault(true);
    layout->addWidget(m_login);
    layout->addWidget(makeHint(tr("Entering a wrong user ID or password a certain number of times locks the "
                                  "account. If an error screen appears, tell your administrator its error code."),
        card));

    connect(m_login, &QPushButton::clicked, this, &LoginPage::submit);
    connect(m_password, &QLineEdit::returnPressed, this, &LoginPage::submit);
    connect(m_userId, &QLineEdit::returnPressed, m_password, qOverload<>(&QWidget::setFocus));
    setTabOrder(m_serverUrl, m_userId);
    setTabOrder(m_userId, m_password);
    setTabOrder(m_password, m_login);
    reset();
}

void LoginPage::reset(const QString& message)
{
    m_serverUrl->setText(m_settings->string(SettingKey::ServerUrl));
    const bool locked
        = m_settings->isLockedByPolicy(SettingKey::ServerUrl) && !m_settings->flag(SettingKey::AllowServerUrlEdit);
    m_serverUrl->setReadOnly(locked);
    m_serverUrl->setToolTip(locked ? tr("Set by your administrator") : QString());
    m_userId->setText(m_settings->string(SettingKey::LastUserId));
    m_password->clear();
    m_error->hide();
    showMessage(m_message, message);
    setBusy(false);
    if (m_userId->text().isEmpty())
        m_userId->setFocus();
    else
        m_password->setFocus();
}

QString LoginPage::userId() const
{
    return m_userId->text().trimmed();
}

void LoginPage::setBusy(bool busy)
{
    m_login->setEnabled(!busy);
    m_userId->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_login->setText(busy ? tr("Logging in…") : tr("Log in"));
}

void LoginPage::submit()
{
    if (!m_login->isEnabled())
        return;
    m_message->hide();
    const QUrl url = QUrl::fromUserInput(m_serverUrl->text().trimmed());
    if (!url.isValid() || url.host().isEmpty()) {
        showError(m_error, makeError(ErrorCode::ServerUnreachable, m_serverUrl->text()));
        m_serverUrl->setFocus();
        return;
    }
    if (userId().isEmpty() || m_password->text().isEmpty()) {
        showError(m_error, makeError(ErrorCode::InvalidCredentials));
        (userId().isEmpty() ? m_userId : m_password)->setFocus();
        return;
    }
    m_error->hide();
    setBusy(true);
    if (!m_serverUrl->isReadOnly())
        (void)m_settings->setValue(SettingKey::ServerUrl, url.toString(QUrl::StripTrailingSlash));
    QString password = m_password->text();
    auto future = m_accounts->login(url.toString(QUrl::StripTrailingSlash), userId(), password);
    wipeString(password);
    whenReady(this, future, [this](const Result<OtpChallenge>& result) {
        setBusy(false);
        m_password->clear();
        if (!result.ok()) {
            showError(m_error, result.error());
            m_password->setFocus();
            return;
        }
        (void)m_settings->setValue(SettingKey::LastUserId, userId());
        m_settings->sync();
        emit challenged(result.value());
    });
}

} // namespace ikkatsu::ui
