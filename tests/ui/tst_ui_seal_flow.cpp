// The 印影 end to end against a real ikkatsu-server: a user chooses a 丸印 at the top left of the first page in
// 本人情報 (the preview is drawn), saves it to the server, signs a desktop batch, and the signed files downloaded
// again show the vermilion seal where it belongs (pdftoppm) — in the empty field named with the user ID when the
// document has one — with the name searchable (pdftotext) and the signature valid (pdfsig).
#include "LoginSteps.h"
#include "MainWindow.h"
#include "PdfFixtures.h"
#include "ServerHarness.h"
#include "TestSupport.h"
#include "UiTestSupport.h"
#include "client/ApiClient.h"
#include "config/Language.h"
#include "config/Settings.h"
#include "pages/MyPage.h"
#include "pages/SealPreview.h"
#include "services/ServerAccountService.h"
#include "services/ServerFileSource.h"
#include "setup/CertificateSetupWizard.h"
#include "signing/BatchJournal.h"
#include "signing/BatchSignDialog.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::ui;
using test::TestServer;
using test::TestUser;

namespace {

constexpr int kPageHeight = 842; // minimalPdf's A4 page: one pixel per point at 72 dpi

bool isVermilion(QRgb c)
{
    return qRed(c) > 170 && qGreen(c) < 110 && qBlue(c) < 140;
}

// Vermilion pixels of `image` inside `area` (pixels, top-left origin).
int vermilionIn(const QImage& image, const QRect& area)
{
    int count = 0;
    for (int y = std::max(0, area.top()); y <= std::min(image.height() - 1, area.bottom()); ++y) {
        for (int x = std::max(0, area.left()); x <= std::min(image.width() - 1, area.right()); ++x)
            count += isVermilion(image.pixel(x, y)) ? 1 : 0;
    }
    return count;
}

// PDF points X1,Y1,X2,Y2 on the A4 page → pixels at 72 dpi.
QRect pixelsOf(int x1, int y1, int x2, int y2)
{
    return QRect(QPoint(x1, kPageHeight - y2), QPoint(x2 - 1, kPageHeight - y1 - 1));
}

} // namespace

class TestUiSealFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void roundSealChosenInProfileIsPreviewed();
    void badSealTextIsRefused();
    void batchSignsWithTheSealWhereItBelongs();

private:
    template<typename T>
    T* find(const QString& name)
    {
        T* widget = m_window->findChild<T*>(name);
        if (!widget)
            qWarning("no widget %s", qPrintable(name));
        return widget;
    }
    QString registerFile(const QString& name, const QByteArray& pdf);
    void choose(const QString& comboName, const QString& value);
    QImage render(const QString& pdf, int page, const QString& prefix);

    TestServer m_server;
    QTemporaryDir m_home;
    std::unique_ptr<client::ApiClient> m_admin;
    TestUser m_user;
    QString m_folderId;
    const QString m_adminEmail = QStringLiteral("admin@example.test");
    const QString m_pin = QStringLiteral("Seal2024x");
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ServerAccountService> m_accounts;
    std::unique_ptr<MainWindow> m_window;
};

QString TestUiSealFlow::registerFile(const QString& name, const QByteArray& pdf)
{
    api::NewFile file;
    file.name = name;
    file.content = pdf;
    file.signers = {m_user.userId};
    auto outcomes = client::waitFor(m_admin->registerFiles(m_folderId, {file}));
    if (!outcomes.ok())
        return outcomes.error().codeText();
    return outcomes->value(0).file ? QString() : errorCodeText(outcomes->value(0).code);
}

void TestUiSealFlow::choose(const QString& comboName, const QString& value)
{
    auto* combo = find<QComboBox>(comboName);
    QVERIFY(combo);
    const int index = combo->findData(value);
    QVERIFY2(index >= 0, qPrintable(value));
    combo->setCurrentIndex(index);
}

QImage TestUiSealFlow::render(const QString& pdf, int page, const QString& prefix)
{
    const test::ToolRun run = test::runTool(QStringLiteral("pdftoppm"),
        {QStringLiteral("-r"), QStringLiteral("72"), QStringLiteral("-png"), QStringLiteral("-singlefile"),
            QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"), QString::number(page), pdf,
            m_home.filePath(prefix)});
    if (run.exitCode != 0)
        return {};
    return QImage(m_home.filePath(prefix + QStringLiteral(".png"))).convertToFormat(QImage::Format_RGB32);
}

