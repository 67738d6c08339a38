// The trail is written in the same transaction as the change it describes, and never updated (triggers refuse it).
#include "results/ProcessingResults.h"

#include "accounts/Secrets.h"
#include "files/FileNames.h"
#include "results/Csv.h"

#include <QTimeZone>

namespace ikkatsu::server {

ClientInfo ClientInfo::of(const HttpRequest& request)
{
    QString agent = QString::fromUtf8(request.header(QByteArrayLiteral("user-agent"))).left(200);
    for (QChar& c : agent) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    return {agent, request.remoteAddress};
}

Status ProcessingResults::record(api::ProcessingResult result)
{
    if (result.resultId.isEmpty())
        result.resultId = newRandomId();
    if (!result.occurredAt.isValid())
        result.occurredAt = QDateTime::currentDateTimeUtc();
    IKK_TRY(m_context.database->exec(
        QStringLiteral("INSERT INTO processing_results (result_id, occurred_at, user_id, user_name, file_id, "
                       "folder_name, file_name, action, outcome, error_code, version, client, remote) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {result.resultId, result.occurredAt.toMSecsSinceEpoch(), result.userId, result.userName, result.fileId,
            result.folderName, result.fileName, api::resultActionName(result.action),
            result.succeeded ? QStringLiteral("ok") : QStringLiteral("failed"), result.errorCode, result.version,
            result.client, result.remote}));
    return {};
}

namespace {

struct Where
{
    QString sql;
    QVariantList binds;
};

Where whereOf(const api::ResultFilter& filter)
{
    Where where;
    QStringList parts;
    if (!filter.userId.isEmpty()) {
        parts << QStringLiteral("user_id = ?");
        where.binds << filter.userId;
    }
    if (filter.from.isValid()) {
        parts << QStringLiteral("occurred_at >= ?");
        where.binds << api::japanDayStart(filter.from).toMSecsSinceEpoch();
    }
    if (filter.to.isValid()) {
        parts << QStringLiteral("occurred_at < ?");
        where.binds << api::japanDayStart(filter.to.addDays(1)).toMSecsSinceEpoch();
    }
    if (filter.action) {
        parts << QStringLiteral("action = ?");
        where.binds << api::resultActionName(*filter.action);
    }
    if (filter.succeeded) {
        parts << QStringLiteral("outcome = ?");
        where.binds << (*filter.succeeded ? QStringLiteral("ok") : QStringLiteral("failed"));
    }
    if (!filter.fileName.isEmpty()) {
        // The trail keeps names as they were; a case-sensitive partial match is enough for finding a row.
        parts << QStringLiteral("file_name LIKE ? ESCAPE '\\'");
        where.binds << likePattern(filter.fileName);
    }
    if (!parts.isEmpty())
        where.sql = QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
    return where;
}

const QString kColumns = QStringLiteral("result_id, occurred_at, user_id, user_name, file_id, folder_name, file_name, "
                                        "action, outcome, error_code, version, client, remote");

api::ProcessingResult readResult(const QSqlQuery& query)
{
    api::ProcessingResult result;
    result.resultId = query.value(0).toString();
    result.occurredAt = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), QTimeZone::utc());
    result.userId = query.value(2).toString();
    result.userName = query.value(3).toString();
    result.fileId = query.value(4).toString();
    result.folderName = query.value(5).toString();
    result.fileName = query.value(6).toString();
    api::parseResultAction(query.value(7).toString(), &result.action);
    result.succeeded = query.value(8).toString() == QLatin1String("ok");
    result.errorCode = query.value(9).toString();
    result.version = query.value(10).toInt();
    result.client = query.value(11).toString();
    result.remote = query.value(12).toString();
    return result;
}

QString actionLabel(api::ProcessingResult::Action action)
{
    switch (action) {
    case api::ProcessingResult::Action::Register:
        return QStringLiteral("ファイル登録");
    case api::ProcessingResult::Action::View:
        return QStringLiteral("ファイル閲覧");
    case api::ProcessingResult::Action::Sign:
        return QStringLiteral("電子署名");
    }
    return {};
}

} // namespace

Result<api::ResultPage> ProcessingResults::list(const api::ResultFilter& filter) const
{
    const Where where = whereOf(filter);
    api::ResultPage page;
    page.offset = filter.offset;
    page.limit = filter.limit;
    {
        auto count = m_context.database->exec(
            QStringLiteral("SELECT COUNT(*) FROM processing_results") + where.sql, where.binds);
        if (!count)
            return count.error();
        if (count->next())
            page.total = count->value(0).toInt();
    }
    QVariantList binds = where.binds;
    binds << filter.limit << filter.offset;
    auto rows
        = m_context.database->exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM processing_results")
                + where.sql + QStringLiteral(" ORDER BY occurred_at DESC, result_id DESC LIMIT ? OFFSET ?"),
            binds);
    if (!rows)
        return rows.error();
    while (rows->next())
        page.results.append(readResult(*rows));
    return page;
}

Result<QByteArray> ProcessingResults::csv(api::ResultFilter filter) const
{
    const Where where = whereOf(filter);
    QVariantList binds = where.binds;
    binds << kCsvRows;
    auto rows
        = m_context.database->exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM processing_results")
                + where.sql + QStringLiteral(" ORDER BY occurred_at, result_id LIMIT ?"),
            binds);
    if (!rows)
        return rows.error();
    QList<api::ProcessingResult> results;
    while (rows->next())
        results.append(readResult(*rows));
    return toCsv(results);
}

QByteArray ProcessingResults::toCsv(const QList<api::ProcessingResult>& results)
{
    QByteArray out = csv::bom();
    out += csv::line({QStringLiteral("日時"), QStringLiteral("ユーザID"), QStringLiteral("ユーザ名"),
        QStringLiteral("フォルダ名"), QStringLiteral("ファイル名"), QStringLiteral("処理"), QStringLiteral("結果"),
        QStringLiteral("エラーコード"), QStringLiteral("版"), QStringLiteral("クライアント"), QStringLiteral("接続元"),
        QStringLiteral("ファイルID")});
    for (const api::ProcessingResult& result : results) {
        out += csv::line(
            {csv::japanTime(result.occurredAt), result.userId, result.userName, result.folderName, result.fileName,
                actionLabel(result.action), result.succeeded ? QStringLiteral("成功") : QStringLiteral("失敗"),
                result.errorCode, result.version > 0 ? QString::number(result.version) : QString(), result.client,
                result.remote, result.fileId});
    }
    return out;
}

} // namespace ikkatsu::server
