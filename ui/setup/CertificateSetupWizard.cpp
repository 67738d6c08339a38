// The certificate setup wizard: the key pair is made here, only the CSR goes to the server, and the key
// lands in the PIN-protected key store once the user has chosen the PIN.
#include "CertificateSetupWizard.h"

#include "Async.h"
#include "KeyStoreLocation.h"
#include "NewPin.h"
#include "PinConfirmationEdit.h"
#include "Style.h"
#include "config/Settings.h"
#include "crypto/KeyStore.h"

#include <QButtonGroup>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace ikkatsu::ui {

namespace {

// A key generated off the GUI thread together with its CSR; shared so that the result type stays copyable.
struct KeyAndRequest
{
    std::shared_ptr<PrivateKey> key;
    QByteArray csrDer;
};

QLabel* stepTitle(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("stepTitle"));
    return label;
}

QVBoxLayout* pageLayout(QWidget* page)
{
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(48, 24, 48, 24);
    layout->setSpacing(14);
    return layout;
}

} // namespace

CertificateSetupWizard::CertificateSetupWizard(AccountService* accounts, Settings* settings, QWidget* parent)
    : QWidget(parent)
    , m_accounts(accounts)
    , m_settings(settings)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("setupPages"));
    layout->addWidget(m_pages);
    m_pages->addWidget(buildChoicePage());
    m_pages->addWidget(buildUserInfoPage());
    m_pages->addWidget(buildWaitingPage());
    m_pages->addWidget(buildPinPage());
    m_pages->addWidget(buildDonePage());
}

CertificateSetupWizard::~CertificateSetupWizard() = default;

QWidget* CertificateSetupWizard::buildChoicePage()
{
    auto* page = new QWidget(this);
    auto* layout = pageLayout(page);
    layout->addWidget(makePageTitle(tr("Signing certificate setup"), page));
    layout->addWidget(
        makeHint(tr("To sign electronically, a signing certificate and its PIN must be registered."), page));
    layout->addWidget(stepTitle(tr("Whether you sign electronically"), page));
    QFrame* card = makeCard(page);
    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(20, 16, 20, 16);
    m_sign = new QRadioButton(tr("Sign electronically"), card);
    m_sign->setObjectName(QStringLiteral("signChoiceYes"));
    m_noSign = new QRadioButton(tr("Do not sign electronically"), card);
    m_noSign->setObjectName(QStringLiteral("signChoiceNo"));
    auto* group = new QButtonGroup(card);
    group->addButton(m_sign);
    group->addButton(m_noSign);
    m_sign->setChecked(true);
    cardLayout->addWidget(m_sign);
    cardLayout->addWidget(m_noSign);
    layout->addWidget(card);
    m_choiceError = makeErrorLabel(QStringLiteral("choiceError"), page);
    layout->addWidget(m_choiceError);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_choiceNext = makeButton(tr("Next"), QStringLiteral("choiceNextButton"), true, page);
    buttons->addWidget(m_choiceNext);
    layout->addLayout(buttons);
    layout->addStretch(1);
    connect(m_choiceNext, &QPushButton::clicked, this, &CertificateSetupWizard::choose);
    return page;
}

QWidget* CertificateSetupWizard::buildUserInfoPage()
{
    auto* page = new QWidget(this);
    auto* layout = pageLayout(page);
    layout->addWidget(makePageTitle(tr("Signing certificate setup"), page));
    layout->addWidget(stepTitle(tr("Confirm your user information"), page));
    layout->addWidget(makeHint(tr("Check that your user information is correct and click [Next]."), page));
    layout->addWidget(makeInfoTable(
        {tr("User name"), tr("Company name"), tr("Name in roman letters"), tr("Company name in roman letters")},
        &m_userValues, QStringLiteral("userInfoValue"), page));
    layout->addWidget(
        makeHint(tr("* If anything is wrong, ask your administrator to change your user information."), page));
    auto* buttons = new QHBoxLayout;
    auto* back = makeButton(tr("Back"), QStringLiteral("userInfoBackButton"), false, page);
    auto* next = makeButton(tr("Next"), QStringLiteral("userInfoNextButton"), true, page);
    buttons->addWidget(back);
    buttons->addStretch(1);
    buttons->addWidget(next);
    layout->addLayout(buttons);
    layout->addStretch(1);
    connect(back, &QPushButton::clicked, this, [this] { goTo(ChoiceStep); });
    connect(next, &QPushButton::clicked, this, &CertificateSetupWizard::requestCertificate);
    return page;
}

