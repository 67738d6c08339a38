// The error-code table's lookups; messages are translated in the "ErrorCode" context.
#include "api/ErrorCode.h"

#include "common/Result.h"

#include <QCoreApplication>

namespace ikkatsu {

namespace {

struct ErrorRow
{
    ErrorCode code;
    int http;
    const char* text;
};

constexpr ErrorRow kErrorRows[] = {
#define IKKATSU_ERROR_ROW(name, number, http, text) {ErrorCode::name, http, QT_TRANSLATE_NOOP("ErrorCode", text)},
    IKKATSU_ERROR_CODES(IKKATSU_ERROR_ROW)
#undef IKKATSU_ERROR_ROW
};

const ErrorRow* findRow(ErrorCode code)
{
    for (const auto& row : kErrorRows) {
        if (row.code == code)
            return &row;
    }
    return nullptr;
}

} // namespace

QString errorCodeText(ErrorCode code)
{
    return QStringLiteral("E%1").arg(static_cast<int>(code), 4, 10, QLatin1Char('0'));
}

int errorHttpStatus(ErrorCode code)
{
    const ErrorRow* row = findRow(code);
    return row ? row->http : 500;
}

QString errorMessage(ErrorCode code)
{
    const ErrorRow* row = findRow(code);
    return QCoreApplication::translate("ErrorCode", row ? row->text : findRow(ErrorCode::Unexpected)->text);
}

bool parseErrorCode(const QString& text, ErrorCode* code)
{
    if (text.size() != 5 || text.front() != QLatin1Char('E'))
        return false;
    bool ok = false;
    const int number = text.mid(1).toInt(&ok);
    if (!ok)
        return false;
    for (const auto& row : kErrorRows) {
        if (static_cast<int>(row.code) == number) {
            *code = row.code;
            return true;
        }
    }
    return false;
}

QString Error::message() const
{
    return errorMessage(code);
}

} // namespace ikkatsu
