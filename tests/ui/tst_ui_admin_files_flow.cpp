// Admin mode's フォルダ・ファイル管理 and 全員の処理結果 against a real ikkatsu-server on loopback: a folder made on
// the page, 50 PDFs registered through it (half dropped, half by the dialog's path) with a viewer and two ordered
// signers, the users' own lists seen through ApiClient as those users, refused files with their codes, everyone's
// results filtered, and the CSV export read back from disk.
#include "FileSteps.h"
#include "LoginSteps.h"
#include "MainWindow.h"
#include "PdfFixtures.h"
#include "ServerHarness.h"
#include "TestSupport.h"
#include "UiTestSupport.h"
#include "admin/AllResultsPage.h"
#include "admin/FilesPage.h"
#include "client/ApiClient.h"
#include "config/Language.h"
#include "config/Settings.h"
#include "pages/NavigationBar.h"
#include "pages/ResultsPage.h"
#include "services/ServerAccountService.h"
#include "services/ServerAdminService.h"
#include "services/ServerFileSource.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::ui;
using test::SigningUser;
using test::TestServer;

class TestUiAdminFilesFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void adminScreensAreOffered();
    void createFolderOnThePage();
    void signerOrderIsEditable();
    void chooseFilesOpensDialog();
    void registerFiftyPdfsChangesTheUsersView();
    void refusedFilesShowTheirCodes();
    void downloadAnyVersion();
    void everyonesResultsListTheRegistrations();
    void ownResultsNameTheRegistrations();
    void csvExportStartsWithBomAndHoldsJapanese();
    void logoutForgetsTheAdminScreens();

private:
    template<typename T>
    T* find(const QString& name)
    {
        T* widget = m_window->findChild<T*>(name);
        if (!widget)
            qWarning("no widget %s", qPrintable(name));
        return widget;
    }
    void openFilesPage();
    // The user's own file list, fetched through ApiClient with the user's session.
    int filesSeenBy(const SigningUser& user);
    void dropFiles(const QStringList& paths);
    QString writePdf(const QString& name, int serial);

    TestServer m_server;
    QTemporaryDir m_home;
    QString m_adminToken;
    SigningUser m_viewer;
    SigningUser m_firstSigner;
    SigningUser m_secondSigner;
    const QString m_folderName = QStringLiteral("契約書 2026年度");
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ServerAccountService> m_accounts;
    std::unique_ptr<ServerAdminService> m_admin;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiAdminFilesFlow::initTestCase()
{
    QVERIFY(m_home.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(installTranslations(QStringLiteral("ja")), QStringLiteral("ja"));
    m_adminToken = test::startWithAdmin(m_server, {QStringLiteral("--require-password-change=false")});
    QVERIFY(!m_adminToken.isEmpty());
    QCOMPARE(m_server.post(QStringLiteral("/api/v1/certificate-setup"), {{QStringLiteral("sign"), false}}, m_adminToken)
                 .status,
        200);
    m_viewer = test::newUser(m_server, m_adminToken, QStringLiteral("viewer@files.example"), false);
    m_firstSigner = test::newUser(m_server, m_adminToken, QStringLiteral("signer1@files.example"));
    m_secondSigner = test::newUser(m_server, m_adminToken, QStringLiteral("signer2@files.example"));
    for (const SigningUser* user : {&m_viewer, &m_firstSigner, &m_secondSigner})
        QVERIFY2(!user->token.isEmpty(), qPrintable(QString::fromUtf8(m_server.log())));

    m_settings = std::make_unique<Settings>(QString(), m_home.filePath(QStringLiteral("user.conf")));
    QVERIFY(m_settings->setValue(SettingKey::ServerUrl, m_server.baseUrl()).ok());
    QVERIFY(m_settings->setValue(SettingKey::KeyStoreDirectory, m_home.path()).ok());
    m_accounts = std::make_unique<ServerAccountService>();
    m_admin = std::make_unique<ServerAdminService>(m_accounts.get());
    m_window = std::make_unique<MainWindow>(m_settings.get(), m_accounts.get(), MainWindow::FileSourceFactory());
    m_window->setAdminService(m_admin.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    QTest::keyClicks(find<QLineEdit>(QStringLiteral("userIdEdit")), QStringLiteral("admin"));
    auto* secret = find<QLineEdit>(QStringLiteral("passwordEdit"));
    QTest::keyClicks(secret, QStringLiteral("admin-password-1"));
    QTest::keyClick(secret, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::Otp, 20000);
    auto* otp = find<QLineEdit>(QStringLiteral("otpEdit"));
    QTest::keyClicks(otp, test::newestOtpFor(m_server, test::kAdminEmail));
    QTest::keyClick(otp, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::MyPage, 20000);
}

void TestUiAdminFilesFlow::cleanupTestCase()
{
    m_window.reset();
    m_admin.reset();
    m_accounts.reset();
    m_settings.reset();
}

void TestUiAdminFilesFlow::openFilesPage()
{
    auto* entry = find<QToolButton>(QStringLiteral("navAdminFiles"));
    QVERIFY(entry->isVisible());
    QSignalSpy listed(m_window->filesPage(), &FilesPage::foldersListed);
    QTest::mouseClick(entry, Qt::LeftButton);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::AdminFiles);
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() >= 1, 20000);
}

