// 署名用証明書セットアップ: the first-login wizard of the manual's chapter 2, page by page.
#pragma once

#include "services/AccountService.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace ikkatsu {
class PrivateKey;
class Settings;
} // namespace ikkatsu

namespace ikkatsu::ui {

class PinConfirmationEdit;

class CertificateSetupWizard : public QWidget
{
    Q_OBJECT

public:
    enum Step { ChoiceStep, UserInfoStep, WaitingStep, PinStep, DoneStep };
    Q_ENUM(Step)

    CertificateSetupWizard(AccountService* accounts, Settings* settings, QWidget* parent = nullptr);
    ~CertificateSetupWizard() override;

    void start(const UserProfile& user);
    Step currentStep() const;
    QString keyStoreFile() const;

signals:
    // The setup is over: `signing` false when the user chose 電子署名を行わない.
    void finished(bool signing);
    void stepChanged(ikkatsu::ui::CertificateSetupWizard::Step step);

private:
    QWidget* buildChoicePage();
    QWidget* buildUserInfoPage();
    QWidget* buildWaitingPage();
    QWidget* buildPinPage();
    QWidget* buildDonePage();
    void goTo(Step step);
    void choose();
    void requestCertificate();
    void showCertificate();
    void registerPin();
    void setWaitingStage(int stage);

    AccountService* m_accounts;
    Settings* m_settings;
    UserProfile m_user;
    std::shared_ptr<PrivateKey> m_key;
    CertificateDetails m_certificate;
    bool m_haveCertificate = false;

    QStackedWidget* m_pages = nullptr;
    QRadioButton* m_sign = nullptr;
    QRadioButton* m_noSign = nullptr;
    QPushButton* m_choiceNext = nullptr;
    QLabel* m_choiceError = nullptr;
    QList<QLabel*> m_userValues; // on the user info page
    QList<QLabel*> m_pinUserValues; // on the STEP2 page
    QList<QLabel*> m_certificateValues;
    QProgressBar* m_progress = nullptr;
    QList<QLabel*> m_stages;
    QLabel* m_waitingError = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_waitingBack = nullptr;
    QLineEdit* m_newPin = nullptr;
    PinConfirmationEdit* m_confirmPin;
    QLabel* m_pinError = nullptr;
    QLabel* m_pasteRefused = nullptr;
    QPushButton* m_register = nullptr;
    QPushButton* m_pinBack = nullptr;
};

} // namespace ikkatsu::ui
