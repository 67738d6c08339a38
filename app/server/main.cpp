// ikkatsu-server: the REST server (accounts, one-time passwords, issuing CA); all logic lives in server/.
#include "ServerApp.h"
#include "common/ProcessHardening.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    // The server holds the CA key: no core dumps, no debugger attach.
    ikkatsu::hardenProcess();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ikkatsu-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IKKATSU_VERSION));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return ikkatsu::server::runServerCommand(args);
}
