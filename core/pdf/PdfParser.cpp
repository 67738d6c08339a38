// PDF tokenizer and object parser (ISO 32000-2 §7.2–7.3), bounded for hostile input.
#include "pdf/PdfParser.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <limits>

namespace ikkatsu::pdf {

namespace {

// For hex strings: 0–15 a digit's value, then PDF whitespace, then anything else.
constexpr std::uint8_t kHexSpace = 16;
constexpr std::uint8_t kHexBad = 17;
constexpr std::array<std::uint8_t, 256> kHexTable = [] {
    std::array<std::uint8_t, 256> table {};
    for (int c = 0; c < 256; ++c) {
        if (c >= '0' && c <= '9')
            table[c] = static_cast<std::uint8_t>(c - '0');
        else if (c >= 'a' && c <= 'f')
            table[c] = static_cast<std::uint8_t>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            table[c] = static_cast<std::uint8_t>(c - 'A' + 10);
        else if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0')
            table[c] = kHexSpace;
        else
            table[c] = kHexBad;
    }
    return table;
}();

int hexValue(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

bool isPdfWhitespace(int c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

bool isPdfDelimiter(int c)
{
    switch (c) {
    case '(':
    case ')':
    case '<':
    case '>':
    case '[':
    case ']':
    case '{':
    case '}':
    case '/':
    case '%':
        return true;
    default:
        return false;
    }
}

PdfParser::PdfParser(QByteArrayView window, qint64 base, bool complete)
    : m_data(window.data())
    , m_size(window.size())
    , m_base(base)
    , m_complete(complete)
{ }

void PdfParser::seek(qint64 absolutePosition)
{
    m_pos = qBound<qint64>(0, absolutePosition - m_base, m_size);
}

int PdfParser::at(qint64 index)
{
    if (index < 0)
        return -1;
    if (index >= m_size) {
        if (!m_complete)
            m_truncated = true;
        return -1;
    }
    return static_cast<unsigned char>(m_data[index]);
}

Error PdfParser::malformed(const char* what) const
{
    return makeError(
        ErrorCode::PdfMalformed, QStringLiteral("%1 at offset %2").arg(QLatin1String(what)).arg(m_base + m_pos));
}

void PdfParser::skipWhitespace()
{
    for (;;) {
        const int c = at(m_pos);
        if (c < 0)
            return;
        if (isPdfWhitespace(c)) {
            ++m_pos;
        } else if (c == '%') {
            while (m_pos < m_size && m_data[m_pos] != '\n' && m_data[m_pos] != '\r')
                ++m_pos;
            if (m_pos >= m_size)
                at(m_pos); // marks truncation in an incomplete window
        } else {
            return;
        }
    }
}

void PdfParser::readRegular(Token& token)
{
    const qint64 start = m_pos;
    for (;;) {
        const int c = at(m_pos);
        if (c < 0 || isPdfWhitespace(c) || isPdfDelimiter(c))
            break;
        ++m_pos;
    }
    token.bytes = QByteArray(m_data + start, m_pos - start);
    // Classify: [+-]digits is an integer, digits with one dot a real, anything else a keyword.
    const QByteArray& text = token.bytes;
    qsizetype i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
        ++i;
    int digits = 0;
    int dots = 0;
    bool onlyNumberChars = i < text.size();
    for (qsizetype k = i; k < text.size(); ++k) {
        if (text[k] >= '0' && text[k] <= '9')
            ++digits;
        else if (text[k] == '.')
            ++dots;
        else
            onlyNumberChars = false;
    }
    if (!onlyNumberChars || digits == 0 || dots > 1) {
        token.type = TokenType::Keyword;
        return;
    }
    if (dots == 1) {
        token.type = TokenType::Real;
        return;
    }
    bool ok = false;
    token.integer = text.toLongLong(&ok);
    // Integers beyond 64 bits are kept as their text, like reals; nothing structural can use them anyway.
    token.type = ok ? TokenType::Integer : TokenType::Real;
}

void PdfParser::readLiteralString(Token& token)
{
    // At '('. Nesting is counted, not recursed.
    ++m_pos;
    int nesting = 1;
    QByteArray out;
    for (;;) {
        int c = at(m_pos);
        if (c < 0) {
            token.type = TokenType::Bad;
            return;
        }
        ++m_pos;
        if (c == '(') {
            ++nesting;
        } else if (c == ')') {
            if (--nesting == 0)
                break;
        } else if (c == '\r') {
            if (at(m_pos) == '\n')
                ++m_pos;
            c = '\n';
        } else if (c == '\\') {
            const int e = at(m_pos);
            if (e < 0) {
                token.type = TokenType::Bad;
                return;
            }
            ++m_pos;
            switch (e) {
            case 'n':
                c = '\n';
                break;
            case 'r':
                c = '\r';
                break;
            case 't':
                c = '\t';
                break;
            case 'b':
                c = '\b';
                break;
            case 'f':
                c = '\f';
                break;
            case '\r':
                if (at(m_pos) == '\n')
                    ++m_pos;
                continue; // line continuation
            case '\n':
                continue;
            default:
                if (e >= '0' && e <= '7') {
                    int value = e - '0';
                    for (int k = 0; k < 2; ++k) {
                        const int d = at(m_pos);
                        if (d < '0' || d > '7')
                            break;
                        value = value * 8 + (d - '0');
                        ++m_pos;
                    }
                    c = value & 0xff;
                } else {
                    c = e;
                }
            }
        }
        out.append(static_cast<char>(c));
    }
    token.type = TokenType::String;
    token.bytes = std::move(out);
}

void PdfParser::readHexString(Token& token)
{
    // At '<' (not "<<"). A signature's /Contents is tens of kilobytes of hex read on every upload, so this finds the
    // closing '>' with memchr and decodes up to it with a table, instead of at()/hexValue()/isPdfWhitespace() per byte.
    ++m_pos;
    const char* const data = m_data;
    const void* close = m_pos < m_size ? std::memchr(data + m_pos, '>', static_cast<size_t>(m_size - m_pos)) : nullptr;
    const qint64 end = close ? static_cast<const char*>(close) - data : m_size;
    if (!close) {
        // Unterminated in this window: bad at its first non-hex byte, else truncated; nothing to decode.
        for (qint64 pos = m_pos; pos < end; ++pos) {
            if (kHexTable[static_cast<unsigned char>(data[pos])] == kHexBad) {
                m_pos = pos + 1;
                token.type = TokenType::Bad;
                return;
            }
        }
        m_pos = end;
        (void)at(end); // marks a window that ends inside the string as truncated
        token.type = TokenType::Bad;
        return;
    }
    QByteArray out(static_cast<qsizetype>((end - m_pos) / 2 + 1), Qt::Uninitialized);
    char* written = out.data();
    int high = -1;
    for (qint64 pos = m_pos; pos < end; ++pos) {
        const std::uint8_t kind = kHexTable[static_cast<unsigned char>(data[pos])];
        if (kind < 16) {
            if (high < 0) {
                high = kind;
            } else {
                *written++ = static_cast<char>((high << 4) | kind);
                high = -1;
            }
        } else if (kind == kHexBad) {
            m_pos = pos + 1;
            token.type = TokenType::Bad;
            return;
        }
    }
    m_pos = end + 1;
    if (high >= 0)
        *written++ = static_cast<char>(high << 4);
    out.truncate(written - out.data());
    token.type = TokenType::String;
    token.hex = true;
    token.bytes = std::move(out);
}

void PdfParser::readName(Token& token)
{
    // At '/'.
    ++m_pos;
    QByteArray out;
    for (;;) {
        const int c = at(m_pos);
        if (c < 0 || isPdfWhitespace(c) || isPdfDelimiter(c))
            break;
        ++m_pos;
        if (c == '#') {
            const int h = hexValue(at(m_pos));
            const int l = hexValue(at(m_pos + 1));
            if (h >= 0 && l >= 0) {
                out.append(static_cast<char>((h << 4) | l));
                m_pos += 2;
                continue;
            }
        }
        out.append(static_cast<char>(c));
    }
    token.type = TokenType::Name;
    token.bytes = std::move(out);
}

PdfParser::Token PdfParser::nextToken()
{
    skipWhitespace();
    Token token;
    token.start = m_base + m_pos;
    const int c = at(m_pos);
    if (c < 0) {
        token.type = TokenType::End;
    } else if (c == '[') {
        ++m_pos;
        token.type = TokenType::ArrayOpen;
    } else if (c == ']') {
        ++m_pos;
        token.type = TokenType::ArrayClose;
    } else if (c == '<') {
        if (at(m_pos + 1) == '<') {
            m_pos += 2;
            token.type = TokenType::DictOpen;
        } else {
            readHexString(token);
        }
    } else if (c == '>') {
        if (at(m_pos + 1) == '>') {
            m_pos += 2;
            token.type = TokenType::DictClose;
        } else {
            ++m_pos;
            token.type = TokenType::Bad;
        }
    } else if (c == '(') {
        readLiteralString(token);
    } else if (c == '/') {
        readName(token);
    } else if (c == ')' || c == '{' || c == '}') {
        ++m_pos;
        token.type = TokenType::Bad;
    } else {
        readRegular(token);
    }
    token.end = m_base + m_pos;
    return token;
}

Result<PdfObject> PdfParser::parseValue(Token token, int depth)
{
    if (depth > kMaxDepth)
        return malformed("objects nested too deeply");
    switch (token.type) {
    case TokenType::Integer: {
        // Maybe "n g R".
        const qint64 save = m_pos;
        if (token.integer >= 0 && token.integer <= std::numeric_limits<quint32>::max()) {
            const Token generation = nextToken();
            if (generation.type == TokenType::Integer && generation.integer >= 0 && generation.integer <= 65535) {
                const Token r = nextToken();
                if (r.type == TokenType::Keyword && r.bytes == "R")
                    return PdfObject::reference(
                        PdfRef {static_cast<quint32>(token.integer), static_cast<quint16>(generation.integer)});
            }
        }
        m_pos = save;
        return PdfObject::integer(token.integer);
    }
    case TokenType::Real:
        return PdfObject::real(std::move(token.bytes));
    case TokenType::String: {
        PdfObject string = PdfObject::string(std::move(token.bytes), token.hex);
        string.setSourceSpan(token.start, token.end);
        return string;
    }
    case TokenType::Name:
        return PdfObject::name(std::move(token.bytes));
    case TokenType::Keyword:
        if (token.bytes == "true")
            return PdfObject::boolean(true);
        if (token.bytes == "false")
            return PdfObject::boolean(false);
        if (token.bytes == "null")
            return PdfObject::null();
        return malformed("unexpected keyword");
    case TokenType::ArrayOpen: {
        std::vector<PdfObject> items;
        for (;;) {
            Token next = nextToken();
            if (next.type == TokenType::ArrayClose)
                break;
            if (next.type == TokenType::End || next.type == TokenType::Bad)
                return malformed("unterminated array");
            Result<PdfObject> item = parseValue(std::move(next), depth + 1);
            if (!item)
                return item.error();
            items.push_back(std::move(item).value());
        }
        return PdfObject::array(std::move(items));
    }
    case TokenType::DictOpen: {
        std::vector<PdfObject::Entry> entries;
        for (;;) {
            Token key = nextToken();
            if (key.type == TokenType::DictClose)
                break;
            if (key.type != TokenType::Name)
                return malformed("dictionary key is not a name");
            Token next = nextToken();
            if (next.type == TokenType::DictClose) {
                // "/Key >>": tolerated as a null value, as most readers do.
                break;
            }
            if (next.type == TokenType::End || next.type == TokenType::Bad)
                return malformed("unterminated dictionary");
            Result<PdfObject> value = parseValue(std::move(next), depth + 1);
            if (!value)
                return value.error();
            // Appending keeps parsing linear; find() answers the first of duplicate keys.
            entries.emplace_back(std::move(key.bytes), std::move(value).value());
        }
        return PdfObject::dictionary(std::move(entries));
    }
    case TokenType::End:
        return malformed("unexpected end of data");
    default:
        return malformed("unexpected token");
    }
}

Result<PdfObject> PdfParser::parseObject()
{
    return parseValue(nextToken(), 0);
}

bool PdfParser::acceptInteger(qint64* value)
{
    const qint64 save = m_pos;
    const Token token = nextToken();
    if (token.type == TokenType::Integer && token.integer >= 0) {
        *value = token.integer;
        return true;
    }
    m_pos = save;
    return false;
}

bool PdfParser::acceptKeyword(QByteArrayView keyword)
{
    const qint64 save = m_pos;
    skipWhitespace();
    const qint64 start = m_pos;
    for (qsizetype i = 0; i < keyword.size(); ++i) {
        if (at(start + i) != static_cast<unsigned char>(keyword[i])) {
            m_pos = save;
            return false;
        }
    }
    const int after = at(start + keyword.size());
    if (after >= 0 && !isPdfWhitespace(after) && !isPdfDelimiter(after)) {
        m_pos = save;
        return false;
    }
    m_pos = start + keyword.size();
    return true;
}

bool PdfParser::parseObjectHeader(PdfRef* ref)
{
    const qint64 save = m_pos;
    qint64 number = 0;
    qint64 generation = 0;
    if (acceptInteger(&number) && acceptInteger(&generation) && acceptKeyword("obj")
        && number <= std::numeric_limits<quint32>::max() && generation <= 65535) {
        *ref = PdfRef {static_cast<quint32>(number), static_cast<quint16>(generation)};
        return true;
    }
    m_pos = save;
    return false;
}

qint64 PdfParser::streamDataStart()
{
    // ISO 32000: "stream" is followed by CRLF or LF; a lone CR is wrong but seen in the wild.
    if (at(m_pos) == '\r')
        ++m_pos;
    if (at(m_pos) == '\n')
        ++m_pos;
    return m_base + m_pos;
}

} // namespace ikkatsu::pdf
