// ikkatsu: the desktop app office staff use to view and batch-sign PDFs from the Ikkatsu server.
#include "MainWindow.h"
#include "Style.h"
#include "common/LogFile.h"
#include "common/ProcessHardening.h"
#include "config/Language.h"
#include "config/Settings.h"
#include "services/LocalFolderFileSource.h"
#include "services/ServerAccountService.h"
#include "services/ServerAdminService.h"
#include "services/ServerFileSource.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QStandardPaths>
#include <QTimer>

int main(int argc, char** argv)
{
    ikkatsu::hardenProcess();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Ikkatsu"));
    QApplication::setOrganizationName(QStringLiteral("Ikkatsu"));
    QApplication::setApplicationVersion(QStringLiteral(IKKATSU_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("ikkatsu"));

    ikkatsu::Settings settings;
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption language(QStringLiteral("language"),
        QCoreApplication::translate("main", "UI language: ja or en."), QStringLiteral("ja|en"));
    const QCommandLineOption filesDir(QStringLiteral("files-dir"),
        QCoreApplication::translate("main", "Offline file list: a local directory with one subdirectory per folder."),
        QStringLiteral("DIR"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QCoreApplication::translate(
            "main", "Save a PNG of the window once it is shown, then quit (demo without a display)."),
        QStringLiteral("FILE"));
    const QCommandLineOption logDir(QStringLiteral("log-dir"),
        QCoreApplication::translate("main",
            "Directory of the log file, ikkatsu.log (default: the app's data directory; also IKKATSU_LOG_DIR)."),
        QStringLiteral("DIR"));
    parser.addOption(language);
    parser.addOption(filesDir);
    parser.addOption(screenshot);
    parser.addOption(logDir);
    parser.process(app);

    // The log file an administrator asks for when a user reads out an error code: each error with its detail.
    QString logDirectory = parser.value(logDir);
    if (logDirectory.isEmpty())
        logDirectory = qEnvironmentVariable("IKKATSU_LOG_DIR");
    if (logDirectory.isEmpty())
        logDirectory = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/logs");
    ikkatsu::LogFileOptions logging;
    logging.directory = logDirectory;
    const auto logFile = ikkatsu::installLogFile(logging);
    if (!logFile)
        qWarning().noquote() << "no log file:" << logFile.error().codeText() << logFile.error().detail;
    else
        qInfo().noquote() << "ikkatsu" << QApplication::applicationVersion() << "started, log" << *logFile;

    QString chosen = parser.value(language);
    if (chosen.isEmpty())
        chosen = qEnvironmentVariable("IKKATSU_LANGUAGE");
    if (chosen.isEmpty())
        chosen = settings.string(ikkatsu::SettingKey::Language);
    ikkatsu::installTranslations(chosen);
    ikkatsu::ui::applyStyle(app);

    ikkatsu::ui::ServerAccountService accounts;
    const QString localFiles = parser.value(filesDir);
    ikkatsu::ui::MainWindow window(&settings, &accounts,
        [localFiles, &accounts](const ikkatsu::ui::UserProfile& user) -> std::unique_ptr<ikkatsu::ui::FileSource> {
            // --files-dir keeps the offline list (demos without a server's files); otherwise the server's files.
            if (!localFiles.isEmpty())
                return std::make_unique<ikkatsu::ui::LocalFolderFileSource>(localFiles, user.nameRoman);
            return std::make_unique<ikkatsu::ui::ServerFileSource>(accounts.apiClient());
        });
    ikkatsu::ui::ServerAdminService admin(&accounts);
    window.setAdminService(&admin);
    window.showForScreen();
    if (parser.isSet(screenshot)) {
        const QString target = parser.value(screenshot);
        // Long enough for the first layout and the fonts; the demo script waits for the file.
        QTimer::singleShot(1500, &window, [&window, target] {
            const bool saved = window.grab().save(target);
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
