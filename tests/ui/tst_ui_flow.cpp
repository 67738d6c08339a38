// The desktop app against a real ikkatsu-server on loopback (OTP read from the server's outbox): login errors with
// codes, lockout, wrong OTP, then login → OTP → certificate setup (PIN rules, paste refused) → My Page; and the
// "電子署名を行わない" path straight to My Page.
#include "HeldUploads.h"
#include "LoginSteps.h"
#include "MainWindow.h"
#include "ServerHarness.h"
#include "TestSupport.h"
#include "UiTestSupport.h"
#include "config/Language.h"
#include "config/Settings.h"
#include "crypto/KeyStore.h"
#include "pages/LoginPage.h"
#include "pages/MyPage.h"
#include "pages/NavigationBar.h"
#include "pages/OtpPage.h"
#include "pages/PasswordChangePage.h"
#include "services/LocalFolderFileSource.h"
#include "services/ServerAccountService.h"
#include "setup/CertificateSetupWizard.h"
#include "setup/PinConfirmationEdit.h"
#include "signing/BatchJournal.h"
#include "signing/BatchSignDialog.h"

#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::ui;
using test::TestServer;
using HeldSource = test::HeldUploads<LocalFolderFileSource>;
using test::TestUser;

class TestUiFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void wrongPasswordShowsCode();
    void unreachableServerShowsCode();
    void repeatedWrongPasswordsLockTheAccount();
    void wrongOtpShowsCode();
    void expiredOtpShowsMessageAndResendWorks();
    void loginOtpSetupReachesMyPage();
    void choosingNotToSignGoesStraightToMyPage();
    void firstLoginAsksForANewPassword();
    void batchSignWithIssuedCertificateCancelAndResume();

private:
    void typeLogin(const QString& userId, const QString& password);
    void reachOtp(const TestUser& user);
    void completeSetup(const TestUser& user, const QString& pin);
    template<typename T>
    T* find(const QString& name)
    {
        T* widget = m_window->findChild<T*>(name);
        if (!widget)
            qWarning("no widget %s", qPrintable(name));
        return widget;
    }

    TestServer m_server;
    QTemporaryDir m_home;
    QString m_adminToken;
    const QString m_adminEmail = QStringLiteral("admin@example.test");
    int m_userCount = 0;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ServerAccountService> m_accounts;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiFlow::initTestCase()
{
    QVERIFY(m_home.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(installTranslations(QStringLiteral("ja")), QStringLiteral("ja"));
    QVERIFY(m_server.initAdmin(QStringLiteral("admin"), QStringLiteral("admin-password-1"), m_adminEmail));
    QVERIFY(
        m_server.start({QStringLiteral("--require-password-change=false"), QStringLiteral("--lockout-threshold=3")}));
    m_adminToken = test::fullLogin(m_server, QStringLiteral("admin"), QStringLiteral("admin-password-1"), m_adminEmail);
    QVERIFY(!m_adminToken.isEmpty());
}

void TestUiFlow::init()
{
    const QString name = QString::fromLatin1(QTest::currentTestFunction());
    QVERIFY(QDir(m_home.path()).mkpath(name + QStringLiteral("/keys")));
    QVERIFY(QDir(m_home.path()).mkpath(name + QStringLiteral("/files/建築確認")));
    QVERIFY(test::writeSamplePdf(
        m_home.filePath(name + QStringLiteral("/files/建築確認/申請書.pdf")), QStringLiteral("申請書")));
    m_settings = std::make_unique<Settings>(QString(), m_home.filePath(name + QStringLiteral("/user.conf")));
    QVERIFY(m_settings->setValue(SettingKey::ServerUrl, m_server.baseUrl()).ok());
    QVERIFY(m_settings->setValue(SettingKey::KeyStoreDirectory, m_home.filePath(name + QStringLiteral("/keys"))).ok());
    m_accounts = std::make_unique<ServerAccountService>();
    const QString files = m_home.filePath(name + QStringLiteral("/files"));
    m_window = std::make_unique<MainWindow>(m_settings.get(), m_accounts.get(),
        [files](const UserProfile& user) { return std::make_unique<HeldSource>(files, user.nameRoman); });
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::Login);
    QVERIFY(m_window->navigationBar()->isHidden()); // no navigation before login
}

