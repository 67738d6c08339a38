// GUI tests of the screens that need no server: PIN rules and paste refusal, the file list filters, My Page over a
// local folder, the viewer's signature panel and batch signing of real PDFs (checked by pdfsig).
#include "HeldUploads.h"
#include "TestSupport.h"
#include "UiTestSupport.h"
#include "config/Language.h"
#include "crypto/KeyStore.h"
#include "files/FileFilterPanel.h"
#include "files/FileListModel.h"
#include "pages/MyPage.h"
#include "pages/ProfilePage.h"
#include "pages/ResultsPage.h"
#include "services/LocalFolderFileSource.h"
#include "setup/NewPin.h"
#include "setup/PinConfirmationEdit.h"
#include "signing/BatchSignDialog.h"
#include "viewer/FileViewer.h"

#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::ui;

class TestUiPages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void newPinRules_data();
    void newPinRules();
    void confirmationRefusesPasteByKeyboard();
    void confirmationMenuHasNoPaste();
    void confirmationRefusesDrop();
    void filterDefaultsAndClear();
    void filterDefaultsUseTheJapanDay();
    void myPageListsFiltersAndShowsEmpty();
    void viewerShowsPagesAndSignatures();
    void batchSignRefusesWrongPinThenSignsAndSkips();
    void batchCancelLeavesEveryFileWholeOrSigned();
    void profileShowsCertificateAndChangesPin();
    void resultsFilterByOperationAndOutcome();

private:
    QTemporaryDir m_dir;
    QString m_keyStore;
    QString m_otherKeyStore;
    const QString m_pin = QStringLiteral("Secret123");
};

void TestUiPages::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCOMPARE(installTranslations(QStringLiteral("ja")), QStringLiteral("ja"));
    m_keyStore = m_dir.filePath(QStringLiteral("me.p12"));
    m_otherKeyStore = m_dir.filePath(QStringLiteral("other.p12"));
    const Status mine = test::makeSelfSignedKeyStore(
        m_keyStore, m_pin, QStringLiteral("Taro Jushinsha"), QStringLiteral("AAA Corporation"));
    QVERIFY2(mine.ok(), qPrintable(mine.ok() ? QString() : mine.error().detail));
    const Status other = test::makeSelfSignedKeyStore(
        m_otherKeyStore, m_pin, QStringLiteral("Ichiro Kanrisha"), QStringLiteral("AAA Corporation"));
    QVERIFY(other.ok());
}

void TestUiPages::newPinRules_data()
{
    QTest::addColumn<QString>("pin");
    QTest::addColumn<QString>("confirmation");
    QTest::addColumn<QString>("code"); // empty: accepted
    QTest::newRow("six alphanumerics") << QStringLiteral("abc123") << QStringLiteral("abc123") << QString();
    QTest::newRow("twenty") << QStringLiteral("A1b2C3d4E5f6G7h8I9j0") << QStringLiteral("A1b2C3d4E5f6G7h8I9j0")
                            << QString();
    QTest::newRow("five") << QStringLiteral("abc12") << QStringLiteral("abc12") << QStringLiteral("E2001");
    QTest::newRow("twenty-one") << QStringLiteral("A1b2C3d4E5f6G7h8I9j0k") << QStringLiteral("A1b2C3d4E5f6G7h8I9j0k")
                                << QStringLiteral("E2001");
    QTest::newRow("symbol") << QStringLiteral("abc-123") << QStringLiteral("abc-123") << QStringLiteral("E2001");
    QTest::newRow("space") << QStringLiteral("abc 123") << QStringLiteral("abc 123") << QStringLiteral("E2001");
    QTest::newRow("full-width") << QStringLiteral("ａｂｃ１２３") << QStringLiteral("ａｂｃ１２３")
                                << QStringLiteral("E2001");
    QTest::newRow("kana") << QStringLiteral("あいう123") << QStringLiteral("あいう123") << QStringLiteral("E2001");
    QTest::newRow("empty") << QString() << QString() << QStringLiteral("E2001");
    QTest::newRow("mismatch") << QStringLiteral("abc123") << QStringLiteral("abc124") << QStringLiteral("E2002");
}

void TestUiPages::newPinRules()
{
    QFETCH(QString, pin);
    QFETCH(QString, confirmation);
    QFETCH(QString, code);
    const auto accepted = acceptNewPin(pin, confirmation);
    if (code.isEmpty()) {
        QVERIFY(accepted.ok());
        QCOMPARE(QString::fromUtf8(accepted->data(), int(accepted->size())), pin);
    } else {
        QVERIFY(!accepted.ok());
        QCOMPARE(accepted.error().codeText(), code);
    }
}

