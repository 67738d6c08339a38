// The desktop app on a 1280×800 laptop screen (Qt's offscreen screen configured so) against a real ikkatsu-server:
// every user and admin screen fits 1280×760 with its key buttons on screen, the admin entries fold into a menu,
// the viewer fits and closes with Esc, クリア searches again, logout leaves nothing for the next user, a user who
// chose 電子署名を行わない sets a certificate up later from 本人情報, My Page's check boxes and selected count, the
// batch result's 署名中 / 署名済, ダウンロード after one click, and 操作履歴 in Japanese.
#include "LoginSteps.h"
#include "MainWindow.h"
#include "ServerHarness.h"
#include "TestSupport.h"
#include "UiTestSupport.h"
#include "admin/AuditTrailPage.h"
#include "admin/FilesPage.h"
#include "admin/PermissionsDialog.h"
#include "admin/UsersPage.h"
#include "client/ApiClient.h"
#include "config/Language.h"
#include "config/Settings.h"
#include "files/FileFilterPanel.h"
#include "files/FileListModel.h"
#include "pages/MyPage.h"
#include "pages/NavigationBar.h"
#include "services/ServerAccountService.h"
#include "services/ServerAdminService.h"
#include "services/ServerFileSource.h"
#include "setup/CertificateSetupWizard.h"
#include "signing/BatchJournal.h"
#include "signing/BatchSignDialog.h"
#include "viewer/FileViewer.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <cstdio>

using namespace ikkatsu;
using namespace ikkatsu::ui;
using test::TestServer;
using test::TestUser;

namespace {

// A laptop's usable window: 1280×800 less a title bar.
const QSize kLaptop(1280, 760);

} // namespace

class TestUiDesktopFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void startsMaximizedOnSmallScreens();
    void userScreensFitTheLaptop();
    void myPageShowsTenRowsWithoutScrolling();
    void checkBoxesAndSelectedCount();
    void clearSearchesAgain();
    void viewerFitsReadsInJapaneseAndClosesWithEsc();
    void batchResultSaysSigningOrSigned();
    void logoutResetsEveryPage();
    void setupLaterFromProfile();
    void adminScreensFitTheLaptop();
    void adminNavigationFoldsOnlyWhenNarrow();
    void adminDownloadAfterOneClick();
    void adminEditsPermissions();
    void auditTrailInJapanese();

private:
    template<typename T>
    T* find(const QString& name)
    {
        T* widget = m_window->findChild<T*>(name);
        if (!widget)
            qWarning("no widget %s", qPrintable(name));
        return widget;
    }
    QString registerFiles(const QString& folderName, const QString& prefix, int count, const QStringList& signers,
        const QStringList& viewers = {});
    // ログイン → ワンタイムパスワード; ends on the screen the app chooses next.
    bool login(const TestUser& user);
    void logout();
    // The PIN step of the setup wizard, from its choice step.
    bool setupToPinStep();
    // Fails the test unless `widget` is shown and wholly inside the window (not clipped by a scroll area).
    void verifyOnScreen(const QString& name);
    void verifyFits(const char* screenName);
    // Presses the check box of the file list's row `row`.
    void clickCheckBox(int row);

    TestServer m_server;
    QTemporaryDir m_home;
    std::unique_ptr<client::ApiClient> m_admin;
    TestUser m_adminUser;
    TestUser m_user;
    TestUser m_second;
    TestUser m_declined;
    QHash<QString, QString> m_folders;
    const QString m_adminEmail = QStringLiteral("admin@example.test");
    const QString m_pin = QStringLiteral("Laptop2026");
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ServerAccountService> m_accounts;
    std::unique_ptr<ServerAdminService> m_adminService;
    std::unique_ptr<MainWindow> m_window;
};

QString TestUiDesktopFlow::registerFiles(
    const QString& folderName, const QString& prefix, int count, const QStringList& signers, const QStringList& viewers)
{
    if (!m_folders.contains(folderName)) {
        auto folder
            = client::waitFor<api::FolderInfo>([&](auto done) { m_admin->createFolder(folderName, std::move(done)); });
        if (!folder.ok())
            return folder.error().codeText();
        m_folders.insert(folderName, folder->folderId);
    }
    const QString sample = m_home.filePath(prefix + QStringLiteral(".pdf"));
    if (!test::writeSamplePdf(sample, prefix, 1))
        return QStringLiteral("no sample");
    QFile file(sample);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unreadable sample");
    const QByteArray pdf = file.readAll();
    QList<api::NewFile> files;
    for (int i = 1; i <= count; ++i) {
        api::NewFile newFile;
        newFile.name = QStringLiteral("%1%2.pdf").arg(prefix).arg(i, 2, 10, QLatin1Char('0'));
        newFile.content = pdf;
        newFile.signers = signers;
        newFile.viewers = viewers;
        files.append(newFile);
    }
    auto outcomes = client::waitFor<QList<api::NewFileOutcome>>(
        [&](auto done) { m_admin->registerFiles(m_folders.value(folderName), files, std::move(done)); });
    if (!outcomes.ok())
        return outcomes.error().codeText();
    for (const api::NewFileOutcome& outcome : *outcomes) {
        if (!outcome.file)
            return outcome.name + QLatin1Char(' ') + errorCodeText(outcome.code);
    }
    return {};
}

