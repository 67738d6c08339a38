// The CSV the administrators' exports share: UTF-8 with BOM (so that Excel reads Japanese), CRLF, every cell quoted.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

namespace ikkatsu::server::csv {

// The byte-order mark every export starts with.
QByteArray bom();
// One quoted line with CRLF; a cell that a spreadsheet would run as a formula gets a leading apostrophe.
QByteArray line(const QStringList& cells);
// "2026/03/31 23:59:59", Japan time, as the exports show times.
QString japanTime(const QDateTime& time);

} // namespace ikkatsu::server::csv
