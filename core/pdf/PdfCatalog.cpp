// Page tree, form fields and DocMDP lookups, bounded against cycles and deep nesting.
#include "pdf/PdfCatalog.h"

#include "pdf/PdfText.h"

#include <QSet>

#include <algorithm>

namespace ikkatsu::pdf {

namespace {

constexpr int kMaxTreeDepth = 64;
constexpr int kMaxVisitedNodes = 200000;

Error malformed(const QString& detail)
{
    return makeError(ErrorCode::PdfMalformed, detail);
}

// Depth-first through /AcroForm /Fields. Collects signed signature fields into `found`, and, when `terminals` is
// set, the terminal fields `wanted` selects (a name, else every signature field) up to `limit`.
struct FieldWalk
{
    PdfReader& reader;
    std::vector<SignatureField>& found;
    QSet<quint32> visited;
    std::vector<FormField>* terminals = nullptr;
    std::optional<QString> wanted;
    size_t limit = 0;

    bool done() const { return terminals && terminals->size() >= limit; }

    Status visit(const PdfObject& node, const QString& parentName, const PdfObject& inheritedType, int depth)
    {
        if (depth > kMaxTreeDepth)
            return malformed(QStringLiteral("form fields nested too deeply"));
        if (visited.size() > kMaxVisitedNodes)
            return malformed(QStringLiteral("too many form fields"));
        if (done())
            return {};
        PdfRef ref;
        if (node.isReference()) {
            ref = node.toReference();
            if (visited.contains(ref.number))
                return {}; // a /Kids cycle or a shared node: each node counts once
            visited.insert(ref.number);
        }
        Result<PdfObject> resolved = reader.resolve(node);
        if (!resolved)
            return resolved.error();
        if (!resolved->isDictionary())
            return {}; // ignore junk entries, as viewers do
        const PdfObject& field = *resolved;
        const PdfObject& partial = field.get("T");
        QString name = parentName;
        if (partial.isString()) {
            const QString decoded = decodeTextString(partial.bytes());
            name = parentName.isEmpty() ? decoded : parentName + QLatin1Char('.') + decoded;
        }
        const PdfObject& ownType = field.get("FT");
        const PdfObject& type = ownType.isName() ? ownType : inheritedType;
        const PdfObject* value = field.find("V");
        if (type.isName("Sig") && value && !value->isNull()) {
            Result<PdfObject> signature = reader.resolve(*value);
            if (!signature)
                return signature.error();
            if (signature->isDictionary()) {
                SignatureField entry;
                entry.name = name;
                entry.fieldRef = ref;
                entry.valueRef = value->toReference();
                entry.value = std::move(signature).value();
                found.push_back(std::move(entry));
            }
        }
        const PdfObject& kidsValue = field.get("Kids");
        Result<PdfObject> kids = kidsValue.isNull() ? Result<PdfObject>(PdfObject()) : reader.resolve(kidsValue);
        if (!kids)
            return kids.error();
        const std::vector<PdfObject> none;
        const std::vector<PdfObject>& kidItems = kids->isArray() ? kids->items() : none;
        // A field (top-level, or named by /T) whose kids are all widgets is terminal: it has a value and widgets.
        if (terminals && (depth == 0 || partial.isString())) {
            FormField terminal;
            bool hasFieldKids = false;
            if (field.get("Subtype").isName("Widget")) {
                terminal.widgetRefs.push_back(ref);
                terminal.widgets.push_back(field);
            }
            for (const PdfObject& kid : kidItems) {
                Result<PdfObject> widget = reader.resolve(kid);
                if (!widget)
                    return widget.error();
                if (!widget->isDictionary())
                    continue;
                if (widget->get("T").isString() || widget->find("Kids")) {
                    hasFieldKids = true;
                    break;
                }
                // A widget belongs to the field whose /Kids list it, unless its /Parent names another field (a
                // shared or stray one); ISO 32000 lets a field's only widget leave /Parent out.
                const PdfObject& parent = widget->get("Parent");
                if (!ref.isNull() && (parent.isNull() || (parent.isReference() && parent.toReference() == ref))) {
                    terminal.widgetRefs.push_back(kid.isReference() ? kid.toReference() : PdfRef {});
                    terminal.widgets.push_back(std::move(widget).value());
                }
            }
            const bool selected = wanted ? name == *wanted : type.isName("Sig");
            if (!hasFieldKids && selected) {
                terminal.name = name;
                terminal.type = type.isName() ? type.bytes() : QByteArray();
                terminal.fieldRef = ref;
                terminal.field = field;
                terminal.filled = value && !value->isNull();
                terminals->push_back(std::move(terminal));
                if (done())
                    return {};
            }
        }
        for (const PdfObject& kid : kidItems)
            IKK_TRY(visit(kid, name, type, depth + 1));
        return {};
    }
};

Result<PdfObject> formFields(PdfReader& reader, const PdfObject& catalog)
{
    Result<PdfObject> form = reader.resolve(catalog.get("AcroForm"));
    if (!form)
        return form.error();
    if (!form->isDictionary())
        return PdfObject();
    return reader.resolve(form->get("Fields"));
}

} // namespace

Result<PdfRef> findFirstPage(PdfReader& reader, const PdfObject& catalog)
{
    Result<PdfRef> first = findPage(reader, catalog, 0);
    if (first && first->isNull())
        return malformed(QStringLiteral("the document has no page"));
    return first;
}

namespace {

// Depth-first through the page tree in order, cycle-safe; `visit` gets each page and returns true to stop.
template<typename Visit>
Status walkPages(PdfReader& reader, const PdfObject& catalog, Visit visit)
{
    PdfObject node = catalog.get("Pages");
    QSet<quint32> visited;
    // An empty intermediate node sends us to its sibling.
    struct Level
    {
        std::vector<PdfObject> kids;
        size_t next = 0;
    };
    std::vector<Level> stack;
    for (int steps = 0; steps < kMaxVisitedNodes; ++steps) {
        if (node.isReference()) {
            const PdfRef ref = node.toReference();
            if (!visited.contains(ref.number)) {
                visited.insert(ref.number);
                Result<PdfObject> resolved = reader.object(ref);
                if (!resolved)
                    return resolved.error();
                if (resolved->isDictionary()) {
                    const PdfObject& kids = resolved->get("Kids");
                    const PdfObject& type = resolved->get("Type");
                    const bool isPage = type.isName("Page") || (!type.isName("Pages") && kids.isNull());
                    if (isPage) {
                        if (visit(ref))
                            return {};
                    } else {
                        Result<PdfObject> kidArray = reader.resolve(kids);
                        if (!kidArray)
                            return kidArray.error();
                        if (kidArray->isArray() && !kidArray->items().empty()) {
                            if (static_cast<int>(stack.size()) >= kMaxTreeDepth)
                                return malformed(QStringLiteral("page tree nested too deeply"));
                            stack.push_back(Level {kidArray->items(), 0});
                        }
                    }
                }
            }
        }
        while (!stack.empty() && stack.back().next >= stack.back().kids.size())
            stack.pop_back();
        if (stack.empty())
            return {};
        node = stack.back().kids[stack.back().next++];
    }
    return malformed(QStringLiteral("page tree too large"));
}

// `key` of the page or of the nearest /Pages node above it that has one (ISO 32000-2 §7.7.3.4); null if none.
Result<PdfObject> inheritedAttribute(PdfReader& reader, const PdfObject& page, const char* key)
{
    PdfObject node = page;
    for (int depth = 0; depth < kMaxTreeDepth && node.isDictionary(); ++depth) {
        if (node.find(key))
            return reader.resolve(node.get(key));
        Result<PdfObject> parent = reader.resolve(node.get("Parent"));
        if (!parent)
            return parent.error();
        node = std::move(parent).value();
    }
    return PdfObject();
}

} // namespace

Result<PdfRef> findPage(PdfReader& reader, const PdfObject& catalog, int index)
{
    PdfRef found;
    PdfRef last;
    int seen = 0;
    IKK_TRY(walkPages(reader, catalog, [&](PdfRef ref) {
        last = ref;
        if (seen++ != index)
            return false;
        found = ref;
        return true;
    }));
    return index < 0 ? last : found;
}

Result<std::vector<PdfRef>> listPages(PdfReader& reader, const PdfObject& catalog)
{
    std::vector<PdfRef> pages;
    IKK_TRY(walkPages(reader, catalog, [&](PdfRef ref) {
        pages.push_back(ref);
        return false;
    }));
    return pages;
}

Result<std::array<double, 4>> visiblePageBox(PdfReader& reader, const PdfObject& page)
{
    for (const char* key : {"CropBox", "MediaBox"}) {
        Result<PdfObject> box = inheritedAttribute(reader, page, key);
        if (!box)
            return box.error();
        if (!box->isArray() || box->items().size() != 4)
            continue;
        std::array<double, 4> v {};
        for (int k = 0; k < 4; ++k) {
            if (!box->items()[k].isNumber())
                return malformed(QStringLiteral("the page's /%1 is not four numbers").arg(QLatin1String(key)));
            v[k] = box->items()[k].toNumber();
        }
        return std::array<double, 4> {
            std::min(v[0], v[2]), std::min(v[1], v[3]), std::max(v[0], v[2]), std::max(v[1], v[3])};
    }
    return std::array<double, 4> {0, 0, 612, 792}; // ISO 32000 requires /MediaBox; US Letter as viewers assume
}

Result<int> pageRotation(PdfReader& reader, const PdfObject& page)
{
    Result<PdfObject> rotate = inheritedAttribute(reader, page, "Rotate");
    if (!rotate)
        return rotate.error();
    if (!rotate->isInteger())
        return 0;
    const qint64 degrees = rotate->toInteger(0) % 360;
    if (degrees % 90 != 0)
        return 0; // viewers ignore a rotation that is not a multiple of 90
    return static_cast<int>(degrees < 0 ? degrees + 360 : degrees);
}

Result<std::vector<SignatureField>> findSignatureFields(PdfReader& reader, const PdfObject& catalog)
{
    std::vector<SignatureField> found;
    Result<PdfObject> fields = formFields(reader, catalog);
    if (!fields)
        return fields.error();
    if (!fields->isArray())
        return found;
    FieldWalk walk {reader, found, {}, nullptr, std::nullopt, 0};
    for (const PdfObject& field : fields->items())
        IKK_TRY(walk.visit(field, QString(), PdfObject(), 0));
    return found;
}

namespace {

Result<std::vector<FormField>> terminalFields(
    PdfReader& reader, const PdfObject& catalog, std::optional<QString> wanted, size_t limit)
{
    std::vector<FormField> terminals;
    Result<PdfObject> fields = formFields(reader, catalog);
    if (!fields)
        return fields.error();
    if (!fields->isArray() || limit == 0)
        return terminals;
    std::vector<SignatureField> signatures;
    FieldWalk walk {reader, signatures, {}, &terminals, std::move(wanted), limit};
    for (const PdfObject& field : fields->items()) {
        IKK_TRY(walk.visit(field, QString(), PdfObject(), 0));
        if (walk.done())
            break;
    }
    return terminals;
}

} // namespace

Result<std::optional<FormField>> findFormField(PdfReader& reader, const PdfObject& catalog, const QString& name)
{
    Result<std::vector<FormField>> found = terminalFields(reader, catalog, name, 1);
    if (!found)
        return found.error();
    if (found->empty())
        return std::optional<FormField>();
    return std::optional<FormField>(std::move(found->front()));
}

Result<std::vector<FormField>> listFormSignatureFields(PdfReader& reader, const PdfObject& catalog, size_t limit)
{
    return terminalFields(reader, catalog, std::nullopt, limit);
}

Result<int> docMdpPermission(PdfReader& reader, const PdfObject& catalog)
{
    Result<PdfObject> perms = reader.resolve(catalog.get("Perms"));
    if (!perms)
        return perms.error();
    if (!perms->isDictionary())
        return 0;
    Result<PdfObject> signature = reader.resolve(perms->get("DocMDP"));
    if (!signature)
        return signature.error();
    if (!signature->isDictionary())
        return 0;
    Result<PdfObject> references = reader.resolve(signature->get("Reference"));
    if (!references)
        return references.error();
    if (!references->isArray())
        return 0;
    for (const PdfObject& item : references->items()) {
        Result<PdfObject> reference = reader.resolve(item);
        if (!reference)
            return reference.error();
        if (!reference->isDictionary() || !reference->get("TransformMethod").isName("DocMDP"))
            continue;
        Result<PdfObject> params = reader.resolve(reference->get("TransformParams"));
        if (!params)
            return params.error();
        const qint64 p = params->isDictionary() ? params->get("P").toInteger(2) : 2;
        return static_cast<int>(std::clamp<qint64>(p, 1, 3));
    }
    return 0;
}

} // namespace ikkatsu::pdf
