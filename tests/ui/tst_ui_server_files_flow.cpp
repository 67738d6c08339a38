// The desktop app's file screens against a real ikkatsu-server on loopback (files registered through ApiClient as
// the administrator): My Page lists only the granted files, filters go to the server, the viewer shows the
// signatures, a batch of 20 ends 署名済 / 署名中, a wrong PIN uploads nothing, and a server stopped mid-batch loses
// no file and the resume offer finishes the rest.
#include "LoginSteps.h"
#include "MainWindow.h"
#include "ServerHarness.h"
#include "TestSupport.h"
#include "UiTestSupport.h"
#include "client/ApiClient.h"
#include "config/Language.h"
#include "config/Settings.h"
#include "crypto/Certificate.h"
#include "files/FileFilterPanel.h"
#include "files/FileListModel.h"
#include "pages/MyPage.h"
#include "pdf/SignatureInspector.h"
#include "services/ServerAccountService.h"
#include "services/ServerFileSource.h"
#include "setup/CertificateSetupWizard.h"
#include "signing/BatchJournal.h"
#include "signing/BatchSignDialog.h"
#include "viewer/FileViewer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::ui;
using test::TestServer;
using test::TestUser;

class TestUiServerFilesFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void myPageListsOnlyGrantedFiles();
    void filtersGoToTheServer();
    void mappingOfTheFilter();
    void wrongPinUploadsNothing();
    void batchSignTwentyFiles();
    void viewerShowsTheSignatures();
    void serverRefusalShowsItsCode();
    void serverStoppedMidBatchLosesNothingAndResumes();

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
    // Every file the administrator sees, by name.
    QHash<QString, api::FileEntry> adminFiles();
    // Runs the filter panel's [検索] with `filter` and waits for the answer.
    int searchWith(const FileListFilter& filter);
    BatchSignDialog* openBatch();

    TestServer m_server;
    QTemporaryDir m_home;
    std::unique_ptr<client::ApiClient> m_admin;
    TestUser m_user;
    TestUser m_second;
    QHash<QString, QString> m_folders;
    const QString m_adminEmail = QStringLiteral("admin@example.test");
    const QString m_pin = QStringLiteral("Server2024");
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ServerAccountService> m_accounts;
    std::unique_ptr<MainWindow> m_window;
};

QString TestUiServerFilesFlow::registerFiles(
    const QString& folderName, const QString& prefix, int count, const QStringList& signers, const QStringList& viewers)
{
    if (!m_folders.contains(folderName)) {
        auto folder = client::waitFor(m_admin->createFolder(folderName));
        if (!folder.ok())
            return folder.error().codeText();
        m_folders.insert(folderName, folder->folderId);
    }
    const QString sample = m_home.filePath(prefix + QStringLiteral(".pdf"));
    if (!test::writeSamplePdf(sample, prefix, 2))
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
    auto outcomes = client::waitFor(m_admin->registerFiles(m_folders.value(folderName), files));
    if (!outcomes.ok())
        return outcomes.error().codeText();
    for (const api::NewFileOutcome& outcome : *outcomes) {
        if (!outcome.file)
            return outcome.name + QLatin1Char(' ') + errorCodeText(outcome.code);
    }
    return {};
}

QHash<QString, api::FileEntry> TestUiServerFilesFlow::adminFiles()
{
    QHash<QString, api::FileEntry> byName;
    auto page = client::waitFor(m_admin->adminFiles({}, 0, 200));
    if (!page.ok())
        return byName;
    for (const api::FileEntry& file : page->files)
        byName.insert(file.name, file);
    return byName;
}

int TestUiServerFilesFlow::searchWith(const FileListFilter& filter)
{
    MyPage* myPage = m_window->myPage();
    QSignalSpy listed(myPage, &MyPage::listed);
    myPage->filterPanel()->setFilter(filter);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("searchButton")), Qt::LeftButton);
    if (!listed.wait(20000))
        return -1;
    return listed.last().first().toInt();
}

