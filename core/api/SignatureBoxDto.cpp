// JSON and shape checks of the administrator's signature boxes, shared by the server and the desktop.
#include "api/SignatureBoxDto.h"

#include <QJsonArray>
#include <QSet>

#include <cmath>

namespace ikkatsu::api {

namespace {

constexpr int kMaxUserIdLength = 64;

} // namespace

Status SignatureBox::validate() const
{
    if (userId.isEmpty() || userId.size() > kMaxUserIdLength)
        return makeError(ErrorCode::BadRequest, QStringLiteral("a signature box needs the signer's user ID"));
    if (page < 1)
        return makeError(ErrorCode::SealPlacementInvalid, QStringLiteral("page numbers start at 1"));
    for (const double value : rect) {
        if (!std::isfinite(value) || std::abs(value) > kMaxCoordinate)
            return makeError(ErrorCode::SealPlacementInvalid, QStringLiteral("a rectangle coordinate is out of range"));
    }
    if (width() < kMinSide || height() < kMinSide)
        return makeError(ErrorCode::SealPlacementInvalid,
            QStringLiteral("the box must be x1,y1,x2,y2 with sides of at least %1 points").arg(kMinSide));
    return {};
}

QJsonObject SignatureBox::toJson() const
{
    return {{QStringLiteral("userId"), userId}, {QStringLiteral("page"), page},
        {QStringLiteral("rect"), QJsonArray {rect[0], rect[1], rect[2], rect[3]}}, {QStringLiteral("filled"), filled}};
}

Result<SignatureBox> SignatureBox::fromJson(const QJsonObject& object)
{
    static const QSet<QString> kKeys {
        QStringLiteral("userId"), QStringLiteral("page"), QStringLiteral("rect"), QStringLiteral("filled")};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!kKeys.contains(it.key()))
            return makeError(ErrorCode::BadRequest, QStringLiteral("unknown field '%1'").arg(it.key().left(64)));
    }
    SignatureBox box;
    const QJsonValue userId = object.value(QStringLiteral("userId"));
    const QJsonValue page = object.value(QStringLiteral("page"));
    const QJsonValue rect = object.value(QStringLiteral("rect"));
    const QJsonValue filled = object.value(QStringLiteral("filled"));
    if (!userId.isString())
        return makeError(ErrorCode::BadRequest, QStringLiteral("field 'userId' must be a string"));
    // JSON numbers are doubles: an integral page within int range, nothing else.
    if (!page.isDouble() || page.toDouble() != std::floor(page.toDouble()) || page.toDouble() < 1
        || page.toDouble() > 1e6)
        return makeError(ErrorCode::SealPlacementInvalid, QStringLiteral("field 'page' must be a page number"));
    if (!rect.isArray() || rect.toArray().size() != 4)
        return makeError(ErrorCode::SealPlacementInvalid, QStringLiteral("field 'rect' must be [x1, y1, x2, y2]"));
    if (!filled.isUndefined() && !filled.isBool())
        return makeError(ErrorCode::BadRequest, QStringLiteral("field 'filled' must be true or false"));
    box.userId = userId.toString();
    box.page = static_cast<int>(page.toDouble());
    const QJsonArray values = rect.toArray();
    for (int i = 0; i < 4; ++i) {
        if (!values.at(i).isDouble())
            return makeError(ErrorCode::SealPlacementInvalid, QStringLiteral("field 'rect' must hold numbers"));
        box.rect[static_cast<size_t>(i)] = values.at(i).toDouble();
    }
    box.filled = filled.toBool(false);
    IKK_TRY(box.validate());
    return box;
}

QJsonObject signatureBoxesToJson(const QList<SignatureBox>& boxes)
{
    QJsonArray array;
    for (const SignatureBox& box : boxes)
        array.append(box.toJson());
    return {{QStringLiteral("boxes"), array}};
}

Result<QList<SignatureBox>> signatureBoxesFromJson(const QJsonObject& object)
{
    if (object.size() != 1 || !object.value(QStringLiteral("boxes")).isArray())
        return makeError(ErrorCode::BadRequest, QStringLiteral("expected {\"boxes\": [...]}"));
    const QJsonArray array = object.value(QStringLiteral("boxes")).toArray();
    if (array.size() > SignatureBox::kMaxBoxes)
        return makeError(ErrorCode::SealPlacementInvalid,
            QStringLiteral("at most %1 signature boxes per document").arg(SignatureBox::kMaxBoxes));
    QList<SignatureBox> boxes;
    QSet<QString> signers;
    for (const QJsonValue& value : array) {
        if (!value.isObject())
            return makeError(ErrorCode::BadRequest, QStringLiteral("each signature box must be an object"));
        auto box = SignatureBox::fromJson(value.toObject());
        if (!box)
            return box.error();
        if (signers.contains(box->userId))
            return makeError(ErrorCode::SealPlacementInvalid,
                QStringLiteral("two boxes for signer '%1'; each signer has one").arg(box->userId.left(64)));
        signers.insert(box->userId);
        boxes.append(*box);
    }
    return boxes;
}

} // namespace ikkatsu::api