QWidget* CertificateSetupWizard::buildWaitingPage()
{
    auto* page = new QWidget(this);
    auto* layout = pageLayout(page);
    layout->addWidget(makePageTitle(tr("Signing certificate setup"), page));
    layout->addWidget(stepTitle(tr("Issuing your signing certificate"), page));
    layout->addWidget(makeHint(tr("Please wait until the next screen appears. (Switching screens may take some "
                                  "time.)"),
        page));
    QFrame* card = makeCard(page);
    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(20, 16, 20, 16);
    m_progress = new QProgressBar(card);
    m_progress->setObjectName(QStringLiteral("setupProgress"));
    m_progress->setRange(0, 3);
    m_progress->setTextVisible(false);
    cardLayout->addWidget(m_progress);
    for (const QString& text : {tr("Generating your key pair on this computer"),
             tr("Sending the certificate signing request (your private key stays here)"),
             tr("Receiving your signing certificate")}) {
        auto* stage = new QLabel(text, card);
        stage->setObjectName(QStringLiteral("setupStage%1").arg(m_stages.size()));
        m_stages.append(stage);
        cardLayout->addWidget(stage);
    }
    layout->addWidget(card);
    m_waitingError = makeErrorLabel(QStringLiteral("setupError"), page);
    layout->addWidget(m_waitingError);
    auto* buttons = new QHBoxLayout;
    m_waitingBack = makeButton(tr("Back"), QStringLiteral("waitingBackButton"), false, page);
    m_retry = makeButton(tr("Try again"), QStringLiteral("waitingRetryButton"), true, page);
    buttons->addWidget(m_waitingBack);
    buttons->addStretch(1);
    buttons->addWidget(m_retry);
    layout->addLayout(buttons);
    layout->addStretch(1);
    connect(m_waitingBack, &QPushButton::clicked, this, [this] { goTo(UserInfoStep); });
    connect(m_retry, &QPushButton::clicked, this, &CertificateSetupWizard::requestCertificate);
    return page;
}

