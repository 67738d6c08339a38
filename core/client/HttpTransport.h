// HTTP/1.1 requests to ikkatsu-server over a few kept-alive connections per server, on the caller's thread.
//
// Why not QNetworkAccessManager: Qt 6.4's reads every response's status line and header fields one byte per read()
// (a 209-file batch made 102,357 read calls, ~245 per request, each expensive on a virtual machine) and passes each
// request and answer through a thread of its own. Here a connection reads whatever has arrived in one call and
// answers on the thread that asked.
#pragma once

#include "client/HttpResponseParser.h"
#include "common/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslCertificate>
#include <QUrl>

#include <deque>
#include <functional>
#include <map>
#include <memory>

namespace ikkatsu::client {

struct HttpCall
{
    QByteArray method;
    QUrl url; // http or https
    QList<QPair<QByteArray, QByteArray>> headers; // besides Host and Content-Length, which the transport writes
    QByteArray body;
};

struct HttpAnswer
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

class HttpTransport : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<HttpAnswer>)>;

    explicit HttpTransport(QObject* parent = nullptr);
    ~HttpTransport() override;

    // Connections per server (scheme, host, port); further requests wait for one to be free, in order.
    void setMaxConnectionsPerServer(int count) { m_maxConnections = std::max(1, count); }
    // A request fails with NetworkTimeout when nothing moves (connect, send or receive) for this long.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Trust anchors added to the system's for https (a server whose certificate comes from a private CA).
    void setCaCertificates(const QList<QSslCertificate>& certificates) { m_caCertificates = certificates; }
    // Answers with a longer body fail with ProtocolMismatch as soon as their length is known, not once they are read.
    void setMaxBodyBytes(qint64 bytes) { m_limits.maxBodyBytes = bytes; }

    // `done` runs later on this object's thread, never inside send(), with the answer whatever its status, or with
    // ServerUnreachable, TlsError, NetworkTimeout or ProtocolMismatch. If the transport dies first it never runs.
    void send(HttpCall call, Done done);

    int connectionCount() const { return int(m_connections.size()); }

private:
    struct Exchange;
    struct Connection;

    void dispatch(const QString& server);
    void begin(Connection* connection, std::unique_ptr<Exchange> exchange);
    void connected(Connection* connection);
    void writeRequest(Connection* connection);
    void received(Connection* connection);
    void ended(Connection* connection, const Error& error);
    void finish(Connection* connection, Result<HttpAnswer> answer, bool keep);
    void drop(Connection* connection);
    Connection* open(const QString& server, const QUrl& url);

    int m_inSend = 0; // answers found while send() runs wait for the event loop
    int m_maxConnections = 6;
    int m_timeoutMs = 60000;
    HttpResponseParser::Limits m_limits;
    QList<QSslCertificate> m_caCertificates;
    std::vector<std::unique_ptr<Connection>> m_connections;
    std::map<QString, std::deque<std::unique_ptr<Exchange>>> m_waiting;
};

} // namespace ikkatsu::client
