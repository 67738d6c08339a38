// JSON and URL-query forms of the audit trail; decoding is strict on both sides of the wire.
#include "api/AuditDto.h"

#include "api/Dto.h"
#include "api/ErrorCode.h"
#include "api/QueryFields.h"

#include <QJsonArray>

namespace ikkatsu::api {

const QList<QLatin1String>& auditEvents()
{
    using namespace AuditEvent;
    static const QList<QLatin1String> list = {UserRegistered, UserEdited, UserLocked, UserUnlocked, UserDisabled,
        UserEnabled, UserPasswordReset, CertificateRevoked, FolderCreated, FileRegistered, FilePermissionsChanged,
        FileVersionDownloaded, ResultsExported, AuditExported, AdminRefused, MailFailed, BootstrapAdmin,
        LoginUnknownUser, LoginWrongPassword, LoginRefused, LoginPasswordOk, LoginWrongOtp, LoginOtpResent,
        LoginSucceeded, LockedOut, Logout, PasswordChanged, PasswordWrongCurrent, CertificateIssued,
        CertificateViewOnly, CertificateRefused, SealChanged, FileArchiveRenewed, FileSignatureBoxesPlaced};
    return list;
}

QJsonObject AuditEntry::toJson() const
{
    return {{QStringLiteral("eventId"), eventId}, {QStringLiteral("occurredAt"), toJsonTime(occurredAt)},
        {QStringLiteral("event"), event}, {QStringLiteral("actor"), actor},
        {QStringLiteral("subjectUser"), subjectUser}, {QStringLiteral("detail"), detail},
        {QStringLiteral("remote"), remote}};
}

Result<AuditEntry> AuditEntry::fromJson(const QJsonObject& object)
{
    AuditEntry entry;
    entry.eventId = object.value(QStringLiteral("eventId")).toString();
    entry.occurredAt = fromJsonTime(object.value(QStringLiteral("occurredAt")).toString());
    entry.event = object.value(QStringLiteral("event")).toString();
    if (entry.eventId.isEmpty() || entry.event.isEmpty() || !entry.occurredAt.isValid())
        return makeError(ErrorCode::ProtocolMismatch, QStringLiteral("audit entry without ID, time or event"));
    entry.actor = object.value(QStringLiteral("actor")).toString();
    entry.subjectUser = object.value(QStringLiteral("subjectUser")).toString();
    entry.detail = object.value(QStringLiteral("detail")).toString();
    entry.remote = object.value(QStringLiteral("remote")).toString();
    return entry;
}

QUrlQuery AuditFilter::toQuery() const
{
    QUrlQuery query;
    if (from.isValid())
        query.addQueryItem(QStringLiteral("from"), from.toString(Qt::ISODate));
    if (to.isValid())
        query.addQueryItem(QStringLiteral("to"), to.toString(Qt::ISODate));
    if (!actor.isEmpty())
        query.addQueryItem(QStringLiteral("actor"), QString::fromLatin1(QUrl::toPercentEncoding(actor)));
    if (!subjectUser.isEmpty())
        query.addQueryItem(QStringLiteral("subjectUser"), QString::fromLatin1(QUrl::toPercentEncoding(subjectUser)));
    if (!event.isEmpty())
        query.addQueryItem(QStringLiteral("event"), QString::fromLatin1(QUrl::toPercentEncoding(event)));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return query;
}

Result<AuditFilter> AuditFilter::fromQuery(const QUrlQuery& query)
{
    IKK_TRY(onlyKnownKeys(query,
        {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("actor"), QStringLiteral("subjectUser"),
            QStringLiteral("event"), QStringLiteral("offset"), QStringLiteral("limit")}));
    AuditFilter filter;
    auto from = queryDate(query, QStringLiteral("from"));
    if (!from)
        return from.error();
    auto to = queryDate(query, QStringLiteral("to"));
    if (!to)
        return to.error();
    if (from->isValid() && to->isValid() && *to < *from)
        return badQuery(QStringLiteral("to must not be before from"));
    filter.from = *from;
    filter.to = *to;
    auto actor = queryFreeText(query, QStringLiteral("actor"), kMaxIdLength);
    if (!actor)
        return actor.error();
    filter.actor = actor->trimmed();
    auto subject = queryFreeText(query, QStringLiteral("subjectUser"), kMaxIdLength);
    if (!subject)
        return subject.error();
    filter.subjectUser = subject->trimmed();
    // Event names are lower-case ASCII words with dots and underscores; anything else is a client's mistake.
    const QString event = queryText(query, QStringLiteral("event"));
    if (event.size() > kMaxIdLength)
        return badQuery(QStringLiteral("event is too long"));
    for (const QChar c : event) {
        if (!((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c == QLatin1Char('.') || c == QLatin1Char('_')))
            return badQuery(
                QStringLiteral("event must be an event name such as user.locked, or a group such as user."));
    }
    if (event.startsWith(QLatin1Char('.')) || event.contains(QStringLiteral("..")))
        return badQuery(QStringLiteral("event must be an event name such as user.locked, or a group such as user."));
    filter.event = event;
    auto offset = queryInt(query, QStringLiteral("offset"), 0, 0, 100000000);
    if (!offset)
        return offset.error();
    auto limit = queryInt(query, QStringLiteral("limit"), 100, 1, kMaxLimit);
    if (!limit)
        return limit.error();
    filter.offset = *offset;
    filter.limit = *limit;
    return filter;
}

Result<AuditPage> AuditPage::fromJson(const QJsonObject& object)
{
    if (!object.value(QStringLiteral("entries")).isArray())
        return makeError(ErrorCode::ProtocolMismatch, QStringLiteral("audit page without entries"));
    AuditPage page;
    auto entries = listFromJson<AuditEntry>(object, QStringLiteral("entries"));
    if (!entries)
        return entries.error();
    page.entries = std::move(entries).value();
    page.total = object.value(QStringLiteral("total")).toInt();
    page.offset = object.value(QStringLiteral("offset")).toInt();
    page.limit = object.value(QStringLiteral("limit")).toInt();
    return page;
}

} // namespace ikkatsu::api
