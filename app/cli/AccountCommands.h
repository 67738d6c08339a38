// ikkatsu-cli's account commands: login (password + mailed one-time password) and the certificate setup.
#pragma once

#include <QStringList>

// `args` starts with the command name: "login", "certificate-setup" or "logout" (see accountCommandsUsage()).
// Returns the process exit code. Needs a running QCoreApplication.
int runAccountCommand(const QStringList& args);
// True for the command names runAccountCommand handles.
bool isAccountCommand(const QString& command);
QString accountCommandsUsage();
