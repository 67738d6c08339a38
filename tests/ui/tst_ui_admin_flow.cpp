// Admin mode's ユーザ管理 against a real ikkatsu-server on loopback: who sees it (role and policy), registration
// through the form with both mails read from the outbox, form errors, search, lock/unlock, password reissue and
// certificate revocation, each checked through the server's own answers.
#include "LoginSteps.h"
#include "MainWindow.h"
#include "ServerHarness.h"
#include "TestSupport.h"
#include "UiTestSupport.h"
#include "admin/UserFormDialog.h"
#include "admin/UsersPage.h"
#include "config/Language.h"
#include "config/Settings.h"
#include "pages/NavigationBar.h"
#include "services/ServerAccountService.h"
#include "services/ServerAdminService.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::ui;
using test::Mail;
using test::Reply;
using test::TestServer;
using test::TestUser;

class TestUiAdminFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void administratorSeesUserManagement();
    void userDoesNotSeeUserManagement();
    void policyHidesAdminModeEvenForAdministrator();
    void registerThroughFormSendsBothMails();
    void badInputIsRefusedBeforeSending();
    void searchLockUnlockAndReissuePassword();
    void revokeCertificate();

private:
    void openWindow(const QString& policyFile = {});
    void loginThroughGui(const QString& userId, const QString& password, const QString& email);
    void openUsers();
    void acceptConfirmation();
    // Registers through the API with a chosen name; the password comes from mail ②.
    TestUser registerNamed(const QString& userName, const QString& email);
    // Records "電子署名を行わない" so that login goes straight to My Page.
    void declineSigning(const TestUser& user);
    template<typename T>
    T* find(const QString& name)
    {
        T* widget = m_window->findChild<T*>(name);
        if (!widget)
            qWarning("no widget %s", qPrintable(name));
        return widget;
    }
    QString cell(int row, int column) const
    {
        return m_window->usersPage()
            ->findChild<QTableView*>(QStringLiteral("usersTable"))
            ->model()
            ->index(row, column)
            .data()
            .toString();
    }

    TestServer m_server;
    QTemporaryDir m_home;
    QString m_adminToken;
    const QString m_adminId = QStringLiteral("admin");
    const QString m_adminPassword = QStringLiteral("admin-password-1");
    const QString m_adminEmail = QStringLiteral("admin@example.test");
    int m_count = 0;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ServerAccountService> m_accounts;
    std::unique_ptr<ServerAdminService> m_admin;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiAdminFlow::initTestCase()
{
    QVERIFY(m_home.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(installTranslations(QStringLiteral("ja")), QStringLiteral("ja"));
    QVERIFY(m_server.initAdmin(m_adminId, m_adminPassword, m_adminEmail));
    QVERIFY(m_server.start({QStringLiteral("--require-password-change=false")}));
    m_adminToken = test::fullLogin(m_server, m_adminId, m_adminPassword, m_adminEmail);
    QVERIFY(!m_adminToken.isEmpty());
    const Reply declined
        = m_server.post(QStringLiteral("/api/v1/certificate-setup"), {{QStringLiteral("sign"), false}}, m_adminToken);
    QCOMPARE(declined.status, 200);
}

void TestUiAdminFlow::cleanup()
{
    m_window.reset();
    m_admin.reset();
    m_accounts.reset();
    m_settings.reset();
}

void TestUiAdminFlow::openWindow(const QString& policyFile)
{
    const QString name = QString::fromLatin1(QTest::currentTestFunction());
    QVERIFY(QDir(m_home.path()).mkpath(name));
    m_settings = std::make_unique<Settings>(policyFile, m_home.filePath(name + QStringLiteral("/user.conf")));
    QVERIFY(m_settings->setValue(SettingKey::ServerUrl, m_server.baseUrl()).ok());
    QVERIFY(m_settings->setValue(SettingKey::KeyStoreDirectory, m_home.filePath(name)).ok());
    m_accounts = std::make_unique<ServerAccountService>();
    m_admin = std::make_unique<ServerAdminService>(m_accounts.get());
    m_window = std::make_unique<MainWindow>(m_settings.get(), m_accounts.get(), MainWindow::FileSourceFactory());
    m_window->setAdminService(m_admin.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(!find<QToolButton>(QStringLiteral("navUsers"))->isVisible());
}

void TestUiAdminFlow::loginThroughGui(const QString& userId, const QString& password, const QString& email)
{
    auto* id = find<QLineEdit>(QStringLiteral("userIdEdit"));
    id->clear();
    QTest::keyClicks(id, userId);
    auto* secret = find<QLineEdit>(QStringLiteral("passwordEdit"));
    QTest::keyClicks(secret, password);
    QTest::keyClick(secret, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::Otp, 20000);
    auto* otp = find<QLineEdit>(QStringLiteral("otpEdit"));
    QTest::keyClicks(otp, test::newestOtpFor(m_server, email));
    QTest::keyClick(otp, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::MyPage, 20000);
}

void TestUiAdminFlow::openUsers()
{
    openWindow();
    loginThroughGui(m_adminId, m_adminPassword, m_adminEmail);
    auto* entry = find<QToolButton>(QStringLiteral("navUsers"));
    QVERIFY(entry->isVisible());
    QSignalSpy listed(m_window->usersPage(), &UsersPage::listed);
    QTest::mouseClick(entry, Qt::LeftButton);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::Users);
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() >= 1, 20000);
    QVERIFY(find<QLabel>(QStringLiteral("usersError"))->isHidden());
}

