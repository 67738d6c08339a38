// A user's 印影 settings (from the server) turned into what a batch signs with: one appearance and its placement.
#pragma once

#include "api/SealDto.h"
#include "pdf/SealAppearance.h"
#include "signing/FileBatchSigner.h"

#include <QDateTime>

#include <memory>

namespace ikkatsu {

struct UserSeal
{
    std::shared_ptr<const pdf::SealAppearance> appearance; // null: an invisible signature (style none)
    SealDefaults placement;
};

// Draws the seal once for the whole batch: the texts the user set, or their profile's family name and company;
// the date (日付印, text box) is `signingTime` in Japan time. Errors: SealStyleUnknown, SealTextInvalid,
// SealPlacementInvalid, SealFontMissing.
Result<UserSeal> buildUserSeal(const api::SealSettings& settings, const QString& userId, const QString& userName,
    const QString& company, const QDateTime& signingTime);

// The same drawing for a preview, without placement (null for style none).
Result<std::shared_ptr<const pdf::SealAppearance>> buildSealAppearance(
    const api::SealSettings& settings, const QString& userName, const QString& company, const QDateTime& signingTime);

} // namespace ikkatsu
