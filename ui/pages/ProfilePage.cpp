// 本人情報: certificate details come from the local key store (readable without the PIN); the PIN change
// re-encrypts it on a worker thread (600,000 PBKDF2 iterations take about a second).
#include "ProfilePage.h"

#include "Async.h"
#include "Style.h"
#include "crypto/KeyStore.h"
#include "setup/NewPin.h"
#include "setup/PinConfirmationEdit.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace ikkatsu::ui {

namespace {

QLineEdit* secretEdit(const QString& objectName, int maxLength, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(maxLength);
    edit->setMinimumWidth(240);
    return edit;
}

QLabel* resultLabel(const QString& objectName, QWidget* parent)
{
    QLabel* label = makeErrorLabel(objectName, parent);
    return label;
}

void showOutcome(QLabel* label, const Status& status, const QString& success)
{
    setMessageKind(label, status.ok() ? QStringLiteral("info") : QStringLiteral("error"));
    showMessage(label, status.ok() ? success : errorText(status.error()));
}

} // namespace

ProfilePage::ProfilePage(AccountService* accounts, QWidget* parent)
    : QWidget(parent)
    , m_accounts(accounts)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("pageScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(scroll);
    content->setObjectName(QStringLiteral("pageContent"));
    scroll->setWidget(content);
    outer->addWidget(scroll);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(makePageTitle(tr("My information"), content));

    auto* columns = new QHBoxLayout;
    columns->setSpacing(20);
    auto* left = new QVBoxLayout;
    left->addWidget(makeSectionTitle(tr("User information"), content));
    left->addWidget(makeInfoTable({tr("User ID"), tr("User name"), tr("Company name"), tr("Name in roman letters"),
                                      tr("Company name in roman letters"), tr("Mail address"), tr("Login expiry")},
        &m_userValues, QStringLiteral("profileUserValue"), content));
    left->addStretch(1);
    auto* right = new QVBoxLayout;
    right->addWidget(makeSectionTitle(tr("Signing certificate information"), content));
    m_noCertificate = new QLabel(tr("No signing certificate is set up on this computer."), content);
    m_noCertificate->setObjectName(QStringLiteral("noCertificateLabel"));
    m_noCertificate->setProperty("messageKind", QStringLiteral("empty"));
    m_noCertificate->setWordWrap(true);
    right->addWidget(m_noCertificate);
    // Someone who chose 電子署名を行わない (or lost this computer's key store) can set a certificate up later.
    m_setupCertificate
        = makeButton(tr("Signing certificate setup"), QStringLiteral("setupCertificateButton"), true, content);
    m_setupCertificate->hide();
    right->addWidget(m_setupCertificate, 0, Qt::AlignLeft);
    connect(m_setupCertificate, &QPushButton::clicked, this, &ProfilePage::certificateSetupRequested);
    right->addWidget(
        makeInfoTable({tr("Certificate serial number"), tr("CN: Subject"), tr("OU: Subject company"),
                          tr("OU: Service name"), tr("O: Service provider"), tr("C: Country"), tr("Valid until")},
            &m_certificateValues, QStringLiteral("profileCertificateValue"), content));
    right->addStretch(1);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    layout->addLayout(columns);

    auto* changes = new QHBoxLayout;
    changes->setSpacing(20);
    auto* passwordBox = new QGroupBox(tr("Change password"), content);
    auto* passwordForm = new QFormLayout(passwordBox);
    m_currentPassword = secretEdit(QStringLiteral("currentPasswordEdit"), 128, passwordBox);
    m_newPassword = secretEdit(QStringLiteral("newPasswordEdit"), 128, passwordBox);
    m_newPasswordConfirm = secretEdit(QStringLiteral("newPasswordConfirmEdit"), 128, passwordBox);
    passwordForm->addRow(tr("Current password"), m_currentPassword);
    passwordForm->addRow(tr("New password"), m_newPassword);
    passwordForm->addRow(tr("Confirm the new password"), m_newPasswordConfirm);
    m_changePassword = makeButton(tr("Change password"), QStringLiteral("changePasswordButton"), true, passwordBox);
    passwordForm->addRow(QString(), m_changePassword);
    m_passwordResult = resultLabel(QStringLiteral("passwordResult"), passwordBox);
    passwordForm->addRow(m_passwordResult);

    auto* pinBox = new QGroupBox(tr("Change signing PIN"), content);
    auto* pinForm = new QFormLayout(pinBox);
    m_currentPin = secretEdit(QStringLiteral("currentPinEdit"), 20, pinBox);
    m_newPin = secretEdit(QStringLiteral("changeNewPinEdit"), 20, pinBox);
    m_newPinConfirm = new PinConfirmationEdit(pinBox);
    m_newPinConfirm->setObjectName(QStringLiteral("changeConfirmPinEdit"));
    m_newPinConfirm->setMaxLength(20);
    pinForm->addRow(tr("Current signing PIN"), m_currentPin);
    pinForm->addRow(tr("New signing PIN"), m_newPin);
    pinForm->addRow(tr("Confirm the new signing PIN"), m_newPinConfirm);
    pinForm->addRow(makeHint(tr("* Enter the signing PIN with 6 to 20 half-width letters and digits."), pinBox));
    m_changePin = makeButton(tr("Change signing PIN"), QStringLiteral("changePinButton"), true, pinBox);
    pinForm->addRow(QString(), m_changePin);
    m_pinResult = resultLabel(QStringLiteral("pinChangeResult"), pinBox);
    pinForm->addRow(m_pinResult);
    changes->addWidget(passwordBox, 1);
    changes->addWidget(pinBox, 1);
    layout->addLayout(changes);
    layout->addStretch(1);

    connect(m_changePassword, &QPushButton::clicked, this, &ProfilePage::changePassword);
    connect(m_changePin, &QPushButton::clicked, this, &ProfilePage::changePin);
    setTabOrder(m_currentPassword, m_newPassword);
    setTabOrder(m_newPassword, m_newPasswordConfirm);
    setTabOrder(m_newPasswordConfirm, m_changePassword);
    setTabOrder(m_changePassword, m_currentPin);
    setTabOrder(m_currentPin, m_newPin);
    setTabOrder(m_newPin, m_newPinConfirm);
    setTabOrder(m_newPinConfirm, m_changePin);
}

