// Lists signature fields as PdfSigner finds them (PdfCatalog's field walk: fully qualified names, the widget merged
// or a kid) and adds top-level field-and-widget ones, which DifferenceAnalysis explains as form filling.
#include "pdf/SignatureFields.h"

#include "common/AtomicFile.h"
#include "pdf/IncrementalUpdate.h"
#include "pdf/PdfCatalog.h"
#include "pdf/PdfSecurity.h"
#include "pdf/PdfText.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>

namespace ikkatsu::pdf {

namespace {

constexpr double kMinSide = 8; // points: as PdfSigner's seal check, smaller cannot show a seal
constexpr double kSlack = 0.01; // points: rounding of a rectangle drawn on the page
constexpr qsizetype kMaxFieldsListed = 10000; // a hostile /Fields array is cut here

Error malformed(const QString& detail)
{
    return makeError(ErrorCode::PdfMalformed, detail);
}

std::array<double, 4> normalised(const PdfObject& rect)
{
    std::array<double, 4> v {0, 0, 0, 0};
    if (!rect.isArray() || rect.items().size() != 4)
        return v;
    for (int k = 0; k < 4; ++k) {
        if (!rect.items()[k].isNumber())
            return {0, 0, 0, 0};
        v[k] = rect.items()[k].toNumber();
    }
    return {std::min(v[0], v[2]), std::min(v[1], v[3]), std::max(v[0], v[2]), std::max(v[1], v[3])};
}

PdfObject number(double value)
{
    return PdfObject::real(QByteArray::number(value, 'f', 2));
}

Result<PdfObject> catalogOf(PdfReader& reader)
{
    Result<PdfObject> catalog = reader.object(reader.rootRef());
    if (!catalog)
        return catalog.error();
    if (!catalog->isDictionary() || catalog->isStream())
        return malformed(QStringLiteral("the document catalog is not a dictionary"));
    return catalog;
}

// The objects of the update, each encrypted once when it is finally put.
class Changes
{
public:
    explicit Changes(PdfReader& reader)
        : m_update(reader.nextFreeObjectNumber())
        , m_security(reader.security())
    { }

