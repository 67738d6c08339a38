// 本人情報: certificate details come from the local key store (readable without the PIN); the PIN change
// re-encrypts it on a worker thread (600,000 PBKDF2 iterations take about a second). The 印影 settings live on the
// server; the preview is drawn by the same code that draws the seal into the PDF.
#include "ProfilePage.h"

#include "Async.h"
#include "SealPreview.h"
#include "Style.h"
#include "crypto/KeyStore.h"
#include "setup/NewPin.h"
#include "setup/PinConfirmationEdit.h"
#include "signing/UserSeal.h"

#include <QComboBox>
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

    // 印影: what the user's signatures show on the page, and where (when the sender placed no field for them).
    auto* sealBox = new QGroupBox(tr("Seal"), content);
    sealBox->setObjectName(QStringLiteral("sealBox"));
    auto* sealRow = new QHBoxLayout(sealBox);
    auto* sealForm = new QFormLayout;
    m_sealStyle = new QComboBox(sealBox);
    m_sealStyle->setObjectName(QStringLiteral("sealStyleCombo"));
    m_sealStyle->addItem(tr("None (invisible signature)"), QStringLiteral("none"));
    m_sealStyle->addItem(tr("Round seal (family name)"), QStringLiteral("round"));
    m_sealStyle->addItem(tr("Date seal (company, date, name)"), QStringLiteral("date"));
    m_sealStyle->addItem(tr("Square seal (company name)"), QStringLiteral("square"));
    m_sealStyle->addItem(tr("Text box (name, date and time)"), QStringLiteral("text"));
    m_sealText = new QLineEdit(sealBox);
    m_sealText->setObjectName(QStringLiteral("sealTextEdit"));
    m_sealText->setMaxLength(pdf::SealAppearance::kMaxTextCharacters);
    m_sealCompany = new QLineEdit(sealBox);
    m_sealCompany->setObjectName(QStringLiteral("sealCompanyEdit"));
    m_sealCompany->setMaxLength(pdf::SealAppearance::kMaxTextCharacters);
    m_sealPage = new QComboBox(sealBox);
    m_sealPage->setObjectName(QStringLiteral("sealPageCombo"));
    m_sealPage->addItem(tr("Last page"), QStringLiteral("last"));
    m_sealPage->addItem(tr("First page"), QStringLiteral("first"));
    m_sealCorner = new QComboBox(sealBox);
    m_sealCorner->setObjectName(QStringLiteral("sealCornerCombo"));
    m_sealCorner->addItem(tr("Bottom right"), QStringLiteral("bottom-right"));
    m_sealCorner->addItem(tr("Bottom left"), QStringLiteral("bottom-left"));
    m_sealCorner->addItem(tr("Top right"), QStringLiteral("top-right"));
    m_sealCorner->addItem(tr("Top left"), QStringLiteral("top-left"));
    sealForm->addRow(tr("Seal style"), m_sealStyle);
    sealForm->addRow(tr("Name on the seal"), m_sealText);
    sealForm->addRow(tr("Company on the seal"), m_sealCompany);
    sealForm->addRow(tr("Page"), m_sealPage);
    sealForm->addRow(tr("Position"), m_sealCorner);
    sealForm->addRow(makeHint(tr("* A round seal holds 1 to 4 characters. Empty fields use your user name and "
                                 "company name. When the sender placed a signature field for you, your seal goes "
                                 "there instead of the page and position chosen here."),
        sealBox));
    m_saveSeal = makeButton(tr("Save seal settings"), QStringLiteral("saveSealButton"), true, sealBox);
    sealForm->addRow(QString(), m_saveSeal);
    m_sealResult = resultLabel(QStringLiteral("sealResult"), sealBox);
    sealForm->addRow(m_sealResult);
    sealRow->addLayout(sealForm, 1);
    auto* previewColumn = new QVBoxLayout;
    previewColumn->addWidget(new QLabel(tr("Preview"), sealBox));
    m_sealPreview = new SealPreview(sealBox);
    previewColumn->addWidget(m_sealPreview);
    previewColumn->addStretch(1);
    sealRow->addLayout(previewColumn);
    layout->addWidget(sealBox);
    for (QComboBox* combo : {m_sealStyle, m_sealPage, m_sealCorner})
        connect(combo, &QComboBox::currentIndexChanged, this, &ProfilePage::updateSealPreview);
    for (QLineEdit* edit : {m_sealText, m_sealCompany})
        connect(edit, &QLineEdit::textChanged, this, &ProfilePage::updateSealPreview);
    connect(m_saveSeal, &QPushButton::clicked, this, &ProfilePage::saveSeal);

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
    m_userName = user.userName;
    m_company = user.company;
    loadSeal();
}

