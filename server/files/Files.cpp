// Every check that can refuse runs before anything is committed; the commit itself is one transaction whose
// UPDATE is conditional on the version the client signed, so several server processes cannot both win.
#include "files/Files.h"

#include "accounts/Secrets.h"
#include "api/SigningLevel.h"
#include "ca/SigningCertificates.h"
#include "files/FileNames.h"
#include "pdf/SignatureAppend.h"
#include "pdf/SignatureInspector.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSet>
#include <QTimeZone>

namespace ikkatsu::server {

Q_LOGGING_CATEGORY(lcFiles, "ikkatsu.server.files")

namespace {

// The columns of a file as everyone sees it, in the order readFile expects; joined as f, fo, ru.
const QString kFileColumns = QStringLiteral(
    "f.file_id, f.folder_id, fo.name, f.name, f.registered_at, f.registered_by, COALESCE(ru.user_name, ''), "
    "f.version, f.size, f.content_sha256, f.signature_count, f.status, f.required_signers, f.signed_count, "
    "f.sign_ordered");
const QString kFileJoins = QStringLiteral(" JOIN folders fo ON fo.folder_id = f.folder_id "
                                          "LEFT JOIN users ru ON ru.user_id = f.registered_by");
// Then the caller's permission: p.kind, p.processed, p.sign_position.
constexpr int kPermissionColumn = 15;

QDateTime fromSeconds(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc());
}

api::SignatureStatus statusOf(int value)
{
    switch (value) {
    case 1:
        return api::SignatureStatus::Signing;
    case 2:
        return api::SignatureStatus::Signed;
    default:
        return api::SignatureStatus::Unsigned;
    }
}

int statusValue(api::SignatureStatus status)
{
    return status == api::SignatureStatus::Signed ? 2 : status == api::SignatureStatus::Signing ? 1 : 0;
}

// A permission carries its file's registration time (My Page filters and sorts on it from the permissions index
// alone); the file's row gives it, so it cannot differ. `signPosition` 0 grants viewing.
Status grantPermission(Database& db, const QString& fileId, const QString& userId, int signPosition)
{
    if (signPosition > 0) {
        IKK_TRY(db.exec(QStringLiteral("INSERT INTO file_permissions (file_id, user_id, kind, sign_position, "
                                       "registered_at) SELECT file_id, ?, 'sign', ?, registered_at FROM files "
                                       "WHERE file_id = ?"),
            {userId, signPosition, fileId}));
    } else {
        IKK_TRY(db.exec(QStringLiteral("INSERT INTO file_permissions (file_id, user_id, kind, registered_at) "
                                       "SELECT file_id, ?, 'view', registered_at FROM files WHERE file_id = ?"),
            {userId, fileId}));
    }
    return {};
}

api::FileEntry readFile(const QSqlQuery& query, bool withPermission)
{
    api::FileEntry entry;
    entry.fileId = query.value(0).toString();
    entry.folderId = query.value(1).toString();
    entry.folderName = query.value(2).toString();
    entry.name = query.value(3).toString();
    entry.registeredAt = fromSeconds(query.value(4).toLongLong());
    entry.registeredBy = query.value(5).toString();
    entry.registeredByName = query.value(6).toString();
    entry.version = query.value(7).toInt();
    entry.size = query.value(8).toLongLong();
    entry.sha256 = query.value(9).toString();
    entry.signatureCount = query.value(10).toInt();
    entry.status = statusOf(query.value(11).toInt());
    entry.requiredSigners = query.value(12).toInt();
    entry.signedCount = query.value(13).toInt();
    entry.signOrdered = query.value(14).toInt() != 0;
    if (withPermission) {
        const bool signer = query.value(kPermissionColumn).toString() == QLatin1String("sign");
        const bool processed = query.value(kPermissionColumn + 1).toInt() != 0;
        const int position = query.value(kPermissionColumn + 2).toInt();
        entry.myPermission = signer ? api::Permission::Sign : api::Permission::View;
        entry.myStatus = processed ? api::MyStatus::Processed : api::MyStatus::Unprocessed;
        // In a fixed order signers sign one after another, so exactly position-1 signatures precede one's turn.
        entry.myTurn = signer && !processed && (!entry.signOrdered || entry.signedCount == position - 1);
    }
    return entry;
}

// The code a refused signature gets: what the inspector found, narrowed to the upload rule's codes.
ErrorCode signatureProblem(const SignatureReport& report)
{
    switch (report.problem.code) {
    case ErrorCode::SignatureDigestMismatch:
    case ErrorCode::ByteRangeInvalid:
    case ErrorCode::SignatureInvalid:
        return report.problem.code;
    case ErrorCode::SignerUntrusted:
        return ErrorCode::UploadSignerMismatch;
    case ErrorCode::CertificateExpired:
    case ErrorCode::CertificateNotYetValid:
    case ErrorCode::CertificateRevoked:
        return report.problem.code;
    case ErrorCode::SignatureModified:
        return ErrorCode::UploadNotSignatureOnly;
    default:
        return ErrorCode::SignatureInvalid;
    }
}

// The timestamps an upload brings and the level it reaches. A hostile client may leave the timestamp out, bring
// one from a TSA of its own, or append a document timestamp that covers nothing: only this server's TSA proves time
// here, and the signature must reach the administrator's level (signing/level).
Status checkUploadedTimestamps(const InspectionReport& inspected, int added, qint64 storedSize, SigningLevel required)
{
    const SignatureReport& signature = inspected.signatures.at(added);
    if (signature.timestampProblem)
        return makeError(ErrorCode::UploadTimestampInvalid, signature.timestampProblem->detail);
    if (signature.timestampTime.isValid() && !signature.timestampTrusted)
        return makeError(ErrorCode::UploadTimestampInvalid, QStringLiteral("the signature's timestamp is not ours"));
    for (int k = added + 1; k < inspected.signatures.size(); ++k) {
        const SignatureReport& later = inspected.signatures.at(k);
        if (!later.documentTimestamp || later.signedRevisionEnd <= storedSize)
            continue;
        if (later.verdict != SignatureVerdict::Valid)
            return makeError(ErrorCode::UploadTimestampInvalid,
                QStringLiteral("document timestamp %1: %2").arg(later.fieldName, later.problem.detail));
    }
    const SigningLevel reached = parseSigningLevel(signature.level).value_or(SigningLevel::BB);
    if (reached < required)
        return makeError(ErrorCode::UploadBelowSigningLevel,
            QStringLiteral("%1 signature, %2 required").arg(signingLevelName(reached), signingLevelName(required)));
    return {};
}

// Structural problems of a PDF, as a registration or upload refusal.
Error pdfProblem(const Error& error)
{
    if (error.code == ErrorCode::PdfNotPdf)
        return makeError(ErrorCode::NotAPdf, error.detail);
    if (error.code == ErrorCode::InputFileUnreadable)
        return makeError(ErrorCode::ServerError, error.detail);
    return error;
}

} // namespace