bool TestUiDesktopFlow::login(const TestUser& user)
{
    if (m_window->currentScreen() != MainWindow::Screen::Login)
        return false;
    auto* id = find<QLineEdit>(QStringLiteral("userIdEdit"));
    id->clear();
    QTest::keyClicks(id, user.userId);
    auto* password = find<QLineEdit>(QStringLiteral("passwordEdit"));
    password->clear();
    QTest::keyClicks(password, user.password);
    QTest::keyClick(password, Qt::Key_Return);
    if (!QTest::qWaitFor([&] { return m_window->currentScreen() == MainWindow::Screen::Otp; }, 20000))
        return false;
    auto* otp = find<QLineEdit>(QStringLiteral("otpEdit"));
    QTest::keyClicks(otp, test::newestOtpFor(m_server, user.email));
    QTest::keyClick(otp, Qt::Key_Return);
    return QTest::qWaitFor([&] { return m_window->currentScreen() != MainWindow::Screen::Otp; }, 20000);
}

void TestUiDesktopFlow::logout()
{
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navLogout")), Qt::LeftButton);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::Login);
}

bool TestUiDesktopFlow::setupToPinStep()
{
    QTest::mouseClick(find<QPushButton>(QStringLiteral("choiceNextButton")), Qt::LeftButton);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("userInfoNextButton")), Qt::LeftButton);
    return QTest::qWaitFor(
        [&] { return m_window->setupWizard()->currentStep() == CertificateSetupWizard::PinStep; }, 30000);
}

void TestUiDesktopFlow::verifyOnScreen(const QString& name)
{
    QWidget* widget = find<QWidget>(name);
    QVERIFY2(widget, qPrintable(name));
    QVERIFY2(widget->isVisible(), qPrintable(name + QStringLiteral(" is hidden")));
    const QRect inWindow(widget->mapTo(m_window.get(), QPoint(0, 0)), widget->size());
    QVERIFY2(m_window->rect().contains(inWindow),
        qPrintable(QStringLiteral("%1 at %2,%3 %4×%5 is outside the %6×%7 window")
                       .arg(name)
                       .arg(inWindow.x())
                       .arg(inWindow.y())
                       .arg(inWindow.width())
                       .arg(inWindow.height())
                       .arg(m_window->width())
                       .arg(m_window->height())));
    // Clipped by a scroll area or a too small parent: part of it cannot be seen without scrolling.
    QVERIFY2(widget->visibleRegion().boundingRect() == widget->rect(),
        qPrintable(name + QStringLiteral(" is partly hidden")));
}

void TestUiDesktopFlow::verifyFits(const char* screenName)
{
    QCoreApplication::processEvents();
    const QSize minimum = m_window->minimumSizeHint().expandedTo(m_window->minimumSize());
    QVERIFY2(minimum.width() <= kLaptop.width() && minimum.height() <= kLaptop.height(),
        qPrintable(QStringLiteral("%1: the window needs at least %2×%3")
                       .arg(QLatin1String(screenName))
                       .arg(minimum.width())
                       .arg(minimum.height())));
    QCOMPARE(m_window->size(), kLaptop);
    verifyOnScreen(QStringLiteral("navLogout"));
}

void TestUiDesktopFlow::clickCheckBox(int row)
{
    auto* table = find<QTableView>(QStringLiteral("fileTable"));
    const QModelIndex index = table->model()->index(row, FileListModel::FileNameColumn);
    QStyleOptionViewItem option;
    option.initFrom(table);
    option.rect = table->visualRect(index);
    option.features |= QStyleOptionViewItem::HasCheckIndicator;
    const QRect box = table->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, table);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, box.center());
}

