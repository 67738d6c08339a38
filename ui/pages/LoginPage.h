// ログイン: server URL (from policy or settings), user ID (remembered) and password; errors shown with their code.
#pragma once

#include "services/AccountService.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ikkatsu {
class Settings;
}

namespace ikkatsu::ui {

class LoginPage : public QWidget
{
    Q_OBJECT

public:
    LoginPage(AccountService* accounts, Settings* settings, QWidget* parent = nullptr);

    // Refills the fields from the settings and clears the password (after logout or session expiry).
    void reset(const QString& message = {});
    QString userId() const;

signals:
    // The server accepted ID and password and mailed a one-time password.
    void challenged(const ikkatsu::ui::OtpChallenge& challenge);

private:
    void submit();
    void setBusy(bool busy);

    AccountService* m_accounts;
    Settings* m_settings;
    QLineEdit* m_serverUrl = nullptr;
    QLineEdit* m_userId = nullptr;
    QLineEdit* m_password = nullptr;
    QPushButton* m_login = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace ikkatsu::ui