void ProfilePage::setUser(const UserProfile& user, const QString& keyStorePath)
{
    m_keyStorePath = keyStorePath;
    m_maySign = user.maySign;
    const QStringList values {user.userId, user.userName, user.company, user.nameRoman, user.companyRoman, user.email,
        user.loginExpiresAt.isValid() ? user.loginExpiresAt.toLocalTime().toString(QStringLiteral("yyyy/MM/dd HH:mm"))
                                      : QString()};
    for (int i = 0; i < values.size(); ++i)
        m_userValues[i]->setText(values[i]);
    m_passwordResult->hide();
    m_pinResult->hide();
    showCertificate();
}

void ProfilePage::showCertificate()
{
    for (QLabel* value : std::as_const(m_certificateValues))
        value->clear();
    auto chain = KeyStore::readCertificates(m_keyStorePath);
    const bool have = chain.ok() && !chain->isEmpty();
    m_noCertificate->setText(tr("No signing certificate is set up on this computer."));
    m_noCertificate->setVisible(!have);
    m_setupCertificate->setVisible(!have && m_maySign);
    m_changePin->setEnabled(have);
    if (!have) {
        if (!chain.ok() && chain.error().code != ErrorCode::KeyStoreMissing)
            m_noCertificate->setText(errorText(chain.error()));
        return;
    }
    const Certificate& certificate = chain->front();
    const SubjectName subject = certificate.subject();
    const QStringList values {certificate.serialNumberHex(), subject.commonName, subject.companyUnit,
        subject.serviceUnit, subject.organization, subject.country,
        certificate.notAfter().toLocalTime().toString(QStringLiteral("yyyy/MM/dd HH:mm:ss"))};
    for (int i = 0; i < values.size(); ++i)
        m_certificateValues[i]->setText(values[i]);
}

void ProfilePage::reset()
{
    for (QLineEdit* edit : {m_currentPassword, m_newPassword, m_newPasswordConfirm, m_currentPin, m_newPin,
             static_cast<QLineEdit*>(m_newPinConfirm)})
        edit->clear();
    for (QLabel* value : std::as_const(m_userValues))
        value->clear();
    for (QLabel* value : std::as_const(m_certificateValues))
        value->clear();
    m_passwordResult->hide();
    m_pinResult->hide();
    m_setupCertificate->hide();
    m_maySign = false;
    m_keyStorePath.clear();
}

void ProfilePage::changePassword()
{
    if (m_newPassword->text() != m_newPasswordConfirm->text()) {
        showOutcome(m_passwordResult, makeError(ErrorCode::PasswordPolicy), {});
        m_newPasswordConfirm->clear();
        m_newPasswordConfirm->setFocus();
        return;
    }
    m_changePassword->setEnabled(false);
    QString current = m_currentPassword->text();
    QString next = m_newPassword->text();
    auto future = m_accounts->changePassword(current, next);
    wipeString(current);
    wipeString(next);
    m_currentPassword->clear();
    m_newPassword->clear();
    m_newPasswordConfirm->clear();
    whenReady(this, future, [this](const Status& status) {
        m_changePassword->setEnabled(true);
        showOutcome(m_passwordResult, status, tr("Your password has been changed."));
        if (status.ok())
            emit passwordChanged();
        else
            emit failed(status.error());
    });
}

void ProfilePage::changePin()
{
    QString current = m_currentPin->text();
    QString next = m_newPin->text();
    QString confirmation = m_newPinConfirm->text();
    auto newPin = acceptNewPin(next, confirmation);
    SecureBuffer oldPin = SecureBuffer::fromString(current);
    wipeString(current);
    wipeString(next);
    wipeString(confirmation);
    m_currentPin->clear();
    m_newPin->clear();
    m_newPinConfirm->clear();
    if (!newPin.ok()) {
        showOutcome(m_pinResult, newPin.error(), {});
        m_newPin->setFocus();
        return;
    }
    m_changePin->setEnabled(false);
    const QString path = m_keyStorePath;
    auto changing = QtConcurrent::run([path, oldPin = std::move(oldPin), pin = std::move(newPin).value()] {
        return KeyStore::changePin(path, oldPin, pin);
    });
    whenReady(this, changing, [this](const Status& status) {
        m_changePin->setEnabled(true);
        showOutcome(m_pinResult, status, tr("Your signing PIN has been changed."));
        if (status.ok())
            emit pinChanged();
    });
}

} // namespace ikkatsu::ui
