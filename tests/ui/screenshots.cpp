// Renders every screen of the desktop app at 1280×800 in Japanese into PNG files (run by scripts/screenshots).
// The account side is a local demonstration service whose certificates come from a real CertificateAuthority;
// files come from a LocalFolderFileSource over generated PDFs.
#include "MainWindow.h"
#include "Style.h"
#include "TestSupport.h"
#include "UiTestSupport.h"
#include "admin/UserFormDialog.h"
#include "admin/UsersPage.h"
#include "config/Language.h"
#include "config/Settings.h"
#include "crypto/CertificateAuthority.h"
#include "files/FileListModel.h"
#include "pages/LoginPage.h"
#include "pages/MyPage.h"
#include "services/AdminService.h"
#include "services/LocalFolderFileSource.h"
#include "setup/CertificateSetupWizard.h"
#include "signing/BatchJournal.h"
#include "signing/BatchSignDialog.h"
#include "viewer/FileViewer.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cstdio>
#include <memory>

using namespace ikkatsu;
using namespace ikkatsu::ui;

namespace {

class DemoAccountService : public AccountService
{
public:
    explicit DemoAccountService(CertificateAuthority* ca)
        : m_ca(ca)
    { }

    bool holdCertificate = false;
    bool administrator = false;
    std::shared_ptr<QPromise<Result<CertificateDetails>>> held;

    UserProfile user() const
    {
        UserProfile user;
        user.userId = QStringLiteral("u0001");
        user.userName = QStringLiteral("受信者 太郎");
        user.company = QStringLiteral("AAA 株式会社");
        user.nameRoman = QStringLiteral("Taro Jushinsha");
        user.companyRoman = QStringLiteral("AAA Corporation");
        user.email = QStringLiteral("taro@example.jp");
        user.loginExpiresAt = QDateTime(QDate(2027, 3, 31), QTime(23, 59));
        user.administrator = administrator;
        if (administrator) {
            // The second login of the run: the certificate is set up by then.
            user.signingChoice = SigningChoice::Sign;
            user.certificateSetupDone = true;
        }
        return user;
    }