    PdfRef allocate() { return m_update.allocate(); }
    // insert_or_assign, not operator[]: PdfObject has no default constructor clang's library could use.
    void set(PdfRef ref, PdfObject object)
    {
        m_objects.insert_or_assign(ref.number, std::pair {ref, std::move(object)});
    }
    PdfObject* find(PdfRef ref)
    {
        auto it = m_objects.find(ref.number);
        return it == m_objects.end() ? nullptr : &it->second.second;
    }
    Result<IncrementalUpdate> finish()
    {
        for (auto& [number, entry] : m_objects)
            IKK_TRY(m_update.putEncrypted(entry.first, std::move(entry.second), m_security));
        return std::move(m_update);
    }

private:
    IncrementalUpdate m_update;
    const PdfSecurity* m_security;
    std::map<quint32, std::pair<PdfRef, PdfObject>> m_objects;
};

} // namespace

Result<std::vector<SignatureFieldInfo>> listSignatureFields(PdfReader& reader)
{
    std::vector<SignatureFieldInfo> found;
    Result<PdfObject> catalog = catalogOf(reader);
    if (!catalog)
        return catalog.error();
    Result<std::vector<FormField>> fields = listFormSignatureFields(reader, *catalog, size_t(kMaxFieldsListed));
    if (!fields)
        return fields.error();
    if (fields->empty())
        return found;
    Result<std::vector<PdfRef>> pages = listPages(reader, *catalog);
    if (!pages)
        return pages.error();
    QHash<quint32, int> pageIndex;
    for (size_t k = 0; k < pages->size(); ++k)
        pageIndex.insert((*pages)[k].number, int(k) + 1);
    QHash<quint32, int> annotationPage; // filled on first need: widgets without /P
    bool annotationsRead = false;

    for (const FormField& field : *fields) {
        SignatureFieldInfo info;
        info.name = field.name;
        info.filled = field.filled;
        // The field's first widget: itself, or its first kid widget.
        const PdfObject widget = field.widgets.empty() ? PdfObject::dictionary() : field.widgets.front();
        const PdfRef widgetRef = field.widgetRefs.empty() ? PdfRef {} : field.widgetRefs.front();
        info.rect = normalised(widget.get("Rect"));
        const PdfObject& owner = widget.get("P");
        if (owner.isReference())
            info.page = pageIndex.value(owner.toReference().number, 0);
        if (info.page == 0 && !widgetRef.isNull()) {
            if (!annotationsRead) {
                annotationsRead = true;
                for (size_t k = 0; k < pages->size(); ++k) {
                    Result<PdfObject> page = reader.object((*pages)[k]);
                    Result<PdfObject> annots
                        = page && page->isDictionary() ? reader.resolve(page->get("Annots")) : page;
                    if (!annots)
                        return annots.error();
                    if (!annots->isArray())
                        continue;
                    for (const PdfObject& annotation : annots->items()) {
                        if (annotation.isReference())
                            annotationPage.insert(annotation.toReference().number, int(k) + 1);
                    }
                }
            }
            info.page = annotationPage.value(widgetRef.number, 0);
        }
        if (info.page > 0) {
            Result<PdfObject> page = reader.object((*pages)[size_t(info.page - 1)]);
            if (!page)
                return page.error();
            Result<int> rotation = pageRotation(reader, *page);
            if (!rotation)
                return rotation.error();
            info.rotation = *rotation;
        }
        found.push_back(std::move(info));
    }
    return found;
}

Result<QByteArray> signatureFieldsRevision(PdfReader& reader, const std::vector<NewSignatureField>& fields)
{
    IKK_TRY(reader.encryptionStatus());
    if (reader.security() && !reader.security()->allowsSigning())
        return makeError(ErrorCode::PdfPermissionDenied,
            QStringLiteral("/P %1 allows no form filling").arg(reader.security()->permissions()));
    Result<PdfObject> catalogResult = catalogOf(reader);
    if (!catalogResult)
        return catalogResult.error();
    PdfObject catalog = std::move(catalogResult).value();
    Result<int> permission = docMdpPermission(reader, catalog);
    if (!permission)
        return permission.error();
    if (*permission == 1)
        return makeError(ErrorCode::PdfLockedByDocMdp, QStringLiteral("certified with DocMDP /P 1"));
    if (fields.empty())
        return makeError(ErrorCode::SealPlacementInvalid, QStringLiteral("no signature field to add"));

    // The form as it is: indirect (rewrite it), direct in the catalog (rewrite the catalog) or absent (create it).
    Changes changes(reader);
    bool catalogChanged = false;
    PdfObject form = PdfObject::dictionary();
    PdfRef formRef;
    const PdfObject& formValue = catalog.get("AcroForm");
    Result<PdfObject> existingForm = reader.resolve(formValue);
    if (!existingForm)
        return existingForm.error();
    if (existingForm->isDictionary() && !existingForm->isStream()) {
        form = std::move(existingForm).value();
        if (formValue.isReference())
            formRef = formValue.toReference();
    }
    if (formRef.isNull() && !formValue.isDictionary()) {
        formRef = changes.allocate();
        catalog.set("AcroForm", PdfObject::reference(formRef));
        catalogChanged = true;
    }
    const PdfObject fieldsValue = form.get("Fields");
    Result<PdfObject> listResult = reader.resolve(fieldsValue);
    if (!listResult)
        return listResult.error();
    PdfObject list = listResult->isArray() ? std::move(listResult).value() : PdfObject::array();
    // Every top-level name is taken, whatever kind of field holds it: a signer's name must be theirs alone.
    QSet<QString> taken;
    for (const PdfObject& item : list.items()) {
        Result<PdfObject> field = reader.resolve(item);
        if (!field)
            return field.error();
        if (field->isDictionary() && field->get("T").isString())
            taken.insert(decodeTextString(field->get("T").bytes()));
    }

    Result<std::vector<PdfRef>> pages = listPages(reader, catalog);
    if (!pages)
        return pages.error();
    // The pages (or their indirect /Annots arrays) as this update leaves them.
    std::map<quint32, std::pair<PdfRef, PdfObject>> pagesChanged;
    for (const NewSignatureField& wanted : fields) {
        if (wanted.name.isEmpty())
            return makeError(ErrorCode::SealPlacementInvalid, QStringLiteral("a signature field needs a name"));
        if (taken.contains(wanted.name))
            return makeError(ErrorCode::SignatureFieldExists, wanted.name.left(64));
        taken.insert(wanted.name);
        if (wanted.page < 1 || size_t(wanted.page) > pages->size())
            return makeError(
                ErrorCode::SealPageOutOfRange, QStringLiteral("page %1 of %2").arg(wanted.page).arg(pages->size()));
        const PdfRef pageRef = (*pages)[size_t(wanted.page - 1)];
        Result<PdfObject> pageRead = reader.object(pageRef);
        if (!pageRead)
            return pageRead.error();
        if (!pageRead->isDictionary() || pageRead->isStream())
            return malformed(QStringLiteral("page %1 is not a dictionary").arg(wanted.page));
        Result<std::array<double, 4>> box = visiblePageBox(reader, *pageRead);
        if (!box)
            return box.error();
        Result<int> rotation = pageRotation(reader, *pageRead);
        if (!rotation)
            return rotation.error();
        const std::array<double, 4>& r = wanted.rect;
        if (!std::all_of(r.begin(), r.end(), [](double v) { return std::isfinite(v); }) || r[2] - r[0] < kMinSide
            || r[3] - r[1] < kMinSide)
            return makeError(ErrorCode::SealRectInvalid,
                QStringLiteral("x1,y1,x2,y2 must be the lower-left and upper-right corners, at least %1 pt apart")
                    .arg(kMinSide));
        const std::array<double, 4>& b = *box;
        if (r[0] < b[0] - kSlack || r[1] < b[1] - kSlack || r[2] > b[2] + kSlack || r[3] > b[3] + kSlack)
            return makeError(ErrorCode::SealRectInvalid,
                QStringLiteral("%1,%2,%3,%4 is outside page %5 (%6,%7,%8,%9)")
                    .arg(r[0])
                    .arg(r[1])
                    .arg(r[2])
                    .arg(r[3])
                    .arg(wanted.page)
                    .arg(b[0])
                    .arg(b[1])
                    .arg(b[2])
                    .arg(b[3]));

        const PdfRef fieldRef = changes.allocate();
        PdfObject field = PdfObject::dictionary();
        field.set("Type", PdfObject::name("Annot"));
        field.set("Subtype", PdfObject::name("Widget"));
        field.set("FT", PdfObject::name("Sig"));
        field.set("T", textString(wanted.name));
        field.set("Rect", PdfObject::array({number(r[0]), number(r[1]), number(r[2]), number(r[3])}));
        field.set("F", PdfObject::integer(4)); // Print
        field.set("P", PdfObject::reference(pageRef));
        // No /AP: an empty field shows nothing until it is signed (an appearance here would be content nobody
        // signed). /MK /R tells form software the page is turned, so that what it draws there stands upright.
        if (*rotation != 0)
            field.set("MK", PdfObject::dictionary({{"R", PdfObject::integer(*rotation)}}));
        changes.set(fieldRef, std::move(field));
        list.items().push_back(PdfObject::reference(fieldRef));

        // The widget goes into its page's /Annots: the indirect array when there is one, else the page.
        auto pageEntry = pagesChanged.find(pageRef.number);
        if (pageEntry == pagesChanged.end())
            pageEntry
                = pagesChanged.emplace(pageRef.number, std::make_pair(pageRef, std::move(pageRead).value())).first;
        PdfObject& page = pageEntry->second.second;
        const PdfObject annotsValue = page.get("Annots");
        if (annotsValue.isReference()) {
            PdfObject* array = changes.find(annotsValue.toReference());
            if (!array) {
                Result<PdfObject> annots = reader.object(annotsValue.toReference());
                if (!annots)
                    return annots.error();
                if (annots->isArray()) {
                    changes.set(annotsValue.toReference(), std::move(annots).value());
                    array = changes.find(annotsValue.toReference());
                }
            }
            if (array) {
                array->items().push_back(PdfObject::reference(fieldRef));
                continue;
            }
        }
        PdfObject extended = annotsValue.isArray() ? annotsValue : PdfObject::array();
        extended.items().push_back(PdfObject::reference(fieldRef));
        page.set("Annots", std::move(extended));
        changes.set(pageRef, page);
    }

    if (fieldsValue.isReference() && reader.resolve(fieldsValue) && reader.resolve(fieldsValue)->isArray()) {
        changes.set(fieldsValue.toReference(), std::move(list));
    } else {
        form.set("Fields", std::move(list));
    }
    form.set("SigFlags", PdfObject::integer(form.get("SigFlags").toInteger(0) | 1)); // SignaturesExist
    if (formRef.isNull()) {
        catalog.set("AcroForm", form);
        catalogChanged = true;
    } else {
        changes.set(formRef, std::move(form));
    }
    if (catalogChanged)
        changes.set(reader.rootRef(), std::move(catalog));

    Result<IncrementalUpdate> update = changes.finish();
    if (!update)
        return update.error();
    return update->writeAfter(reader);
}

Status addSignatureFields(const QString& inputPath, const QString& outputPath,
    const std::vector<NewSignatureField>& fields, const QByteArray& password)
{
    Result<std::unique_ptr<PdfReader>> opened = PdfReader::open(inputPath, -1, password);
    if (!opened)
        return opened.error();
    PdfReader& reader = **opened;
    Result<QByteArray> appended = signatureFieldsRevision(reader, fields);
    if (!appended)
        return appended.error();
    Result<AtomicFile> created = AtomicFile::create(outputPath, (reader.file().permissions() & 0666) | 0600);
    if (!created)
        return created.error();
    IKK_TRY(created->copyFrom(reader.file(), 0, reader.fileSize()));
    IKK_TRY(created->write(*appended));
    // Read back as a reader of the result would: every new field on its page.
    Result<std::unique_ptr<PdfReader>> check = PdfReader::open(created->temporaryPath(), -1, password);
    if (!check)
        return makeError(ErrorCode::SelfVerificationFailed, check.error().detail);
    Result<std::vector<SignatureFieldInfo>> listed = listSignatureFields(**check);
    if (!listed)
        return makeError(ErrorCode::SelfVerificationFailed, listed.error().detail);
    for (const NewSignatureField& wanted : fields) {
        const bool present = std::any_of(listed->begin(), listed->end(), [&](const SignatureFieldInfo& info) {
            return info.name == wanted.name && info.page == wanted.page && !info.filled;
        });
        if (!present)
            return makeError(
                ErrorCode::SelfVerificationFailed, QStringLiteral("%1 does not read back").arg(wanted.name));
    }
    return created->commit();
}

} // namespace ikkatsu::pdf