void TestUiAdminFlow::acceptConfirmation()
{
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (box = m_window->findChild<QMessageBox*>(QStringLiteral("adminConfirmDialog"))) && box->isVisible(), 5000);
    // The safe answer is the default: Return alone must not confirm a destructive action.
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QTest::mouseClick(box->button(QMessageBox::Ok), Qt::LeftButton);
}

TestUser TestUiAdminFlow::registerNamed(const QString& userName, const QString& email)
{
    const Reply registered = m_server.post(QStringLiteral("/api/v1/admin/users"),
        {{QStringLiteral("userName"), userName}, {QStringLiteral("company"), QStringLiteral("試験 株式会社")},
            {QStringLiteral("nameRoman"), QStringLiteral("Test User")},
            {QStringLiteral("companyRoman"), QStringLiteral("Test Company")}, {QStringLiteral("email"), email},
            {QStringLiteral("loginExpiresAt"), QStringLiteral("2035-12-31")}},
        m_adminToken);
    TestUser user;
    if (registered.status != 201)
        return user;
    user.userId = registered.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("userId")).toString();
    user.email = email;
    const QList<Mail> mails = m_server.outboxMails();
    for (const Mail& mail : mails) {
        if (mail.to == m_adminEmail && test::userIdFromMail(mail) == user.userId)
            user.password = test::passwordFromMail(mail);
    }
    return user;
}

void TestUiAdminFlow::declineSigning(const TestUser& user)
{
    const QString token = test::fullLogin(m_server, user.userId, user.password, user.email);
    QVERIFY(!token.isEmpty());
    QCOMPARE(
        m_server.post(QStringLiteral("/api/v1/certificate-setup"), {{QStringLiteral("sign"), false}}, token).status,
        200);
}

void TestUiAdminFlow::administratorSeesUserManagement()
{
    openUsers();
    auto* entry = find<QToolButton>(QStringLiteral("navUsers"));
    QCOMPARE(entry->text(), QStringLiteral("ユーザ管理"));
    bool adminListed = false;
    for (int row = 0; row < m_window->usersPage()->rowCount(); ++row)
        adminListed = adminListed || m_window->usersPage()->userIdAt(row) == m_adminId;
    QVERIFY(adminListed);
    // Logging out takes admin mode away with the session.
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navLogout")), Qt::LeftButton);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::Login);
    QVERIFY(!m_window->navigationBar()->isAdminVisible());
    QCOMPARE(m_window->usersPage()->rowCount(), 0);
}

void TestUiAdminFlow::userDoesNotSeeUserManagement()
{
    const TestUser user
        = registerNamed(QStringLiteral("一般 利用者"), QStringLiteral("plain%1@example.test").arg(++m_count));
    QVERIFY(!user.password.isEmpty());
    declineSigning(user);
    openWindow();
    loginThroughGui(user.userId, user.password, user.email);
    QVERIFY(find<QToolButton>(QStringLiteral("navMyPage"))->isVisible());
    QVERIFY(!find<QToolButton>(QStringLiteral("navUsers"))->isVisible());
    QVERIFY(!m_window->adminModeAvailable());
    m_window->showScreen(MainWindow::Screen::Users);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::MyPage);
}

