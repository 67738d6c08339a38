// A FileSource over a local directory; signature states come from our own SignatureInspector.
#include "LocalFolderFileSource.h"

#include "common/AtomicFile.h"
#include "pdf/SignatureInspector.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QtConcurrent>

#include <algorithm>

namespace ikkatsu::ui {

namespace {

QString versionOf(const QFileInfo& info)
{
    return QString::number(info.size()) + QLatin1Char('-') + QString::number(info.lastModified().toMSecsSinceEpoch());
}

int requiredSigners(const QString& folderPath)
{
    QFile file(folderPath + QStringLiteral("/.required-signers"));
    if (!file.open(QIODevice::ReadOnly))
        return 1;
    bool ok = false;
    const int count = QString::fromUtf8(file.readAll()).trimmed().toInt(&ok);
    return ok && count > 0 ? count : 1;
}

// A file id is "folder/name.pdf"; anything that could leave the root is refused.
Result<QString> resolve(const QString& root, const QString& fileId)
{
    const QStringList parts = fileId.split(QLatin1Char('/'));
    if (parts.size() != 2 || parts.contains(QStringLiteral("..")) || parts.contains(QString()))
        return makeError(ErrorCode::FileNotFound, fileId);
    const QString path = root + QLatin1Char('/') + fileId;
    if (!QFileInfo(path).isFile())
        return makeError(ErrorCode::FileNotFound, fileId);
    return path;
}

} // namespace

LocalFolderFileSource::LocalFolderFileSource(const QString& root, const QString& myCommonName)
    : m_root(QDir(root).absolutePath())
    , m_myCommonName(myCommonName)
    , m_downloads(std::make_unique<QTemporaryDir>())
{ }

LocalFolderFileSource::~LocalFolderFileSource() = default;

Result<QList<FileEntry>> LocalFolderFileSource::scan() const
{
    QDir root(m_root);
    if (!root.exists())
        return makeError(ErrorCode::FolderNotFound, m_root);
    QList<FileEntry> entries;
    const auto folders = root.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo& folder : folders) {
        const int required = requiredSigners(folder.absoluteFilePath());
        const auto files = QDir(folder.absoluteFilePath()).entryInfoList({QStringLiteral("*.pdf")}, QDir::Files);
        for (const QFileInfo& file : files) {
            FileEntry entry;
            entry.fileId = folder.fileName() + QLatin1Char('/') + file.fileName();
            entry.name = file.fileName();
            entry.folderId = folder.fileName();
            entry.folderName = folder.fileName();
            entry.registeredAt = file.birthTime().isValid() ? file.birthTime() : file.lastModified();
            // What an upload is based on is the download's version ("size-mtime", see download()), not this one.
            entry.size = file.size();
            // A local folder has no viewers and no signing order: every file is the user's to sign now.
            entry.myPermission = api::Permission::Sign;
            entry.requiredSigners = required;
            bool mine = false;
            int signatures = 0;
            const auto report = SignatureInspector::inspectFile(file.absoluteFilePath(), {});
            if (report.ok()) {
                for (const SignatureReport& signature : report->signatures) {
                    ++signatures;
                    if (!m_myCommonName.isEmpty() && signature.signerName == m_myCommonName)
                        mine = true;
                }
            }
            entry.signatureCount = signatures;
            entry.signedCount = std::min(signatures, required);
            entry.status = signatures == 0 ? SignatureStatus::Unsigned
                : signatures < required    ? SignatureStatus::Signing
                                           : SignatureStatus::Signed;
            entry.myStatus = mine ? MyStatus::Processed : MyStatus::Unprocessed;
            entry.myTurn = !mine;
            entries.append(entry);
        }
    }
    return entries;
}

bool LocalFolderFileSource::matches(const FileEntry& entry, const FileListFilter& filter)
{
    if (filter.myStatus && entry.myStatus != *filter.myStatus)
        return false;
    // Every local file is one to sign (which includes viewing): 閲覧対象 means view-only files, of which there are
    // none.
    if (filter.target == FileListFilter::Target::View && entry.myPermission != api::Permission::View)
        return false;
    if (filter.target == FileListFilter::Target::Sign && entry.myPermission != api::Permission::Sign)
        return false;
    if (filter.signatureStatus && entry.status != *filter.signatureStatus)
        return false;
    const QDate registered = entry.registeredAt.date();
    if (filter.registeredFrom.isValid() && registered < filter.registeredFrom)
        return false;
    if (filter.registeredTo.isValid() && registered > filter.registeredTo)
        return false;
    if (!filter.folderName.isEmpty() && !entry.folderName.contains(filter.folderName, Qt::CaseInsensitive))
        return false;
    if (!filter.fileName.isEmpty() && !entry.name.contains(filter.fileName, Qt::CaseInsensitive))
        return false;
    return true;
}

