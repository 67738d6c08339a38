// Request intake, hostile-client guards (head size and count, timeouts, connection caps), per-connection
// ordering, the hand-off to the worker pool, metrics and the SIGTERM drain.
#include "http/HttpServer.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtConcurrent>

#include <algorithm>
#include <exception>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace ikkatsu::server {

Q_LOGGING_CATEGORY(lcHttp, "ikkatsu.server.http")

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    default:
        return QByteArrayLiteral("Service Unavailable");
    }
}

// A complete answer written straight to the socket, for refusals before (or instead of) Qt's parser.
QByteArray rawErrorAnswer(ErrorCode code)
{
    const QByteArray body = HttpResponse::error(code).body;
    const int status = errorHttpStatus(code);
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
        + "\r\nContent-Type: application/json\r\nCache-Control: no-store\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Closes a socket we gave up on: politely first, then for good if the peer does not read its answer. Deleted here
// too, not only by Qt HttpServer's own clean-up on `disconnected`: on some parse errors QAbstractHttpServer 6.4 drops
// every signal connection of the socket (socket->disconnect()), and such a socket must not stay counted.
void closeSoon(QTcpSocket* socket, int lingerMs)
{
    QTimer::singleShot(lingerMs, socket, [socket] {
        socket->disconnectFromHost();
        QTimer::singleShot(2000, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
    });
}

} // namespace

// Per-connection bookkeeping; a child of its socket so that it can never outlive it.
class ConnectionState : public QObject
{
    Q_OBJECT

public:
    enum class Phase {
        Head, // waiting for (the rest of) a request line and headers
        Body, // headers complete, body arriving
        Idle // between requests on a keep-alive connection
    };

    ConnectionState(QTcpSocket* socket, HttpServer* server, const HttpLimits& limits)
        : QObject(socket)
        , address(socket->peerAddress().toString())
        , m_socket(socket)
        , m_server(server)
        , m_limits(limits)
    {
        // Connected before Qt HttpServer connects its own reader, so this runs first on every readyRead.
        connect(socket, &QIODevice::readyRead, this, &ConnectionState::onReadyRead);
        // Answers are small and written in pieces (headers, then body): without TCP_NODELAY, Nagle's algorithm
        // and the client's delayed ACK add ~40 ms to every request of a one-at-a-time client.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        startPhase(Phase::Head);
    }

    ~ConnectionState() override
    {
        if (m_server)
            m_server->forget(this);
    }

    QTcpSocket* socket() const { return m_socket; }
    void detach() { m_server = nullptr; }

    const QHttpServerRequest* lastRequest = nullptr;
    bool busy = false;
    bool streaming = false; // a streamed answer is going out (busy too)
    qint64 streamedBytes = 0; // handed to the socket by streamed answers (progress while the queue stays full)
    bool rejected = false;
    bool inFlightAtDrain = false; // its request had begun to arrive when the drain started
    QList<HttpRequest> waiting;
    const QString address;

    Phase phase() const { return m_phase; }
    bool receivedBytes() const { return m_headBytes > 0; }

    // A request was parsed completely; bytes arriving from now on belong to the next one.
    void requestComplete()
    {
        m_bytesSeen = 0;
        m_limit = 0;
        startPhase(Phase::Idle);
    }

    // An answer went out: the keep-alive clock starts again.
    void answered()
    {
        if (m_phase == Phase::Idle)
            m_phaseStartMs = now();
    }

    // Refuses the request now arriving with `code` and closes the connection after the answer. Qt's parser is cut
    // off; with `lingerMs` the rest of the request is read and discarded for a moment, so that the client reads
    // the answer instead of a reset.
    void reject(ErrorCode code, int lingerMs)
    {
        if (rejected)
            return;
        rejected = true;
        if (m_server)
            m_server->countRefusal(code);
        qCInfo(lcHttp) << errorCodeText(code) << "for" << address;
        disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
        connect(m_socket, &QIODevice::readyRead, this, &ConnectionState::onReadyRead);
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        m_socket->readAll();
        m_socket->write(rawErrorAnswer(code));
        closeSoon(m_socket, lingerMs);
    }

    // Called by the server's timer, never while a handler runs for this connection.
    void checkTimeouts(qint64 nowMs)
    {
        // An answer still going out (a large download to a slow reader): not idle while the client keeps reading,
        // cut once it has read nothing for the keep-alive time.
        const qint64 pending = m_socket->bytesToWrite();
        if (pending > 0) {
            // A streamed answer keeps the queue topped up: bytes handed over since the last look are progress too.
            const qint64 marker = pending - streamedBytes;
            if (marker != m_pendingWrite) {
                m_pendingWrite = marker;
                m_writeProgressMs = nowMs;
            } else if (nowMs - m_writeProgressMs > m_limits.keepAliveMs) {
                qCInfo(lcHttp) << "client stopped reading its answer:" << address;
                rejected = true;
                m_socket->abort();
                return;
            }
            if (m_phase == Phase::Idle)
                m_phaseStartMs = nowMs;
            return;
        }
        m_pendingWrite = 0;
        const qint64 elapsed = nowMs - m_phaseStartMs;
        switch (m_phase) {
        case Phase::Idle:
            if (elapsed > m_limits.keepAliveMs)
                closeQuietly();
            break;
        case Phase::Head:
            if (elapsed <= m_limits.headTimeoutMs)
                break;
            // Nothing sent at all (a browser's spare connection): no answer needed.
            if (m_headBytes == 0)
                closeQuietly();
            else
                reject(ErrorCode::RequestTimeout, 0);
            break;
        case Phase::Body:
            if (elapsed > m_limits.bodyGraceMs && m_bodyBytes * 1000 < m_limits.bodyMinRate * elapsed)
                reject(ErrorCode::RequestTimeout, 0);
            break;
        }
    }

private:
    qint64 now() const { return m_server ? m_server->nowMs() : 0; }

    void startPhase(Phase phase)
    {
        m_phase = phase;
        m_phaseStartMs = now();
        if (phase != Phase::Body) {
            m_headBytes = 0;
            m_headLines = 0;
            m_lineLength = 0;
            m_lastByte = 0;
            m_requestLine.clear();
        }
        m_bodyBytes = 0;
    }

    void closeQuietly()
    {
        rejected = true;
        closeSoon(m_socket, 0);
    }

    void onReadyRead()
    {
        if (rejected) {
            m_socket->readAll();
            return;
        }
        const qint64 available = m_socket->bytesAvailable();
        if (available <= 0)
            return;
        if (m_phase == Phase::Idle)
            startPhase(Phase::Head);
        if (m_phase == Phase::Head) {
            if (!scanHead(available))
                return;
        } else {
            m_bodyBytes += available;
        }
        guardSize(available);
        if (m_phase == Phase::Body)
            acknowledgeNow();
    }

    // A client that writes the head and the body separately without TCP_NODELAY (Qt's QNetworkAccessManager does)
    // holds the body back under Nagle's algorithm until the head is acknowledged, and the kernel delays that ACK by
    // up to 40 ms: every upload waited ~44 ms for nothing. Acknowledging what arrived at once releases the body.
    void acknowledgeNow()
    {
#ifdef TCP_QUICKACK
        const qintptr descriptor = m_socket->socketDescriptor();
        const int on = 1;
        if (descriptor >= 0)
            ::setsockopt(int(descriptor), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
#endif
    }

    // Follows the head byte by byte over the new bytes (which Qt has not consumed yet, so peek sees exactly them):
    // Qt HttpServer 6.4 would buffer a head of any size and any number of fields. Only up to the limit is looked
    // at. Returns false when the request was refused.
    bool scanHead(qint64 available)
    {
        const qint64 room = m_limits.maxHeaderBytes - m_headBytes + 1;
        const QByteArray chunk = m_socket->peek(std::min(available, room));
        for (qsizetype i = 0; i < chunk.size(); ++i) {
            const char c = chunk.at(i);
            ++m_headBytes;
            if (c != '\n') {
                ++m_lineLength;
                if (m_headLines == 0 && m_requestLine.size() < 4096)
                    m_requestLine.append(c);
                m_lastByte = c;
                continue;
            }
            const bool emptyLine = m_lineLength == 0 || (m_lineLength == 1 && m_lastByte == '\r');
            m_lineLength = 0;
            m_lastByte = c;
            if (emptyLine && m_headLines == 0) // blank lines before a request line are ignored (RFC 9112 2.2)
                continue;
            if (emptyLine) {
                if (m_headBytes > m_limits.maxHeaderBytes)
                    break;
                m_phase = Phase::Body;
                m_phaseStartMs = now();
                m_bodyBytes = available - (i + 1);
                return true;
            }
            ++m_headLines;
            if (m_headLines == 1)
                m_limit = limitFromRequestLine();
            if (m_headLines - 1 > m_limits.maxHeaderCount) {
                reject(ErrorCode::HeaderTooLarge, 2000);
                return false;
            }
        }
        if (m_headBytes > m_limits.maxHeaderBytes) {
            reject(ErrorCode::HeaderTooLarge, 2000);
            return false;
        }
        return true;
    }

    // Qt HttpServer 6.4 buffers a whole request with no limit. The running sum of new bytes bounds the request;
    // beyond it, the parser is cut off, the body is drained and discarded, and the client gets 413.
    void guardSize(qint64 available)
    {
        m_bytesSeen += available;
        if (m_bytesSeen > std::max(m_limit, m_limits.maxRequestBytes))
            reject(ErrorCode::PayloadTooLarge, 2000);
    }

    // The limit of the request whose request line is m_requestLine.
    qint64 limitFromRequestLine() const
    {
        const QList<QByteArray> parts = m_requestLine.trimmed().split(' ');
        if (parts.size() == 3 && (parts.at(0) == "PUT" || parts.at(0) == "POST")) {
            for (const QByteArray& prefix : m_limits.uploadPathPrefixes) {
                if (parts.at(1).startsWith(prefix))
                    return m_limits.maxUploadBytes;
            }
        }
        return m_limits.maxRequestBytes;
    }

    QTcpSocket* m_socket;
    HttpServer* m_server;
    HttpLimits m_limits;
    Phase m_phase = Phase::Head;
    qint64 m_phaseStartMs = 0;
    qint64 m_headBytes = 0;
    int m_headLines = 0;
    qint64 m_lineLength = 0;
    char m_lastByte = 0;
    QByteArray m_requestLine;
    qint64 m_bodyBytes = 0;
    qint64 m_bytesSeen = 0;
    qint64 m_limit = 0;
    qint64 m_pendingWrite = 0;
    qint64 m_writeProgressMs = 0;
};

namespace {

template<typename Base>
class GuardedServer : public Base
{
public:
    GuardedServer(HttpServer* server)
        : Base(server)
        , m_server(server)
    { }

    // Connections refused by a limit get their answer here and never reach Qt HttpServer.
    QTcpSocket* nextPendingConnection() override
    {
        while (QTcpSocket* socket = Base::nextPendingConnection()) {
            if (m_server->admit(socket))
                return socket;
        }
        return nullptr;
    }

private:
    HttpServer* m_server;
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

HttpServer::HttpServer(Router router, HttpLimits limits, std::shared_ptr<HttpMetrics> metrics, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_router(std::move(router))
    , m_limits(limits)
    , m_metrics(metrics ? std::move(metrics) : std::make_shared<HttpMetrics>())
{
    m_pool.setMaxThreadCount(limits.workers);
    // Threads never expire: each holds its own database connection, named after the thread.
    m_pool.setExpiryTimeout(-1);
    m_metrics->workers = limits.workers;
    m_clock.start();
    const int shortest = std::min({limits.headTimeoutMs, limits.keepAliveMs, std::max(limits.bodyGraceMs, 1000)});
    m_ticker.setInterval(std::clamp(shortest / 5, 50, 1000));
    connect(&m_ticker, &QTimer::timeout, this, &HttpServer::tick);
    m_ticker.start();
}

HttpServer::~HttpServer()
{
    stop();
    // The sockets (and their states) die after this object's members; they must not report back to it.
    for (ConnectionState* state : std::as_const(m_connections))
        state->detach();
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
        auto* sslServer = new GuardedServer<QSslServer>(this);
        sslServer->setSslConfiguration(*tls);
        // A TLS client that never finishes its handshake is a slow head too.
        sslServer->setHandshakeTimeout(m_limits.headTimeoutMs);
        server = sslServer;
    } else {
        server = new GuardedServer<QTcpServer>(this);
    }
    if (!server->listen(address, port)) {
        const QString message = server->errorString();
        delete server;
        return makeError(ErrorCode::ServerError, QStringLiteral("cannot listen: ") + message);
    }
    bind(server);
    m_listeners.append(server);
    return server->serverPort();
}

bool HttpServer::admit(QTcpSocket* socket)
{
    const QString address = socket->peerAddress().toString();
    std::optional<ErrorCode> refusal;
    if (m_draining)
        refusal = ErrorCode::ServerDraining;
    else if (m_connections.size() >= m_limits.maxConnections)
        refusal = ErrorCode::ServerBusy;
    else if (m_limits.maxConnectionsPerAddress > 0 && m_perAddress.value(address) >= m_limits.maxConnectionsPerAddress)
        refusal = ErrorCode::TooManyConnections;
    if (refusal) {
        countRefusal(*refusal);
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        socket->write(rawErrorAnswer(*refusal));
        // Short: a client that opens connection after connection must not pin many sockets for long.
        socket->disconnectFromHost();
        QTimer::singleShot(1000, socket, [socket] { socket->abort(); });
        return false;
    }
    auto* state = new ConnectionState(socket, this, m_limits);
    m_connections.insert(state);
    ++m_perAddress[address];
    m_metrics->openConnections = static_cast<int>(m_connections.size());
    return true;
}

void HttpServer::forget(ConnectionState* state)
{
    if (!m_connections.remove(state))
        return;
    auto it = m_perAddress.find(state->address);
    if (it != m_perAddress.end() && --it.value() <= 0)
        m_perAddress.erase(it);
    m_metrics->openConnections = static_cast<int>(m_connections.size());
}

void HttpServer::countRefusal(ErrorCode code)
{
    m_metrics->recordRefusal(errorCodeText(code));
}

void HttpServer::tick()
{
    const qint64 now = nowMs();
    const QList<ConnectionState*> states = m_connections.values();
    bool inFlight = m_jobs.load() > 0;
    for (ConnectionState* state : states) {
        // A client that stops reading a streamed download is cut like any slow reader.
        if (state->streaming) {
            inFlight = true;
            if (!state->rejected)
                state->checkTimeouts(now);
            continue;
        }
        // A handler at work (a big upload being verified) is never cut, whatever the clocks say.
        if (state->busy || !state->waiting.isEmpty()) {
            inFlight = true;
            continue;
        }
        if (!state->rejected)
            state->checkTimeouts(now);
        if (state->inFlightAtDrain && !state->rejected)
            inFlight = true;
        if (state->socket()->bytesToWrite() > 0)
            inFlight = true; // an answer still on its way out
    }
    if (m_draining && m_drained && (!inFlight || now >= m_drainDeadlineMs)) {
        if (inFlight)
            qCWarning(lcHttp) << "drain timeout reached with requests still in flight";
        auto drained = std::move(m_drained);
        m_drained = nullptr;
        drained();
    }
}

void HttpServer::drain(int timeoutMs, std::function<void()> drained)
{
    if (m_draining)
        return;
    m_draining = true;
    m_metrics->draining = true;
    m_drained = std::move(drained);
    m_drainDeadlineMs = nowMs() + timeoutMs;
    m_ticker.setInterval(100); // exit soon after the last answer went out
    // Stop accepting: a balancer in front sees the refused connection and tries the next host at once. Idle
    // connections stay until their keep-alive timeout or the exit: a request sent on one gets 503 E5017.
    for (const QPointer<QTcpServer>& listener : std::as_const(m_listeners)) {
        if (listener)
            listener->close();
    }
    for (ConnectionState* state : std::as_const(m_connections)) {
        if (state->rejected)
            continue;
        if (state->busy || !state->waiting.isEmpty()
            || (state->phase() != ConnectionState::Phase::Idle && state->receivedBytes()))
            state->inFlightAtDrain = true;
    }
    qCInfo(lcHttp) << "draining:" << m_connections.size() << "connection(s) open, jobs" << m_jobs.load();
    tick();
}

QString HttpServer::clientAddress(const QHttpServerRequest& request) const
{
    const QHostAddress peer = request.remoteAddress();
    if (!m_limits.trustedProxies.contains(peer))
        return peer.toString();
    // The proxy appends the address it saw; anything before it was written by the client and proves nothing.
    const QByteArray forwarded = request.value(QByteArrayLiteral("X-Forwarded-For"));
    const QByteArray last = forwarded.split(',').last().trimmed();
    const QHostAddress client(QString::fromLatin1(last));
    return client.isNull() ? peer.toString() : client.toString();
}

bool HttpServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    auto* state = socket->findChild<ConnectionState*>(QString(), Qt::FindDirectChildrenOnly);
    if (!state || state->rejected)
        return true;
    state->requestComplete();
    state->lastRequest = &request;
    HttpRequest copy = copyRequest(request);
    copy.remoteAddress = clientAddress(request);
    copy.receivedNs = m_clock.nsecsElapsed();
    if (m_draining && !state->inFlightAtDrain) {
        respond(state, copy, HttpResponse::error(ErrorCode::ServerDraining));
        return true;
    }
    state->inFlightAtDrain = false;
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
    request.route = match.pattern;
    if (match.thread == HandlerThread::Inline) {
        respond(state, request, (*match.handler)(request));
        return;
    }
    if (m_jobs.load() >= m_limits.workers + m_limits.queue) {
        respond(state, request, HttpResponse::error(ErrorCode::ServerBusy));
        return;
    }
    m_metrics->jobs = ++m_jobs;
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
        m_metrics->jobs = --m_jobs;
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

void HttpServer::streamBody(ConnectionState* state, std::shared_ptr<QIODevice> device, qint64 length, bool close)
{
    // The body goes out in pieces as the socket drains, with at most kStreamBuffer bytes waiting in it. Until the last
    // piece, the connection counts as busy: a request pipelined behind this one is answered after it.
    static constexpr qint64 kStreamChunk = 64 << 10;
    static constexpr qint64 kStreamBuffer = 1 << 20;
    state->busy = true;
    state->streaming = true;
    QTcpSocket* socket = state->socket();
    auto* pump = new QObject(state); // dies with the connection, and so do its signal connections
    auto remaining = std::make_shared<qint64>(length);
    auto fill = [this, state, socket, device, remaining, close, pump] {
        while (*remaining > 0 && socket->bytesToWrite() < kStreamBuffer) {
            const QByteArray chunk = device->read(std::min(kStreamChunk, *remaining));
            if (chunk.isEmpty()) {
                // The stored version ended early: the answer cannot be completed, only cut.
                qCWarning(lcHttp) << "streamed answer ended" << *remaining << "bytes early";
                *remaining = 0;
                pump->deleteLater();
                state->rejected = true;
                socket->abort();
                return;
            }
            socket->write(chunk);
            *remaining -= chunk.size();
            state->streamedBytes += chunk.size();
        }
        if (*remaining > 0)
            return;
        pump->disconnect();
        pump->deleteLater();
        device->close();
        state->busy = false;
        state->streaming = false;
        state->answered();
        if (close) {
            state->rejected = true;
            socket->disconnectFromHost();
            return;
        }
        finishOne(state);
    };
    connect(socket, &QIODevice::bytesWritten, pump, fill);
    fill();
}

void HttpServer::respond(ConnectionState* state, const HttpRequest& request, const HttpResponse& response)
{
    m_metrics->recordRequest(request.route.isEmpty() ? QStringLiteral("unmatched") : request.route, response.status,
        m_clock.nsecsElapsed() - request.receivedNs);
    if ((request.method == "PUT" || request.method == "POST") && !request.route.isEmpty()) {
        for (const QByteArray& prefix : m_limits.uploadPathPrefixes) {
            if (request.path.startsWith(QString::fromLatin1(prefix))) {
                m_metrics->recordUpload(response.status < 300 ? QString()
                                                              : QJsonDocument::fromJson(response.body)
                                                                    .object()
                                                                    .value(QStringLiteral("code"))
                                                                    .toString(QStringLiteral("unknown")));
                break;
            }
        }
    }
    QTcpSocket* socket = state->socket();
    if (!socket->isOpen() || !state->lastRequest || state->rejected)
        return;
    QHttpServerResponder responder = makeResponder(*state->lastRequest, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    if (!response.contentType.isEmpty())
        responder.writeHeader(QByteArrayLiteral("Content-Type"), response.contentType);
    const qint64 length
        = response.stream ? response.stream->size() - response.stream->pos() : qint64(response.body.size());
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(length));
    responder.writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    responder.writeHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    for (const auto& header : response.headers)
        responder.writeHeader(header.first, header.second);
    // While draining every answer ends its connection: the client reconnects to another host.
    const bool close = m_draining || request.header(QByteArrayLiteral("connection")).toLower() == "close";
    if (close)
        responder.writeHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    responder.writeBody(request.method == "HEAD" ? QByteArray() : response.body);
    if (response.stream && request.method != "HEAD" && length > 0) {
        streamBody(state, response.stream, length, close);
        return;
    }
    state->answered();
    if (close) {
        state->rejected = true; // nothing more is read from it
        socket->disconnectFromHost();
    }
}

} // namespace ikkatsu::server

#include "HttpServer.moc"
