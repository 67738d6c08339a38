// The desktop app's window: a page stack (ログイン → ワンタイムパスワード → setup → マイページ …) under the navigation
// bar.
#pragma once

#include "services/AccountService.h"
#include "services/AdminService.h"
#include "services/FileSource.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QStackedWidget;

namespace ikkatsu {
class Settings;
}

namespace ikkatsu::ui {

class CertificateSetupWizard;
class FileViewer;
class LoginPage;
class MyPage;
class NavigationBar;
class OtpPage;
class PasswordChangePage;
class ProfilePage;
class ResultsPage;
class ServiceTopPage;
class UsersPage;
class FilesPage;
class AllResultsPage;
class AuditTrailPage;
class BatchJournal;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Makes the file store for a signed-in user (server-backed, or a local folder for offline use); may return null.
    using FileSourceFactory = std::function<std::unique_ptr<FileSource>(const UserProfile& user)>;

    // Admin mode's screens come last: showScreen refuses every screen from Users on without admin mode.
    enum class Screen {
        Login,
        Otp,
        PasswordChange,
        Setup,
        ServiceTop,
        MyPage,
        Profile,
        Results,
        Users,
        AdminFiles,
        AllResults,
        AuditTrail
    };
    Q_ENUM(Screen)

    MainWindow(Settings* settings, AccountService* accounts, FileSourceFactory files, QWidget* parent = nullptr);

    // The size every screen is laid out for (a 1280×800 office laptop less its title bar and panel).
    static QSize preferredSize();
    // Whether a window of `preferred` size (frame included) should start maximized on a screen whose usable area
    // is `available`: on screens that leave no room around it.
    static bool startsMaximized(const QSize& preferred, const QSize& available);
    // `preferred` shrunk to fit `available` less `frame` (the title bar and borders).
    static QSize fittedSize(const QSize& preferred, const QSize& available, const QMargins& frame);
    // Shows the window at its preferred size, or maximized on a small screen.
    void showForScreen();
    ~MainWindow() override;

    // Admin mode's service (null: no admin mode in this app, e.g. offline).
    void setAdminService(AdminService* admin);
    // Admin mode is offered to administrators only, and only when policy (SettingKey::AdminModeAllowed) allows it.
    bool adminModeAvailable() const;

    Screen currentScreen() const;
    void showScreen(Screen screen);
    // After the one-time password: the first-login password change and the setup wizard when needed, otherwise
    // My Page.
    void signIn(const UserProfile& user);
    // Back to ログイン with a message (session expired, logged out).
    void endSession(const QString& message);

    LoginPage* loginPage() const { return m_login; }
    OtpPage* otpPage() const { return m_otp; }
    PasswordChangePage* passwordChangePage() const { return m_passwordChange; }
    CertificateSetupWizard* setupWizard() const { return m_setup; }
    ServiceTopPage* serviceTopPage() const { return m_top; }
    MyPage* myPage() const { return m_myPage; }
    ProfilePage* profilePage() const { return m_profile; }
    ResultsPage* resultsPage() const { return m_results; }
    UsersPage* usersPage() const { return m_users; }
    FilesPage* filesPage() const { return m_adminFiles; }
    AllResultsPage* allResultsPage() const { return m_allResults; }
    AuditTrailPage* auditTrailPage() const { return m_auditTrail; }
    NavigationBar* navigationBar() const { return m_navigation; }
    FileViewer* viewer() const { return m_viewer; }
    FileSource* fileSource() const { return m_files.get(); }
    QString keyStoreFile() const;

signals:
    void screenChanged(ikkatsu::ui::MainWindow::Screen screen);

private:
    void openFile(const FileEntry& entry);
    void batchSign(const QList<FileEntry>& entries);
    void resumeBatch();
    void handleError(const Error& error);
    void logout();
    void continueSignIn();
    // Every page back to the state of a fresh start, so that nothing of one user's session reaches the next.
    void resetPages();
    void startCertificateSetup();
    QList<Certificate> trustAnchors() const;
    std::shared_ptr<BatchJournal> journal() const;

    Settings* m_settings;
    AccountService* m_accounts;
    FileSourceFactory m_fileSourceFactory;
    std::unique_ptr<FileSource> m_files;
    UserProfile m_user;

    NavigationBar* m_navigation;
    QStackedWidget* m_stack = nullptr;
    LoginPage* m_login;
    OtpPage* m_otp;
    PasswordChangePage* m_passwordChange;
    CertificateSetupWizard* m_setup;
    ServiceTopPage* m_top;
    MyPage* m_myPage;
    ProfilePage* m_profile;
    ResultsPage* m_results;
    UsersPage* m_users;
    FilesPage* m_adminFiles;
    AllResultsPage* m_allResults;
    AuditTrailPage* m_auditTrail;
    AdminService* m_admin = nullptr;
    FileViewer* m_viewer = nullptr;
};

} // namespace ikkatsu::ui