    QFuture<Result<OtpChallenge>> login(const QString&, const QString&, const QString& password) override
    {
        if (password == QLatin1String("wrong"))
            return QtFuture::makeReadyFuture(Result<OtpChallenge>(makeError(ErrorCode::InvalidCredentials)));
        return QtFuture::makeReadyFuture(
            Result<OtpChallenge>(OtpChallenge {QDateTime::currentDateTimeUtc().addSecs(600), 60}));
    }
    QFuture<Result<UserProfile>> verifyOtp(const QString&) override
    {
        return QtFuture::makeReadyFuture(Result<UserProfile>(user()));
    }
    QFuture<Result<OtpChallenge>> resendOtp() override
    {
        return QtFuture::makeReadyFuture(
            Result<OtpChallenge>(OtpChallenge {QDateTime::currentDateTimeUtc().addSecs(600), 60}));
    }
    QFuture<Result<CertificateDetails>> setupCertificate(bool sign, const QByteArray& csrDer) override
    {
        Result<CertificateDetails> answer = CertificateDetails {};
        if (sign) {
            SubjectName subject;
            subject.commonName = QStringLiteral("Taro Jushinsha");
            subject.companyUnit = QStringLiteral("AAA Corporation");
            subject.serviceUnit = QStringLiteral("Ikkatsu Batch Signature");
            subject.organization = QStringLiteral("Ikkatsu Trust Services");
            auto issued = m_ca->issue(csrDer, subject, 730, QStringLiteral("http://127.0.0.1/crl"));
            if (!issued.ok()) {
                answer = issued.error();
            } else {
                CertificateDetails details;
                details.serialNumber = issued->serialHex;
                details.subject = subject;
                details.notAfter = issued->notAfter;
                details.certificateDer = issued->der;
                details.caCertificateDer = m_ca->certificateDer();
                answer = details;
            }
        }
        if (!holdCertificate)
            return QtFuture::makeReadyFuture(answer);
        held = std::make_shared<QPromise<Result<CertificateDetails>>>();
        held->start();
        m_heldAnswer = std::make_unique<Result<CertificateDetails>>(answer);
        return held->future();
    }
    void release()
    {
        held->addResult(*m_heldAnswer);
        held->finish();
    }
    QFuture<Status> changePassword(const QString&, const QString&) override
    {
        return QtFuture::makeReadyFuture(Status());
    }
    QFuture<Status> logout() override { return QtFuture::makeReadyFuture(Status()); }

private:
    CertificateAuthority* m_ca;
    std::unique_ptr<Result<CertificateDetails>> m_heldAnswer;
};

// ユーザ管理's data for the admin screens: a handful of users in memory, searched like the server does.
class DemoAdminService : public AdminService
{
public:
    explicit DemoAdminService(CertificateAuthority* ca)
    {
        struct Row
        {
            const char* id;
            const char* name;
            const char* company;
            const char* roman;
            const char* companyRoman;
            const char* email;
            int expiryYear;
            bool admin;
            bool maySign;
            bool locked;
            bool disabled;
        };
        const Row rows[] = {
            {"admin", "管理者 一郎", "AAA 株式会社", "Ichiro Kanrisha", "AAA Corporation", "ichiro@example.jp", 2030,
                true, true, false, false},
            {"u0001", "受信者 太郎", "AAA 株式会社", "Taro Jushinsha", "AAA Corporation", "taro@example.jp", 2027,
                false, true, false, false},
            {"u0002", "設計 花子", "BBB 設計事務所", "Hanako Sekkei", "BBB Design Office", "hanako@bbb.example.jp",
                2027, false, true, true, false},
            {"u0003", "施工 次郎", "CCC 建設株式会社", "Jiro Seko", "CCC Construction", "jiro@ccc.example.jp", 2024,
                false, true, false, false},
            {"u0004", "閲覧 三郎", "DDD 不動産", "Saburo Etsuran", "DDD Real Estate", "saburo@ddd.example.jp", 2028,
                false, false, false, false},
            {"u0005", "監査 四郎", "EEE 監査法人", "Shiro Kansa", "EEE Audit", "shiro@eee.example.jp", 2026, false,
                true, false, true},
        };
        for (const Row& row : rows) {
            api::UserInfo user;
            user.userId = QString::fromUtf8(row.id);
            user.userName = QString::fromUtf8(row.name);
            user.company = QString::fromUtf8(row.company);
            user.nameRoman = QString::fromUtf8(row.roman);
            user.companyRoman = QString::fromUtf8(row.companyRoman);
            user.email = QString::fromUtf8(row.email);
            user.loginExpiresAt = UserFormDialog::endOfDay(QDate(row.expiryYear, 3, 31));
            user.role = row.admin ? api::Role::Admin : api::Role::User;
            user.maySign = row.maySign;
            user.locked = row.locked;
            user.failedLogins = row.locked ? 5 : 0;
            user.disabled = row.disabled;
            user.signingChoice = row.maySign ? api::SigningChoice::Sign : api::SigningChoice::ViewOnly;
            m_users.append(user);
        }
        // Two certificates for 受信者 太郎: the current one and a revoked predecessor.
        for (int i = 0; i < 2; ++i) {
            auto key = PrivateKey::generate(KeyAlgorithm::EcdsaP256);
            auto csr = key.ok() ? createCertificateRequest(*key, subjectOf())
                                : Result<QByteArray>(makeError(ErrorCode::Unexpected));
            const SubjectName subject = subjectOf();
            auto issued = csr.ok() ? ca->issue(*csr, subject, 730, QStringLiteral("http://127.0.0.1/crl"))
                                   : Result<IssuedCertificate>(csr.error());
            if (!issued.ok())
                continue;
            api::CertificateInfo info;
            info.serialNumber = issued->serialHex;
            info.subject = subject;
            info.notBefore = QDateTime::currentDateTimeUtc().addDays(i == 0 ? -30 : -400);
            info.notAfter = info.notBefore.addDays(730);
            info.revoked = i == 1;
            m_certificates.append(info);
        }
    }

