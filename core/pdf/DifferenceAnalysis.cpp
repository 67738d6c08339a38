// Difference analysis: each later revision against the signed one, object by object; unexplained means disallowed.
//
// Why content and not offsets: an update may point an old number at other bytes (even bytes inside the signed
// range, planted before signing), re-define an object stream, or re-list an object unchanged. Comparing what each
// object *is* in the signed revision and in the later one catches the first two and forgives the third.
// Why reject by default: every rule below names a change a signer may make after another has signed (ISO 32000-2
// §12.8.2.2: LTA updates, signing, form filling, annotations); anything else — content, pages, Info, metadata,
// a freed object — is reported, however harmless it may look, because the harmless-looking update is how shadow
// attacks reveal what they planted.
#include "pdf/DifferenceAnalysis.h"

#include "pdf/PdfCatalog.h"
#include "pdf/PdfText.h"

#include <QHash>

#include <algorithm>
#include <map>
#include <utility>

namespace ikkatsu::pdf {

namespace {

using Level = ModificationLevel;

constexpr qint64 kMaxComparedStream = 64LL << 20;
constexpr int kMaxCompareDepth = 64;
constexpr int kMaxMarked = 200000;
constexpr int kMaxParentSteps = 32;
constexpr int kMaxPages = 200000;
constexpr size_t kMaxItems = 20000; // fields or annotations compared per list: real documents hold hundreds
constexpr size_t kMaxSignatureFields = 10000; // whose separate widgets are told apart

bool exists(const std::optional<XrefEntry>& entry)
{
    return entry && entry->type != XrefEntryType::Free;
}

bool sameEntry(const std::optional<XrefEntry>& a, const std::optional<XrefEntry>& b)
{
    if (!exists(a) || !exists(b))
        return !exists(a) && !exists(b);
    return a->type == b->type && a->offset == b->offset && a->generationOrIndex == b->generationOrIndex;
}

QString keyName(const QByteArray& key)
{
    return QLatin1Char('/') + QString::fromLatin1(key);
}

// Deep equality of an object as one reader sees it and as another does; references compare by number (what they
// point to is compared on its own when it changed).
class Comparer
{
public:
    Comparer(PdfReader& a, PdfReader& b)
        : m_a(a)
        , m_b(b)
    { }

    bool equal(const PdfObject& x, const PdfObject& y, int depth = 0)
    {
        if (depth > kMaxCompareDepth || x.type() != y.type())
            return false;
        switch (x.type()) {
        case PdfObject::Type::Null:
            return true;
        case PdfObject::Type::Boolean:
            return x.toBool() == y.toBool();
        case PdfObject::Type::Integer:
            return x.toInteger() == y.toInteger();
        case PdfObject::Type::Real:
        case PdfObject::Type::String:
        case PdfObject::Type::Name:
            return x.bytes() == y.bytes();
        case PdfObject::Type::Reference:
            return x.toReference() == y.toReference();
        case PdfObject::Type::Array:
            if (x.items().size() != y.items().size())
                return false;
            for (size_t k = 0; k < x.items().size(); ++k) {
                if (!equal(x.items()[k], y.items()[k], depth + 1))
                    return false;
            }
            return true;
        case PdfObject::Type::Dictionary:
        case PdfObject::Type::Stream:
            break;
        }
        if (!sameEntries(x, y, depth))
            return false;
        if (!x.isStream())
            return true;
        Result<QByteArray> a = m_a.rawStreamData(x, kMaxComparedStream);
        Result<QByteArray> b = m_b.rawStreamData(y, kMaxComparedStream);
        return a && b && *a == *b;
    }

    // The keys whose values differ (present in one only, or different).
    QList<QByteArray> differingKeys(const PdfObject& x, const PdfObject& y)
    {
        QList<QByteArray> keys;
        for (const PdfObject::Entry& entry : x.entries()) {
            const PdfObject* other = y.find(entry.first);
            if (!other || !equal(entry.second, *other, 1))
                keys.append(entry.first);
        }
        for (const PdfObject::Entry& entry : y.entries()) {
            if (!x.find(entry.first))
                keys.append(entry.first);
        }
        return keys;
    }

private:
    bool sameEntries(const PdfObject& x, const PdfObject& y, int depth)
    {
        if (x.entries().size() != y.entries().size())
            return false;
        for (const PdfObject::Entry& entry : x.entries()) {
            const PdfObject* other = y.find(entry.first);
            if (!other || !equal(entry.second, *other, depth + 1))
                return false;
        }
        return true;
    }

