// 操作履歴 against a real ikkatsu-server: the administrator registers a user through the form and locks them, then
// finds both rows on the audit trail page, filters by 操作, and exports the CSV, read back from disk.
#include "LoginSteps.h"
#include "MainWindow.h"
#include "ServerHarness.h"
#include "TestSupport.h"
#include "UiTestSupport.h"
#include "admin/AuditTrailPage.h"
#include "admin/UserFormDialog.h"
#include "admin/UsersPage.h"
#include "config/Language.h"
#include "config/Settings.h"
#include "services/ServerAccountService.h"
#include "services/ServerAdminService.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::ui;
using test::Reply;
using test::TestServer;

class TestUiAdminAuditFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void registerAndLockThenReadTheTrail();

private:
    template<typename T>
    T* find(const QString& name)
    {
        T* widget = m_window->findChild<T*>(name);
        if (!widget)
            qWarning("no widget %s", qPrintable(name));
        return widget;
    }
    // Rows of the page whose 対象ユーザ is `userId`, as their 操作 labels.
    QStringList labelsAbout(const QString& userId);

    TestServer m_server;
    QTemporaryDir m_home;
    const QString m_adminId = QStringLiteral("admin");
    const QString m_adminPassword = QStringLiteral("admin-password-1");
    const QString m_adminEmail = QStringLiteral("admin@example.test");
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ServerAccountService> m_accounts;
    std::unique_ptr<ServerAdminService> m_admin;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiAdminAuditFlow::initTestCase()
{
    QVERIFY(m_home.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(installTranslations(QStringLiteral("ja")), QStringLiteral("ja"));
    QVERIFY(m_server.initAdmin(m_adminId, m_adminPassword, m_adminEmail));
    QVERIFY(m_server.start({QStringLiteral("--require-password-change=false")}));
    const QString token = test::fullLogin(m_server, m_adminId, m_adminPassword, m_adminEmail);
    QVERIFY(!token.isEmpty());
    QCOMPARE(
        m_server.post(QStringLiteral("/api/v1/certificate-setup"), {{QStringLiteral("sign"), false}}, token).status,
        200);
    m_settings = std::make_unique<Settings>(QString(), m_home.filePath(QStringLiteral("user.conf")));
    QVERIFY(m_settings->setValue(SettingKey::ServerUrl, m_server.baseUrl()).ok());
    QVERIFY(m_settings->setValue(SettingKey::KeyStoreDirectory, m_home.path()).ok());
    m_accounts = std::make_unique<ServerAccountService>();
    m_admin = std::make_unique<ServerAdminService>(m_accounts.get());
    m_window = std::make_unique<MainWindow>(m_settings.get(), m_accounts.get(), MainWindow::FileSourceFactory());
    m_window->setAdminService(m_admin.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("userIdEdit")), m_adminId);
    auto* secret = find<QLineEdit>(QStringLiteral("passwordEdit"));
    QTest::keyClicks(secret, m_adminPassword);
    QTest::keyClick(secret, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::Otp, 20000);
    auto* otp = find<QLineEdit>(QStringLiteral("otpEdit"));
    QTest::keyClicks(otp, test::newestOtpFor(m_server, m_adminEmail));
    QTest::keyClick(otp, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::MyPage, 20000);
}

QStringList TestUiAdminAuditFlow::labelsAbout(const QString& userId)
{
    AuditTrailPage* page = m_window->auditTrailPage();
    QStringList labels;
    for (int row = 0; row < page->rowCount(); ++row) {
        if (page->cell(row, AuditTrailPage::SubjectColumn) == userId) {
            labels << page->cell(row, AuditTrailPage::EventColumn);
            if (page->cell(row, AuditTrailPage::ActorColumn) != m_adminId)
                return {};
        }
    }
    return labels;
}