void TestUiPages::confirmationRefusesPasteByKeyboard()
{
    QWidget window;
    auto* ordinary = new QLineEdit(&window);
    auto* confirmation = new PinConfirmationEdit(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QGuiApplication::clipboard()->setText(QStringLiteral("abc123"));

    // The clipboard works: an ordinary field takes the paste.
    ordinary->setFocus();
    QTest::keyClick(ordinary, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(ordinary->text(), QStringLiteral("abc123"));

    QSignalSpy refused(confirmation, &PinConfirmationEdit::pasteRefused);
    confirmation->setFocus();
    QTest::keyClick(confirmation, Qt::Key_V, Qt::ControlModifier);
    QTest::keyClick(confirmation, Qt::Key_Insert, Qt::ShiftModifier);
    QCOMPARE(confirmation->text(), QString());
    QCOMPARE(refused.count(), 2);
    QTest::mouseClick(confirmation, Qt::MiddleButton);
    QCOMPARE(confirmation->text(), QString());
    // An input method committing a whole string at once is a paste too.
    QInputMethodEvent commit;
    commit.setCommitString(QStringLiteral("abc123"));
    QApplication::sendEvent(confirmation, &commit);
    QCOMPARE(confirmation->text(), QString());

    // Typing works.
    QTest::keyClicks(confirmation, QStringLiteral("abc123"));
    QCOMPARE(confirmation->text(), QStringLiteral("abc123"));
    QCOMPARE(confirmation->echoMode(), QLineEdit::Password);
}

void TestUiPages::confirmationMenuHasNoPaste()
{
    QGuiApplication::clipboard()->setText(QStringLiteral("abc123"));
    PinConfirmationEdit confirmation;
    confirmation.show();
    QVERIFY(QTest::qWaitForWindowExposed(&confirmation));
    QContextMenuEvent event(QContextMenuEvent::Mouse, QPoint(5, 5), confirmation.mapToGlobal(QPoint(5, 5)));
    QApplication::sendEvent(&confirmation, &event);
    QMenu* menu = nullptr;
    QTRY_VERIFY((menu = confirmation.findChild<QMenu*>(QStringLiteral("pinConfirmationMenu"))) != nullptr);
    QVERIFY(!menu->actions().isEmpty()); // the rest of the standard menu is still there
    for (QAction* action : menu->actions())
        QVERIFY2(!PinConfirmationEdit::isPasteAction(action), qPrintable(action->text()));
    // The standard menu of an ordinary field does have Paste, enabled (so the check above can fail).
    QLineEdit ordinary;
    std::unique_ptr<QMenu> standard(ordinary.createStandardContextMenu());
    int pastes = 0;
    for (QAction* action : standard->actions())
        pastes += PinConfirmationEdit::isPasteAction(action) && action->isEnabled() ? 1 : 0;
    QCOMPARE(pastes, 1);
    QCOMPARE(menu->actions().size(), standard->actions().size() - 1);
    menu->close();
}

void TestUiPages::confirmationRefusesDrop()
{
    PinConfirmationEdit confirmation;
    confirmation.show();
    QVERIFY(QTest::qWaitForWindowExposed(&confirmation));
    QVERIFY(!confirmation.acceptDrops());
    QMimeData data;
    data.setText(QStringLiteral("abc123"));
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&confirmation, &enter);
    QVERIFY(!enter.isAccepted());
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&confirmation, &drop);
    QCOMPARE(confirmation.text(), QString());
}

void TestUiPages::filterDefaultsUseTheJapanDay()
{
    // From 15:00 UTC on, Japan is already in the next day. The server cuts 登録日 at Japan midnight, so a default range
    // that ended on the UTC (or the machine's local) day hid every file registered since Japan midnight.
    QCOMPARE(api::japanToday(QDateTime(QDate(2026, 12, 4), QTime(14, 59, 59), Qt::UTC)), QDate(2026, 12, 4));
    QCOMPARE(api::japanToday(QDateTime(QDate(2026, 12, 4), QTime(15, 0), Qt::UTC)), QDate(2026, 12, 5));
    QCOMPARE(api::japanToday(QDateTime(QDate(2026, 12, 31), QTime(23, 0), Qt::UTC)), QDate(2027, 1, 1));
    // A machine clock in another zone does not matter: the same instant is the same Japan day.
    QCOMPARE(api::japanToday(QDateTime(QDate(2026, 12, 4), QTime(7, 0), QTimeZone(-8 * 3600))), QDate(2026, 12, 5));

    // The panel and the filter defaults take that day, whatever zone the test machine runs in.
    FileFilterPanel panel;
    QCOMPARE(panel.filter().registeredTo, api::japanToday());
    QCOMPARE(defaultFileFilter().registeredTo, api::japanToday());
    QCOMPARE(defaultFileFilter().registeredFrom, api::japanToday().addMonths(-3));
    // The server's day boundary for that date is Japan midnight, i.e. 15:00 UTC the day before.
    QCOMPARE(api::japanDayStart(QDate(2026, 12, 5)).toUTC(), QDateTime(QDate(2026, 12, 4), QTime(15, 0), Qt::UTC));
}

