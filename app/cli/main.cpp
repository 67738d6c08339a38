// ikkatsu-cli: the signing core without a GUI — key store, sign, verify (and, with the server, login and setup).
#include "AccountCommands.h"
#include "ArchiveCommands.h"
#include "SigningCommands.h"
#include "Terminal.h"
#include "common/ProcessHardening.h"
#include "config/Language.h"

#include <QCoreApplication>

namespace {

class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    static QString usage()
    {
        return tr("Usage: ikkatsu-cli COMMAND [OPTIONS]\n"
                  "\n"
                  "Commands:\n"
                  "  keystore create --out FILE [--self-signed --name NAME --company COMPANY]\n"
                  "                  [--algorithm rsa2048|p256] [--pin-stdin] [--force]\n"
                  "  keystore info FILE [--json]\n"
                  "  keystore change-pin FILE [--pin-stdin]\n"
                  "  sign --keystore FILE [--pin-stdin] [--password-stdin] [--reason TEXT] [--location TEXT]\n"
                  "       [--jobs N] [--certify 1|2|3] [--level B-B|B-T|B-LT|B-LTA --tsa URL]\n"
                  "       [--seal round|date|square|text] [--seal-name T] [--page N|last] [--rect X1,Y1,X2,Y2]\n"
                  "       [--seal-company T] [--field NAME] [--corner bottom-right|bottom-left|top-right|top-left]\n"
                  "       (--out-dir DIR | --suffix SUFFIX) FILE...\n"
                  "  verify [--json] [--trust CERT]... [--at YYYY-MM-DD] FILE...\n"
                  "  timestamp --renew [--tsa URL] [--margin-days N] FILE...\n"
                  "  error-codes [--markdown]\n"
                  "  version\n"
                  "\n"
                  "Exit status: 0 success, 1 at least one file or signature failed, 2 usage error.");
    }
};

} // namespace

int main(int argc, char** argv)
{
    ikkatsu::hardenProcess();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ikkatsu-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IKKATSU_VERSION));

    ikkatsu::installTranslations(qEnvironmentVariable("IKKATSU_LANGUAGE"));

    QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty() || arguments.front() == QLatin1String("--help") || arguments.front() == QLatin1String("-h")
        || arguments.front() == QLatin1String("help")) {
        ikkatsu::cli::printOut(Cli::usage() + QStringLiteral("\n\n") + accountCommandsUsage());
        return arguments.isEmpty() ? 2 : 0;
    }
    const QString command = arguments.takeFirst();
    using ikkatsu::cli::SigningCommands;
    if (command == QLatin1String("keystore"))
        return SigningCommands::keystore(arguments);
    if (command == QLatin1String("sign"))
        return SigningCommands::sign(arguments);
    if (command == QLatin1String("verify"))
        return SigningCommands::verify(arguments);
    if (command == QLatin1String("timestamp"))
        return ikkatsu::cli::ArchiveCommands::timestamp(arguments);
    if (isAccountCommand(command))
        return runAccountCommand(QStringList {command} + arguments);
    if (command == QLatin1String("error-codes"))
        return SigningCommands::errorCodes(arguments);
    if (command == QLatin1String("version") || command == QLatin1String("--version")) {
        ikkatsu::cli::printOut(QStringLiteral("ikkatsu-cli " IKKATSU_VERSION));
        return 0;
    }
    ikkatsu::cli::printErr(Cli::tr("Unknown command: %1").arg(command));
    ikkatsu::cli::printErr(Cli::usage());
    return 2;
}
