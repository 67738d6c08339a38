// The administrator's 印 boxes: empty signature fields written into the stored PDF as a version of its own, and
// the part of the upload rule that makes each signer sign into their own box. The PDF is the only record of them.
#include "files/Files.h"

#include "api/SealDto.h"
#include "pdf/DifferenceAnalysis.h"
#include "pdf/PdfReader.h"
#include "pdf/SignatureFields.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSet>

namespace ikkatsu::server {

Q_DECLARE_LOGGING_CATEGORY(lcFiles)

namespace {

constexpr int kMaxUserIdLength = 64; // as api::SignatureBox: longer names cannot be anyone's ID

// Which of `names` are user IDs (one query per distinct plausible name).
Result<QSet<QString>> userIds(Database& db, const QSet<QString>& names)
{
    QSet<QString> found;
    for (const QString& name : names) {
        if (name.isEmpty() || name.size() > kMaxUserIdLength)
            continue;
        auto row = db.exec(QStringLiteral("SELECT 1 FROM users WHERE user_id = ?"), {name});
        if (!row)
            return row.error();
        if (row->next())
            found.insert(name);
    }
    return found;
}

Result<std::vector<pdf::SignatureFieldInfo>> fieldsOf(const QString& path, qint64 prefixSize = -1)
{
    Result<std::unique_ptr<pdf::PdfReader>> opened = pdf::PdfReader::open(path, prefixSize);
    if (!opened)
        return opened.error();
    return pdf::listSignatureFields(**opened);
}

// How many filled fields of each name.
QHash<QString, int> filledCounts(const std::vector<pdf::SignatureFieldInfo>& fields)
{
    QHash<QString, int> counts;
    for (const pdf::SignatureFieldInfo& field : fields) {
        if (field.filled)
            ++counts[field.name];
    }
    return counts;
}

} // namespace

Result<QList<api::SignatureBox>> Files::boxesOf(const api::FileEntry& file, const QString& path) const
{
    Q_UNUSED(file);
    auto fields = fieldsOf(path);
    if (!fields)
        return fields.error();
    QSet<QString> names;
    for (const pdf::SignatureFieldInfo& field : *fields)
        names.insert(field.name);
    auto users = userIds(*m_context.database, names);
    if (!users)
        return users.error();
    QList<api::SignatureBox> boxes;
    for (const pdf::SignatureFieldInfo& field : *fields) {
        if (field.page < 1 || !users->contains(field.name))
            continue;
        api::SignatureBox box;
        box.userId = field.name;
        box.page = field.page;
        box.rect = field.rect;
        box.filled = field.filled;
        boxes.append(box);
    }
    return boxes;
}

Result<QList<api::SignatureBox>> Files::signatureBoxes(const QString& fileId) const
{
    auto file = adminDetail(fileId);
    if (!file)
        return file.error();
    auto bytes = m_store.read(file->sha256, file->size);
    if (!bytes)
        return bytes.error();
    // A temporary copy for the reader (the database store has no file); dropped unstaged.
    QString sha256;
    auto copy = m_store.stage(*bytes, &sha256);
    if (!copy)
        return copy.error();
    return boxesOf(*file, copy->temporaryPath());
}

Status Files::checkBoxSigners(const QList<api::SignatureBox>& boxes, const QHash<QString, bool>& signers)
{
    if (boxes.isEmpty())
        return makeError(ErrorCode::SealPlacementInvalid, QStringLiteral("no signature box to place"));
    if (boxes.size() > api::SignatureBox::kMaxBoxes)
        return makeError(ErrorCode::SealPlacementInvalid,
            QStringLiteral("at most %1 signature boxes per document").arg(api::SignatureBox::kMaxBoxes));
    QSet<QString> seen;
    for (const api::SignatureBox& box : boxes) {
        IKK_TRY(box.validate());
        if (seen.contains(box.userId))
            return makeError(ErrorCode::SealPlacementInvalid,
                QStringLiteral("two boxes for signer '%1'; each signer has one")
                    .arg(box.userId.left(kMaxUserIdLength)));
        seen.insert(box.userId);
        if (!signers.contains(box.userId))
            return makeError(ErrorCode::SignatureBoxSignerNotAllowed, box.userId.left(kMaxUserIdLength));
        if (signers.value(box.userId))
            return makeError(ErrorCode::SignatureBoxSignerSigned, box.userId);
    }
    return {};
}

Result<QByteArray> Files::appendSignatureBoxes(
    const QString& currentPath, const QByteArray& current, const QList<api::SignatureBox>& boxes) const
{
    Result<std::unique_ptr<pdf::PdfReader>> opened = pdf::PdfReader::open(currentPath);
    if (!opened)
        return opened.error();
    pdf::PdfReader& reader = **opened;
    auto existing = boxesOf(api::FileEntry(), currentPath);
    if (!existing)
        return existing.error();
    if (existing->size() + boxes.size() > api::SignatureBox::kMaxBoxes)
        return makeError(ErrorCode::SealPlacementInvalid,
            QStringLiteral("at most %1 signature boxes per document").arg(api::SignatureBox::kMaxBoxes));
    std::vector<pdf::NewSignatureField> fields;
    for (const api::SignatureBox& box : boxes)
        fields.push_back({api::sealFieldName(box.userId), box.page, box.rect});
    // Refusals of the document itself (a name taken, page, rectangle, DocMDP /P 1, encryption) come from here.
    Result<QByteArray> appended = pdf::signatureFieldsRevision(reader, fields);
    if (!appended)
        return appended.error();
    const QByteArray bytes = current + *appended;
    if (bytes.size() > m_context.config.maxFileBytes)
        return makeError(ErrorCode::FileTooLarge);
    return bytes;
}

Status Files::checkBoxesWritten(const QString& path, qint64 priorSize, const QList<api::SignatureBox>& boxes) const
{
    // As any later verifier will judge it: the new revision only adds empty signature fields, which every earlier
    // signature allows (form filling), and every box reads back where it was asked for.
    Result<std::unique_ptr<pdf::PdfReader>> written = pdf::PdfReader::open(path);
    if (!written)
        return makeError(ErrorCode::SelfVerificationFailed, written.error().detail);
    auto changes = pdf::DifferenceAnalysis::analyze(path, **written, priorSize);
    if (!changes)
        return makeError(ErrorCode::SelfVerificationFailed, changes.error().detail);
    if (changes->level > pdf::ModificationLevel::FormFilling || changes->revisions.size() != 1
        || changes->revisions.front().emptySignatureFieldsAdded != int(boxes.size())
        || changes->revisions.front().signaturesAdded != 0)
        return makeError(ErrorCode::SelfVerificationFailed,
            QStringLiteral("the new revision is more than %1 empty signature fields").arg(boxes.size()));
    auto placed = boxesOf(api::FileEntry(), path);
    if (!placed)
        return makeError(ErrorCode::SelfVerificationFailed, placed.error().detail);
    for (const api::SignatureBox& box : boxes) {
        const bool found = std::any_of(placed->cbegin(), placed->cend(), [&](const api::SignatureBox& read) {
            return read.userId == box.userId && read.page == box.page && !read.filled;
        });
        if (!found)
            return makeError(
                ErrorCode::SelfVerificationFailed, QStringLiteral("%1 does not read back").arg(box.userId));
    }
    return {};
}

QString Files::boxesForAudit(const QList<api::SignatureBox>& boxes)
{
    QStringList placedFor;
    for (const api::SignatureBox& box : boxes)
        placedFor.append(QStringLiteral("%1@p%2").arg(box.userId).arg(box.page));
    return placedFor.join(QLatin1Char(','));
}

Result<QList<api::SignatureBox>> Files::placeSignatureBoxes(
    const api::UserInfo& admin, const QString& fileId, const QList<api::SignatureBox>& boxes, const ClientInfo& client)
{
    auto file = adminDetail(fileId);
    if (!file)
        return file.error();
    if (file->requiredSigners > 0 && file->signedCount >= file->requiredSigners)
        return makeError(ErrorCode::SignatureBoxFileClosed);
    QHash<QString, bool> signers; // user ID → has signed
    for (const api::SignerState& signer : std::as_const(file->signers))
        signers.insert(signer.userId, signer.hasSigned);
    IKK_TRY(checkBoxSigners(boxes, signers));

    auto current = m_store.read(file->sha256, file->size);
    if (!current)
        return current.error();
    QString currentSha;
    auto copy = m_store.stage(*current, &currentSha);
    if (!copy)
        return copy.error();
    auto bytes = appendSignatureBoxes(copy->temporaryPath(), *current, boxes);
    if (!bytes)
        return bytes.error();
    QString sha256;
    auto staged = stageAppended(*file, *bytes, &sha256);
    if (!staged)
        return staged.error();
    IKK_TRY(checkBoxesWritten(staged->temporaryPath(), file->size, boxes));

    // As uploads: the bytes reach their place (synced) before the transaction and any row pointing at them.
    Database& db = *m_context.database;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    IKK_TRY(staged->placeBytes());
    {
        WriteTransaction transaction(db);
        IKK_TRY(transaction.begin());
        IKK_TRY(staged->commit());
        auto updated = db.execCount(QStringLiteral("UPDATE files SET version = version + 1, content_sha256 = ?, "
                                                   "size = ?, updated_at = ? WHERE file_id = ? AND version = ?"),
            {sha256, bytes->size(), now, file->fileId, file->version});
        if (!updated)
            return updated.error();
        if (*updated != 1)
            return makeError(
                ErrorCode::VersionConflict, QStringLiteral("the file changed while the boxes were placed"));
        IKK_TRY(db.exec(QStringLiteral("INSERT INTO file_versions (file_id, version, content_sha256, size, "
                                       "signature_count, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {file->fileId, file->version + 1, sha256, bytes->size(), file->signatureCount, now, admin.userId}));
        m_context.audit(api::AuditEvent::FileSignatureBoxesPlaced, admin.userId, QString(),
            QStringLiteral("file=%1 name=%2 version=%3 boxes=%4")
                .arg(file->fileId, file->name)
                .arg(file->version + 1)
                .arg(boxesForAudit(boxes)),
            client.remote);
        IKK_TRY(transaction.commit());
    }
    qCInfo(lcFiles).nospace() << "signature boxes placed in " << file->fileId << " v" << file->version + 1 << " by "
                              << admin.userId << ": " << boxes.size();
    return signatureBoxes(file->fileId);
}

Status Files::checkPlacedField(const QString& userId, const QString& uploadedPath, qint64 storedSize) const
{
    auto before = fieldsOf(uploadedPath, storedSize);
    if (!before)
        return before.error();
    auto after = fieldsOf(uploadedPath);
    if (!after)
        return after.error();
    const QString mine = api::sealFieldName(userId);
    // The fields the upload signed: filled now, not before (by name; two fields may share one).
    const QHash<QString, int> filledBefore = filledCounts(*before);
    const QHash<QString, int> filledAfter = filledCounts(*after);
    QSet<QString> signedNow;
    for (auto it = filledAfter.cbegin(); it != filledAfter.cend(); ++it) {
        if (it.value() > filledBefore.value(it.key()))
            signedNow.insert(it.key());
    }
    // Someone else's box (or a field named for another user, which would become theirs): never.
    QSet<QString> others = signedNow;
    others.remove(mine);
    auto named = userIds(*m_context.database, others);
    if (!named)
        return named.error();
    if (!named->isEmpty())
        return makeError(ErrorCode::UploadInOthersField, named->values().constFirst());
    // A box placed for the uploader: the signature must fill it, so that no empty box of theirs is left behind.
    const bool placedForMe = std::any_of(before->cbegin(), before->cend(),
        [&](const pdf::SignatureFieldInfo& field) { return field.name == mine && !field.filled && field.page > 0; });
    if (!placedForMe)
        return {};
    const bool stillEmpty = std::any_of(after->cbegin(), after->cend(),
        [&](const pdf::SignatureFieldInfo& field) { return field.name == mine && !field.filled; });
    if (stillEmpty || !signedNow.contains(mine) || signedNow.size() != 1)
        return makeError(
            ErrorCode::UploadOutsidePlacedField, QStringLiteral("the box placed for %1 is still empty").arg(userId));
    return {};
}

} // namespace ikkatsu::server