Files::Files(ServerContext& context)
    : m_context(context)
    , m_store(context.fileStore())
{ }

Result<api::FolderInfo> Files::createFolder(const api::UserInfo& admin, const QString& name, const ClientInfo& client)
{
    auto checked = checkedName(name, kFolderNameMax);
    if (!checked)
        return checked.error();
    Database& db = *m_context.database;
    api::FolderInfo folder;
    folder.folderId = QStringLiteral("d") + newRandomId().left(20);
    folder.name = *checked;
    folder.createdAt = fromSeconds(QDateTime::currentSecsSinceEpoch());
    folder.createdBy = admin.userId;
    {
        WriteTransaction transaction(db);
        IKK_TRY(transaction.begin());
        auto existing = db.exec(QStringLiteral("SELECT 1 FROM folders WHERE name = ?"), {folder.name});
        if (!existing)
            return existing.error();
        if (existing->next())
            return makeError(ErrorCode::DuplicateFileName, QStringLiteral("folder exists"));
        existing->finish();
        IKK_TRY(db.exec(QStringLiteral("INSERT INTO folders (folder_id, name, name_fold, created_at, created_by) "
                                       "VALUES (?, ?, ?, ?, ?)"),
            {folder.folderId, folder.name, foldName(folder.name), folder.createdAt.toSecsSinceEpoch(), admin.userId}));
        IKK_TRY(transaction.commit());
    }
    m_context.audit(api::AuditEvent::FolderCreated, admin.userId, QString(),
        QStringLiteral("folder=%1 name=%2").arg(folder.folderId, folder.name), client.remote);
    return folder;
}

Result<QList<api::FolderInfo>> Files::folders() const
{
    auto rows = m_context.database->exec(
        QStringLiteral(
            "SELECT fo.folder_id, fo.name, fo.created_at, fo.created_by, "
            "(SELECT COUNT(*) FROM files f WHERE f.folder_id = fo.folder_id) FROM folders fo ORDER BY fo.name")
        + m_context.database->textOrder());
    if (!rows)
        return rows.error();
    QList<api::FolderInfo> list;
    while (rows->next()) {
        api::FolderInfo folder;
        folder.folderId = rows->value(0).toString();
        folder.name = rows->value(1).toString();
        folder.createdAt = fromSeconds(rows->value(2).toLongLong());
        folder.createdBy = rows->value(3).toString();
        folder.fileCount = rows->value(4).toInt();
        list.append(folder);
    }
    return list;
}

Result<std::optional<api::FolderInfo>> Files::findFolder(const QString& folderId) const
{
    auto row = m_context.database->exec(
        QStringLiteral("SELECT folder_id, name, created_at, created_by FROM folders WHERE folder_id = ?"), {folderId});
    if (!row)
        return row.error();
    if (!row->next())
        return std::optional<api::FolderInfo>();
    api::FolderInfo folder;
    folder.folderId = row->value(0).toString();
    folder.name = row->value(1).toString();
    folder.createdAt = fromSeconds(row->value(2).toLongLong());
    folder.createdBy = row->value(3).toString();
    return std::optional<api::FolderInfo>(folder);
}

Result<QList<api::NewFileOutcome>> Files::registerFiles(const api::UserInfo& admin, const QString& folderId,
    const QList<api::NewFile>& files, const ClientInfo& client, const QList<std::optional<Error>>& refusals)
{
    auto folder = findFolder(folderId);
    if (!folder)
        return folder.error();
    if (!folder->has_value())
        return makeError(ErrorCode::FolderNotFound);
    QList<api::NewFileOutcome> outcomes;
    for (qsizetype k = 0; k < files.size(); ++k) {
        const api::NewFile& file = files.at(k);
        const bool boxesRefused = k < refusals.size() && refusals.at(k).has_value();
        auto outcome = boxesRefused ? Result<api::NewFileOutcome>(*refusals.at(k))
                                    : registerOne(admin, folder->value(), file, client);
        if (outcome) {
            outcomes.append(*outcome);
            continue;
        }
        if (outcome.error().code == ErrorCode::DatabaseError || outcome.error().code == ErrorCode::ServerError)
            qCWarning(lcFiles) << "registration of" << file.name << "failed:" << outcome.error().detail;
        api::NewFileOutcome refused;
        refused.name = file.name;
        refused.code = outcome.error().code;
        outcomes.append(refused);
    }
    return outcomes;
}