void TestUiDesktopFlow::initTestCase()
{
    QVERIFY(m_home.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(installTranslations(QStringLiteral("ja")), QStringLiteral("ja"));
    m_adminUser.userId = QStringLiteral("admin");
    m_adminUser.password = QStringLiteral("admin-password-1");
    m_adminUser.email = m_adminEmail;
    QVERIFY(m_server.initAdmin(m_adminUser.userId, m_adminUser.password, m_adminEmail));
    QVERIFY(m_server.start({QStringLiteral("--require-password-change=false")}));
    const QString adminToken = test::fullLogin(m_server, m_adminUser.userId, m_adminUser.password, m_adminEmail);
    QVERIFY(!adminToken.isEmpty());
    QCOMPARE(m_server.post(QStringLiteral("/api/v1/certificate-setup"), {{QStringLiteral("sign"), false}}, adminToken)
                 .status,
        200);
    m_admin = std::make_unique<client::ApiClient>(QUrl(m_server.baseUrl()));
    m_admin->setSessionToken(adminToken);
    m_user = test::registerUser(m_server, adminToken, m_adminEmail, QStringLiteral("signer@example.test"));
    m_second = test::registerUser(m_server, adminToken, m_adminEmail, QStringLiteral("second@example.test"));
    m_declined = test::registerUser(m_server, adminToken, m_adminEmail, QStringLiteral("later@example.test"));
    QVERIFY(!m_user.userId.isEmpty() && !m_second.userId.isEmpty() && !m_declined.userId.isEmpty());
    // The third user chose 電子署名を行わない at the first login.
    const QString declinedToken = test::fullLogin(m_server, m_declined.userId, m_declined.password, m_declined.email);
    QCOMPARE(
        m_server.post(QStringLiteral("/api/v1/certificate-setup"), {{QStringLiteral("sign"), false}}, declinedToken)
            .status,
        200);

    // 12 files the user alone signs, 2 a second signer must sign too, 1 to view.
    QCOMPARE(registerFiles(QStringLiteral("建築確認申請"), QStringLiteral("申請書"), 12, {m_user.userId}), QString());
    QCOMPARE(
        registerFiles(QStringLiteral("工事請負契約"), QStringLiteral("契約書"), 2, {m_user.userId, m_second.userId}),
        QString());
    QCOMPARE(registerFiles(QStringLiteral("設計図面"), QStringLiteral("配置図"), 1, {}, {m_user.userId}), QString());

    QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral("keys")));
    m_settings = std::make_unique<Settings>(QString(), m_home.filePath(QStringLiteral("user.conf")));
    QVERIFY(m_settings->setValue(SettingKey::ServerUrl, m_server.baseUrl()).ok());
    QVERIFY(m_settings->setValue(SettingKey::KeyStoreDirectory, m_home.filePath(QStringLiteral("keys"))).ok());
    m_accounts = std::make_unique<ServerAccountService>();
    m_adminService = std::make_unique<ServerAdminService>(m_accounts.get());
    ServerAccountService* accounts = m_accounts.get();
    m_window = std::make_unique<MainWindow>(m_settings.get(), accounts,
        [accounts](const UserProfile&) { return std::make_unique<ServerFileSource>(accounts->apiClient()); });
    m_window->setAdminService(m_adminService.get());
    m_window->show();
    m_window->resize(kLaptop);
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    // The user signs up for a certificate at the first login.
    QVERIFY(login(m_user));
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::Setup);
    QVERIFY(setupToPinStep());
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("newPinEdit")), m_pin);
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("confirmPinEdit")), m_pin);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("registerButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->setupWizard()->currentStep(), CertificateSetupWizard::DoneStep, 30000);
    QSignalSpy listed(m_window->myPage(), &MyPage::listed);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("nextProcessButton")), Qt::LeftButton);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::MyPage);
    QVERIFY(listed.wait(20000));
    BatchJournal(m_user.userId).clear();
}

void TestUiDesktopFlow::cleanupTestCase()
{
    if (m_user.userId.size())
        BatchJournal(m_user.userId).clear();
    m_window.reset();
    m_adminService.reset();
    m_accounts.reset();
}

void TestUiDesktopFlow::startsMaximizedOnSmallScreens()
{
    const QSize preferred = MainWindow::preferredSize();
    QVERIFY(preferred.width() <= kLaptop.width() && preferred.height() <= kLaptop.height());
    // 1280×800 less a panel, 1366×768: maximized. Full HD: a normal window.
    QVERIFY(MainWindow::startsMaximized(preferred, QSize(1280, 770)));
    QVERIFY(MainWindow::startsMaximized(preferred, QSize(1366, 738)));
    QVERIFY(MainWindow::startsMaximized(preferred, QSize(1024, 700)));
    QVERIFY(!MainWindow::startsMaximized(preferred, QSize(1920, 1040)));
    QCOMPARE(MainWindow::fittedSize(QSize(1200, 800), QSize(1280, 770), QMargins(4, 32, 4, 4)), QSize(1200, 734));
    QCOMPARE(MainWindow::fittedSize(QSize(1200, 800), QSize(1920, 1040), QMargins(4, 32, 4, 4)), QSize(1200, 800));

    // On this test's 1280×800 screen the app comes up maximized.
    const QScreen* screen = m_window->screen();
    QVERIFY(screen);
    if (screen->availableGeometry().size() == QSize(1280, 800)) {
        Settings settings(QString(), m_home.filePath(QStringLiteral("other.conf")));
        ServerAccountService accounts;
        MainWindow window(&settings, &accounts, MainWindow::FileSourceFactory());
        window.showForScreen();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.isMaximized());
        QVERIFY(screen->availableGeometry().contains(window.frameGeometry()));
    }
}

void TestUiDesktopFlow::userScreensFitTheLaptop()
{
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::MyPage);
    verifyFits("My Page");
    for (const char* name : {"searchButton", "clearButton", "viewButton", "batchSignButton", "nextPageButton",
             "quickSearchButton", "navServiceTop", "navMyPage", "navProfile", "navResults"})
        verifyOnScreen(QString::fromLatin1(name));
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navServiceTop")), Qt::LeftButton);
    verifyFits("サービスTOP");
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navProfile")), Qt::LeftButton);
    verifyFits("本人情報");
    for (const char* name : {"changePasswordButton", "changePinButton"})
        verifyOnScreen(QString::fromLatin1(name));
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navResults")), Qt::LeftButton);
    verifyFits("処理結果");
    for (const char* name : {"resultsSearchButton", "resultsReloadButton"})
        verifyOnScreen(QString::fromLatin1(name));
    QSignalSpy listed(m_window->myPage(), &MyPage::listed);
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navMyPage")), Qt::LeftButton);
    QVERIFY(listed.wait(20000));
}