void TestUiFlow::cleanup()
{
    m_window.reset();
    m_accounts.reset();
    m_settings.reset();
}

void TestUiFlow::typeLogin(const QString& userId, const QString& password)
{
    auto* id = find<QLineEdit>(QStringLiteral("userIdEdit"));
    auto* secret = find<QLineEdit>(QStringLiteral("passwordEdit"));
    id->setFocus();
    id->clear();
    QTest::keyClicks(id, userId);
    QTest::keyClick(id, Qt::Key_Tab);
    QVERIFY(secret->hasFocus());
    QTest::keyClicks(secret, password);
    QTest::keyClick(secret, Qt::Key_Return);
}

void TestUiFlow::reachOtp(const TestUser& user)
{
    typeLogin(user.userId, user.password);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::Otp, 20000);
}

void TestUiFlow::completeSetup(const TestUser& user, const QString& pin)
{
    reachOtp(user);
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("otpEdit")), test::newestOtpFor(m_server, user.email));
    QTest::keyClick(find<QLineEdit>(QStringLiteral("otpEdit")), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::Setup, 20000);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("choiceNextButton")), Qt::LeftButton);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("userInfoNextButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->setupWizard()->currentStep(), CertificateSetupWizard::PinStep, 30000);
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("newPinEdit")), pin);
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("confirmPinEdit")), pin);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("registerButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->setupWizard()->currentStep(), CertificateSetupWizard::DoneStep, 30000);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("nextProcessButton")), Qt::LeftButton);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::MyPage);
}

