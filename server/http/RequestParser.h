// A strict, incremental HTTP/1.1 request parser: bytes in, events out; no sockets, so it can be unit-tested and fuzzed.
#pragma once

#include "api/ErrorCode.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

namespace ikkatsu::server {

struct RequestHead
{
    QByteArray method; // a token, e.g. "GET"
    QByteArray target; // origin-form as sent ("/path?query"), or "*" for OPTIONS
    int minorVersion = 1; // HTTP/1.<minorVersion>
    QList<QPair<QByteArray, QByteArray>> headers; // lower-case names, values without surrounding whitespace, in order
    qint64 contentLength = 0;
    bool keepAlive = true; // the connection may carry another request after this one
    bool expectContinue = false; // "Expect: 100-continue"
    qint64 headBytes = 0; // request line + headers + blank line, and blank lines before the request line

    // The first value of a header, or empty.
    QByteArray value(QByteArrayView lowerCaseName) const;
};

struct RequestLimits
{
    qint64 maxHeaderBytes = 16 << 10; // request line + headers + blank line; beyond it 431 E5014
    int maxHeaderCount = 100; // header fields; beyond it 431 E5014
};

// Framing by Content-Length only. Transfer-Encoding (chunked) is refused with 411 E5022: our clients and nginx
// (proxy_request_buffering) always send a length, and a known length lets the server refuse an oversized body (413)
// or a hostile one before a byte of it arrives, and answer "Expect: 100-continue" truthfully.
// Everything else the grammar of RFC 9110/9112 does not allow is 400 E5007: a bare CR or LF, NUL or other controls in
// the head, obs-fold, whitespace before a colon, several or malformed Content-Length, a missing or repeated Host in
// HTTP/1.1, a target that is not origin-form. A head beyond the byte or field limit is 431 E5014.
class RequestParser
{
public:
    using Limits = RequestLimits;

    enum class Event {
        NeedMore, // all input consumed, nothing complete
        Head, // head() is complete; the body (if any) follows with the next calls
        Body, // *data is the next piece of the body (a view into the input)
        Complete, // the request ended; the next call starts the next request
        Error // error() says why; the parser consumes nothing more
    };

    explicit RequestParser(Limits limits = {})
        : m_limits(limits)
    { }

    // Consumes from the front of `*input` (advancing it) up to the next event.
    Event next(QByteArrayView* input, QByteArrayView* data);

    const RequestHead& head() const { return m_head; }
    ErrorCode error() const { return m_error; }
    const QByteArray& errorDetail() const { return m_errorDetail; }

    // No byte of the next request has arrived (keep-alive idle, or a fresh connection).
    bool betweenRequests() const { return m_state == State::Head && m_headSeen == 0; }
    bool inHead() const { return m_state == State::Head; }
    bool failed() const { return m_state == State::Failed; }
    qint64 bodyRemaining() const { return m_state == State::Body ? m_remaining : 0; }

private:
    enum class State { Head, HeadDone, Body, BodyDone, Failed };

    Event fail(ErrorCode code, QByteArray detail);
    // One complete line of the head (without its CRLF); false when it failed the parser.
    bool takeLine(QByteArrayView line);
    bool takeRequestLine(QByteArrayView line);
    bool takeHeaderLine(QByteArrayView line);
    bool finishHead();

    Limits m_limits;
    State m_state = State::Head;
    RequestHead m_head;
    QByteArray m_line; // the line being read (bounded by maxHeaderBytes)
    qint64 m_headSeen = 0; // bytes of this head so far
    bool m_sawCr = false; // the last byte was a CR (must be followed by LF)
    bool m_requestLineDone = false;
    qint64 m_remaining = 0;
    ErrorCode m_error = ErrorCode::BadRequest;
    QByteArray m_errorDetail;
};

} // namespace ikkatsu::server