int TestUiAdminFilesFlow::filesSeenBy(const SigningUser& user)
{
    client::ApiClient client {QUrl(m_server.baseUrl())};
    client.setSessionToken(user.token);
    api::FileListFilter filter;
    filter.limit = api::FileListFilter::kMaxLimit;
    const auto page = client::waitFor(client.listFiles(filter));
    if (!page) {
        qWarning("listFiles: %s", qPrintable(page.error().codeText()));
        return -1;
    }
    return page->total;
}

void TestUiAdminFilesFlow::dropFiles(const QStringList& paths)
{
    FilesPage* page = m_window->filesPage();
    auto* data = new QMimeData;
    QList<QUrl> urls;
    for (const QString& path : paths)
        urls.append(QUrl::fromLocalFile(path));
    data->setUrls(urls);
    const QPointF at(page->width() / 2.0, page->height() / 2.0);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    enter.ignore();
    QApplication::sendEvent(page, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    drop.ignore();
    QApplication::sendEvent(page, &drop);
    QVERIFY(drop.isAccepted());
    delete data;
}

QString TestUiAdminFilesFlow::writePdf(const QString& name, int serial)
{
    test::PdfFixtureOptions options;
    // Different bytes per file, as real documents have.
    options.padding = QByteArray::number(serial).repeated(8);
    const QString path = m_home.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(test::minimalPdf(options));
    return path;
}

void TestUiAdminFilesFlow::adminScreensAreOffered()
{
    QCOMPARE(find<QToolButton>(QStringLiteral("navAdminFiles"))->text(), QStringLiteral("フォルダ・ファイル管理"));
    QCOMPARE(find<QToolButton>(QStringLiteral("navAllResults"))->text(), QStringLiteral("全員の処理結果"));
    QVERIFY(find<QToolButton>(QStringLiteral("navAllResults"))->isVisible());
}

void TestUiAdminFilesFlow::createFolderOnThePage()
{
    openFilesPage();
    FilesPage* page = m_window->filesPage();
    auto* combo = find<QComboBox>(QStringLiteral("folderCombo"));
    const int before = combo->count();
    QSignalSpy listed(page, &FilesPage::foldersListed);
    test::typeText(find<QLineEdit>(QStringLiteral("newFolderEdit")), m_folderName);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("createFolderButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() >= 1, 20000);
    QCOMPARE(combo->count(), before + 1);
    QVERIFY(combo->currentText().startsWith(m_folderName));
    QVERIFY(find<QLabel>(QStringLiteral("filesError"))->isHidden());

    // The same name again is refused with the server's code, and nothing is added.
    QSignalSpy failed(page, &FilesPage::failed);
    test::typeText(find<QLineEdit>(QStringLiteral("newFolderEdit")), m_folderName);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("createFolderButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1, 20000);
    QVERIFY(find<QLabel>(QStringLiteral("filesError"))->text().contains(QStringLiteral("E3008")));
    QCOMPARE(combo->count(), before + 1);
}

void TestUiAdminFilesFlow::signerOrderIsEditable()
{
    auto* edit = find<QLineEdit>(QStringLiteral("signerEdit"));
    auto* list = find<QListWidget>(QStringLiteral("signersList"));
    QTest::keyClicks(edit, m_firstSigner.account.userId);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("addSignerButton")), Qt::LeftButton);
    QTest::keyClicks(edit, m_secondSigner.account.userId);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(list->count(), 2);
    // Adding a signer twice keeps one entry.
    QTest::keyClicks(edit, m_secondSigner.account.userId);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(list->count(), 2);
    auto* up = find<QPushButton>(QStringLiteral("signerUpButton"));
    list->setCurrentRow(0);
    QVERIFY(!up->isEnabled());
    list->setCurrentRow(1);
    QVERIFY(up->isEnabled());
    QTest::mouseClick(up, Qt::LeftButton);
    QCOMPARE(list->item(0)->text(), m_secondSigner.account.userId);
    QCOMPARE(list->item(1)->text(), m_firstSigner.account.userId);
    QCOMPARE(list->currentRow(), 0);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("signerDownButton")), Qt::LeftButton);
    QCOMPARE(list->item(1)->text(), m_secondSigner.account.userId);
    QTest::mouseClick(up, Qt::LeftButton);
    QCOMPARE(list->item(0)->text(), m_secondSigner.account.userId);
}