    PdfReader& m_a;
    PdfReader& m_b;
};

// What an object of the signed revision is, in words an administrator can follow.
QString describe(const PdfObject& object)
{
    const PdfObject& type = object.get("Type");
    if (type.isName("Page"))
        return QStringLiteral("page");
    if (type.isName("Pages"))
        return QStringLiteral("page tree node");
    if (type.isName("Catalog"))
        return QStringLiteral("catalog");
    if (type.isName("Metadata"))
        return QStringLiteral("metadata stream");
    if (type.isName("Font") || type.isName("FontDescriptor"))
        return QStringLiteral("font");
    if (type.isName("XObject"))
        return QStringLiteral("XObject");
    if (type.isName("Sig") || type.isName("DocTimeStamp"))
        return QStringLiteral("signature dictionary");
    if (type.isName("ObjStm"))
        return QStringLiteral("object stream");
    if (type.isName("XRef"))
        return QStringLiteral("cross-reference stream");
    if (object.find("FT"))
        return QStringLiteral("form field");
    if (object.find("Subtype") && object.find("Rect"))
        return QStringLiteral("annotation");
    if (object.isStream())
        return QStringLiteral("stream");
    if (object.isArray())
        return QStringLiteral("array");
    if (object.isDictionary())
        return QStringLiteral("dictionary");
    return QStringLiteral("object");
}

bool hasArea(const PdfObject& rect)
{
    if (!rect.isArray() || rect.items().size() != 4)
        return false;
    const auto& r = rect.items();
    return qAbs(r[2].toNumber() - r[0].toNumber()) > 0.0 && qAbs(r[3].toNumber() - r[1].toNumber()) > 0.0;
}

class Analysis
{
public:
    Analysis(PdfReader& signedDocument, PdfReader& document, const AnalysisPolicy& policy)
        : m_signed(signedDocument)
        , m_doc(document)
        , m_policy(policy)
        , m_compare(signedDocument, document)
    { }

    DifferenceReport report;

    // Analyses the revision whose sections are document.sections()[newest, oldest]; `touched` holds the object
    // numbers its sections list.
    Status analyzeRevision(size_t newest, const std::vector<quint32>& touched)
    {
        IKK_TRY(m_doc.setView(newest));
        m_revision = RevisionChanges();
        m_revision.sectionIndex = newest;

        checkTrailer();
        // Catalog, AcroForm and /Fields are compared as a whole, but only again when this revision touched them
        // (or something a rule found through them): otherwise they read as in the revision before.
        bool structureTouched = report.revisions.empty();
        for (quint32 number : touched)
            structureTouched = structureTouched || m_structure.contains(number);
        if (structureTouched) {
            m_roots.clear();
            m_addedWidgets.clear();
            m_handled.clear();
            m_structure.clear();
            m_signatureFields.clear();
            m_dssChanged = false;
            IKK_TRY(checkCatalog());
        } else {
            m_revision.level = m_structureLevel;
        }
        m_structureLevel = std::max(m_structureLevel, m_revision.level);
        for (quint32 number : touched) {
            if (!m_handled.contains(number))
                IKK_TRY(checkOldObject(number));
        }
        IKK_TRY(checkNewObjects(touched));

        for (bool timestamp : std::as_const(m_signatureFields)) {
            ++(timestamp ? m_revision.timestampsAdded : m_revision.signaturesAdded);
        }
        for (bool timestamp : std::as_const(m_filledSignatureFields)) {
            ++(timestamp ? m_revision.timestampsAdded : m_revision.signaturesAdded);
        }
        m_revision.emptySignatureFieldsAdded = static_cast<int>(m_emptyFields.size());
        m_revision.fieldsFilled = static_cast<int>(m_filledFields.size());
        m_revision.annotationsChanged = static_cast<int>(m_changedAnnotations.size());
        m_revision.dssChanged = m_dssChanged;
        report.revisions.push_back(m_revision);
        report.level = std::max(report.level, m_revision.level);
        return {};
    }

private:
    void note(quint32 number, const QString& what, const QString& change, Level level)
    {
        m_revision.level = std::max(m_revision.level, level);
        const QString key = QString::number(number) + QLatin1Char('|') + change;
        if (m_noted.contains(key))
            return;
        m_noted.insert(key);
        if (static_cast<int>(report.changes.size()) >= DifferenceAnalysis::kMaxChanges) {
            report.truncated = true;
            return;
        }
        report.changes.push_back(ObjectChange {number, what, change, level});
    }

    bool inSigned(quint32 number) const { return exists(m_signed.lookup(number)); }

    void addRoot(const PdfObject& value)
    {
        if (value.isReference())
            m_roots.push_back(value.toReference());
        else if (value.isArray() || value.isDictionary())
            collectReferences(value, m_roots);
    }

    static void collectReferences(const PdfObject& value, std::vector<PdfRef>& out, int depth = 0)
    {
        if (depth > kMaxCompareDepth)
            return;
        if (value.isReference()) {
            out.push_back(value.toReference());
        } else if (value.isArray()) {
            for (const PdfObject& item : value.items())
                collectReferences(item, out, depth + 1);
        } else if (value.isDictionary()) {
            for (const PdfObject::Entry& entry : value.entries()) {
                // Back-links name existing pages and fields; following them would explain nothing new.
                if (entry.first == "P" || entry.first == "Parent")
                    continue;
                collectReferences(entry.second, out, depth + 1);
            }
        }
    }

    void checkTrailer()
    {
        const PdfObject& before = m_signed.trailer();
        const PdfObject& after = m_doc.trailer();
        if (m_doc.rootRef() != m_signed.rootRef())
            note(0, QStringLiteral("trailer"), QStringLiteral("/Root now names another catalog"), Level::Disallowed);
        if (!m_compare.equal(before.get("Info"), after.get("Info")))
            note(0, QStringLiteral("trailer"), QStringLiteral("/Info replaced"), Level::Disallowed);
        if (!m_compare.equal(before.get("Encrypt"), after.get("Encrypt")))
            note(0, QStringLiteral("trailer"), QStringLiteral("/Encrypt changed"), Level::Disallowed);
    }

