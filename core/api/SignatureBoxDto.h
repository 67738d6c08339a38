// Where the administrator placed each signer's 印 box: the contract of GET/PUT /admin/files/{id}/signature-boxes.
#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <array>

namespace ikkatsu::api {

// One signer's box: an empty signature field named with the signer's user ID (api::sealFieldName) on `page`
// (1-based) at `rect` = x1, y1, x2, y2 in PDF points of the page's default user space (origin bottom left, before
// /Rotate), as PdfSigner's SignatureOptions take it. `filled` is the server's answer only: the signer has signed it.
struct SignatureBox
{
    QString userId;
    int page = 1;
    std::array<double, 4> rect {0, 0, 0, 0};
    bool filled = false;

    static constexpr double kMinSide = 18.0; // points; a smaller box cannot hold a legible seal
    static constexpr double kMaxCoordinate = 14400.0; // the largest page PDF allows (200 inches)
    static constexpr int kMaxBoxes = 100; // per document; more is an abuse of the request, not a workflow

    double width() const { return rect[2] - rect[0]; }
    double height() const { return rect[3] - rect[1]; }

    // Shape only (the server checks the page and the signer against the file): SealPlacementInvalid (E3016) for a
    // page below 1, a coordinate that is not finite or beyond kMaxCoordinate, x2 <= x1, y2 <= y1 or a side below
    // kMinSide; BadRequest for an empty or over-long user ID.
    Status validate() const;

    QJsonObject toJson() const;
    // Strict: userId string, page integer, rect four numbers; `filled` optional bool; unknown keys are refused.
    static Result<SignatureBox> fromJson(const QJsonObject& object);

    bool operator==(const SignatureBox& other) const = default;
};

// {"boxes": [...]} in both directions. fromJson validates every box, refuses more than kMaxBoxes and two boxes
// for one signer (SealPlacementInvalid).
QJsonObject signatureBoxesToJson(const QList<SignatureBox>& boxes);
Result<QList<SignatureBox>> signatureBoxesFromJson(const QJsonObject& object);

} // namespace ikkatsu::api
