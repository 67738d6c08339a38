// One upsert per hit: the counter and its window move together in a single statement, so concurrent hits on
// several hosts never lose a count (both SQLite ≥ 3.35 and PostgreSQL support ON CONFLICT … RETURNING).
#include "accounts/RateLimit.h"

#include <QDateTime>

#include <atomic>

namespace ikkatsu::server {

Result<int> RateLimiter::hit(const QString& bucket, int limit, int windowSeconds)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 expired = now - windowSeconds;
    auto query = m_context.database->exec(
        QStringLiteral(
            "INSERT INTO rate_limits(bucket, window_start, hits) VALUES (?, ?, 1) "
            "ON CONFLICT(bucket) DO UPDATE SET "
            "hits = CASE WHEN rate_limits.window_start <= ? THEN 1 ELSE rate_limits.hits + 1 END, "
            "window_start = CASE WHEN rate_limits.window_start <= ? THEN ? ELSE rate_limits.window_start END "
            "RETURNING hits, window_start"),
        {bucket, now, expired, expired, now});
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::DatabaseError, QStringLiteral("rate limit upsert returned no row"));
    const qint64 hits = query->value(0).toLongLong();
    const qint64 windowStart = query->value(1).toLongLong();
    query->finish();
    // Expired windows are only garbage; clear them now and then rather than on every hit.
    static std::atomic<unsigned> calls {0};
    if (++calls % 256 == 0) {
        // A failed clean-up only leaves garbage for the next one.
        [[maybe_unused]] const auto cleared
            = m_context.database->exec(QStringLiteral("DELETE FROM rate_limits WHERE window_start < ?"), {expired});
    }
    if (hits <= limit)
        return 0;
    return static_cast<int>(std::max<qint64>(1, windowStart + windowSeconds - now));
}

} // namespace ikkatsu::server