void TestUiFlow::wrongPasswordShowsCode()
{
    const TestUser user = test::registerUser(
        m_server, m_adminToken, m_adminEmail, QStringLiteral("wrong%1@example.test").arg(++m_userCount));
    QVERIFY(!user.password.isEmpty());
    typeLogin(user.userId, QStringLiteral("not-the-password"));
    auto* error = find<QLabel>(QStringLiteral("loginError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 20000);
    QVERIFY2(error->text().startsWith(QStringLiteral("E1001 ")), qPrintable(error->text()));
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::Login);
    QCOMPARE(find<QLineEdit>(QStringLiteral("passwordEdit"))->text(), QString()); // never kept
    QCOMPARE(find<QLineEdit>(QStringLiteral("userIdEdit"))->text(), user.userId);
}

void TestUiFlow::unreachableServerShowsCode()
{
    auto* url = find<QLineEdit>(QStringLiteral("serverUrlEdit"));
    QVERIFY(!url->isReadOnly());
    url->setText(QStringLiteral("http://127.0.0.1:9"));
    typeLogin(QStringLiteral("someone"), QStringLiteral("password-1"));
    auto* error = find<QLabel>(QStringLiteral("loginError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 35000);
    QVERIFY2(error->text().startsWith(QStringLiteral("E5001 ")), qPrintable(error->text()));
}

void TestUiFlow::repeatedWrongPasswordsLockTheAccount()
{
    const TestUser user = test::registerUser(
        m_server, m_adminToken, m_adminEmail, QStringLiteral("lock%1@example.test").arg(++m_userCount));
    auto* error = find<QLabel>(QStringLiteral("loginError"));
    auto* button = find<QPushButton>(QStringLiteral("loginButton"));
    QString last;
    for (int attempt = 0; attempt < 4; ++attempt) {
        error->clear();
        typeLogin(user.userId, QStringLiteral("wrong-password-%1").arg(attempt));
        QTRY_VERIFY_WITH_TIMEOUT(!error->text().isEmpty() && button->isEnabled(), 20000);
        last = error->text();
    }
    // A wrong password never tells whether the account exists or is locked.
    QVERIFY2(last.startsWith(QStringLiteral("E1001 ")), qPrintable(last));
    // The right password is refused now, with the lockout code to give to the administrator.
    error->clear();
    typeLogin(user.userId, user.password);
    QTRY_VERIFY_WITH_TIMEOUT(!error->text().isEmpty(), 20000);
    QVERIFY2(error->text().startsWith(QStringLiteral("E1002 ")), qPrintable(error->text()));
}

void TestUiFlow::wrongOtpShowsCode()
{
    const TestUser user = test::registerUser(
        m_server, m_adminToken, m_adminEmail, QStringLiteral("otp%1@example.test").arg(++m_userCount));
    reachOtp(user);
    const QString otp = test::newestOtpFor(m_server, user.email);
    QVERIFY(!otp.isEmpty());
    QString wrong = otp;
    wrong[0] = otp[0] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
    auto* edit = find<QLineEdit>(QStringLiteral("otpEdit"));
    QVERIFY(edit->hasFocus());
    QTest::keyClicks(edit, wrong);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("otpNextButton")), Qt::LeftButton);
    auto* error = find<QLabel>(QStringLiteral("otpError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 20000);
    QVERIFY2(error->text().startsWith(QStringLiteral("E1101 ")), qPrintable(error->text()));
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::Otp);
    QVERIFY(find<QLabel>(QStringLiteral("otpExpiry"))->text().contains(QStringLiteral("有効期限")));
    // [戻る] returns to ログイン.
    QTest::mouseClick(find<QPushButton>(QStringLiteral("otpBackButton")), Qt::LeftButton);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::Login);
}

void TestUiFlow::expiredOtpShowsMessageAndResendWorks()
{
    TestServer server;
    QVERIFY(server.initAdmin(QStringLiteral("admin"), QStringLiteral("admin-password-1"), m_adminEmail));
    QVERIFY(server.start({QStringLiteral("--otp-lifetime=2"), QStringLiteral("--otp-resend-interval=0")}));
    const QString adminToken
        = test::fullLogin(server, QStringLiteral("admin"), QStringLiteral("admin-password-1"), m_adminEmail);
    QVERIFY(!adminToken.isEmpty());
    const TestUser user = test::registerUser(server, adminToken, m_adminEmail, QStringLiteral("expiry@example.test"));
    find<QLineEdit>(QStringLiteral("serverUrlEdit"))->setText(server.baseUrl());
    typeLogin(user.userId, user.password);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::Otp, 20000);
    const QString first = test::newestOtpFor(server, user.email);
    QVERIFY(!first.isEmpty());
    auto* expiry = find<QLabel>(QStringLiteral("otpExpiry"));
    // The page counts down and says when the code has expired...
    QTRY_VERIFY_WITH_TIMEOUT(expiry->text().contains(QStringLiteral("有効期限が切れました")), 10000);
    QTest::qWait(300); // the server's clock reads whole seconds
    // ...and the server agrees, with its code.
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("otpEdit")), first);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("otpNextButton")), Qt::LeftButton);
    auto* error = find<QLabel>(QStringLiteral("otpError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible() || m_window->currentScreen() != MainWindow::Screen::Otp, 20000);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::Otp);
    QVERIFY2(error->text().startsWith(QStringLiteral("E1102 ")), qPrintable(error->text()));
    // [再送信] mails a new code that works.
    auto* resend = find<QPushButton>(QStringLiteral("otpResendButton"));
    QVERIFY(resend->isEnabled());
    const int mailsBefore = int(server.outboxMails().size());
    QTest::mouseClick(resend, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>(QStringLiteral("otpInfo"))->isVisible(), 20000);
    QCOMPARE(
        find<QLabel>(QStringLiteral("otpInfo"))->text(), QStringLiteral("新しいワンタイムパスワードを送信しました。"));
    QTRY_VERIFY(server.outboxMails().size() > mailsBefore);
    const QString second = test::newestOtpFor(server, user.email);
    QVERIFY(!second.isEmpty());
    auto* edit = find<QLineEdit>(QStringLiteral("otpEdit"));
    QVERIFY(edit->text().isEmpty());
    QTest::keyClicks(edit, second);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::Setup, 20000);
}

