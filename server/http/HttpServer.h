// The HTTP front: parses with Qt HttpServer, routes with our Router, runs handlers on a bounded worker pool.
#pragma once

#include "common/Result.h"
#include "http/Metrics.h"
#include "http/Router.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QSet>
#include <QSslConfiguration>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
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

    // Hostile clients (checked on every readyRead before Qt parses, and by a timer; never while a handler runs).
    int headTimeoutMs = 10000; // request line + headers; then 408 E5016
    qint64 bodyMinRate = 1024; // bytes/s averaged over the body once bodyGraceMs passed; then 408 E5016
    int bodyGraceMs = 10000;
    int keepAliveMs = 30000; // idle connection between requests; then closed without an answer
    qint64 maxHeaderBytes = 16 << 10; // request line + headers; beyond it 431 E5014
    int maxHeaderCount = 100; // header fields; beyond it 431 E5014
    int maxConnectionsPerAddress = 64; // 0 = no limit; beyond it 429 E5015
    int maxConnections = 1024; // beyond it 503 E5005
    QList<QHostAddress> trustedProxies; // peers whose X-Forwarded-For (last entry) is taken as the client address
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
    HttpServer(Router router, HttpLimits limits, std::shared_ptr<HttpMetrics> metrics = {}, QObject* parent = nullptr);
    ~HttpServer() override;

    // Binds and listens; returns the port (useful with port 0).
    Result<quint16> start(const QHostAddress& address, quint16 port, const std::optional<QSslConfiguration>& tls);
    // Finishes running jobs; queued ones are answered 503 when their turn comes.
    void stop();
    // SIGTERM: stops listening, closes idle connections, answers requests that start from now on 503 E5017 and lets
    // the ones already arriving or running finish; calls `drained` once none is left, or after `timeoutMs`.
    void drain(int timeoutMs, std::function<void()> drained);

    // Called by the listening servers for every new connection: false when a connection limit refuses it
    // (the socket then gets its answer and closes on its own).
    bool admit(QTcpSocket* socket);
    // Bookkeeping of ConnectionState; HTTP thread only.
    void forget(ConnectionState* state);
    void countRefusal(ErrorCode code);
    qint64 nowMs() const { return m_clock.elapsed(); }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    void dispatch(ConnectionState* state, HttpRequest request);
    void respond(ConnectionState* state, const HttpRequest& request, const HttpResponse& response);
    void finishOne(ConnectionState* state);
    // Writes a streamed answer's body as the client reads it.
    void streamBody(ConnectionState* state, std::shared_ptr<QIODevice> device, qint64 length, bool close);
    void tick();
    QString clientAddress(const QHttpServerRequest& request) const;

    Router m_router;
    HttpLimits m_limits;
    std::shared_ptr<HttpMetrics> m_metrics;
    QThreadPool m_pool;
    std::atomic<int> m_jobs {0};
    QElapsedTimer m_clock;
    QTimer m_ticker; // timeouts and the end of a drain
    QList<QPointer<QTcpServer>> m_listeners;
    QSet<ConnectionState*> m_connections;
    QHash<QString, int> m_perAddress;
    bool m_draining = false;
    qint64 m_drainDeadlineMs = 0;
    std::function<void()> m_drained;
};

} // namespace ikkatsu::server