    // Catalog, AcroForm and /Fields, compared as a whole in every revision: their changes say which new objects
    // (signature fields, widgets, /DSS) are explained.
    Status checkCatalog()
    {
        const PdfRef rootRef = m_signed.rootRef();
        Result<PdfObject> before = m_signed.object(rootRef);
        if (!before)
            return before.error();
        Result<PdfObject> after = m_doc.object(m_doc.rootRef());
        if (!after || !after->isDictionary()) {
            note(rootRef.number, QStringLiteral("catalog"), QStringLiteral("unreadable"), Level::Disallowed);
            return {};
        }
        m_handled.insert(rootRef.number);
        m_structure.insert(rootRef.number);
        m_structure.insert(m_doc.rootRef().number);
        const QString what = QStringLiteral("catalog");
        for (const QByteArray& key : m_compare.differingKeys(*before, *after)) {
            if (key == "AcroForm") {
                continue; // below
            } else if (key == "DSS") {
                m_dssChanged = true;
                note(rootRef.number, what, QStringLiteral("/DSS updated"), Level::LtaUpdates);
                addRoot(after->get("DSS"));
            } else if (key == "Extensions") {
                note(rootRef.number, what, QStringLiteral("/Extensions updated"), Level::LtaUpdates);
                addRoot(after->get("Extensions"));
            } else {
                note(rootRef.number, what, keyName(key) + QStringLiteral(" changed"), Level::Disallowed);
            }
        }
        return checkForm(rootRef, *before, *after);
    }

    Status checkForm(PdfRef rootRef, const PdfObject& catalogBefore, const PdfObject& catalogAfter)
    {
        const PdfObject& formBefore = catalogBefore.get("AcroForm");
        const PdfObject& formAfter = catalogAfter.get("AcroForm");
        Result<PdfObject> before = m_signed.resolve(formBefore);
        Result<PdfObject> after = m_doc.resolve(formAfter);
        if (!before || !after) {
            note(rootRef.number, QStringLiteral("AcroForm"), QStringLiteral("unreadable"), Level::Disallowed);
            return {};
        }
        for (const PdfObject* form : {&formBefore, &formAfter}) {
            if (form->isReference()) {
                m_handled.insert(form->toReference().number);
                m_structure.insert(form->toReference().number);
            }
        }
        if (formAfter.isReference() && !inSigned(formAfter.toReference().number))
            m_roots.push_back(formAfter.toReference());
        const quint32 formNumber = formAfter.isReference() ? formAfter.toReference().number : rootRef.number;
        const QString what = QStringLiteral("AcroForm");
        if (!after->isDictionary()) {
            if (before->isDictionary())
                note(formNumber, what, QStringLiteral("removed"), Level::Disallowed);
            return {};
        }
        const PdfObject empty = PdfObject::dictionary();
        const PdfObject& old = before->isDictionary() ? *before : empty;
        for (const QByteArray& key : m_compare.differingKeys(old, *after)) {
            if (key == "Fields")
                continue; // below
            if (key == "SigFlags")
                note(formNumber, what, QStringLiteral("/SigFlags set"), Level::LtaUpdates);
            else if (key == "DR")
                note(formNumber, what, QStringLiteral("/DR resources extended"), Level::FormFilling);
            else
                note(formNumber, what, keyName(key) + QStringLiteral(" changed"), Level::Disallowed);
        }
        if (after->get("DR").isReference() || after->get("DR").isDictionary())
            addRoot(after->get("DR"));

        const PdfObject& fieldsBefore = old.get("Fields");
        const PdfObject& fieldsAfter = after->get("Fields");
        Result<PdfObject> listBefore = m_signed.resolve(fieldsBefore);
        Result<PdfObject> listAfter = m_doc.resolve(fieldsAfter);
        if (!listBefore || !listAfter) {
            note(formNumber, what, QStringLiteral("/Fields unreadable"), Level::Disallowed);
            return {};
        }
        for (const PdfObject* fields : {&fieldsBefore, &fieldsAfter}) {
            if (fields->isReference()) {
                m_handled.insert(fields->toReference().number);
                m_structure.insert(fields->toReference().number);
            }
        }
        if (itemCount(*listBefore) > kMaxItems || itemCount(*listAfter) > kMaxItems) {
            note(formNumber, what, QStringLiteral("more than %1 fields").arg(kMaxItems), Level::Disallowed);
            return {};
        }
        if (fieldsAfter.isReference() && !inSigned(fieldsAfter.toReference().number))
            m_roots.push_back(fieldsAfter.toReference());
        const quint32 listNumber = fieldsAfter.isReference() ? fieldsAfter.toReference().number : formNumber;
        const std::vector<PdfObject> none;
        const std::vector<PdfObject>& itemsBefore = listBefore->isArray() ? listBefore->items() : none;
        const std::vector<PdfObject>& itemsAfter = listAfter->isArray() ? listAfter->items() : none;
        std::vector<PdfObject> added;
        if (!keepsInOrder(itemsBefore, itemsAfter, &added)) {
            note(listNumber, QStringLiteral("field list"), QStringLiteral("existing fields removed or reordered"),
                Level::Disallowed);
        }
        for (const PdfObject& item : added)
            IKK_TRY(checkAddedField(listNumber, item));
        return {};
    }

