// Folders, files and their view/sign permissions: registration, My Page list, download, and the signed-upload rule.
#pragma once

#include "ServerContext.h"
#include "api/Dto.h"
#include "api/FileDto.h"
#include "api/SignatureBoxDto.h"
#include "files/FileStore.h"
#include "http/RequestBody.h"
#include "results/ProcessingResults.h"

#include <QHash>

namespace ikkatsu::server {

class Files
{
public:
    explicit Files(ServerContext& context);

    static constexpr int kFolderNameMax = 100;
    static constexpr int kFileNameMax = 200;
    static constexpr int kMaxSigners = 50;
    static constexpr int kMaxViewers = 1000;
    static constexpr int kMaxBatch = 200;

    // Duplicate names are refused with DuplicateFileName (E3008), for folders as for files.
    Result<api::FolderInfo> createFolder(const api::UserInfo& admin, const QString& name, const ClientInfo& client);
    Result<QList<api::FolderInfo>> folders() const;

    // Each file is checked and stored on its own: the answer lists, in request order, the stored file or the
    // code it was refused with (FileNameInvalid, FileTooLarge, NotAPdf or the PDF's E4xxx problem,
    // DuplicateFileName, BadRequest for unknown users or a user named twice). FolderNotFound fails the batch.
    // A file's `boxes` are written into version 1 itself under the rules of placeSignatureBoxes (boxes only for the
    // file's signers, page, rectangle, duplicates, count, taken names; the same codes); a refused box refuses its
    // file. `refusals[i]`, when set, refuses files[i] with that error unseen (its boxes could not be read).
    Result<QList<api::NewFileOutcome>> registerFiles(const api::UserInfo& admin, const QString& folderId,
        const QList<api::NewFile>& files, const ClientInfo& client, const QList<std::optional<Error>>& refusals = {});

    // ファイル情報リスト: only files on which `userId` holds a permission.
    Result<api::FileListPage> list(const QString& userId, const api::FileListFilter& filter) const;
    // One file with its signers; FileNotFound also when the caller holds no permission on it.
    Result<api::FileEntry> detail(const QString& userId, const QString& fileId) const;
    // Administrators: every file of a folder (or all), newest first, with signers and viewers on request.
    Result<api::FileListPage> adminList(const QString& folderId, int offset, int limit) const;
    Result<api::FileEntry> adminDetail(const QString& fileId) const;
    // Administrators: the viewers and signers of a registered file, replaced by the given lists (signers in
    // signing order). A signer who has signed stays, ahead of every signer who has not, in the order they signed
    // (SignedSignerRemoved E3012, SignedSignerMoved E3013); unknown users (E3014) and a user named twice (E3015)
    // are refused, as are signers without the right to sign. Audited as file.permissions_changed.
    Result<api::FileEntry> changePermissions(const api::UserInfo& admin, const QString& fileId,
        const QStringList& viewers, const QStringList& signers, bool signOrdered, const ClientInfo& client);

    struct Download
    {
        QByteArray bytes; // empty when `stream` is set
        std::shared_ptr<QIODevice> stream; // with `streamed`: the bytes, read chunk by chunk as the answer goes out
        int version = 0;
        QString sha256;
        QString name;
    };
    // The current version; records the view in 処理結果 and marks a viewer's 本人処理状況 as 処理済. A download
    // `forSigning` (a batch fetching what it will sign) is not a 閲覧: only a required signer may ask for one
    // (NoSignPermission E3004 otherwise, so that a viewer cannot read unrecorded), and their upload is the record.
    Result<Download> download(const api::UserInfo& user, const QString& fileId, const ClientInfo& client,
        bool record = true, bool streamed = false, bool forSigning = false);
    // Administrators: the bytes of any stored version (FileNotFound E3002 for an unknown file or version). Not a
    // view in 処理結果 and no change to anyone's 本人処理状況.
    Result<Download> adminVersion(const QString& fileId, int version, bool streamed = false) const;

    // The integrity rule of signed uploads (see docs/api/openapi.yaml, PUT /files/{fileId}/content). On any
    // refusal the stored version stays as it was and the refusal is recorded in 処理結果.
    // `body` is the upload as the HTTP server spooled it (file, size, SHA-256); it becomes the version by a link.
    Result<api::FileEntry> uploadSigned(const api::UserInfo& user, const QString& fileId, int baseVersion,
        const RequestBody& body, const ClientInfo& client);

