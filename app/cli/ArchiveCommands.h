// ikkatsu-cli timestamp: archive renewal (PAdES B-LTA) of signed files kept outside the server.
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace ikkatsu::cli {

class ArchiveCommands
{
    Q_DECLARE_TR_FUNCTIONS(ArchiveCommands)

public:
    // `timestamp --renew [--tsa URL] [--margin-days N] FILE...`: the arguments after the command word; exit status
    // 0 when every file was renewed or not due, 1 when one failed, 2 for a usage error.
    static int timestamp(const QStringList& arguments);
};

} // namespace ikkatsu::cli