    // True when every item of `before` is still in `after`, in the same order; what else `after` holds goes to
    // `added`, what it lost to `removed`. Linear: references are found through an index.
    bool keepsInOrder(const std::vector<PdfObject>& before, const std::vector<PdfObject>& after,
        std::vector<PdfObject>* added, std::vector<PdfObject>* removed = nullptr)
    {
        QHash<quint32, size_t> position;
        for (size_t k = before.size(); k-- > 0;) {
            if (before[k].isReference())
                position.insert(before[k].toReference().number, k);
        }
        size_t k = 0;
        bool kept = true;
        for (const PdfObject& item : after) {
            if (k < before.size() && m_compare.equal(before[k], item)) {
                ++k;
                continue;
            }
            const auto found = item.isReference() ? position.constFind(item.toReference().number) : position.cend();
            if (found != position.cend() && *found > k && m_compare.equal(before[*found], item)) {
                // Old items dropped before this one.
                for (size_t gone = k; gone < *found; ++gone) {
                    if (removed)
                        removed->push_back(before[gone]);
                }
                kept = false;
                k = *found + 1;
                continue;
            }
            added->push_back(item);
        }
        for (; k < before.size(); ++k) {
            kept = false;
            if (removed)
                removed->push_back(before[k]);
        }
        return kept;
    }

    static size_t itemCount(const PdfObject& list) { return list.isArray() ? list.items().size() : 0; }

    Status checkAddedField(quint32 listNumber, const PdfObject& item)
    {
        const QString what = QStringLiteral("form field");
        if (!item.isReference()) {
            note(listNumber, what, QStringLiteral("direct field added"), Level::Disallowed);
            return {};
        }
        const PdfRef ref = item.toReference();
        if (inSigned(ref.number)) {
            note(ref.number, what, QStringLiteral("an existing object listed as a new field"), Level::Disallowed);
            return {};
        }
        Result<PdfObject> field = m_doc.object(ref);
        if (!field || !field->isDictionary() || field->isStream()) {
            note(ref.number, what, QStringLiteral("added field is not a dictionary"), Level::Disallowed);
            return {};
        }
        if (!field->get("FT").isName("Sig")) {
            note(ref.number, what, QStringLiteral("form field added"), Level::Disallowed);
            return {};
        }
        m_roots.push_back(ref);
        m_structure.insert(ref.number);
        noteWidgets(ref, *field);
        const PdfObject* value = field->find("V");
        if (value && !value->isNull()) {
            if (value->isReference())
                m_structure.insert(value->toReference().number);
            Result<bool> timestamp = noteSignatureValue(ref.number, *value);
            if (!timestamp)
                return timestamp.error();
            m_signatureFields.insert(ref.number, *timestamp);
            return {};
        }
        m_emptyFields.insert(ref.number);
        const bool hidden = (field->get("F").toInteger(0) & 2) != 0;
        if (!hidden && hasArea(field->get("Rect")) && field->find("AP"))
            note(ref.number, QStringLiteral("signature field"),
                QStringLiteral("empty signature field with a visible appearance added"), Level::Disallowed);
        else
            note(ref.number, QStringLiteral("signature field"), QStringLiteral("empty signature field added"),
                Level::FormFilling);
        return {};
    }

    void noteWidgets(PdfRef fieldRef, const PdfObject& field)
    {
        if (field.get("Subtype").isName("Widget"))
            m_addedWidgets.insert(fieldRef.number);
        const PdfObject& kids = field.get("Kids");
        if (kids.isArray()) {
            for (const PdfObject& kid : kids.items()) {
                if (kid.isReference() && !inSigned(kid.toReference().number)) {
                    m_addedWidgets.insert(kid.toReference().number);
                    m_structure.insert(kid.toReference().number);
                }
            }
        }
    }

    // A signature field's new /V: a document timestamp (true) is an LTA update, anything else a signature.
    Result<bool> noteSignatureValue(quint32 fieldNumber, const PdfObject& value)
    {
        Result<PdfObject> signature = m_doc.resolve(value);
        if (!signature || !signature->isDictionary()) {
            note(fieldNumber, QStringLiteral("signature field"), QStringLiteral("value is not a signature"),
                Level::Disallowed);
            return false;
        }
        if (value.isReference() && inSigned(value.toReference().number)) {
            note(fieldNumber, QStringLiteral("signature field"), QStringLiteral("value is an existing object"),
                Level::Disallowed);
            return false;
        }
        addRoot(value);
        if (signature->get("Type").isName("DocTimeStamp")) {
            note(fieldNumber, QStringLiteral("signature field"), QStringLiteral("document timestamp added"),
                Level::LtaUpdates);
            return true;
        }
        note(fieldNumber, QStringLiteral("signature field"), QStringLiteral("signature added"), Level::FormFilling);
        return false;
    }