void TestUiAdminFilesFlow::chooseFilesOpensDialog()
{
    QTest::mouseClick(find<QPushButton>(QStringLiteral("addFilesButton")), Qt::LeftButton);
    QFileDialog* dialog = nullptr;
    QTRY_VERIFY(
        (dialog = m_window->findChild<QFileDialog*>(QStringLiteral("chooseFilesDialog"))) && dialog->isVisible());
    QCOMPARE(dialog->fileMode(), QFileDialog::ExistingFiles);
    dialog->reject();
}

void TestUiAdminFilesFlow::registerFiftyPdfsChangesTheUsersView()
{
    FilesPage* page = m_window->filesPage();
    QCOMPARE(filesSeenBy(m_viewer), 0);
    QCOMPARE(filesSeenBy(m_firstSigner), 0);
    QStringList paths;
    for (int i = 1; i <= 50; ++i)
        paths.append(writePdf(QStringLiteral("doc-%1.pdf").arg(i, 2, 10, QLatin1Char('0')), i));
    QVERIFY(!paths.contains(QString()));
    dropFiles(paths.mid(0, 25));
    page->addFiles(paths.mid(25));
    page->addFiles(paths.mid(0, 5)); // already queued: ignored
    QCOMPARE(page->pendingFiles().size(), 50);
    QCOMPARE(find<QListWidget>(QStringLiteral("pendingFilesList"))->count(), 50);

    QTest::keyClicks(find<QLineEdit>(QStringLiteral("viewersEdit")), m_viewer.account.userId);
    find<QCheckBox>(QStringLiteral("signOrderedCheck"))->setChecked(true);
    auto* registerButton = find<QPushButton>(QStringLiteral("registerFilesButton"));
    QVERIFY(registerButton->isEnabled());
    QSignalSpy registered(page, &FilesPage::registered);
    QSignalSpy listed(page, &FilesPage::filesListed);
    QTest::mouseClick(registerButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(registered.count() == 1, 60000);
    auto* outcomes = find<QTableWidget>(QStringLiteral("outcomesTable"));
    QCOMPARE(outcomes->rowCount(), 50);
    for (int row = 0; row < 50; ++row)
        QCOMPARE(outcomes->item(row, 1)->text(), QStringLiteral("登録済"));
    QVERIFY(page->pendingFiles().isEmpty());
    QVERIFY(!registerButton->isEnabled());
    QVERIFY(find<QLabel>(QStringLiteral("filesMessage"))->text().contains(QStringLiteral("50")));

    // The folder's list now holds the 50 files, unsigned.
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() >= 1 && page->fileRowCount() == 50, 20000);
    auto* table = find<QTableView>(QStringLiteral("adminFilesTable"));
    QCOMPARE(table->model()->index(0, 3).data().toString(), QStringLiteral("未署名"));
    QCOMPARE(table->model()->index(0, 4).data().toString(), QStringLiteral("0 / 2"));
    QVERIFY(find<QComboBox>(QStringLiteral("folderCombo"))->currentText().contains(QStringLiteral("50")));

    // Each user now sees the 50 files in their own list.
    QCOMPARE(filesSeenBy(m_viewer), 50);
    QCOMPARE(filesSeenBy(m_firstSigner), 50);
    QCOMPARE(filesSeenBy(m_secondSigner), 50);

    // A file's signers in the chosen order, with their state, and its viewer.
    QSignalSpy details(page, &FilesPage::detailsShown);
    QVERIFY(page->selectFile(0));
    QTRY_VERIFY_WITH_TIMEOUT(details.count() == 1, 20000);
    auto* signers = find<QTableWidget>(QStringLiteral("signerStatesTable"));
    QCOMPARE(signers->rowCount(), 2);
    QCOMPARE(signers->item(0, 0)->text(), QStringLiteral("1"));
    QCOMPARE(signers->item(0, 1)->text(), m_secondSigner.account.userId);
    QCOMPARE(signers->item(1, 1)->text(), m_firstSigner.account.userId);
    QCOMPARE(signers->item(0, 3)->text(), QStringLiteral("未署名"));
    QVERIFY(find<QLabel>(QStringLiteral("fileViewersLabel"))->text().contains(m_viewer.account.userId));
}