void TestUiAdminFlow::policyHidesAdminModeEvenForAdministrator()
{
    const QString policy = m_home.filePath(QStringLiteral("policy.conf"));
    QFile file(policy);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[admin]\nallowed=false\n");
    file.close();
    openWindow(policy);
    QVERIFY(m_settings->isLockedByPolicy(SettingKey::AdminModeAllowed));
    QVERIFY(!m_settings->setValue(SettingKey::AdminModeAllowed, true).ok());
    loginThroughGui(m_adminId, m_adminPassword, m_adminEmail);
    QVERIFY(find<QToolButton>(QStringLiteral("navMyPage"))->isVisible());
    QVERIFY(!find<QToolButton>(QStringLiteral("navUsers"))->isVisible());
    QVERIFY(!m_window->adminModeAvailable());
    m_window->showScreen(MainWindow::Screen::Users);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::MyPage);
}

void TestUiAdminFlow::registerThroughFormSendsBothMails()
{
    openUsers();
    const QString email = QStringLiteral("form%1@example.test").arg(++m_count);
    const qsizetype mailsBefore = m_server.outboxMails().size();
    QTest::mouseClick(find<QPushButton>(QStringLiteral("newUserButton")), Qt::LeftButton);
    UserFormDialog* dialog = nullptr;
    QTRY_VERIFY(
        (dialog = m_window->findChild<UserFormDialog*>(QStringLiteral("userFormDialog"))) && dialog->isVisible());
    QVERIFY(dialog->isRegistration());
    auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("userNameEdit"));
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    QTRY_VERIFY_WITH_TIMEOUT(name->hasFocus(), 5000);
    test::typeText(name, QStringLiteral("受信者 太郎"));
    QTest::keyClick(name, Qt::Key_Tab);
    auto* company = dialog->findChild<QLineEdit*>(QStringLiteral("companyEdit"));
    QVERIFY(company->hasFocus());
    test::typeText(company, QStringLiteral("AAA 株式会社"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("nameRomanEdit")), QStringLiteral("Taro Jushinsha"));
    QTest::keyClicks(
        dialog->findChild<QLineEdit*>(QStringLiteral("companyRomanEdit")), QStringLiteral("AAA Corporation"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("emailEdit")), email);
    dialog->findChild<QDateEdit*>(QStringLiteral("loginExpiresEdit"))->setDate(QDate(2034, 3, 31));
    QSignalSpy listed(m_window->usersPage(), &UsersPage::listed);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("userFormSubmitButton")), Qt::LeftButton);
    auto* message = find<QLabel>(QStringLiteral("usersMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), 20000);
    QVERIFY2(message->text().contains(QStringLiteral("登録しました")), qPrintable(message->text()));
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() >= 1, 20000);

    // Mail ① to the user without credentials, mail ② to the administrator with ID and password.
    const QList<Mail> mails = m_server.outboxMails();
    QCOMPARE(mails.size(), mailsBefore + 2);
    const Mail* notice = nullptr;
    const Mail* credentials = nullptr;
    for (qsizetype i = mailsBefore; i < mails.size(); ++i) {
        if (mails.at(i).to == email)
            notice = &mails.at(i);
        else if (mails.at(i).to == m_adminEmail)
            credentials = &mails.at(i);
    }
    QVERIFY(notice && credentials);
    QVERIFY2(notice->subject.endsWith(QStringLiteral("ユーザ登録のご連絡")), qPrintable(notice->subject));
    QVERIFY(notice->body.startsWith(QStringLiteral("受信者 太郎 様")));
    QVERIFY(notice->body.contains(QStringLiteral("ユーザID : 管理者にお問い合わせ下さい。")));
    QVERIFY(notice->body.contains(QStringLiteral("ログインパスワード : 管理者にお問い合わせ下さい。")));
    QVERIFY(notice->body.contains(QStringLiteral("2034年03月31日")));
    QVERIFY(credentials->subject.endsWith(QStringLiteral("ユーザ登録のご連絡")));
    QVERIFY(credentials->body.contains(QStringLiteral("受信者 太郎 様のユーザ登録が完了いたしました。")));
    const QString userId = test::userIdFromMail(*credentials);
    const QString password = test::passwordFromMail(*credentials);
    QVERIFY(!userId.isEmpty() && !password.isEmpty());
    QVERIFY(!notice->body.contains(password));

    // The new row is selected, with the form's values as the server stored them.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->usersPage()->selectedUserId(), userId, 20000);
    const Reply stored = m_server.get(QStringLiteral("/api/v1/admin/users/") + userId, m_adminToken);
    QCOMPARE(stored.status, 200);
    const QJsonObject user = stored.json.value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("companyRoman")).toString(), QStringLiteral("AAA Corporation"));
    QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("user"));
    QCOMPARE(user.value(QStringLiteral("maySign")).toBool(), true);

    // The new user logs in with the password from mail ②.
    QVERIFY(!test::fullLogin(m_server, userId, password, email).isEmpty());
}

