// What changed after a signed revision: every object a later revision adds, changes or frees, explained by a rule.
#pragma once

#include "common/Result.h"
#include "pdf/PdfReader.h"

#include <QSet>
#include <QString>

#include <vector>

namespace ikkatsu::pdf {

// How far later revisions went, in the order of ISO 32000-2 §12.8.2.2's DocMDP levels; Disallowed is anything
// no rule explains.
enum class ModificationLevel : quint8 {
    None, // nothing changed (or only identical re-definitions)
    LtaUpdates, // /DSS, document timestamps, cross-reference and object streams
    FormFilling, // signing (new or existing signature fields) and filling existing form fields
    Annotations, // adding, changing or removing annotations
    Disallowed, // content, pages, Info, metadata, freed or re-defined signed objects, …
};

QString modificationLevelName(ModificationLevel level); // "none", "lta-updates", "form-filling", …

// One added, changed or freed object and the rule that explains it (or none).
struct ObjectChange
{
    quint32 number = 0; // 0 for the trailer
    QString what; // what the object is in the signed revision: "page", "content stream", "Info dictionary", …
    QString change; // what happened to it: "added", "freed", "/Contents changed", …
    ModificationLevel level = ModificationLevel::Disallowed;
};

// What one later revision (together with those before it) did to the signed revision.
struct RevisionChanges
{
    qint64 firstSectionOffset = 0; // where this revision's (oldest) cross-reference section starts
    size_t sectionIndex = 0; // PdfReader::sections() index of its newest section
    ModificationLevel level = ModificationLevel::None;
    // Counted from the signed revision up to and including this one.
    int signaturesAdded = 0; // new signature fields with a signature, or empty ones now signed
    int timestampsAdded = 0; // document timestamps (/Type /DocTimeStamp)
    int emptySignatureFieldsAdded = 0; // invisible placeholders
    int fieldsFilled = 0; // non-signature form fields whose value changed
    int annotationsChanged = 0;
    bool dssChanged = false;
};

struct DifferenceReport
{
    ModificationLevel level = ModificationLevel::None; // the highest any later revision reached
    std::vector<RevisionChanges> revisions; // the later revisions, oldest first
    std::vector<ObjectChange> changes; // every change found, once per object and kind, in file order
    bool truncated = false; // more changes than kMaxChanges were found; the list holds the first ones

    // Changes above `allowed`: what the signature's verdict must name.
    std::vector<ObjectChange> beyond(ModificationLevel allowed) const;
};

// FieldMDP locks of the signature being checked (ISO 32000-2 §12.8.2.4): fully qualified field names.
struct AnalysisPolicy
{
    bool lockAll = false; // /Action /All, or /Exclude with unlockedFields
    QSet<QString> lockedFields; // /Action /Include
    QSet<QString> unlockedFields; // /Action /Exclude
    int lockPermission = 0; // PDF 2.0 /P of the FieldMDP parameters: 1 locks the whole document ("lock after signing")

    // Whether the field of fully qualified `name` may no longer change.
    bool locks(const QString& name) const
    {
        return lockAll ? !unlockedFields.contains(name) : lockedFields.contains(name);
    }
};

// The FieldMDP locks a signature dictionary's /Reference names. Unreadable parts lock nothing.
AnalysisPolicy fieldMdpPolicy(PdfReader& reader, const PdfObject& signature);

class DifferenceAnalysis
{
public:
    static constexpr int kMaxChanges = 200;
    // Bounds for hostile files: objects listed after a signature, and revisions after it.
    static constexpr qint64 kMaxTouchedObjects = 50000;
    static constexpr int kMaxLaterRevisions = 500;

    // Compares every revision that `document` (the whole file) has after `signedEnd` with the document as the
    // prefix [0, signedEnd) left it. `path` is the file `document` reads. The document's view is restored.
    // Fails only when the file cannot be read at all; everything else is a change in the report.
    static Result<DifferenceReport> analyze(
        const QString& path, PdfReader& document, qint64 signedEnd, const AnalysisPolicy& policy = {});
};

} // namespace ikkatsu::pdf
