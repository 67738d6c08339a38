// The record of an unfinished batch: which files were still to be signed when it was cut short.
#pragma once

#include <QString>
#include <QStringList>

namespace ikkatsu::ui {

// One small file per user in the app data directory. Written when a batch starts and after each file, so that
// after a crash or a cancel the app can offer to resume with exactly the files still pending. A file that was
// being uploaded when the app died is on the server either untouched or fully signed; resuming skips the latter
// (AlreadySigned) and signs the former.
class BatchJournal
{
public:
    explicit BatchJournal(const QString& userId);

    QString path() const { return m_path; }
    QStringList pending() const;
    void write(const QStringList& fileIds) const;
    void clear() const;

private:
    QString m_path;
};

} // namespace ikkatsu::ui