void TestUiAdminFilesFlow::refusedFilesShowTheirCodes()
{
    FilesPage* page = m_window->filesPage();
    const QString notPdf = m_home.filePath(QStringLiteral("memo.pdf"));
    QFile file(notPdf);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("これはPDFではありません\n");
    file.close();
    const QString fresh = writePdf(QStringLiteral("doc-51.pdf"), 51);
    QDir().mkpath(m_home.filePath(QStringLiteral("again")));
    const QString duplicate = m_home.filePath(QStringLiteral("again/doc-01.pdf"));
    QVERIFY(QFile::copy(m_home.filePath(QStringLiteral("doc-01.pdf")), duplicate));
    page->addFiles({notPdf, duplicate, fresh});
    QSignalSpy registered(page, &FilesPage::registered);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("registerFilesButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(registered.count() == 1, 30000);
    auto* outcomes = find<QTableWidget>(QStringLiteral("outcomesTable"));
    QCOMPARE(outcomes->rowCount(), 3);
    QCOMPARE(outcomes->item(0, 0)->text(), QStringLiteral("memo.pdf"));
    QCOMPARE(outcomes->item(0, 1)->data(Qt::UserRole).toString(), QStringLiteral("E3007"));
    QVERIFY(outcomes->item(0, 1)->text().startsWith(QStringLiteral("E3007 ")));
    QCOMPARE(outcomes->item(1, 1)->data(Qt::UserRole).toString(), QStringLiteral("E3008"));
    QVERIFY(outcomes->item(1, 1)->text().startsWith(QStringLiteral("E3008 ")));
    QCOMPARE(outcomes->item(2, 1)->text(), QStringLiteral("登録済"));
    QVERIFY(find<QLabel>(QStringLiteral("filesError"))->isVisible());
    QCOMPARE(filesSeenBy(m_viewer), 51);
}

void TestUiAdminFilesFlow::downloadAnyVersion()
{
    FilesPage* page = m_window->filesPage();
    // The list from a refresh of its own: the one after the last registration may still be on its way.
    QSignalSpy relisted(page, &FilesPage::filesListed);
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(relisted.count() >= 1, 20000);
    const QString fileId = page->fileIdAt(0);
    const QString name = find<QTableView>(QStringLiteral("adminFilesTable"))->model()->index(0, 0).data().toString();
    QFile original(m_home.filePath(name));
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray registered = original.readAll();

    // The first signer in the order signs: version 2 on the server.
    const test::Reply download = test::downloadFile(m_server, m_secondSigner.token, fileId);
    QCOMPARE(download.status, 200);
    const QByteArray signedPdf = test::signAs(m_secondSigner, download.body);
    QVERIFY(!signedPdf.isEmpty());
    QCOMPARE(
        test::uploadSigned(m_server, m_secondSigner.token, fileId, test::versionOf(download), signedPdf).status, 200);

    relisted.clear();
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(relisted.count() >= 1, 20000);
    QCOMPARE(page->fileIdAt(0), fileId);
    QSignalSpy details(page, &FilesPage::detailsShown);
    page->selectFile(1);
    page->selectFile(0);
    QTRY_VERIFY_WITH_TIMEOUT(
        !details.isEmpty() && find<QSpinBox>(QStringLiteral("versionSpin"))->maximum() == 2, 20000);
    auto* table = find<QTableView>(QStringLiteral("adminFilesTable"));
    QCOMPARE(table->model()->index(0, 3).data().toString(), QStringLiteral("署名中"));
    auto* signers = find<QTableWidget>(QStringLiteral("signerStatesTable"));
    QVERIFY(signers->item(0, 3)->text().startsWith(QStringLiteral("署名済")));
    QCOMPARE(signers->item(1, 3)->text(), QStringLiteral("未署名"));
    auto* spin = find<QSpinBox>(QStringLiteral("versionSpin"));
    QCOMPARE(spin->value(), 2);
    QVERIFY(find<QPushButton>(QStringLiteral("downloadVersionButton"))->isEnabled());

    // The button asks where to save, proposing a name that carries an older version's number.
    spin->setValue(1);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("downloadVersionButton")), Qt::LeftButton);
    QFileDialog* dialog = nullptr;
    QTRY_VERIFY(
        (dialog = m_window->findChild<QFileDialog*>(QStringLiteral("saveVersionDialog"))) && dialog->isVisible());
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
    dialog->reject();

    // Both versions, byte for byte: as registered and as signed.
    QSignalSpy saved(page, &FilesPage::versionSaved);
    const QString first = m_home.filePath(QStringLiteral("saved-v1.pdf"));
    page->saveVersionTo(1, first);
    QTRY_VERIFY_WITH_TIMEOUT(saved.count() == 1, 20000);
    QCOMPARE(test::readAll(first), registered);
    const QString second = m_home.filePath(QStringLiteral("saved-v2.pdf"));
    page->saveVersionTo(2, second);
    QTRY_VERIFY_WITH_TIMEOUT(saved.count() == 2, 20000);
    QCOMPARE(test::readAll(second), signedPdf);
    QVERIFY(test::isPrefixOf(m_home.filePath(name), second));

    // A version that does not exist: the server's code, and no file.
    QSignalSpy failed(page, &FilesPage::failed);
    const QString third = m_home.filePath(QStringLiteral("saved-v3.pdf"));
    page->saveVersionTo(3, third);
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1, 20000);
    QVERIFY(find<QLabel>(QStringLiteral("filesError"))->text().startsWith(QStringLiteral("E3002")));
    QVERIFY(!QFile::exists(third));
}

