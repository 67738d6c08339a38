// 本人情報: the user's data, the signing certificate from the local key store, change password, change PIN.
#pragma once

#include "services/AccountService.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ikkatsu::ui {

class PinConfirmationEdit;

class ProfilePage : public QWidget
{
    Q_OBJECT

public:
    ProfilePage(AccountService* accounts, QWidget* parent = nullptr);

    void setUser(const UserProfile& user, const QString& keyStorePath);

signals:
    void passwordChanged();
    void pinChanged();

private:
    void changePassword();
    void changePin();
    void showCertificate();

    AccountService* m_accounts;
    QString m_keyStorePath;
    QList<QLabel*> m_userValues;
    QList<QLabel*> m_certificateValues;
    QLabel* m_noCertificate;
    QLineEdit* m_currentPassword;
    QLineEdit* m_newPassword;
    QLineEdit* m_newPasswordConfirm;
    QPushButton* m_changePassword;
    QLabel* m_passwordResult;
    QLineEdit* m_currentPin;
    QLineEdit* m_newPin;
    PinConfirmationEdit* m_newPinConfirm;
    QPushButton* m_changePin;
    QLabel* m_pinResult;
};

} // namespace ikkatsu::ui
