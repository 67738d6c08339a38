// Request intake, size guard, per-connection ordering and the hand-off to the worker pool.
#include "http/HttpServer.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QPointer>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtConcurrent>

#include <algorithm>
#include <exception>

namespace ikkatsu::server {

Q_LOGGING_CATEGORY(lcHttp, "ikkatsu.server.http")

// Per-connection bookkeeping; a child of its socket so that it can never outlive it.
class ConnectionState : public QObject
{
    Q_OBJECT

public:
    ConnectionState(QTcpSocket* socket, const HttpLimits& limits)
        : QObject(socket)
        , m_socket(socket)
        , m_limits(limits)
    {
        // Connected before Qt HttpServer connects its own reader, so this runs first on every readyRead.
        connect(socket, &QIODevice::readyRead, this, &ConnectionState::guardSize);
        // Answers are small and written in pieces (headers, then body): without TCP_NODELAY, Nagle's algorithm
        // and the client's delayed ACK add ~40 ms to every request of a one-at-a-time client.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    }

    QTcpSocket* socket() const { return m_socket; }

    const QHttpServerRequest* lastRequest = nullptr;
    bool busy = false;
    bool rejected = false;
    QList<HttpRequest> waiting;

    // A request was parsed completely; bytes arriving from now on belong to the next one.
    void requestComplete()
    {
        m_bytesSeen = 0;
        m_limit = 0;
    }

private:
    // Qt HttpServer 6.4 buffers a whole request with no limit. Our reader sees every new chunk before the
    // parser consumes it, so the running sum bounds the request; beyond it, the parser is cut off, the body
    // is drained and discarded, and the client gets 413 before the connection closes.
    void guardSize()
    {
        if (rejected) {
            m_socket->readAll();
            return;
        }
        if (m_limit == 0)
            m_limit = limitFromRequestLine();
        m_bytesSeen += m_socket->bytesAvailable();
        if (m_bytesSeen <= std::max(m_limit, m_limits.maxRequestBytes))
            return;
        rejected = true;
        qCInfo(lcHttp) << "request over" << m_limit << "bytes from" << m_socket->peerAddress().toString();
        disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
        connect(m_socket, &QIODevice::readyRead, this, &ConnectionState::guardSize);
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        m_socket->readAll();
        const QByteArray body = HttpResponse::error(ErrorCode::PayloadTooLarge).body;
        m_socket->write(QByteArrayLiteral("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\n"
                                          "Connection: close\r\nContent-Length: ")
            + QByteArray::number(body.size()) + QByteArrayLiteral("\r\n\r\n") + body);
        // Keep draining for a moment so that the client reads the answer instead of a reset.
        QTimer::singleShot(2000, m_socket, [socket = m_socket] { socket->disconnectFromHost(); });
    }

    // The limit of the request now arriving, once its request line is complete (0 until then: the small limit).
    qint64 limitFromRequestLine() const
    {
        const QByteArray head = m_socket->peek(4096);
        const qsizetype end = head.indexOf('\n');
        if (end < 0)
            return head.size() >= 4096 ? m_limits.maxRequestBytes : 0;
        const QList<QByteArray> parts = head.left(end).trimmed().split(' ');
        if (parts.size() == 3 && (parts.at(0) == "PUT" || parts.at(0) == "POST")) {
            for (const QByteArray& prefix : m_limits.uploadPathPrefixes) {
                if (parts.at(1).startsWith(prefix))
                    return m_limits.maxUploadBytes;
            }
        }
        return m_limits.maxRequestBytes;
    }

    QTcpSocket* m_socket;
    HttpLimits m_limits;
    qint64 m_bytesSeen = 0;
    qint64 m_limit = 0;
};

namespace {

template<typename Base>
class GuardedServer : public Base
{
public:
    GuardedServer(const HttpLimits& limits, QObject* parent)
        : Base(parent)
        , m_limits(limits)
    { }

    QTcpSocket* nextPendingConnection() override
    {
        QTcpSocket* socket = Base::nextPendingConnection();
        if (socket)
            new ConnectionState(socket, m_limits);
        return socket;
    }

private:
    HttpLimits m_limits;
};

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    default:
        return QByteArrayLiteral("OTHER");
    }
}

HttpRequest copyRequest(const QHttpServerRequest& request)
{
    HttpRequest copy;
    copy.method = methodName(request.method());
    copy.path = request.url().path();
    copy.query = request.query();
    for (const auto& header : request.headers())
        copy.headers.insert(header.first.toLower(), header.second);
    copy.body = request.body();
    copy.remoteAddress = request.remoteAddress().toString();
    return copy;
}

} // namespace