void TestUiAdminFilesFlow::everyonesResultsListTheRegistrations()
{
    // The viewer looks at one file, so that the trail holds someone else's row too.
    client::ApiClient client {QUrl(m_server.baseUrl())};
    client.setSessionToken(m_viewer.token);
    const QString fileId = m_window->filesPage()->fileIdAt(0);
    QVERIFY(!fileId.isEmpty());
    const auto download = client::waitFor(client.downloadFile(fileId));
    QVERIFY(download.ok());

    AllResultsPage* page = m_window->allResultsPage();
    QSignalSpy listed(page, &AllResultsPage::listed);
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navAllResults")), Qt::LeftButton);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::AllResults);
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() == 1, 20000);
    QVERIFY(page->rowCount() >= 52);
    bool viewerSeen = false;
    for (int row = 0; row < page->rowCount(); ++row)
        viewerSeen = viewerSeen || page->cell(row, AllResultsPage::UserIdColumn) == m_viewer.account.userId;
    QVERIFY(viewerSeen);

    // Only registrations: all 51 by the administrator, in the folder made on the page.
    auto* action = find<QComboBox>(QStringLiteral("allResultsActionCombo"));
    action->setCurrentIndex(action->findText(QStringLiteral("ファイル登録")));
    QVERIFY(action->currentIndex() > 0);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("allResultsSearchButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() == 2, 20000);
    QCOMPARE(page->rowCount(), 51);
    for (int row = 0; row < page->rowCount(); ++row) {
        QCOMPARE(page->cell(row, AllResultsPage::ActionColumn), QStringLiteral("ファイル登録"));
        QCOMPARE(page->cell(row, AllResultsPage::UserIdColumn), QStringLiteral("admin"));
        QCOMPARE(page->cell(row, AllResultsPage::FolderColumn), m_folderName);
    }
    // One user's rows only.
    action->setCurrentIndex(0);
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("allResultsUserEdit")), m_viewer.account.userId);
    QTest::keyClick(find<QLineEdit>(QStringLiteral("allResultsUserEdit")), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() == 3, 20000);
    QCOMPARE(page->rowCount(), 1);
    QCOMPARE(page->cell(0, AllResultsPage::ActionColumn), QStringLiteral("閲覧"));
    // A file name nothing matches: the manual's empty message.
    find<QLineEdit>(QStringLiteral("allResultsUserEdit"))->clear();
    test::typeText(find<QLineEdit>(QStringLiteral("allResultsFileEdit")), QStringLiteral("存在しない名前"));
    QTest::mouseClick(find<QPushButton>(QStringLiteral("allResultsSearchButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() == 4, 20000);
    QCOMPARE(page->rowCount(), 0);
    QCOMPARE(
        find<QLabel>(QStringLiteral("allResultsTotalLabel"))->text(), QStringLiteral("該当するデータが存在しません。"));
    find<QLineEdit>(QStringLiteral("allResultsFileEdit"))->clear();
    QTest::mouseClick(find<QPushButton>(QStringLiteral("allResultsSearchButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() == 5, 20000);
}

void TestUiAdminFilesFlow::ownResultsNameTheRegistrations()
{
    // The administrator's own 処理結果, read from the server, holds the 51 registrations named as such (not as views).
    client::ApiClient client {QUrl(m_server.baseUrl())};
    client.setSessionToken(m_adminToken);
    ServerFileSource source(&client);
    ResultsPage page;
    page.setFileSource(&source);
    page.refresh();
    auto* table = page.findChild<QTableView*>(QStringLiteral("resultsTable"));
    QVERIFY(table);
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() >= 51, 20000);
    constexpr int kOperationColumn = 3;
    int registrations = 0;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QString operation = table->model()->index(row, kOperationColumn).data().toString();
        QVERIFY2(operation != QLatin1String("register"), "an operation without its label");
        registrations += operation == QStringLiteral("ファイル登録") ? 1 : 0;
    }
    QCOMPARE(registrations, 51);
    const int allRows = table->model()->rowCount();
    auto* action = page.findChild<QComboBox*>(QStringLiteral("resultsActionCombo"));
    action->setCurrentIndex(action->findText(QStringLiteral("ファイル登録")));
    QVERIFY(action->currentIndex() > 0);
    QCOMPARE(table->model()->rowCount(), 51);
    action->setCurrentIndex(action->findText(QStringLiteral("電子署名")));
    QCOMPARE(table->model()->rowCount(), 0);
    action->setCurrentIndex(0);
    QCOMPARE(table->model()->rowCount(), allRows);
}

void TestUiAdminFilesFlow::csvExportStartsWithBomAndHoldsJapanese()
{
    AllResultsPage* page = m_window->allResultsPage();
    // The button asks where to save first.
    QTest::mouseClick(find<QPushButton>(QStringLiteral("exportCsvButton")), Qt::LeftButton);
    QFileDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QFileDialog*>(QStringLiteral("exportCsvDialog"))) && dialog->isVisible());
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
    dialog->reject();

    const QString path = m_home.filePath(QStringLiteral("results.csv"));
    QSignalSpy exported(page, &AllResultsPage::exported);
    page->exportCsvTo(path);
    QTRY_VERIFY_WITH_TIMEOUT(exported.count() == 1, 20000);
    QFile csv(path);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    QVERIFY(bytes.startsWith(QByteArrayLiteral("\xEF\xBB\xBF")));
    const QString text = QString::fromUtf8(bytes.mid(3));
    QVERIFY(text.contains(m_folderName));
    QVERIFY(text.contains(QStringLiteral("doc-50.pdf")));
    QVERIFY(text.contains(m_viewer.account.userId));
    QVERIFY(find<QLabel>(QStringLiteral("allResultsMessage"))->text().contains(QStringLiteral("results.csv")));

    // A place that cannot be written is an error with its code, and no file appears.
    const QString bad = m_home.filePath(QStringLiteral("no-such-dir/results.csv"));
    QSignalSpy failed(page, &AllResultsPage::failed);
    page->exportCsvTo(bad);
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1, 20000);
    QVERIFY(!QFile::exists(bad));
    QVERIFY(find<QLabel>(QStringLiteral("allResultsError"))->text().startsWith(QLatin1Char('E')));
}

