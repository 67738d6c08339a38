// Maps method + path pattern ("/api/v1/admin/users/{userId}") to a handler; the thin layer over our HttpServer.
#pragma once

#include "http/HttpMessage.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace ikkatsu::server {

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;
// Decides on a worker, from a request's head alone (its `body` is empty), whether its body may be taken: nothing to
// go on, or the answer that refuses it unread.
using BodyAdmission = std::function<std::optional<HttpResponse>(const HttpRequest& head)>;

enum class HandlerThread {
    Worker, // the bounded worker pool: anything touching the database, Argon2, the CA or mail
    Inline // the HTTP thread: constant-time answers only
};

enum class RequestBodyMode {
    Memory, // HttpRequest::body (a body beyond the in-memory threshold is spooled and read back on the worker)
    File // HttpRequest::bodyFile, spooled to disk as it arrives, whatever its size (uploads of PDF bytes)
};

class Router
{
public:
    void add(const QByteArray& method, const QString& pattern, HttpHandler handler,
        HandlerThread thread = HandlerThread::Worker, RequestBodyMode body = RequestBodyMode::Memory);

    struct Match
    {
        const HttpHandler* handler = nullptr;
        HandlerThread thread = HandlerThread::Worker;
        RequestBodyMode body = RequestBodyMode::Memory;
        QHash<QString, QString> parameters;
        bool pathKnown = false; // the path exists for another method (405 rather than 404)
        QString pattern; // the route template, e.g. "/api/v1/files/{fileId}" (metrics label)
    };
    Match match(const QByteArray& method, const QString& path) const;

    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        HttpHandler handler;
        HandlerThread thread;
        RequestBodyMode body;
    };
    const QList<Route>& routes() const { return m_routes; }

private:
    QList<Route> m_routes;
};

} // namespace ikkatsu::server
