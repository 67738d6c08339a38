// The main window wires the pages to each other; each page does its own asynchronous work.
#include "MainWindow.h"

#include "Async.h"
#include "KeyStoreLocation.h"
#include "Style.h"
#include "admin/AllResultsPage.h"
#include "admin/AuditTrailPage.h"
#include "admin/FilesPage.h"
#include "admin/UsersPage.h"
#include "config/Settings.h"
#include "crypto/KeyStore.h"
#include "pages/LoginPage.h"
#include "pages/MyPage.h"
#include "pages/NavigationBar.h"
#include "pages/OtpPage.h"
#include "pages/PasswordChangePage.h"
#include "pages/ProfilePage.h"
#include "pages/ResultsPage.h"
#include "pages/ServiceTopPage.h"
#include "setup/CertificateSetupWizard.h"
#include "signing/BatchJournal.h"
#include "signing/BatchSignDialog.h"
#include "viewer/FileViewer.h"

#include <QFileInfo>
#include <QScreen>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ikkatsu::ui {

namespace {

bool endsSession(ErrorCode code)
{
    return code == ErrorCode::SessionExpired || code == ErrorCode::SessionInvalid || code == ErrorCode::SessionMissing;
}

} // namespace

MainWindow::MainWindow(Settings* settings, AccountService* accounts, FileSourceFactory files, QWidget* parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_accounts(accounts)
    , m_fileSourceFactory(std::move(files))
{
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Ikkatsu batch e-signature"));
    resize(preferredSize());

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_navigation = new NavigationBar(central);
    layout->addWidget(m_navigation);
    m_stack = new QStackedWidget(central);
    m_stack->setObjectName(QStringLiteral("pageStack"));
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_login = new LoginPage(accounts, settings, m_stack);
    m_otp = new OtpPage(accounts, m_stack);
    m_passwordChange = new PasswordChangePage(accounts, m_stack);
    m_setup = new CertificateSetupWizard(accounts, settings, m_stack);
    m_top = new ServiceTopPage(m_stack);
    m_myPage = new MyPage(m_stack);
    m_profile = new ProfilePage(accounts, m_stack);
    m_results = new ResultsPage(m_stack);
    m_users = new UsersPage(m_stack);
    m_adminFiles = new FilesPage(m_stack);
    m_allResults = new AllResultsPage(m_stack);
    m_auditTrail = new AuditTrailPage(m_stack);
    for (QWidget* page : {static_cast<QWidget*>(m_login), static_cast<QWidget*>(m_otp),
             static_cast<QWidget*>(m_passwordChange), static_cast<QWidget*>(m_setup), static_cast<QWidget*>(m_top),
             static_cast<QWidget*>(m_myPage), static_cast<QWidget*>(m_profile), static_cast<QWidget*>(m_results),
             static_cast<QWidget*>(m_users), static_cast<QWidget*>(m_adminFiles), static_cast<QWidget*>(m_allResults),
             static_cast<QWidget*>(m_auditTrail)})
        m_stack->addWidget(page);

    connect(m_login, &LoginPage::challenged, this, [this](const OtpChallenge& challenge) {
        m_otp->start(challenge);
        showScreen(Screen::Otp);
    });
    connect(m_otp, &OtpPage::backToLogin, this, [this] { endSession({}); });
    connect(m_otp, &OtpPage::verified, this, &MainWindow::signIn);
    connect(m_passwordChange, &PasswordChangePage::changed, this, [this] {
        m_user.mustChangePassword = false;
        continueSignIn();
    });
    connect(m_setup, &CertificateSetupWizard::finished, this, [this](bool signing) {
        m_user.certificateSetupDone = true;
        m_user.signingChoice = signing ? SigningChoice::Sign : SigningChoice::ViewOnly;
        showScreen(Screen::MyPage);
    });
    connect(m_navigation, &NavigationBar::destinationRequested, this, [this](NavigationBar::Destination destination) {
        switch (destination) {
        case NavigationBar::Destination::ServiceTop:
            return showScreen(Screen::ServiceTop);
        case NavigationBar::Destination::MyPage:
            return showScreen(Screen::MyPage);
        case NavigationBar::Destination::Profile:
            return showScreen(Screen::Profile);
        case NavigationBar::Destination::Results:
            return showScreen(Screen::Results);
        case NavigationBar::Destination::Users:
            return showScreen(Screen::Users);
        case NavigationBar::Destination::AdminFiles:
            return showScreen(Screen::AdminFiles);
        case NavigationBar::Destination::AllResults:
            return showScreen(Screen::AllResults);
        case NavigationBar::Destination::AuditTrail:
            return showScreen(Screen::AuditTrail);
        }
    });
    connect(m_navigation, &NavigationBar::logoutRequested, this, &MainWindow::logout);
    connect(m_top, &ServiceTopPage::myPageRequested, this, [this] { showScreen(Screen::MyPage); });
    connect(m_top, &ServiceTopPage::profileRequested, this, [this] { showScreen(Screen::Profile); });
    connect(m_myPage, &MyPage::viewRequested, this, &MainWindow::openFile);
    connect(m_myPage, &MyPage::batchSignRequested, this, &MainWindow::batchSign);
    connect(m_myPage, &MyPage::resumeRequested, this, &MainWindow::resumeBatch);
    connect(m_myPage, &MyPage::failed, this, &MainWindow::handleError);
    connect(m_profile, &ProfilePage::failed, this, &MainWindow::handleError);
    connect(m_profile, &ProfilePage::certificateSetupRequested, this, &MainWindow::startCertificateSetup);
    connect(m_results, &ResultsPage::failed, this, &MainWindow::handleError);
    connect(m_users, &UsersPage::failed, this, &MainWindow::handleError);
    connect(m_adminFiles, &FilesPage::failed, this, &MainWindow::handleError);
    connect(m_allResults, &AllResultsPage::failed, this, &MainWindow::handleError);
    connect(m_auditTrail, &AuditTrailPage::failed, this, &MainWindow::handleError);

    showScreen(Screen::Login);
}

MainWindow::~MainWindow()
{
    // Pages hold raw pointers to the file source: detach them before it dies.
    m_myPage->setFileSource(nullptr);
    m_results->setFileSource(nullptr);
}

QSize MainWindow::preferredSize()
{
    return {1280, 760};
}

bool MainWindow::startsMaximized(const QSize& preferred, const QSize& available)
{
    // Room for a title bar and a little desktop around the window; less than that and a normal window would
    // hang off the screen or leave a useless strip.
    return available.width() < preferred.width() + 64 || available.height() < preferred.height() + 64;
}

QSize MainWindow::fittedSize(const QSize& preferred, const QSize& available, const QMargins& frame)
{
    return preferred.boundedTo(
        QSize(available.width() - frame.left() - frame.right(), available.height() - frame.top() - frame.bottom()));
}

void MainWindow::showForScreen()
{
    const QScreen* screen = this->screen();
    const QRect available = screen ? screen->availableGeometry() : QRect(QPoint(), preferredSize());
    if (startsMaximized(preferredSize(), available.size())) {
        resize(fittedSize(preferredSize(), available.size(), {}));
        showMaximized();
        return;
    }
    resize(preferredSize());
    move(available.center() - QPoint(width() / 2, height() / 2));
    show();
}

void MainWindow::setAdminService(AdminService* admin)
{
    m_admin = admin;
    m_users->setService(admin);
    m_adminFiles->setService(admin);
    m_allResults->setService(admin);
    m_auditTrail->setService(admin);
    m_navigation->setAdminVisible(adminModeAvailable());
}

bool MainWindow::adminModeAvailable() const
{
    return m_admin && !m_user.userId.isEmpty() && m_user.administrator
        && m_settings->flag(SettingKey::AdminModeAllowed);
}

MainWindow::Screen MainWindow::currentScreen() const
{
    return static_cast<Screen>(m_stack->currentIndex());
}

QString MainWindow::keyStoreFile() const
{
    return keyStorePath(*m_settings, m_user.userId);
}

void MainWindow::showScreen(Screen screen)
{
    // A forbidden admin mode is not reachable by any path, not only hidden from the bar.
    if (screen >= Screen::Users && !adminModeAvailable())
        screen = Screen::MyPage;
    const bool signedIn = screen >= Screen::ServiceTop;
    m_navigation->setVisible(signedIn);
    m_stack->setCurrentIndex(static_cast<int>(screen));
    switch (screen) {
    case Screen::ServiceTop:
        m_navigation->setCurrent(NavigationBar::Destination::ServiceTop);
        m_top->setUser(m_user, QFileInfo::exists(keyStoreFile()));
        if (m_files) {
            whenReady(this, m_files->list(defaultFileFilter()),
                [this](const Result<FilePage>& page) { m_top->setPendingCount(page.ok() ? page->total : -1); });
        } else {
            m_top->setPendingCount(-1);
        }
        break;
    case Screen::MyPage:
        m_navigation->setCurrent(NavigationBar::Destination::MyPage);
        m_myPage->showResumeOffer(m_files ? int(journal()->pending().size()) : 0);
        m_myPage->refresh();
        break;
    case Screen::Profile:
        m_navigation->setCurrent(NavigationBar::Destination::Profile);
        m_profile->setUser(m_user, keyStoreFile());
        break;
    case Screen::Results:
        m_navigation->setCurrent(NavigationBar::Destination::Results);
        m_results->refresh();
        break;
    case Screen::Users:
        m_navigation->setCurrent(NavigationBar::Destination::Users);
        m_users->refresh();
        break;
    case Screen::AdminFiles:
        m_navigation->setCurrent(NavigationBar::Destination::AdminFiles);
        m_adminFiles->refresh();
        break;
    case Screen::AllResults:
        m_navigation->setCurrent(NavigationBar::Destination::AllResults);
        m_allResults->refresh();
        break;
    case Screen::AuditTrail:
        m_navigation->setCurrent(NavigationBar::Destination::AuditTrail);
        m_auditTrail->refresh();
        break;
    default:
        break;
    }
    emit screenChanged(screen);
}

void MainWindow::signIn(const UserProfile& user)
{
    m_user = user;
    m_navigation->setUserName(user.userName);
    m_navigation->setAdminVisible(adminModeAvailable());
    resetPages();
    m_myPage->setFileSource(nullptr);
    m_results->setFileSource(nullptr);
    m_files = m_fileSourceFactory ? m_fileSourceFactory(user) : nullptr;
    m_myPage->setFileSource(m_files.get());
    m_results->setFileSource(m_files.get());
    if (user.mustChangePassword) {
        m_passwordChange->start();
        showScreen(Screen::PasswordChange);
        return;
    }
    continueSignIn();
}

void MainWindow::continueSignIn()
{
    const UserProfile& user = m_user;
    const bool keyHere = QFileInfo::exists(keyStoreFile());
    const bool needsSetup = user.signingChoice == SigningChoice::Undecided || !user.certificateSetupDone
        || (user.signingChoice == SigningChoice::Sign && user.maySign && !keyHere);
    if (needsSetup) {
        m_setup->start(user);
        showScreen(Screen::Setup);
        return;
    }
    showScreen(Screen::MyPage);
}

void MainWindow::resetPages()
{
    m_myPage->reset();
    m_results->reset();
    m_profile->reset();
    m_users->clear();
    m_adminFiles->clear();
    m_allResults->clear();
    m_auditTrail->clear();
}

void MainWindow::startCertificateSetup()
{
    if (m_user.userId.isEmpty())
        return;
    m_setup->start(m_user);
    showScreen(Screen::Setup);
}

void MainWindow::endSession(const QString& message)
{
    if (m_viewer)
        m_viewer->close();
    resetPages();
    m_myPage->setFileSource(nullptr);
    m_results->setFileSource(nullptr);
    m_files.reset();
    m_user = {};
    m_navigation->setUserName({});
    m_navigation->setAdminVisible(false);
    m_login->reset(message);
    showScreen(Screen::Login);
}

void MainWindow::logout()
{
    whenReady(this, m_accounts->logout(), [](const Status&) {});
    endSession(tr("You have logged out."));
}

void MainWindow::handleError(const Error& error)
{
    if (endsSession(error.code))
        endSession(errorText(error));
}

QList<Certificate> MainWindow::trustAnchors() const
{
    auto chain = KeyStore::readCertificates(keyStoreFile());
    if (!chain.ok() || chain->isEmpty())
        return {};
    return QList<Certificate> {chain->back()};
}

void MainWindow::openFile(const FileEntry& entry)
{
    if (!m_files)
        return;
    const QList<Certificate> anchors = trustAnchors();
    whenReady(this, m_files->view(entry.fileId), [this, entry, anchors](const Result<DownloadedFile>& file) {
        ProcessingRecord record;
        record.occurredAt = QDateTime::currentDateTimeUtc();
        record.fileId = entry.fileId;
        record.fileName = entry.name;
        record.folderName = entry.folderName;
        record.action = ProcessingRecord::Action::View;
        record.succeeded = file.ok();
        if (!file.ok()) {
            record.errorCode = file.error().codeText();
            if (m_files)
                m_files->record(record);
            handleError(file.error());
            return;
        }
        if (m_files)
            m_files->record(record);
        if (!m_viewer) {
            m_viewer = new FileViewer(this);
            m_viewer->setWindowFlag(Qt::Window);
            // The viewer is a window of its own: it must fit the screen with its title bar, as the main window does.
            const QScreen* screen = this->screen();
            const QRect available = screen ? screen->availableGeometry() : QRect(QPoint(), preferredSize());
            QMargins frame(geometry().left() - frameGeometry().left(), geometry().top() - frameGeometry().top(),
                frameGeometry().right() - geometry().right(), frameGeometry().bottom() - geometry().bottom());
            if (frame.top() <= 0)
                frame = QMargins(4, 32, 4, 4); // not shown yet: a typical title bar
            const QSize size = fittedSize(QSize(1200, 800), available.size(), frame);
            m_viewer->resize(size);
            // move() places the frame: centre the frame, title bar included, in the usable area.
            const QSize framed(
                size.width() + frame.left() + frame.right(), size.height() + frame.top() + frame.bottom());
            m_viewer->move(available.left() + std::max(0, (available.width() - framed.width()) / 2),
                available.top() + std::max(0, (available.height() - framed.height()) / 2));
        }
        m_viewer->open(file->localPath, entry.name, anchors);
        m_viewer->show();
        m_viewer->raise();
        m_viewer->activateWindow();
    });
}

void MainWindow::batchSign(const QList<FileEntry>& entries)
{
    if (!m_files)
        return;
    // The 印影 settings are read fresh from the server (the user may just have changed them in 本人情報); without a
    // session (a local folder) the signatures are invisible.
    if (findChild<BatchSignDialog*>())
        return; // one batch at a time (a second click while the settings are on their way)
    whenReady(this, m_accounts->sealSettings(), [this, entries](const Result<api::SealSettingsReply>& seal) {
        if (!m_files || findChild<BatchSignDialog*>())
            return;
        if (!seal.ok() && seal.error().code != ErrorCode::SessionMissing)
            return handleError(seal.error());
        auto* dialog = new BatchSignDialog(m_files.get(), keyStoreFile(), entries, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setJournal(journal());
        if (seal.ok())
            dialog->setSeal(seal->seal, m_user.userId, m_user.userName, m_user.company);
        connect(dialog, &BatchSignDialog::batchFinished, this, [this] {
            m_myPage->showResumeOffer(int(journal()->pending().size()));
            m_myPage->refresh();
        });
        dialog->open();
    });
}

std::shared_ptr<BatchJournal> MainWindow::journal() const
{
    return std::make_shared<BatchJournal>(m_user.userId);
}

// The journal names files by ID; the entries (versions, permissions) come fresh from the file source.
void MainWindow::resumeBatch()
{
    if (!m_files)
        return;
    const QStringList pending = journal()->pending();
    FileListFilter everything = defaultFileFilter();
    everything.registeredFrom = QDate(2000, 1, 1);
    everything.limit = 100000; // every page: the source fetches them in the server's page size
    whenReady(this, m_files->list(everything), [this, pending](const Result<FilePage>& page) {
        if (!page.ok())
            return handleError(page.error());
        QList<FileEntry> entries;
        for (const FileEntry& entry : page->files) {
            if (pending.contains(entry.fileId))
                entries.append(entry);
        }
        if (entries.isEmpty()) {
            journal()->clear();
            m_myPage->showResumeOffer(0);
            return;
        }
        batchSign(entries);
    });
}

} // namespace ikkatsu::ui