void TestUiAdminFilesFlow::logoutForgetsTheAdminScreens()
{
    QVERIFY(m_window->filesPage()->fileRowCount() > 0);
    QVERIFY(m_window->allResultsPage()->rowCount() > 0);
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navLogout")), Qt::LeftButton);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::Login);
    QVERIFY(!m_window->navigationBar()->isAdminVisible());
    QVERIFY(find<QToolButton>(QStringLiteral("navAdminFiles"))->isHidden());
    QVERIFY(find<QToolButton>(QStringLiteral("navAllResults"))->isHidden());
    QCOMPARE(m_window->filesPage()->fileRowCount(), 0);
    QCOMPARE(m_window->filesPage()->outcomeCount(), 0);
    QCOMPARE(find<QListWidget>(QStringLiteral("signersList"))->count(), 0);
    QCOMPARE(find<QLineEdit>(QStringLiteral("viewersEdit"))->text(), QString());
    QCOMPARE(m_window->allResultsPage()->rowCount(), 0);
    // Without a signed-in administrator the admin screens are not reachable by any path.
    m_window->showScreen(MainWindow::Screen::AdminFiles);
    QVERIFY(m_window->currentScreen() != MainWindow::Screen::AdminFiles);
    m_window->showScreen(MainWindow::Screen::AllResults);
    QVERIFY(m_window->currentScreen() != MainWindow::Screen::AllResults);
}

QTEST_MAIN(TestUiAdminFilesFlow)
#include "tst_ui_admin_files_flow.moc"