void TestUiPages::filterDefaultsAndClear()
{
    FileFilterPanel panel;
    panel.setToday(QDate(2019, 5, 29));
    panel.clear();
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    // The manual's screen: 未処理, 全処理対象, 全データ, 2019年2月28日 ~ 2019年5月29日.
    auto* myStatus = test::child<QComboBox>(&panel, QStringLiteral("myStatusCombo"));
    QVERIFY(myStatus);
    QCOMPARE(myStatus->currentText(), QStringLiteral("未処理"));
    QCOMPARE(myStatus->count(), 2);
    QCOMPARE(myStatus->itemText(1), QStringLiteral("処理済"));
    QVERIFY(test::child<QRadioButton>(&panel, QStringLiteral("target0"))->isChecked());
    QCOMPARE(test::child<QRadioButton>(&panel, QStringLiteral("target0"))->text(), QStringLiteral("全処理対象"));
    QCOMPARE(test::child<QRadioButton>(&panel, QStringLiteral("target1"))->text(), QStringLiteral("ファイル閲覧対象"));
    QCOMPARE(test::child<QRadioButton>(&panel, QStringLiteral("target2"))->text(), QStringLiteral("電子署名対象"));
    QVERIFY(test::child<QRadioButton>(&panel, QStringLiteral("state0"))->isChecked());
    const QStringList states {
        QStringLiteral("全データ"), QStringLiteral("未署名"), QStringLiteral("署名中"), QStringLiteral("署名済")};
    for (int i = 0; i < 4; ++i)
        QCOMPARE(test::child<QRadioButton>(&panel, QStringLiteral("state%1").arg(i))->text(), states[i]);
    QCOMPARE(test::child<QDateEdit>(&panel, QStringLiteral("registeredFromEdit"))->date(), QDate(2019, 2, 28));
    QCOMPARE(test::child<QDateEdit>(&panel, QStringLiteral("registeredToEdit"))->date(), QDate(2019, 5, 29));
    QCOMPARE(panel.filter(), defaultFileFilter(QDate(2019, 5, 29)));

    // Change every condition with the keyboard and mouse, then [クリア] restores the defaults.
    myStatus->setFocus();
    QTest::keyClick(myStatus, Qt::Key_Down);
    QTest::mouseClick(test::child<QRadioButton>(&panel, QStringLiteral("target2")), Qt::LeftButton);
    QTest::mouseClick(test::child<QRadioButton>(&panel, QStringLiteral("state3")), Qt::LeftButton);
    auto* from = test::child<QDateEdit>(&panel, QStringLiteral("registeredFromEdit"));
    from->setDate(QDate(2018, 1, 1));
    test::typeText(test::child<QLineEdit>(&panel, QStringLiteral("folderNameEdit")), QStringLiteral("建築"));
    test::typeText(test::child<QLineEdit>(&panel, QStringLiteral("fileNameEdit")), QStringLiteral("申請"));
    const FileListFilter changed = panel.filter();
    QCOMPARE(changed.myStatus, MyStatus::Processed);
    QCOMPARE(changed.target, FileListFilter::Target::Sign);
    QCOMPARE(changed.signatureStatus, SignatureStatus::Signed);
    QCOMPARE(changed.registeredFrom, QDate(2018, 1, 1));
    QCOMPARE(changed.folderName, QStringLiteral("建築"));
    QCOMPARE(changed.fileName, QStringLiteral("申請"));

    // [クリア] searches again with the defaults, so that the old result does not stay on screen.
    QSignalSpy searched(&panel, &FileFilterPanel::searchRequested);
    QSignalSpy cleared(&panel, &FileFilterPanel::cleared);
    QTest::mouseClick(test::child<QPushButton>(&panel, QStringLiteral("clearButton")), Qt::LeftButton);
    QCOMPARE(panel.filter(), defaultFileFilter(QDate(2019, 5, 29)));
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(searched.count(), 1);
    // clear() alone (a logout's reset) does not search.
    panel.clear();
    QCOMPARE(searched.count(), 1);
    QCOMPARE(test::child<QPushButton>(&panel, QStringLiteral("searchButton"))->text(), QStringLiteral("検索"));
    QCOMPARE(test::child<QPushButton>(&panel, QStringLiteral("clearButton"))->text(), QStringLiteral("クリア"));
    QTest::mouseClick(test::child<QPushButton>(&panel, QStringLiteral("searchButton")), Qt::LeftButton);
    QCOMPARE(searched.count(), 2);
}