    QFuture<Result<UserListPage>> listUsers(const QString& search, int offset, int limit) override
    {
        UserListPage page;
        for (const api::UserInfo& user : std::as_const(m_users)) {
            const QString all = user.userId + user.userName + user.company + user.nameRoman + user.email;
            if (search.isEmpty() || all.contains(search, Qt::CaseInsensitive))
                page.users.append(user);
        }
        page.total = int(page.users.size());
        page.users = page.users.mid(offset, limit);
        return QtFuture::makeReadyFuture(Result<UserListPage>(page));
    }
    QFuture<Result<UserDetails>> userDetails(const QString& userId) override
    {
        UserDetails details;
        details.user = *findUser(userId);
        if (userId == QLatin1String("u0001"))
            details.certificates = m_certificates;
        return QtFuture::makeReadyFuture(Result<UserDetails>(details));
    }
    QFuture<Result<UserRegistration>> registerUser(const api::NewUser& user) override
    {
        api::UserInfo info;
        info.userId = QStringLiteral("u%1").arg(m_users.size(), 4, 10, QLatin1Char('0'));
        info.userName = user.userName;
        info.company = user.company;
        info.nameRoman = user.nameRoman;
        info.companyRoman = user.companyRoman;
        info.email = user.email;
        info.loginExpiresAt = user.loginExpiresAt;
        info.role = user.role;
        info.maySign = user.maySign;
        info.mustChangePassword = true;
        m_users.append(info);
        return QtFuture::makeReadyFuture(Result<UserRegistration>(UserRegistration {info, true}));
    }
    QFuture<Result<api::UserInfo>> editUser(const QString& userId, const QJsonObject&) override
    {
        return QtFuture::makeReadyFuture(Result<api::UserInfo>(*findUser(userId)));
    }
    QFuture<Result<api::UserInfo>> setLocked(const QString& userId, bool locked) override
    {
        findUser(userId)->locked = locked;
        return QtFuture::makeReadyFuture(Result<api::UserInfo>(*findUser(userId)));
    }
    QFuture<Result<api::UserInfo>> setDisabled(const QString& userId, bool disabled) override
    {
        findUser(userId)->disabled = disabled;
        return QtFuture::makeReadyFuture(Result<api::UserInfo>(*findUser(userId)));
    }
    QFuture<Result<UserRegistration>> resetPassword(const QString& userId) override
    {
        return QtFuture::makeReadyFuture(Result<UserRegistration>(UserRegistration {*findUser(userId), true}));
    }
    QFuture<Result<api::CertificateInfo>> revokeCertificate(const QString& serialNumber) override
    {
        for (api::CertificateInfo& info : m_certificates) {
            if (info.serialNumber == serialNumber)
                info.revoked = true;
        }
        return QtFuture::makeReadyFuture(Result<api::CertificateInfo>(m_certificates.first()));
    }

private:
    static SubjectName subjectOf()
    {
        SubjectName subject;
        subject.commonName = QStringLiteral("Taro Jushinsha");
        subject.companyUnit = QStringLiteral("AAA Corporation");
        subject.serviceUnit = QStringLiteral("Ikkatsu Batch Signature");
        subject.organization = QStringLiteral("Ikkatsu Trust Services");
        return subject;
    }

    api::UserInfo* findUser(const QString& userId)
    {
        for (api::UserInfo& user : m_users) {
            if (user.userId == userId)
                return &user;
        }
        return &m_users.first();
    }

