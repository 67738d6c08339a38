// ワンタイムパスワード entry (manual 1-2 d/e) with a live expiry countdown and a rate-limited resend.
#include "OtpPage.h"

#include "Async.h"
#include "Style.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace ikkatsu::ui {

OtpPage::OtpPage(AccountService* accounts, QWidget* parent)
    : QWidget(parent)
    , m_accounts(accounts)
{
    QVBoxLayout* layout = nullptr;
    QFrame* card = makeCenteredCard(this, 460, 520, &layout);
    layout->addWidget(makePageTitle(tr("One-time password"), card));
    layout->addWidget(makeHint(tr("A mail with your one-time password has been sent. Enter the one-time password "
                                  "from the mail and click [Next]."),
        card));
    m_info = new QLabel(card);
    m_info->setObjectName(QStringLiteral("otpInfo"));
    m_info->setProperty("messageKind", QStringLiteral("info"));
    m_info->setWordWrap(true);
    m_info->hide();
    layout->addWidget(m_info);
    m_error = makeErrorLabel(QStringLiteral("otpError"), card);
    layout->addWidget(m_error);

    auto* label = new QLabel(tr("One-time password"), card);
    layout->addWidget(label);
    m_otp = new QLineEdit(card);
    m_otp->setObjectName(QStringLiteral("otpEdit"));
    m_otp->setMaxLength(12);
    m_otp->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_otp->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9A-Za-z]{0,12}")), m_otp));
    label->setBuddy(m_otp);
    layout->addWidget(m_otp);
    m_expiry = new QLabel(card);
    m_expiry->setObjectName(QStringLiteral("otpExpiry"));
    m_expiry->setProperty("messageKind", QStringLiteral(""));
    layout->addWidget(m_expiry);

    auto* buttons = new QHBoxLayout;
    m_back = makeButton(tr("Back"), QStringLiteral("otpBackButton"), false, card);
    m_resend = makeButton(tr("Resend"), QStringLiteral("otpResendButton"), false, card);
    m_next = makeButton(tr("Next"), QStringLiteral("otpNextButton"), true, card);
    m_next->setDefault(true);
    buttons->addWidget(m_back);
    buttons->addStretch(1);
    buttons->addWidget(m_resend);
    buttons->addWidget(m_next);
    layout->addLayout(buttons);

    connect(m_next, &QPushButton::clicked, this, &OtpPage::submit);
    connect(m_otp, &QLineEdit::returnPressed, this, &OtpPage::submit);
    connect(m_resend, &QPushButton::clicked, this, &OtpPage::resend);
    connect(m_back, &QPushButton::clicked, this, [this] {
        m_timer.stop();
        emit backToLogin();
    });
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &OtpPage::tick);
    setTabOrder(m_otp, m_next);
    setTabOrder(m_next, m_resend);
    setTabOrder(m_resend, m_back);
}

void OtpPage::start(const OtpChallenge& challenge)
{
    m_challenge = challenge;
    m_resendAllowedAt = QDateTime::currentDateTimeUtc().addSecs(challenge.resendAfterSeconds);
    m_otp->clear();
    m_otp->setEnabled(true);
    m_next->setEnabled(true);
    m_error->hide();
    m_info->hide();
    m_timer.start();
    tick();
    m_otp->setFocus();
}

void OtpPage::tick()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // The server counts whole seconds: a code stays valid through its last second.
    const qint64 leftMs = m_challenge.expiresAt.isValid() ? now.msecsTo(m_challenge.expiresAt) + 1000 : 0;
    const qint64 left = std::max<qint64>(0, leftMs / 1000);
    if (m_challenge.expiresAt.isValid() && leftMs <= 0) {
        m_expiry->setText(tr("The one-time password has expired. Click [Resend] to receive a new one."));
        setMessageKind(m_expiry, QStringLiteral("error"));
    } else if (m_challenge.expiresAt.isValid()) {
        m_expiry->setText(tr("Valid until %1 (%2:%3 left)")
                              .arg(QLocale().toString(m_challenge.expiresAt.toLocalTime().time(), QLocale::ShortFormat))
                              .arg(left / 60)
                              .arg(left % 60, 2, 10, QLatin1Char('0')));
        setMessageKind(m_expiry, QString());
    }
    const qint64 wait = now.secsTo(m_resendAllowedAt);
    m_resend->setEnabled(wait <= 0);
    m_resend->setText(wait > 0 ? tr("Resend (%1 s)").arg(wait) : tr("Resend"));
}

void OtpPage::submit()
{
    if (!m_next->isEnabled())
        return;
    const QString otp = m_otp->text().trimmed();
    if (otp.isEmpty()) {
        showError(m_error, makeError(ErrorCode::OtpInvalid));
        m_otp->setFocus();
        return;
    }
    m_next->setEnabled(false);
    m_error->hide();
    whenReady(this, m_accounts->verifyOtp(otp), [this](const Result<UserProfile>& result) {
        m_next->setEnabled(true);
        if (!result.ok()) {
            showError(m_error, result.error());
            m_otp->selectAll();
            m_otp->setFocus();
            if (result.error().code == ErrorCode::OtpTooManyAttempts)
                m_next->setEnabled(false); // a fresh code is needed: only [Resend] or [Back] help now
            return;
        }
        m_timer.stop();
        m_otp->clear();
        emit verified(result.value());
    });
}

void OtpPage::resend()
{
    m_resend->setEnabled(false);
    whenReady(this, m_accounts->resendOtp(), [this](const Result<OtpChallenge>& result) {
        if (!result.ok()) {
            showError(m_error, result.error());
            tick();
            return;
        }
        start(result.value());
        showMessage(m_info, tr("A new one-time password has been sent."));
    });
}

} // namespace ikkatsu::ui
