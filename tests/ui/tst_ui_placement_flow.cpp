// 署名欄の配置 end to end against a real ikkatsu-server: the administrator drags two signers' 印 boxes onto a
// registered file's pages (a box too small is refused, a new box can be deleted and moved, a saved one is locked),
// saves them as a new version, each signer's desktop batch fills their own box, and the final file has both
// signatures valid (pdfsig) with each seal inside its box (pdftoppm) and in our own viewer.
#include "FileSteps.h"
#include "LoginSteps.h"
#include "MainWindow.h"
#include "PdfFixtures.h"
#include "ServerHarness.h"
#include "TestConfig.h"
#include "TestSupport.h"
#include "UiTestSupport.h"
#include "admin/FilesPage.h"
#include "admin/SignatureBoxDialog.h"
#include "client/ApiClient.h"
#include "config/Language.h"
#include "config/Settings.h"
#include "crypto/KeyStore.h"
#include "services/ServerAccountService.h"
#include "services/ServerAdminService.h"
#include "services/ServerFileSource.h"
#include "signing/BatchSignDialog.h"
#include "viewer/FileViewer.h"
#include "viewer/PlacementCanvas.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::ui;
using test::SigningUser;
using test::TestServer;

namespace {

using Rect = std::array<double, 4>;
constexpr int kPageHeight = 842; // minimalPdf's A4 page: one pixel per point at 72 dpi

bool isVermilion(QRgb c)
{
    return qRed(c) > 150 && qGreen(c) < 120 && qBlue(c) < 140;
}

int vermilionIn(const QImage& image, const QRectF& area)
{
    const qreal dpr = image.devicePixelRatio();
    const QRect pixels = QRectF(area.topLeft() * dpr, area.size() * dpr).toAlignedRect().adjusted(-2, -2, 2, 2);
    int count = 0;
    for (int y = std::max(0, pixels.top()); y <= std::min(image.height() - 1, pixels.bottom()); ++y) {
        for (int x = std::max(0, pixels.left()); x <= std::min(image.width() - 1, pixels.right()); ++x)
            count += isVermilion(image.pixel(x, y)) ? 1 : 0;
    }
    return count;
}

bool near(const Rect& a, const Rect& b, double tolerance)
{
    for (size_t i = 0; i < 4; ++i) {
        if (std::abs(a[i] - b[i]) > tolerance)
            return false;
    }
    return true;
}

// Where the test leaves its pictures to look at.
QString outDir()
{
    const QString dir = QStringLiteral(IKKATSU_BINARY_DIR) + QStringLiteral("/screenshots/placement");
    QDir().mkpath(dir);
    return dir;
}

QString rectText(const Rect& r)
{
    return QStringLiteral("[%1 %2 %3 %4]").arg(r[0]).arg(r[1]).arg(r[2]).arg(r[3]);
}

} // namespace

class TestUiPlacementFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void administratorDragsTwoSignersBoxes();
    void savedBoxesAreLocked();
    void eachSignersBatchFillsTheirOwnBox();

