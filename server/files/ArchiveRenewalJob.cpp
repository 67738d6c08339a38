// Reads each signed document's current version, renews it in a private temporary directory, stores the result.
#include "files/ArchiveRenewalJob.h"

#include "ca/TrustServices.h"
#include "files/Files.h"
#include "pdf/ArchiveRenewal.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

namespace ikkatsu::server {

Q_LOGGING_CATEGORY(lcArchive, "ikkatsu.server.archive")

namespace {

constexpr int kPage = 200;

QString errorText(const Error& error)
{
    return error.codeText() + QLatin1Char(' ') + error.message()
        + (error.detail.isEmpty() ? QString() : QStringLiteral(" (") + error.detail + QLatin1Char(')'));
}

} // namespace

Result<ArchiveRenewalSummary> ArchiveRenewalJob::run(int marginDays, const std::function<void(const QString&)>& report)
{
    auto say = [&report](const QString& line) {
        if (report)
            report(line);
    };
    Files files(m_context);
    // Listed first, renewed after: a renewal changes no registration order, but a long run must not page over files
    // whose rows it just changed.
    QList<api::FileEntry> signedFiles;
    for (int offset = 0;; offset += kPage) {
        auto page = files.adminList(QString(), offset, kPage);
        IKK_TRY(page);
        for (const api::FileEntry& entry : page->files) {
            if (entry.signatureCount > 0)
                signedFiles.append(entry);
        }
        if (page->files.size() < kPage)
            break;
    }
    // The documents never leave the data directory (they may be confidential): work there, in a private directory.
    QTemporaryDir work(QDir(m_context.config.dataDir).filePath(QStringLiteral(".archive-renewal-XXXXXX")));
    if (!work.isValid())
        return makeError(
            ErrorCode::ServerError, QStringLiteral("cannot create a work directory in the data directory"));
    const TrustServices services(m_context);
    const CadesSigner::TimestampFetcher timestamps = services.inProcessTimestamps(QStringLiteral("renew-archive"));
    // One collector per run: each certificate's status once; a revocation is kept as evidence (proof of existence).
    const ValidationDataCollector collector(services.inProcessRevocation(), true);
    ArchiveRenewalOptions options;
    options.marginDays = marginDays;
    options.renewWithoutArchiveTimestamp = false;

    ArchiveRenewalSummary summary;
    for (const api::FileEntry& entry : std::as_const(signedFiles)) {
        ++summary.checked;
        auto fail = [&](const Error& error) {
            ++summary.failed;
            qCWarning(lcArchive).noquote() << "archive renewal of" << entry.fileId << "failed:" << errorText(error);
            say(QStringLiteral("FAIL     %1 %2: %3").arg(entry.fileId, entry.name, errorText(error)));
        };
        auto current = files.adminVersion(entry.fileId, entry.version);
        if (!current) {
            fail(current.error());
            continue;
        }
        const QString input = work.filePath(entry.fileId + QStringLiteral(".pdf"));
        const QString output = work.filePath(entry.fileId + QStringLiteral("-renewed.pdf"));
        QFile file(input);
        if (!file.open(QIODevice::WriteOnly) || file.write(current->bytes) != current->bytes.size()) {
            fail(makeError(ErrorCode::ServerError, QStringLiteral("cannot write ") + input));
            continue;
        }
        file.close();
        auto outcome = renewArchiveIfDue(input, output, collector, timestamps, options);
        QFile::remove(input);
        if (!outcome) {
            fail(outcome.error());
            continue;
        }
        if (!outcome->renewed)
            continue;
        QFile renewed(output);
        const QByteArray bytes = renewed.open(QIODevice::ReadOnly) ? renewed.readAll() : QByteArray();
        renewed.close();
        QFile::remove(output);
        auto stored = files.storeArchiveRenewal(entry, bytes,
            QStringLiteral("validUntil=%1 previous=%2")
                .arg(outcome->validUntil.toString(Qt::ISODate), outcome->previousValidUntil.toString(Qt::ISODate)));
        if (!stored) {
            fail(stored.error());
            continue;
        }
        ++summary.renewed;
        say(QStringLiteral("RENEWED  %1 %2: version %3, valid until %4 (was %5)")
                .arg(entry.fileId, entry.name)
                .arg(*stored)
                .arg(outcome->validUntil.toString(Qt::ISODate), outcome->previousValidUntil.toString(Qt::ISODate)));
    }
    qCInfo(lcArchive).nospace() << "archive renewal: " << summary.checked << " signed documents, " << summary.renewed
                                << " renewed, " << summary.failed << " failed";
    return summary;
}

} // namespace ikkatsu::server
