// Connections are opened on demand up to the per-server limit and kept while the server keeps them; a request that
// finds its kept connection closed by the server before any answer byte (the server's idle timeout racing our
// write) is sent once more on a new connection. That is safe for every call ikkatsu-server offers: a signed upload
// carries If-Match with the version it signed, so a second arrival can never store a second signature.
#include "client/HttpTransport.h"

#include "client/HttpResponseParser.h"

#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <optional>

namespace ikkatsu::client {

namespace {

QString serverOf(const QUrl& url)
{
    const bool tls = url.scheme() == QLatin1String("https");
    return url.scheme() + QStringLiteral("://") + url.host() + QLatin1Char(':')
        + QString::number(url.port(tls ? 443 : 80));
}

QByteArray hostField(const QUrl& url)
{
    const QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    QByteArray field = host.contains(':') ? '[' + host + ']' : host;
    if (url.port() != -1)
        field += ':' + QByteArray::number(url.port());
    return field;
}

bool safeFieldText(const QByteArray& text)
{
    return !text.contains('\r') && !text.contains('\n') && !text.contains('\0');
}

HttpAnswer answerOf(HttpResponseParser& response)
{
    HttpAnswer answer;
    answer.status = response.status();
    answer.headers = response.headers();
    answer.body = response.takeBody();
    return answer;
}

Error transportError(QAbstractSocket::SocketError code, const QString& detail)
{
    switch (code) {
    case QAbstractSocket::SocketTimeoutError:
        return makeError(ErrorCode::NetworkTimeout, detail);
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return makeError(ErrorCode::TlsError, detail);
    default:
        return makeError(ErrorCode::ServerUnreachable, detail);
    }
}

} // namespace

struct HttpTransport::Exchange
{
    HttpCall call;
    Done done;
    bool resent = false;
};

struct HttpTransport::Connection
{
    QString server;
    QUrl url;
    QTcpSocket* socket = nullptr; // deleted later by drop()
    QTimer* clock = nullptr; // the socket's child
    bool connecting = false;
    bool ready = false; // connected (and, for https, encrypted)
    bool answeredBefore = false;
    std::unique_ptr<Exchange> exchange;
    std::optional<HttpResponseParser> response;
};

HttpTransport::HttpTransport(QObject* parent)
    : QObject(parent)
{ }

HttpTransport::~HttpTransport()
{
    while (!m_connections.empty())
        drop(m_connections.back().get());
}

void HttpTransport::send(HttpCall call, Done done)
{
    std::optional<Error> refused;
    if ((call.url.scheme() != QLatin1String("http") && call.url.scheme() != QLatin1String("https"))
        || call.url.host().isEmpty())
        refused = makeError(ErrorCode::ServerUnreachable, QStringLiteral("not an http(s) URL: ") + call.url.toString());
    for (const auto& [name, value] : std::as_const(call.headers)) {
        if (!safeFieldText(name) || !safeFieldText(value) || name.isEmpty())
            refused = makeError(ErrorCode::BadRequest, QStringLiteral("a header field with a line break"));
    }
    if (refused) {
        QMetaObject::invokeMethod(
            this, [done = std::move(done), error = *refused] { done(error); }, Qt::QueuedConnection);
        return;
    }
    const QString server = serverOf(call.url);
    auto exchange = std::make_unique<Exchange>();
    exchange->call = std::move(call);
    exchange->done = std::move(done);
    m_waiting[server].push_back(std::move(exchange));
    ++m_inSend;
    dispatch(server);
    --m_inSend;
}

void HttpTransport::dispatch(const QString& server)
{
    auto waiting = m_waiting.find(server);
    while (waiting != m_waiting.end() && !waiting->second.empty()) {
        Connection* free = nullptr;
        int count = 0;
        for (const auto& connection : m_connections) {
            if (connection->server != server)
                continue;
            ++count;
            if (!free && !connection->exchange && (connection->ready || connection->connecting))
                free = connection.get();
        }
        if (!free && count >= m_maxConnections)
            return;
        if (!free)
            free = open(server, waiting->second.front()->call.url);
        std::unique_ptr<Exchange> exchange = std::move(waiting->second.front());
        waiting->second.pop_front();
        begin(free, std::move(exchange));
        waiting = m_waiting.find(server); // begin() may have answered and sent more
    }
    if (waiting != m_waiting.end())
        m_waiting.erase(waiting);
}

HttpTransport::Connection* HttpTransport::open(const QString& server, const QUrl& url)
{
    auto connection = std::make_unique<Connection>();
    Connection* raw = connection.get();
    raw->server = server;
    raw->url = url;
    const bool tls = url.scheme() == QLatin1String("https");
    if (tls) {
        auto* socket = new QSslSocket(this);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        if (!m_caCertificates.isEmpty())
            configuration.addCaCertificates(m_caCertificates);
        socket->setSslConfiguration(configuration);
        connect(socket, &QSslSocket::encrypted, this, [this, raw] { connected(raw); });
        raw->socket = socket;
    } else {
        raw->socket = new QTcpSocket(this);
        connect(raw->socket, &QTcpSocket::connected, this, [this, raw] { connected(raw); });
    }
    raw->clock = new QTimer(raw->socket);
    raw->clock->setSingleShot(true);
    connect(raw->clock, &QTimer::timeout, this, [this, raw] {
        ended(raw,
            transportError(
                QAbstractSocket::SocketTimeoutError, QStringLiteral("no progress in %1 ms").arg(m_timeoutMs)));
    });
    connect(raw->socket, &QTcpSocket::readyRead, this, [this, raw] { received(raw); });
    connect(raw->socket, &QTcpSocket::bytesWritten, raw->clock, [this, raw] { raw->clock->start(m_timeoutMs); });
    connect(raw->socket, &QTcpSocket::errorOccurred, this, [this, raw](QAbstractSocket::SocketError code) {
        ended(raw, transportError(code, raw->socket->errorString()));
    });
    connect(raw->socket, &QTcpSocket::disconnected, this, [this, raw] {
        ended(raw, makeError(ErrorCode::ServerUnreachable, QStringLiteral("the server closed the connection")));
    });
    m_connections.push_back(std::move(connection));
    return raw;
}

void HttpTransport::begin(Connection* connection, std::unique_ptr<Exchange> exchange)
{
    connection->response.emplace(exchange->call.method == "HEAD", m_limits);
    connection->exchange = std::move(exchange);
    connection->clock->start(m_timeoutMs);
    if (connection->ready) {
        writeRequest(connection);
        return;
    }
    if (connection->connecting)
        return;
    // Connecting only now that the exchange is in place: a failure reported at once finds it to answer.
    connection->connecting = true;
    const QUrl& url = connection->url;
    if (auto* tls = qobject_cast<QSslSocket*>(connection->socket))
        tls->connectToHostEncrypted(url.host(), quint16(url.port(443)));
    else
        connection->socket->connectToHost(url.host(), quint16(url.port(80)));
}

void HttpTransport::connected(Connection* connection)
{
    connection->ready = true;
    connection->socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    writeRequest(connection);
}

void HttpTransport::writeRequest(Connection* connection)
{
    if (!connection->exchange)
        return;
    const HttpCall& call = connection->exchange->call;
    QByteArray target = call.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (target.isEmpty())
        target = "/";
    QByteArray head;
    head.reserve(256);
    head += call.method + ' ' + target + " HTTP/1.1\r\nHost: " + hostField(call.url) + "\r\n";
    for (const auto& [name, value] : call.headers)
        head += name + ": " + value + "\r\n";
    if (!call.body.isEmpty() || call.method == "POST" || call.method == "PUT" || call.method == "PATCH")
        head += "Content-Length: " + QByteArray::number(call.body.size()) + "\r\n";
    head += "\r\n";
    // One write when the body is small: one segment, one system call.
    if (call.body.size() <= 64 * 1024) {
        connection->socket->write(head + call.body);
    } else {
        connection->socket->write(head);
        connection->socket->write(call.body);
    }
    connection->clock->start(m_timeoutMs);
}

void HttpTransport::received(Connection* connection)
{
    const QByteArray bytes = connection->socket->readAll();
    if (bytes.isEmpty())
        return;
    if (!connection->exchange) {
        drop(connection); // nothing was asked: whatever this is, the connection is not trusted any more
        return;
    }
    connection->clock->start(m_timeoutMs);
    HttpResponseParser& response = *connection->response;
    if (const Status fed = response.feed(bytes); !fed) {
        finish(connection, fed.error(), false);
        return;
    }
    if (response.complete())
        finish(connection, answerOf(response), response.keepAlive());
}

void HttpTransport::ended(Connection* connection, const Error& error)
{
    if (!connection->exchange) {
        drop(connection); // a kept connection the server closed (its idle timeout)
        return;
    }
    HttpResponseParser& response = *connection->response;
    if (error.code != ErrorCode::NetworkTimeout && connection->ready) {
        // What arrived with the close may complete the answer (a body that the close ends, or the last bytes).
        const Status fed = response.feed(connection->socket->readAll());
        if (fed.ok() && response.closed().ok()) {
            finish(connection, answerOf(response), false);
            return;
        }
    }
    if (connection->answeredBefore && !response.started() && !connection->exchange->resent
        && error.code == ErrorCode::ServerUnreachable) {
        std::unique_ptr<Exchange> exchange = std::move(connection->exchange);
        exchange->resent = true;
        const QString server = connection->server;
        drop(connection);
        m_waiting[server].push_front(std::move(exchange));
        dispatch(server);
        return;
    }
    finish(connection, error, false);
}

void HttpTransport::finish(Connection* connection, Result<HttpAnswer> answer, bool keep)
{
    std::unique_ptr<Exchange> exchange = std::move(connection->exchange);
    connection->response.reset();
    connection->clock->stop();
    const QString server = connection->server;
    if (keep)
        connection->answeredBefore = true;
    else
        drop(connection);
    if (m_inSend > 0) {
        QMetaObject::invokeMethod(
            this, [done = std::move(exchange->done), answer = std::move(answer)]() mutable { done(std::move(answer)); },
            Qt::QueuedConnection);
        return; // send()'s own dispatch goes on
    }
    QPointer<HttpTransport> alive = this;
    exchange->done(std::move(answer));
    if (alive)
        dispatch(server);
}

void HttpTransport::drop(Connection* connection)
{
    QTcpSocket* socket = connection->socket;
    disconnect(socket, nullptr, this, nullptr);
    disconnect(connection->clock, nullptr, this, nullptr);
    disconnect(socket, nullptr, connection->clock, nullptr);
    socket->abort();
    socket->deleteLater();
    const auto at = std::find_if(m_connections.begin(), m_connections.end(),
        [connection](const std::unique_ptr<Connection>& held) { return held.get() == connection; });
    if (at != m_connections.end())
        m_connections.erase(at);
}

} // namespace ikkatsu::client