QFuture<Result<FilePage>> LocalFolderFileSource::list(const FileListFilter& filter)
{
    return QtConcurrent::run([this, filter]() -> Result<FilePage> {
        auto all = scan();
        IKK_TRY(all);
        FilePage page;
        QList<FileEntry> matching;
        for (const FileEntry& entry : *all) {
            if (matches(entry, filter))
                matching.append(entry);
        }
        // Same keys as the server: the whole result is ordered before the page is cut out of it.
        auto before = [&filter](const FileEntry& a, const FileEntry& b) {
            switch (filter.sort) {
            case FileListFilter::Sort::Name:
                return a.name < b.name;
            case FileListFilter::Sort::Folder:
                return a.folderName < b.folderName;
            case FileListFilter::Sort::Status:
                return int(a.status) < int(b.status);
            case FileListFilter::Sort::MyStatus:
                return int(a.myStatus) < int(b.myStatus);
            case FileListFilter::Sort::RegisteredAt:
                break;
            }
            return a.registeredAt < b.registeredAt;
        };
        std::stable_sort(matching.begin(), matching.end(),
            [&](const FileEntry& a, const FileEntry& b) { return filter.descending ? before(b, a) : before(a, b); });
        page.total = int(matching.size());
        page.offset = std::max(0, filter.offset);
        page.limit = std::max(1, filter.limit);
        page.files = matching.mid(page.offset, page.limit);
        return page;
    });
}

QFuture<Result<DownloadedFile>> LocalFolderFileSource::download(const QString& fileId)
{
    return QtConcurrent::run([this, fileId]() -> Result<DownloadedFile> {
        auto path = resolve(m_root, fileId);
        IKK_TRY(path);
        if (!m_downloads->isValid())
            return makeError(ErrorCode::OutputWriteFailed, QStringLiteral("no temporary directory"));
        const QString target = m_downloads->filePath(QString(fileId).replace(QLatin1Char('/'), QLatin1Char('_')));
        QFile source(*path);
        if (!source.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::InputFileUnreadable, *path);
        const QString version = versionOf(QFileInfo(*path));
        IKK_TRY(writeFileAtomically(target, source.readAll(), 0600));
        return DownloadedFile {target, version};
    });
}

QFuture<Result<api::SignatureStatus>> LocalFolderFileSource::upload(
    const QString& fileId, const QString& baseVersion, const QString& signedPath)
{
    return QtConcurrent::run([this, fileId, baseVersion, signedPath]() -> Result<api::SignatureStatus> {
        QMutexLocker lock(&m_mutex);
        auto path = resolve(m_root, fileId);
        IKK_TRY(path);
        if (versionOf(QFileInfo(*path)) != baseVersion)
            return makeError(ErrorCode::VersionConflict, fileId);
        QFile source(signedPath);
        if (!source.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::InputFileUnreadable, signedPath);
        IKK_TRY(writeFileAtomically(*path, source.readAll()));
        // The folder's required count against the signatures now in the file, as the list computes it.
        const auto report = SignatureInspector::inspectFile(*path, {});
        const int required = requiredSigners(QFileInfo(*path).absolutePath());
        // A document that opens only with its user password cannot be counted here; it holds ours at least.
        if (!report && report.error().code == ErrorCode::PdfEncrypted)
            return required <= 1 ? api::SignatureStatus::Signed : api::SignatureStatus::Signing;
        IKK_TRY(report);
        return report->signatures.size() < required ? api::SignatureStatus::Signing : api::SignatureStatus::Signed;
    });
}

QFuture<Result<QList<ProcessingRecord>>> LocalFolderFileSource::history()
{
    QMutexLocker lock(&m_mutex);
    QList<ProcessingRecord> records = m_history;
    std::reverse(records.begin(), records.end());
    return QtFuture::makeReadyFuture(Result<QList<ProcessingRecord>>(records));
}

void LocalFolderFileSource::record(const ProcessingRecord& record)
{
    QMutexLocker lock(&m_mutex);
    m_history.append(record);
}

} // namespace ikkatsu::ui
