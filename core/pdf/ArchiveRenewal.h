// Archive renewal (PAdES B-LTA): when a document's newest archive timestamp is due, its validation data and a new one.
#pragma once

#include "common/Result.h"
#include "crypto/Cades.h"
#include "crypto/Revocation.h"

#include <QDateTime>
#include <QString>

#include <functional>

namespace ikkatsu {

struct ArchiveRenewalOptions
{
    // Renew when the newest document timestamp stops being verifiable (its TSA certificate expires) within this many
    // days of `now`.
    int marginDays = 365;
    // A signed document without any document timestamp is due too (the CLI); the server renews only what already
    // has one (its level decides what a new signature gets).
    bool renewWithoutArchiveTimestamp = true;
    std::function<QDateTime()> clock; // the system clock when empty
};

struct ArchiveRenewalOutcome
{
    bool renewed = false; // false: not due, nothing written
    QDateTime previousValidUntil; // the newest document timestamp's, before; invalid when there was none
    QDateTime validUntil; // the newest document timestamp's, now
    qint64 outputSize = 0;
};

// The newest document timestamp's validUntil (invalid when there is none) and the number of signatures;
// PdfMalformed and the like for damaged files.
struct ArchiveState
{
    int signatures = 0;
    QDateTime validUntil;
};
Result<ArchiveState> archiveState(const QString& path);

// Renews `inputPath` into `outputPath` (may equal it: in place, atomically) when due: PdfSigner::addArchiveTimestamp
// with `collector` (built with keepRevoked, so that a later revocation is kept as evidence) and `fetcher`. Before
// anything is written one token is fetched to see the authority's certificate: one that does not outlast the current
// archive timestamp gives ArchiveRenewalNotExtending. NoSignature for a document without signatures; TSA, OCSP and
// CRL outages give their codes (TimestampFailed, OcspUnavailable, CrlUnavailable) and leave `outputPath` untouched.
Result<ArchiveRenewalOutcome> renewArchiveIfDue(const QString& inputPath, const QString& outputPath,
    const ValidationDataCollector& collector, const CadesSigner::TimestampFetcher& fetcher,
    const ArchiveRenewalOptions& options);

} // namespace ikkatsu