HttpServer::HttpServer(Router router, HttpLimits limits, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_router(std::move(router))
    , m_limits(limits)
{
    m_pool.setMaxThreadCount(limits.workers);
    // Threads never expire: each holds its own database connection, named after the thread.
    m_pool.setExpiryTimeout(-1);
}

HttpServer::~HttpServer()
{
    stop();
}

void HttpServer::stop()
{
    m_pool.waitForDone();
}

Result<quint16> HttpServer::start(
    const QHostAddress& address, quint16 port, const std::optional<QSslConfiguration>& tls)
{
    QTcpServer* server = nullptr;
    if (tls) {
        auto* sslServer = new GuardedServer<QSslServer>(m_limits, this);
        sslServer->setSslConfiguration(*tls);
        server = sslServer;
    } else {
        server = new GuardedServer<QTcpServer>(m_limits, this);
    }
    if (!server->listen(address, port)) {
        const QString message = server->errorString();
        delete server;
        return makeError(ErrorCode::ServerError, QStringLiteral("cannot listen: ") + message);
    }
    bind(server);
    return server->serverPort();
}

bool HttpServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    auto* state = socket->findChild<ConnectionState*>(QString(), Qt::FindDirectChildrenOnly);
    if (!state || state->rejected)
        return true;
    state->requestComplete();
    state->lastRequest = &request;
    HttpRequest copy = copyRequest(request);
    if (state->busy) {
        if (state->waiting.size() >= m_limits.maxPipelined) {
            respond(state, copy, HttpResponse::error(ErrorCode::ServerBusy));
            return true;
        }
        state->waiting.append(std::move(copy));
        return true;
    }
    dispatch(state, std::move(copy));
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    // handleRequest takes every request; this is only reached if Qt calls it directly.
    handleRequest(request, socket);
}

void HttpServer::dispatch(ConnectionState* state, HttpRequest request)
{
    const Router::Match match = m_router.match(request.method, request.path);
    if (!match.handler) {
        const ErrorCode code = match.pathKnown ? ErrorCode::MethodNotAllowed : ErrorCode::RouteNotFound;
        respond(state, request, HttpResponse::error(code));
        return;
    }
    request.pathParameters = match.parameters;
    if (match.thread == HandlerThread::Inline) {
        respond(state, request, (*match.handler)(request));
        return;
    }
    if (m_jobs.load() >= m_limits.workers + m_limits.queue) {
        respond(state, request, HttpResponse::error(ErrorCode::ServerBusy));
        return;
    }
    ++m_jobs;
    state->busy = true;
    QPointer<ConnectionState> guard(state);
    const HttpHandler* handler = match.handler;
    QtConcurrent::run(&m_pool, [handler, request] {
        try {
            return (*handler)(request);
        } catch (const std::exception& e) {
            qCCritical(lcHttp) << "handler threw:" << e.what();
            return HttpResponse::error(ErrorCode::Unexpected);
        }
    }).then(this, [this, guard, request](HttpResponse response) {
        --m_jobs;
        // The client may have gone while the worker ran; then its socket and state are gone too.
        if (!guard)
            return;
        guard->busy = false;
        respond(guard, request, response);
        finishOne(guard);
    });
}

void HttpServer::finishOne(ConnectionState* state)
{
    if (state->busy || state->waiting.isEmpty())
        return;
    dispatch(state, state->waiting.takeFirst());
}

void HttpServer::respond(ConnectionState* state, const HttpRequest& request, const HttpResponse& response)
{
    QTcpSocket* socket = state->socket();
    if (!socket->isOpen() || !state->lastRequest || state->rejected)
        return;
    QHttpServerResponder responder = makeResponder(*state->lastRequest, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    if (!response.contentType.isEmpty())
        responder.writeHeader(QByteArrayLiteral("Content-Type"), response.contentType);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()));
    responder.writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    responder.writeHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    for (const auto& header : response.headers)
        responder.writeHeader(header.first, header.second);
    const bool close = request.header(QByteArrayLiteral("connection")).toLower() == "close";
    if (close)
        responder.writeHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    responder.writeBody(request.method == "HEAD" ? QByteArray() : response.body);
    if (close)
        socket->disconnectFromHost();
}

} // namespace ikkatsu::server

#include "HttpServer.moc"
