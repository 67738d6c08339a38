// RFC 9112 response framing, strict where a lax reading could let a server (or whoever sits between) smuggle a
// second answer: one Content-Length, no Content-Length beside Transfer-Encoding, chunked as the only coding.
#include "client/HttpResponseParser.h"

#include "api/HttpSyntax.h"

#include <QList>

namespace ikkatsu::client {

namespace {

constexpr qsizetype kMaxChunkLine = 1024;

Error malformed(const QString& why)
{
    return makeError(ErrorCode::ProtocolMismatch, QStringLiteral("malformed HTTP response: ") + why);
}

} // namespace

HttpResponseParser::HttpResponseParser(bool headRequest)
    : m_headRequest(headRequest)
{ }

HttpResponseParser::HttpResponseParser(bool headRequest, Limits limits)
    : m_headRequest(headRequest)
    , m_limits(limits)
{ }

Status HttpResponseParser::feed(QByteArrayView bytes)
{
    if (!bytes.isEmpty())
        m_started = true;
    qsizetype at = 0;
    while (at < bytes.size()) {
        switch (m_state) {
        case State::Complete:
            return malformed(QStringLiteral("%1 bytes after the response").arg(bytes.size() - at));
        case State::Body:
        case State::ChunkData: {
            const qsizetype take = qsizetype(std::min<qint64>(m_remaining, bytes.size() - at));
            IKK_TRY(appendBody(bytes.sliced(at, take)));
            at += take;
            m_remaining -= take;
            if (m_remaining == 0)
                m_state = m_state == State::Body ? State::Complete : State::ChunkEnd;
            break;
        }
        case State::UntilClose:
            IKK_TRY(appendBody(bytes.sliced(at)));
            at = bytes.size();
            break;
        default: {
            const qsizetype end = bytes.indexOf('\n', at);
            const QByteArrayView piece = bytes.sliced(at, (end < 0 ? bytes.size() : end) - at);
            const bool inHead = m_state == State::StatusLine || m_state == State::Headers || m_state == State::Trailers;
            const qsizetype limit = inHead ? m_limits.maxHeadBytes - m_headBytes : kMaxChunkLine;
            if (m_line.size() + piece.size() > limit)
                return malformed(inHead ? QStringLiteral("head larger than %1 bytes").arg(m_limits.maxHeadBytes)
                                        : QStringLiteral("chunk line too long"));
            m_line.append(piece);
            if (end < 0)
                return {};
            at = end + 1;
            QByteArray line = std::exchange(m_line, {});
            if (inHead)
                m_headBytes += line.size() + 1;
            if (line.endsWith('\r'))
                line.chop(1);
            IKK_TRY(consumeLine(line));
        }
        }
    }
    return {};
}

Status HttpResponseParser::closed()
{
    if (m_state == State::UntilClose)
        m_state = State::Complete;
    if (m_state == State::Complete)
        return {};
    return malformed(m_started ? QStringLiteral("the connection closed in the middle of the response")
                               : QStringLiteral("the connection closed without a response"));
}

Status HttpResponseParser::consumeLine(QByteArrayView line)
{
    if (line.contains('\r') || line.contains('\0'))
        return malformed(QStringLiteral("control character in a line"));
    switch (m_state) {
    case State::StatusLine:
        return statusLine(line);
    case State::Headers:
        return line.isEmpty() ? headEnded() : headerField(line);
    case State::ChunkSize:
        return chunkSize(line);
    case State::ChunkEnd:
        if (!line.isEmpty())
            return malformed(QStringLiteral("chunk longer than its size"));
        m_state = State::ChunkSize;
        return {};
    case State::Trailers:
        if (line.isEmpty())
            m_state = State::Complete;
        else if (++m_fields > m_limits.maxHeaderFields)
            return malformed(QStringLiteral("more than %1 trailer fields").arg(m_limits.maxHeaderFields));
        return {};
    default:
        return malformed(QStringLiteral("unexpected line"));
    }
}

Status HttpResponseParser::statusLine(QByteArrayView line)
{
    if (line.startsWith("HTTP/1.1 "))
        m_http11 = true;
    else if (line.startsWith("HTTP/1.0 "))
        m_http11 = false;
    else
        return malformed(QStringLiteral("not an HTTP/1.x status line"));
    const QByteArrayView code = line.sliced(9).first(std::min<qsizetype>(3, line.size() - 9));
    if (code.size() != 3 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })
        || (line.size() > 12 && line[12] != ' '))
        return malformed(QStringLiteral("bad status code"));
    m_status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
    if (m_status < 100)
        return malformed(QStringLiteral("bad status code"));
    m_state = State::Headers;
    return {};
}

