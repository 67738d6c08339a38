// Tokenizer and object parser for PDF syntax over a window of bytes; hostile-input safe (bounded, depth-limited).
#pragma once

#include "common/Result.h"
#include "pdf/PdfObject.h"

#include <QByteArrayView>

namespace ikkatsu::pdf {

class PdfParser
{
public:
    static constexpr int kMaxDepth = 64;

    // `window` holds the source bytes [base, base + window.size()); `complete` says the source ends there, so
    // running off the end is an error rather than a reason to retry with a larger window (see truncated()).
    PdfParser(QByteArrayView window, qint64 base, bool complete);

    qint64 position() const { return m_base + m_pos; }
    void seek(qint64 absolutePosition);
    // True once parsing ran into the end of an incomplete window: the caller should retry with more bytes.
    bool truncated() const { return m_truncated; }

    // Skips whitespace and comments.
    void skipWhitespace();
    // A direct object; "n g R" becomes a reference.
    Result<PdfObject> parseObject();
    // "n g obj"; false (position unchanged) when the bytes here are not an object header.
    bool parseObjectHeader(PdfRef* ref);
    // Consumes `keyword` (after whitespace) when it is next; otherwise leaves the position unchanged.
    bool acceptKeyword(QByteArrayView keyword);
    // Consumes a non-negative integer (after whitespace) when it is next.
    bool acceptInteger(qint64* value);
    // After the keyword "stream": skips its end-of-line and returns where the data starts.
    qint64 streamDataStart();

private:
    enum class TokenType { End, Integer, Real, Keyword, Name, String, ArrayOpen, ArrayClose, DictOpen, DictClose, Bad };
    struct Token
    {
        TokenType type = TokenType::End;
        qint64 integer = 0;
        qint64 start = 0;
        qint64 end = 0;
        bool hex = false;
        QByteArray bytes;
    };

    int at(qint64 index);
    Token nextToken();
    void readRegular(Token& token);
    void readLiteralString(Token& token);
    void readHexString(Token& token);
    void readName(Token& token);
    Result<PdfObject> parseValue(Token token, int depth);
    Error malformed(const char* what) const;

    const char* m_data;
    qint64 m_size;
    qint64 m_base;
    qint64 m_pos = 0;
    bool m_complete;
    bool m_truncated = false;
};

bool isPdfWhitespace(int c);
bool isPdfDelimiter(int c);

} // namespace ikkatsu::pdf
