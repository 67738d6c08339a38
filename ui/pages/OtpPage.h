// ワンタイムパスワード: the code from the mail, [次へ], resend; expiry and wrong-try messages.
#pragma once

#include "services/AccountService.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ikkatsu::ui {

class OtpPage : public QWidget
{
    Q_OBJECT

public:
    explicit OtpPage(AccountService* accounts, QWidget* parent = nullptr);

    void start(const OtpChallenge& challenge);

signals:
    void verified(const ikkatsu::ui::UserProfile& user);
    void backToLogin();

private:
    void submit();
    void resend();
    void tick();

    AccountService* m_accounts;
    OtpChallenge m_challenge;
    QDateTime m_resendAllowedAt;
    QTimer m_timer;
    QLineEdit* m_otp = nullptr;
    QPushButton* m_next = nullptr;
    QPushButton* m_resend = nullptr;
    QPushButton* m_back = nullptr;
    QLabel* m_expiry = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_info = nullptr;
};

} // namespace ikkatsu::ui