void TestUiPages::myPageListsFiltersAndShowsEmpty()
{
    QTemporaryDir root;
    QVERIFY(QDir(root.path()).mkpath(QStringLiteral("建築確認")));
    QVERIFY(QDir(root.path()).mkpath(QStringLiteral("契約書")));
    QVERIFY(test::writeSamplePdf(root.filePath(QStringLiteral("建築確認/申請書A.pdf")), QStringLiteral("申請書A")));
    QVERIFY(test::writeSamplePdf(root.filePath(QStringLiteral("建築確認/申請書B.pdf")), QStringLiteral("申請書B")));
    QVERIFY(test::writeSamplePdf(root.filePath(QStringLiteral("契約書/契約書C.pdf")), QStringLiteral("契約書C")));
    // C is signed by me already: 処理済, 署名済.
    QVERIFY(test::signWithKeyStore(root.filePath(QStringLiteral("契約書/契約書C.pdf")), m_keyStore, m_pin).ok());

    LocalFolderFileSource source(root.path(), QStringLiteral("Taro Jushinsha"));
    MyPage page;
    page.resize(1280, 800);
    page.setFileSource(&source);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QSignalSpy listed(&page, &MyPage::listed);
    auto* search = test::child<QPushButton>(&page, QStringLiteral("searchButton"));
    auto* table = test::child<QTableView>(&page, QStringLiteral("fileTable"));
    auto* empty = test::child<QLabel>(&page, QStringLiteral("emptyLabel"));
    QVERIFY(search && table && empty);

    QTest::mouseClick(search, Qt::LeftButton);
    QTRY_COMPARE(listed.count(), 1);
    QCOMPARE(table->model()->rowCount(), 2); // 未処理: A and B
    QVERIFY(empty->isHidden());
    QCOMPARE(table->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("ファイル名"));

    // Sorting by file name both ways: each header click asks the source again, so the order spans all pages.
    table->sortByColumn(FileListModel::FileNameColumn, Qt::AscendingOrder);
    QTRY_COMPARE(listed.count(), 2);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("申請書A.pdf"));
    table->sortByColumn(FileListModel::FileNameColumn, Qt::DescendingOrder);
    QTRY_COMPARE(listed.count(), 3);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("申請書B.pdf"));
    FileListFilter onePerPage = defaultFileFilter();
    onePerPage.limit = 1;
    onePerPage.sort = FileListFilter::Sort::Name;
    onePerPage.descending = false;
    auto firstPage = source.list(onePerPage);
    QTRY_VERIFY(firstPage.isFinished());
    QVERIFY(firstPage.result().ok());
    QCOMPARE(firstPage.result()->files.front().name, QStringLiteral("申請書A.pdf"));
    onePerPage.descending = true;
    auto firstPageDescending = source.list(onePerPage);
    QTRY_VERIFY(firstPageDescending.isFinished());
    QCOMPARE(firstPageDescending.result()->files.front().name, QStringLiteral("申請書B.pdf"));

    // 処理済 shows the file signed by me, 署名済.
    auto* myStatus = test::child<QComboBox>(&page, QStringLiteral("myStatusCombo"));
    myStatus->setCurrentIndex(1);
    QTest::mouseClick(search, Qt::LeftButton);
    QTRY_COMPARE(listed.count(), 4);
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, FileListModel::StateColumn).data().toString(), QStringLiteral("署名済"));
    QCOMPARE(table->model()->index(0, FileListModel::MyStatusColumn).data().toString(), QStringLiteral("処理済"));

    // Nothing matches: the manual's message.
    auto* quick = test::child<QLineEdit>(&page, QStringLiteral("quickSearchEdit"));
    test::typeText(quick, QStringLiteral("存在しない"));
    QTest::keyClick(quick, Qt::Key_Return);
    QTRY_COMPARE(listed.count(), 5);
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->text(), QStringLiteral("⚠ 該当するデータが存在しません。"));
    QCOMPARE(test::child<QLineEdit>(&page, QStringLiteral("fileNameEdit"))->text(), QStringLiteral("存在しない"));

    // [クリア] and search: back to the two pending files, multi-selection enables 一括電子署名.
    QTest::mouseClick(test::child<QPushButton>(&page, QStringLiteral("clearButton")), Qt::LeftButton);
    QTest::mouseClick(search, Qt::LeftButton);
    QTRY_COMPARE(listed.count(), 6);
    QCOMPARE(table->model()->rowCount(), 2);
    auto* batch = test::child<QPushButton>(&page, QStringLiteral("batchSignButton"));
    QVERIFY(!batch->isEnabled());
    table->setFocus();
    table->selectAll();
    QVERIFY(batch->isEnabled());
    QCOMPARE(page.selectedEntries().size(), 2);
    QSignalSpy batchRequested(&page, &MyPage::batchSignRequested);
    QTest::mouseClick(batch, Qt::LeftButton);
    QCOMPARE(batchRequested.count(), 1);
}

