// The REST routes of /api/v1 (described in docs/api/openapi.yaml).
#pragma once

#include "ServerContext.h"
#include "http/Router.h"

#include <memory>

namespace ikkatsu::server {

Router buildApiRoutes(const std::shared_ptr<ServerContext>& context);
// Paths of the routes that take PDF uploads (they get the larger request limit).
QList<QByteArray> uploadPathPrefixes();

} // namespace ikkatsu::server