BatchSignDialog* TestUiServerFilesFlow::openBatch()
{
    QTest::mouseClick(find<QPushButton>(QStringLiteral("batchSignButton")), Qt::LeftButton);
    BatchSignDialog* dialog = nullptr;
    QElapsedTimer waited;
    waited.start();
    while ((dialog = m_window->findChild<BatchSignDialog*>()) == nullptr && waited.elapsed() < 10000)
        QTest::qWait(20);
    return dialog;
}

void TestUiServerFilesFlow::initTestCase()
{
    QVERIFY(m_home.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(installTranslations(QStringLiteral("ja")), QStringLiteral("ja"));
    // The product's default level, B-LTA: the batch fetches the server's OCSP answers and CRL from the URLs in the
    // certificates, so the server keeps one public address.
    QVERIFY(m_server.usePublicAddress());
    QVERIFY(m_server.initAdmin(QStringLiteral("admin"), QStringLiteral("admin-password-1"), m_adminEmail));
    QVERIFY(m_server.start(
        {QStringLiteral("--require-password-change=false"), QStringLiteral("--level"), QStringLiteral("B-LTA")}));
    const QString adminToken
        = test::fullLogin(m_server, QStringLiteral("admin"), QStringLiteral("admin-password-1"), m_adminEmail);
    QVERIFY(!adminToken.isEmpty());
    m_admin = std::make_unique<client::ApiClient>(QUrl(m_server.baseUrl()));
    m_admin->setSessionToken(adminToken);
    m_user = test::registerUser(m_server, adminToken, m_adminEmail, QStringLiteral("signer@example.test"));
    m_second = test::registerUser(m_server, adminToken, m_adminEmail, QStringLiteral("second@example.test"));
    QVERIFY(!m_user.userId.isEmpty() && !m_second.userId.isEmpty());

    // 10 files the user alone must sign, 10 that a second signer must sign too, 1 to view, 2 not granted.
    QCOMPARE(registerFiles(QStringLiteral("建築確認申請"), QStringLiteral("申請書"), 10, {m_user.userId}), QString());
    QCOMPARE(
        registerFiles(QStringLiteral("工事請負契約"), QStringLiteral("契約書"), 10, {m_user.userId, m_second.userId}),
        QString());
    QCOMPARE(registerFiles(QStringLiteral("設計図面"), QStringLiteral("配置図"), 1, {}, {m_user.userId}), QString());
    QCOMPARE(registerFiles(QStringLiteral("設計図面"), QStringLiteral("他人の図面"), 2, {m_second.userId}), QString());

    QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral("keys")));
    m_settings = std::make_unique<Settings>(QString(), m_home.filePath(QStringLiteral("user.conf")));
    QVERIFY(m_settings->setValue(SettingKey::ServerUrl, m_server.baseUrl()).ok());
    QVERIFY(m_settings->setValue(SettingKey::KeyStoreDirectory, m_home.filePath(QStringLiteral("keys"))).ok());
    m_accounts = std::make_unique<ServerAccountService>();
    ServerAccountService* accounts = m_accounts.get();
    m_window = std::make_unique<MainWindow>(m_settings.get(), accounts,
        [accounts](const UserProfile&) { return std::make_unique<ServerFileSource>(accounts->apiClient()); });
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    // ログイン → ワンタイムパスワード → 署名用証明書セットアップ → マイページ.
    auto* id = find<QLineEdit>(QStringLiteral("userIdEdit"));
    id->setFocus();
    QTest::keyClicks(id, m_user.userId);
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("passwordEdit")), m_user.password);
    QTest::keyClick(find<QLineEdit>(QStringLiteral("passwordEdit")), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::Otp, 20000);
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("otpEdit")), test::newestOtpFor(m_server, m_user.email));
    QTest::keyClick(find<QLineEdit>(QStringLiteral("otpEdit")), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentScreen(), MainWindow::Screen::Setup, 20000);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("choiceNextButton")), Qt::LeftButton);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("userInfoNextButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->setupWizard()->currentStep(), CertificateSetupWizard::PinStep, 30000);
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("newPinEdit")), m_pin);
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("confirmPinEdit")), m_pin);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("registerButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->setupWizard()->currentStep(), CertificateSetupWizard::DoneStep, 30000);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("nextProcessButton")), Qt::LeftButton);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::MyPage);
    QVERIFY(dynamic_cast<ServerFileSource*>(m_window->fileSource()) != nullptr);
    BatchJournal(m_user.userId).clear();
}