void TestUiPages::viewerShowsPagesAndSignatures()
{
    const QString pdf = m_dir.filePath(QStringLiteral("viewed.pdf"));
    QVERIFY(test::writeSamplePdf(pdf, QStringLiteral("閲覧テスト"), 3));
    QVERIFY(test::signWithKeyStore(pdf, m_otherKeyStore, m_pin).ok());
    QVERIFY(test::signWithKeyStore(pdf, m_keyStore, m_pin).ok());

    FileViewer viewer;
    viewer.resize(1200, 800);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QSignalSpy inspected(&viewer, &FileViewer::signaturesInspected);
    viewer.open(pdf, QStringLiteral("viewed.pdf"), {});
    QCOMPARE(viewer.pageCount(), 3);
    QTRY_COMPARE(inspected.count(), 1);
    QCOMPARE(inspected.first().first().toInt(), 2);
    QTableWidget* signatures = viewer.signatureTable();
    QCOMPARE(signatures->rowCount(), 2);
    QCOMPARE(signatures->item(0, 0)->text(), QStringLiteral("Ichiro Kanrisha"));
    QCOMPARE(signatures->item(1, 0)->text(), QStringLiteral("Taro Jushinsha"));
    // Self-signed signers are not trusted without an anchor: valid but untrusted.
    QCOMPARE(signatures->item(1, 2)->text(), QStringLiteral("有効(署名者は信頼されていません)"));
    // The panel reads in words, not distinguished names.
    signatures->setCurrentCell(1, 0);
    const QString detail = test::child<QLabel>(&viewer, QStringLiteral("signatureDetail"))->text();
    QVERIFY2(detail.contains(QStringLiteral("署名者: Taro Jushinsha（AAA Corporation）")), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("証明書の発行者: Taro Jushinsha（Ikkatsu Test）")), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("証明書シリアルナンバー: ")), qPrintable(detail));
    static const QRegularExpression validity(
        QStringLiteral("証明書の有効期間: \\d{4}/\\d{2}/\\d{2} 〜 \\d{4}/\\d{2}/\\d{2}"));
    QVERIFY2(validity.match(detail).hasMatch(), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("署名後の変更: なし")), qPrintable(detail));
    QVERIFY2(!detail.contains(QStringLiteral("CN=")) && !detail.contains(QStringLiteral("OU=")), qPrintable(detail));
    signatures->setCurrentCell(0, 0);
    QVERIFY2(test::child<QLabel>(&viewer, QStringLiteral("signatureDetail"))
                 ->text()
                 .contains(QStringLiteral("署名後の変更: 1 回の追記")),
        qPrintable(test::child<QLabel>(&viewer, QStringLiteral("signatureDetail"))->text()));
    // Esc closes the viewer window.
    QTest::keyClick(&viewer, Qt::Key_Escape);
    QTRY_VERIFY(!viewer.isVisible());
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));

    QTest::mouseClick(test::child<QPushButton>(&viewer, QStringLiteral("viewerNextPage")), Qt::LeftButton);
    QTRY_COMPARE(viewer.currentPage(), 1);
    QTest::mouseClick(test::child<QPushButton>(&viewer, QStringLiteral("viewerPreviousPage")), Qt::LeftButton);
    QTRY_COMPARE(viewer.currentPage(), 0);
    auto* zoom = test::child<QComboBox>(&viewer, QStringLiteral("viewerZoomCombo"));
    QTest::mouseClick(test::child<QPushButton>(&viewer, QStringLiteral("viewerZoomIn")), Qt::LeftButton);
    QCOMPARE(zoom->currentText(), QStringLiteral("125%"));

    // A damaged file shows a coded error, no crash.
    const QString broken = m_dir.filePath(QStringLiteral("broken.pdf"));
    QVERIFY(test::writeAll(broken, QByteArrayLiteral("%PDF-1.7\nthis is not a pdf\n")));
    viewer.open(broken, QStringLiteral("broken.pdf"), {});
    QTRY_COMPARE(inspected.count(), 2);
    QVERIFY(test::child<QLabel>(&viewer, QStringLiteral("signatureDetail"))->text().startsWith(QLatin1Char('E')));
}