QWidget* CertificateSetupWizard::buildPinPage()
{
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("pinPageScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* page = new QWidget(scroll);
    page->setObjectName(QStringLiteral("pageContent"));
    scroll->setWidget(page);
    auto* layout = pageLayout(page);
    layout->setSpacing(10);
    layout->addWidget(stepTitle(tr("STEP2 Initial setting of the signing PIN"), page));
    layout->addWidget(makeHint(tr("A signing certificate has been issued with the content below. Check the "
                                  "\"Signing certificate information\"; if it is correct, enter the signing PIN and "
                                  "click the \"Register\" button. If anything is wrong, ask your administrator to "
                                  "change your user information."),
        page));

    auto* columns = new QHBoxLayout;
    columns->setSpacing(20);
    auto* left = new QVBoxLayout;
    left->addWidget(makeSectionTitle(tr("User information"), page));
    left->addWidget(makeInfoTable(
        {tr("User name"), tr("Company name"), tr("Name in roman letters"), tr("Company name in roman letters")},
        &m_pinUserValues, QStringLiteral("pinUserValue"), page));
    left->addSpacing(6);
    left->addWidget(makeSectionTitle(tr("Signing PIN entry"), page));
    left->addWidget(makeHint(tr("The signing PIN is a password that prevents a third party from signing "
                                "electronically in your place. Enter something only you know."),
        page));
    auto* form = new QFormLayout;
    m_newPin = new QLineEdit(page);
    m_newPin->setObjectName(QStringLiteral("newPinEdit"));
    m_newPin->setEchoMode(QLineEdit::Password);
    m_newPin->setMaxLength(20);
    m_confirmPin = new PinConfirmationEdit(page);
    m_confirmPin->setObjectName(QStringLiteral("confirmPinEdit"));
    m_confirmPin->setMaxLength(20);
    form->addRow(tr("New signing PIN"), m_newPin);
    form->addRow(tr("Confirm the new signing PIN"), m_confirmPin);
    left->addLayout(form);
    left->addWidget(makeHint(tr("* Enter the signing PIN with 6 to 20 half-width letters and digits."), page));
    m_pasteRefused = makeHint(tr("* You cannot paste into the confirmation field."), page);
    m_pasteRefused->setObjectName(QStringLiteral("pasteRefusedHint"));
    left->addWidget(m_pasteRefused);
    m_pinError = makeErrorLabel(QStringLiteral("pinError"), page);
    left->addWidget(m_pinError);
    left->addStretch(1);

    auto* right = new QVBoxLayout;
    right->addWidget(makeSectionTitle(tr("Signing certificate information"), page));
    right->addWidget(
        makeInfoTable({tr("Certificate serial number"), tr("CN: Subject"), tr("OU: Subject company"),
                          tr("OU: Service name"), tr("O: Service provider"), tr("C: Country"), tr("Valid until")},
            &m_certificateValues, QStringLiteral("certificateValue"), page));
    auto* important = new QLabel(tr("Important: the registered PIN is needed whenever you sign. Keep it safe and "
                                    "make sure no one else learns it."),
        page);
    important->setObjectName(QStringLiteral("importantNote"));
    important->setProperty("messageKind", QStringLiteral("empty"));
    important->setWordWrap(true);
    right->addWidget(important);
    right->addStretch(1);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    layout->addLayout(columns);

    auto* buttons = new QHBoxLayout;
    m_pinBack = makeButton(tr("Back"), QStringLiteral("pinBackButton"), false, page);
    m_register = makeButton(tr("Register"), QStringLiteral("registerButton"), true, page);
    buttons->addStretch(1);
    buttons->addWidget(m_register);
    buttons->addWidget(m_pinBack);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_register, &QPushButton::clicked, this, &CertificateSetupWizard::registerPin);
    connect(m_confirmPin, &QLineEdit::returnPressed, this, &CertificateSetupWizard::registerPin);
    connect(m_newPin, &QLineEdit::returnPressed, m_confirmPin, qOverload<>(&QWidget::setFocus));
    connect(m_pinBack, &QPushButton::clicked, this, [this] { goTo(UserInfoStep); });
    connect(m_confirmPin, &PinConfirmationEdit::pasteRefused, this,
        [this] { setMessageKind(m_pasteRefused, QStringLiteral("error")); });
    setTabOrder(m_newPin, m_confirmPin);
    setTabOrder(m_confirmPin, m_register);
    setTabOrder(m_register, m_pinBack);
    return scroll;
}

QWidget* CertificateSetupWizard::buildDonePage()
{
    auto* page = new QWidget(this);
    auto* layout = pageLayout(page);
    layout->addStretch(1);
    auto* icon = new QLabel(page);
    icon->setPixmap(QIcon(QStringLiteral(":/ikkatsu/icons/done.svg")).pixmap(56, 56));
    icon->setAlignment(Qt::AlignHCenter);
    layout->addWidget(icon);
    auto* title = makePageTitle(tr("Signing PIN registration complete"), page);
    title->setAlignment(Qt::AlignHCenter);
    layout->addWidget(title);
    auto* text = new QLabel(tr("The signing certificate setup is complete."), page);
    text->setAlignment(Qt::AlignHCenter);
    layout->addWidget(text);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto* next = makeButton(tr("Go to the next step"), QStringLiteral("nextProcessButton"), true, page);
    buttons->addWidget(next);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(2);
    connect(next, &QPushButton::clicked, this, [this] { emit finished(true); });
    return page;
}

