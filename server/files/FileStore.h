// PDF versions on disk, named by their SHA-256: a version once written never changes, so readers need no locks.
#pragma once

#include "common/AtomicFile.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace ikkatsu::server {

class FileStore
{
public:
    explicit FileStore(QString root)
        : m_root(std::move(root))
    { }

    // <root>/ab/cd/abcd….pdf for the lower-case hex digest.
    QString pathFor(const QString& sha256Hex) const;

    // Writes `bytes` to a temporary file beside their final place; the caller checks the temporary file and
    // then commits (rename + directory sync) or drops it. `sha256Hex` receives the digest.
    Result<AtomicFile> stage(const QByteArray& bytes, QString* sha256Hex) const;

    // The stored bytes, checked against the size the database recorded (a mismatch is a damaged store).
    Result<QByteArray> read(const QString& sha256Hex, qint64 expectedSize) const;

    // Removes temporary files left behind by a process killed while staging (called at start-up).
    void removeLeftovers() const;

private:
    QString m_root;
};

} // namespace ikkatsu::server