void TestUiPages::batchSignRefusesWrongPinThenSignsAndSkips()
{
    QTemporaryDir root;
    QVERIFY(QDir(root.path()).mkpath(QStringLiteral("建築確認")));
    for (int i = 0; i < 4; ++i)
        QVERIFY(
            test::writeSamplePdf(root.filePath(QStringLiteral("建築確認/図面%1.pdf").arg(i)), QStringLiteral("図面")));
    QVERIFY(test::writeAll(root.filePath(QStringLiteral("建築確認/.required-signers")), "2"));
    QVERIFY(test::signWithKeyStore(root.filePath(QStringLiteral("建築確認/図面0.pdf")), m_keyStore, m_pin).ok());
    QVERIFY(test::signWithKeyStore(root.filePath(QStringLiteral("建築確認/図面1.pdf")), m_otherKeyStore, m_pin).ok());
    const QByteArray before1 = test::readAll(root.filePath(QStringLiteral("建築確認/図面1.pdf")));

    LocalFolderFileSource source(root.path(), QStringLiteral("Taro Jushinsha"));
    auto all = source.scan();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 4);

    BatchSignDialog dialog(&source, m_keyStore, *all);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* pin = test::child<QLineEdit>(&dialog, QStringLiteral("batchPinEdit"));
    auto* start = test::child<QPushButton>(&dialog, QStringLiteral("batchStartButton"));
    auto* pinError = test::child<QLabel>(&dialog, QStringLiteral("batchPinError"));
    QVERIFY(pin && start && pinError);
    // 図面0 is already signed by me: shown and skipped with its reason.
    int skippedRow = -1;
    for (int row = 0; row < all->size(); ++row) {
        if (signedByMe(all->at(row)))
            skippedRow = row;
    }
    QVERIFY(skippedRow >= 0);
    QCOMPARE(dialog.stageOf(skippedRow), BatchSignDialog::Stage::Skipped);
    QCOMPARE(dialog.errorOf(skippedRow).code, ErrorCode::AlreadySigned);

    QTRY_VERIFY_WITH_TIMEOUT(pin->isEnabled(), 60000); // the PIN is asked once the pre-flight is done
    QTest::keyClicks(pin, QStringLiteral("Wrong999"));
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(pinError->isVisible(), 20000);
    QVERIFY2(pinError->text().startsWith(QStringLiteral("E2003")), qPrintable(pinError->text()));
    QCOMPARE(test::readAll(root.filePath(QStringLiteral("建築確認/図面1.pdf"))), before1);

    QSignalSpy finished(&dialog, &BatchSignDialog::batchFinished);
    QTRY_VERIFY(pin->isEnabled());
    QTest::keyClicks(pin, m_pin);
    QTest::keyClick(pin, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(dialog.signedCount(), 3);
    QCOMPARE(dialog.failedCount(), 0);

    // Every signed file is valid under pdfsig, and the earlier revision is a prefix (incremental update).
    for (int i = 1; i < 4; ++i) {
        const QString path = root.filePath(QStringLiteral("建築確認/図面%1.pdf").arg(i));
        const auto check = test::pdfsig(path);
        QVERIFY2(check.all().contains(QStringLiteral("Signature is Valid")), qPrintable(check.all()));
    }
    QVERIFY(test::readAll(root.filePath(QStringLiteral("建築確認/図面1.pdf"))).startsWith(before1));
    auto after = source.scan();
    QVERIFY(after.ok());
    for (const FileEntry& entry : *after) {
        QVERIFY(signedByMe(entry));
        QCOMPARE(entry.status,
            entry.name == QStringLiteral("図面1.pdf") ? SignatureStatus::Signed : SignatureStatus::Signing);
    }
    auto history = source.history().result();
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 3);
}

