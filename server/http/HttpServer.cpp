// Request intake through RequestParser, body spooling, hostile-client guards (head size and count, timeouts,
// connection caps), per-connection ordering, the hand-off to the worker pool, metrics and the SIGTERM drain.
#include "http/HttpServer.h"

#include "common/AtomicFile.h"
#include "http/RequestBody.h"

#include <QDir>
#include <QFile>
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
#include <utility>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace ikkatsu::server {

Q_LOGGING_CATEGORY(lcHttp, "ikkatsu.server.http")

namespace {

// Bytes taken from a socket at a time, and the most Qt may buffer for one connection: what a connection costs in
// memory however large its body (TCP flow control holds the rest back in the client's kernel).
constexpr qint64 kReadChunk = 64 << 10;
constexpr qint64 kReadBuffer = 256 << 10;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 304:
        return QByteArrayLiteral("Not Modified");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 410:
        return QByteArrayLiteral("Gone");
    case 411:
        return QByteArrayLiteral("Length Required");
    case 412:
        return QByteArrayLiteral("Precondition Failed");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 422:
        return QByteArrayLiteral("Unprocessable Content");
    case 423:
        return QByteArrayLiteral("Locked");
    case 428:
        return QByteArrayLiteral("Precondition Required");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return QByteArrayLiteral("Status");
    }
}

