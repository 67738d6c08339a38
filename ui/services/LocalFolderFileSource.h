// A FileSource over a local directory (one subdirectory per folder): offline use, demos, screenshots and tests.
#pragma once

#include "FileSource.h"

#include <QMutex>
#include <QTemporaryDir>

#include <memory>

namespace ikkatsu::ui {

// Folder = first-level subdirectory of `root`; file = *.pdf inside it. A folder may hold a text file
// ".required-signers" with the number of signatures a file needs (default 1): fewer means 署名中.
// A file counts as signed by me when one of its signatures carries `myCommonName` as signer CN.
// Versions are "size-mtime", so an upload based on an outdated download is refused (VersionConflict).
class LocalFolderFileSource : public FileSource
{
public:
    LocalFolderFileSource(const QString& root, const QString& myCommonName);
    ~LocalFolderFileSource() override;

    QFuture<Result<FilePage>> list(const FileListFilter& filter) override;
    QFuture<Result<DownloadedFile>> download(const QString& fileId) override;
    // Nothing records a view in a local folder: viewing is reading a copy.
    QFuture<Result<DownloadedFile>> view(const QString& fileId) override { return download(fileId); }
    QFuture<Result<api::SignatureStatus>> upload(
        const QString& fileId, const QString& baseVersion, const QString& signedPath) override;
    QFuture<Result<QList<ProcessingRecord>>> history() override;
    void record(const ProcessingRecord& record) override;

    QString root() const { return m_root; }

    // Synchronous forms (run on a worker thread by the QFuture variants).
    Result<QList<FileEntry>> scan() const;
    static bool matches(const FileEntry& entry, const FileListFilter& filter);

private:
    QString m_root;
    QString m_myCommonName;
    std::unique_ptr<QTemporaryDir> m_downloads;
    mutable QMutex m_mutex;
    QList<ProcessingRecord> m_history;
};

} // namespace ikkatsu::ui