void TestUiDesktopFlow::myPageShowsTenRowsWithoutScrolling()
{
    auto* table = find<QTableView>(QStringLiteral("fileTable"));
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 15, 20000);
    QCoreApplication::processEvents();
    // The page itself does not scroll: the list is all there is to scroll.
    auto* scroll = m_window->myPage()->findChild<QScrollArea*>(QStringLiteral("pageScroll"));
    QVERIFY(scroll);
    QCOMPARE(scroll->verticalScrollBar()->maximum(), 0);
    const int rowHeight = table->rowHeight(0);
    QVERIFY(rowHeight > 0);
    const int wholeRows = table->viewport()->height() / rowHeight;
    QVERIFY2(wholeRows >= 10, qPrintable(QStringLiteral("only %1 whole rows in view").arg(wholeRows)));
    const QRect tenth = table->visualRect(table->model()->index(9, 0));
    QVERIFY(table->viewport()->rect().contains(tenth));
}

void TestUiDesktopFlow::checkBoxesAndSelectedCount()
{
    auto* table = find<QTableView>(QStringLiteral("fileTable"));
    table->clearSelection();
    auto* count = find<QLabel>(QStringLiteral("selectedCount"));
    QCOMPARE(count->text(), QStringLiteral("0 件選択中"));
    clickCheckBox(0);
    clickCheckBox(2);
    QCOMPARE(m_window->myPage()->selectedEntries().size(), 2);
    QCOMPARE(table->model()->index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(table->model()->index(1, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(table->model()->index(2, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(count->text(), QStringLiteral("2 件選択中"));
    QVERIFY(find<QPushButton>(QStringLiteral("batchSignButton"))->isEnabled());
    QVERIFY(!find<QPushButton>(QStringLiteral("viewButton"))->isEnabled());
    clickCheckBox(0);
    QCOMPARE(count->text(), QStringLiteral("1 件選択中"));
    QCOMPARE(table->model()->index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    // Selecting with the keyboard checks the boxes too.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(count->text(), QStringLiteral("15 件選択中"));
    table->clearSelection();
    QCOMPARE(count->text(), QStringLiteral("0 件選択中"));
}

void TestUiDesktopFlow::clearSearchesAgain()
{
    MyPage* myPage = m_window->myPage();
    QSignalSpy listed(myPage, &MyPage::listed);
    auto* quick = find<QLineEdit>(QStringLiteral("quickSearchEdit"));
    QTest::keyClicks(quick, QStringLiteral("nothing-like-this"));
    QTest::keyClick(quick, Qt::Key_Return);
    QVERIFY(listed.wait(20000));
    QCOMPARE(listed.last().first().toInt(), 0);
    auto* empty = find<QLabel>(QStringLiteral("emptyLabel"));
    QVERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(QStringLiteral("該当するデータが存在しません。")));

    QTest::mouseClick(find<QPushButton>(QStringLiteral("clearButton")), Qt::LeftButton);
    QVERIFY(listed.wait(20000));
    QCOMPARE(listed.last().first().toInt(), 15);
    QVERIFY(empty->isHidden());
    QVERIFY(quick->text().isEmpty());
    QCOMPARE(myPage->filterPanel()->filter(), defaultFileFilter());
    QCOMPARE(myPage->model()->rowCount(), 15);
}

void TestUiDesktopFlow::viewerFitsReadsInJapaneseAndClosesWithEsc()
{
    auto* table = find<QTableView>(QStringLiteral("fileTable"));
    table->selectRow(0);
    QPushButton* view = find<QPushButton>(QStringLiteral("viewButton"));
    QVERIFY(view->isEnabled());
    QTest::mouseClick(view, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->viewer() && m_window->viewer()->isVisible(), 20000);
    FileViewer* viewer = m_window->viewer();
    QVERIFY(QTest::qWaitForWindowExposed(viewer));
    const QRect available = viewer->screen()->availableGeometry();
    QVERIFY2(available.contains(viewer->frameGeometry()),
        qPrintable(QStringLiteral("viewer %1×%2 at %3,%4 on a %5×%6 screen")
                       .arg(viewer->frameGeometry().width())
                       .arg(viewer->frameGeometry().height())
                       .arg(viewer->frameGeometry().x())
                       .arg(viewer->frameGeometry().y())
                       .arg(available.width())
                       .arg(available.height())));
    const QSize minimum = viewer->minimumSizeHint();
    QVERIFY(minimum.width() <= kLaptop.width() && minimum.height() <= kLaptop.height());
    viewer->activateWindow();
    QTest::keyClick(viewer, Qt::Key_Escape);
    QTRY_VERIFY(!viewer->isVisible());
}

void TestUiDesktopFlow::batchResultSaysSigningOrSigned()
{
    MyPage* myPage = m_window->myPage();
    auto* table = find<QTableView>(QStringLiteral("fileTable"));
    // One file the user alone signs, one that waits for a second signer.
    QList<int> rows;
    int alone = -1;
    int shared = -1;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QString name = table->model()->index(row, FileListModel::FileNameColumn).data().toString();
        if (alone < 0 && name.startsWith(QStringLiteral("申請書")))
            alone = row;
        if (shared < 0 && name.startsWith(QStringLiteral("契約書")))
            shared = row;
    }
    QVERIFY(alone >= 0 && shared >= 0);
    table->clearSelection();
    clickCheckBox(alone);
    clickCheckBox(shared);
    QCOMPARE(myPage->selectedEntries().size(), 2);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("batchSignButton")), Qt::LeftButton);
    BatchSignDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<BatchSignDialog*>()) != nullptr, 10000);
    QSignalSpy finished(dialog, &BatchSignDialog::batchFinished);
    auto* pin = dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit"));
    QTRY_VERIFY_WITH_TIMEOUT(pin->isEnabled(), 60000); // the PIN is asked once the pre-flight is done
    QTest::keyClicks(pin, m_pin);
    QTest::keyClick(pin, Qt::Key_Return);
    QVERIFY(finished.wait(60000));
    auto* results = dialog->findChild<QTableWidget*>();
    QVERIFY(results);
    QHash<QString, QString> status;
    for (int row = 0; row < results->rowCount(); ++row)
        status.insert(results->item(row, 0)->text(), results->item(row, results->columnCount() - 1)->text());
    QCOMPARE(status.size(), 2);
    for (auto it = status.cbegin(); it != status.cend(); ++it) {
        if (it.key().startsWith(QStringLiteral("申請書")))
            QVERIFY2(it.value().contains(QStringLiteral("署名済")), qPrintable(it.value()));
        else
            QVERIFY2(it.value().contains(QStringLiteral("署名中")), qPrintable(it.value()));
    }
    dialog->accept();
    QTRY_VERIFY(m_window->findChild<BatchSignDialog*>() == nullptr);
}

