// Login rate limits: fixed-window counters in the database, so that every server host behind a balancer shares them.
#pragma once

#include "ServerContext.h"

namespace ikkatsu::server {

class RateLimiter
{
public:
    explicit RateLimiter(ServerContext& context)
        : m_context(context)
    { }

    // Counts one hit on `bucket` (e.g. "login-address:192.0.2.1"). Returns 0 while the bucket has had at most
    // `limit` hits in its current window of `windowSeconds`, else the seconds until the window ends (Retry-After).
    Result<int> hit(const QString& bucket, int limit, int windowSeconds);

private:
    ServerContext& m_context;
};

} // namespace ikkatsu::server