Result<api::NewFileOutcome> Files::registerOne(
    const api::UserInfo& admin, const api::FolderInfo& folder, const api::NewFile& file, const ClientInfo& client)
{
    auto name = checkedName(file.name, kFileNameMax);
    if (!name)
        return name.error();
    if (file.content.size() > m_context.config.maxFileBytes)
        return makeError(ErrorCode::FileTooLarge);
    if (file.content.isEmpty())
        return makeError(ErrorCode::NotAPdf, QStringLiteral("empty"));
    if (file.signers.size() > kMaxSigners || file.viewers.size() > kMaxViewers)
        return makeError(ErrorCode::BadRequest, QStringLiteral("too many signers or viewers"));
    const QStringList people = file.signers + file.viewers;
    if (QSet<QString>(people.cbegin(), people.cend()).size() != people.size())
        return makeError(ErrorCode::BadRequest, QStringLiteral("a user is named twice"));
    Database& db = *m_context.database;
    for (const QString& userId : people) {
        auto user = db.exec(QStringLiteral("SELECT may_sign FROM users WHERE user_id = ?"), {userId});
        if (!user)
            return user.error();
        if (!user->next())
            return makeError(ErrorCode::BadRequest, QStringLiteral("unknown user ") + userId);
        if (file.signers.contains(userId) && user->value(0).toInt() == 0)
            return makeError(ErrorCode::CertificateSetupNotAllowed, userId + QStringLiteral(" may not sign"));
    }

    if (!file.boxes.isEmpty()) {
        QHash<QString, bool> signers; // user ID → has signed: nobody yet
        for (const QString& signer : file.signers)
            signers.insert(signer, false);
        IKK_TRY(checkBoxSigners(file.boxes, signers));
    }

    QString sha256;
    auto staged = m_store.stage(file.content, &sha256);
    if (!staged)
        return staged.error();
    auto inspected = SignatureInspector::inspectFile(staged->temporaryPath(), {});
    if (!inspected)
        return pdfProblem(inspected.error());
    qint64 size = file.content.size();
    if (!file.boxes.isEmpty()) {
        // The boxes go into version 1 itself: the PDF as sent plus one update with the empty fields.
        auto bytes = appendSignatureBoxes(staged->temporaryPath(), file.content, file.boxes);
        if (!bytes)
            return pdfProblem(bytes.error());
        auto withBoxes = m_store.stage(*bytes, &sha256);
        if (!withBoxes)
            return withBoxes.error();
        IKK_TRY(checkBoxesWritten(withBoxes->temporaryPath(), file.content.size(), file.boxes));
        staged = std::move(withBoxes);
        size = bytes->size();
    }

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString fileId = QStringLiteral("f") + newRandomId().left(24);
    {
        WriteTransaction transaction(db);
        IKK_TRY(transaction.begin());
        auto existing
            = db.exec(QStringLiteral("SELECT 1 FROM files WHERE folder_id = ? AND name = ?"), {folder.folderId, *name});
        if (!existing)
            return existing.error();
        if (existing->next())
            return makeError(ErrorCode::DuplicateFileName);
        existing->finish();
        // The bytes reach their final place before any row points at them.
        IKK_TRY(staged->commit());
        const int signatures = inspected->signatureCount();
        IKK_TRY(db.exec(QStringLiteral("INSERT INTO files (file_id, folder_id, name, name_fold, registered_at, "
                                       "registered_by, version, content_sha256, size, signature_count, sign_ordered, "
                                       "required_signers, signed_count, status, updated_at) "
                                       "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, 0, 0, ?)"),
            {fileId, folder.folderId, *name, foldName(*name), now, admin.userId, sha256, size, signatures,
                file.signOrdered ? 1 : 0, file.signers.size(), now}));
        IKK_TRY(db.exec(QStringLiteral("INSERT INTO file_versions (file_id, version, content_sha256, size, "
                                       "signature_count, created_at, created_by) VALUES (?, 1, ?, ?, ?, ?, ?)"),
            {fileId, sha256, size, signatures, now, admin.userId}));
        for (qsizetype i = 0; i < file.signers.size(); ++i)
            IKK_TRY(grantPermission(db, fileId, file.signers.at(i), int(i) + 1));
        for (const QString& viewer : file.viewers)
            IKK_TRY(grantPermission(db, fileId, viewer, 0));
        api::ProcessingResult result;
        result.userId = admin.userId;
        result.userName = admin.userName;
        result.fileId = fileId;
        result.folderName = folder.name;
        result.fileName = *name;
        result.action = api::ProcessingResult::Action::Register;
        result.version = 1;
        result.client = client.userAgent;
        result.remote = client.remote;
        IKK_TRY(ProcessingResults(m_context).record(result));
        m_context.audit(api::AuditEvent::FileRegistered, admin.userId, QString(),
            QStringLiteral("file=%1 name=%2 viewers=%3 signers=%4")
                    .arg(fileId, *name)
                    .arg(file.viewers.size())
                    .arg(file.signers.size())
                + (file.boxes.isEmpty() ? QString() : QStringLiteral(" boxes=") + boxesForAudit(file.boxes)),
            client.remote);
        if (!file.boxes.isEmpty())
            m_context.audit(api::AuditEvent::FileSignatureBoxesPlaced, admin.userId, QString(),
                QStringLiteral("file=%1 name=%2 version=1 boxes=%3").arg(fileId, *name, boxesForAudit(file.boxes)),
                client.remote);
        IKK_TRY(transaction.commit());
    }
    auto stored = adminDetail(fileId);
    if (!stored)
        return stored.error();
    api::NewFileOutcome outcome;
    outcome.name = *name;
    outcome.file = *stored;
    return outcome;
}

