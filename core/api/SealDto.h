// 印影 settings of one user as the server stores them and the clients edit them (本人情報 → 印影).
#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ikkatsu::api {

// What a user's own signatures look like and where they go when the document has no field placed for them.
// Texts left empty mean "from my profile": the family name of the user name, the company name.
struct SealSettings
{
    QString style = QStringLiteral("none"); // none (invisible), round, date, square, text
    QString text; // the name on the seal; round: 1–4 characters
    QString company; // date, square
    QString page = QStringLiteral("last"); // first, last
    QString corner = QStringLiteral("bottom-right"); // bottom-right, bottom-left, top-right, top-left

    static QStringList styles();
    static QStringList pages();
    static QStringList corners();

    // SealStyleUnknown (E4220) for an unknown style, SealPlacementInvalid (E3016) for an unknown page or corner,
    // SealTextInvalid (E4221) for a text the style cannot draw (too long, control or invisible characters).
    Status validate() const;
    // The texts that go on the seal: the own ones, or the defaults from the profile.
    QString effectiveText(const QString& userName) const;
    QString effectiveCompany(const QString& profileCompany) const;

    QJsonObject toJson() const;
    // Strict: every field a string; unknown keys are refused (BadRequest), as a client sending them is confused.
    static Result<SealSettings> fromJson(const QJsonObject& object);

    bool operator==(const SealSettings& other) const = default;
};

// GET and PUT /me/seal answer: the stored settings and what their empty texts stand for.
struct SealSettingsReply
{
    SealSettings seal;
    QString defaultText; // the family name from the user name
    QString defaultCompany; // the profile's company name
    QString fieldName; // the signature field placed for this user (api::sealFieldName)

    static Result<SealSettingsReply> fromJson(const QJsonObject& object);
};

// The family name from a Japanese user name ("山田 太郎" → "山田"; no space: the whole name), cut to the four
// characters a 丸印 holds.
QString defaultSealText(const QString& userName);

// The empty signature field a sender places for a signer is named with the signer's user ID (ログインID).
inline QString sealFieldName(const QString& userId)
{
    return userId;
}

} // namespace ikkatsu::api