void TestUiDesktopFlow::logoutResetsEveryPage()
{
    // The user leaves My Page, 処理結果 and 本人情報 in a state of their own…
    MyPage* myPage = m_window->myPage();
    QSignalSpy listed(myPage, &MyPage::listed);
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navMyPage")), Qt::LeftButton);
    QVERIFY(listed.wait(20000));
    auto* quick = find<QLineEdit>(QStringLiteral("quickSearchEdit"));
    QTest::keyClicks(quick, QStringLiteral("nothing-like-this"));
    QTest::keyClick(quick, Qt::Key_Return);
    QVERIFY(listed.wait(20000));
    QVERIFY(find<QLabel>(QStringLiteral("emptyLabel"))->isVisible());
    myPage->showResumeOffer(3);
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navResults")), Qt::LeftButton);
    find<QComboBox>(QStringLiteral("resultsOutcomeCombo"))->setCurrentIndex(2);
    test::typeText(find<QLineEdit>(QStringLiteral("resultsFileNameEdit")), QStringLiteral("契約"));
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navProfile")), Qt::LeftButton);
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("currentPasswordEdit")), QStringLiteral("half-typed"));
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("currentPinEdit")), QStringLiteral("1234"));
    logout();

    // …and the second user, at the setup wizard's PIN step, sees the paste refused in red…
    QVERIFY(login(m_second));
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::Setup);
    QVERIFY(setupToPinStep());
    QGuiApplication::clipboard()->setText(QStringLiteral("Pasted123"));
    auto* confirm = find<QLineEdit>(QStringLiteral("confirmPinEdit"));
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("newPinEdit")), QStringLiteral("Typed1234"));
    confirm->setFocus();
    QTest::keyClick(confirm, Qt::Key_V, Qt::ControlModifier);
    auto* hint = find<QLabel>(QStringLiteral("pasteRefusedHint"));
    QCOMPARE(hint->property("messageKind").toString(), QStringLiteral("error"));
    // (the session ends here without the nav bar, as an expired session does)
    m_window->endSession(QString());
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::Login);

    // The next user finds every page as a fresh start.
    QVERIFY(login(m_user));
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::MyPage);
    QVERIFY(listed.wait(20000));
    QVERIFY(quick->text().isEmpty());
    QCOMPARE(myPage->filterPanel()->filter(), defaultFileFilter());
    QVERIFY(find<QLabel>(QStringLiteral("emptyLabel"))->isHidden());
    QVERIFY(find<QWidget>(QStringLiteral("resumeBanner"))->isHidden());
    QVERIFY(myPage->model()->rowCount() > 0);
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navResults")), Qt::LeftButton);
    QCOMPARE(find<QComboBox>(QStringLiteral("resultsOutcomeCombo"))->currentIndex(), 0);
    QVERIFY(find<QLineEdit>(QStringLiteral("resultsFileNameEdit"))->text().isEmpty());
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navProfile")), Qt::LeftButton);
    QVERIFY(find<QLineEdit>(QStringLiteral("currentPasswordEdit"))->text().isEmpty());
    QVERIFY(find<QLineEdit>(QStringLiteral("currentPinEdit"))->text().isEmpty());
    logout();
}