void TestUiFlow::loginOtpSetupReachesMyPage()
{
    const TestUser user = test::registerUser(
        m_server, m_adminToken, m_adminEmail, QStringLiteral("setup%1@example.test").arg(++m_userCount));
    reachOtp(user);
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("otpEdit")), test::newestOtpFor(m_server, user.email));
    QTest::keyClick(find<QLineEdit>(QStringLiteral("otpEdit")), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::Setup, 20000);
    CertificateSetupWizard* wizard = m_window->setupWizard();
    QCOMPARE(wizard->currentStep(), CertificateSetupWizard::ChoiceStep);
    QVERIFY(find<QRadioButton>(QStringLiteral("signChoiceYes"))->isChecked());
    QCOMPARE(find<QRadioButton>(QStringLiteral("signChoiceYes"))->text(), QStringLiteral("電子署名を行う"));
    QTest::mouseClick(find<QPushButton>(QStringLiteral("choiceNextButton")), Qt::LeftButton);

    QCOMPARE(wizard->currentStep(), CertificateSetupWizard::UserInfoStep);
    QCOMPARE(find<QLabel>(QStringLiteral("userInfoValue0"))->text(), QStringLiteral("試験 利用者"));
    QCOMPARE(find<QLabel>(QStringLiteral("userInfoValue1"))->text(), QStringLiteral("試験 株式会社"));
    QCOMPARE(find<QLabel>(QStringLiteral("userInfoValue2"))->text(), QStringLiteral("Test User"));
    QCOMPARE(find<QLabel>(QStringLiteral("userInfoValue3"))->text(), QStringLiteral("Test Company"));
    QSignalSpy steps(wizard, &CertificateSetupWizard::stepChanged);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("userInfoNextButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentStep(), CertificateSetupWizard::PinStep, 30000);
    QCOMPARE(steps.first().first().value<CertificateSetupWizard::Step>(), CertificateSetupWizard::WaitingStep);

    // 署名用証明書情報 from the server's CA, for our key.
    QVERIFY(!find<QLabel>(QStringLiteral("certificateValue0"))->text().isEmpty());
    QCOMPARE(find<QLabel>(QStringLiteral("certificateValue1"))->text(), QStringLiteral("Test User"));
    QCOMPARE(find<QLabel>(QStringLiteral("certificateValue2"))->text(), QStringLiteral("Test Company"));
    QCOMPARE(find<QLabel>(QStringLiteral("certificateValue5"))->text(), QStringLiteral("JP"));
    QCOMPARE(find<QLabel>(QStringLiteral("pinUserValue0"))->text(), QStringLiteral("試験 利用者"));

    auto* pin = find<QLineEdit>(QStringLiteral("newPinEdit"));
    auto* confirm = find<PinConfirmationEdit>(QStringLiteral("confirmPinEdit"));
    auto* registerButton = find<QPushButton>(QStringLiteral("registerButton"));
    auto* pinError = find<QLabel>(QStringLiteral("pinError"));
    QVERIFY(pin->hasFocus());
    // Too short.
    QTest::keyClicks(pin, QStringLiteral("abc12"));
    QTest::keyClick(pin, Qt::Key_Tab);
    QVERIFY(confirm->hasFocus());
    QTest::keyClicks(confirm, QStringLiteral("abc12"));
    QTest::mouseClick(registerButton, Qt::LeftButton);
    QVERIFY(pinError->isVisible());
    QVERIFY2(pinError->text().startsWith(QStringLiteral("E2001 ")), qPrintable(pinError->text()));
    // Symbols and full-width characters.
    pin->clear();
    QTest::keyClicks(pin, QStringLiteral("abc!123"));
    QTest::keyClicks(confirm, QStringLiteral("abc!123"));
    QTest::mouseClick(registerButton, Qt::LeftButton);
    QVERIFY(pinError->text().startsWith(QStringLiteral("E2001 ")));
    // Paste into the confirmation is refused: the mismatch shows.
    pin->clear();
    QTest::keyClicks(pin, QStringLiteral("Secret123"));
    QGuiApplication::clipboard()->setText(QStringLiteral("Secret123"));
    confirm->setFocus();
    QTest::keyClick(confirm, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(confirm->text(), QString());
    QTest::keyClicks(confirm, QStringLiteral("Secret124"));
    QTest::mouseClick(registerButton, Qt::LeftButton);
    QVERIFY2(pinError->text().startsWith(QStringLiteral("E2002 ")), qPrintable(pinError->text()));
    QVERIFY(!QFileInfo::exists(wizard->keyStoreFile()));
    // Right at last.
    pin->clear();
    QTest::keyClicks(pin, QStringLiteral("Secret123"));
    QTest::keyClicks(confirm, QStringLiteral("Secret123"));
    QTest::keyClick(confirm, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentStep(), CertificateSetupWizard::DoneStep, 30000);
    QVERIFY(pinError->isHidden());

    // The key store: mode 0600, the certificate shown is the one stored, the PIN opens it.
    const QString store = wizard->keyStoreFile();
    QCOMPARE(QFileInfo(store).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    auto chain = KeyStore::readCertificates(store);
    QVERIFY(chain.ok());
    QCOMPARE(chain->front().serialNumberHex(), find<QLabel>(QStringLiteral("certificateValue0"))->text());
    QVERIFY(chain->size() >= 2); // with the issuing CA
    QVERIFY(KeyStore::open(store, SecureBuffer::fromString(QStringLiteral("Secret123"))).ok());

    QTest::mouseClick(find<QPushButton>(QStringLiteral("nextProcessButton")), Qt::LeftButton);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::MyPage);
    QVERIFY(m_window->navigationBar()->isVisible());
    for (const auto& [name, text] : {std::pair {"navServiceTop", "サービスTOP"}, std::pair {"navMyPage", "マイページ"},
             std::pair {"navProfile", "本人情報"}, std::pair {"navResults", "処理結果"},
             std::pair {"navLogout", "ログアウト"}})
        QCOMPARE(find<QToolButton>(QLatin1String(name))->text(), QString::fromUtf8(text));

    // The next login goes straight to My Page (setup done, key here); ログアウト returns to ログイン.
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navLogout")), Qt::LeftButton);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::Login);
    QVERIFY(m_window->navigationBar()->isHidden());
    QCOMPARE(find<QLineEdit>(QStringLiteral("userIdEdit"))->text(), user.userId); // remembered
    QTest::qWait(1100); // the server's OTP resend interval
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("passwordEdit")), user.password);
    QTest::keyClick(find<QLineEdit>(QStringLiteral("passwordEdit")), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::Otp, 20000);
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("otpEdit")), test::newestOtpFor(m_server, user.email));
    QTest::keyClick(find<QLineEdit>(QStringLiteral("otpEdit")), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::MyPage, 20000);
}

