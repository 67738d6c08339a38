// Pre-flight checks in the order a user would ask: may I sign, can the file be opened, what is in it already, what
// does my signature change. Reads only through PdfReader and SignatureInspector, whose bounds hold for hostile files.
#include "signing/Preflight.h"

#include "pdf/DifferenceAnalysis.h"
#include "pdf/PdfCatalog.h"
#include "pdf/PdfReader.h"
#include "pdf/SignatureInspector.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace ikkatsu {

using namespace pdf;

namespace {

PreflightFinding finding(
    PreflightSeverity severity, const char* kind, QString text, std::optional<ErrorCode> code = std::nullopt)
{
    return PreflightFinding {severity, QString::fromLatin1(kind), std::move(text), code};
}

// "…: E4001 The PDF document is damaged or malformed." — the code a user reads out, and its message.
QString withCode(const QString& text, ErrorCode code)
{
    return text + QLatin1Char(' ') + QStringLiteral("(%1: %2)").arg(errorCodeText(code), errorMessage(code));
}

QString signerOf(const SignatureReport& signature)
{
    return signature.signerName.isEmpty() ? QCoreApplication::translate("Preflight", "an unknown signer")
                                          : signature.signerName;
}

QString whenOf(const SignatureReport& signature)
{
    const QDateTime time = signature.timestampTime.isValid() ? signature.timestampTime : signature.claimedSigningTime;
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                          : QCoreApplication::translate("Preflight", "an unknown date");
}

// The header's "%PDF-x.y", overridden by a later catalog /Version (ISO 32000-2 §7.2.2).
QString pdfVersion(PdfReader& reader, const PdfObject& catalog)
{
    QString version;
    Result<QByteArray> head = reader.read(0, 1024);
    if (head) {
        static const QRegularExpression header(QStringLiteral("%PDF-(\\d\\.\\d)"));
        const QRegularExpressionMatch match = header.match(QString::fromLatin1(*head));
        if (match.hasMatch())
            version = match.captured(1);
    }
    const PdfObject& override = catalog.get("Version");
    if (override.isName()) {
        const QString named = QString::fromLatin1(override.bytes());
        static const QRegularExpression shape(QStringLiteral("^\\d\\.\\d$"));
        if (shape.match(named).hasMatch() && named > version)
            version = named;
    }
    return version;
}

struct PdfaClaim
{
    int part = 0;
    QString conformance;
};

// pdfaid:part and pdfaid:conformance of the catalog's XMP packet, as attributes or as elements.
PdfaClaim pdfaClaim(PdfReader& reader, const PdfObject& catalog)
{
    PdfaClaim claim;
    Result<PdfObject> metadata = reader.resolve(catalog.get("Metadata"));
    if (!metadata || !metadata->isStream())
        return claim;
    Result<QByteArray> xmp = reader.decodedStreamData(*metadata, Preflight::kMaxMetadataSize);
    if (!xmp)
        return claim;
    const QString text = QString::fromUtf8(*xmp);
    auto value = [&text](const QString& key) {
        const QRegularExpression attribute(
            QStringLiteral("pdfaid:%1\\s*=\\s*[\"']\\s*([0-9A-Za-z]{1,2})\\s*[\"']").arg(key));
        QRegularExpressionMatch match = attribute.match(text);
        if (match.hasMatch())
            return match.captured(1);
        const QRegularExpression element(QStringLiteral("<pdfaid:%1>\\s*([0-9A-Za-z]{1,2})\\s*</pdfaid:%1>").arg(key));
        match = element.match(text);
        return match.hasMatch() ? match.captured(1) : QString();
    };
    const int part = value(QStringLiteral("part")).toInt();
    if (part >= 1 && part <= 4) {
        claim.part = part;
        claim.conformance = value(QStringLiteral("conformance")).toUpper();
    }
    return claim;
}

// The colour space of the PDF/A output intent's ICC profile ("RGB", "CMYK", "GRAY"…), empty when there is none.
QString outputIntentColourSpace(PdfReader& reader, const PdfObject& catalog)
{
    Result<PdfObject> intents = reader.resolve(catalog.get("OutputIntents"));
    if (!intents || !intents->isArray())
        return {};
    for (const PdfObject& item : intents->items()) {
        Result<PdfObject> intent = reader.resolve(item);
        if (!intent || !intent->isDictionary() || !intent->get("S").isName("GTS_PDFA1"))
            continue;
        Result<PdfObject> profile = reader.resolve(intent->get("DestOutputProfile"));
        if (!profile || !profile->isStream())
            return {};
        Result<QByteArray> data = reader.decodedStreamData(*profile, Preflight::kMaxProfileSize);
        if (!data || data->size() < 20)
            return {};
        return QString::fromLatin1(data->mid(16, 4)).trimmed();
    }
    return {};
}

void checkServerState(const PreflightSituation& situation, PreflightReport& report)
{
    if (!situation.maySign) {
        report.findings.append(finding(PreflightSeverity::Blocks, "server",
            QCoreApplication::translate("Preflight", "You may view this file but you are not one of its signers."),
            ErrorCode::NoSignPermission));
    } else if (situation.signedByMe) {
        report.findings.append(finding(PreflightSeverity::Blocks, "server",
            QCoreApplication::translate("Preflight", "You have already signed this file."), ErrorCode::AlreadySigned));
    } else if (situation.myTurn && !*situation.myTurn) {
        report.findings.append(finding(PreflightSeverity::Blocks, "server",
            QCoreApplication::translate("Preflight",
                "It is not your turn yet: the signers before you in the signing order must sign this file first."),
            ErrorCode::NotYourTurn));
    }
}

// Opens the document; false when nothing more can be read (the reason is in the report).
bool checkEncryption(PdfReader& reader, const PreflightSituation& situation, PreflightReport& report)
{
    if (!reader.isEncrypted())
        return true;
    const Status& status = reader.encryptionStatus();
    if (!status) {
        const ErrorCode code = status.error().code;
        if (code == ErrorCode::PdfEncrypted) {
            report.findings.append(finding(PreflightSeverity::NeedsPassword, "encryption",
                QCoreApplication::translate("Preflight",
                    "The document is protected by a password that is needed to open it. Enter the document's "
                    "password to sign it."),
                code));
        } else if (code == ErrorCode::PdfPasswordWrong) {
            report.findings.append(finding(PreflightSeverity::Blocks, "encryption",
                QCoreApplication::translate(
                    "Preflight", "The password entered for this document is wrong; the document was not signed."),
                code));
        } else {
            report.findings.append(finding(PreflightSeverity::Blocks, "encryption",
                withCode(QCoreApplication::translate(
                             "Preflight", "The document's encryption cannot be opened here, so it cannot be signed."),
                    code),
                code));
        }
        return false;
    }
    if (reader.security() && !reader.security()->allowsSigning()) {
        report.findings.append(finding(PreflightSeverity::Blocks, "encryption",
            QCoreApplication::translate("Preflight",
                "The document's security settings, chosen by its author, allow neither form filling nor signing. It "
                "cannot be signed unless the author sends a version that allows it."),
            ErrorCode::PdfPermissionDenied));
        return false;
    }
    report.findings.append(finding(PreflightSeverity::Info, "encryption",
        situation.password.isEmpty()
            ? QCoreApplication::translate("Preflight",
                "The document is encrypted but opens without a password (its author restricted, for example, "
                "printing or editing). Signing is allowed: the signature is encrypted with the document's own "
                "key and the restrictions stay as they are.")
            : QCoreApplication::translate("Preflight",
                "The document opens with the password you entered. The signature is encrypted with the document's "
                "own key; the password and the restrictions stay as they are.")));
    return true;
}

void checkSignatures(const QString& path, const PreflightSituation& situation, PreflightReport& report)
{
    Result<InspectionReport> inspection
        = SignatureInspector::inspectFile(path, situation.trustAnchors, situation.password);
    if (!inspection) {
        const ErrorCode code = inspection.error().code;
        report.findings.append(finding(PreflightSeverity::Blocks, "damaged",
            withCode(QCoreApplication::translate("Preflight",
                         "The signatures already in the document cannot be read, so it cannot be signed safely."),
                code),
            code));
        return;
    }
    for (const SignatureReport& signature : std::as_const(inspection->signatures)) {
        const QString who = signerOf(signature);
        const QString when = whenOf(signature);
        if (signature.verdict == SignatureVerdict::Invalid) {
            report.findings.append(finding(PreflightSeverity::Warning, "signature",
                withCode(QCoreApplication::translate("Preflight",
                             "The signature of %1 (%2) is NOT valid. Your signature does not repair it; ask the "
                             "sender about the document before you sign it.")
                             .arg(who, when),
                    signature.problem.code)));
        } else if (signature.verdict == SignatureVerdict::ValidUntrusted && !situation.trustAnchors.isEmpty()) {
            report.findings.append(finding(PreflightSeverity::Info, "signature",
                QCoreApplication::translate("Preflight",
                    "The signature of %1 (%2) is intact, but its certificate is not from an authority trusted "
                    "here. Your signature is added after it and leaves it intact.")
                    .arg(who, when)));
        } else {
            report.findings.append(finding(PreflightSeverity::Info, "signature",
                QCoreApplication::translate("Preflight",
                    "The signature of %1 (%2) is intact: the document has not been changed since. Your signature "
                    "is added after it and leaves it intact.")
                    .arg(who, when)));
        }
    }
}

void checkCertificationAndLocks(
    PdfReader& reader, const PdfObject& catalog, const PreflightSituation& situation, PreflightReport& report)
{
    Result<std::vector<SignatureField>> fields = findSignatureFields(reader, catalog);
    if (!fields) {
        const ErrorCode code = fields.error().code;
        report.findings.append(finding(PreflightSeverity::Blocks, "damaged",
            withCode(
                QCoreApplication::translate("Preflight", "The document's form cannot be read, so it cannot be signed."),
                code),
            code));
        return;
    }
    Result<int> docMdp = docMdpPermission(reader, catalog);
    if (!docMdp) {
        const ErrorCode code = docMdp.error().code;
        report.findings.append(finding(PreflightSeverity::Blocks, "damaged",
            withCode(QCoreApplication::translate(
                         "Preflight", "The document's certification cannot be read, so it cannot be signed."),
                code),
            code));
        return;
    }
    if (*docMdp == 1) {
        report.findings.append(finding(PreflightSeverity::Blocks, "certification",
            QCoreApplication::translate("Preflight",
                "The document is certified with “no changes allowed”: any signature added to it would invalidate "
                "the certification, so it cannot be signed."),
            ErrorCode::PdfLockedByDocMdp));
    } else if (*docMdp == 2) {
        report.findings.append(finding(PreflightSeverity::Info, "certification",
            QCoreApplication::translate("Preflight",
                "The document is certified and allows form filling and signing: your signature keeps the "
                "certification valid.")));
    } else if (*docMdp == 3) {
        report.findings.append(finding(PreflightSeverity::Info, "certification",
            QCoreApplication::translate("Preflight",
                "The document is certified and allows form filling, signing and comments: your signature keeps the "
                "certification valid.")));
    }
    if (situation.certify > 0 && (!fields->empty() || *docMdp != 0)) {
        report.findings.append(finding(PreflightSeverity::Blocks, "certification",
            QCoreApplication::translate("Preflight",
                "Only the first signature of a document can certify it, and this document is already signed."),
            ErrorCode::CertificationNotFirst));
    }

    for (const SignatureField& field : *fields) {
        const AnalysisPolicy policy = fieldMdpPolicy(reader, field.value);
        const QString owner = field.name;
        if (policy.lockPermission == 1) {
            report.findings.append(finding(PreflightSeverity::Blocks, "field-lock",
                QCoreApplication::translate("Preflight",
                    "The signature in the field “%1” locked the whole document when it was signed: no further "
                    "signature is allowed.")
                    .arg(owner),
                ErrorCode::PdfLockedBySignature));
            continue;
        }
        if (!policy.lockAll && policy.lockedFields.isEmpty())
            continue;
        if (!situation.fieldName.isEmpty() && policy.locks(situation.fieldName)) {
            report.findings.append(finding(PreflightSeverity::Blocks, "field-lock",
                QCoreApplication::translate("Preflight",
                    "The field “%1” you would sign was locked by the signature in the field “%2”: signing it would "
                    "invalidate that signature.")
                    .arg(situation.fieldName, owner),
                ErrorCode::PdfLockedBySignature));
            continue;
        }
        QStringList locked(policy.lockedFields.begin(), policy.lockedFields.end());
        QStringList unlocked(policy.unlockedFields.begin(), policy.unlockedFields.end());
        locked.sort();
        unlocked.sort();
        const QString which = policy.lockAll
            ? (unlocked.isEmpty() ? QCoreApplication::translate("Preflight", "every form field")
                                  : QCoreApplication::translate("Preflight", "every form field except %1")
                                        .arg(unlocked.join(QStringLiteral(", "))))
            : locked.join(QStringLiteral(", "));
        report.findings.append(finding(PreflightSeverity::Info, "field-lock",
            situation.fieldName.isEmpty()
                ? QCoreApplication::translate("Preflight",
                    "The signature in the field “%1” locked %2. Your signature goes into a new field of its own and "
                    "leaves the locked fields unchanged.")
                      .arg(owner, which)
                : QCoreApplication::translate(
                    "Preflight", "The signature in the field “%1” locked %2; the field you sign is not among them.")
                      .arg(owner, which)));
    }
}

void checkUsageRights(
    PdfReader& reader, const PdfObject& catalog, const PreflightSituation& situation, PreflightReport& report)
{
    Result<PdfObject> perms = reader.resolve(catalog.get("Perms"));
    if (!perms || !perms->isDictionary() || !perms->find("UR3"))
        return;
    // Reader extensions are a signature by Adobe's key that only Acrobat Reader checks; an update it does not
    // recognise as its own kind of change (adding a field is one) makes Reader withdraw them with a message.
    report.findings.append(finding(PreflightSeverity::Warning, "usage-rights",
        situation.fieldName.isEmpty()
            ? QCoreApplication::translate("Preflight",
                "The document carries Adobe usage rights (extended features of Adobe Acrobat Reader, such as saving "
                "a filled-in form). Your signature adds a new signature field, a change these rights do not "
                "cover: after signing, Adobe Acrobat Reader will say that the document has been changed and that "
                "its extended features are no longer available. The signatures and the content are not affected, "
                "nor are Adobe Acrobat and other PDF software.")
            : QCoreApplication::translate("Preflight",
                "The document carries Adobe usage rights (extended features of Adobe Acrobat Reader, such as saving "
                "a filled-in form). Signing an existing signature field is usually within these rights, but Adobe "
                "Acrobat Reader may still withdraw its extended features after a signature made by other software. "
                "The signatures and the content are not affected.")));
}

void checkVersionAndPdfa(
    PdfReader& reader, const PdfObject& catalog, const PreflightSituation& situation, PreflightReport& report)
{
    report.pdfVersion = pdfVersion(reader, catalog);
    if (report.pdfVersion.startsWith(QLatin1String("2."))) {
        report.findings.append(finding(PreflightSeverity::Info, "pdf-version",
            QCoreApplication::translate("Preflight",
                "This is a PDF %1 document; the signature is added as an incremental update and the document "
                "stays PDF %1.")
                .arg(report.pdfVersion)));
    }
    const PdfaClaim claim = pdfaClaim(reader, catalog);
    report.pdfaPart = claim.part;
    report.pdfaConformance = claim.conformance;
    if (claim.part == 0)
        return;
    const QString name = QStringLiteral("PDF/A-%1%2").arg(claim.part).arg(claim.conformance.toLower());
    report.findings.append(finding(PreflightSeverity::Info, "pdfa",
        QCoreApplication::translate("Preflight",
            "The document claims %1 conformance (long-term archiving). The claim and the document's metadata are "
            "kept unchanged.")
            .arg(name)));
    if (!situation.visibleSeal)
        return;
    // The 印影 is drawn in DeviceRGB with a Type 0 font subset that has no /CIDSet: PDF/A needs an RGB output
    // intent for DeviceRGB (ISO 19005-2 §6.2.4.3) and, in PDF/A-1, a /CIDSet for every CID font subset.
    const QString space = outputIntentColourSpace(reader, catalog);
    if (claim.part == 1) {
        report.findings.append(finding(PreflightSeverity::Warning, "pdfa",
            QCoreApplication::translate("Preflight",
                "A visible seal would break the %1 claim (its font lacks what PDF/A-1 requires). Sign without a "
                "visible seal to keep the document PDF/A.")
                .arg(name)));
    } else if (space != QLatin1String("RGB")) {
        report.findings.append(finding(PreflightSeverity::Warning, "pdfa",
            (space.isEmpty() ? QCoreApplication::translate("Preflight",
                 "The visible seal is drawn in RGB colours, but the document has no PDF/A output "
                 "intent for them: the seal would break the %1 claim. Sign without a visible seal "
                 "to keep the document PDF/A.")
                                   .arg(name)
                             : QCoreApplication::translate("Preflight",
                                 "The visible seal is drawn in RGB colours, but the document's PDF/A output intent "
                                 "is %2: the seal would break the %1 claim. Sign without a visible seal to keep "
                                 "the document PDF/A.")
                                   .arg(name, space))));
    }
}

} // namespace