Status HttpResponseParser::headerField(QByteArrayView line)
{
    if (++m_fields > m_limits.maxHeaderFields)
        return malformed(QStringLiteral("more than %1 header fields").arg(m_limits.maxHeaderFields));
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return malformed(QStringLiteral("header field without a name"));
    const QByteArrayView name = line.first(colon);
    if (!http::isToken(name))
        return malformed(QStringLiteral("bad header field name"));
    const QByteArray key = name.toByteArray().toLower();
    const QByteArrayView value = http::trimmedOws(line.sliced(colon + 1));
    auto existing = m_headers.find(key);
    if (existing == m_headers.end())
        m_headers.insert(key, value.toByteArray());
    else
        existing->append(", ").append(value);
    return {};
}

Status HttpResponseParser::headEnded()
{
    if (m_status < 200) {
        // Interim answers (100 Continue, 103 Early Hints) come before the real one; nothing asked for a switch.
        if (m_status == 101)
            return malformed(QStringLiteral("protocol switch nobody asked for"));
        m_headers.clear();
        m_fields = 0;
        m_headBytes = 0;
        m_state = State::StatusLine;
        return {};
    }
    const QByteArray connection = m_headers.value("connection");
    m_keepAlive
        = http::listContains(connection, "close") ? false : (m_http11 || http::listContains(connection, "keep-alive"));
    const auto transferEncoding = m_headers.constFind("transfer-encoding");
    const auto contentLength = m_headers.constFind("content-length");
    if (m_headRequest || m_status == 204 || m_status == 304) {
        m_state = State::Complete;
        return {};
    }
    if (transferEncoding != m_headers.cend()) {
        if (contentLength != m_headers.cend())
            return malformed(QStringLiteral("both Transfer-Encoding and Content-Length"));
        if (http::trimmedOws(*transferEncoding).compare("chunked", Qt::CaseInsensitive) != 0)
            return malformed(QStringLiteral("unsupported transfer coding"));
        m_state = State::ChunkSize;
        return {};
    }
    if (contentLength == m_headers.cend()) {
        m_keepAlive = false; // the close ends the body
        m_state = State::UntilClose;
        return {};
    }
    qint64 length = -1;
    for (const QByteArray& item : contentLength->split(',')) {
        const QByteArrayView digits = http::trimmedOws(item);
        if (digits.isEmpty() || digits.size() > 18
            || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return malformed(QStringLiteral("bad Content-Length"));
        const qint64 value = digits.toLongLong();
        if (length >= 0 && value != length)
            return malformed(QStringLiteral("two different Content-Length values"));
        length = value;
    }
    if (length > m_limits.maxBodyBytes)
        return malformed(QStringLiteral("body of %1 bytes is over the limit").arg(length));
    m_body.reserve(qsizetype(std::min<qint64>(length, 64 * 1024 * 1024)));
    m_remaining = length;
    m_state = length == 0 ? State::Complete : State::Body;
    return {};
}

Status HttpResponseParser::chunkSize(QByteArrayView line)
{
    const qsizetype extension = line.indexOf(';');
    const QByteArrayView digits = http::trimmedOws(extension < 0 ? line : line.first(extension));
    if (digits.isEmpty() || digits.size() > 15
        || !std::all_of(digits.begin(), digits.end(), [](char c) { return std::isxdigit(uchar(c)) != 0; }))
        return malformed(QStringLiteral("bad chunk size"));
    const qint64 size = digits.toLongLong(nullptr, 16);
    if (size == 0) {
        m_fields = 0;
        m_headBytes = 0;
        m_state = State::Trailers;
        return {};
    }
    if (m_body.size() + size > m_limits.maxBodyBytes)
        return malformed(QStringLiteral("body over the limit"));
    m_remaining = size;
    m_state = State::ChunkData;
    return {};
}

Status HttpResponseParser::appendBody(QByteArrayView bytes)
{
    if (m_body.size() + bytes.size() > m_limits.maxBodyBytes)
        return malformed(QStringLiteral("body over the limit"));
    m_body.append(bytes);
    return {};
}

} // namespace ikkatsu::client