void TestUiAdminFlow::badInputIsRefusedBeforeSending()
{
    openUsers();
    const qsizetype mailsBefore = m_server.outboxMails().size();
    const Reply before = m_server.get(QStringLiteral("/api/v1/admin/users?limit=1"), m_adminToken);
    UserFormDialog* dialog = m_window->usersPage()->openRegistration();
    QVERIFY(dialog);
    auto* submit = dialog->findChild<QPushButton*>(QStringLiteral("userFormSubmitButton"));
    auto* error = dialog->findChild<QLabel*>(QStringLiteral("userFormError"));
    // Everything empty: the user name is named first.
    QTest::mouseClick(submit, Qt::LeftButton);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(QStringLiteral("E5007 ")), qPrintable(error->text()));
    QVERIFY2(error->text().contains(QStringLiteral("ユーザ名")), qPrintable(error->text()));
    test::typeText(dialog->findChild<QLineEdit*>(QStringLiteral("userNameEdit")), QStringLiteral("誤入力 次郎"));
    test::typeText(dialog->findChild<QLineEdit*>(QStringLiteral("companyEdit")), QStringLiteral("BBB 株式会社"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("nameRomanEdit")), QStringLiteral("Jiro Gonyuryoku"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("companyRomanEdit")), QStringLiteral("BBB Corp"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("emailEdit")), QStringLiteral("jiro.example.test"));
    QTest::mouseClick(submit, Qt::LeftButton);
    QVERIFY2(error->text().startsWith(QStringLiteral("E5007 ")), qPrintable(error->text()));
    QVERIFY2(error->text().contains(QStringLiteral("メールアドレス")), qPrintable(error->text()));
    // Roman fields take half-width characters only.
    auto* roman = dialog->findChild<QLineEdit*>(QStringLiteral("nameRomanEdit"));
    roman->clear();
    test::typeText(roman, QStringLiteral("ジロウ"));
    dialog->findChild<QLineEdit*>(QStringLiteral("emailEdit"))->setText(QStringLiteral("jiro@example.test"));
    QTest::mouseClick(submit, Qt::LeftButton);
    QVERIFY2(error->text().startsWith(QStringLiteral("E5007 ")), qPrintable(error->text()));
    QVERIFY2(error->text().contains(QStringLiteral("ローマ字氏名")), qPrintable(error->text()));
    QVERIFY(dialog->isVisible());
    // Nothing reached the server: no mail, no new user.
    QTest::qWait(300);
    QCOMPARE(m_server.outboxMails().size(), mailsBefore);
    const Reply after = m_server.get(QStringLiteral("/api/v1/admin/users?limit=1"), m_adminToken);
    QCOMPARE(after.json.value(QStringLiteral("total")).toInt(), before.json.value(QStringLiteral("total")).toInt());
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("userFormCancelButton")), Qt::LeftButton);
}