void TestUiServerFilesFlow::cleanupTestCase()
{
    if (m_user.userId.size())
        BatchJournal(m_user.userId).clear();
    m_window.reset();
    m_accounts.reset();
}

void TestUiServerFilesFlow::myPageListsOnlyGrantedFiles()
{
    auto* table = find<QTableView>(QStringLiteral("fileTable"));
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 21, 20000);
    FileListModel* model = m_window->myPage()->model();
    int signable = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const FileEntry entry = model->entry(row);
        QVERIFY2(!entry.name.startsWith(QStringLiteral("他人")), qPrintable(entry.name));
        QCOMPARE(entry.status, SignatureStatus::Unsigned);
        QCOMPARE(entry.myStatus, MyStatus::Unprocessed);
        signable += entry.myPermission == api::Permission::Sign ? 1 : 0;
        if (entry.name.startsWith(QStringLiteral("配置図")))
            QCOMPARE(entry.myPermission, api::Permission::View);
    }
    QCOMPARE(signable, 20);
}

void TestUiServerFilesFlow::filtersGoToTheServer()
{
    FileListFilter filter = defaultFileFilter();
    filter.folderName = QStringLiteral("請負");
    QCOMPARE(searchWith(filter), 10);
    filter.folderName.clear();
    filter.fileName = QStringLiteral("申請書03");
    QCOMPARE(searchWith(filter), 1);
    QCOMPARE(m_window->myPage()->model()->entry(0).folderName, QStringLiteral("建築確認申請"));
    filter.fileName.clear();
    filter.target = FileListFilter::Target::View;
    QCOMPARE(searchWith(filter), 1);
    filter.target = FileListFilter::Target::Sign;
    QCOMPARE(searchWith(filter), 20);
    filter.target = FileListFilter::Target::All;
    filter.myStatus = MyStatus::Processed;
    QCOMPARE(searchWith(filter), 0);
    auto* empty = m_window->myPage()->findChild<QLabel*>(QStringLiteral("emptyLabel"));
    QVERIFY(empty && empty->isVisible());
    QVERIFY2(empty->text().contains(QStringLiteral("該当するデータが存在しません。")), qPrintable(empty->text()));
    filter.myStatus = MyStatus::Unprocessed;
    filter.signatureStatus = SignatureStatus::Signed;
    QCOMPARE(searchWith(filter), 0);
    filter.signatureStatus = SignatureStatus::Unsigned;
    QCOMPARE(searchWith(filter), 21);
    // Registered today: a window that ends yesterday finds nothing.
    filter.registeredTo = QDate::currentDate().addDays(-2);
    filter.registeredFrom = filter.registeredTo.addMonths(-3);
    QCOMPARE(searchWith(filter), 0);
    // Paging: page 2 of 8 holds the next 8 of 21.
    FileListFilter paged = defaultFileFilter();
    paged.limit = 8;
    paged.offset = 16;
    auto page = m_window->fileSource()->list(paged);
    QTRY_VERIFY_WITH_TIMEOUT(page.isFinished(), 10000);
    QVERIFY(page.result().ok());
    QCOMPARE(page.result()->total, 21);
    QCOMPARE(page.result()->files.size(), 5);
    QCOMPARE(searchWith(defaultFileFilter()), 21);
}

// The screens' filter is the server's query (core/api): every condition travels and comes back unchanged.
void TestUiServerFilesFlow::mappingOfTheFilter()
{
    FileListFilter filter = defaultFileFilter(QDate(2026, 5, 10));
    QCOMPARE(filter.myStatus, std::optional(MyStatus::Unprocessed));
    QCOMPARE(filter.registeredFrom, QDate(2026, 2, 10));
    QVERIFY(!filter.signatureStatus.has_value()); // 全データ
    filter.myStatus = MyStatus::Processed;
    filter.target = FileListFilter::Target::Sign;
    filter.signatureStatus = SignatureStatus::Signing;
    filter.folderName = QStringLiteral("設計");
    filter.fileName = QStringLiteral("図");
    filter.sort = FileListFilter::Sort::MyStatus;
    filter.descending = false;
    filter.offset = 1500;
    filter.limit = api::FileListFilter::kMaxLimit;
    const auto parsed = api::FileListFilter::fromQuery(filter.toQuery());
    QVERIFY(parsed.ok());
    QVERIFY(*parsed == filter);
}