PreflightSeverity PreflightReport::worst() const
{
    PreflightSeverity result = PreflightSeverity::Info;
    for (const PreflightFinding& item : findings)
        result = std::max(result, item.severity);
    return result;
}

const PreflightFinding* PreflightReport::decisive() const
{
    const PreflightSeverity level = worst();
    for (const PreflightFinding& item : findings) {
        if (item.severity == level)
            return &item;
    }
    return nullptr;
}

PreflightReport Preflight::check(const QString& path, const PreflightSituation& situation)
{
    PreflightReport report;
    checkServerState(situation, report);
    if (report.worst() == PreflightSeverity::Blocks)
        return report;

    Result<std::unique_ptr<PdfReader>> opened = PdfReader::open(path, -1, situation.password);
    if (!opened) {
        const ErrorCode code = opened.error().code;
        report.findings.append(finding(PreflightSeverity::Blocks, "damaged",
            withCode(QCoreApplication::translate(
                         "Preflight", "The file cannot be read as a PDF document, so it cannot be signed."),
                code),
            code));
        return report;
    }
    PdfReader& reader = **opened;
    if (!checkEncryption(reader, situation, report))
        return report;
    Result<PdfObject> catalog = reader.object(reader.rootRef());
    if (!catalog || !catalog->isDictionary() || catalog->isStream()) {
        const ErrorCode code = catalog ? ErrorCode::PdfMalformed : catalog.error().code;
        report.findings.append(finding(PreflightSeverity::Blocks, "damaged",
            withCode(QCoreApplication::translate(
                         "Preflight", "The document's catalog cannot be read, so it cannot be signed."),
                code),
            code));
        return report;
    }
    checkSignatures(path, situation, report);
    checkCertificationAndLocks(reader, *catalog, situation, report);
    checkUsageRights(reader, *catalog, situation, report);
    checkVersionAndPdfa(reader, *catalog, situation, report);
    return report;
}

QString Preflight::severityLabel(PreflightSeverity severity)
{
    switch (severity) {
    case PreflightSeverity::Info:
        return QCoreApplication::translate("Preflight", "Note");
    case PreflightSeverity::Warning:
        return QCoreApplication::translate("Preflight", "Caution");
    case PreflightSeverity::NeedsPassword:
        return QCoreApplication::translate("Preflight", "Password needed");
    case PreflightSeverity::Blocks:
        break;
    }
    return QCoreApplication::translate("Preflight", "Cannot be signed");
}

} // namespace ikkatsu
