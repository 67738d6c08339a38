// 本人情報: the user's data, the signing certificate from the local key store, the 印影, change password, change PIN.
#pragma once

#include "services/AccountService.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ikkatsu::ui {

class PinConfirmationEdit;
class SealPreview;

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
    // The server stored new 印影 settings (the next batch signs with them).
    void sealSaved(const ikkatsu::api::SealSettings& settings);
    // A server refusal, so that an ended session can take the user back to ログイン.
    void failed(const ikkatsu::Error& error);

private:
    void changePassword();
    void changePin();
    void showCertificate();
    void loadSeal();
    void showSeal(const api::SealSettingsReply& reply);
    api::SealSettings sealFromForm() const;
    void updateSealPreview();
    void saveSeal();

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
    QString m_userName;
    QString m_company;
    QComboBox* m_sealStyle = nullptr;
    QLineEdit* m_sealText = nullptr;
    QLineEdit* m_sealCompany = nullptr;
    QComboBox* m_sealPage = nullptr;
    QComboBox* m_sealCorner = nullptr;
    SealPreview* m_sealPreview = nullptr;
    QPushButton* m_saveSeal = nullptr;
    QLabel* m_sealResult = nullptr;
};

} // namespace ikkatsu::ui