Result<api::FileListPage> Files::list(const QString& userId, const api::FileListFilter& filter) const
{
    Database& db = *m_context.database;
    QStringList where {QStringLiteral("p.user_id = ?")};
    QVariantList binds {userId};
    if (filter.target == api::FileListFilter::Target::View)
        where << QStringLiteral("p.kind = 'view'");
    else if (filter.target == api::FileListFilter::Target::Sign)
        where << QStringLiteral("p.kind = 'sign'");
    if (filter.myStatus) {
        where << QStringLiteral("p.processed = ?");
        binds << (*filter.myStatus == api::MyStatus::Processed ? 1 : 0);
    }
    if (filter.signatureStatus) {
        where << QStringLiteral("f.status = ?");
        binds << statusValue(*filter.signatureStatus);
    }
    // The permission's copy of the registration time: the range is read from the permissions index (user, my
    // status, time), never from files_registered, which ranges over everyone's files.
    if (filter.registeredFrom.isValid()) {
        where << QStringLiteral("p.registered_at >= ?");
        binds << api::japanDayStart(filter.registeredFrom).toSecsSinceEpoch();
    }
    if (filter.registeredTo.isValid()) {
        where << QStringLiteral("p.registered_at < ?");
        binds << api::japanDayStart(filter.registeredTo.addDays(1)).toSecsSinceEpoch();
    }
    if (!filter.folderName.isEmpty()) {
        where << QStringLiteral("fo.name_fold LIKE ? ESCAPE '\\'");
        binds << likePattern(foldName(filter.folderName));
    }
    if (!filter.fileName.isEmpty()) {
        where << QStringLiteral("f.name_fold LIKE ? ESCAPE '\\'");
        binds << likePattern(foldName(filter.fileName));
    }
    const QString from = QStringLiteral(" FROM file_permissions p JOIN files f ON f.file_id = p.file_id") + kFileJoins
        + QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));

    api::FileListPage page;
    page.offset = filter.offset;
    page.limit = filter.limit;
    const QString direction = filter.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QString order;
    switch (filter.sort) {
    case api::FileListFilter::Sort::Name:
        order = QStringLiteral("f.name") + db.textOrder() + direction;
        break;
    case api::FileListFilter::Sort::Folder:
        order = QStringLiteral("fo.name") + db.textOrder() + direction + QStringLiteral(", f.name") + db.textOrder()
            + direction;
        break;
    case api::FileListFilter::Sort::RegisteredAt:
        order = QStringLiteral("p.registered_at") + direction;
        break;
    case api::FileListFilter::Sort::Status:
        order = QStringLiteral("f.status") + direction + QStringLiteral(", p.registered_at DESC");
        break;
    case api::FileListFilter::Sort::MyStatus:
        order = QStringLiteral("p.processed") + direction + QStringLiteral(", p.registered_at DESC");
        break;
    }
    // The file ID last makes the order total, so pages neither repeat nor skip rows (the permission's, so that the
    // default order is the index's own).
    order += QStringLiteral(", p.file_id") + direction;
    QVariantList pageBinds = binds;
    pageBinds << filter.limit << filter.offset;
    // The total comes with the page (a window over the filtered rows, which the sort reads anyway): a COUNT(*) of
    // its own walked the same rows a second time.
    auto rows = db.exec(QStringLiteral("SELECT ") + kFileColumns
            + QStringLiteral(", p.kind, p.processed, p.sign_position, COUNT(*) OVER ()") + from
            + QStringLiteral(" ORDER BY ") + order + QStringLiteral(" LIMIT ? OFFSET ?"),
        pageBinds);
    if (!rows)
        return rows.error();
    while (rows->next()) {
        page.files.append(readFile(*rows, true));
        page.total = rows->value(kPermissionColumn + 3).toInt();
    }
    rows->finish();
    if (page.files.isEmpty() && filter.offset > 0) {
        // A page beyond the end has no row to carry the total.
        auto count = db.exec(QStringLiteral("SELECT COUNT(*)") + from, binds);
        if (!count)
            return count.error();
        if (count->next())
            page.total = count->value(0).toInt();
    }
    return page;
}

Result<std::optional<api::FileEntry>> Files::findVisible(const QString& userId, const QString& fileId) const
{
    auto row = m_context.database->exec(QStringLiteral("SELECT ") + kFileColumns
            + QStringLiteral(", p.kind, p.processed, p.sign_position FROM file_permissions p "
                             "JOIN files f ON f.file_id = p.file_id")
            + kFileJoins + QStringLiteral(" WHERE p.user_id = ? AND p.file_id = ?"),
        {userId, fileId});
    if (!row)
        return row.error();
    if (!row->next())
        return std::optional<api::FileEntry>();
    return std::optional<api::FileEntry>(readFile(*row, true));
}

Result<QList<api::SignerState>> Files::signersOf(const QString& fileId) const
{
    auto rows = m_context.database->exec(
        QStringLiteral("SELECT p.user_id, COALESCE(u.user_name, ''), p.sign_position, p.processed, p.processed_at "
                       "FROM file_permissions p LEFT JOIN users u ON u.user_id = p.user_id "
                       "WHERE p.file_id = ? AND p.kind = 'sign' ORDER BY p.sign_position"),
        {fileId});
    if (!rows)
        return rows.error();
    QList<api::SignerState> signers;
    while (rows->next()) {
        api::SignerState signer;
        signer.userId = rows->value(0).toString();
        signer.userName = rows->value(1).toString();
        signer.position = rows->value(2).toInt();
        signer.hasSigned = rows->value(3).toInt() != 0;
        if (signer.hasSigned)
            signer.signedAt = fromSeconds(rows->value(4).toLongLong());
        signers.append(signer);
    }
    return signers;
}

