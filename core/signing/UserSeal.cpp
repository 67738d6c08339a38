// One place turns settings into a drawn seal, so that the 本人情報 preview, the desktop batch and the CLI agree.
#include "signing/UserSeal.h"

namespace ikkatsu {

Result<std::shared_ptr<const pdf::SealAppearance>> buildSealAppearance(
    const api::SealSettings& settings, const QString& userName, const QString& company, const QDateTime& signingTime)
{
    IKK_TRY(settings.validate());
    if (settings.style == QLatin1String("none"))
        return std::shared_ptr<const pdf::SealAppearance>();
    pdf::SealSpec spec;
    if (!pdf::parseSealStyle(settings.style, &spec.style))
        return makeError(ErrorCode::SealStyleUnknown, settings.style);
    spec.name = settings.effectiveText(userName);
    spec.company = settings.effectiveCompany(company);
    spec.signingTime = signingTime;
    return pdf::SealAppearance::build(spec);
}

Result<UserSeal> buildUserSeal(const api::SealSettings& settings, const QString& userId, const QString& userName,
    const QString& company, const QDateTime& signingTime)
{
    auto appearance = buildSealAppearance(settings, userName, company, signingTime);
    if (!appearance)
        return appearance.error();
    UserSeal seal;
    seal.appearance = *appearance;
    seal.placement.fieldName = api::sealFieldName(userId);
    seal.placement.lastPage = settings.page == QLatin1String("last");
    if (!pdf::parseSealCorner(settings.corner, &seal.placement.corner))
        return makeError(ErrorCode::SealPlacementInvalid, settings.corner);
    return seal;
}

} // namespace ikkatsu