void TestUiSealFlow::initTestCase()
{
    QVERIFY(m_home.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(installTranslations(QStringLiteral("ja")), QStringLiteral("ja"));
    QVERIFY(m_server.initAdmin(QStringLiteral("admin"), QStringLiteral("admin-password-1"), m_adminEmail));
    QVERIFY(m_server.start({QStringLiteral("--require-password-change=false")}));
    const QString adminToken
        = test::fullLogin(m_server, QStringLiteral("admin"), QStringLiteral("admin-password-1"), m_adminEmail);
    QVERIFY(!adminToken.isEmpty());
    m_admin = std::make_unique<client::ApiClient>(QUrl(m_server.baseUrl()));
    m_admin->setSessionToken(adminToken);
    // registerUser names the user 「試験 利用者」: the 丸印 shows the family name 試験.
    m_user = test::registerUser(m_server, adminToken, m_adminEmail, QStringLiteral("seal@example.test"));
    QVERIFY(!m_user.userId.isEmpty());
    auto folder = client::waitFor(m_admin->createFolder(QStringLiteral("印影")));
    QVERIFY(folder.ok());
    m_folderId = folder->folderId;

    // Two pages, no field: the seal goes to the user's default corner. A prepared form whose empty signature
    // field is named with the user's ID: the seal goes into that field.
    test::PdfFixtureOptions plain;
    plain.pages = 2;
    QCOMPARE(registerFile(QStringLiteral("corner.pdf"), test::minimalPdf(plain)), QString());
    test::PdfFixtureOptions form;
    form.form = test::PdfFixtureOptions::Form::IndirectAcroForm;
    const QByteArray field = "<< /FT /Sig /T (" + m_user.userId.toLatin1()
        + ") /Type /Annot /Subtype /Widget /Rect [400 80 460 140] /F 4 /P 5 0 R >>";
    QCOMPARE(
        registerFile(QStringLiteral("field.pdf"), test::appendUpdate(test::minimalPdf(form), {{7, field}})), QString());

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
    BatchJournal(m_user.userId).clear();
}

void TestUiSealFlow::cleanupTestCase()
{
    m_window.reset();
    m_accounts.reset();
    m_settings.reset();
}

void TestUiSealFlow::roundSealChosenInProfileIsPreviewed()
{
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navProfile")), Qt::LeftButton);
    QCOMPARE(m_window->currentScreen(), MainWindow::Screen::Profile);
    auto* save = find<QPushButton>(QStringLiteral("saveSealButton"));
    QTRY_VERIFY_WITH_TIMEOUT(save->isEnabled(), 20000); // the settings came from the server
    auto* style = find<QComboBox>(QStringLiteral("sealStyleCombo"));
    QCOMPARE(style->currentData().toString(), QStringLiteral("none")); // a new user signs invisibly
    auto* preview = m_window->findChild<SealPreview*>(QStringLiteral("sealPreview"));
    QVERIFY(preview);
    QVERIFY(!preview->seal());
    // The name field offers the family name from the profile.
    QCOMPARE(find<QLineEdit>(QStringLiteral("sealTextEdit"))->placeholderText(), QStringLiteral("試験"));

    choose(QStringLiteral("sealStyleCombo"), QStringLiteral("round"));
    choose(QStringLiteral("sealPageCombo"), QStringLiteral("first"));
    choose(QStringLiteral("sealCornerCombo"), QStringLiteral("top-left"));
    QVERIFY(preview->seal());
    // The preview is the seal's own drawing: a vermilion ring with the name, painted by SealAppearance::paint.
    const QImage shown = preview->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const int red = vermilionIn(shown, shown.rect());
    QVERIFY2(red > 500, qPrintable(QString::number(red)));

    QTest::mouseClick(save, Qt::LeftButton);
    auto* result = find<QLabel>(QStringLiteral("sealResult"));
    QTRY_VERIFY_WITH_TIMEOUT(result->isVisible() && save->isEnabled(), 20000);
    QCOMPARE(result->property("messageKind").toString(), QStringLiteral("info"));
    // Stored on the server with the profile.
    auto stored = client::waitFor(m_accounts->apiClient()->sealSettings());
    QVERIFY(stored.ok());
    QCOMPARE(stored->seal.style, QStringLiteral("round"));
    QCOMPARE(stored->seal.page, QStringLiteral("first"));
    QCOMPARE(stored->seal.corner, QStringLiteral("top-left"));
    QCOMPARE(stored->fieldName, m_user.userId);
}

void TestUiSealFlow::badSealTextIsRefused()
{
    // Five characters do not fit a 丸印: the preview says why and nothing is saved.
    auto* text = find<QLineEdit>(QStringLiteral("sealTextEdit"));
    text->setText(QStringLiteral("長谷川部長"));
    auto* preview = m_window->findChild<SealPreview*>(QStringLiteral("sealPreview"));
    QVERIFY(!preview->seal());
    QVERIFY2(preview->message().startsWith(QStringLiteral("E4221")), qPrintable(preview->message()));
    QTest::mouseClick(find<QPushButton>(QStringLiteral("saveSealButton")), Qt::LeftButton);
    auto* result = find<QLabel>(QStringLiteral("sealResult"));
    QTRY_VERIFY(result->isVisible());
    QVERIFY2(result->text().startsWith(QStringLiteral("E4221")), qPrintable(result->text()));
    auto stored = client::waitFor(m_accounts->apiClient()->sealSettings());
    QVERIFY(stored.ok());
    QCOMPARE(stored->seal.text, QString());
    text->clear(); // back to the saved settings' default name
    QVERIFY(preview->seal());
}

void TestUiSealFlow::batchSignsWithTheSealWhereItBelongs()
{
    QTest::mouseClick(find<QToolButton>(QStringLiteral("navMyPage")), Qt::LeftButton);
    auto* table = find<QTableView>(QStringLiteral("fileTable"));
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2, 20000);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(m_window->myPage()->selectedEntries().size(), 2);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("batchSignButton")), Qt::LeftButton);
    BatchSignDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<BatchSignDialog*>()) != nullptr, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit"))->isEnabled(),
        120000); // the PIN is asked once the pre-flight is done
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit")), m_pin);
    QTest::keyClick(dialog->findChild<QLineEdit*>(QStringLiteral("batchPinEdit")), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QPushButton*>(QStringLiteral("batchCloseButton"))->isVisible(), 120000);
    for (int row = 0; row < 2; ++row)
        QVERIFY2(dialog->stageOf(row) == BatchSignDialog::Stage::Done, qPrintable(dialog->errorOf(row).codeText()));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("batchCloseButton")), Qt::LeftButton);

    // Downloaded again from the server: each file as the user's batch signed it.
    auto page = client::waitFor(m_admin->adminFiles({}, 0, 10));
    QVERIFY(page.ok());
    QCOMPARE(page->files.size(), 2);
    for (const api::FileEntry& file : page->files) {
        auto download = client::waitFor(m_accounts->apiClient()->downloadFile(file.fileId));
        QVERIFY2(download.ok(), qPrintable(download.ok() ? QString() : download.error().codeText()));
        const QString path = m_home.filePath(QStringLiteral("signed-") + file.name);
        QVERIFY(test::writeAll(path, download->bytes));

        const test::ToolRun check = test::pdfsig(path);
        QVERIFY2(check.all().contains(QStringLiteral("Signature is Valid")), qPrintable(check.all()));
        QCOMPARE(check.all().count(QStringLiteral("Signature #")), 1);
        const test::ToolRun text = test::runTool(QStringLiteral("pdftotext"),
            {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), path,
                QStringLiteral("-")});
        QVERIFY2(QString::fromUtf8(text.out)
                     .remove(QRegularExpression(QStringLiteral("\\s")))
                     .contains(QStringLiteral("試験")),
            qPrintable(QString::fromUtf8(text.out)));

        const QImage image = render(path, 1, file.name);
        QVERIFY(!image.isNull());
        QCOMPARE(image.height(), kPageHeight);
        // The 丸印 is 42 pt, about 1 cm (28 pt) from the page's edges.
        const QRect topLeft = pixelsOf(28, kPageHeight - 28 - 42, 28 + 42, kPageHeight - 28);
        const QRect bottomRight = pixelsOf(595 - 28 - 42, 28, 595 - 28, 28 + 42);
        const QRect field = pixelsOf(400, 80, 460, 140);
        const int everywhere = vermilionIn(image, image.rect());
        if (file.name == QLatin1String("field.pdf")) {
            // The field named with the user ID holds the seal; nothing went to the default corner.
            const int inField = vermilionIn(image, field.adjusted(-1, -1, 1, 1));
            QVERIFY2(inField > 150, qPrintable(QString::number(inField)));
            QCOMPARE(inField, everywhere);
        } else {
            const int inCorner = vermilionIn(image, topLeft.adjusted(-1, -1, 1, 1));
            QVERIFY2(inCorner > 150, qPrintable(QString::number(inCorner)));
            QCOMPARE(inCorner, everywhere); // and nowhere else on the page
            QCOMPARE(vermilionIn(image, bottomRight), 0);
            // The first page was chosen: the second stays without a seal.
            const QImage second = render(path, 2, file.name + QStringLiteral("-2"));
            QCOMPARE(vermilionIn(second, second.rect()), 0);
        }
    }
}

QTEST_MAIN(TestUiSealFlow)
#include "tst_ui_seal_flow.moc"
