// The request grammar of RFC 9112 read strictly, one byte of the head at a time and the body by Content-Length.
#include "http/RequestParser.h"

#include "api/HttpSyntax.h"

namespace ikkatsu::server {

QByteArray RequestHead::value(QByteArrayView lowerCaseName) const
{
    for (const auto& header : headers) {
        if (header.first == lowerCaseName)
            return header.second;
    }
    return {};
}

RequestParser::Event RequestParser::fail(ErrorCode code, QByteArray detail)
{
    m_state = State::Failed;
    m_error = code;
    m_errorDetail = std::move(detail);
    return Event::Error;
}

RequestParser::Event RequestParser::next(QByteArrayView* input, QByteArrayView* data)
{
    switch (m_state) {
    case State::Failed:
        return Event::Error;
    case State::BodyDone:
        break; // complete below
    case State::HeadDone:
        if (m_head.contentLength == 0)
            break;
        m_state = State::Body;
        m_remaining = m_head.contentLength;
        [[fallthrough]];
    case State::Body: {
        if (input->isEmpty())
            return Event::NeedMore;
        const qsizetype take = static_cast<qsizetype>(std::min<qint64>(m_remaining, input->size()));
        *data = input->first(take);
        *input = input->sliced(take);
        m_remaining -= take;
        if (m_remaining == 0)
            m_state = State::BodyDone; // the next call reports Complete
        return Event::Body;
    }
    case State::Head:
        while (!input->isEmpty()) {
            const char c = input->front();
            *input = input->sliced(1);
            ++m_headSeen;
            if (m_headSeen > m_limits.maxHeaderBytes)
                return fail(ErrorCode::HeaderTooLarge, "head beyond " + QByteArray::number(m_limits.maxHeaderBytes));
            if (m_sawCr) {
                m_sawCr = false;
                if (c != '\n')
                    return fail(ErrorCode::BadRequest, "CR without LF");
                if (!takeLine(m_line))
                    return Event::Error;
                const bool headEnded = m_line.isEmpty() && m_requestLineDone;
                m_line.clear();
                if (headEnded) {
                    if (!finishHead())
                        return Event::Error;
                    m_state = State::HeadDone;
                    return Event::Head;
                }
                continue;
            }
            if (c == '\r') {
                m_sawCr = true;
                continue;
            }
            if (c == '\n')
                return fail(ErrorCode::BadRequest, "LF without CR");
            if (c == '\0')
                return fail(ErrorCode::BadRequest, "NUL in the head");
            m_line.append(c);
        }
        return Event::NeedMore;
    }
    // Head or body done: the request is complete; reset for the next one.
    m_state = State::Head;
    m_head = RequestHead();
    m_headSeen = 0;
    m_requestLineDone = false;
    m_remaining = 0;
    return Event::Complete;
}

bool RequestParser::takeLine(QByteArrayView line)
{
    if (!m_requestLineDone) {
        // Blank lines before a request line are ignored (RFC 9112 2.2); they still count towards the head's bytes.
        if (line.isEmpty())
            return true;
        return takeRequestLine(line);
    }
    if (line.isEmpty())
        return true; // the end of the head, handled by the caller
    return takeHeaderLine(line);
}

bool RequestParser::takeRequestLine(QByteArrayView line)
{
    // method SP request-target SP HTTP-version, exactly one space each.
    const qsizetype first = line.indexOf(' ');
    const qsizetype last = line.lastIndexOf(' ');
    if (first <= 0 || last <= first + 1 || line.sliced(first + 1, last - first - 1).contains(' ')) {
        fail(ErrorCode::BadRequest, "malformed request line");
        return false;
    }
    const QByteArrayView method = line.first(first);
    const QByteArrayView target = line.sliced(first + 1, last - first - 1);
    const QByteArrayView version = line.sliced(last + 1);
    if (!http::isToken(method) || method.size() > 32) {
        fail(ErrorCode::BadRequest, "malformed method");
        return false;
    }
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f) {
            fail(ErrorCode::BadRequest, "control, space or non-ASCII byte in the target");
            return false;
        }
    }
    if (!(target.startsWith('/') || (target == "*" && method == "OPTIONS"))) {
        fail(ErrorCode::BadRequest, "the target is not in origin form");
        return false;
    }
    if (version == "HTTP/1.1") {
        m_head.minorVersion = 1;
    } else if (version == "HTTP/1.0") {
        m_head.minorVersion = 0;
    } else {
        fail(ErrorCode::BadRequest, "unsupported HTTP version");
        return false;
    }
    m_head.method = method.toByteArray();
    m_head.target = target.toByteArray();
    m_requestLineDone = true;
    return true;
}

bool RequestParser::takeHeaderLine(QByteArrayView line)
{
    if (line.front() == ' ' || line.front() == '\t') {
        fail(ErrorCode::BadRequest, "obsolete line folding");
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !http::isToken(line.first(colon))) {
        fail(ErrorCode::BadRequest, "malformed header name");
        return false;
    }
    const QByteArrayView value = http::trimmedOws(line.sliced(colon + 1));
    if (!http::isFieldValue(value)) {
        fail(ErrorCode::BadRequest, "control character in a header value");
        return false;
    }
    if (m_head.headers.size() >= m_limits.maxHeaderCount) {
        fail(ErrorCode::HeaderTooLarge, "more than " + QByteArray::number(m_limits.maxHeaderCount) + " header fields");
        return false;
    }
    m_head.headers.append({line.first(colon).toByteArray().toLower(), value.toByteArray()});
    return true;
}

bool RequestParser::finishHead()
{
    m_head.headBytes = m_headSeen;
    int lengths = 0;
    int hosts = 0;
    QByteArray connection;
    for (const auto& [name, value] : std::as_const(m_head.headers)) {
        if (name == "content-length") {
            ++lengths;
            // 1*DIGIT, at most 18 of them (no overflow); "5, 5" and "+5" are malformed here.
            bool digits = !value.isEmpty() && value.size() <= 18;
            for (const char c : value)
                digits = digits && c >= '0' && c <= '9';
            if (!digits) {
                fail(ErrorCode::BadRequest, "malformed Content-Length");
                return false;
            }
            m_head.contentLength = value.toLongLong();
        } else if (name == "transfer-encoding") {
            fail(ErrorCode::LengthRequired, "Transfer-Encoding is not accepted");
            return false;
        } else if (name == "host") {
            ++hosts;
        } else if (name == "connection") {
            connection += value + ',';
        } else if (name == "expect") {
            if (value.compare("100-continue", Qt::CaseInsensitive) == 0)
                m_head.expectContinue = true;
        }
    }
    // Two lengths, even equal ones, are how request smuggling starts between a proxy and a server.
    if (lengths > 1) {
        fail(ErrorCode::BadRequest, "more than one Content-Length");
        return false;
    }
    if (hosts > 1 || (hosts == 0 && m_head.minorVersion == 1)) {
        fail(ErrorCode::BadRequest, "HTTP/1.1 needs exactly one Host");
        return false;
    }
    m_head.keepAlive = m_head.minorVersion == 1 ? !http::listContains(connection, "close")
                                                : http::listContains(connection, "keep-alive");
    return true;
}

} // namespace ikkatsu::server