private:
    template<typename T>
    T* find(const QString& name)
    {
        return test::child<T>(m_window.get(), name);
    }
    SignatureBoxDialog* openDialog();
    // A mouse drag on the canvas from one PDF point of `page` to another.
    void drag(PlacementCanvas* canvas, int page, const QPointF& from, const QPointF& to);
    Result<QList<api::SignatureBox>> serverBoxes();

    TestServer m_server;
    QTemporaryDir m_home;
    QString m_adminToken;
    SigningUser m_first;
    SigningUser m_second;
    QString m_fileId;
    const QString m_pin = QStringLiteral("Place2024x");
    // Where the two seals go: the first signer top right of page 1, the second bottom left of page 2.
    const Rect m_firstBox {400, 690, 480, 770};
    const Rect m_secondBox {90, 100, 180, 190};
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ServerAccountService> m_accounts;
    std::unique_ptr<ServerAdminService> m_admin;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiPlacementFlow::initTestCase()
{
    QVERIFY(m_home.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(installTranslations(QStringLiteral("ja")), QStringLiteral("ja"));
    m_adminToken = test::startWithAdmin(m_server, {QStringLiteral("--require-password-change=false")});
    QVERIFY(!m_adminToken.isEmpty());
    QCOMPARE(m_server.post(QStringLiteral("/api/v1/certificate-setup"), {{QStringLiteral("sign"), false}}, m_adminToken)
                 .status,
        200);
    m_first = test::newUser(m_server, m_adminToken, QStringLiteral("first@place.example"));
    m_second = test::newUser(m_server, m_adminToken, QStringLiteral("second@place.example"));
    QVERIFY(!m_first.token.isEmpty() && !m_second.token.isEmpty());
    const QString folder = test::createFolder(m_server, m_adminToken, QStringLiteral("配置"));
    QVERIFY(!folder.isEmpty());
    test::PdfFixtureOptions twoPages;
    twoPages.pages = 2;
    m_fileId = test::registerFile(m_server, m_adminToken, folder, QStringLiteral("契約書.pdf"),
        test::minimalPdf(twoPages), {}, {m_first.account.userId, m_second.account.userId});
    QVERIFY(!m_fileId.isEmpty());

    // The route must be there (built by the server side of issue 12).
    const test::Reply probe
        = m_server.get(QStringLiteral("/api/v1/admin/files/%1/signature-boxes").arg(m_fileId), m_adminToken);
    if (probe.status == 404 && probe.code == errorCodeText(ErrorCode::RouteNotFound))
        QSKIP("the server has no GET /api/v1/admin/files/{fileId}/signature-boxes yet");

    m_settings = std::make_unique<Settings>(QString(), m_home.filePath(QStringLiteral("user.conf")));
    QVERIFY(m_settings->setValue(SettingKey::ServerUrl, m_server.baseUrl()).ok());
    QVERIFY(m_settings->setValue(SettingKey::KeyStoreDirectory, m_home.path()).ok());
    m_accounts = std::make_unique<ServerAccountService>();
    m_admin = std::make_unique<ServerAdminService>(m_accounts.get());
    m_window = std::make_unique<MainWindow>(m_settings.get(), m_accounts.get(), MainWindow::FileSourceFactory());
    m_window->setAdminService(m_admin.get());
    m_window->resize(1280, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    // ログイン → ワンタイムパスワード → マイページ, as the administrator.
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

void TestUiPlacementFlow::cleanupTestCase()
{
    m_window.reset();
    m_admin.reset();
    m_accounts.reset();
    m_settings.reset();
}

SignatureBoxDialog* TestUiPlacementFlow::openDialog()
{
    QSignalSpy listed(m_window->filesPage(), &FilesPage::filesListed);
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navAdminFiles")), Qt::LeftButton);
    if (m_window->currentScreen() != MainWindow::Screen::AdminFiles)
        return nullptr;
    FilesPage* page = m_window->filesPage();
    page->refresh();
    if (!QTest::qWaitFor([&] { return page->fileRowCount() == 1; }, 20000))
        return nullptr;
    QSignalSpy details(page, &FilesPage::detailsShown);
    page->selectFile(0);
    auto* place = find<QPushButton>(QStringLiteral("placeBoxesButton"));
    if (!QTest::qWaitFor([&] { return details.count() >= 1 && place->isEnabled(); }, 20000))
        return nullptr;
    QTest::mouseClick(place, Qt::LeftButton);
    SignatureBoxDialog* dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = m_window->findChild<SignatureBoxDialog*>()) != nullptr; }, 10000))
        return nullptr;
    QSignalSpy loaded(dialog, &SignatureBoxDialog::loaded);
    if (!loaded.wait(20000))
        return nullptr;
    return dialog;
}

void TestUiPlacementFlow::drag(PlacementCanvas* canvas, int page, const QPointF& from, const QPointF& to)
{
    QWidget* viewport = canvas->viewport();
    const QPoint start = canvas->fromPdf(page, from).toPoint();
    const QPoint end = canvas->fromPdf(page, to).toPoint();
    QTest::mousePress(viewport, Qt::LeftButton, {}, start);
    for (int step = 1; step <= 4; ++step)
        QTest::mouseMove(viewport, start + (end - start) * step / 4);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, end);
}

Result<QList<api::SignatureBox>> TestUiPlacementFlow::serverBoxes()
{
    // The answer comes through the event loop: wait for it rather than block on result().
    QFuture<Result<QList<api::SignatureBox>>> boxes = m_admin->signatureBoxes(m_fileId);
    if (!QTest::qWaitFor([&] { return boxes.isFinished(); }, 20000))
        return makeError(ErrorCode::Unexpected, QStringLiteral("no answer"));
    return boxes.result();
}

