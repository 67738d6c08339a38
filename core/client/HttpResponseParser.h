// Reads one HTTP/1.x response from bytes as they arrive: pure (no sockets), so a hostile server's bytes can be fed
// to it whole, byte by byte or by a fuzzer.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>

namespace ikkatsu::client {

class HttpResponseParser
{
public:
    struct Limits
    {
        qsizetype maxHeadBytes = 64 * 1024; // status line and header fields, each interim (1xx) head counted alone
        int maxHeaderFields = 100;
        qint64 maxBodyBytes = qint64(2) << 30; // file downloads are held in memory by the caller
    };

    // `headRequest`: the answer to HEAD has no body whatever its Content-Length says.
    explicit HttpResponseParser(bool headRequest = false);
    HttpResponseParser(bool headRequest, Limits limits);

    // Consumes `bytes`; ProtocolMismatch when they cannot be an HTTP/1.x response (the detail says why). Bytes after
    // a complete response are refused too: requests are never pipelined, so nothing may follow before we ask.
    Status feed(QByteArrayView bytes);
    // The server closed the connection: ends a body delimited by the close; ProtocolMismatch if the response is
    // cut short.
    Status closed();

    bool complete() const { return m_state == State::Complete; }
    // Whether any byte of the response arrived (a request on a kept-alive connection that the server closed before
    // answering may be sent again on a new one).
    bool started() const { return m_started; }
    // The connection can carry the next request.
    bool keepAlive() const { return m_keepAlive; }
    int status() const { return m_status; }
    // Lower-case names; repeated fields joined with ", " as RFC 9110 allows for list-valued fields.
    const QHash<QByteArray, QByteArray>& headers() const { return m_headers; }
    QByteArray takeBody() { return std::move(m_body); }

private:
    enum class State { StatusLine, Headers, Body, ChunkSize, ChunkData, ChunkEnd, Trailers, UntilClose, Complete };

    Status consumeLine(QByteArrayView line);
    Status statusLine(QByteArrayView line);
    Status headerField(QByteArrayView line);
    Status headEnded();
    Status chunkSize(QByteArrayView line);
    Status appendBody(QByteArrayView bytes);

    bool m_headRequest = false;
    Limits m_limits;
    State m_state = State::StatusLine;
    bool m_started = false;
    bool m_http11 = true;
    bool m_keepAlive = false;
    int m_status = 0;
    qsizetype m_headBytes = 0;
    int m_fields = 0;
    QByteArray m_line; // a line not yet ended
    QHash<QByteArray, QByteArray> m_headers;
    qint64 m_remaining = 0; // of the body (Content-Length) or of the current chunk
    QByteArray m_body;
};

} // namespace ikkatsu::client