void CertificateSetupWizard::start(const UserProfile& user)
{
    m_user = user;
    m_key.reset();
    m_haveCertificate = false;
    m_certificate = {};
    const QStringList values {user.userName, user.company, user.nameRoman, user.companyRoman};
    for (int i = 0; i < values.size(); ++i) {
        m_userValues[i]->setText(values[i]);
        m_pinUserValues[i]->setText(values[i]);
    }
    m_sign->setEnabled(user.maySign);
    m_sign->setChecked(user.maySign);
    m_noSign->setChecked(!user.maySign);
    m_choiceError->hide();
    // Nothing of an earlier run (another user's, before a logout) carries over: PIN fields, errors, the red hint.
    m_newPin->clear();
    m_confirmPin->clear();
    m_pinError->hide();
    m_waitingError->hide();
    setMessageKind(m_pasteRefused, QString());
    goTo(ChoiceStep);
}

CertificateSetupWizard::Step CertificateSetupWizard::currentStep() const
{
    return static_cast<Step>(m_pages->currentIndex());
}

QString CertificateSetupWizard::keyStoreFile() const
{
    return keyStorePath(*m_settings, m_user.userId);
}

void CertificateSetupWizard::goTo(Step step)
{
    m_pages->setCurrentIndex(step);
    switch (step) {
    case ChoiceStep:
        (m_sign->isChecked() ? m_sign : m_noSign)->setFocus();
        break;
    case UserInfoStep:
        m_pages->currentWidget()->findChild<QPushButton*>(QStringLiteral("userInfoNextButton"))->setFocus();
        break;
    case WaitingStep:
        break;
    case PinStep:
        m_newPin->setFocus();
        break;
    case DoneStep:
        m_pages->currentWidget()->findChild<QPushButton*>(QStringLiteral("nextProcessButton"))->setFocus();
        break;
    }
    emit stepChanged(step);
}

void CertificateSetupWizard::choose()
{
    if (m_sign->isChecked()) {
        goTo(UserInfoStep);
        return;
    }
    // 電子署名を行わない: recorded on the server, then straight to My Page.
    m_choiceNext->setEnabled(false);
    whenReady(this, m_accounts->setupCertificate(false, {}), [this](const Result<CertificateDetails>& result) {
        m_choiceNext->setEnabled(true);
        if (!result.ok()) {
            showError(m_choiceError, result.error());
            return;
        }
        emit finished(false);
    });
}

void CertificateSetupWizard::setWaitingStage(int stage)
{
    m_progress->setValue(stage);
    for (int i = 0; i < m_stages.size(); ++i) {
        const QString mark = i < stage ? QStringLiteral("✔ ")
            : i == stage               ? QStringLiteral("▶ ")
                                       : QStringLiteral("・ ");
        QString text = m_stages[i]->text();
        if (text.size() > 2
            && (text.startsWith(QStringLiteral("✔ ")) || text.startsWith(QStringLiteral("▶ "))
                || text.startsWith(QStringLiteral("・ "))))
            text = text.mid(2);
        m_stages[i]->setText(mark + text);
    }
}