void TestUiPages::batchCancelLeavesEveryFileWholeOrSigned()
{
    QTemporaryDir root;
    QVERIFY(QDir(root.path()).mkpath(QStringLiteral("契約書")));
    constexpr int kFiles = 12;
    QList<QByteArray> originals;
    for (int i = 0; i < kFiles; ++i) {
        const QString path = root.filePath(QStringLiteral("契約書/契約%1.pdf").arg(i, 2, 10, QLatin1Char('0')));
        QVERIFY(test::writeSamplePdf(path, QStringLiteral("契約"), 2));
        originals.append(test::readAll(path));
    }
    // Uploads are held at the source: the cancel meets exactly the six sent (in flight) and the six waiting.
    test::HeldUploads<LocalFolderFileSource> source(root.path(), QStringLiteral("Taro Jushinsha"));
    source.holdUploads = true;
    auto all = source.scan();
    QVERIFY(all.ok());
    BatchSignDialog dialog(&source, m_keyStore, *all);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy finished(&dialog, &BatchSignDialog::batchFinished);
    auto* pin = test::child<QLineEdit>(&dialog, QStringLiteral("batchPinEdit"));
    QTRY_VERIFY_WITH_TIMEOUT(pin->isEnabled(), 60000); // the PIN is asked once the pre-flight is done
    QTest::keyClicks(pin, m_pin);
    QTest::keyClick(pin, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.session()->countIn(BatchSignDialog::Stage::Uploading), kFiles, 60000);
    QCOMPARE(source.heldCount(), 6);
    auto* cancel = test::child<QPushButton>(&dialog, QStringLiteral("batchCancelButton"));
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(dialog.isVisible()); // cancelling is not closing: the batch winds down first
    QCOMPARE(dialog.session()->countIn(BatchSignDialog::Stage::Cancelled), kFiles - 6);
    QVERIFY(!cancel->isEnabled());
    source.release();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(source.uploads, 6); // nothing was sent after the cancel

    for (int row = 0; row < kFiles; ++row) {
        const BatchSignDialog::Stage stage = dialog.stageOf(row);
        QVERIFY(stage == BatchSignDialog::Stage::Done || stage == BatchSignDialog::Stage::Cancelled);
        if (stage == BatchSignDialog::Stage::Cancelled)
            QCOMPARE(dialog.errorOf(row).code, ErrorCode::Cancelled);
    }
    QCOMPARE(dialog.signedCount(), 6);
    // On the store every file is either byte-for-byte untouched or completely signed and valid.
    int signedFiles = 0;
    for (int i = 0; i < kFiles; ++i) {
        const QString path = root.filePath(QStringLiteral("契約書/契約%1.pdf").arg(i, 2, 10, QLatin1Char('0')));
        const QByteArray now = test::readAll(path);
        if (now == originals[i])
            continue;
        ++signedFiles;
        QVERIFY(now.startsWith(originals[i]));
        const auto check = test::pdfsig(path);
        QVERIFY2(check.all().contains(QStringLiteral("Signature is Valid")), qPrintable(check.all()));
    }
    QCOMPARE(signedFiles, dialog.signedCount());
    QVERIFY(QDir(root.filePath(QStringLiteral("契約書"))).entryList(QDir::Files | QDir::Hidden).size() == kFiles);
}