// A complete answer for refusals outside the request order (the head or the connection itself is refused).
QByteArray rawErrorAnswer(ErrorCode code)
{
    const QByteArray body = HttpResponse::error(code).body;
    const int status = errorHttpStatus(code);
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
        + "\r\nContent-Type: application/json\r\nCache-Control: no-store\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Closes a socket we gave up on: politely first, then for good if the peer does not read its answer.
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

// A request between its head and its answer.
struct PendingRequest
{
    enum class Sink {
        Memory, // HttpRequest::body
        File, // `spool`
        Discard // refused already (`answer`): the body is read past and dropped
    };

    HttpRequest request;
    const HttpHandler* handler = nullptr;
    HandlerThread thread = HandlerThread::Worker;
    RequestBodyMode bodyMode = RequestBodyMode::Memory;
    std::optional<HttpResponse> answer;
    bool keepAlive = true;
    bool lingerOnClose = false; // a refusal whose body may still be on its way: read and dropped for a moment
    Sink sink = Sink::Discard;
    std::shared_ptr<RequestBody> spool;
    qint64 contentLength = 0;
    bool expectContinue = false;
    bool awaitingAdmission = false; // no sink yet: the body waits unread until the admission decided
};

// Per-connection reading and bookkeeping; a child of its socket so that it can never outlive it.
class ConnectionState : public QObject
{
    Q_OBJECT

public:
    enum class Phase {
        Head, // waiting for (the rest of) a request line and headers
        Admission, // headers complete, the body not read until the server decided to take it (admitBody)
        Body, // headers complete, body arriving
        Idle // between requests on a keep-alive connection
    };

    ConnectionState(QTcpSocket* socket, HttpServer* server, const HttpLimits& limits)
        : QObject(socket)
        , address(socket->peerAddress().toString())
        , m_socket(socket)
        , m_server(server)
        , m_limits(limits)
        , m_parser({limits.maxHeaderBytes, limits.maxHeaderCount})
    {
        connect(socket, &QIODevice::readyRead, this, &ConnectionState::onReadyRead);
        socket->setReadBufferSize(kReadBuffer);
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

    bool busy = false;
    bool streaming = false; // a streamed answer is going out (busy too)
    qint64 streamedBytes = 0; // handed to the socket by streamed answers (progress while the queue stays full)
    bool rejected = false; // nothing more is read (or only drained and dropped) and nothing more answered
    bool inFlightAtDrain = false; // its request had begun to arrive when the drain started
    QList<PendingRequest> waiting; // complete requests in arrival order, behind a busy one
    const QString address;

    Phase phase() const { return m_phase; }
    bool receivedBytes() const { return !m_parser.betweenRequests(); }
    // No answer is owed before one for a new request: nothing running, nothing queued.
    bool quiet() const { return !busy && waiting.isEmpty(); }

    // An answer went out: the keep-alive clock starts again.
    void answered()
    {
        if (m_phase == Phase::Idle)
            m_phaseStartMs = now();
    }

    // Refuses the request now arriving with `code` and closes the connection after the answer. With `lingerMs` the
    // rest of the request is read and dropped for a moment, so that the client reads the answer instead of a reset.
    void reject(ErrorCode code, int lingerMs)
    {
        if (rejected)
            return;
        if (m_server)
            m_server->countRefusal(code);
        qCInfo(lcHttp) << errorCodeText(code) << "for" << address
                       << (m_parser.failed() ? m_parser.errorDetail() : QByteArray());
        m_socket->write(rawErrorAnswer(code));
        closeAfterAnswer(lingerMs);
    }

    // Refuses the request now arriving with `code` and ends the connection, after the answers owed to earlier requests
    // on it if there are any (answers keep request order); nothing more is read.
    void refuse(ErrorCode code)
    {
        if (quiet()) {
            reject(code, 2000);
            return;
        }
        if (m_server)
            m_server->countRefusal(code);
        qCInfo(lcHttp) << errorCodeText(code) << "for" << address << "after the answers it waits for";
        m_stopReading = true;
        m_current.reset();
        PendingRequest refusal;
        refusal.answer = HttpResponse::error(code);
        refusal.keepAlive = false;
        if (m_server)
            m_server->requestArrived(this, std::move(refusal));
    }
    bool stoppedReading() const { return rejected || m_stopReading; }

    // The answer is written: read nothing more (drop what comes) and close after `lingerMs`.
    void closeAfterAnswer(int lingerMs)
    {
        rejected = true;
        m_current.reset(); // a spooled body is removed now
        m_socket->readAll();
        closeSoon(m_socket, lingerMs);
    }

    // The 100 Continue interim answer for a head with "Expect: 100-continue" that will be taken.
    void sendContinue() { m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n")); }

    // The server's admission of the body now waiting: with a refusal its answer, else the body is read.
    void bodyAdmitted(std::optional<HttpResponse> refusal)
    {
        if (m_phase != Phase::Admission || !m_current || stoppedReading() || !m_server)
            return;
        if (refusal) {
            refuseBody(std::move(*refusal));
            return;
        }
        // Out of m_current while the server opens the body: a refusal answered at once (Expect: 100-continue and no
        // spool file) closes the connection, and closing drops m_current.
        PendingRequest pending = std::move(*m_current);
        m_current.reset();
        pending.awaitingAdmission = false;
        m_server->openBody(this, pending);
        if (stoppedReading())
            return;
        m_current = std::move(pending);
        startPhase(Phase::Body);
        onReadyRead(); // what came meanwhile, held back or still in the socket
    }

    // Called by the server's timer, never while a handler runs for this connection.
    void checkTimeouts(qint64 nowMs)
    {
        // An answer still going out (a large download to a slow reader): not idle while the client keeps reading,
        // cut once it has read nothing for the keep-alive time.
        const qint64 pending = m_socket->bytesToWrite();
        if (pending > 0) {
            // A streamed answer keeps the queue topped up: bytes handed over since the last look are progress too.
            // The first look at an answer starts its clock: any marker, 0 included, can be the first one (a
            // streamed answer whose head alone has reached the kernel reads 0, and was once cut at once here).
            const qint64 marker = pending - streamedBytes;
            if (!m_watchingWrite || marker != m_pendingWrite) {
                m_watchingWrite = true;
                m_pendingWrite = marker;
                m_writeProgressMs = nowMs;
            } else if (nowMs - m_writeProgressMs > m_limits.keepAliveMs) {
                qCInfo(lcHttp) << "client stopped reading its answer:" << address;
                rejected = true;
                m_current.reset();
                m_socket->abort();
                return;
            }
            if (m_phase == Phase::Idle)
                m_phaseStartMs = nowMs;
            return;
        }
        m_watchingWrite = false;
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
            if (!receivedBytes())
                closeQuietly();
            else
                reject(ErrorCode::RequestTimeout, 0);
            break;
        case Phase::Admission:
            break; // the server is at work, not the client
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
        m_bodyBytes = 0;
    }

    void closeQuietly()
    {
        rejected = true;
        m_current.reset();
        closeSoon(m_socket, 0);
    }

    // The body of the request in admission is refused unread: its answer (after those owed to earlier requests on the
    // connection), and the connection ends. Closing is the only honest way on: the client may be sending the body
    // already (it need not wait for 100 Continue), and on an open connection those unread bytes would be parsed as the
    // next request; reading past them instead would take megabytes from a client that was just refused. What still
    // comes is dropped, not parsed or spooled, for a moment, so that the client reads its answer rather than a reset.
    void refuseBody(HttpResponse answer)
    {
        PendingRequest refused = std::move(*m_current);
        m_current.reset();
        m_held.clear();
        m_stopReading = true;
        m_socket->readAll(); // a full read buffer would stop the socket's notifications
        refused.answer = std::move(answer);
        refused.keepAlive = false;
        refused.lingerOnClose = true;
        refused.sink = PendingRequest::Sink::Discard;
        refused.awaitingAdmission = false;
        m_server->requestArrived(this, std::move(refused));
    }

    void onReadyRead()
    {
        if (stoppedReading() || !m_server) {
            m_socket->readAll();
            return;
        }
        // A body in admission stays unread: Qt buffers at most kReadBuffer of it, then TCP flow control holds the
        // client back. Its head is still acknowledged at once (see acknowledgeNow).
        if (m_phase != Phase::Admission && !m_held.isEmpty()) {
            const QByteArray held = std::exchange(m_held, QByteArray());
            if (!consume(held))
                return;
        }
        while (m_phase != Phase::Admission) {
            const QByteArray chunk = m_socket->read(kReadChunk);
            if (chunk.isEmpty())
                break;
            if (m_phase == Phase::Idle)
                startPhase(Phase::Head);
            if (!consume(chunk))
                return;
        }
        if (m_phase == Phase::Body || m_phase == Phase::Admission)
            acknowledgeNow();
    }

    // Feeds the parser; false once the connection was refused.
    bool consume(QByteArrayView input)
    {
        for (;;) {
            QByteArrayView data;
            switch (m_parser.next(&input, &data)) {
            case RequestParser::Event::NeedMore:
                return true;
            case RequestParser::Event::Head:
                m_current = m_server->beginRequest(this, m_parser.head());
                if (stoppedReading()) {
                    m_current.reset();
                    return false;
                }
                if (m_current->awaitingAdmission) {
                    // The bytes that came with the head wait here (at most one read), the rest in the socket.
                    m_held = input.toByteArray();
                    startPhase(Phase::Admission);
                    m_server->admitBody(this, m_current->request);
                    return true;
                }
                m_phase = Phase::Body;
                m_phaseStartMs = now();
                m_bodyBytes = 0;
                break;
            case RequestParser::Event::Body:
                m_bodyBytes += data.size();
                takeBody(data);
                break;
            case RequestParser::Event::Complete: {
                PendingRequest request = std::move(*m_current);
                m_current.reset();
                if (request.spool) {
                    request.spool->finish();
                    request.request.bodyFile = request.spool;
                }
                startPhase(input.isEmpty() ? Phase::Idle : Phase::Head);
                m_server->requestArrived(this, std::move(request));
                if (stoppedReading())
                    return false;
                break;
            }
            case RequestParser::Event::Error:
                qCInfo(lcHttp) << "malformed request from" << address << m_parser.errorDetail();
                refuse(m_parser.error());
                return false;
            }
        }
    }

    void takeBody(QByteArrayView data)
    {
        PendingRequest& request = *m_current;
        switch (request.sink) {
        case PendingRequest::Sink::Memory:
            request.request.body.append(data);
            break;
        case PendingRequest::Sink::File:
            if (const Status written = request.spool->append(data); !written) {
                qCWarning(lcHttp) << "cannot spool a request body:" << written.error().detail;
                request.spool.reset();
                request.sink = PendingRequest::Sink::Discard;
                request.answer = HttpResponse::error(ErrorCode::ServerError);
            }
            break;
        case PendingRequest::Sink::Discard:
            break;
        }
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

    QTcpSocket* m_socket;
    HttpServer* m_server;
    HttpLimits m_limits;
    RequestParser m_parser;
    std::optional<PendingRequest> m_current; // the request whose body is arriving (or waits for admission)
    QByteArray m_held; // body bytes read with the head of a request in admission
    bool m_stopReading = false; // refused: what still comes is dropped while earlier answers go out
    Phase m_phase = Phase::Head;
    qint64 m_phaseStartMs = 0;
    qint64 m_bodyBytes = 0;
    bool m_watchingWrite = false; // an answer was waiting to go out at the last look
    qint64 m_pendingWrite = 0;
    qint64 m_writeProgressMs = 0;
};

HttpServer::HttpServer(Router router, HttpLimits limits, std::shared_ptr<HttpMetrics> metrics, QObject* parent)
    : QObject(parent)
    , m_router(std::move(router))
    , m_limits(limits)
    , m_metrics(metrics ? std::move(metrics) : std::make_shared<HttpMetrics>())
{
    m_pool.setMaxThreadCount(limits.workers);
    // Threads never expire: each holds its own database connection, named after the thread.
    m_pool.setExpiryTimeout(-1);
    m_metrics->workers = limits.workers;
    m_clock.start();
    m_ownBodyDirectory = !m_limits.bodyDirectory.isEmpty();
    if (!m_ownBodyDirectory)
        m_limits.bodyDirectory = QDir::tempPath();
    const int shortest = std::min({limits.headTimeoutMs, limits.keepAliveMs, std::max(limits.bodyGraceMs, 1000)});
    m_ticker.setInterval(std::clamp(shortest / 5, 50, 1000));
    connect(&m_ticker, &QTimer::timeout, this, &HttpServer::tick);
    m_ticker.start();
}

HttpServer::~HttpServer()
{
    stop();
    // The sockets (and their states) may die after this object's members; they must not report back to it.
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
    // Private (bodies are users' documents); spool files of a process that died are removed, not those of another
    // server process sharing the directory (they are locked while open).
    if (m_ownBodyDirectory) {
        if (!QDir().mkpath(m_limits.bodyDirectory))
            return makeError(ErrorCode::ServerError, QStringLiteral("cannot create ") + m_limits.bodyDirectory);
        QFile::setPermissions(
            m_limits.bodyDirectory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        if (const int removed = AtomicFile::removeStaleTemporaries(m_limits.bodyDirectory); removed > 0)
            qCInfo(lcHttp) << "removed" << removed << "left-over request bodies in" << m_limits.bodyDirectory;
    }
    QTcpServer* server = nullptr;
    if (tls) {
        auto* sslServer = new QSslServer(this);
        sslServer->setSslConfiguration(*tls);
        // A TLS client that never finishes its handshake is a slow head too.
        sslServer->setHandshakeTimeout(m_limits.headTimeoutMs);
        server = sslServer;
    } else {
        server = new QTcpServer(this);
    }
    if (!server->listen(address, port)) {
        const QString message = server->errorString();
        delete server;
        return makeError(ErrorCode::ServerError, QStringLiteral("cannot listen: ") + message);
    }
    // With TLS, a connection is pending once its handshake is done.
    connect(server, &QTcpServer::pendingConnectionAvailable, this, [this, server] { acceptConnections(server); });
    m_listeners.append(server);
    return server->serverPort();
}

void HttpServer::acceptConnections(QTcpServer* server)
{
    while (QTcpSocket* socket = server->nextPendingConnection())
        admit(socket);
}

bool HttpServer::admit(QTcpSocket* socket)
{
    const QString address = socket->peerAddress().toString();
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    std::optional<ErrorCode> refusal;
    if (m_draining)
        refusal = ErrorCode::ServerDraining;
    else if (m_connections.size() >= m_limits.maxConnections)
        refusal = ErrorCode::ServerBusy;
    else if (m_limits.maxConnectionsPerAddress > 0 && m_perAddress.value(address) >= m_limits.maxConnectionsPerAddress)
        refusal = ErrorCode::TooManyConnections;
    if (refusal) {
        countRefusal(*refusal);
        socket->write(rawErrorAnswer(*refusal));
        // Short: a client that opens connection after connection must not pin many sockets for long.
        socket->disconnectFromHost();
        QTimer::singleShot(1000, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
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
        // A handler at work (a big upload being verified) is never cut, whatever the clocks say; nor is a body whose
        // admission is being decided.
        if (state->busy || !state->waiting.isEmpty()
            || (state->phase() == ConnectionState::Phase::Admission && !state->rejected)) {
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

QString HttpServer::clientAddress(const QHostAddress& peer, const RequestHead& head) const
{
    if (!m_limits.trustedProxies.contains(peer))
        return peer.toString();
    // The proxy appends the address it saw; anything before it was written by the client and proves nothing.
    const QByteArray last = head.value("x-forwarded-for").split(',').last().trimmed();
    const QHostAddress client(QString::fromLatin1(last));
    return client.isNull() ? peer.toString() : client.toString();
}

bool HttpServer::isUploadPath(const QByteArray& method, const QString& path) const
{
    if (method != "PUT" && method != "POST")
        return false;
    for (const QByteArray& prefix : m_limits.uploadPathPrefixes) {
        if (path.startsWith(QString::fromLatin1(prefix)))
            return true;
    }
    return false;
}

PendingRequest HttpServer::beginRequest(ConnectionState* state, const RequestHead& head)
{
    PendingRequest pending;
    HttpRequest& request = pending.request;
    bool validTarget = false;
    request = requestFromHead(head, &validTarget);
    request.remoteAddress = clientAddress(state->socket()->peerAddress(), head);
    pending.keepAlive = head.keepAlive;
    pending.contentLength = head.contentLength;
    pending.expectContinue = head.expectContinue;

    // The whole request's size is known now: an oversized one is refused before a byte of its body is taken.
    const qint64 limit = isUploadPath(request.method, request.path)
        ? std::max(m_limits.maxUploadBytes, m_limits.maxRequestBytes)
        : m_limits.maxRequestBytes;
    if (head.headBytes + head.contentLength > limit) {
        state->refuse(ErrorCode::PayloadTooLarge);
        return pending;
    }
    const Router::Match match = m_router.match(request.method, request.path);
    if (!validTarget || head.target == "*")
        pending.answer = HttpResponse::error(ErrorCode::BadRequest);
    else if (m_draining && !state->inFlightAtDrain)
        pending.answer = HttpResponse::error(ErrorCode::ServerDraining);
    else if (!match.handler)
        pending.answer = HttpResponse::error(match.pathKnown ? ErrorCode::MethodNotAllowed : ErrorCode::RouteNotFound);
    else if (!state->quiet() && state->waiting.size() >= m_limits.maxPipelined)
        pending.answer = HttpResponse::error(ErrorCode::ServerBusy);
    if (!pending.answer) {
        pending.handler = match.handler;
        pending.thread = match.thread;
        pending.bodyMode = match.body;
        request.pathParameters = match.parameters;
        request.route = match.pattern;
    }

    const bool spooled = match.body == RequestBodyMode::File || head.contentLength > kMemoryBodyBytes;
    if (pending.answer) {
        pending.sink = PendingRequest::Sink::Discard;
        inviteBody(state, pending);
    } else if (spooled && m_bodyAdmission && head.contentLength > 0) {
        // Nothing is written to the disk for a client the admission has not accepted (an upload without a session
        // would otherwise spool up to the upload limit before its handler said 401); the 100 waits for it too.
        pending.awaitingAdmission = true;
    } else {
        openBody(state, pending);
    }
    return pending;
}

void HttpServer::openBody(ConnectionState* state, PendingRequest& pending)
{
    const bool spooled = pending.bodyMode == RequestBodyMode::File || pending.contentLength > kMemoryBodyBytes;
    if (spooled) {
        auto spool = RequestBody::create(m_limits.bodyDirectory);
        if (spool) {
            pending.spool = std::move(spool).value();
            pending.sink = PendingRequest::Sink::File;
        } else {
            qCWarning(lcHttp) << "cannot spool a request body:" << spool.error().detail;
            pending.answer = HttpResponse::error(ErrorCode::ServerError);
            pending.sink = PendingRequest::Sink::Discard;
        }
    } else {
        pending.sink = PendingRequest::Sink::Memory;
        pending.request.body.reserve(static_cast<qsizetype>(pending.contentLength));
    }
    inviteBody(state, pending);
}

void HttpServer::inviteBody(ConnectionState* state, PendingRequest& pending)
{
    // "Expect: 100-continue": the body is invited only when the request will be taken; a refusal is the final answer
    // at once, and the connection closes (the client may send the body or not). An interim answer may not overtake
    // the answers owed to earlier requests: then the client's own wait runs out and it sends the body anyway.
    if (pending.expectContinue && pending.contentLength > 0 && state->quiet()) {
        if (pending.answer) {
            pending.keepAlive = false;
            respond(state, pending, *pending.answer, true);
        } else {
            state->sendContinue();
        }
    }
}

void HttpServer::admitBody(ConnectionState* state, const HttpRequest& head)
{
    QPointer<ConnectionState> guard(state);
    // Admission is a job like any other: beyond the queue the request is refused (never from inside the caller).
    if (m_jobs.load() >= m_limits.workers + m_limits.queue) {
        QMetaObject::invokeMethod(
            this,
            [guard] {
                if (guard)
                    guard->bodyAdmitted(HttpResponse::error(ErrorCode::ServerBusy));
            },
            Qt::QueuedConnection);
        return;
    }
    m_metrics->jobs = ++m_jobs;
    QtConcurrent::run(&m_pool, [admission = m_bodyAdmission, head]() -> std::optional<HttpResponse> {
        try {
            return admission(head);
        } catch (const std::exception& e) {
            qCCritical(lcHttp) << "body admission threw:" << e.what();
            return HttpResponse::error(ErrorCode::Unexpected);
        }
    }).then(this, [this, guard](std::optional<HttpResponse> refusal) {
        m_metrics->jobs = --m_jobs;
        // The client may have gone meanwhile; then its state is gone too.
        if (guard)
            guard->bodyAdmitted(std::move(refusal));
    });
}

void HttpServer::requestArrived(ConnectionState* state, PendingRequest request)
{
    request.request.receivedNs = m_clock.nsecsElapsed();
    state->inFlightAtDrain = false;
    state->waiting.append(std::move(request));
    pump(state);
}

void HttpServer::pump(ConnectionState* state)
{
    while (!state->busy && !state->rejected && !state->waiting.isEmpty())
        dispatch(state, state->waiting.takeFirst());
}

namespace {

// A body spooled because of its size, for a handler that decodes it in memory: read back (on the worker).
Status loadSpooledBody(HttpRequest& request, RequestBodyMode mode)
{
    if (mode != RequestBodyMode::Memory || !request.bodyFile)
        return {};
    auto bytes = request.bodyFile->readAll();
    IKK_TRY(bytes);
    request.body = std::move(bytes).value();
    request.bodyFile.reset();
    return {};
}

HttpResponse runHandler(const HttpHandler& handler, HttpRequest request, RequestBodyMode mode)
{
    try {
        if (const Status loaded = loadSpooledBody(request, mode); !loaded) {
            qCWarning(lcHttp) << "cannot read a spooled body:" << loaded.error().detail;
            return HttpResponse::error(ErrorCode::ServerError);
        }
        return handler(request);
    } catch (const std::exception& e) {
        qCCritical(lcHttp) << "handler threw:" << e.what();
        return HttpResponse::error(ErrorCode::Unexpected);
    }
}

} // namespace

void HttpServer::dispatch(ConnectionState* state, PendingRequest pending)
{
    if (pending.answer) {
        respond(state, pending, *pending.answer, pending.lingerOnClose);
        return;
    }
    if (pending.thread == HandlerThread::Inline) {
        respond(state, pending, runHandler(*pending.handler, pending.request, pending.bodyMode));
        return;
    }
    if (m_jobs.load() >= m_limits.workers + m_limits.queue) {
        respond(state, pending, HttpResponse::error(ErrorCode::ServerBusy));
        return;
    }
    m_metrics->jobs = ++m_jobs;
    state->busy = true;
    QPointer<ConnectionState> guard(state);
    const HttpHandler* handler = pending.handler;
    const RequestBodyMode mode = pending.bodyMode;
    QtConcurrent::run(&m_pool, [handler, request = pending.request, mode] {
        return runHandler(*handler, request, mode);
    }).then(this, [this, guard, pending = std::move(pending)](HttpResponse response) {
        m_metrics->jobs = --m_jobs;
        // The client may have gone while the worker ran; then its socket and state are gone too.
        if (!guard)
            return;
        guard->busy = false;
        respond(guard, pending, response);
        pump(guard);
    });
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
    auto* pumper = new QObject(state); // dies with the connection, and so do its signal connections
    auto remaining = std::make_shared<qint64>(length);
    auto fill = [this, state, socket, device, remaining, close, pumper] {
        while (*remaining > 0 && socket->bytesToWrite() < kStreamBuffer) {
            const QByteArray chunk = device->read(std::min(kStreamChunk, *remaining));
            if (chunk.isEmpty()) {
                // The stored version ended early: the answer cannot be completed, only cut.
                qCWarning(lcHttp) << "streamed answer ended" << *remaining << "bytes early";
                *remaining = 0;
                pumper->deleteLater();
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
        pumper->disconnect();
        pumper->deleteLater();
        device->close();
        state->busy = false;
        state->streaming = false;
        state->answered();
        if (close) {
            state->rejected = true;
            socket->disconnectFromHost();
            return;
        }
        pump(state);
    };
    connect(socket, &QIODevice::bytesWritten, pumper, fill);
    fill();
}

void HttpServer::respond(
    ConnectionState* state, const PendingRequest& pending, const HttpResponse& response, bool lingerOnClose)
{
    const HttpRequest& request = pending.request;
    m_metrics->recordRequest(request.route.isEmpty() ? QStringLiteral("unmatched") : request.route, response.status,
        m_clock.nsecsElapsed() - request.receivedNs);
    if (!request.route.isEmpty() && isUploadPath(request.method, request.path)) {
        m_metrics->recordUpload(response.status < 300 ? QString()
                                                      : QJsonDocument::fromJson(response.body)
                                                            .object()
                                                            .value(QStringLiteral("code"))
                                                            .toString(QStringLiteral("unknown")));
    }
    QTcpSocket* socket = state->socket();
    if (!socket->isOpen() || state->rejected)
        return;
    const qint64 length
        = response.stream ? response.stream->size() - response.stream->pos() : qint64(response.body.size());
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    if (!response.contentType.isEmpty())
        head += "Content-Type: " + response.contentType + "\r\n";
    // 204 and 304 carry no body and no length (RFC 9110 8.6).
    if (response.status != 204 && response.status != 304)
        head += "Content-Length: " + QByteArray::number(length) + "\r\n";
    head += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n";
    for (const auto& [name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    // While draining every answer ends its connection: the client reconnects to another host.
    const bool close = m_draining || !pending.keepAlive;
    if (close)
        head += "Connection: close\r\n";
    head += "\r\n";
    const bool withBody = request.method != "HEAD";
    socket->write(withBody && !response.stream ? head + response.body : head);
    if (response.stream && withBody && length > 0) {
        streamBody(state, response.stream, length, close);
        return;
    }
    state->answered();
    if (close && lingerOnClose) {
        state->closeAfterAnswer(2000); // a body may still come: read and dropped, so that the client gets the answer
    } else if (close) {
        state->rejected = true; // nothing more is read from it
        socket->disconnectFromHost();
    }
}

} // namespace ikkatsu::server

#include "HttpServer.moc"
