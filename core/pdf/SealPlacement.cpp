// Looks up the user's field and the page's visible box the way PdfSigner does when it signs (PdfCatalog's field
// lookup, /CropBox before /MediaBox, inherited through the page tree), so that the chosen rectangle passes its checks.
#include "pdf/SealPlacement.h"

#include "pdf/PdfCatalog.h"
#include "pdf/PdfReader.h"

#include <algorithm>

namespace ikkatsu::pdf {

namespace {

constexpr double kMargin = 28; // points from the page edge (about 1 cm), as PdfSigner's default place

// True when the form has an unsigned signature field of fully qualified name `name`; PdfSigner reports what keeps
// it from being filled (several widgets, say), rather than the seal going silently elsewhere.
Result<bool> hasEmptyField(PdfReader& reader, const PdfObject& catalog, const QString& name)
{
    Result<std::optional<FormField>> found = findFormField(reader, catalog, name);
    if (!found)
        return found.error();
    return *found && (*found)->type == "Sig" && !(*found)->filled;
}

} // namespace

bool parseSealCorner(const QString& text, SealCorner* corner)
{
    static const std::pair<const char*, SealCorner> kNames[]
        = {{"bottom-right", SealCorner::BottomRight}, {"bottom-left", SealCorner::BottomLeft},
            {"top-right", SealCorner::TopRight}, {"top-left", SealCorner::TopLeft}};
    for (const auto& [name, value] : kNames) {
        if (text == QLatin1String(name)) {
            *corner = value;
            return true;
        }
    }
    return false;
}

Result<SealTarget> placeSeal(const QString& path, const QByteArray& password, const QString& fieldName, bool lastPage,
    SealCorner corner, const QSizeF& size)
{
    Result<std::unique_ptr<PdfReader>> opened = PdfReader::open(path, -1, password);
    if (!opened)
        return opened.error();
    PdfReader& reader = **opened;
    IKK_TRY(reader.encryptionStatus());
    Result<PdfObject> catalog = reader.object(reader.rootRef());
    if (!catalog)
        return catalog.error();
    SealTarget target;
    target.page = lastPage ? -1 : 1;
    if (!fieldName.isEmpty()) {
        Result<bool> found = hasEmptyField(reader, *catalog, fieldName);
        if (!found)
            return found.error();
        if (*found) {
            target.fieldName = fieldName;
            return target;
        }
    }
    if (corner == SealCorner::BottomRight)
        return target; // PdfSigner's own default place
    Result<PdfRef> pageRef = findPage(reader, *catalog, lastPage ? -1 : 0);
    if (!pageRef)
        return pageRef.error();
    if (pageRef->isNull())
        return target; // the signer reports the missing page
    Result<PdfObject> page = reader.object(*pageRef);
    if (!page)
        return page.error();
    Result<std::array<double, 4>> box = visiblePageBox(reader, *page);
    if (!box)
        return box.error();
    const double margin
        = std::min(kMargin, std::min((*box)[2] - (*box)[0] - size.width(), (*box)[3] - (*box)[1] - size.height()) / 2);
    if (margin < 0)
        return target; // smaller than the seal: the signer refuses it with SealRectInvalid
    const bool left = corner == SealCorner::BottomLeft || corner == SealCorner::TopLeft;
    const bool top = corner == SealCorner::TopRight || corner == SealCorner::TopLeft;
    const double x1 = left ? (*box)[0] + margin : (*box)[2] - margin - size.width();
    const double y1 = top ? (*box)[3] - margin - size.height() : (*box)[1] + margin;
    target.rect = std::array<double, 4> {x1, y1, x1 + size.width(), y1 + size.height()};
    return target;
}

} // namespace ikkatsu::pdf