    // An object of the signed revision listed by a later section.
    Status checkOldObject(quint32 number)
    {
        const std::optional<XrefEntry> before = m_signed.lookup(number);
        if (!exists(before))
            return {}; // new: see checkNewObjects
        const std::optional<XrefEntry> after = m_doc.lookup(number);
        if (sameEntry(before, after) && before->type == XrefEntryType::InFile)
            return {};
        const PdfRef ref {number, 0};
        Result<PdfObject> old = m_signed.object(ref);
        if (!old) {
            note(number, QStringLiteral("object"), QStringLiteral("unreadable in the signed revision"),
                Level::Disallowed);
            return {};
        }
        const QString what = describe(*old);
        if (!exists(after)) {
            note(number, what, QStringLiteral("freed"), Level::Disallowed);
            return {};
        }
        Result<PdfObject> now = m_doc.object(ref);
        if (!now) {
            note(number, what, QStringLiteral("re-defined by unreadable bytes"), Level::Disallowed);
            return {};
        }
        if (m_compare.equal(*old, *now))
            return {};
        if (old->isStream() || now->isStream() || old->type() != now->type()) {
            note(number, what, old->isStream() ? QStringLiteral("stream changed") : QStringLiteral("replaced"),
                Level::Disallowed);
            return {};
        }
        if (old->isArray())
            return checkOldArray(number, *old, *now);
        if (!old->isDictionary()) {
            note(number, what, QStringLiteral("changed"), Level::Disallowed);
            return {};
        }
        if (old->get("Type").isName("Page"))
            return checkPage(number, *old, *now);
        if (const std::optional<quint32> owner = widgetOwner(number))
            return checkSignatureWidget(number, *owner, *old, *now);
        Result<QByteArray> fieldType = inheritedFieldType(*old);
        if (!fieldType)
            return fieldType.error();
        if (*fieldType == "Sig")
            return checkSignatureField(number, *old, *now);
        if (!fieldType->isEmpty())
            return checkFormField(number, *old, *now);
        if (old->find("Subtype") && old->find("Rect") && !old->get("Subtype").isName("Widget")) {
            m_changedAnnotations.insert(number);
            note(number, what, QStringLiteral("annotation changed"), Level::Annotations);
            addRoot(*now);
            return {};
        }
        const QList<QByteArray> keys = m_compare.differingKeys(*old, *now);
        for (const QByteArray& key : keys)
            note(number, what, keyName(key) + QStringLiteral(" changed"), Level::Disallowed);
        return {};
    }

    // /FT of a field, inherited through /Parent; empty for objects that are no field.
    Result<QByteArray> inheritedFieldType(const PdfObject& object)
    {
        PdfObject current = object;
        for (int step = 0; step < kMaxParentSteps; ++step) {
            const PdfObject& type = current.get("FT");
            if (type.isName())
                return type.bytes();
            const PdfObject& parent = current.get("Parent");
            if (!parent.isReference())
                return QByteArray();
            Result<PdfObject> next = m_signed.object(parent.toReference());
            if (!next)
                return next.error();
            if (!next->isDictionary())
                return QByteArray();
            current = std::move(next).value();
        }
        return QByteArray();
    }

    QString qualifiedName(const PdfObject& object)
    {
        QStringList parts;
        PdfObject current = object;
        for (int step = 0; step < kMaxParentSteps; ++step) {
            if (current.get("T").isString())
                parts.prepend(decodeTextString(current.get("T").bytes()));
            const PdfObject& parent = current.get("Parent");
            if (!parent.isReference())
                break;
            Result<PdfObject> next = m_signed.object(parent.toReference());
            if (!next || !next->isDictionary())
                break;
            current = std::move(next).value();
        }
        return parts.join(QLatin1Char('.'));
    }

    bool locked(const PdfObject& field)
    {
        if (!m_policy.lockAll && m_policy.lockedFields.isEmpty())
            return false;
        return m_policy.locks(qualifiedName(field));
    }

    // The signature field (object number) each separate widget of the signed revision belongs to: the /Kids
    // widgets PdfCatalog's field walk assigns to their field, found once. An unreadable form knows none, so that
    // its widgets change nothing unexplained.
    std::optional<quint32> widgetOwner(quint32 number)
    {
        if (!m_widgetOwnersIndexed) {
            m_widgetOwnersIndexed = true;
            Result<PdfObject> catalog = m_signed.object(m_signed.rootRef());
            Result<std::vector<FormField>> fields = catalog
                ? listFormSignatureFields(m_signed, *catalog, kMaxSignatureFields)
                : Result<std::vector<FormField>>(catalog.error());
            for (const FormField& field : fields ? *fields : std::vector<FormField>()) {
                for (const PdfRef& widget : field.widgetRefs) {
                    if (!widget.isNull() && widget != field.fieldRef && !field.fieldRef.isNull())
                        m_widgetOwners.insert(widget.number, field.fieldRef.number);
                }
            }
        }
        const auto found = m_widgetOwners.constFind(number);
        return found == m_widgetOwners.cend() ? std::nullopt : std::optional<quint32>(*found);
    }

    // Whether signature field `number` has no /V in the signed revision and one now.
    Result<bool> signedSince(quint32 number)
    {
        const PdfRef ref {number, 0};
        Result<PdfObject> before = m_signed.object(ref);
        if (!before)
            return before.error();
        if (const PdfObject* value = before->isDictionary() ? before->find("V") : nullptr; value && !value->isNull())
            return false;
        Result<PdfObject> after = m_doc.object(ref);
        if (!after)
            return after.error();
        const PdfObject* value = after->isDictionary() ? after->find("V") : nullptr;
        return value && !value->isNull();
    }

    // A separate widget of signature field `owner`: it shows the field's signature once the field is signed, and
    // changes in nothing else (its value, place and page stay the field's).
    Status checkSignatureWidget(quint32 number, quint32 owner, const PdfObject& old, const PdfObject& now)
    {
        const QString what = QStringLiteral("signature widget");
        for (const QByteArray& key : m_compare.differingKeys(old, now)) {
            if (key != "AP") {
                note(number, what,
                    key == "V" ? QStringLiteral("value set on a widget instead of its field")
                               : keyName(key) + QStringLiteral(" changed"),
                    Level::Disallowed);
                continue;
            }
            IKK_TRY(checkAppearance(number, owner, what, now));
        }
        return {};
    }