void TestUiAdminAuditFlow::registerAndLockThenReadTheTrail()
{
    // ユーザ管理: register through the form, then lock the new user (confirmed).
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navUsers")), Qt::LeftButton);
    UsersPage* users = m_window->usersPage();
    QSignalSpy listedUsers(users, &UsersPage::listed);
    QTRY_VERIFY_WITH_TIMEOUT(listedUsers.count() >= 1, 20000);
    UserFormDialog* dialog = users->openRegistration();
    QVERIFY(dialog);
    test::typeText(dialog->findChild<QLineEdit*>(QStringLiteral("userNameEdit")), QStringLiteral("監査 花子"));
    test::typeText(dialog->findChild<QLineEdit*>(QStringLiteral("companyEdit")), QStringLiteral("AAA 株式会社"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("nameRomanEdit")), QStringLiteral("Hanako Kansa"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("companyRomanEdit")), QStringLiteral("AAA Corp"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("emailEdit")), QStringLiteral("hanako@example.test"));
    dialog->findChild<QDateEdit*>(QStringLiteral("loginExpiresEdit"))->setDate(QDate(2034, 3, 31));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("userFormSubmitButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!users->selectedUserId().isEmpty() && users->selectedUserId() != m_adminId, 20000);
    const QString userId = users->selectedUserId();
    QSignalSpy details(users, &UsersPage::detailsShown);
    QVERIFY(users->selectUser(userId));
    QTRY_VERIFY_WITH_TIMEOUT(details.count() >= 1, 20000);
    auto* lock = find<QPushButton>(QStringLiteral("lockUserButton"));
    QTest::mouseClick(lock, Qt::LeftButton);
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (box = m_window->findChild<QMessageBox*>(QStringLiteral("adminConfirmDialog"))) && box->isVisible(), 5000);
    QTest::mouseClick(box->button(QMessageBox::Ok), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(lock->text(), QStringLiteral("ロック解除"), 20000);

    // 操作履歴: both rows, newest first, with readable labels.
    auto* entry = find<QToolButton>(QStringLiteral("navAuditTrail"));
    QVERIFY(entry->isVisible());
    QCOMPARE(entry->text(), QStringLiteral("操作履歴"));
    AuditTrailPage* page = m_window->auditTrailPage();
    QSignalSpy listed(page, &AuditTrailPage::listed);
    QTest::mouseClick(entry, Qt::LeftButton);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::AuditTrail);
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() >= 1, 20000);
    QCOMPARE(labelsAbout(userId), QStringList({QStringLiteral("ロック"), QStringLiteral("ユーザ登録")}));
    QVERIFY(find<QLabel>(QStringLiteral("auditTotalLabel"))->text().contains(QStringLiteral("件")));
    QCOMPARE(AuditTrailPage::eventLabel(QStringLiteral("some.future_event")), QStringLiteral("some.future_event"));

    // Filter by 操作 = ロック.
    auto* combo = find<QComboBox>(QStringLiteral("auditEventCombo"));
    const int lockIndex = combo->findData(QStringLiteral("user.locked"));
    QVERIFY(lockIndex > 0);
    QCOMPARE(combo->itemText(lockIndex), QStringLiteral("ロック"));
    combo->setCurrentIndex(lockIndex);
    listed.clear();
    QTest::mouseClick(find<QPushButton>(QStringLiteral("auditSearchButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() >= 1, 20000);
    QCOMPARE(page->rowCount(), 1);
    QCOMPARE(page->cell(0, AuditTrailPage::SubjectColumn), userId);
    QCOMPARE(page->cell(0, AuditTrailPage::RemoteColumn), QStringLiteral("127.0.0.1"));
    // Together with 対象ユーザ = an unknown ID: nothing matches.
    test::typeText(find<QLineEdit>(QStringLiteral("auditSubjectEdit")), QStringLiteral("nobody"));
    listed.clear();
    QTest::keyClick(find<QLineEdit>(QStringLiteral("auditSubjectEdit")), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() >= 1, 20000);
    QCOMPARE(page->rowCount(), 0);
    QCOMPARE(find<QLabel>(QStringLiteral("auditTotalLabel"))->text(), QStringLiteral("該当するデータが存在しません。"));

    // クリア: the whole trail again.
    listed.clear();
    QTest::mouseClick(find<QPushButton>(QStringLiteral("auditClearButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() >= 1, 20000);
    QCOMPARE(combo->currentIndex(), 0);
    QVERIFY(find<QLineEdit>(QStringLiteral("auditSubjectEdit"))->text().isEmpty());
    QCOMPARE(labelsAbout(userId).size(), 2);

    // CSV出力: the save dialog opens; the chosen file holds both rows, BOM first.
    QTest::mouseClick(find<QPushButton>(QStringLiteral("auditExportCsvButton")), Qt::LeftButton);
    QFileDialog* save = nullptr;
    QTRY_VERIFY((save = m_window->findChild<QFileDialog*>(QStringLiteral("exportCsvDialog"))) && save->isVisible());
    QCOMPARE(save->acceptMode(), QFileDialog::AcceptSave);
    save->reject();
    const QString path = m_home.filePath(QStringLiteral("操作履歴.csv"));
    QSignalSpy exported(page, &AuditTrailPage::exported);
    page->exportCsvTo(path);
    QTRY_VERIFY_WITH_TIMEOUT(exported.count() == 1, 20000);
    const QByteArray csv = test::readAll(path);
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    const QString text = QString::fromUtf8(csv);
    QVERIFY(text.contains(QStringLiteral("\"user.registered\",\"admin\",\"%1\"").arg(userId)));
    QVERIFY(text.contains(QStringLiteral("\"user.locked\",\"admin\",\"%1\"").arg(userId)));
    QVERIFY(find<QLabel>(QStringLiteral("auditMessage"))->text().contains(QStringLiteral("操作履歴.csv")));
    // The export itself is now in the trail.
    listed.clear();
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() >= 1, 20000);
    QCOMPARE(page->cell(0, AuditTrailPage::EventColumn), QStringLiteral("操作履歴CSV出力"));

    // A file that cannot be written: an error with its code, and no file.
    const QString bad = m_home.filePath(QStringLiteral("missing/dir/audit.csv"));
    QSignalSpy failed(page, &AuditTrailPage::failed);
    page->exportCsvTo(bad);
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1, 20000);
    QVERIFY(!QFile::exists(bad));
    QVERIFY(find<QLabel>(QStringLiteral("auditError"))->text().startsWith(QLatin1Char('E')));

    // Logging out forgets the page.
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navLogout")), Qt::LeftButton);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::Login);
    QCOMPARE(page->rowCount(), 0);
}

QTEST_MAIN(TestUiAdminAuditFlow)
#include "tst_ui_admin_audit_flow.moc"