void TestUiServerFilesFlow::wrongPinUploadsNothing()
{
    QCOMPARE(searchWith(defaultFileFilter()), 21);
    auto* table = find<QTableView>(QStringLiteral("fileTable"));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
    BatchSignDialog* dialog = openBatch();
    QVERIFY(dialog);
    auto* pin = dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit"));
    QTRY_VERIFY_WITH_TIMEOUT(pin->isEnabled(), 60000); // the PIN is asked once the pre-flight is done
    QTest::keyClicks(pin, QStringLiteral("Wrong2024"));
    QTest::keyClick(pin, Qt::Key_Return);
    auto* error = dialog->findChild<QLabel*>(QStringLiteral("batchPinError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 30000);
    QVERIFY2(error->text().startsWith(QStringLiteral("E2003 ")), qPrintable(error->text()));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("batchCancelButton")), Qt::LeftButton);
    QTRY_VERIFY(m_window->findChild<BatchSignDialog*>() == nullptr);
    const auto files = adminFiles();
    QCOMPARE(files.size(), 23);
    for (const api::FileEntry& file : files) {
        QCOMPARE(file.version, 1);
        QCOMPARE(file.signatureCount, 0);
    }
    QVERIFY(BatchJournal(m_user.userId).pending().isEmpty());
}

void TestUiServerFilesFlow::batchSignTwentyFiles()
{
    QCOMPARE(searchWith(defaultFileFilter()), 21);
    auto* table = find<QTableView>(QStringLiteral("fileTable"));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(m_window->myPage()->selectedEntries().size(), 21);
    BatchSignDialog* dialog = openBatch();
    QVERIFY(dialog);
    QSignalSpy listed(m_window->myPage(), &MyPage::listed);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit"))->isEnabled(),
        120000); // the PIN is asked once the pre-flight is done
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit")), m_pin);
    QTest::keyClick(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit")), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QPushButton*>(QStringLiteral("batchCloseButton"))->isVisible(), 120000);
    QCOMPARE(dialog->signedCount(), 20);
    QCOMPARE(dialog->failedCount(), 0);
    // The list is queried again when the batch ends: the default (未処理) list keeps only the file to view.
    QVERIFY(listed.wait(20000) || !listed.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, 20000);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("batchCloseButton")), Qt::LeftButton);

    // 処理済: 署名済 where the user was the only signer, 署名中 where a second signer is still due.
    FileListFilter done = defaultFileFilter();
    done.myStatus = MyStatus::Processed;
    QCOMPARE(searchWith(done), 20);
    FileListModel* model = m_window->myPage()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const FileEntry entry = model->entry(row);
        const bool single = entry.name.startsWith(QStringLiteral("申請書"));
        QCOMPARE(entry.status, single ? SignatureStatus::Signed : SignatureStatus::Signing);
        QVERIFY(signedByMe(entry));
        QCOMPARE(entry.version, 2);
    }
    FileListFilter signing = done;
    signing.signatureStatus = SignatureStatus::Signing;
    QCOMPARE(searchWith(signing), 10);

    // Each signed file, downloaded again: one valid signature by the issued certificate, at B-LTA (its timestamp,
    // the server's OCSP answer and CRL in a /DSS, a document timestamp over them).
    const test::Reply ca = m_server.get(QStringLiteral("/api/v1/ca/certificate"));
    QCOMPARE(ca.status, 200);
    const auto anchor = Certificate::fromDer(ca.body);
    QVERIFY(anchor);
    for (int row = 0; row < model->rowCount(); ++row) {
        auto download = m_window->fileSource()->view(model->entry(row).fileId);
        QTRY_VERIFY_WITH_TIMEOUT(download.isFinished(), 20000);
        QVERIFY(download.result().ok());
        QCOMPARE(download.result()->version, QStringLiteral("2"));
        const auto check = test::pdfsig(download.result()->localPath);
        QVERIFY2(check.all().contains(QStringLiteral("Signature is Valid")), qPrintable(check.all()));
        QVERIFY2(check.all().contains(QStringLiteral("Test User")), qPrintable(check.all()));
        const auto report = SignatureInspector::inspectFile(download.result()->localPath, {*anchor});
        QVERIFY(report);
        QCOMPARE(report->signatureCount(), 1);
        QCOMPARE(report->signatures.first().level, QStringLiteral("B-LTA"));
        QCOMPARE(report->signatures.first().verdict, SignatureVerdict::Valid);
        QVERIFY(report->signatures.last().documentTimestamp);
    }
    // 処理結果 comes from the server: 20 signatures, 20 views (downloads) by now.
    auto history = m_window->fileSource()->history();
    QTRY_VERIFY_WITH_TIMEOUT(history.isFinished(), 20000);
    QVERIFY(history.result().ok());
    const Result<QList<ProcessingRecord>> records = history.result();
    QVERIFY(records.ok());
    QCOMPARE(std::count_if(records->begin(), records->end(),
                 [](const ProcessingRecord& r) { return r.action == ProcessingRecord::Action::Sign && r.succeeded; }),
        20);
}

