// The PAdES B-B signer: pre-flight, incremental update, streamed ByteRange digest, CMS, self-check, atomic commit.
#include "pdf/PdfSigner.h"

#include "common/AtomicFile.h"
#include "pdf/DifferenceAnalysis.h"
#include "pdf/DocumentSecurityStore.h"
#include "pdf/IncrementalUpdate.h"
#include "pdf/PdfCatalog.h"
#include "pdf/PdfReader.h"
#include "pdf/PdfText.h"
#include "platform/NativePath.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>

namespace ikkatsu {

using namespace pdf;

namespace {

// Digits reserved per /ByteRange number: files up to 931 GiB. Ten would stop at 9.3 GiB, and scanned drawing sets
// pass 10 GB; the two extra spaces per number cost nothing.
constexpr int kByteRangeSlot = 12;
constexpr qint64 kByteRangeMax = 999999999999LL;

Error malformed(const QString& detail)
{
    return makeError(ErrorCode::PdfMalformed, detail);
}

Error selfCheckFailed(const QString& detail)
{
    return makeError(ErrorCode::SelfVerificationFailed, detail);
}

QByteArray toHex(const QByteArray& bytes)
{
    return bytes.toHex().toUpper();
}

// The parts of the incremental update the signer needs to find again.
struct PlannedUpdate
{
    IncrementalUpdate update {1};
    PdfRef signatureRef;
    PdfRef fieldRef;
    QString fieldName;
    qsizetype byteRangeAt = 0; // inside the signature object's syntax: first slot
    qsizetype contentsAt = 0; // inside the signature object's syntax: the '<'
    qsizetype contentsHexLength = 0;
    bool filled = false; // an existing empty field was signed (its page and /Annots are as they were)
};

constexpr double kMinSide = 8; // points: smaller cannot show a seal
constexpr double kMaxSide = 14400; // points: the largest page ISO 32000 allows (200 inches)

// Where the seal goes: the given rectangle checked against the page, or the page's bottom-right corner.
Result<std::array<double, 4>> sealRectangle(const SignatureOptions& options, const std::array<double, 4>& box)
{
    constexpr double kMargin = 28; // points from the page edge for the default place (about 1 cm)
    if (options.sealRect) {
        const std::array<double, 4>& r = *options.sealRect;
        for (const double v : r) {
            if (!std::isfinite(v))
                return makeError(ErrorCode::SealRectInvalid, QStringLiteral("not a number"));
        }
        if (r[2] - r[0] < kMinSide || r[3] - r[1] < kMinSide || r[2] - r[0] > kMaxSide || r[3] - r[1] > kMaxSide)
            return makeError(ErrorCode::SealRectInvalid,
                QStringLiteral("X1,Y1,X2,Y2 must be the lower-left and upper-right corners, at least %1 pt apart")
                    .arg(kMinSide));
        constexpr double kSlack = 0.01;
        if (r[0] < box[0] - kSlack || r[1] < box[1] - kSlack || r[2] > box[2] + kSlack || r[3] > box[3] + kSlack)
            return makeError(ErrorCode::SealRectInvalid,
                QStringLiteral("%1,%2,%3,%4 is outside the page %5,%6,%7,%8")
                    .arg(r[0])
                    .arg(r[1])
                    .arg(r[2])
                    .arg(r[3])
                    .arg(box[0])
                    .arg(box[1])
                    .arg(box[2])
                    .arg(box[3]));
        return r;
    }
    const QSizeF size = options.seal->defaultSize();
    const double margin
        = std::min(kMargin, std::min(box[2] - box[0] - size.width(), box[3] - box[1] - size.height()) / 2);
    if (margin < 0)
        return makeError(ErrorCode::SealRectInvalid, QStringLiteral("the page is smaller than the seal"));
    const double x2 = box[2] - margin;
    const double y1 = box[1] + margin;
    return std::array<double, 4> {x2 - size.width(), y1, x2, y1 + size.height()};
}

QString uniqueFieldName(const QSet<QString>& taken)
{
    for (int n = 1;; ++n) {
        const QString candidate = QStringLiteral("Signature%1").arg(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

Result<QSet<QString>> topLevelFieldNames(PdfReader& reader, const PdfObject& fields)
{
    QSet<QString> names;
    for (const PdfObject& item : fields.items()) {
        Result<PdfObject> field = reader.resolve(item);
        if (!field)
            return field.error();
        if (field->isDictionary() && field->get("T").isString())
            names.insert(decodeTextString(field->get("T").bytes()));
    }
    return names;
}

Result<QByteArray> signatureSyntax(const SignatureOptions& options, const QString& name, int contentsHexLength,
    const PdfSecurity* security, PdfRef self, qsizetype* byteRangeAt, qsizetype* contentsAt, bool documentTimestamp)
{
    PdfObject dict = PdfObject::dictionary();
    // A document timestamp (ISO 32000-2 §12.8.5) names no signer and claims no time: its token proves the time.
    dict.set("Type", PdfObject::name(documentTimestamp ? "DocTimeStamp" : "Sig"));
    dict.set("Filter", PdfObject::name("Adobe.PPKLite"));
    dict.set("SubFilter", PdfObject::name(documentTimestamp ? "ETSI.RFC3161" : "ETSI.CAdES.detached"));
    if (!documentTimestamp)
        dict.set("M", PdfObject::string(pdfDate(options.signingTime)));
    if (!name.isEmpty())
        dict.set("Name", textString(name));
    if (!options.reason.isEmpty())
        dict.set("Reason", textString(options.reason));
    if (!options.location.isEmpty())
        dict.set("Location", textString(options.location));
    if (!options.contactInfo.isEmpty())
        dict.set("ContactInfo", textString(options.contactInfo));
    if (options.certify > 0) {
        PdfObject params = PdfObject::dictionary();
        params.set("Type", PdfObject::name("TransformParams"));
        params.set("P", PdfObject::integer(options.certify));
        params.set("V", PdfObject::name("1.2"));
        PdfObject reference = PdfObject::dictionary();
        reference.set("Type", PdfObject::name("SigRef"));
        reference.set("TransformMethod", PdfObject::name("DocMDP"));
        reference.set("TransformParams", std::move(params));
        dict.set("Reference", PdfObject::array({std::move(reference)}));
    }
    // /Contents is added below, raw: ISO 32000-2 §7.6.2 excludes it from encryption.
    if (security)
        IKK_TRY(security->encryptStrings(self, dict));
    QByteArray syntax = dict.serialize();
    syntax.chop(2); // reopen the dictionary for the two placeholders
    // Fixed-width slots, filled in once the offsets are known; spaces keep the array valid whatever the digits.
    syntax.append("/ByteRange [0 ");
    *byteRangeAt = syntax.size();
    for (int slot = 0; slot < 3; ++slot) {
        syntax.append(QByteArray(kByteRangeSlot, ' '));
        syntax.append(slot < 2 ? ' ' : ']');
    }
    syntax.append("/Contents ");
    *contentsAt = syntax.size();
    syntax.append('<');
    syntax.append(QByteArray(contentsHexLength, '0'));
    syntax.append(">>>");
    return syntax;
}

// Signs into an empty signature field the document already has (a prepared form, or a box the administrator
// placed): only the field (now with /V), its widget (/AP when a seal is drawn into its /Rect) and, if needed,
// /SigFlags change. The field is found by its fully qualified name anywhere in the field tree; its widget is the
// field itself or its one kid widget, which its page's /Annots already lists.
Result<PlannedUpdate> planFill(
    PdfReader& reader, const SignatureOptions& options, const QString& name, int contentsHexLength, PdfObject catalog)
{
    constexpr bool documentTimestamp = false;
    const PdfObject& formValue = catalog.get("AcroForm");
    Result<PdfObject> formResult = reader.resolve(formValue);
    if (!formResult)
        return formResult.error();
    PdfObject form = std::move(formResult).value();
    Result<std::optional<FormField>> found = findFormField(reader, catalog, options.fieldName);
    if (!found)
        return found.error();
    if (!*found || (*found)->fieldRef.isNull() || (*found)->field.isStream())
        return makeError(ErrorCode::SealFieldNotFound, options.fieldName);
    FormField& target = **found;
    if (target.type != "Sig")
        return makeError(ErrorCode::FieldNotSignatureField,
            QStringLiteral("%1 is a /%2 field").arg(options.fieldName, QString::fromLatin1(target.type)));
    if (target.filled)
        return makeError(ErrorCode::SealFieldNotFound, QStringLiteral("%1 is already signed").arg(options.fieldName));
    if (target.widgetRefs.size() != 1 || target.widgetRefs.front().isNull() || target.widgets.front().isStream())
        return makeError(ErrorCode::SignatureFieldWidgetCount,
            QStringLiteral("%1 has %2 widgets").arg(options.fieldName).arg(target.widgetRefs.size()));
    const PdfRef fieldRef = target.fieldRef;
    const PdfRef widgetRef = target.widgetRefs.front();
    PdfObject field = std::move(target.field);
    PdfObject widget = std::move(target.widgets.front());

    PlannedUpdate plan;
    plan.update = IncrementalUpdate(reader.nextFreeObjectNumber());
    IncrementalUpdate& update = plan.update;
    // Objects were read decrypted; in an encrypted document they go back encrypted with their own keys.
    const PdfSecurity* security = reader.security();
    auto put = [&update, security](PdfRef ref, PdfObject object) -> Status {
        if (security)
            IKK_TRY(security->encryptStrings(ref, object));
        update.put(ref, std::move(object));
        return {};
    };
    plan.signatureRef = update.allocate();
    plan.fieldRef = fieldRef;
    plan.fieldName = options.fieldName;
    plan.filled = true;
    field.set("V", PdfObject::reference(plan.signatureRef));
    if (options.seal) {
        const PdfObject& rect = widget.get("Rect");
        std::array<double, 4> r {};
        bool numbers = rect.isArray() && rect.items().size() == 4;
        for (int k = 0; numbers && k < 4; ++k) {
            numbers = rect.items()[k].isNumber();
            r[k] = numbers ? rect.items()[k].toNumber() : 0;
        }
        const double width = std::abs(r[2] - r[0]);
        const double height = std::abs(r[3] - r[1]);
        if (!numbers || !std::isfinite(width) || !std::isfinite(height) || width < kMinSide || height < kMinSide
            || width > kMaxSide || height > kMaxSide)
            return makeError(
                ErrorCode::SealRectInvalid, QStringLiteral("the field %1 has no visible area").arg(options.fieldName));
        Result<PdfRef> appearance = options.seal->write(update, width, height, security);
        if (!appearance)
            return appearance.error();
        (widgetRef == fieldRef ? field : widget)
            .set("AP", PdfObject::dictionary({{"N", PdfObject::reference(*appearance)}}));
    }
    if (widgetRef != fieldRef && options.seal)
        IKK_TRY(put(widgetRef, std::move(widget)));
    IKK_TRY(put(fieldRef, std::move(field)));

    bool catalogChanged = false;
    const qint64 sigFlags = form.get("SigFlags").toInteger(0);
    if ((sigFlags & 3) != 3) {
        form.set("SigFlags", PdfObject::integer(sigFlags | 3));
        if (formValue.isReference()) {
            IKK_TRY(put(formValue.toReference(), form));
        } else {
            catalog.set("AcroForm", form);
            catalogChanged = true;
        }
    }
    if (options.certify > 0) {
        Result<PdfObject> perms = reader.resolve(catalog.get("Perms"));
        if (!perms)
            return perms.error();
        PdfObject permissions = perms->isDictionary() && !perms->isStream() ? *perms : PdfObject::dictionary();
        permissions.set("DocMDP", PdfObject::reference(plan.signatureRef));
        catalog.set("Perms", std::move(permissions));
        catalogChanged = true;
    }
    if (catalogChanged)
        IKK_TRY(put(reader.rootRef(), catalog));

    plan.contentsHexLength = contentsHexLength;
    Result<QByteArray> syntax = signatureSyntax(options, name, contentsHexLength, security, plan.signatureRef,
        &plan.byteRangeAt, &plan.contentsAt, documentTimestamp);
    if (!syntax)
        return syntax.error();
    update.putRaw(plan.signatureRef, std::move(syntax).value());
    return plan;
}

// `documentTimestamp`: the field of a document timestamp (B-LTA), which even a certification with /P 1 allows.
Result<PlannedUpdate> planUpdate(PdfReader& reader, const SignatureOptions& options, const QString& name,
    int contentsHexLength, bool documentTimestamp = false)
{
    const PdfRef rootRef = reader.rootRef();
    Result<PdfObject> catalogResult = reader.object(rootRef);
    if (!catalogResult)
        return catalogResult.error();
    if (!catalogResult->isDictionary() || catalogResult->isStream())
        return malformed(QStringLiteral("the document catalog is not a dictionary"));
    PdfObject catalog = std::move(catalogResult).value();

    Result<int> permission = docMdpPermission(reader, catalog);
    if (!permission)
        return permission.error();
    if (*permission == 1 && !documentTimestamp)
        return makeError(ErrorCode::PdfLockedByDocMdp, QStringLiteral("certified with DocMDP /P 1"));
    // The inspector (and so the server) walks every field of the signed result: a damaged form must be refused
    // now, before anything is written, rather than produce a file no one can verify.
    Result<std::vector<SignatureField>> existing = findSignatureFields(reader, catalog);
    if (!existing)
        return existing.error();
    if (options.certify < 0 || options.certify > 3)
        return makeError(ErrorCode::SigningFailed, QStringLiteral("DocMDP /P must be 1, 2 or 3"));
    if (options.certify > 0 && (!existing->empty() || *permission != 0))
        return makeError(ErrorCode::CertificationNotFirst,
            QStringLiteral("the document already has %1 signature(s)").arg(existing->size()));
    // FieldMDP (ISO 32000-2 §12.8.2.4): an earlier signature that locked the document, or the field we would fill,
    // would be invalidated by this signature. The pre-flight says so before the PIN; this keeps every caller honest.
    if (!documentTimestamp) {
        for (const SignatureField& field : *existing) {
            const AnalysisPolicy policy = fieldMdpPolicy(reader, field.value);
            if (policy.lockPermission == 1)
                return makeError(ErrorCode::PdfLockedBySignature,
                    QStringLiteral("the signature in field '%1' locked the document").arg(field.name.left(128)));
            if (!options.fieldName.isEmpty() && policy.locks(options.fieldName))
                return makeError(ErrorCode::PdfLockedBySignature,
                    QStringLiteral("field '%1' is locked by the signature in field '%2'")
                        .arg(options.fieldName.left(128), field.name.left(128)));
        }
    }

    if (!options.fieldName.isEmpty())
        return planFill(reader, options, name, contentsHexLength, catalog);

    Result<PdfRef> pageRef = options.seal ? findPage(reader, catalog, options.sealPage < 0 ? -1 : options.sealPage - 1)
                                          : findFirstPage(reader, catalog);
    if (!pageRef)
        return pageRef.error();
    if (pageRef->isNull() || (options.seal && options.sealPage == 0))
        return makeError(ErrorCode::SealPageOutOfRange, QStringLiteral("page %1").arg(options.sealPage));
    Result<PdfObject> pageResult = reader.object(*pageRef);
    if (!pageResult)
        return pageResult.error();
    if (!pageResult->isDictionary() || pageResult->isStream())
        return malformed(QStringLiteral("the page is not a dictionary"));
    PdfObject page = std::move(pageResult).value();
    std::array<double, 4> rect {};
    if (options.seal) {
        Result<std::array<double, 4>> box = visiblePageBox(reader, page);
        if (!box)
            return box.error();
        Result<std::array<double, 4>> placed = sealRectangle(options, *box);
        if (!placed)
            return placed.error();
        rect = *placed;
    }

    PlannedUpdate plan;
    plan.update = IncrementalUpdate(reader.nextFreeObjectNumber());
    IncrementalUpdate& update = plan.update;
    // Objects were read decrypted; in an encrypted document they go back encrypted with their own keys.
    const PdfSecurity* security = reader.security();
    auto put = [&update, security](PdfRef ref, PdfObject object) -> Status {
        if (security)
            IKK_TRY(security->encryptStrings(ref, object));
        update.put(ref, std::move(object));
        return {};
    };
    plan.signatureRef = update.allocate();
    plan.fieldRef = update.allocate();
    bool catalogChanged = false;

    // The AcroForm: indirect (rewrite it), direct in the catalog (rewrite the catalog) or absent (create it).
    PdfObject form = PdfObject::dictionary();
    PdfRef formRef;
    bool formIsNew = false;
    const PdfObject& formValue = catalog.get("AcroForm");
    if (formValue.isReference()) {
        Result<PdfObject> resolved = reader.object(formValue.toReference());
        if (!resolved)
            return resolved.error();
        if (resolved->isDictionary() && !resolved->isStream()) {
            form = std::move(resolved).value();
            formRef = formValue.toReference();
        } else {
            formIsNew = true;
        }
    } else if (formValue.isDictionary()) {
        form = formValue;
    } else {
        formIsNew = true;
    }
    if (formIsNew) {
        formRef = update.allocate();
        catalog.set("AcroForm", PdfObject::reference(formRef));
        catalogChanged = true;
    }
    bool formChanged = formIsNew;

    QSet<QString> takenNames;
    const PdfObject fieldsValue = form.get("Fields");
    const PdfObject newField = PdfObject::reference(plan.fieldRef);
    if (fieldsValue.isReference()) {
        Result<PdfObject> fields = reader.object(fieldsValue.toReference());
        if (!fields)
            return fields.error();
        if (fields->isArray()) {
            Result<QSet<QString>> names = topLevelFieldNames(reader, *fields);
            if (!names)
                return names.error();
            takenNames = std::move(names).value();
            PdfObject extended = std::move(fields).value();
            extended.items().push_back(newField);
            IKK_TRY(put(fieldsValue.toReference(), std::move(extended)));
        } else {
            form.set("Fields", PdfObject::array({newField}));
            formChanged = true;
        }
    } else {
        PdfObject extended = fieldsValue.isArray() ? fieldsValue : PdfObject::array();
        Result<QSet<QString>> names = topLevelFieldNames(reader, extended);
        if (!names)
            return names.error();
        takenNames = std::move(names).value();
        extended.items().push_back(newField);
        form.set("Fields", std::move(extended));
        formChanged = true;
    }
    const qint64 sigFlags = form.get("SigFlags").toInteger(0);
    if ((sigFlags & 3) != 3) {
        form.set("SigFlags", PdfObject::integer(sigFlags | 3));
        formChanged = true;
    }
    if (formChanged) {
        if (formRef.isNull()) {
            catalog.set("AcroForm", form);
            catalogChanged = true;
        } else {
            IKK_TRY(put(formRef, form));
        }
    }

    // The widget goes into the first page's /Annots: rewrite the array when it is indirect, else the page.
    const PdfObject annotsValue = page.get("Annots");
    bool annotsDone = false;
    if (annotsValue.isReference()) {
        Result<PdfObject> annots = reader.object(annotsValue.toReference());
        if (!annots)
            return annots.error();
        if (annots->isArray()) {
            PdfObject extended = std::move(annots).value();
            extended.items().push_back(newField);
            IKK_TRY(put(annotsValue.toReference(), std::move(extended)));
            annotsDone = true;
        }
    }
    if (!annotsDone) {
        PdfObject extended = annotsValue.isArray() ? annotsValue : PdfObject::array();
        extended.items().push_back(newField);
        page.set("Annots", std::move(extended));
        IKK_TRY(put(*pageRef, page));
    }
    if (options.certify > 0) {
        // /Perms /DocMDP names the certification signature; other permissions (usage rights) stay as they are.
        Result<PdfObject> perms = reader.resolve(catalog.get("Perms"));
        if (!perms)
            return perms.error();
        PdfObject permissions = perms->isDictionary() && !perms->isStream() ? *perms : PdfObject::dictionary();
        permissions.set("DocMDP", PdfObject::reference(plan.signatureRef));
        catalog.set("Perms", std::move(permissions));
        catalogChanged = true;
    }
    if (catalogChanged)
        IKK_TRY(put(rootRef, catalog));

    plan.fieldName = uniqueFieldName(takenNames);
    PdfObject field = PdfObject::dictionary();
    field.set("Type", PdfObject::name("Annot"));
    field.set("Subtype", PdfObject::name("Widget"));
    field.set("FT", PdfObject::name("Sig"));
    field.set("T", textString(plan.fieldName));
    field.set("V", PdfObject::reference(plan.signatureRef));
    if (options.seal) {
        std::vector<PdfObject> corners;
        for (const double v : rect)
            corners.push_back(PdfObject::real(QByteArray::number(v, 'f', 2)));
        field.set("Rect", PdfObject::array(std::move(corners)));
        // The seal lives only in this revision and is reachable only from this widget: no page content changes.
        Result<PdfRef> appearance = options.seal->write(update, rect[2] - rect[0], rect[3] - rect[1], security);
        if (!appearance)
            return appearance.error();
        field.set("AP", PdfObject::dictionary({{"N", PdfObject::reference(*appearance)}}));
    } else {
        field.set("Rect",
            PdfObject::array(
                {PdfObject::integer(0), PdfObject::integer(0), PdfObject::integer(0), PdfObject::integer(0)}));
    }
    field.set("F", PdfObject::integer(132)); // Print | Locked
    field.set("P", PdfObject::reference(*pageRef));
    IKK_TRY(put(plan.fieldRef, std::move(field)));

    plan.contentsHexLength = contentsHexLength;
    Result<QByteArray> syntax = signatureSyntax(options, name, contentsHexLength, security, plan.signatureRef,
        &plan.byteRangeAt, &plan.contentsAt, documentTimestamp);
    if (!syntax)
        return syntax.error();
    update.putRaw(plan.signatureRef, std::move(syntax).value());
    return plan;
}

struct WrittenSignature
{
    QString fieldName;
    PdfRef fieldRef;
    PdfRef signatureRef;
    qint64 startxref = 0;
    qint64 prevStartxref = 0;
    qint64 outputSize = 0;
    std::array<qint64, 4> byteRange {};
    bool filled = false;
    bool documentTimestamp = false;
};

// Reads the new revision back from the written file, as an independent reader would.
Status checkWrittenRevision(
    const QString& path, const WrittenSignature& expected, const QByteArray& digest, const QByteArray& password)
{
    Result<std::unique_ptr<PdfReader>> opened = PdfReader::open(path, -1, password);
    if (!opened)
        return selfCheckFailed(QStringLiteral("the signed file does not read back: %1").arg(opened.error().detail));
    PdfReader& reader = **opened;
    if (!reader.encryptionStatus())
        return selfCheckFailed(
            QStringLiteral("the signed file does not decrypt: %1").arg(reader.encryptionStatus().error().detail));
    if (reader.fileSize() != expected.outputSize || reader.startxref() != expected.startxref)
        return selfCheckFailed(QStringLiteral("the signed file does not end with the new section"));
    if (reader.trailer().get("Prev").toInteger(-1) != expected.prevStartxref)
        return selfCheckFailed(QStringLiteral("the new section does not chain to the previous one"));
    Result<PdfObject> catalog = reader.object(reader.rootRef());
    if (!catalog || !catalog->isDictionary())
        return selfCheckFailed(QStringLiteral("the catalog does not read back"));
    // The field must be found by its name the way a verifier or a later signer finds it, and hold our signature.
    Result<std::optional<FormField>> found = findFormField(reader, *catalog, expected.fieldName);
    if (!found || !*found || (*found)->fieldRef != expected.fieldRef)
        return selfCheckFailed(QStringLiteral("the field is not found by its name in /AcroForm /Fields"));
    const PdfObject* field = &(*found)->field;
    if (field->get("V").toReference() != expected.signatureRef)
        return selfCheckFailed(QStringLiteral("the new field does not read back"));
    Result<PdfObject> page = reader.object(field->get("P").toReference());
    Result<PdfObject> annots = page && page->isDictionary() ? reader.resolve(page->get("Annots")) : page;
    if (!expected.filled
        && (!annots || !annots->isArray()
            || std::none_of(annots->items().begin(), annots->items().end(),
                [&](const PdfObject& item) { return item.toReference() == expected.fieldRef; })))
        return selfCheckFailed(QStringLiteral("the new widget is not in its page's /Annots"));
    Result<PdfObject> signature = reader.object(expected.signatureRef);
    if (!signature || !signature->isDictionary())
        return selfCheckFailed(QStringLiteral("the signature dictionary does not read back"));
    const std::optional<XrefEntry> entry = reader.lookup(expected.signatureRef.number);
    if (!entry || entry->type != XrefEntryType::InFile)
        return selfCheckFailed(QStringLiteral("the signature dictionary is not stored plainly"));
    const PdfObject* mine = &*signature;
    const PdfObject& byteRange = mine->get("ByteRange");
    if (!byteRange.isArray() || byteRange.items().size() != 4)
        return selfCheckFailed(QStringLiteral("the /ByteRange does not read back"));
    for (int k = 0; k < 4; ++k) {
        if (byteRange.items()[k].toInteger(-1) != expected.byteRange[k])
            return selfCheckFailed(QStringLiteral("the /ByteRange reads back differently"));
    }
    const PdfObject& contents = mine->get("Contents");
    if (!contents.isString() || contents.sourceStart() != expected.byteRange[1]
        || contents.sourceEnd() != expected.byteRange[2])
        return selfCheckFailed(QStringLiteral("the /ByteRange gap is not exactly the /Contents string"));
    if (expected.documentTimestamp) {
        const Result<TimestampInfo> stamp = verifyTimestampToken(contents.bytes(), digest, {});
        if (!stamp)
            return selfCheckFailed(
                QStringLiteral("the document timestamp does not verify: %1").arg(stamp.error().detail));
        return {};
    }
    Result<CmsSignature> cms = CmsSignature::parse(contents.bytes());
    if (!cms)
        return selfCheckFailed(QStringLiteral("the embedded CMS does not parse: %1").arg(cms.error().detail));
    const Status verified = cms->verify(digest);
    if (!verified)
        return selfCheckFailed(QStringLiteral("the embedded CMS does not verify: %1").arg(verified.error().detail));
    return {};
}

} // namespace

Result<SignOutcome> PdfSigner::signFile(
    const QString& inputPath, const QString& outputPath, const CadesSigner& signer, const SignatureOptions& options)
{
    Result<PreparedSignature> prepared = prepareFile(inputPath, outputPath, signer, options);
    if (!prepared)
        return prepared.error();
    IKK_TRY(prepared->file.commit());
    return prepared->outcome;
}

namespace {

// Where a revision's bytes go: `output` holds the file so far (the input copied, or earlier revisions of ours).
struct RevisionWriter
{
    PdfReader& reader; // reads the file as it is before this revision
    AtomicFile& output;
    bool copyInput; // the first revision copies the input into `output` first
};

// What the /Contents of a signature-like revision becomes once the digest of its /ByteRange is known.
using ContentsMaker = std::function<Result<QByteArray>(const QByteArray& digest)>;

// Appends the revision `plan` describes (cross-reference section in the file's style), fills its /ByteRange,
// digests exactly what was written and puts `contents` into the placeholder; then reads it back as an
// independent reader would.
Result<WrittenSignature> writeSignedRevision(RevisionWriter& target, PlannedUpdate& plan, int maxContentsSize,
    const ContentsMaker& contents, const QByteArray& password, bool documentTimestamp)
{
    PdfReader& reader = target.reader;
    AtomicFile& output = target.output;
    const qint64 inputSize = reader.fileSize();
    Result<QByteArray> revision = plan.update.writeAfter(reader);
    if (!revision)
        return revision.error();
    QByteArray appended = std::move(revision).value();

    WrittenSignature expected;
    expected.startxref = plan.update.startxref();
    expected.prevStartxref = reader.startxref();
    expected.outputSize = inputSize + appended.size();
    expected.documentTimestamp = documentTimestamp;
    const bool signs = !plan.signatureRef.isNull();
    qint64 contentsStart = 0;
    qint64 contentsEnd = 0;
    if (signs) {
        QByteArray header;
        appendNumber(header, plan.signatureRef.number);
        header.append(" 0 obj\n");
        const qint64 signatureSyntaxAt = plan.update.offsetOf(plan.signatureRef) + header.size();
        contentsStart = signatureSyntaxAt + plan.contentsAt;
        contentsEnd = contentsStart + plan.contentsHexLength + 2;
        expected.byteRange = {0, contentsStart, contentsEnd, expected.outputSize - contentsEnd};
        if (expected.outputSize > kByteRangeMax)
            return makeError(ErrorCode::PdfUnsupported, QStringLiteral("files beyond 931 GiB cannot be signed"));
        for (int slot = 0; slot < 3; ++slot) {
            const QByteArray digits
                = QByteArray::number(expected.byteRange[slot + 1]).leftJustified(kByteRangeSlot, ' ');
            const qint64 at = signatureSyntaxAt + plan.byteRangeAt + slot * (kByteRangeSlot + 1) - inputSize;
            appended.replace(at, kByteRangeSlot, digits);
        }
    }

    if (target.copyInput)
        IKK_TRY(output.copyFrom(reader.file(), 0, inputSize));
    IKK_TRY(output.write(appended));
    if (!signs)
        return expected;

    // Digest what was actually written: the earlier bytes read back from the new file, the rest from memory.
    Digest digest;
    {
        platform::NativeFile written;
        if (platform::NativeFile::openForReading(platform::nativePath(output.temporaryPath()), &written) != 0)
            return makeError(ErrorCode::OutputWriteFailed, QStringLiteral("cannot read back the new file"));
        IKK_TRY(digest.updateFromFile(written, 0, inputSize));
    }
    digest.update(appended.constData(), contentsStart - inputSize);
    digest.update(appended.constData() + (contentsEnd - inputSize), expected.outputSize - contentsEnd);
    const QByteArray documentDigest = digest.final();

    Result<QByteArray> filled = contents(documentDigest);
    if (!filled)
        return filled.error();
    if (filled->size() * 2 > plan.contentsHexLength)
        return makeError(ErrorCode::SignatureTooLarge,
            QStringLiteral("%1 bytes for %2 reserved").arg(filled->size()).arg(maxContentsSize));
    const QByteArray hex = toHex(*filled);
    IKK_TRY(output.writeAt(contentsStart + 1, hex.constData(), hex.size()));

    expected.fieldName = plan.fieldName;
    expected.fieldRef = plan.fieldRef;
    expected.signatureRef = plan.signatureRef;
    expected.filled = plan.filled;
    IKK_TRY(checkWrittenRevision(output.temporaryPath(), expected, documentDigest, password));
    return expected;
}

// Certificates whose status a B-LT /DSS must keep for one signature: its chain and its timestamp authority's.
QList<Certificate> certificatesToValidate(const QList<Certificate>& chain, const QByteArray& cms)
{
    QList<Certificate> certificates = chain;
    Result<CmsSignature> parsed = CmsSignature::parse(cms);
    if (parsed && !parsed->timestampToken().isEmpty()) {
        const Result<TimestampInfo> stamp = parseTimestampToken(parsed->timestampToken());
        if (stamp)
            certificates += stamp->certificates;
    }
    return certificates;
}

// Appends a revision with validation data for `certificates` to the /DSS (none when the document has it all).
Status appendValidationData(AtomicFile& output, const QByteArray& password, const ValidationDataCollector& collector,
    const QList<Certificate>& certificates)
{
    Result<ValidationData> data = collector.collect(certificates);
    IKK_TRY(data);
    Result<std::unique_ptr<PdfReader>> opened = PdfReader::open(output.temporaryPath(), -1, password);
    IKK_TRY(opened);
    PdfReader& reader = **opened;
    IKK_TRY(reader.encryptionStatus());
    Result<IncrementalUpdate> update = planDocumentSecurityStore(reader, *data);
    IKK_TRY(update);
    if (update->objectCount() == 0)
        return {};
    PlannedUpdate plan;
    plan.update = std::move(update).value();
    RevisionWriter target {reader, output, false};
    Result<WrittenSignature> written = writeSignedRevision(target, plan, 0, {}, password, false);
    IKK_TRY(written);
    // Read back: the new section chains to the old one and the catalog reaches the /DSS.
    Result<std::unique_ptr<PdfReader>> check = PdfReader::open(output.temporaryPath(), -1, password);
    if (!check || (*check)->startxref() != written->startxref)
        return selfCheckFailed(QStringLiteral("the /DSS revision does not read back"));
    Result<ValidationData> stored = readDocumentSecurityStore(**check);
    if (!stored || stored->certificates.size() < data->certificates.size())
        return selfCheckFailed(QStringLiteral("the /DSS does not read back"));
    return {};
}

constexpr int kTimestampMargin = 1024; // bytes above a measured token: a serial or a time a few bytes longer

// Appends a document timestamp (B-LTA) over the whole file so far, sized from a measured token and retried once.
Status appendDocumentTimestamp(
    AtomicFile& output, const QByteArray& password, const CadesSigner::TimestampFetcher& fetcher)
{
    Result<QByteArray> measured = fetcher(QByteArray(32, '\0'));
    IKK_TRY(measured);
    int reserve = int(measured->size()) + kTimestampMargin;
    for (int attempt = 0;; ++attempt) {
        Result<std::unique_ptr<PdfReader>> opened = PdfReader::open(output.temporaryPath(), -1, password);
        IKK_TRY(opened);
        PdfReader& reader = **opened;
        IKK_TRY(reader.encryptionStatus());
        const qint64 before = reader.fileSize();
        Result<PlannedUpdate> plan = planUpdate(reader, SignatureOptions {}, QString(), reserve * 2, true);
        IKK_TRY(plan);
        RevisionWriter target {reader, output, false};
        int tokenSize = 0;
        Result<WrittenSignature> written = writeSignedRevision(
            target, *plan, reserve,
            [&](const QByteArray& digest) -> Result<QByteArray> {
                Result<QByteArray> token = fetcher(digest);
                if (token)
                    tokenSize = int(token->size());
                return token;
            },
            password, true);
        if (written)
            return {};
        if (written.error().code != ErrorCode::SignatureTooLarge || attempt > 0)
            return written.error();
        // Too small a placeholder: drop the half-made revision and try once more with the size now seen.
        IKK_TRY(output.truncate(before));
        reserve = tokenSize + kTimestampMargin;
    }
}

Result<PreparedSignature> prepareFileOnce(
    const QString& inputPath, const QString& outputPath, const CadesSigner& signer, const SignatureOptions& options)
{
    Result<std::unique_ptr<PdfReader>> opened = PdfReader::open(inputPath, -1, options.password);
    if (!opened)
        return opened.error();
    PdfReader& reader = **opened;
    IKK_TRY(reader.encryptionStatus());
    if (reader.security() && !reader.security()->allowsSigning())
        return makeError(ErrorCode::PdfPermissionDenied,
            QStringLiteral("/P %1 allows neither form filling (bit 6) nor filling existing fields (bit 9)")
                .arg(reader.security()->permissions()));

    if (signer.chain().isEmpty())
        return makeError(ErrorCode::SigningFailed, QStringLiteral("no signing certificate"));
    if ((options.validationData || options.archiveTimestamp) && !signer.timestamps())
        return makeError(ErrorCode::SignatureLevelUnsupported, QStringLiteral("B-LT and B-LTA build on B-T"));
    const QString name = options.name.isEmpty() ? signer.chain().front().subject().commonName : options.name;
    // With a timestamp this measures a real token first: a TSA that cannot be reached fails here, before writing.
    const Result<int> reserved = signer.reserveSize();
    if (!reserved)
        return reserved.error();
    const int maxSize = *reserved;

    Result<PlannedUpdate> planned = planUpdate(reader, options, name, maxSize * 2);
    if (!planned)
        return planned.error();

    // The signed file keeps the input's permissions (signing in place must not widen or narrow them).
    Result<AtomicFile> created = AtomicFile::create(outputPath, (reader.file().permissions() & 0666) | 0600);
    if (!created)
        return created.error();
    AtomicFile& output = *created;
    QByteArray cms;
    RevisionWriter target {reader, output, true};
    Result<WrittenSignature> written = writeSignedRevision(
        target, *planned, maxSize,
        [&](const QByteArray& digest) -> Result<QByteArray> {
            Result<QByteArray> made = signer.sign(digest);
            if (made)
                cms = *made;
            return made;
        },
        options.password, false);
    if (!written)
        return written.error();

    // PAdES B-LT, then B-LTA: each a revision of its own after the signature's, in the same temporary file.
    if (options.validationData)
        IKK_TRY(appendValidationData(
            output, options.password, *options.validationData, certificatesToValidate(signer.chain(), cms)));
    if (options.archiveTimestamp)
        IKK_TRY(appendDocumentTimestamp(output, options.password, options.archiveTimestamp));

    SignOutcome outcome;
    outcome.outputPath = output.targetPath();
    outcome.inputSize = reader.fileSize();
    outcome.outputSize = QFileInfo(output.temporaryPath()).size();
    outcome.fieldName = planned->fieldName;
    return PreparedSignature {std::move(output), outcome};
}

} // namespace

Result<PreparedSignature> PdfSigner::prepareFile(
    const QString& inputPath, const QString& outputPath, const CadesSigner& signer, const SignatureOptions& options)
{
    Result<PreparedSignature> prepared = prepareFileOnce(inputPath, outputPath, signer, options);
    // A token larger than the one measured: the signer has now seen its size, so the retry reserves enough.
    if (!prepared && prepared.error().code == ErrorCode::SignatureTooLarge && signer.timestamps())
        prepared = prepareFileOnce(inputPath, outputPath, signer, options);
    return prepared;
}

Result<SignOutcome> PdfSigner::addArchiveTimestamp(const QString& inputPath, const QString& outputPath,
    const ValidationDataCollector& collector, const CadesSigner::TimestampFetcher& fetcher, const QByteArray& password)
{
    if (!fetcher)
        return makeError(ErrorCode::SignatureLevelUnsupported, QStringLiteral("no timestamp authority"));
    Result<std::unique_ptr<PdfReader>> opened = PdfReader::open(inputPath, -1, password);
    IKK_TRY(opened);
    PdfReader& reader = **opened;
    IKK_TRY(reader.encryptionStatus());
    // Everything the document's signatures and timestamps rest on, so that the new timestamp covers it.
    Result<PdfObject> catalog = reader.object(reader.rootRef());
    IKK_TRY(catalog);
    Result<std::vector<SignatureField>> fields = findSignatureFields(reader, *catalog);
    IKK_TRY(fields);
    if (fields->empty())
        return makeError(ErrorCode::NoSignature, QStringLiteral("nothing to keep: the document has no signature"));
    QList<Certificate> certificates;
    for (const SignatureField& field : *fields) {
        const QByteArray contents = field.value.get("Contents").bytes();
        if (field.value.get("SubFilter").isName("ETSI.RFC3161")) {
            const Result<TimestampInfo> stamp = parseTimestampToken(contents);
            if (stamp)
                certificates += stamp->certificates;
        } else if (Result<CmsSignature> cms = CmsSignature::parse(contents)) {
            certificates += certificatesToValidate(cms->certificates(), contents);
        }
    }

    Result<AtomicFile> created = AtomicFile::create(outputPath, (reader.file().permissions() & 0666) | 0600);
    IKK_TRY(created);
    AtomicFile& output = *created;
    IKK_TRY(output.copyFrom(reader.file(), 0, reader.fileSize()));
    IKK_TRY(appendValidationData(output, password, collector, certificates));
    IKK_TRY(appendDocumentTimestamp(output, password, fetcher));
    SignOutcome outcome;
    outcome.outputPath = output.targetPath();
    outcome.inputSize = reader.fileSize();
    outcome.outputSize = QFileInfo(output.temporaryPath()).size();
    IKK_TRY(output.commit());
    return outcome;
}

} // namespace ikkatsu