    // Archive renewal by the server itself: `bytes` (the current version `file` names plus the validation data and
    // document timestamp revisions, checked by the caller) become the next version, created by "" (the server), audited
    // as file.archive_renewed with `detail`. VersionConflict when the file changed meanwhile (the next run renews
    // that version); UploadNotPrefix when `bytes` do not extend it.
    Result<int> storeArchiveRenewal(const api::FileEntry& file, const QByteArray& bytes, const QString& detail);

    // Administrators: the 印 boxes of the current version, read from its PDF (the source of truth): every top-level
    // signature field on a page that is named with a user's ID, `filled` once it holds a signature.
    Result<QList<api::SignatureBox>> signatureBoxes(const QString& fileId) const;
    // Administrators: `boxes` added to the current version as empty signature fields named for their signers, as
    // the next version (a box once placed is permanent). Refused: FileNotFound, SignatureBoxFileClosed (E3019, every
    // signer has signed), SignatureBoxSignerNotAllowed (E3017, not a signer of this file), SignatureBoxSignerSigned
    // (E3018), SealPlacementInvalid (more than SignatureBox::kMaxBoxes in the document), SignatureFieldExists (E4228),
    // SealPageOutOfRange, SealRectInvalid, PdfLockedByDocMdp, VersionConflict. Audited as
    // file.signature_boxes_placed. Answers the boxes of the new version.
    Result<QList<api::SignatureBox>> placeSignatureBoxes(const api::UserInfo& admin, const QString& fileId,
        const QList<api::SignatureBox>& boxes, const ClientInfo& client);

private:
    // The rules every placement of boxes follows (PUT and registration): at least one and at most
    // SignatureBox::kMaxBoxes, each well-formed and for a different signer (SealPlacementInvalid E3016), who is one
    // of `signers` (user ID → has signed; SignatureBoxSignerNotAllowed E3017) and has not signed (E3018).
    static Status checkBoxSigners(const QList<api::SignatureBox>& boxes, const QHash<QString, bool>& signers);
    // `current` (readable at `currentPath`) with `boxes` appended as empty signature fields in one update: at most
    // SignatureBox::kMaxBoxes with those already placed (E3016), and signatureFieldsRevision's refusals (E4228 name
    // taken, E4223 page, E4222 rectangle, E4005 DocMDP /P 1, encryption); FileTooLarge beyond the size limit.
    Result<QByteArray> appendSignatureBoxes(
        const QString& currentPath, const QByteArray& current, const QList<api::SignatureBox>& boxes) const;
    // Self-check of `path` = a version of `priorSize` bytes plus appendSignatureBoxes' update (SelfVerificationFailed).
    Status checkBoxesWritten(const QString& path, qint64 priorSize, const QList<api::SignatureBox>& boxes) const;
    // "user@p1,other@p2" for the audit trail.
    static QString boxesForAudit(const QList<api::SignatureBox>& boxes);
    // The signature fields of a stored version that are named with a user's ID (the placed 印 boxes).
    Result<QList<api::SignatureBox>> boxesOf(const api::FileEntry& file, const QString& path) const;
    // Upload rule for placed boxes: the uploader's signature fills the box placed for them, if any, and no one
    // else's (UploadOutsidePlacedField E4229, UploadInOthersField E4230).
    // `uploadedPath` holds the stored version (its first `storedSize` bytes) plus the upload.
    Status checkPlacedField(const QString& userId, const QString& uploadedPath, qint64 storedSize) const;
    // The stored bytes of one version, whole or as a device.
    Result<Download> fetch(const QString& sha256, qint64 size, bool streamed) const;
    // `bytes` staged as the file's next version, after checking they are its stored version plus an update
    // (UploadNotPrefix otherwise) — the rule for uploads and archive renewals alike.
    Result<StagedVersion> stageAppended(const api::FileEntry& file, const QByteArray& bytes, QString* sha256) const;
    // The same for an upload in a file: compared with the stored version a chunk at a time, staged by a link.
    Result<StagedVersion> stageUploaded(const api::FileEntry& file, const RequestBody& body) const;
    Result<api::FileEntry> checkAndStoreSigned(const api::UserInfo& user, const api::FileEntry& file, int baseVersion,
        const RequestBody& body, const ClientInfo& client, int* newVersion);
    Result<api::NewFileOutcome> registerOne(
        const api::UserInfo& admin, const api::FolderInfo& folder, const api::NewFile& file, const ClientInfo& client);
    Result<std::optional<api::FolderInfo>> findFolder(const QString& folderId) const;
    Result<QList<api::SignerState>> signersOf(const QString& fileId) const;
    Result<std::optional<api::FileEntry>> findVisible(const QString& userId, const QString& fileId) const;

    ServerContext& m_context;
    FileStore m_store;
};

} // namespace ikkatsu::server