    QList<api::UserInfo> m_users;
    QList<api::CertificateInfo> m_certificates;
};

QString g_outDir;
int g_failures = 0;

void save(QWidget* widget, const QString& name)
{
    QCoreApplication::processEvents();
    QTest::qWait(150);
    const QString path = g_outDir + QLatin1Char('/') + name + QStringLiteral(".png");
    if (!widget->grab().save(path)) {
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
        ++g_failures;
        return;
    }
    std::printf("%s\n", qPrintable(path));
}

bool waitFor(const std::function<bool()>& condition, const char* what)
{
    if (QTest::qWaitFor(condition, 30000))
        return true;
    std::fprintf(stderr, "timed out waiting for %s\n", what);
    ++g_failures;
    return false;
}

template<typename T>
T* find(QObject* root, const char* name)
{
    T* found = root->findChild<T*>(QLatin1String(name));
    if (!found) {
        std::fprintf(stderr, "no widget %s\n", name);
        std::exit(2);
    }
    return found;
}

void makeFiles(const QString& root, const QString& otherKeyStore, const QString& pin)
{
    const QStringList folders {
        QStringLiteral("建築確認申請"), QStringLiteral("工事請負契約"), QStringLiteral("設計図面")};
    for (const QString& folder : folders)
        QDir(root).mkpath(folder);
    test::writeAll(root + QStringLiteral("/建築確認申請/.required-signers"), "2");
    test::writeAll(root + QStringLiteral("/工事請負契約/.required-signers"), "2");
    const QStringList names {QStringLiteral("建築確認申請/確認申請書_第1号.pdf"),
        QStringLiteral("建築確認申請/確認申請書_第2号.pdf"), QStringLiteral("建築確認申請/確認申請書_第3号.pdf"),
        QStringLiteral("建築確認申請/構造計算書.pdf"), QStringLiteral("工事請負契約/請負契約書_A棟.pdf"),
        QStringLiteral("工事請負契約/請負契約書_B棟.pdf"), QStringLiteral("設計図面/配置図.pdf"),
        QStringLiteral("設計図面/平面図_1階.pdf"), QStringLiteral("設計図面/立面図.pdf")};
    for (int i = 0; i < names.size(); ++i) {
        const QString path = root + QLatin1Char('/') + names[i];
        test::writeSamplePdf(path, QFileInfo(path).completeBaseName(), 1 + i % 3);
        if (i % 3 == 1)
            (void)test::signWithKeyStore(path, otherKeyStore, pin);
    }
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Ikkatsu"));
    QStandardPaths::setTestModeEnabled(true); // the resume journal goes to a test location
    installTranslations(QStringLiteral("ja"));
    applyStyle(app);
    g_outDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screenshots");
    QDir().mkpath(g_outDir);

    QTemporaryDir work;
    const QString pin = QStringLiteral("Secret123");
    const QString otherStore = work.filePath(QStringLiteral("other.p12"));
    (void)test::makeSelfSignedKeyStore(
        otherStore, pin, QStringLiteral("Ichiro Kanrisha"), QStringLiteral("AAA Corporation"));
    const QString files = work.filePath(QStringLiteral("files"));
    makeFiles(files, otherStore, pin);
    CaIdentity identity;
    identity.commonName = QStringLiteral("Ikkatsu Issuing CA");
    identity.organization = QStringLiteral("Ikkatsu Trust Services");
    auto ca = CertificateAuthority::loadOrCreate(
        work.filePath(QStringLiteral("ca.key")), work.filePath(QStringLiteral("ca.pem")), identity);
    if (!ca.ok()) {
        std::fprintf(stderr, "no CA: %s\n", qPrintable(ca.error().detail));
        return 2;
    }

    Settings settings(QString(), work.filePath(QStringLiteral("user.conf")));
    (void)settings.setValue(SettingKey::ServerUrl, QStringLiteral("https://sign.example.jp"));
    (void)settings.setValue(SettingKey::KeyStoreDirectory, work.filePath(QStringLiteral("keys")));
    (void)settings.setValue(SettingKey::LastUserId, QStringLiteral("u0001"));
    DemoAccountService accounts(&ca.value());
    MainWindow window(&settings, &accounts,
        [files](const UserProfile& user) { return std::make_unique<LocalFolderFileSource>(files, user.nameRoman); });
    window.resize(1280, 800);
    window.show();
    window.loginPage()->reset();
    (void)QTest::qWaitForWindowExposed(&window);
    save(&window, QStringLiteral("01-login"));

    auto* password = find<QLineEdit>(&window, "passwordEdit");
    QTest::keyClicks(password, QStringLiteral("wrong"));
    QTest::keyClick(password, Qt::Key_Return);
    waitFor([&] { return find<QLabel>(&window, "loginError")->isVisible(); }, "login error");
    save(&window, QStringLiteral("02-login-error"));

    QTest::keyClicks(password, QStringLiteral("password-1"));
    QTest::keyClick(password, Qt::Key_Return);
    waitFor([&] { return window.currentScreen() == MainWindow::Screen::Otp; }, "OTP page");
    QTest::keyClicks(find<QLineEdit>(&window, "otpEdit"), QStringLiteral("123456"));
    save(&window, QStringLiteral("03-one-time-password"));

    QTest::keyClick(find<QLineEdit>(&window, "otpEdit"), Qt::Key_Return);
    waitFor([&] { return window.currentScreen() == MainWindow::Screen::Setup; }, "setup");
    save(&window, QStringLiteral("04-setup-choice"));
    QTest::mouseClick(find<QPushButton>(&window, "choiceNextButton"), Qt::LeftButton);
    save(&window, QStringLiteral("05-setup-user-info"));
    accounts.holdCertificate = true;
    QTest::mouseClick(find<QPushButton>(&window, "userInfoNextButton"), Qt::LeftButton);
    waitFor([&] { return find<QProgressBar>(&window, "setupProgress")->value() == 1; }, "CSR sent");
    save(&window, QStringLiteral("06-setup-waiting"));
    accounts.release();
    waitFor([&] { return window.setupWizard()->currentStep() == CertificateSetupWizard::PinStep; }, "PIN step");
    QTest::keyClicks(find<QLineEdit>(&window, "newPinEdit"), pin);
    QTest::keyClicks(find<QLineEdit>(&window, "confirmPinEdit"), QStringLiteral("Secret12"));
    QTest::mouseClick(find<QPushButton>(&window, "registerButton"), Qt::LeftButton);
    save(&window, QStringLiteral("07-setup-pin-mismatch"));
    find<QLineEdit>(&window, "newPinEdit")->clear();
    QTest::keyClicks(find<QLineEdit>(&window, "newPinEdit"), pin);
    QTest::keyClicks(find<QLineEdit>(&window, "confirmPinEdit"), pin);
    save(&window, QStringLiteral("08-setup-pin"));
    QTest::mouseClick(find<QPushButton>(&window, "registerButton"), Qt::LeftButton);
    waitFor([&] { return window.setupWizard()->currentStep() == CertificateSetupWizard::DoneStep; }, "done step");
    save(&window, QStringLiteral("09-setup-done"));

    QSignalSpy listed(window.myPage(), &MyPage::listed);
    QTest::mouseClick(find<QPushButton>(&window, "nextProcessButton"), Qt::LeftButton);
    waitFor([&] { return listed.count() >= 1; }, "file list");
    auto* table = find<QTableView>(&window, "fileTable");
    table->selectRow(0);
    table->selectionModel()->select(
        table->model()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    save(&window, QStringLiteral("10-my-page"));

    QTest::mouseClick(find<QToolButton>(&window, "navServiceTop"), Qt::LeftButton);
    waitFor([&] { return !find<QLabel>(&window, "pendingLabel")->text().contains(QStringLiteral("集計中")); },
        "pending count");
    save(&window, QStringLiteral("11-service-top"));

    QTest::mouseClick(find<QToolButton>(&window, "navMyPage"), Qt::LeftButton);
    waitFor([&] { return listed.count() >= 2; }, "file list again");
    auto* quick = find<QLineEdit>(&window, "quickSearchEdit");
    test::typeText(quick, QStringLiteral("見積書"));
    QTest::keyClick(quick, Qt::Key_Return);
    waitFor([&] { return listed.count() >= 3; }, "empty list");
    save(&window, QStringLiteral("12-my-page-empty"));
    QTest::mouseClick(find<QPushButton>(&window, "clearButton"), Qt::LeftButton);
    quick->clear();
    QTest::mouseClick(find<QPushButton>(&window, "searchButton"), Qt::LeftButton);
    waitFor([&] { return listed.count() >= 4; }, "list after clear");

    // The viewer on a file that another signer has signed.
    int signedRow = -1;
    for (int row = 0; row < window.myPage()->model()->rowCount(); ++row) {
        if (window.myPage()->model()->entry(row).state != SignatureState::Unsigned)
            signedRow = row;
    }
    if (signedRow >= 0) {
        emit window.myPage()->viewRequested(window.myPage()->model()->entry(signedRow));
        waitFor([&] { return window.viewer() && window.viewer()->signatureTable()->rowCount() > 0; }, "viewer");
        window.viewer()->resize(1280, 800);
        save(window.viewer(), QStringLiteral("13-viewer"));
        window.viewer()->close();
    }

    // 一括電子署名 over every pending file.
    table->selectAll();
    const QList<FileEntry> selected = window.myPage()->selectedEntries();
    BatchSignDialog dialog(window.fileSource(), window.keyStoreFile(), selected, &window);
    dialog.resize(1280, 800);
    dialog.show();
    (void)QTest::qWaitForWindowExposed(&dialog);
    save(&dialog, QStringLiteral("14-batch-confirm"));
    auto* batchPin = find<QLineEdit>(&dialog, "batchPinEdit");
    QTest::keyClicks(batchPin, QStringLiteral("Wrong999"));
    QTest::keyClick(batchPin, Qt::Key_Return);
    waitFor([&] { return find<QLabel>(&dialog, "batchPinError")->isVisible(); }, "wrong PIN");
    save(&dialog, QStringLiteral("15-batch-wrong-pin"));
    QSignalSpy finished(&dialog, &BatchSignDialog::batchFinished);
    QTest::keyClicks(batchPin, pin);
    QTest::keyClick(batchPin, Qt::Key_Return);
    waitFor([&] { return finished.count() == 1; }, "batch end");
    save(&dialog, QStringLiteral("16-batch-result"));
    dialog.accept();

    // An interrupted batch: My Page offers to resume it.
    BatchJournal(QStringLiteral("u0001")).write({selected.at(0).id, selected.at(1).id});
    QTest::mouseClick(find<QToolButton>(&window, "navMyPage"), Qt::LeftButton);
    table->clearSelection();
    save(&window, QStringLiteral("17-my-page-resume"));
    BatchJournal(QStringLiteral("u0001")).clear();

    QTest::mouseClick(find<QToolButton>(&window, "navProfile"), Qt::LeftButton);
    save(&window, QStringLiteral("18-profile"));
    QTest::mouseClick(find<QToolButton>(&window, "navResults"), Qt::LeftButton);
    QTest::qWait(300);
    save(&window, QStringLiteral("19-results"));
    QTest::mouseClick(find<QToolButton>(&window, "navLogout"), Qt::LeftButton);
    save(&window, QStringLiteral("20-logged-out"));

    // Admin mode: the same app, signed in as an administrator.
    DemoAdminService admin(&ca.value());
    window.setAdminService(&admin);
    accounts.administrator = true;
    QTest::keyClicks(password, QStringLiteral("password-1"));
    QTest::keyClick(password, Qt::Key_Return);
    waitFor([&] { return window.currentScreen() == MainWindow::Screen::Otp; }, "OTP page (admin)");
    QTest::keyClicks(find<QLineEdit>(&window, "otpEdit"), QStringLiteral("123456"));
    QTest::keyClick(find<QLineEdit>(&window, "otpEdit"), Qt::Key_Return);
    waitFor([&] { return window.currentScreen() == MainWindow::Screen::MyPage; }, "My Page (admin)");
    QTest::mouseClick(find<QToolButton>(&window, "navUsers"), Qt::LeftButton);
    UsersPage* users = window.usersPage();
    waitFor([&] { return users->rowCount() > 0; }, "user list");
    QSignalSpy details(users, &UsersPage::detailsShown);
    users->selectUser(QStringLiteral("u0001"));
    waitFor([&] { return details.count() >= 1; }, "user details");
    save(&window, QStringLiteral("21-users"));

    UserFormDialog* form = users->openRegistration();
    waitFor([&] { return form->isVisible(); }, "registration form");
    test::typeText(find<QLineEdit>(form, "userNameEdit"), QStringLiteral("新規 五郎"));
    test::typeText(find<QLineEdit>(form, "companyEdit"), QStringLiteral("FFF 商事株式会社"));
    QTest::keyClicks(find<QLineEdit>(form, "nameRomanEdit"), QStringLiteral("Goro Shinki"));
    QTest::keyClicks(find<QLineEdit>(form, "companyRomanEdit"), QStringLiteral("FFF Trading"));
    QTest::keyClicks(find<QLineEdit>(form, "emailEdit"), QStringLiteral("goro.example.jp"));
    save(form, QStringLiteral("22-user-registration"));
    QTest::mouseClick(find<QPushButton>(form, "userFormSubmitButton"), Qt::LeftButton);
    save(form, QStringLiteral("23-user-registration-error"));
    find<QLineEdit>(form, "emailEdit")->setText(QStringLiteral("goro@fff.example.jp"));
    QTest::mouseClick(find<QPushButton>(form, "userFormSubmitButton"), Qt::LeftButton);
    waitFor([&] { return find<QLabel>(&window, "usersMessage")->isVisible(); }, "registered");
    save(&window, QStringLiteral("24-users-registered"));

    const qsizetype shown = details.count();
    users->selectUser(QStringLiteral("u0001"));
    waitFor([&] { return details.count() > shown; }, "user details again");
    QTest::mouseClick(find<QPushButton>(&window, "lockUserButton"), Qt::LeftButton);
    auto* box = find<QMessageBox>(&window, "adminConfirmDialog");
    waitFor([&] { return box->isVisible(); }, "confirmation");
    save(box, QStringLiteral("25-confirm-lock"));
    box->reject();
    return g_failures == 0 ? 0 : 1;
}