void ProfilePage::loadSeal()
{
    m_sealResult->hide();
    m_saveSeal->setEnabled(false);
    if (!m_accounts) { // no server side (a page shown on its own): the form stays as it is, unsaved
        updateSealPreview();
        return;
    }
    whenReady(this, m_accounts->sealSettings(), [this](const Result<api::SealSettingsReply>& reply) {
        if (!reply.ok()) {
            showOutcome(m_sealResult, reply.error(), {});
            m_sealPreview->setSeal(nullptr, errorText(reply.error()));
            if (reply.error().code != ErrorCode::SessionMissing)
                emit failed(reply.error());
            return;
        }
        m_saveSeal->setEnabled(true);
        showSeal(*reply);
    });
}

void ProfilePage::showSeal(const api::SealSettingsReply& reply)
{
    const QSignalBlocker styleBlocker(m_sealStyle);
    const QSignalBlocker textBlocker(m_sealText);
    const QSignalBlocker companyBlocker(m_sealCompany);
    const QSignalBlocker pageBlocker(m_sealPage);
    const QSignalBlocker cornerBlocker(m_sealCorner);
    m_sealStyle->setCurrentIndex(std::max(0, m_sealStyle->findData(reply.seal.style)));
    m_sealText->setText(reply.seal.text);
    m_sealText->setPlaceholderText(reply.defaultText.isEmpty() ? api::defaultSealText(m_userName) : reply.defaultText);
    m_sealCompany->setText(reply.seal.company);
    m_sealCompany->setPlaceholderText(reply.defaultCompany.isEmpty() ? m_company : reply.defaultCompany);
    m_sealPage->setCurrentIndex(std::max(0, m_sealPage->findData(reply.seal.page)));
    m_sealCorner->setCurrentIndex(std::max(0, m_sealCorner->findData(reply.seal.corner)));
    updateSealPreview();
}

api::SealSettings ProfilePage::sealFromForm() const
{
    api::SealSettings settings;
    settings.style = m_sealStyle->currentData().toString();
    settings.text = m_sealText->text().trimmed();
    settings.company = m_sealCompany->text().trimmed();
    settings.page = m_sealPage->currentData().toString();
    settings.corner = m_sealCorner->currentData().toString();
    return settings;
}

void ProfilePage::updateSealPreview()
{
    const api::SealSettings settings = sealFromForm();
    const bool visible = settings.style != QLatin1String("none");
    const bool usesCompany = settings.style == QLatin1String("date") || settings.style == QLatin1String("square");
    const bool usesName = settings.style != QLatin1String("square");
    m_sealText->setEnabled(visible && usesName);
    m_sealCompany->setEnabled(visible && usesCompany);
    m_sealPage->setEnabled(visible);
    m_sealCorner->setEnabled(visible);
    if (!visible) {
        m_sealPreview->setSeal(nullptr,
            tr("Your signature is invisible on the page (it shows in the signature panel "
               "of PDF viewers)."));
        return;
    }
    auto seal = buildSealAppearance(settings, m_userName, m_company, QDateTime::currentDateTimeUtc());
    if (!seal.ok()) {
        m_sealPreview->setSeal(nullptr, errorText(seal.error()));
        return;
    }
    m_sealPreview->setSeal(*seal);
}

void ProfilePage::saveSeal()
{
    const api::SealSettings settings = sealFromForm();
    // Refused here already when the seal cannot be drawn (the server checks the same rules again).
    if (settings.style != QLatin1String("none")) {
        auto seal = buildSealAppearance(settings, m_userName, m_company, QDateTime::currentDateTimeUtc());
        if (!seal.ok()) {
            showOutcome(m_sealResult, seal.error(), {});
            return;
        }
    }
    if (!m_accounts)
        return;
    m_saveSeal->setEnabled(false);
    whenReady(this, m_accounts->saveSealSettings(settings), [this](const Result<api::SealSettingsReply>& reply) {
        m_saveSeal->setEnabled(true);
        if (!reply.ok()) {
            showOutcome(m_sealResult, reply.error(), {});
            emit failed(reply.error());
            return;
        }
        showSeal(*reply);
        showOutcome(m_sealResult, Status(), tr("Your seal settings have been saved."));
        emit sealSaved(reply->seal);
    });
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
    m_sealResult->hide();
    m_sealText->clear();
    m_sealCompany->clear();
    m_sealStyle->setCurrentIndex(0);
    m_sealPreview->setSeal(nullptr);
    m_userName.clear();
    m_company.clear();
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