    // Only the signature that fills a field draws its appearance: a changed look of an empty or an earlier-signed
    // field (on the field or on its own widget) would show what nobody signed.
    Status checkAppearance(quint32 number, quint32 field, const QString& what, const PdfObject& now)
    {
        Result<bool> signs = signedSince(field);
        if (!signs)
            return signs.error();
        if (*signs) {
            note(number, what, QStringLiteral("appearance of the signed field"), Level::FormFilling);
            addRoot(now.get("AP"));
        } else {
            note(number, what, QStringLiteral("appearance changed without signing its field"), Level::Disallowed);
        }
        return {};
    }

    Status checkSignatureField(quint32 number, const PdfObject& old, const PdfObject& now)
    {
        const QString what = QStringLiteral("signature field");
        for (const QByteArray& key : m_compare.differingKeys(old, now)) {
            if (key == "V" && old.get("V").isNull()) {
                if (locked(old)) {
                    note(number, what, QStringLiteral("locked field signed"), Level::Disallowed);
                } else {
                    Result<bool> timestamp = noteSignatureValue(number, now.get("V"));
                    if (!timestamp)
                        return timestamp.error();
                    m_filledSignatureFields.insert(number, *timestamp);
                }
            } else if (key == "AP") {
                IKK_TRY(checkAppearance(number, number, what, now));
            } else {
                note(number, what, keyName(key) + QStringLiteral(" changed"), Level::Disallowed);
            }
        }
        return {};
    }

    Status checkFormField(quint32 number, const PdfObject& old, const PdfObject& now)
    {
        const QString what = QStringLiteral("form field");
        bool filled = false;
        for (const QByteArray& key : m_compare.differingKeys(old, now)) {
            if (key == "V" || key == "AS" || key == "AP") {
                if (locked(old)) {
                    note(number, what, QStringLiteral("locked field changed"), Level::Disallowed);
                    continue;
                }
                filled = true;
                addRoot(now.get(key));
            } else {
                note(number, what, keyName(key) + QStringLiteral(" changed"), Level::Disallowed);
            }
        }
        if (filled) {
            m_filledFields.insert(number);
            note(number, what, QStringLiteral("filled in"), Level::FormFilling);
        }
        return {};
    }

    Status checkPage(quint32 number, const PdfObject& old, const PdfObject& now)
    {
        const QString what = QStringLiteral("page");
        for (const QByteArray& key : m_compare.differingKeys(old, now)) {
            if (key != "Annots") {
                note(number, what, keyName(key) + QStringLiteral(" changed"), Level::Disallowed);
                continue;
            }
            Result<PdfObject> before = m_signed.resolve(old.get("Annots"));
            Result<PdfObject> after = m_doc.resolve(now.get("Annots"));
            if (!before || !after || !after->isArray()) {
                note(number, what, QStringLiteral("/Annots unreadable"), Level::Disallowed);
                continue;
            }
            const PdfObject& value = now.get("Annots");
            if (value.isReference()) {
                if (inSigned(value.toReference().number) && !m_compare.equal(old.get("Annots"), value))
                    note(number, what, QStringLiteral("/Annots now names another existing object"), Level::Disallowed);
                else
                    m_roots.push_back(value.toReference());
                m_handled.insert(value.toReference().number);
            }
            IKK_TRY(checkAnnotations(
                number, before->isArray() ? before->items() : std::vector<PdfObject>(), after->items()));
        }
        return {};
    }

    // An old array: a page's /Annots when a page of the signed revision names it so, else not to be changed.
    Status checkOldArray(quint32 number, const PdfObject& old, const PdfObject& now)
    {
        IKK_TRY(indexPages());
        if (!m_annotsArrays.contains(number)) {
            note(number, QStringLiteral("array"), QStringLiteral("changed"), Level::Disallowed);
            return {};
        }
        return checkAnnotations(m_annotsArrays.value(number), old.items(), now.items());
    }

    Status checkAnnotations(
        quint32 pageNumber, const std::vector<PdfObject>& before, const std::vector<PdfObject>& after)
    {
        if (before.size() > size_t(kMaxItems) || after.size() > size_t(kMaxItems)) {
            note(pageNumber, QStringLiteral("page"), QStringLiteral("more than %1 annotations").arg(kMaxItems),
                Level::Disallowed);
            return {};
        }
        std::vector<PdfObject> added;
        std::vector<PdfObject> removed;
        keepsInOrder(before, after, &added, &removed);
        for (const PdfObject& item : removed) {
            Result<PdfObject> annotation = m_signed.resolve(item);
            const bool widget = annotation && annotation->get("Subtype").isName("Widget");
            const quint32 at = item.isReference() ? item.toReference().number : pageNumber;
            if (widget) {
                note(at, QStringLiteral("widget"), QStringLiteral("removed from its page"), Level::Disallowed);
            } else {
                m_changedAnnotations.insert(at);
                note(at, QStringLiteral("annotation"), QStringLiteral("removed"), Level::Annotations);
            }
        }
        for (const PdfObject& item : added) {
            if (!item.isReference()) {
                note(pageNumber, QStringLiteral("page"), QStringLiteral("direct annotation added"), Level::Disallowed);
                continue;
            }
            const quint32 at = item.toReference().number;
            if (m_addedWidgets.contains(at))
                continue; // the widget of a new signature field, explained with its field
            if (inSigned(at)) {
                note(at, QStringLiteral("annotation"), QStringLiteral("an existing object added to a page"),
                    Level::Disallowed);
                continue;
            }
            Result<PdfObject> annotation = m_doc.object(item.toReference());
            if (!annotation || !annotation->isDictionary() || !annotation->find("Subtype")
                || annotation->get("Subtype").isName("Widget")) {
                note(at, QStringLiteral("annotation"), QStringLiteral("widget without a new signature field added"),
                    Level::Disallowed);
                continue;
            }
            m_changedAnnotations.insert(at);
            note(at, QStringLiteral("annotation"), QStringLiteral("added"), Level::Annotations);
            m_roots.push_back(item.toReference());
        }
        return {};
    }