void TestUiFlow::choosingNotToSignGoesStraightToMyPage()
{
    const TestUser user = test::registerUser(
        m_server, m_adminToken, m_adminEmail, QStringLiteral("viewer%1@example.test").arg(++m_userCount));
    reachOtp(user);
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("otpEdit")), test::newestOtpFor(m_server, user.email));
    QTest::keyClick(find<QLineEdit>(QStringLiteral("otpEdit")), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::Setup, 20000);
    // Keyboard only: the arrow key moves from 電子署名を行う to 電子署名を行わない, Tab reaches [次へ].
    auto* yes = find<QRadioButton>(QStringLiteral("signChoiceYes"));
    QVERIFY(yes->hasFocus());
    QTest::keyClick(yes, Qt::Key_Down);
    QVERIFY(find<QRadioButton>(QStringLiteral("signChoiceNo"))->isChecked());
    auto* no = find<QRadioButton>(QStringLiteral("signChoiceNo"));
    QVERIFY(no->hasFocus());
    QTest::keyClick(no, Qt::Key_Tab);
    auto* next = find<QPushButton>(QStringLiteral("choiceNextButton"));
    QVERIFY(next->hasFocus());
    QTest::keyClick(next, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->currentScreen() == MainWindow::Screen::MyPage
            || find<QLabel>(QStringLiteral("choiceError"))->isVisible(),
        20000);
    QVERIFY2(m_window->currentScreen() == MainWindow::Screen::MyPage,
        qPrintable(find<QLabel>(QStringLiteral("choiceError"))->text()));
    QCOMPARE(find<QRadioButton>(QStringLiteral("signChoiceNo"))->text(), QStringLiteral("電子署名を行わない"));
    QVERIFY(!QFileInfo::exists(m_window->setupWizard()->keyStoreFile()));
}

