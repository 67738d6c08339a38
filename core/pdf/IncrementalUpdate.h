// The bytes of one incremental update: changed and new objects plus a cross-reference section in the input's style.
#pragma once

#include "common/Result.h"
#include "pdf/PdfObject.h"

#include <QByteArray>

#include <map>

namespace ikkatsu::pdf {

class PdfReader;

class PdfSecurity;

enum class XrefStyle {
    Table, // classic "xref" table and trailer dictionary
    Stream, // cross-reference stream (PDF 1.5)
};

class IncrementalUpdate
{
public:
    // `firstFreeNumber`: the first object number the existing file does not use.
    explicit IncrementalUpdate(quint32 firstFreeNumber);

    PdfRef allocate();
    // Adds a new object or replaces an existing one (the new cross-reference entry overrides the old one, even
    // when the old object lived in an object stream).
    void put(PdfRef ref, PdfObject object);
    // Like put(), with the object's syntax given verbatim (used for the signature dictionary's placeholders).
    void putRaw(PdfRef ref, QByteArray syntax);
    // put() for an encrypted document (`security` not null): the object's strings are encrypted for `ref`.
    Status putEncrypted(PdfRef ref, PdfObject object, const PdfSecurity* security);
    // A stream object with `data` as stored (already filtered as `dict` says); /Length is set here, and in an
    // encrypted document the data is encrypted for `ref`.
    Status putStream(PdfRef ref, PdfObject dict, const QByteArray& data, const PdfSecurity* security);
    int objectCount() const { return static_cast<int>(m_objects.size()); }

    struct TrailerFields
    {
        PdfObject root;
        PdfObject info; // null when the document has none
        PdfObject id; // null when the document has none
        PdfObject encrypt; // the document's /Encrypt (usually a reference), null when not encrypted
        qint64 prev = 0;
    };

    // Serializes the update to start at file offset `startOffset`. Afterwards offsetOf() tells where each object
    // landed (relative to the start of the file). Ends with "%%EOF\n". A Table section that would land beyond the
    // ten digits a table entry holds is written as a stream.
    QByteArray write(qint64 startOffset, XrefStyle style, const TrailerFields& trailer);
    // The update as the next revision of the file `reader` reads, ready to append to it: on a line of its own, in
    // the newest section's cross-reference style (hybrid files get a classic section: older readers must still
    // follow it), the trailer's /Root, /Info, /ID and /Encrypt carried on (an encrypted document keeps its key),
    // /Prev naming the newest section.
    Result<QByteArray> writeAfter(PdfReader& reader);
    // The file offset of "n g obj" after write(); -1 when unknown.
    qint64 offsetOf(PdfRef ref) const;
    qint64 startxref() const { return m_startxref; }

private:
    struct Pending
    {
        quint16 generation = 0;
        bool raw = false;
        PdfObject object;
        QByteArray syntax;
        qint64 offset = -1;
    };
    quint32 m_next;
    std::map<quint32, Pending> m_objects; // ordered: the cross-reference section lists numbers ascending
    qint64 m_startxref = -1;
};

} // namespace ikkatsu::pdf
