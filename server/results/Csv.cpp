// Spreadsheets evaluate cells that start like a formula; the guard here keeps a file name from running as one.
#include "results/Csv.h"

#include <QTimeZone>

namespace ikkatsu::server::csv {

namespace {

QByteArray cell(const QString& text)
{
    QString quoted = text;
    // CSV injection: a leading =, +, -, @ (or tab/CR) would make a spreadsheet evaluate the cell.
    if (!quoted.isEmpty() && QStringLiteral("=+-@\t\r").contains(quoted.at(0)))
        quoted.prepend(QLatin1Char('\''));
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return '"' + quoted.toUtf8() + '"';
}

} // namespace

QByteArray bom()
{
    return QByteArrayLiteral("\xEF\xBB\xBF");
}

QByteArray line(const QStringList& cells)
{
    QByteArrayList quoted;
    for (const QString& text : cells)
        quoted << cell(text);
    return quoted.join(',') + "\r\n";
}

QString japanTime(const QDateTime& time)
{
    return time.toTimeZone(QTimeZone(9 * 3600)).toString(QStringLiteral("yyyy/MM/dd HH:mm:ss"));
}

} // namespace ikkatsu::server::csv
