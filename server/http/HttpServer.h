// The HTTP front: parses with Qt HttpServer, routes with our Router, runs handlers on a bounded worker pool.
#pragma once

#include "common/Result.h"
#include "http/Router.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QThreadPool>

#include <atomic>
#include <optional>

namespace ikkatsu::server {

class ConnectionState;

struct HttpLimits
{
    int workers = 4;
    int queue = 64; // jobs waiting for a worker beyond which the server answers 503 E5005
    qint64 maxRequestBytes = 1 << 20; // headers + body; beyond it 413 E5009 and the connection closes
    // PUT/POST requests whose path starts with one of these may be up to maxUploadBytes (PDF uploads).
    QList<QByteArray> uploadPathPrefixes;
    qint64 maxUploadBytes = 1 << 20;
    int maxPipelined = 8; // requests queued behind a busy one on the same connection
};

// Why not QHttpServer::route returning QFuture<QHttpServerResponse>: in Qt 6.4 its continuation captures the
// request by reference and the socket as a raw pointer, so a client that disconnects while a worker runs
// makes the continuation write through freed objects. Here every connection carries a ConnectionState
// (a child of the socket, so it dies with it); the HTTP thread checks a QPointer before answering and
// keeps answers in request order per connection.
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    HttpServer(Router router, HttpLimits limits, QObject* parent = nullptr);
    ~HttpServer() override;

    // Binds and listens; returns the port (useful with port 0).
    Result<quint16> start(const QHostAddress& address, quint16 port, const std::optional<QSslConfiguration>& tls);
    // Finishes running jobs; queued ones are answered 503 when their turn comes.
    void stop();

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    void dispatch(ConnectionState* state, HttpRequest request);
    void respond(ConnectionState* state, const HttpRequest& request, const HttpResponse& response);
    void finishOne(ConnectionState* state);

    Router m_router;
    HttpLimits m_limits;
    QThreadPool m_pool;
    std::atomic<int> m_jobs {0};
};

} // namespace ikkatsu::server