void CertificateSetupWizard::requestCertificate()
{
    // Going back from STEP2 and forward again must not ask the CA for a second certificate.
    if (m_haveCertificate) {
        goTo(PinStep);
        return;
    }
    goTo(WaitingStep);
    m_waitingError->hide();
    m_retry->hide();
    m_waitingBack->setEnabled(false);
    setWaitingStage(0);
    SubjectName subject;
    subject.commonName = m_user.nameRoman;
    subject.companyUnit = m_user.companyRoman;
    auto generate = QtConcurrent::run([subject]() -> Result<KeyAndRequest> {
        auto key = PrivateKey::generate(KeyAlgorithm::Rsa2048);
        IKK_TRY(key);
        auto shared = std::make_shared<PrivateKey>(std::move(key).value());
        auto csr = createCertificateRequest(*shared, subject);
        IKK_TRY(csr);
        return KeyAndRequest {shared, csr.value()};
    });
    auto fail = [this](const Error& error) {
        showError(m_waitingError, error);
        m_retry->show();
        m_waitingBack->setEnabled(true);
        m_retry->setFocus();
    };
    whenReady(this, generate, [this, fail](const Result<KeyAndRequest>& generated) {
        if (!generated.ok())
            return fail(generated.error());
        m_key = generated->key;
        setWaitingStage(1);
        whenReady(this, m_accounts->setupCertificate(true, generated->csrDer),
            [this, fail](const Result<CertificateDetails>& issued) {
                if (!issued.ok())
                    return fail(issued.error());
                setWaitingStage(2);
                auto certificate = Certificate::fromDer(issued->certificateDer);
                if (!certificate.ok())
                    return fail(certificate.error());
                if (!certificate->matchesKey(*m_key))
                    return fail(makeError(ErrorCode::CertificateMismatch));
                setWaitingStage(3);
                m_certificate = issued.value();
                m_haveCertificate = true;
                m_waitingBack->setEnabled(true);
                showCertificate();
                goTo(PinStep);
            });
    });
}

void CertificateSetupWizard::showCertificate()
{
    const SubjectName& subject = m_certificate.subject;
    const QStringList values {m_certificate.serialNumber, subject.commonName, subject.companyUnit, subject.serviceUnit,
        subject.organization, subject.country,
        QLocale().toString(m_certificate.notAfter.toLocalTime(), QStringLiteral("yyyy/MM/dd HH:mm:ss"))};
    for (int i = 0; i < values.size(); ++i)
        m_certificateValues[i]->setText(values[i]);
    m_newPin->clear();
    m_confirmPin->clear();
    m_pinError->hide();
}

void CertificateSetupWizard::registerPin()
{
    if (!m_register->isEnabled())
        return;
    QString pinText = m_newPin->text();
    QString confirmation = m_confirmPin->text();
    auto pin = acceptNewPin(pinText, confirmation);
    wipeString(pinText);
    wipeString(confirmation);
    if (!pin.ok()) {
        showError(m_pinError, pin.error());
        m_confirmPin->clear();
        (pin.error().code == ErrorCode::PinMismatch ? m_confirmPin : static_cast<QLineEdit*>(m_newPin))->setFocus();
        return;
    }
    m_pinError->hide();
    m_register->setEnabled(false);
    m_pinBack->setEnabled(false);
    const QString path = keyStoreFile();
    auto key = m_key;
    const CertificateDetails issued = m_certificate;
    auto store = QtConcurrent::run([path, key, issued, pin = std::move(pin).value()]() -> Status {
        auto certificate = Certificate::fromDer(issued.certificateDer);
        IKK_TRY(certificate);
        QList<Certificate> chain {certificate.value()};
        if (!issued.caCertificateDer.isEmpty()) {
            auto ca = Certificate::fromDer(issued.caCertificateDer);
            IKK_TRY(ca);
            chain.append(ca.value());
        }
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return makeError(ErrorCode::KeyStoreWriteFailed, QFileInfo(path).absolutePath());
        // A key store from an earlier setup belongs to a superseded certificate; keep it aside, never delete a key.
        if (QFileInfo::exists(path)) {
            const QString aside = path + QStringLiteral(".")
                + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss")) + QStringLiteral(".old");
            if (!QFile::rename(path, aside))
                return makeError(ErrorCode::KeyStoreWriteFailed, path);
        }
        return KeyStore::create(path, *key, chain, pin);
    });
    whenReady(this, store, [this](const Status& stored) {
        m_register->setEnabled(true);
        m_pinBack->setEnabled(true);
        m_newPin->clear();
        m_confirmPin->clear();
        if (!stored.ok()) {
            showError(m_pinError, stored.error());
            return;
        }
        m_key.reset(); // the key now lives only in the encrypted key store
        goTo(DoneStep);
    });
}

} // namespace ikkatsu::ui