void TestUiDesktopFlow::setupLaterFromProfile()
{
    // 電子署名を行わない at the first login: straight to My Page, no certificate here.
    QVERIFY(login(m_declined));
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::MyPage);
    QVERIFY(!QFileInfo::exists(m_window->keyStoreFile()));
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navProfile")), Qt::LeftButton);
    auto* setup = find<QPushButton>(QStringLiteral("setupCertificateButton"));
    QVERIFY(setup && setup->isVisible());
    QCOMPARE(setup->text(), QStringLiteral("署名用証明書セットアップ"));
    QTest::mouseClick(setup, Qt::LeftButton);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::Setup);
    QCOMPARE(m_window->setupWizard()->currentStep(), CertificateSetupWizard::ChoiceStep);
    QVERIFY(setupToPinStep());
    // Nothing of the previous user's attempt (a typed PIN, the red paste warning) is left.
    QVERIFY(find<QLineEdit>(QStringLiteral("newPinEdit"))->text().isEmpty());
    QVERIFY(find<QLineEdit>(QStringLiteral("confirmPinEdit"))->text().isEmpty());
    QVERIFY(find<QLabel>(QStringLiteral("pasteRefusedHint"))->property("messageKind").toString().isEmpty());
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("newPinEdit")), m_pin);
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("confirmPinEdit")), m_pin);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("registerButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->setupWizard()->currentStep(), CertificateSetupWizard::DoneStep, 30000);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("nextProcessButton")), Qt::LeftButton);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::MyPage);
    QVERIFY(QFileInfo::exists(m_window->keyStoreFile()));
    // The server issued the certificate: it lists it for the administrator.
    auto details = client::waitFor<client::ApiClient::UserDetails>(
        [&](auto done) { m_admin->userDetails(m_declined.userId, std::move(done)); });
    QVERIFY(details.ok());
    QCOMPARE(details->certificates.size(), 1);
    QCOMPARE(details->user.signingChoice, api::SigningChoice::Sign);
    // With a certificate, 本人情報 no longer offers the setup.
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navProfile")), Qt::LeftButton);
    QVERIFY(setup->isHidden());
    logout();
}

void TestUiDesktopFlow::adminScreensFitTheLaptop()
{
    QVERIFY(login(m_adminUser));
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::MyPage);
    QVERIFY(m_window->navigationBar()->isAdminVisible());
    verifyFits("My Page (admin)");

    QSignalSpy usersListed(m_window->usersPage(), &UsersPage::listed);
    m_window->showScreen(MainWindow::Screen::Users);
    QVERIFY(usersListed.wait(20000));
    QSignalSpy details(m_window->usersPage(), &UsersPage::detailsShown);
    m_window->usersPage()->selectUser(m_user.userId);
    QVERIFY(details.wait(20000));
    verifyFits("ユーザ管理");
    for (const char* name : {"newUserButton", "usersSearchButton", "usersPreviousButton", "usersNextButton",
             "editUserButton", "lockUserButton", "disableUserButton", "resetPasswordButton", "revokeCertificateButton"})
        verifyOnScreen(QString::fromLatin1(name));

    QSignalSpy filesShown(m_window->filesPage(), &FilesPage::detailsShown);
    m_window->showScreen(MainWindow::Screen::AdminFiles);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->filesPage()->fileRowCount() > 0, 20000);
    QVERIFY(m_window->filesPage()->selectFile(0));
    QVERIFY(filesShown.wait(20000));
    verifyFits("フォルダ・ファイル管理");
    for (const char* name : {"createFolderButton", "addSignerButton", "addFilesButton", "registerFilesButton",
             "filesPreviousButton", "filesNextButton", "downloadVersionButton"})
        verifyOnScreen(QString::fromLatin1(name));

    m_window->showScreen(MainWindow::Screen::AllResults);
    QTRY_VERIFY_WITH_TIMEOUT(find<QTableView>(QStringLiteral("allResultsTable"))->model()->rowCount() > 0, 20000);
    verifyFits("全員の処理結果");
    for (const char* name :
        {"allResultsSearchButton", "exportCsvButton", "allResultsPreviousButton", "allResultsNextButton"})
        verifyOnScreen(QString::fromLatin1(name));

    m_window->showScreen(MainWindow::Screen::AuditTrail);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->auditTrailPage()->rowCount() > 0, 20000);
    verifyFits("操作履歴");
    for (const char* name :
        {"auditSearchButton", "auditClearButton", "auditExportCsvButton", "auditPreviousButton", "auditNextButton"})
        verifyOnScreen(QString::fromLatin1(name));
}