// A server that requires replacing the initial password: the app asks for a new one before the setup.
void TestUiFlow::firstLoginAsksForANewPassword()
{
    TestServer server;
    QVERIFY(server.initAdmin(QStringLiteral("admin"), QStringLiteral("admin-password-1"), m_adminEmail));
    QVERIFY(server.start({QStringLiteral("--require-password-change=true")}));
    const QString adminToken
        = test::fullLogin(server, QStringLiteral("admin"), QStringLiteral("admin-password-1"), m_adminEmail);
    QVERIFY(!adminToken.isEmpty());
    const TestUser user = test::registerUser(server, adminToken, m_adminEmail, QStringLiteral("first@example.test"));
    QVERIFY(!user.password.isEmpty());
    find<QLineEdit>(QStringLiteral("serverUrlEdit"))->setText(server.baseUrl());
    typeLogin(user.userId, user.password);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::Otp, 20000);
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("otpEdit")), test::newestOtpFor(server, user.email));
    QTest::keyClick(find<QLineEdit>(QStringLiteral("otpEdit")), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::PasswordChange, 20000);
    QVERIFY(m_window->navigationBar()->isHidden());

    auto* current = find<QLineEdit>(QStringLiteral("firstCurrentPasswordEdit"));
    auto* next = find<QLineEdit>(QStringLiteral("firstNewPasswordEdit"));
    auto* confirm = find<QLineEdit>(QStringLiteral("firstNewPasswordConfirmEdit"));
    auto* error = find<QLabel>(QStringLiteral("passwordChangeError"));
    QVERIFY(current->hasFocus());
    // A wrong current password: the server's code.
    QTest::keyClicks(current, QStringLiteral("not-the-password"));
    QTest::keyClicks(next, QStringLiteral("Brand-new-passw0rd"));
    QTest::keyClicks(confirm, QStringLiteral("Brand-new-passw0rd"));
    QTest::keyClick(confirm, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 20000);
    QVERIFY2(error->text().startsWith(QStringLiteral("E1302 ")), qPrintable(error->text()));
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::PasswordChange);
    // Right: on to the certificate setup.
    QTest::keyClicks(current, user.password);
    QTest::keyClicks(next, QStringLiteral("Brand-new-passw0rd"));
    QTest::keyClicks(confirm, QStringLiteral("Brand-new-passw0rd"));
    QTest::keyClick(confirm, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::Setup, 20000);
    // The new password is the one that works now.
    QCOMPARE(test::startLogin(server, user.userId, user.password).status, 401);
    QCOMPARE(test::startLogin(server, user.userId, QStringLiteral("Brand-new-passw0rd")).status, 200);
}

