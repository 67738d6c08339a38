// The REST routes of /api/v1 (described in docs/api/openapi.yaml).
#pragma once

#include "ServerContext.h"
#include "http/Metrics.h"
#include "http/Router.h"

#include <memory>

namespace ikkatsu::server {

// `metrics` feeds GET /metrics (absent: that route answers 404).
Router buildApiRoutes(const std::shared_ptr<ServerContext>& context, const std::shared_ptr<HttpMetrics>& metrics = {});
// The check HttpServer makes when the head of a request whose body goes to the disk arrived, before reading the body:
// a valid session (an administrator's on /api/v1/admin/), else the answer its handler would give (401, 403). Routes
// that answer without a session are not asked.
BodyAdmission buildBodyAdmission(const std::shared_ptr<ServerContext>& context);
// Whether the route template (HttpRequest::route) is one that answers without a session (login, OTP, TSA, OCSP,
// health, CA certificate, ...); every other route refuses an anonymous caller with 401.
bool answersWithoutSession(const QString& route);
// Paths of the routes that take PDF uploads (they get the larger request limit).
QList<QByteArray> uploadPathPrefixes();

} // namespace ikkatsu::server