    // Which arrays of the signed revision are some page's /Annots (found once, by walking the page tree).
    Status indexPages()
    {
        if (m_pagesIndexed)
            return {};
        m_pagesIndexed = true;
        Result<PdfObject> catalog = m_signed.object(m_signed.rootRef());
        if (!catalog)
            return catalog.error();
        std::vector<PdfObject> pending {catalog->get("Pages")};
        QSet<quint32> seen;
        int visited = 0;
        while (!pending.empty() && visited++ < kMaxPages) {
            const PdfObject node = pending.back();
            pending.pop_back();
            if (!node.isReference() || seen.contains(node.toReference().number))
                continue;
            seen.insert(node.toReference().number);
            Result<PdfObject> resolved = m_signed.object(node.toReference());
            if (!resolved || !resolved->isDictionary())
                continue;
            const PdfObject& annots = resolved->get("Annots");
            if (annots.isReference())
                m_annotsArrays.insert(annots.toReference().number, node.toReference().number);
            Result<PdfObject> kids = m_signed.resolve(resolved->get("Kids"));
            if (kids && kids->isArray()) {
                for (const PdfObject& kid : kids->items())
                    pending.push_back(kid);
            }
        }
        return {};
    }

    // New objects of this revision must be reachable from something a rule explained; cross-reference and object
    // streams explain themselves.
    Status checkNewObjects(const std::vector<quint32>& touched)
    {
        if (std::all_of(touched.begin(), touched.end(), [this](quint32 n) { return inSigned(n); }))
            return {};
        QSet<quint32> marked;
        std::vector<PdfRef> pending = m_roots;
        while (!pending.empty() && marked.size() < kMaxMarked) {
            const PdfRef ref = pending.back();
            pending.pop_back();
            if (marked.contains(ref.number) || inSigned(ref.number))
                continue;
            marked.insert(ref.number);
            Result<PdfObject> object = m_doc.object(ref);
            if (object)
                collectReferences(*object, pending);
        }
        for (quint32 number : touched) {
            if (inSigned(number) || marked.contains(number))
                continue;
            if (!exists(m_doc.lookup(number)))
                continue;
            Result<PdfObject> object = m_doc.object(PdfRef {number, 0});
            if (!object) {
                note(number, QStringLiteral("object"), QStringLiteral("added, unreadable"), Level::Disallowed);
                continue;
            }
            const PdfObject& type = object->get("Type");
            if (object->isStream() && (type.isName("XRef") || type.isName("ObjStm")))
                continue;
            if (object->isNull())
                continue;
            note(number, describe(*object), QStringLiteral("added, but no allowed change refers to it"),
                Level::Disallowed);
        }
        return {};
    }