Result<api::FileEntry> Files::detail(const QString& userId, const QString& fileId) const
{
    auto file = findVisible(userId, fileId);
    if (!file)
        return file.error();
    if (!file->has_value())
        return makeError(ErrorCode::FileNotFound);
    api::FileEntry entry = file->value();
    auto signers = signersOf(fileId);
    if (!signers)
        return signers.error();
    entry.signers = *signers;
    return entry;
}

Result<api::FileListPage> Files::adminList(const QString& folderId, int offset, int limit) const
{
    const QString where = folderId.isEmpty() ? QString() : QStringLiteral(" WHERE f.folder_id = ?");
    const QVariantList binds = folderId.isEmpty() ? QVariantList() : QVariantList {folderId};
    api::FileListPage page;
    page.offset = offset;
    page.limit = limit;
    {
        auto count = m_context.database->exec(QStringLiteral("SELECT COUNT(*) FROM files f") + where, binds);
        if (!count)
            return count.error();
        if (count->next())
            page.total = count->value(0).toInt();
    }
    QVariantList pageBinds = binds;
    pageBinds << limit << offset;
    auto rows = m_context.database->exec(QStringLiteral("SELECT ") + kFileColumns + QStringLiteral(" FROM files f")
            + kFileJoins + where + QStringLiteral(" ORDER BY f.registered_at DESC, f.file_id DESC LIMIT ? OFFSET ?"),
        pageBinds);
    if (!rows)
        return rows.error();
    while (rows->next())
        page.files.append(readFile(*rows, false));
    return page;
}

Result<api::FileEntry> Files::adminDetail(const QString& fileId) const
{
    auto row = m_context.database->exec(QStringLiteral("SELECT ") + kFileColumns + QStringLiteral(" FROM files f")
            + kFileJoins + QStringLiteral(" WHERE f.file_id = ?"),
        {fileId});
    if (!row)
        return row.error();
    if (!row->next())
        return makeError(ErrorCode::FileNotFound);
    api::FileEntry entry = readFile(*row, false);
    row->finish();
    auto signers = signersOf(fileId);
    if (!signers)
        return signers.error();
    entry.signers = *signers;
    auto viewers = m_context.database->exec(
        QStringLiteral("SELECT user_id FROM file_permissions WHERE file_id = ? AND kind = 'view' ORDER BY user_id"),
        {fileId});
    if (!viewers)
        return viewers.error();
    while (viewers->next())
        entry.viewers.append(viewers->value(0).toString());
    return entry;
}

Result<Files::Download> Files::fetch(const QString& sha256, qint64 size, bool streamed) const
{
    Download download;
    download.sha256 = sha256;
    if (streamed) {
        auto device = m_store.open(sha256, size);
        if (!device)
            return device.error();
        download.stream = std::shared_ptr<QIODevice>(std::move(device).value());
        return download;
    }
    auto bytes = m_store.read(sha256, size);
    if (!bytes)
        return bytes.error();
    download.bytes = std::move(bytes).value();
    return download;
}

Result<Files::Download> Files::adminVersion(const QString& fileId, int version, bool streamed) const
{
    auto row = m_context.database->exec(QStringLiteral("SELECT v.content_sha256, v.size, f.name FROM file_versions v "
                                                       "JOIN files f ON f.file_id = v.file_id "
                                                       "WHERE v.file_id = ? AND v.version = ?"),
        {fileId, version});
    if (!row)
        return row.error();
    if (!row->next())
        return makeError(ErrorCode::FileNotFound);
    auto download = fetch(row->value(0).toString(), row->value(1).toLongLong(), streamed);
    if (!download)
        return download.error();
    download->version = version;
    download->name = row->value(2).toString();
    return download;
}

Result<Files::Download> Files::download(const api::UserInfo& user, const QString& fileId, const ClientInfo& client,
    bool record, bool streamed, bool forSigning)
{
    auto file = findVisible(user.userId, fileId);
    if (!file)
        return file.error();
    if (!file->has_value())
        return makeError(ErrorCode::FileNotFound);
    const api::FileEntry& entry = file->value();
    if (forSigning) {
        if (entry.myPermission != api::Permission::Sign)
            return makeError(ErrorCode::NoSignPermission, fileId);
        record = false;
    }
    auto download = fetch(entry.sha256, entry.size, streamed);
    if (!download)
        return download.error();
    if (record) {
        Database& db = *m_context.database;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        WriteTransaction transaction(db);
        IKK_TRY(transaction.begin());
        // A viewer's 本人処理状況 becomes 処理済 with the first view; a signer's only with their signature.
        IKK_TRY(db.exec(QStringLiteral("UPDATE file_permissions SET first_viewed_at = COALESCE(first_viewed_at, ?), "
                                       "processed = CASE WHEN kind = 'view' THEN 1 ELSE processed END, "
                                       "processed_at = CASE WHEN kind = 'view' THEN COALESCE(processed_at, ?) "
                                       "ELSE processed_at END WHERE file_id = ? AND user_id = ?"),
            {now, now, fileId, user.userId}));
        api::ProcessingResult result;
        result.userId = user.userId;
        result.userName = user.userName;
        result.fileId = fileId;
        result.folderName = entry.folderName;
        result.fileName = entry.name;
        result.action = api::ProcessingResult::Action::View;
        result.version = entry.version;
        result.client = client.userAgent;
        result.remote = client.remote;
        IKK_TRY(ProcessingResults(m_context).record(result));
        IKK_TRY(transaction.commit());
    }
    download->version = entry.version;
    download->name = entry.name;
    return download;
}

