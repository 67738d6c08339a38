// Renews the archive timestamps of files in place, one line per file; the TSA defaults to the configured server's.
#include "ArchiveCommands.h"

#include "Terminal.h"
#include "client/TimestampClient.h"
#include "config/Settings.h"
#include "pdf/ArchiveRenewal.h"

#include <QCommandLineParser>

namespace ikkatsu::cli {

namespace {

QString errorText(const Error& error)
{
    QString line = error.codeText() + QLatin1Char(' ') + error.message();
    if (!error.detail.isEmpty())
        line += QStringLiteral(" (") + error.detail + QLatin1Char(')');
    return line;
}

QString day(const QDateTime& time)
{
    return time.isValid() ? time.toString(Qt::ISODate) : QStringLiteral("-");
}

} // namespace

int ArchiveCommands::timestamp(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption renew(QStringLiteral("renew"),
        tr("Add validation data and a new archive timestamp to each file whose newest one expires within the margin "
           "(or that has signatures but none), in place."));
    const QCommandLineOption tsa(QStringLiteral("tsa"),
        tr("RFC 3161 timestamp authority URL (default: the configured server's, http://127.0.0.1:8443 unless set)."),
        QStringLiteral("URL"));
    const QCommandLineOption margin(QStringLiteral("margin-days"),
        tr("Renew when the newest archive timestamp expires within this many days (default 365)."), QStringLiteral("N"),
        QStringLiteral("365"));
    parser.addOptions({renew, tsa, margin});
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("Signed PDF files."), QStringLiteral("FILE..."));
    if (!parser.parse(QStringList {QStringLiteral("ikkatsu-cli")} + arguments)) {
        printErr(parser.errorText());
        return 2;
    }
    const QStringList files = parser.positionalArguments();
    bool marginOk = false;
    const int marginDays = parser.value(margin).toInt(&marginOk);
    if (!parser.isSet(renew) || files.isEmpty() || !marginOk || marginDays < 0 || marginDays > 36500) {
        printErr(tr("timestamp: --renew, a --margin-days from 0 to 36500 and at least one FILE are required."));
        return 2;
    }
    QString url = parser.value(tsa);
    if (url.isEmpty()) {
        const QString server = Settings().string(SettingKey::ServerUrl);
        if (!server.isEmpty())
            url = server + (server.endsWith(QLatin1Char('/')) ? QString() : QStringLiteral("/"))
                + QStringLiteral("api/v1/tsa");
    }
    TimestampClientOptions options;
    options.url = QUrl(url, QUrl::StrictMode);
    if (!options.url.isValid()
        || (options.url.scheme() != QLatin1String("http") && options.url.scheme() != QLatin1String("https"))) {
        printErr(tr("timestamp: --tsa needs an http(s) URL."));
        return 2;
    }
    const CadesSigner::TimestampFetcher fetcher = makeHttpTimestampFetcher(options);
    // One collector for the run: each certificate's status is fetched once; revocations are kept as evidence.
    const ValidationDataCollector collector(makeHttpRevocationFetchers(options), true);
    ArchiveRenewalOptions renewal;
    renewal.marginDays = marginDays;
    int renewed = 0;
    int notDue = 0;
    int failed = 0;
    for (const QString& path : files) {
        Result<ArchiveRenewalOutcome> outcome = renewArchiveIfDue(path, path, collector, fetcher, renewal);
        if (!outcome) {
            ++failed;
            printOut(tr("FAIL     %1: %2").arg(path, errorText(outcome.error())));
        } else if (outcome->renewed) {
            ++renewed;
            printOut(tr("RENEWED  %1: valid until %2 (was %3)")
                         .arg(path, day(outcome->validUntil), day(outcome->previousValidUntil)));
        } else {
            ++notDue;
            printOut(tr("NOT DUE  %1: valid until %2").arg(path, day(outcome->validUntil)));
        }
    }
    printOut(tr("Renewed %1, not due %2, failed %3.").arg(renewed).arg(notDue).arg(failed));
    return failed ? 1 : 0;
}

} // namespace ikkatsu::cli