void TestUiDesktopFlow::adminNavigationFoldsOnlyWhenNarrow()
{
    NavigationBar* bar = m_window->navigationBar();
    // At 1280 every destination is on screen, as an entry or in the menu.
    verifyOnScreen(bar->isFolded() ? QStringLiteral("navAdminMenu") : QStringLiteral("navAuditTrail"));
    // Narrower, the admin entries fold into one menu from which every destination stays reachable.
    m_window->resize(1024, 700);
    QTRY_VERIFY(bar->isFolded());
    QVERIFY(m_window->width() <= 1100);
    verifyOnScreen(QStringLiteral("navAdminMenu"));
    verifyOnScreen(QStringLiteral("navLogout"));
    QVERIFY(find<QToolButton>(QStringLiteral("navUsers"))->isHidden());
    QMenu* menu = bar->adminMenu();
    QCOMPARE(menu->actions().size(), 4);
    QCOMPARE(menu->actions().at(0)->text(), QStringLiteral("ユーザ管理"));
    QCOMPARE(menu->actions().at(3)->text(), QStringLiteral("操作履歴"));
    QSignalSpy usersListed(m_window->usersPage(), &UsersPage::listed);
    menu->actions().at(0)->trigger();
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::Users);
    QVERIFY(menu->actions().at(0)->isChecked());
    QVERIFY(find<QToolButton>(QStringLiteral("navAdminMenu"))->isChecked());
    QVERIFY(usersListed.wait(20000));

    // A wide window shows them as entries of their own.
    m_window->resize(1900, 900);
    QTRY_VERIFY(!bar->isFolded());
    QVERIFY(find<QToolButton>(QStringLiteral("navUsers"))->isVisible());
    QVERIFY(find<QToolButton>(QStringLiteral("navAdminMenu"))->isHidden());
    m_window->resize(kLaptop);
    QTRY_COMPARE(m_window->size(), kLaptop);
}

void TestUiDesktopFlow::adminDownloadAfterOneClick()
{
    m_window->showScreen(MainWindow::Screen::AdminFiles);
    FilesPage* files = m_window->filesPage();
    QTRY_VERIFY_WITH_TIMEOUT(files->fileRowCount() > 0, 20000);
    files->clear();
    m_window->showScreen(MainWindow::Screen::AdminFiles);
    QTRY_VERIFY_WITH_TIMEOUT(files->fileRowCount() > 0, 20000);
    auto* download = find<QPushButton>(QStringLiteral("downloadVersionButton"));
    QVERIFY(!download->isEnabled());
    QSignalSpy shown(files, &FilesPage::detailsShown);
    auto* table = find<QTableView>(QStringLiteral("adminFilesTable"));
    QVERIFY(table);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(0, 0)).center());
    QVERIFY(shown.wait(20000));
    QVERIFY(download->isEnabled());
}

void TestUiDesktopFlow::adminEditsPermissions()
{
    // The 契約書 file the user signed in the batch: the user (signed) and the second signer.
    auto page
        = client::waitFor<api::FileListPage>([&](auto done) { m_admin->adminFiles({}, 0, 100, std::move(done)); });
    QVERIFY(page.ok());
    QString fileId;
    for (const api::FileEntry& file : page->files) {
        if (file.name.startsWith(QStringLiteral("契約書")) && file.signedCount == 1)
            fileId = file.fileId;
    }
    QVERIFY(!fileId.isEmpty());
    m_window->showScreen(MainWindow::Screen::AdminFiles);
    FilesPage* files = m_window->filesPage();
    QTRY_VERIFY_WITH_TIMEOUT(files->fileRowCount() > 0, 20000);
    auto* table = find<QTableView>(QStringLiteral("adminFilesTable"));
    int row = -1;
    for (int i = 0; i < files->fileRowCount(); ++i) {
        if (table->model()->index(i, 0).data().toString().startsWith(QStringLiteral("契約書"))
            && table->model()->index(i, 4).data().toString().startsWith(QLatin1Char('1')))
            row = i;
    }
    QVERIFY(row >= 0);
    QSignalSpy shown(files, &FilesPage::detailsShown);
    QVERIFY(files->selectFile(row));
    QVERIFY(shown.wait(20000));
    auto* edit = find<QPushButton>(QStringLiteral("editPermissionsButton"));
    QVERIFY(edit->isEnabled());
    QTest::mouseClick(edit, Qt::LeftButton);
    PermissionsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<PermissionsDialog*>()) != nullptr && dialog->isVisible());
    QCOMPARE(dialog->signers(), (QStringList {m_user.userId, m_second.userId}));
    // The signed signer can be neither removed nor passed.
    auto* signerList = dialog->findChild<QListWidget*>(QStringLiteral("permissionSignerList"));
    signerList->setCurrentRow(0);
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("removePermissionSignerButton"))->isEnabled());
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("permissionSignerDownButton"))->isEnabled());
    signerList->setCurrentRow(1);
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("permissionSignerUpButton"))->isEnabled());
    QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("removePermissionSignerButton"))->isEnabled());
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("removePermissionSignerButton")), Qt::LeftButton);
    QCOMPARE(dialog->signers(), QStringList {m_user.userId});

    // The user picker: search by mail, add as signer; the second user becomes a viewer.
    QSignalSpy searched(dialog, &PermissionsDialog::searched);
    auto* search = dialog->findChild<QLineEdit*>(QStringLiteral("permissionSearchEdit"));
    QTest::keyClicks(search, QStringLiteral("later@"));
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(searched.wait(20000));
    QVERIFY(dialog->isVisible());
    QCOMPARE(searched.last().first().toInt(), 1);
    auto* users = dialog->findChild<QListWidget*>(QStringLiteral("permissionUserList"));
    users->setCurrentRow(0);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("addPermissionSignerButton")), Qt::LeftButton);
    // Already chosen: cannot be added twice.
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("addViewerButton"))->isEnabled());
    search->clear();
    QTest::keyClicks(search, QStringLiteral("second@"));
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(searched.wait(20000));
    // Return searched; it did not press [保存].
    QVERIFY(dialog->isVisible());
    users->setCurrentRow(0);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("addViewerButton")), Qt::LeftButton);
    QCOMPARE(dialog->signers(), (QStringList {m_user.userId, m_declined.userId}));
    QCOMPARE(dialog->viewers(), QStringList {m_second.userId});
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("savePermissionsButton")), Qt::LeftButton);
    QVERIFY(shown.wait(20000));
    QTRY_VERIFY(m_window->findChild<PermissionsDialog*>() == nullptr);
    auto* states = find<QTableWidget>(QStringLiteral("signerStatesTable"));
    QCOMPARE(states->rowCount(), 2);
    QCOMPARE(states->item(1, 1)->text(), m_declined.userId);

    // The server holds the change.
    auto detail
        = client::waitFor<api::FileEntry>([&](auto done) { m_admin->adminFileDetail(fileId, std::move(done)); });
    QVERIFY(detail.ok());
    QCOMPARE(detail->signers.size(), 2);
    QCOMPARE(detail->signers.at(0).userId, m_user.userId);
    QVERIFY(detail->signers.at(0).hasSigned);
    QCOMPARE(detail->signers.at(1).userId, m_declined.userId);
    QCOMPARE(detail->viewers, QStringList {m_second.userId});
}