Result<api::FileEntry> Files::uploadSigned(const api::UserInfo& user, const QString& fileId, int baseVersion,
    const RequestBody& body, const ClientInfo& client)
{
    auto file = findVisible(user.userId, fileId);
    if (!file)
        return file.error();
    // Not visible: the same answer as for a file that does not exist, and nothing in the user's trail.
    if (!file->has_value())
        return makeError(ErrorCode::FileNotFound);
    int newVersion = 0;
    auto stored = checkAndStoreSigned(user, file->value(), baseVersion, body, client, &newVersion);
    if (stored)
        return stored;
    api::ProcessingResult result;
    result.userId = user.userId;
    result.userName = user.userName;
    result.fileId = fileId;
    result.folderName = file->value().folderName;
    result.fileName = file->value().name;
    result.action = api::ProcessingResult::Action::Sign;
    result.succeeded = false;
    result.errorCode = stored.error().codeText();
    result.version = baseVersion > 0 ? baseVersion : 0;
    result.client = client.userAgent;
    result.remote = client.remote;
    const Status recorded = ProcessingResults(m_context).record(result);
    if (!recorded)
        qCWarning(lcFiles) << "could not record a refused upload:" << recorded.error().detail;
    qCInfo(lcFiles) << "signed upload of" << fileId << "by" << user.userId << "refused:" << stored.error().codeText()
                    << stored.error().detail;
    return stored;
}