// Sign with the certificate the server's CA issued during setup: cancel mid-batch, the app offers to resume, the
// resumed batch signs the rest, and every file ends valid under pdfsig with the issued certificate as signer.
void TestUiFlow::batchSignWithIssuedCertificateCancelAndResume()
{
    const QString folder
        = m_home.filePath(QStringLiteral("batchSignWithIssuedCertificateCancelAndResume/files/建築確認"));
    constexpr int kFiles = 10;
    for (int i = 1; i < kFiles; ++i)
        QVERIFY(test::writeSamplePdf(folder + QStringLiteral("/図面%1.pdf").arg(i), QStringLiteral("図面"), 2));
    const TestUser user = test::registerUser(
        m_server, m_adminToken, m_adminEmail, QStringLiteral("batch%1@example.test").arg(++m_userCount));
    const QString pin = QStringLiteral("Batch2024");
    completeSetup(user, pin);
    BatchJournal(user.userId).clear();

    MyPage* myPage = m_window->myPage();
    auto* table = find<QTableView>(QStringLiteral("fileTable"));
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), kFiles, 20000);
    QVERIFY(find<QWidget>(QStringLiteral("resumeBanner"))->isHidden());
    auto* source = dynamic_cast<HeldSource*>(m_window->fileSource());
    QVERIFY(source);
    source->holdUploads = true;
    table->setFocus();
    QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier); // select all with the keyboard
    QCOMPARE(myPage->selectedEntries().size(), kFiles);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("batchSignButton")), Qt::LeftButton);
    BatchSignDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<BatchSignDialog*>()) != nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit"))->isEnabled(),
        60000); // the PIN is asked once the pre-flight is done
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit")), pin);
    QTest::keyClick(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit")), Qt::Key_Return);
    // Every file signed, six uploads sent and held at the source: the cancel leaves the four waiting for a slot.
    QTRY_COMPARE_WITH_TIMEOUT(dialog->session()->countIn(BatchSignDialog::Stage::Uploading), kFiles, 60000);
    QCOMPARE(source->heldCount(), 6);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("batchCancelButton")), Qt::LeftButton);
    QCOMPARE(dialog->session()->countIn(BatchSignDialog::Stage::Cancelled), kFiles - 6);
    source->release();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QPushButton*>(QStringLiteral("batchCloseButton"))->isVisible(), 60000);
    const int firstRun = dialog->signedCount();
    QCOMPARE(firstRun, 6);
    QCOMPARE(source->uploads, 6);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("batchCloseButton")), Qt::LeftButton);
    QTRY_VERIFY(m_window->findChild<BatchSignDialog*>() == nullptr);

    // The offer to resume, with exactly the files not signed yet.
    QTRY_VERIFY(find<QWidget>(QStringLiteral("resumeBanner"))->isVisible());
    QCOMPARE(BatchJournal(user.userId).pending().size(), kFiles - firstRun);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("resumeBatchButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<BatchSignDialog*>()) != nullptr, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit"))->isEnabled(),
        60000); // the PIN is asked once the pre-flight is done
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit")), pin);
    QTest::keyClick(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit")), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QPushButton*>(QStringLiteral("batchCloseButton"))->isVisible(), 60000);
    QCOMPARE(dialog->signedCount(), kFiles - firstRun);
    QCOMPARE(dialog->failedCount(), 0);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("batchCloseButton")), Qt::LeftButton);
    QTRY_VERIFY(find<QWidget>(QStringLiteral("resumeBanner"))->isHidden());
    QVERIFY(BatchJournal(user.userId).pending().isEmpty());

    // Every file: exactly one signature, by the certificate the server issued, valid under pdfsig.
    const auto chain = KeyStore::readCertificates(m_window->keyStoreFile());
    QVERIFY(chain.ok());
    const QDir dir(folder);
    const auto files = dir.entryList({QStringLiteral("*.pdf")}, QDir::Files);
    QCOMPARE(files.size(), kFiles);
    for (const QString& name : files) {
        const auto check = test::pdfsig(dir.filePath(name));
        QVERIFY2(check.all().contains(QStringLiteral("Signature is Valid")), qPrintable(check.all()));
        QCOMPARE(check.all().count(QStringLiteral("Signature #")), 1);
        QVERIFY2(check.all().contains(QStringLiteral("Test User")), qPrintable(check.all()));
    }
    // My Page now lists them as 処理済.
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 0, 20000);
}

QTEST_MAIN(TestUiFlow)
#include "tst_ui_flow.moc"
