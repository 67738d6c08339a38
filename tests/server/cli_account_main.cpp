// Stand-in main for the CLI's account commands (the lead wires runAccountCommand into ikkatsu-cli).
#include "AccountCommands.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return runAccountCommand(args);
}
