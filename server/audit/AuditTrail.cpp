// The filters become one WHERE clause shared by the count, the page and the CSV, so the three always agree.
#include "audit/AuditTrail.h"

#include "api/FileDto.h"
#include "results/Csv.h"

#include <QTimeZone>

namespace ikkatsu::server {

namespace {

struct Where
{
    QString sql;
    QVariantList binds;
};

Where whereOf(const api::AuditFilter& filter)
{
    Where where;
    QStringList parts;
    if (filter.from.isValid()) {
        parts << QStringLiteral("occurred_at >= ?");
        where.binds << api::japanDayStart(filter.from).toMSecsSinceEpoch();
    }
    if (filter.to.isValid()) {
        parts << QStringLiteral("occurred_at < ?");
        where.binds << api::japanDayStart(filter.to.addDays(1)).toMSecsSinceEpoch();
    }
    if (!filter.actor.isEmpty()) {
        parts << QStringLiteral("actor = ?");
        where.binds << filter.actor;
    }
    if (!filter.subjectUser.isEmpty()) {
        parts << QStringLiteral("subject_user = ?");
        where.binds << filter.subjectUser;
    }
    if (filter.event.endsWith(QLatin1Char('.'))) {
        // A group: the filter has only [a-z._] (AuditFilter::fromQuery), so only '_' needs escaping for LIKE.
        QString pattern = filter.event;
        pattern.replace(QLatin1Char('_'), QStringLiteral("\\_"));
        parts << QStringLiteral("event LIKE ? ESCAPE '\\'");
        where.binds << QString(pattern + QLatin1Char('%'));
    } else if (!filter.event.isEmpty()) {
        parts << QStringLiteral("event = ?");
        where.binds << filter.event;
    }
    if (!parts.isEmpty())
        where.sql = QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
    return where;
}

const QString kColumns = QStringLiteral("event_id, occurred_at, event, actor, subject_user, detail, remote");

api::AuditEntry readEntry(const QSqlQuery& query)
{
    api::AuditEntry entry;
    entry.eventId = query.value(0).toString();
    entry.occurredAt = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), QTimeZone::utc());
    entry.event = query.value(2).toString();
    entry.actor = query.value(3).toString();
    entry.subjectUser = query.value(4).toString();
    entry.detail = query.value(5).toString();
    entry.remote = query.value(6).toString();
    return entry;
}

} // namespace

Result<api::AuditPage> AuditTrail::list(const api::AuditFilter& filter) const
{
    const Where where = whereOf(filter);
    api::AuditPage page;
    page.offset = filter.offset;
    page.limit = filter.limit;
    {
        auto count
            = m_context.database->exec(QStringLiteral("SELECT COUNT(*) FROM audit_log") + where.sql, where.binds);
        if (!count)
            return count.error();
        if (count->next())
            page.total = count->value(0).toInt();
    }
    QVariantList binds = where.binds;
    binds << filter.limit << filter.offset;
    auto rows = m_context.database->exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log")
            + where.sql + QStringLiteral(" ORDER BY occurred_at DESC, event_id DESC LIMIT ? OFFSET ?"),
        binds);
    if (!rows)
        return rows.error();
    while (rows->next())
        page.entries.append(readEntry(*rows));
    return page;
}

Result<QByteArray> AuditTrail::csv(const api::AuditFilter& filter) const
{
    const Where where = whereOf(filter);
    QVariantList binds = where.binds;
    binds << kCsvRows;
    auto rows = m_context.database->exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log")
            + where.sql + QStringLiteral(" ORDER BY occurred_at, event_id LIMIT ?"),
        binds);
    if (!rows)
        return rows.error();
    QList<api::AuditEntry> entries;
    while (rows->next())
        entries.append(readEntry(*rows));
    return toCsv(entries);
}

QByteArray AuditTrail::toCsv(const QList<api::AuditEntry>& entries)
{
    QByteArray out = csv::bom();
    out += csv::line({QStringLiteral("日時"), QStringLiteral("操作"), QStringLiteral("操作者"),
        QStringLiteral("対象ユーザ"), QStringLiteral("内容"), QStringLiteral("接続元"), QStringLiteral("ID")});
    for (const api::AuditEntry& entry : entries) {
        out += csv::line({csv::japanTime(entry.occurredAt), entry.event, entry.actor, entry.subjectUser, entry.detail,
            entry.remote, entry.eventId});
    }
    return out;
}

} // namespace ikkatsu::server
