// The REST routes of /api/v1 (described in docs/api/openapi.yaml).
#pragma once

#include "ServerContext.h"
#include "http/Metrics.h"
#include "http/Router.h"

#include <memory>

namespace ikkatsu::server {

// `metrics` feeds GET /metrics (absent: that route answers 404).
Router buildApiRoutes(const std::shared_ptr<ServerContext>& context, const std::shared_ptr<HttpMetrics>& metrics = {});
// Paths of the routes that take PDF uploads (they get the larger request limit).
QList<QByteArray> uploadPathPrefixes();

} // namespace ikkatsu::server