void TestUiPlacementFlow::administratorDragsTwoSignersBoxes()
{
    SignatureBoxDialog* dialog = openDialog();
    QVERIFY(dialog);
    PlacementCanvas* canvas = dialog->canvas();
    QCOMPARE(canvas->pageCount(), 2);
    QVERIFY(canvas->placedBoxes().isEmpty());
    auto* save = dialog->findChild<QPushButton*>(QStringLiteral("saveBoxesButton"));
    auto* remove = dialog->findChild<QPushButton*>(QStringLiteral("deleteBoxButton"));
    auto* error = dialog->findChild<QLabel*>(QStringLiteral("placementError"));
    QVERIFY(!save->isEnabled());

    // A box smaller than 18 points is refused with a reason.
    QVERIFY(dialog->chooseSigner(m_first.account.userId));
    drag(canvas, 0, QPointF(300, 500), QPointF(310, 490));
    QVERIFY(canvas->newBoxes().isEmpty());
    QVERIFY(error->isVisible() && error->text().contains(QStringLiteral("18")));

    // The first signer's box by dragging on page 1; a first try in the wrong place is deleted.
    drag(canvas, 0, QPointF(100, 400), QPointF(200, 300));
    QCOMPARE(canvas->newBoxes().size(), 1);
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(canvas->newBoxes().isEmpty());
    drag(canvas, 0, QPointF(m_firstBox[0], m_firstBox[3]), QPointF(m_firstBox[2], m_firstBox[1]));
    QCOMPARE(canvas->newBoxes().size(), 1);
    api::SignatureBox first = canvas->newBoxes().at(0);
    QCOMPARE(first.userId, m_first.account.userId);
    QCOMPARE(first.page, 1);
    QVERIFY2(near(first.rect, m_firstBox, 2.5), qPrintable(rectText(first.rect)));
    // Dragged beyond the page's edge: clipped to the page.
    QVERIFY(first.rect[2] <= 595 && first.rect[3] <= 842);

    // The second signer's box on page 2: drawn 40 points too far right, then moved by dragging it.
    QVERIFY(dialog->chooseSigner(m_second.account.userId));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("placementNextPage")), Qt::LeftButton);
    QCOMPARE(canvas->currentPage(), 1);
    drag(canvas, 1, QPointF(m_secondBox[0] + 40, m_secondBox[3]), QPointF(m_secondBox[2] + 40, m_secondBox[1]));
    QCOMPARE(canvas->newBoxes().size(), 2);
    const QPointF middle((m_secondBox[0] + m_secondBox[2]) / 2 + 40, (m_secondBox[1] + m_secondBox[3]) / 2);
    drag(canvas, 1, middle, middle - QPointF(40, 0));
    api::SignatureBox second = canvas->newBoxes().at(1);
    QCOMPARE(second.userId, m_second.account.userId);
    QCOMPARE(second.page, 2);
    QVERIFY2(near(second.rect, m_secondBox, 3), qPrintable(rectText(second.rect)));
    dialog->grab().save(outDir() + QStringLiteral("/placement-dialog.png"));

    // 保存: the server writes both as empty signature fields into a new version.
    QVERIFY(save->isEnabled());
    QSignalSpy saved(dialog, &SignatureBoxDialog::saved);
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(saved.wait(30000));
    const auto boxes = saved.first().first().value<QList<api::SignatureBox>>();
    QCOMPARE(boxes.size(), 2);
    const Result<QList<api::SignatureBox>> stored = serverBoxes();
    QVERIFY(stored.ok());
    QCOMPARE(stored->size(), 2);
    for (const api::SignatureBox& box : *stored) {
        QVERIFY(!box.filled);
        const api::SignatureBox& drawn = box.userId == first.userId ? first : second;
        QCOMPARE(box.page, drawn.page);
        QVERIFY2(near(box.rect, drawn.rect, 0.01), qPrintable(rectText(box.rect)));
    }
    QTRY_VERIFY(m_window->findChild<SignatureBoxDialog*>() == nullptr);
}

void TestUiPlacementFlow::savedBoxesAreLocked()
{
    SignatureBoxDialog* dialog = openDialog();
    QVERIFY(dialog);
    PlacementCanvas* canvas = dialog->canvas();
    QCOMPARE(canvas->placedBoxes().size(), 2);
    QVERIFY(canvas->newBoxes().isEmpty());
    // A placed box is a field in a stored version: it cannot be moved, nor placed again for its signer.
    QVERIFY(dialog->chooseSigner(m_first.account.userId));
    canvas->goToPage(0);
    const QPointF middle((m_firstBox[0] + m_firstBox[2]) / 2, (m_firstBox[1] + m_firstBox[3]) / 2);
    drag(canvas, 0, middle, middle - QPointF(100, 100));
    QVERIFY(canvas->newBoxes().isEmpty());
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("placementError"))->isVisible());
    QCOMPARE(canvas->placedBoxes().at(0).rect, serverBoxes()->at(0).rect);
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("saveBoxesButton"))->isEnabled());
    dialog->reject();
}

