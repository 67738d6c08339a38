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
    // Forgets everything typed and every message (after a logout).
    void reset();

signals:
    // 署名用証明書セットアップ asked for later, by a user without a signing certificate on this computer.
    void certificateSetupRequested();
    void passwordChanged();
    void pinChanged();
    // A server refusal, so that an ended session can take the user back to ログイン.
    void failed(const ikkatsu::Error& error);

private:
    void changePassword();
    void changePin();
    void showCertificate();

    AccountService* m_accounts;
    QString m_keyStorePath;
    QList<QLabel*> m_userValues;
    QList<QLabel*> m_certificateValues;
    QLabel* m_noCertificate = nullptr;
    QPushButton* m_setupCertificate = nullptr;
    bool m_maySign = false;
    QLineEdit* m_currentPassword = nullptr;
    QLineEdit* m_newPassword = nullptr;
    QLineEdit* m_newPasswordConfirm = nullptr;
    QPushButton* m_changePassword = nullptr;
    QLabel* m_passwordResult = nullptr;
    QLineEdit* m_currentPin = nullptr;
    QLineEdit* m_newPin = nullptr;
    PinConfirmationEdit* m_newPinConfirm;
    QPushButton* m_changePin = nullptr;
    QLabel* m_pinResult = nullptr;
};

} // namespace ikkatsu::ui
