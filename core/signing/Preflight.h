// Pre-flight: what signing one PDF will do and what it would break, told before any PIN is asked.
#pragma once

#include "api/ErrorCode.h"
#include "crypto/Certificate.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace ikkatsu {

// Ordered: a report's worst finding decides what the batch does with the file.
enum class PreflightSeverity : quint8 {
    Info, // nothing to do: what the signature keeps or adds
    Warning, // signing works but changes something the user should know about
    NeedsPassword, // a user password is needed to open (and so to sign) the document
    Blocks, // the file cannot be signed; `code` says why
};

struct PreflightFinding
{
    PreflightSeverity severity = PreflightSeverity::Info;
    // Stable name for code and tests: "damaged", "server", "encryption", "signature", "certification", "field-lock",
    // "usage-rights", "pdf-version", "pdfa".
    QString kind;
    QString text; // whole translated sentences, meant to be shown in full
    std::optional<ErrorCode> code; // for NeedsPassword and Blocks
};

// The signer's situation: what the server said about the file (when known) and what the signature will be.
struct PreflightSituation
{
    QByteArray password; // the user password entered for this document, if any
    bool maySign = true; // false: a viewer only
    bool signedByMe = false;
    std::optional<bool> myTurn; // unknown for local files
    QString fieldName; // sign into this existing empty field instead of a new one
    bool visibleSeal = false; // the signature draws a 印影 (SealAppearance)
    int certify = 0; // 1–3: the signature would certify the document
    QList<Certificate> trustAnchors; // for the verdicts of existing signatures
};

struct PreflightReport
{
    QList<PreflightFinding> findings; // in the order they were found
    QString pdfVersion; // "1.7", "2.0"; empty when unreadable
    int pdfaPart = 0; // the XMP pdfaid:part claim, 0 when none
    QString pdfaConformance; // "A", "B", "U"

    PreflightSeverity worst() const;
    bool signable() const { return worst() <= PreflightSeverity::Warning; }
    bool needsPassword() const { return worst() == PreflightSeverity::NeedsPassword; }
    // The first finding of the worst severity (for a one-line reason); nullptr when the report is empty.
    const PreflightFinding* decisive() const;
};

class Preflight
{
public:
    static constexpr qint64 kMaxMetadataSize = 4LL << 20; // XMP packet read for the PDF/A claim
    static constexpr qint64 kMaxProfileSize = 4LL << 20; // output intent ICC profile (only its header is used)

    // Reads `path` (the copy the client received; hostile input is expected) and never fails: an unreadable or
    // damaged file is a Blocks finding carrying its error code.
    static PreflightReport check(const QString& path, const PreflightSituation& situation);

    // "情報" / "注意" / "パスワードが必要" / "署名できません" (context "Preflight").
    static QString severityLabel(PreflightSeverity severity);
};

} // namespace ikkatsu