void TestUiPages::profileShowsCertificateAndChangesPin()
{
    const QString store = m_dir.filePath(QStringLiteral("profile.p12"));
    QVERIFY(QFile::copy(m_keyStore, store));
    ProfilePage page(nullptr);
    page.resize(1280, 800);
    UserProfile user;
    user.userId = QStringLiteral("u0001");
    user.userName = QStringLiteral("受信者 太郎");
    page.setUser(user, store);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(test::child<QLabel>(&page, QStringLiteral("profileUserValue1"))->text(), QStringLiteral("受信者 太郎"));
    QCOMPARE(test::child<QLabel>(&page, QStringLiteral("profileCertificateValue1"))->text(),
        QStringLiteral("Taro Jushinsha"));
    QVERIFY(test::child<QLabel>(&page, QStringLiteral("noCertificateLabel"))->isHidden());

    auto* current = test::child<QLineEdit>(&page, QStringLiteral("currentPinEdit"));
    auto* next = test::child<QLineEdit>(&page, QStringLiteral("changeNewPinEdit"));
    auto* confirm = test::child<PinConfirmationEdit>(&page, QStringLiteral("changeConfirmPinEdit"));
    auto* change = test::child<QPushButton>(&page, QStringLiteral("changePinButton"));
    auto* result = test::child<QLabel>(&page, QStringLiteral("pinChangeResult"));
    const QByteArray before = test::readAll(store);

    // Mismatch: refused before anything is touched.
    QTest::keyClicks(current, m_pin);
    QTest::keyClicks(next, QStringLiteral("NewPin456"));
    QTest::keyClicks(confirm, QStringLiteral("NewPin457"));
    QTest::mouseClick(change, Qt::LeftButton);
    QVERIFY2(result->text().startsWith(QStringLiteral("E2002 ")), qPrintable(result->text()));
    // Wrong current PIN: the key store says so, the file stays as it was.
    QTest::keyClicks(current, QStringLiteral("Wrong999"));
    QTest::keyClicks(next, QStringLiteral("NewPin456"));
    QTest::keyClicks(confirm, QStringLiteral("NewPin456"));
    QTest::mouseClick(change, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("E2003 ")), 20000);
    QCOMPARE(test::readAll(store), before);
    // Right.
    QTest::keyClicks(current, m_pin);
    QTest::keyClicks(next, QStringLiteral("NewPin456"));
    QTest::keyClicks(confirm, QStringLiteral("NewPin456"));
    QTest::mouseClick(change, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(result->text(), QStringLiteral("署名用暗証コードを変更しました。"), 20000);
    QVERIFY(KeyStore::open(store, SecureBuffer::fromString(QStringLiteral("NewPin456"))).ok());
    QCOMPARE(KeyStore::open(store, SecureBuffer::fromString(m_pin)).error().code, ErrorCode::PinWrong);

    // Without a key store: said so, PIN change disabled.
    page.setUser(user, m_dir.filePath(QStringLiteral("missing.p12")));
    QVERIFY(test::child<QLabel>(&page, QStringLiteral("noCertificateLabel"))->isVisible());
    QVERIFY(!change->isEnabled());
}

void TestUiPages::resultsFilterByOperationAndOutcome()
{
    QTemporaryDir root;
    LocalFolderFileSource source(root.path(), QStringLiteral("Taro Jushinsha"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto record = [&](int secondsAgo, const QString& file, ProcessingRecord::Action action, const QString& code) {
        ProcessingRecord row;
        row.occurredAt = now.addSecs(-secondsAgo);
        row.fileName = file;
        row.folderName = QStringLiteral("建築確認");
        row.action = action;
        row.succeeded = code.isEmpty();
        row.errorCode = code;
        source.record(row);
    };
    record(30, QStringLiteral("申請書A.pdf"), ProcessingRecord::Action::View, {});
    record(20, QStringLiteral("申請書A.pdf"), ProcessingRecord::Action::Sign, {});
    record(10, QStringLiteral("申請書B.pdf"), ProcessingRecord::Action::Sign, QStringLiteral("E3009"));
    ResultsPage page;
    page.setFileSource(&source);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.refresh();
    QTRY_COMPARE(page.visibleRows(), 3);
    auto* table = test::child<QTableView>(&page, QStringLiteral("resultsTable"));
    QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("申請書B.pdf")); // newest first
    QCOMPARE(table->model()->index(0, 5).data().toString(), QStringLiteral("E3009"));
    QCOMPARE(table->model()->index(0, 4).data().toString(), QStringLiteral("失敗"));
    auto* outcome = test::child<QComboBox>(&page, QStringLiteral("resultsOutcomeCombo"));
    outcome->setCurrentIndex(2); // 失敗
    QCOMPARE(page.visibleRows(), 1);
    outcome->setCurrentIndex(0);
    test::child<QComboBox>(&page, QStringLiteral("resultsActionCombo"))->setCurrentIndex(1); // 閲覧
    QCOMPARE(page.visibleRows(), 1);
    QCOMPARE(table->model()->index(0, 3).data().toString(), QStringLiteral("閲覧"));
    test::child<QComboBox>(&page, QStringLiteral("resultsActionCombo"))->setCurrentIndex(0);
    auto* name = test::child<QLineEdit>(&page, QStringLiteral("resultsFileNameEdit"));
    test::typeText(name, QStringLiteral("申請書B"));
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(page.visibleRows(), 1);
    test::typeText(name, QStringLiteral("X"));
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(page.visibleRows(), 0);
    QVERIFY(test::child<QLabel>(&page, QStringLiteral("resultsEmptyLabel"))->isVisible());
}

QTEST_MAIN(TestUiPages)
#include "tst_ui_pages.moc"