void TestUiPlacementFlow::eachSignersBatchFillsTheirOwnBox()
{
    const Rect* boxes[] = {&m_firstBox, &m_secondBox};
    int index = 0;
    for (SigningUser* user : {&m_first, &m_second}) {
        const QString store = m_home.filePath(user->account.userId + QStringLiteral(".p12"));
        QVERIFY(
            KeyStore::create(store, *user->key, {user->certificate, user->ca}, SecureBuffer::fromString(m_pin)).ok());
        client::ApiClient client {QUrl(m_server.baseUrl())};
        client.setSessionToken(user->token);
        ServerFileSource source(&client);
        auto listed = source.list(defaultFileFilter());
        QTRY_VERIFY_WITH_TIMEOUT(listed.isFinished(), 20000);
        QVERIFY(listed.result().ok());
        QCOMPARE(listed.result()->files.size(), 1);
        BatchSignDialog dialog(&source, store, listed.result()->files);
        api::SealSettings seal;
        seal.style = QStringLiteral("round");
        seal.text = index == 0 ? QStringLiteral("一") : QStringLiteral("二");
        dialog.setSeal(seal, user->account.userId, QStringLiteral("試験 利用者"), QStringLiteral("試験 株式会社"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* pin = dialog.findChild<QLineEdit*>(QStringLiteral("batchPinEdit"));
        QTRY_VERIFY_WITH_TIMEOUT(pin->isEnabled(), 120000);
        QTest::keyClicks(pin, m_pin);
        QTest::keyClick(pin, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog.findChild<QPushButton*>(QStringLiteral("batchCloseButton"))->isVisible(), 120000);
        QVERIFY2(dialog.stageOf(0) == BatchSignDialog::Stage::Done, qPrintable(dialog.statusText(0)));
        ++index;
    }

    // Both boxes are filled now, each by its own signer.
    const Result<QList<api::SignatureBox>> stored = serverBoxes();
    QVERIFY(stored.ok());
    QCOMPARE(stored->size(), 2);
    for (const api::SignatureBox& box : *stored)
        QVERIFY2(box.filled, qPrintable(box.userId));

    // The final file, checked by independent tools.
    client::ApiClient reader {QUrl(m_server.baseUrl())};
    reader.setSessionToken(m_first.token);
    auto download = client::waitFor<client::ApiClient::Download>(
        [&](auto done) { reader.downloadFile(m_fileId, std::move(done)); });
    QVERIFY(download.ok());
    const QString path = m_home.filePath(QStringLiteral("final.pdf"));
    QVERIFY(test::writeAll(path, download->bytes));
    const test::ToolRun check = test::pdfsig(path);
    QCOMPARE(check.all().count(QStringLiteral("Signature is Valid")), 2);
    for (int page = 1; page <= 2; ++page) {
        const Rect& box = *boxes[page - 1];
        const QString prefix = m_home.filePath(QStringLiteral("final-%1").arg(page));
        const test::ToolRun run = test::runTool(QStringLiteral("pdftoppm"),
            {QStringLiteral("-r"), QStringLiteral("72"), QStringLiteral("-png"), QStringLiteral("-singlefile"),
                QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"), QString::number(page), path,
                prefix});
        QCOMPARE(run.exitCode, 0);
        const QImage image = QImage(prefix + QStringLiteral(".png")).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(image.height(), kPageHeight);
        const QRectF area(QPointF(box[0], kPageHeight - box[3]), QPointF(box[2], kPageHeight - box[1]));
        const int inside = vermilionIn(image, area);
        QVERIFY2(inside > 300, qPrintable(QString::number(inside)));
        QCOMPARE(vermilionIn(image, image.rect()), inside); // nowhere else on the page
    }

    // Our own viewer shows both seals inside their boxes.
    FileViewer viewer;
    viewer.resize(1100, 800);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QSignalSpy inspected(&viewer, &FileViewer::signaturesInspected);
    viewer.open(path, QStringLiteral("final.pdf"), {});
    QVERIFY(inspected.wait(30000));
    QCOMPARE(inspected.first().first().toInt(), 2);
    PageCanvas* canvas = viewer.canvas();
    for (int page = 0; page < 2; ++page) {
        canvas->ensureVisible(page, *boxes[page]);
        QApplication::processEvents();
        const QRectF shown = canvas->pdfRectToViewport(page, *boxes[page]);
        const QImage grab = canvas->viewport()->grab().toImage();
        grab.save(outDir() + QStringLiteral("/placement-final-page%1.png").arg(page + 1));
        const int inside = vermilionIn(grab, shown);
        QVERIFY2(inside > shown.width() * shown.height() * 0.05, qPrintable(QString::number(inside)));
    }
}

QTEST_MAIN(TestUiPlacementFlow)
#include "tst_ui_placement_flow.moc"
