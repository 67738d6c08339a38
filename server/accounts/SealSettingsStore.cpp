// One row per user in user_seals (migration 6), written with an upsert both SQLite and PostgreSQL understand.
#include "accounts/SealSettingsStore.h"

#include <QDateTime>

namespace ikkatsu::server {

Result<api::SealSettings> SealSettingsStore::get(const QString& userId) const
{
    auto query = m_context.database->exec(
        QStringLiteral("SELECT style, seal_text, company, page, corner FROM user_seals WHERE user_id = ?"), {userId});
    if (!query)
        return query.error();
    api::SealSettings settings;
    if (query->next()) {
        settings.style = query->value(0).toString();
        settings.text = query->value(1).toString();
        settings.company = query->value(2).toString();
        settings.page = query->value(3).toString();
        settings.corner = query->value(4).toString();
    }
    return settings;
}

Result<api::SealSettings> SealSettingsStore::put(
    const QString& userId, const api::SealSettings& settings, const QString& remote)
{
    IKK_TRY(settings.validate());
    api::SealSettings stored = settings;
    // Empty, never NULL: Qt binds a null QString as SQL NULL.
    stored.text = settings.text.trimmed().isEmpty() ? QStringLiteral("") : settings.text.trimmed();
    stored.company = settings.company.trimmed().isEmpty() ? QStringLiteral("") : settings.company.trimmed();
    WriteTransaction transaction(*m_context.database);
    IKK_TRY(transaction.begin());
    IKK_TRY(m_context.database->exec(
        QStringLiteral("INSERT INTO user_seals (user_id, style, seal_text, company, page, corner, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET style = excluded.style, "
                       "seal_text = excluded.seal_text, company = excluded.company, page = excluded.page, "
                       "corner = excluded.corner, updated_at = excluded.updated_at"),
        {userId, stored.style, stored.text, stored.company, stored.page, stored.corner,
            QDateTime::currentSecsSinceEpoch()}));
    // The detail names the choices, not the texts (they are the user's own name anyway, but need not be copied).
    m_context.audit(api::AuditEvent::SealChanged, userId, userId,
        QStringLiteral("style=%1 page=%2 corner=%3").arg(stored.style, stored.page, stored.corner), remote);
    IKK_TRY(transaction.commit());
    return stored;
}

} // namespace ikkatsu::server
