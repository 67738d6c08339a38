// The HTTP front: reads requests with our own parser, routes with our Router, runs handlers on a bounded worker pool.
#pragma once

#include "common/Result.h"
#include "http/Metrics.h"
#include "http/RequestParser.h"
#include "http/Router.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QSet>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace ikkatsu::server {

class ConnectionState;
struct PendingRequest;

struct HttpLimits
{
    int workers = 4;
    int queue = 64; // jobs waiting for a worker beyond which the server answers 503 E5005
    qint64 maxRequestBytes = 1 << 20; // headers + body; beyond it 413 E5009 and the connection closes
    // PUT/POST requests whose path starts with one of these may be up to maxUploadBytes (PDF uploads).
    QList<QByteArray> uploadPathPrefixes;
    qint64 maxUploadBytes = 1 << 20;
    int maxPipelined = 8; // requests queued behind a busy one on the same connection

    // Where bodies bound for the disk are spooled (RequestBodyMode::File routes, and bodies beyond kMemoryBodyBytes);
    // on the file store's file system so that an upload can be linked into it. Empty: the system's temporary folder.
    QString bodyDirectory;

    // Hostile clients (checked on every read, and by a timer; never while a handler runs).
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

// Why our own reader rather than Qt HttpServer (6.4, a technology preview): QAbstractHttpServer hands over whole
// requests only, so an upload of 89 MB sat in memory while it arrived at the slowest rate allowed, and its parser took
// any head size, field count or Content-Length. Here RequestParser reads the bytes strictly, a ConnectionState (a
// child of the socket, so it dies with it) carries each connection, bodies bound for the disk are spooled to a file as
// they arrive, and the HTTP thread checks a QPointer before answering and keeps answers in request order.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    // Bodies up to this size stay in memory on every route; larger ones are spooled to bodyDirectory.
    static constexpr qint64 kMemoryBodyBytes = 64 << 10;

    HttpServer(Router router, HttpLimits limits, std::shared_ptr<HttpMetrics> metrics = {}, QObject* parent = nullptr);
    ~HttpServer() override;

    // Binds and listens; returns the port (useful with port 0).
    Result<quint16> start(const QHostAddress& address, quint16 port, const std::optional<QSslConfiguration>& tls);
    // Finishes running jobs; queued ones are answered 503 when their turn comes.
    void stop();
    // SIGTERM: stops listening, closes idle connections, answers requests that start from now on 503 E5017 and lets
    // the ones already arriving or running finish; calls `drained` once none is left, or after `timeoutMs`.
    void drain(int timeoutMs, std::function<void()> drained);

    // Bookkeeping of ConnectionState; HTTP thread only.
    void forget(ConnectionState* state);
    void countRefusal(ErrorCode code);
    qint64 nowMs() const { return m_clock.elapsed(); }
    const HttpLimits& limits() const { return m_limits; }

    // Who may send a body that goes to the disk (RequestBodyMode::File routes, and bodies beyond kMemoryBodyBytes):
    // asked on a worker for each such request once its head arrived, before a byte of its body is read. Unset: all.
    void setBodyAdmission(BodyAdmission admission) { m_bodyAdmission = std::move(admission); }

    // Called by a ConnectionState when a head arrived: the request to come, with its route, its body's destination
    // (or that the body waits for admitBody) and, when it is refused already, its answer.
    PendingRequest beginRequest(ConnectionState* state, const RequestHead& head);
    // Runs the body admission for `head` on a worker; the connection hears back through bodyAdmitted.
    void admitBody(ConnectionState* state, const HttpRequest& head);
    // The body of an admitted request may come: where it goes, and "100 Continue" if the client waits for it.
    void openBody(ConnectionState* state, PendingRequest& pending);
    // A request was read completely: queued behind the ones before it on its connection.
    void requestArrived(ConnectionState* state, PendingRequest request);

private:
    void acceptConnections(QTcpServer* server);
    // False when a connection limit refuses it (the socket then gets its answer and closes on its own).
    bool admit(QTcpSocket* socket);
    // Runs the connection's next requests until one is busy (a worker or a streamed answer) or none is left.
    void pump(ConnectionState* state);
    void dispatch(ConnectionState* state, PendingRequest pending);
    // With `lingerOnClose`, a connection that closes after this answer reads and drops what still comes for a moment.
    void respond(ConnectionState* state, const PendingRequest& pending, const HttpResponse& response,
        bool lingerOnClose = false);
    // Writes a streamed answer's body as the client reads it.
    void streamBody(ConnectionState* state, std::shared_ptr<QIODevice> device, qint64 length, bool close);
    void tick();
    QString clientAddress(const QHostAddress& peer, const RequestHead& head) const;
    bool isUploadPath(const QByteArray& method, const QString& path) const;
    void inviteBody(ConnectionState* state, PendingRequest& pending);

    Router m_router;
    BodyAdmission m_bodyAdmission;
    HttpLimits m_limits;
    std::shared_ptr<HttpMetrics> m_metrics;
    QThreadPool m_pool;
    std::atomic<int> m_jobs {0};
    QElapsedTimer m_clock;
    QTimer m_ticker; // timeouts and the end of a drain
    QList<QPointer<QTcpServer>> m_listeners;
    QSet<ConnectionState*> m_connections;
    QHash<QString, int> m_perAddress;
    bool m_ownBodyDirectory = false; // configured (swept at start), not the system's temporary folder
    bool m_draining = false;
    qint64 m_drainDeadlineMs = 0;
    std::function<void()> m_drained;
};

} // namespace ikkatsu::server