Result<api::FileEntry> Files::checkAndStoreSigned(const api::UserInfo& user, const api::FileEntry& file,
    int baseVersion, const RequestBody& body, const ClientInfo& client, int* newVersion)
{
    // Who may upload, cheapest checks first.
    if (file.myPermission != api::Permission::Sign)
        return makeError(ErrorCode::NoSignPermission);
    if (file.myStatus == api::MyStatus::Processed)
        return makeError(ErrorCode::AlreadySigned);
    if (baseVersion < 1)
        return makeError(ErrorCode::BadRequest, QStringLiteral("If-Match must name the version that was signed"));
    if (baseVersion != file.version)
        return makeError(ErrorCode::VersionConflict,
            QStringLiteral("signed version %1, current %2").arg(baseVersion).arg(file.version));
    if (!file.myTurn)
        return makeError(ErrorCode::NotYourTurn);
    if (body.size() > m_context.config.maxFileBytes)
        return makeError(ErrorCode::FileTooLarge);

    QElapsedTimer timer;
    timer.start();
    // What was uploaded: the stored bytes plus an incremental update.
    const QString sha256 = body.sha256Hex();
    auto staged = stageUploaded(file, body);
    if (!staged)
        return staged.error();
    // The CA's own certificate object (shared, not parsed again per upload: OpenSSL 3 spends ~1 ms on a parse).
    const Certificate anchor = m_context.ca->certificate();
    if (anchor.isNull())
        return makeError(ErrorCode::ServerError, QStringLiteral("the CA certificate is unavailable"));
    const qint64 stagedMs = timer.elapsed();
    auto inspected = SignatureInspector::inspectFile(staged->temporaryPath(), {anchor});
    if (!inspected)
        return pdfProblem(inspected.error());
    const qint64 inspectedMs = timer.elapsed();
    const int signatures = inspected->signatureCount();
    if (signatures != file.signatureCount + 1)
        return makeError(ErrorCode::UploadSignatureCount,
            QStringLiteral("%1 signatures, expected %2").arg(signatures).arg(file.signatureCount + 1));
    // Everything after the stored version must be the uploader's signature and nothing else: the next signer
    // must see exactly what the earlier ones signed. The signature itself is judged first, so that a broken one
    // gets its own code.
    int candidate = -1;
    for (int k = int(inspected->signatures.size()) - 1; k >= 0 && candidate < 0; --k) {
        const SignatureReport& report = inspected->signatures.at(k);
        if (report.signedRevisionEnd > file.size && report.subFilter != QLatin1String("ETSI.RFC3161"))
            candidate = k;
    }
    if (candidate < 0)
        return makeError(ErrorCode::UploadSignatureCount, QStringLiteral("no new signature"));
    const SignatureReport& added = inspected->signatures.at(candidate);
    if (added.verdict == SignatureVerdict::Invalid)
        return makeError(signatureProblem(added), added.problem.detail);
    Result<int> addedIndex = checkSignatureAppend(staged->temporaryPath(), file.size, *inspected);
    if (!addedIndex)
        return pdfProblem(addedIndex.error());
    if (*addedIndex != candidate)
        return makeError(ErrorCode::UploadSignatureCount, QStringLiteral("more than one new signature"));
    IKK_TRY(checkPlacedField(user.userId, staged->temporaryPath(), file.size));
    if (added.verdict != SignatureVerdict::Valid)
        return makeError(ErrorCode::UploadSignerMismatch, added.problem.detail);
    IKK_TRY(checkUploadedTimestamps(*inspected, candidate, file.size,
        parseSigningLevel(m_context.config.signatureLevel).value_or(SigningLevel::BLTA)));
    // The earlier signatures must still hold: the upload may not break what others signed.
    for (int k = 0; k < inspected->signatures.size(); ++k) {
        const SignatureReport& earlier = inspected->signatures.at(k);
        if (k != candidate && earlier.problem.code == ErrorCode::SignatureModified)
            return makeError(ErrorCode::UploadNotSignatureOnly,
                QStringLiteral("signature %1 no longer verifies: %2").arg(earlier.fieldName, earlier.problem.detail));
    }

    // The signer: the uploader's current certificate, issued by our CA and not revoked.
    auto certificate
        = m_context.database->exec(QStringLiteral("SELECT user_id, revoked_at, pem FROM certificates WHERE serial = ?"),
            {added.signerCertificate.serialNumberHex()});
    if (!certificate)
        return certificate.error();
    if (!certificate->next())
        return makeError(ErrorCode::UploadSignerMismatch, QStringLiteral("certificate not issued here"));
    const QString owner = certificate->value(0).toString();
    const bool revoked = !certificate->value(1).isNull();
    const QByteArray issuedDer = certificateDerFromPem(certificate->value(2).toString());
    certificate->finish();
    if (owner != user.userId || issuedDer.isEmpty() || issuedDer != added.signerCertificate.toDer())
        return makeError(ErrorCode::UploadSignerMismatch, QStringLiteral("certificate of someone else"));
    if (revoked)
        return makeError(ErrorCode::CertificateRevoked);

    // Commit: the bytes (immutable, by digest) and the rows in one transaction, conditional on the version signed;
    // in the directory store the bytes reach their place (synced) before the transaction and any row pointing at them.
    // The rows go into a group commit with the uploads finishing at the same moment (one COMMIT and one sync for all);
    // the savepoint of each keeps a refused one (e.g. the loser of two uploads on the same version) from the others.
    Database& db = *m_context.database;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 checkedMs = timer.elapsed();
    IKK_TRY(staged->placeBytes());
    const qint64 placedMs = timer.elapsed();
    int groupSize = 0;
    const std::function<Status()> write = [&]() -> Status {
        IKK_TRY(staged->commit());
        auto updated
            = db.execCount(QStringLiteral("UPDATE files SET version = version + 1, content_sha256 = ?, size = ?, "
                                          "signature_count = ?, signed_count = signed_count + 1, status = CASE WHEN "
                                          "signed_count + 1 >= required_signers THEN 2 ELSE 1 END, updated_at = ? "
                                          "WHERE file_id = ? AND version = ?"),
                {sha256, body.size(), signatures, now, file.fileId, baseVersion});
        IKK_TRY(updated);
        if (*updated != 1)
            return makeError(ErrorCode::VersionConflict, QStringLiteral("another signature was committed first"));
        auto marked = db.execCount(
            QStringLiteral("UPDATE file_permissions SET processed = 1, processed_at = ?, signed_version = ? "
                           "WHERE file_id = ? AND user_id = ? AND kind = 'sign' AND processed = 0"),
            {now, baseVersion + 1, file.fileId, user.userId});
        IKK_TRY(marked);
        if (*marked != 1)
            return makeError(ErrorCode::AlreadySigned);
        IKK_TRY(db.exec(QStringLiteral("INSERT INTO file_versions (file_id, version, content_sha256, size, "
                                       "signature_count, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {file.fileId, baseVersion + 1, sha256, body.size(), signatures, now, user.userId}));
        api::ProcessingResult result;
        result.userId = user.userId;
        result.userName = user.userName;
        result.fileId = file.fileId;
        result.folderName = file.folderName;
        result.fileName = file.name;
        result.action = api::ProcessingResult::Action::Sign;
        result.version = baseVersion + 1;
        result.client = client.userAgent;
        result.remote = client.remote;
        return ProcessingResults(m_context).record(result);
    };
    IKK_TRY(db.writeInGroup(write, &groupSize));
    *newVersion = baseVersion + 1;
    qCInfo(lcFiles).nospace() << "signed upload of " << file.fileId << " v" << *newVersion << " by " << user.userId
                              << " (" << body.size() << " bytes) accepted: staged " << stagedMs << " ms, inspected "
                              << inspectedMs << " ms, checked " << checkedMs << " ms, placed " << placedMs
                              << " ms, committed " << timer.elapsed() << " ms (group of " << groupSize << ")";
    return detail(user.userId, file.fileId);
}

// Rows are changed one by one rather than deleted and rewritten, so that what a signer or viewer already did
// (processed, processed_at, first_viewed_at, signed_version) survives for everyone who keeps a permission.
Result<api::FileEntry> Files::changePermissions(const api::UserInfo& admin, const QString& fileId,
    const QStringList& viewers, const QStringList& signers, bool signOrdered, const ClientInfo& client)
{
    if (signers.size() > kMaxSigners || viewers.size() > kMaxViewers)
        return makeError(ErrorCode::BadRequest, QStringLiteral("too many signers or viewers"));
    const QStringList people = signers + viewers;
    {
        QSet<QString> seen;
        for (const QString& userId : people) {
            if (seen.contains(userId))
                return makeError(ErrorCode::PermissionUserTwice, userId);
            seen.insert(userId);
        }
    }
    Database& db = *m_context.database;
    for (const QString& userId : people) {
        auto user = db.exec(QStringLiteral("SELECT may_sign FROM users WHERE user_id = ?"), {userId});
        if (!user)
            return user.error();
        if (!user->next())
            return makeError(ErrorCode::PermissionUserUnknown, userId);
        if (signers.contains(userId) && user->value(0).toInt() == 0)
            return makeError(ErrorCode::CertificateSetupNotAllowed, userId);
    }

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QString fileName;
    {
        WriteTransaction transaction(db);
        IKK_TRY(transaction.begin());
        auto file = db.exec(QStringLiteral("SELECT name FROM files WHERE file_id = ?"), {fileId});
        if (!file)
            return file.error();
        if (!file->next())
            return makeError(ErrorCode::FileNotFound);
        fileName = file->value(0).toString();
        file->finish();

        struct Row
        {
            QString userId;
            bool sign = false;
            bool processed = false;
        };
        QList<Row> current;
        {
            auto rows = db.exec(QStringLiteral("SELECT user_id, kind, processed FROM file_permissions "
                                               "WHERE file_id = ? ORDER BY kind, sign_position, user_id"),
                {fileId});
            if (!rows)
                return rows.error();
            while (rows->next())
                current.append({rows->value(0).toString(), rows->value(1).toString() == QLatin1String("sign"),
                    rows->value(2).toInt() != 0});
        }
        // Who has signed, in the order they signed (their positions).
        QStringList signedIds;
        for (const Row& row : std::as_const(current)) {
            if (row.sign && row.processed)
                signedIds.append(row.userId);
        }
        for (const QString& userId : std::as_const(signedIds)) {
            if (!signers.contains(userId))
                return makeError(ErrorCode::SignedSignerRemoved, userId);
        }
        // The new list must start with exactly the signed signers, in their order: a signature already in the file
        // cannot come after one still to be made.
        for (qsizetype i = 0; i < signedIds.size(); ++i) {
            if (signers.at(i) != signedIds.at(i))
                return makeError(ErrorCode::SignedSignerMoved, signers.at(i));
        }

        QSet<QString> keptSigners;
        QSet<QString> keptViewers;
        for (const Row& row : std::as_const(current)) {
            const bool keep = row.sign ? signers.contains(row.userId) : viewers.contains(row.userId);
            if (keep) {
                (row.sign ? keptSigners : keptViewers).insert(row.userId);
                continue;
            }
            IKK_TRY(db.exec(QStringLiteral("DELETE FROM file_permissions WHERE file_id = ? AND user_id = ?"),
                {fileId, row.userId}));
        }
        for (qsizetype i = 0; i < signers.size(); ++i) {
            if (keptSigners.contains(signers.at(i))) {
                IKK_TRY(db.exec(QStringLiteral("UPDATE file_permissions SET sign_position = ? "
                                               "WHERE file_id = ? AND user_id = ? AND kind = 'sign'"),
                    {int(i) + 1, fileId, signers.at(i)}));
            } else {
                IKK_TRY(grantPermission(db, fileId, signers.at(i), int(i) + 1));
            }
        }
        for (const QString& viewer : viewers) {
            if (!keptViewers.contains(viewer))
                IKK_TRY(grantPermission(db, fileId, viewer, 0));
        }
        const int signedCount = int(signedIds.size());
        const int required = int(signers.size());
        const int status = signedCount == 0 ? statusValue(api::SignatureStatus::Unsigned)
            : signedCount >= required       ? statusValue(api::SignatureStatus::Signed)
                                            : statusValue(api::SignatureStatus::Signing);
        IKK_TRY(db.exec(QStringLiteral("UPDATE files SET required_signers = ?, signed_count = ?, status = ?, "
                                       "sign_ordered = ?, updated_at = ? WHERE file_id = ?"),
            {required, signedCount, status, signOrdered ? 1 : 0, now, fileId}));
        m_context.audit(api::AuditEvent::FilePermissionsChanged, admin.userId, QString(),
            QStringLiteral("file=%1 name=%2 viewers=%3 signers=%4")
                .arg(fileId, fileName)
                .arg(viewers.size())
                .arg(signers.size()),
            client.remote);
        IKK_TRY(transaction.commit());
    }
    return adminDetail(fileId);
}

Result<StagedVersion> Files::stageAppended(const api::FileEntry& file, const QByteArray& bytes, QString* sha256) const
{
    auto current = m_store.read(file.sha256, file.size);
    if (!current)
        return current.error();
    if (bytes.size() <= current->size() || !bytes.startsWith(*current))
        return makeError(ErrorCode::UploadNotPrefix);
    return m_store.stage(bytes, sha256);
}

Result<StagedVersion> Files::stageUploaded(const api::FileEntry& file, const RequestBody& body) const
{
    if (body.size() <= file.size)
        return makeError(ErrorCode::UploadNotPrefix);
    auto current = m_store.open(file.sha256, file.size);
    IKK_TRY(current);
    for (qint64 offset = 0; offset < file.size;) {
        const QByteArray stored = (*current)->read(std::min<qint64>(FileStore::kChunkBytes, file.size - offset));
        if (stored.isEmpty())
            return makeError(
                ErrorCode::StoredContentDamaged, QStringLiteral("stored version ended early: ") + file.sha256);
        auto uploaded = body.read(offset, stored.size());
        IKK_TRY(uploaded);
        if (*uploaded != stored)
            return makeError(ErrorCode::UploadNotPrefix);
        offset += stored.size();
    }
    return m_store.stageFile(body.path(), body.sha256Hex(), body.size());
}

Result<int> Files::storeArchiveRenewal(const api::FileEntry& file, const QByteArray& bytes, const QString& detail)
{
    QString sha256;
    auto staged = stageAppended(file, bytes, &sha256);
    if (!staged)
        return staged.error();
    Database& db = *m_context.database;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    WriteTransaction transaction(db);
    IKK_TRY(transaction.begin());
    // In the database store the bytes join this transaction, so they and the version row commit together.
    IKK_TRY(staged->commit());
    auto updated = db.execCount(QStringLiteral("UPDATE files SET version = version + 1, content_sha256 = ?, size = ?, "
                                               "updated_at = ? WHERE file_id = ? AND version = ?"),
        {sha256, bytes.size(), now, file.fileId, file.version});
    if (!updated)
        return updated.error();
    if (*updated != 1)
        return makeError(ErrorCode::VersionConflict, QStringLiteral("the file changed during the renewal"));
    IKK_TRY(db.exec(QStringLiteral("INSERT INTO file_versions (file_id, version, content_sha256, size, "
                                   "signature_count, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {file.fileId, file.version + 1, sha256, bytes.size(), file.signatureCount, now, QStringLiteral("")}));
    m_context.audit(api::AuditEvent::FileArchiveRenewed, QString(), QString(),
        QStringLiteral("file=%1 name=%2 version=%3 %4").arg(file.fileId, file.name).arg(file.version + 1).arg(detail));
    IKK_TRY(transaction.commit());
    qCInfo(lcFiles).nospace() << "archive renewal of " << file.fileId << " v" << file.version + 1 << ": " << detail;
    return file.version + 1;
}

} // namespace ikkatsu::server