void TestUiServerFilesFlow::viewerShowsTheSignatures()
{
    FileListFilter done = defaultFileFilter();
    done.myStatus = MyStatus::Processed;
    done.fileName = QStringLiteral("契約書01");
    QCOMPARE(searchWith(done), 1);
    auto* table = find<QTableView>(QStringLiteral("fileTable"));
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->viewer() && m_window->viewer()->isVisible(), 20000);
    auto* signatures = m_window->viewer()->findChild<QAbstractItemView*>(QStringLiteral("signatureTable"));
    QVERIFY(signatures);
    // The signature and the document timestamp (B-LTA) over it.
    QTRY_COMPARE_WITH_TIMEOUT(signatures->model()->rowCount(), 2, 20000);
    bool named = false;
    for (int column = 0; column < signatures->model()->columnCount(); ++column)
        named = named || signatures->model()->index(0, column).data().toString().contains(QStringLiteral("Test User"));
    QVERIFY(named);
    m_window->viewer()->close();
}

// A key the server did not certify for this user (a self-signed store with the same PIN): the server refuses the
// upload with E4208, the dialog shows the code on that file, and the stored file stays as it was.
void TestUiServerFilesFlow::serverRefusalShowsItsCode()
{
    QCOMPARE(registerFiles(QStringLiteral("建築確認申請"), QStringLiteral("拒否"), 1, {m_user.userId}), QString());
    const QString store = m_window->keyStoreFile();
    const QString saved = store + QStringLiteral(".saved");
    QVERIFY(QFile::rename(store, saved));
    QVERIFY(
        test::makeSelfSignedKeyStore(store, m_pin, QStringLiteral("Test User"), QStringLiteral("Test Company")).ok());
    FileListFilter fresh = defaultFileFilter();
    fresh.fileName = QStringLiteral("拒否");
    QCOMPARE(searchWith(fresh), 1);
    auto* table = find<QTableView>(QStringLiteral("fileTable"));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
    BatchSignDialog* dialog = openBatch();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit"))->isEnabled(),
        120000); // the PIN is asked once the pre-flight is done
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit")), m_pin);
    QTest::keyClick(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit")), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QPushButton*>(QStringLiteral("batchCloseButton"))->isVisible(), 60000);
    QCOMPARE(dialog->failedCount(), 1);
    const QString text = dialog->statusText(0);
    QVERIFY2(text.contains(QStringLiteral("E4208")), qPrintable(text));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("batchCloseButton")), Qt::LeftButton);
    QTRY_VERIFY(m_window->findChild<BatchSignDialog*>() == nullptr);
    QVERIFY(QFile::remove(store));
    QVERIFY(QFile::rename(saved, store));
    const api::FileEntry refused = adminFiles().value(QStringLiteral("拒否01.pdf"));
    QCOMPARE(refused.version, 1);
    QCOMPARE(refused.signatureCount, 0);
    // A refusal is the user's decision, not something to resume.
    QVERIFY(BatchJournal(m_user.userId).pending().isEmpty());
}