    PdfReader& m_signed;
    PdfReader& m_doc;
    const AnalysisPolicy& m_policy;
    Comparer m_compare;
    RevisionChanges m_revision;
    std::vector<PdfRef> m_roots;
    QSet<quint32> m_addedWidgets;
    QSet<quint32> m_handled;
    QSet<quint32> m_structure; // numbers whose change means the catalog-level comparison must run again
    Level m_structureLevel = Level::None;
    bool m_dssChanged = false;
    QHash<quint32, bool> m_signatureFields; // new signature fields with a value → is a document timestamp
    QHash<quint32, bool> m_filledSignatureFields; // existing empty ones filled → is a document timestamp
    QSet<quint32> m_emptyFields;
    QSet<quint32> m_filledFields;
    QSet<quint32> m_changedAnnotations;
    QSet<QString> m_noted;
    bool m_pagesIndexed = false;
    bool m_widgetOwnersIndexed = false;
    QHash<quint32, quint32> m_widgetOwners; // separate widget → its signature field
    QHash<quint32, quint32> m_annotsArrays; // array number → page number
};

} // namespace

AnalysisPolicy fieldMdpPolicy(PdfReader& reader, const PdfObject& signature)
{
    AnalysisPolicy policy;
    Result<PdfObject> references = reader.resolve(signature.get("Reference"));
    if (!references || !references->isArray())
        return policy;
    for (const PdfObject& item : references->items()) {
        Result<PdfObject> reference = reader.resolve(item);
        if (!reference || !reference->isDictionary() || !reference->get("TransformMethod").isName("FieldMDP"))
            continue;
        Result<PdfObject> params = reader.resolve(reference->get("TransformParams"));
        if (!params || !params->isDictionary())
            continue;
        QSet<QString> names;
        Result<PdfObject> fields = reader.resolve(params->get("Fields"));
        if (fields && fields->isArray()) {
            for (const PdfObject& name : fields->items()) {
                if (name.isString())
                    names.insert(decodeTextString(name.bytes()));
            }
        }
        const PdfObject& action = params->get("Action");
        if (action.isName("All")) {
            policy.lockAll = true;
        } else if (action.isName("Include")) {
            policy.lockedFields.unite(names);
        } else if (action.isName("Exclude")) {
            policy.lockAll = true;
            policy.unlockedFields.unite(names);
        }
        const qint64 p = params->get("P").toInteger(0);
        if (p >= 1 && p <= 3 && (policy.lockPermission == 0 || p < policy.lockPermission))
            policy.lockPermission = static_cast<int>(p);
    }
    return policy;
}

QString modificationLevelName(ModificationLevel level)
{
    switch (level) {
    case ModificationLevel::None:
        return QStringLiteral("none");
    case ModificationLevel::LtaUpdates:
        return QStringLiteral("lta-updates");
    case ModificationLevel::FormFilling:
        return QStringLiteral("form-filling");
    case ModificationLevel::Annotations:
        return QStringLiteral("annotations");
    case ModificationLevel::Disallowed:
        break;
    }
    return QStringLiteral("disallowed");
}

std::vector<ObjectChange> DifferenceReport::beyond(ModificationLevel allowed) const
{
    std::vector<ObjectChange> found;
    for (const ObjectChange& change : changes) {
        if (change.level > allowed)
            found.push_back(change);
    }
    return found;
}

Result<DifferenceReport> DifferenceAnalysis::analyze(
    const QString& path, PdfReader& document, qint64 signedEnd, const AnalysisPolicy& policy)
{
    Result<std::unique_ptr<PdfReader>> opened = PdfReader::open(path, signedEnd);
    if (!opened)
        return opened.error();
    PdfReader& signedDocument = **opened;
    DifferenceReport report;

    // The later sections must sit after the signed bytes and chain into exactly the signed revision's sections:
    // otherwise the document a viewer shows is not built on what was signed.
    const std::vector<XrefSection>& all = document.sections();
    const std::vector<XrefSection>& signedSections = signedDocument.sections();
    const size_t later = all.size() >= signedSections.size() ? all.size() - signedSections.size() : 0;
    bool chained = all.size() >= signedSections.size();
    for (size_t k = 0; chained && k < signedSections.size(); ++k)
        chained = all[later + k].offset == signedSections[k].offset;
    for (size_t k = 0; chained && k < later; ++k)
        chained = all[k].offset >= signedEnd;
    if (!chained) {
        report.level = ModificationLevel::Disallowed;
        report.changes.push_back(ObjectChange {0, QStringLiteral("cross-reference chain"),
            QStringLiteral("a later revision does not build on the signed one"), ModificationLevel::Disallowed});
        return report;
    }
    if (later == 0)
        return report;

    // Revisions oldest first: a classic section and the /XRefStm stream that follows it are one revision.
    struct Group
    {
        size_t newest;
        size_t oldest;
    };
    std::vector<Group> groups;
    for (size_t k = 0; k < later; ++k) {
        if (all[k].isHybridStream)
            continue;
        size_t oldest = k;
        if (k + 1 < later && all[k + 1].isHybridStream)
            oldest = k + 1;
        groups.push_back(Group {k, oldest});
    }
    std::reverse(groups.begin(), groups.end());
    if (groups.size() > size_t(kMaxLaterRevisions)) {
        report.level = ModificationLevel::Disallowed;
        report.changes.push_back(ObjectChange {0, QStringLiteral("cross-reference chain"),
            QStringLiteral("more than %1 revisions after the signature").arg(kMaxLaterRevisions),
            ModificationLevel::Disallowed});
        return report;
    }

    const size_t restore = document.view();
    Analysis analysis(signedDocument, document, policy);
    qint64 touchedTotal = 0;
    for (const Group& group : groups) {
        std::vector<quint32> touched;
        for (size_t k = group.newest; k <= group.oldest; ++k) {
            for (const XrefSubsection& subsection : all[k].subsections) {
                touchedTotal += qint64(subsection.entries.size());
                if (touchedTotal > kMaxTouchedObjects) {
                    analysis.report.level = ModificationLevel::Disallowed;
                    analysis.report.changes.push_back(ObjectChange {0, QStringLiteral("cross-reference chain"),
                        QStringLiteral("more than %1 objects listed after the signature").arg(kMaxTouchedObjects),
                        ModificationLevel::Disallowed});
                    (void)document.setView(restore);
                    return analysis.report;
                }
                for (size_t e = 0; e < subsection.entries.size(); ++e) {
                    const quint32 number = subsection.first + static_cast<quint32>(e);
                    if (number != 0)
                        touched.push_back(number);
                }
            }
        }
        std::sort(touched.begin(), touched.end());
        touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
        const Status done = analysis.analyzeRevision(group.newest, touched);
        if (!done) {
            (void)document.setView(restore);
            return done.error();
        }
        analysis.report.revisions.back().firstSectionOffset = all[group.oldest].offset;
    }
    (void)document.setView(restore);
    return analysis.report;
}

} // namespace ikkatsu::pdf