void TestUiAdminFlow::searchLockUnlockAndReissuePassword()
{
    const QString email = QStringLiteral("hanako%1@example.test").arg(++m_count);
    const TestUser user = registerNamed(QStringLiteral("検索 花子"), email);
    QVERIFY(!user.password.isEmpty());
    (void)registerNamed(QStringLiteral("別人 一郎"), QStringLiteral("other%1@example.test").arg(++m_count));
    openUsers();
    UsersPage* page = m_window->usersPage();
    QVERIFY(page->rowCount() >= 3);

    // Search is the server's: by a part of the name.
    QSignalSpy listed(page, &UsersPage::listed);
    auto* search = find<QLineEdit>(QStringLiteral("usersSearchEdit"));
    test::typeText(search, QStringLiteral("花子"));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() >= 1, 20000);
    QCOMPARE(page->rowCount(), 1);
    QCOMPARE(page->userIdAt(0), user.userId);
    QCOMPARE(cell(0, 1), QStringLiteral("検索 花子"));
    QCOMPARE(cell(0, 5), QStringLiteral("2035/12/31"));
    QCOMPARE(cell(0, 8), QStringLiteral("有効"));

    // Lock: confirmed, then the user's login is refused with E1002.
    QSignalSpy details(page, &UsersPage::detailsShown);
    QVERIFY(page->selectUser(user.userId));
    QTRY_VERIFY_WITH_TIMEOUT(details.count() >= 1, 20000);
    auto* lock = find<QPushButton>(QStringLiteral("lockUserButton"));
    QCOMPARE(lock->text(), QStringLiteral("ロック"));
    QTest::mouseClick(lock, Qt::LeftButton);
    acceptConfirmation();
    QTRY_COMPARE_WITH_TIMEOUT(cell(0, 8), QStringLiteral("ロック中"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(lock->text(), QStringLiteral("ロック解除"), 20000);
    QCOMPARE(test::startLogin(m_server, user.userId, user.password).code, QStringLiteral("E1002"));

    // Unlock needs no confirmation; the login works again.
    QTest::mouseClick(lock, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(cell(0, 8), QStringLiteral("有効"), 20000);
    QCOMPARE(test::startLogin(m_server, user.userId, user.password).status, 200);

    // Cancelled confirmation: nothing happens.
    QTRY_COMPARE_WITH_TIMEOUT(lock->text(), QStringLiteral("ロック"), 20000);
    QTest::mouseClick(lock, Qt::LeftButton);
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox*>(QStringLiteral("adminConfirmDialog"))) && box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTest::qWait(300);
    QCOMPARE(test::startLogin(m_server, user.userId, user.password).status, 200);

    // Reissue: a new mail ② to the administrator; the old password stops working, the new one works.
    const qsizetype mailsBefore = m_server.outboxMails().size();
    QTest::mouseClick(find<QPushButton>(QStringLiteral("resetPasswordButton")), Qt::LeftButton);
    acceptConfirmation();
    auto* message = find<QLabel>(QStringLiteral("usersMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible() && message->text().contains(QStringLiteral("パスワード")), 20000);
    QList<Mail> mails;
    QTRY_VERIFY_WITH_TIMEOUT((mails = m_server.outboxMails()).size() > mailsBefore, 10000);
    QString newPassword;
    for (qsizetype i = mailsBefore; i < mails.size(); ++i) {
        if (mails.at(i).to == m_adminEmail && test::userIdFromMail(mails.at(i)) == user.userId)
            newPassword = test::passwordFromMail(mails.at(i));
    }
    QVERIFY(!newPassword.isEmpty());
    QVERIFY(newPassword != user.password);
    QCOMPARE(test::startLogin(m_server, user.userId, user.password).code, QStringLiteral("E1001"));
    QVERIFY(!test::fullLogin(m_server, user.userId, newPassword, email).isEmpty());
}

void TestUiAdminFlow::revokeCertificate()
{
    const QString email = QStringLiteral("cert%1@example.test").arg(++m_count);
    const TestUser user = registerNamed(QStringLiteral("証明 三郎"), email);
    const QString token = test::fullLogin(m_server, user.userId, user.password, email);
    QVERIFY(!token.isEmpty());
    QTemporaryDir keys;
    const QByteArray csr = test::makeCsrWithOpenssl(keys.path(),
        {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:P-256")});
    QVERIFY(!csr.isEmpty());
    const Reply issued = m_server.post(QStringLiteral("/api/v1/certificate-setup"),
        {{QStringLiteral("sign"), true}, {QStringLiteral("csr"), QString::fromLatin1(csr.toBase64())}}, token);
    QCOMPARE(issued.status, 201);
    const QString serial
        = issued.json.value(QStringLiteral("certificate")).toObject().value(QStringLiteral("serialNumber")).toString();

    openUsers();
    UsersPage* page = m_window->usersPage();
    QSignalSpy details(page, &UsersPage::detailsShown);
    QVERIFY(page->selectUser(user.userId));
    QTRY_VERIFY_WITH_TIMEOUT(details.count() >= 1, 20000);
    auto* certificates = find<QTableWidget>(QStringLiteral("certificatesTable"));
    QCOMPARE(certificates->rowCount(), 1);
    QCOMPARE(certificates->item(0, 0)->text(), serial);
    QCOMPARE(certificates->item(0, 3)->text(), QStringLiteral("有効"));
    auto* revoke = find<QPushButton>(QStringLiteral("revokeCertificateButton"));
    QVERIFY(revoke->isEnabled());
    QTest::mouseClick(revoke, Qt::LeftButton);
    acceptConfirmation();
    QTRY_COMPARE_WITH_TIMEOUT(certificates->item(0, 3)->text(), QStringLiteral("失効"), 20000);
    QVERIFY(!revoke->isEnabled());
    const Reply stored = m_server.get(QStringLiteral("/api/v1/admin/users/") + user.userId, m_adminToken);
    const QJsonObject certificate = stored.json.value(QStringLiteral("certificates")).toArray().at(0).toObject();
    QCOMPARE(certificate.value(QStringLiteral("serialNumber")).toString(), serial);
    QVERIFY(certificate.value(QStringLiteral("revoked")).toBool());
}

QTEST_MAIN(TestUiAdminFlow)
#include "tst_ui_admin_flow.moc"
