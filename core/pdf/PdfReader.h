// A lean, lazy PDF reader: the cross-reference chain plus the few objects a signer or inspector asks for.
#pragma once

#include "common/Result.h"
#include "pdf/PdfObject.h"
#include "pdf/PdfSecurity.h"
#include "platform/NativeFile.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace ikkatsu::pdf {

enum class XrefEntryType : quint8 { Free, InFile, InObjectStream };

struct XrefEntry
{
    qint64 offset = 0; // InFile: byte offset; InObjectStream: the object stream's number
    quint32 generationOrIndex = 0; // InFile/Free: generation; InObjectStream: index inside the stream
    XrefEntryType type = XrefEntryType::Free;
};

struct XrefSubsection
{
    quint32 first = 0;
    std::vector<XrefEntry> entries;
};

// One cross-reference section: a classic table with its trailer, or a cross-reference stream.
struct XrefSection
{
    qint64 offset = 0; // what startxref or /Prev said
    bool isStream = false;
    bool isHybridStream = false; // the /XRefStm stream of a classic section (hybrid file), not a revision of its own
    PdfObject trailer; // the trailer dictionary, or the xref stream's dictionary
    std::vector<XrefSubsection> subsections; // sorted by first
};

// Opens a file read-only and reads its cross-reference chain; every other object is read on demand. Memory use
// does not depend on the file size (only on the number of cross-reference entries, which is capped).
// Not thread-safe; use one reader per thread.
class PdfReader
{
public:
    static constexpr qint64 kMaxObjectSize = 64LL << 20; // one object's syntax (stream data excluded)
    static constexpr qint64 kMaxDecodedStream = 64LL << 20; // an xref or object stream after decompression
    static constexpr int kMaxSections = 10000; // /Prev chain length
    static constexpr qint64 kMaxXrefEntries = 8LL << 20; // summed over all sections

    // PdfNotPdf, PdfXrefBroken, PdfMalformed, PdfUnsupported or InputFileUnreadable.
    // `prefixSize` >= 0 reads the file as if it ended there: the document as an earlier revision (a signed
    // range) left it, with nothing of what follows.
    // An encrypted document is opened with `password` as its user password (empty: what owner-password-only
    // documents use); when that works, the strings and streams of objects read here come back decrypted.
    // When it does not, opening still succeeds (the structure is readable) and encryptionStatus() says why.
    static Result<std::unique_ptr<PdfReader>> open(
        const QString& path, qint64 prefixSize = -1, const QByteArray& password = {});
    ~PdfReader();
    PdfReader(const PdfReader&) = delete;
    PdfReader& operator=(const PdfReader&) = delete;

    const platform::NativeFile& file() const { return m_file; }
    qint64 fileSize() const { return m_fileSize; }
    qint64 startxref() const { return m_startxref; }
    // Newest first; a hybrid file's /XRefStm stream follows the classic section that names it.
    const std::vector<XrefSection>& sections() const { return m_sections; }
    const XrefSection& newestSection() const { return m_sections[m_view]; }
    // The newest trailer (for an xref stream: its dictionary).
    const PdfObject& trailer() const { return m_sections[m_view].trailer; }
    // Reads the document as the revision whose newest section is sections()[first] left it: lookups, /Root
    // and trailer() ignore the newer sections. 0 is the whole document.
    Status setView(size_t first);
    size_t view() const { return m_view; }
    // /Root of the newest trailer that has one.
    PdfRef rootRef() const { return m_root; }
    bool isEncrypted() const { return m_encrypted; }
    // OK when the document is not encrypted or its key is known; else PdfEncrypted (a user password is needed),
    // PdfPasswordWrong or PdfEncryptionUnsupported (or PdfMalformed for a damaged /Encrypt).
    const Status& encryptionStatus() const { return m_encryptionStatus; }
    // The document's security handler once the key is known, else nullptr.
    const PdfSecurity* security() const { return m_security ? &*m_security : nullptr; }
    // The first object number not used by any section (at least the trailer's /Size).
    quint32 nextFreeObjectNumber() const { return m_nextNumber; }

    std::optional<XrefEntry> lookup(quint32 number) const;
    // The object `ref` names. A free or missing entry yields null, as ISO 32000 says. Broken offsets: PdfXrefBroken.
    Result<PdfObject> object(PdfRef ref);
    // `value` itself, or what it refers to (references to references are followed a few steps).
    Result<PdfObject> resolve(const PdfObject& value);
    // Raw (still encoded) data of a stream read from this file.
    Result<QByteArray> rawStreamData(const PdfObject& stream, qint64 maxSize);
    // Decrypted (when the stream was read through object() of an encrypted document) and decoded.
    Result<QByteArray> decodedStreamData(const PdfObject& stream, qint64 maxSize);

    // Bytes [offset, offset + length) of the file, clipped to its end.
    Result<QByteArray> read(qint64 offset, qint64 length) const;

    // Incremental-update bookkeeping: a linearized file's two sections count as one revision.
    int revisionCount() const;
    // Revisions whose sections all start at or after `position`.
    int revisionsStartingAtOrAfter(qint64 position) const;
    // True when the file ends a revision at `position`: "startxref N %%EOF" (plus at most one EOL) ends there
    // and N is a section of the chain.
    bool isRevisionEnd(qint64 position) const;

private:
    PdfReader() = default;
    Status readStructure();
    Status openSecurity(const QByteArray& password);
    Result<qint64> findStartxref() const;
    // Like read(), but without copying when the whole file is in memory; must not outlive the reader.
    Result<QByteArray> window(qint64 offset, qint64 length) const;
    // Reads the section at `offset` (and a hybrid file's /XRefStm stream); returns its /Prev, 0 when none.
    Result<qint64> readSection(qint64 offset);
    Result<XrefSection> readClassicSection(qint64 offset);
    Result<XrefSection> readStreamSection(qint64 offset);
    Result<PdfObject> parseIndirectAt(qint64 offset, PdfRef* found);
    Result<PdfObject> objectFromStream(quint32 streamNumber, quint32 index, quint32 number);

    struct ObjectStream
    {
        quint32 number = 0;
        qint64 offset = 0; // where the stream object sits: a later revision may redefine the same number
        QByteArray data;
        qint64 first = 0;
        std::vector<std::pair<quint32, qint64>> offsets;
    };
    Result<const ObjectStream*> objectStream(quint32 number);

    platform::NativeFile m_file;
    qint64 m_fileSize = 0;
    QByteArray m_whole; // the whole file when it is small: fewer system calls for the common case
    qint64 m_startxref = 0;
    std::vector<XrefSection> m_sections;
    PdfRef m_root;
    size_t m_view = 0;
    bool m_encrypted = false;
    Status m_encryptionStatus;
    std::optional<PdfSecurity> m_security;
    PdfRef m_encryptRef; // never decrypted
    quint32 m_nextNumber = 1;
    qint64 m_entryCount = 0;
    int m_depth = 0;
    std::vector<std::unique_ptr<ObjectStream>> m_objectStreams; // a small cache, newest last
};

} // namespace ikkatsu::pdf
