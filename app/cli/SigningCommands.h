// ikkatsu-cli's key store, sign and verify commands.
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace ikkatsu::cli {

class SigningCommands
{
    Q_DECLARE_TR_FUNCTIONS(SigningCommands)

public:
    // Each takes the arguments after the command word and returns the process exit status:
    // 0 success, 1 at least one item failed, 2 usage error.
    static int keystore(const QStringList& arguments);
    static int sign(const QStringList& arguments);
    static int verify(const QStringList& arguments);
    // The error-code table for administrators; --markdown prints the bilingual table of docs/error-codes.md.
    static int errorCodes(const QStringList& arguments);
};

} // namespace ikkatsu::cli
