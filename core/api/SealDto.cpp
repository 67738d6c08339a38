// JSON of the 印影 settings and the one validation the server and the clients share.
#include "api/SealDto.h"

#include "pdf/SealAppearance.h"

#include <QSet>

namespace ikkatsu::api {

namespace {

constexpr int kMaxStoredText = 64; // characters; the styles' own limits are smaller

} // namespace

QStringList SealSettings::styles()
{
    return {QStringLiteral("none"), QStringLiteral("round"), QStringLiteral("date"), QStringLiteral("square"),
        QStringLiteral("text")};
}

QStringList SealSettings::pages()
{
    return {QStringLiteral("first"), QStringLiteral("last")};
}

QStringList SealSettings::corners()
{
    return {QStringLiteral("bottom-right"), QStringLiteral("bottom-left"), QStringLiteral("top-right"),
        QStringLiteral("top-left")};
}

Status SealSettings::validate() const
{
    if (!styles().contains(style))
        return makeError(
            ErrorCode::SealStyleUnknown, QStringLiteral("style must be one of %1").arg(styles().join(u',')));
    if (!pages().contains(page))
        return makeError(ErrorCode::SealPlacementInvalid, QStringLiteral("page must be first or last"));
    if (!corners().contains(corner))
        return makeError(
            ErrorCode::SealPlacementInvalid, QStringLiteral("corner must be one of %1").arg(corners().join(u',')));
    for (const QString* value : {&text, &company}) {
        if (value->size() > kMaxStoredText)
            return makeError(ErrorCode::SealTextInvalid, QStringLiteral("at most %1 characters").arg(kMaxStoredText));
    }
    // The style's own rules (length, drawable characters) for the texts given; empty ones come from the profile.
    pdf::SealSpec spec;
    if (style == QLatin1String("none") || !pdf::parseSealStyle(style, &spec.style))
        return {};
    spec.name = text.trimmed().isEmpty() ? QStringLiteral("印") : text;
    spec.company = company.trimmed().isEmpty() ? QStringLiteral("印") : company;
    return pdf::SealAppearance::validate(spec);
}

QString SealSettings::effectiveText(const QString& userName) const
{
    if (!text.trimmed().isEmpty())
        return text.trimmed();
    if (style == QLatin1String("round"))
        return defaultSealText(userName);
    return userName.trimmed();
}

QString SealSettings::effectiveCompany(const QString& profileCompany) const
{
    return company.trimmed().isEmpty() ? profileCompany.trimmed() : company.trimmed();
}

QJsonObject SealSettings::toJson() const
{
    return {{QStringLiteral("style"), style}, {QStringLiteral("text"), text}, {QStringLiteral("company"), company},
        {QStringLiteral("page"), page}, {QStringLiteral("corner"), corner}};
}

Result<SealSettings> SealSettings::fromJson(const QJsonObject& object)
{
    static const QSet<QString> kKeys {QStringLiteral("style"), QStringLiteral("text"), QStringLiteral("company"),
        QStringLiteral("page"), QStringLiteral("corner")};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!kKeys.contains(it.key()))
            return makeError(ErrorCode::BadRequest, QStringLiteral("unknown field '%1'").arg(it.key().left(64)));
    }
    SealSettings settings;
    for (const auto& [key, target] :
        {std::pair {QStringLiteral("style"), &settings.style}, std::pair {QStringLiteral("text"), &settings.text},
            std::pair {QStringLiteral("company"), &settings.company},
            std::pair {QStringLiteral("page"), &settings.page},
            std::pair {QStringLiteral("corner"), &settings.corner}}) {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() && (key == QLatin1String("text") || key == QLatin1String("company")))
            continue;
        if (!value.isString())
            return makeError(ErrorCode::BadRequest, QStringLiteral("field '%1' must be a string").arg(key));
        if (value.toString().size() > 4 * kMaxStoredText)
            return makeError(ErrorCode::SealTextInvalid, QStringLiteral("field '%1' is too long").arg(key));
        *target = value.toString();
    }
    return settings;
}

Result<SealSettingsReply> SealSettingsReply::fromJson(const QJsonObject& object)
{
    SealSettingsReply reply;
    const QJsonValue seal = object.value(QStringLiteral("seal"));
    if (!seal.isObject())
        return makeError(ErrorCode::ProtocolMismatch, QStringLiteral("no seal settings in the answer"));
    auto settings = SealSettings::fromJson(seal.toObject());
    if (!settings || !settings->validate())
        return makeError(ErrorCode::ProtocolMismatch, QStringLiteral("malformed seal settings in the answer"));
    reply.seal = *settings;
    reply.defaultText = object.value(QStringLiteral("defaultText")).toString();
    reply.defaultCompany = object.value(QStringLiteral("defaultCompany")).toString();
    reply.fieldName = object.value(QStringLiteral("fieldName")).toString();
    return reply;
}

QString defaultSealText(const QString& userName)
{
    const QString name = userName.trimmed();
    qsizetype end = 0;
    while (end < name.size() && !name.at(end).isSpace())
        ++end;
    const QList<uint> family = name.left(end).toUcs4();
    const QList<uint> cut = family.mid(0, pdf::SealAppearance::kMaxRoundCharacters);
    return QString::fromUcs4(reinterpret_cast<const char32_t*>(cut.constData()), cut.size());
}

} // namespace ikkatsu::api