void TestUiServerFilesFlow::serverStoppedMidBatchLosesNothingAndResumes()
{
    constexpr int kFiles = 16;
    QCOMPARE(registerFiles(QStringLiteral("建築確認申請"), QStringLiteral("再開"), kFiles, {m_user.userId}), QString());
    FileListFilter fresh = defaultFileFilter();
    fresh.fileName = QStringLiteral("再開");
    QCOMPARE(searchWith(fresh), kFiles);
    auto* table = find<QTableView>(QStringLiteral("fileTable"));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
    BatchSignDialog* dialog = openBatch();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit"))->isEnabled(),
        120000); // the PIN is asked once the pre-flight is done
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit")), m_pin);
    QTest::keyClick(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit")), Qt::Key_Return);
    // Stop the server as soon as the first upload went through.
    QElapsedTimer waited;
    waited.start();
    while (dialog->signedCount() < 1 && waited.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    QVERIFY(dialog->signedCount() >= 1);
    const QUrl url(m_server.baseUrl());
    m_server.stop();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QPushButton*>(QStringLiteral("batchCloseButton"))->isVisible(), 120000);
    const int firstRun = dialog->signedCount();
    qInfo("signed %d of %d before the server stopped", firstRun, kFiles);
    QVERIFY(firstRun < kFiles);
    QCOMPARE(dialog->failedCount(), kFiles - firstRun);
    // Each signed copy goes to its upload at once, so when the server stops some files are still being signed: those
    // fail on the server's timestamp service (E4301), the ones already signed on their upload (E5001). Both resume.
    for (int row = 0; row < kFiles; ++row) {
        if (dialog->stageOf(row) != BatchSignDialog::Stage::Failed)
            continue;
        const QString text = dialog->statusText(row);
        QVERIFY2(text.contains(QStringLiteral("E5001")) || text.contains(QStringLiteral("E4301")), qPrintable(text));
    }
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("batchCloseButton")), Qt::LeftButton);
    QTRY_VERIFY(m_window->findChild<BatchSignDialog*>() == nullptr);
    QCOMPARE(BatchJournal(m_user.userId).pending().size(), kFiles - firstRun);

    // The same server again, on the same address: every file is either untouched or fully signed.
    QVERIFY(m_server.start(
        {QStringLiteral("--require-password-change=false"), QStringLiteral("--level"), QStringLiteral("B-LTA")}));
    QCOMPARE(m_server.baseUrl(), url.toString(QUrl::StripTrailingSlash));
    int signedOnServer = 0;
    const auto files = adminFiles();
    for (const api::FileEntry& file : files) {
        if (!file.name.startsWith(QStringLiteral("再開")))
            continue;
        QVERIFY2((file.version == 1 && file.signatureCount == 0) || (file.version == 2 && file.signatureCount == 1),
            qPrintable(file.name));
        signedOnServer += file.version == 2 ? 1 : 0;
    }
    QCOMPARE(signedOnServer, firstRun);

    // The resume offer signs the rest.
    m_window->myPage()->showResumeOffer(int(BatchJournal(m_user.userId).pending().size()));
    QTRY_VERIFY(find<QWidget>(QStringLiteral("resumeBanner"))->isVisible());
    QTest::mouseClick(find<QPushButton>(QStringLiteral("resumeBatchButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<BatchSignDialog*>()) != nullptr, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit"))->isEnabled(),
        120000); // the PIN is asked once the pre-flight is done
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit")), m_pin);
    QTest::keyClick(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit")), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QPushButton*>(QStringLiteral("batchCloseButton"))->isVisible(), 120000);
    QCOMPARE(dialog->signedCount(), kFiles - firstRun);
    QCOMPARE(dialog->failedCount(), 0);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("batchCloseButton")), Qt::LeftButton);
    QVERIFY(BatchJournal(m_user.userId).pending().isEmpty());
    for (const api::FileEntry& file : adminFiles()) {
        if (file.name.startsWith(QStringLiteral("再開")))
            QCOMPARE(file.status, api::SignatureStatus::Signed);
    }
}

QTEST_MAIN(TestUiServerFilesFlow)
#include "tst_ui_server_files_flow.moc"