void TestUiDesktopFlow::auditTrailInJapanese()
{
    m_window->showScreen(MainWindow::Screen::AuditTrail);
    AuditTrailPage* page = m_window->auditTrailPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->rowCount() > 0, 20000);
    auto* table = find<QTableView>(QStringLiteral("auditTable"));
    QVERIFY(table);
    bool sawRegistration = false;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QString event = table->model()->index(row, 1).data().toString();
        const QString detail = table->model()->index(row, 4).data().toString();
        QVERIFY2(!detail.contains(QLatin1Char('=')), qPrintable(event + QStringLiteral(": ") + detail));
        if (event == QStringLiteral("ファイル登録")) {
            sawRegistration = true;
            QVERIFY2(detail.contains(QStringLiteral("名前: ")), qPrintable(detail));
            QVERIFY2(detail.contains(QStringLiteral("署名者: ")), qPrintable(detail));
        }
    }
    QVERIFY(sawRegistration);

    // Every form the server writes.
    using namespace api::AuditEvent;
    QCOMPARE(AuditTrailPage::detailText(
                 FileRegistered, QStringLiteral("file=f3k9 name=工程表 第3版.pdf viewers=1 signers=3")),
        QStringLiteral("ファイルID: f3k9、名前: 工程表 第3版.pdf、閲覧者: 1 名、署名者: 3 名"));
    QCOMPARE(AuditTrailPage::detailText(UserEdited, QStringLiteral("company,email")),
        QStringLiteral("変更した項目: 会社名、メールアドレス"));
    QCOMPARE(AuditTrailPage::detailText(UserRegistered, QStringLiteral("role=user maySign=false")),
        QStringLiteral("権限: 利用者、電子署名: 不可"));
    QCOMPARE(AuditTrailPage::detailText(CertificateRevoked, QStringLiteral("serial=5F3A reason=1")),
        QStringLiteral("証明書シリアルナンバー: 5F3A、理由: 鍵の危殆化"));
    QCOMPARE(AuditTrailPage::detailText(LockedOut, QStringLiteral("5 wrong passwords")),
        QStringLiteral("パスワードを 5 回続けて誤入力"));
    QVERIFY(AuditTrailPage::detailText(LoginRefused, QStringLiteral("E1001")).startsWith(QStringLiteral("E1001 ")));
    QCOMPARE(AuditTrailPage::detailText(AuditExported, QStringLiteral("filter=event=user.")),
        QStringLiteral("条件: event=user."));
    // Hostile or unknown text is shown as it is, not lost.
    QCOMPARE(AuditTrailPage::detailText(FileRegistered, QStringLiteral("x <b>y</b>")), QStringLiteral("x <b>y</b>"));
    QCOMPARE(AuditTrailPage::detailText(FileRegistered, QString()), QString());
}

// The offscreen platform is given a 1280×800 screen (its default is 800×600) before the application starts.
int main(int argc, char** argv)
{
    QTemporaryDir config;
    if (qEnvironmentVariable("QT_QPA_PLATFORM").startsWith(QLatin1String("offscreen")) && config.isValid()) {
        const QString path = config.filePath(QStringLiteral("screens.json"));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(R"({"windowFrameMargins": true, "screens": [{"name": "laptop", "x": 0, "y": 0,
                "width": 1280, "height": 800, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
            file.close();
            qputenv("QT_QPA_PLATFORM", QStringLiteral("offscreen:configfile=%1").arg(path).toLocal8Bit());
        }
    }
    QApplication app(argc, argv);
    TestUiDesktopFlow test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ui_desktop_flow.moc"
