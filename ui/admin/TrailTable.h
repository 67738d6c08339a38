// What admin mode's trail pages (全員の処理結果, 操作履歴) share: a period filter, a read-only table paged by the
// server with its total and ‹前へ/次へ›, the page's message and error lines, and the CSV save dialog.
#pragma once

#include "common/Result.h"

#include <QDate>
#include <QStringList>
#include <QWidget>

#include <functional>

class QCheckBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace ikkatsu::ui {

// [x] 期間 yyyy/MM/dd 〜 yyyy/MM/dd; both dates are invalid while the box is unchecked.
class PeriodFilter : public QWidget
{
    Q_OBJECT

public:
    // Children are named `namePrefix` + DateCheck / FromEdit / ToEdit (the GUI tests find them so).
    PeriodFilter(const QString& label, const QString& namePrefix, QWidget* parent = nullptr);

    QDate from() const;
    QDate to() const;
    // Unchecked, last month to today.
    void clear();

private:
    QCheckBox* m_enabled = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
};

// The table of one page of a server-side search, with the paging row above it and the message lines between.
class TrailTable : public QWidget
{
    Q_OBJECT

public:
    // Children are named `namePrefix` + TotalLabel / PreviousButton / NextButton / Message / Error / Table.
    TrailTable(const QStringList& headings, int pageSize, const QString& namePrefix, QWidget* parent = nullptr);

    int pageSize() const { return m_pageSize; }
    // One page of rows (cells as shown), the offset it starts at and the number of all matches.
    void showPage(const QList<QStringList>& rows, int offset, int total);
    void clear();
    int rowCount() const;
    QString cell(int row, int column) const;

    void showInfo(const QString& text);
    // Writes a downloaded CSV export atomically to `path` and says so on the info line.
    Status saveCsv(const Result<QByteArray>& csv, const QString& path);
    // The error with its code (and the server's detail for E5007); the info line is cleared.
    void showError(const Error& error);
    void clearMessages();
    QTableView* view() const { return m_table; }
    QPushButton* previousButton() const { return m_previous; }
    QPushButton* nextButton() const { return m_next; }

signals:
    // ‹前へ/次へ›: the offset of the page wanted.
    void pageRequested(int offset);

private:
    int m_pageSize;
    int m_offset = 0;
    int m_shown = 0;
    int m_total = 0;
    QLabel* m_totalLabel = nullptr;
    QPushButton* m_previous = nullptr;
    QPushButton* m_next = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_error = nullptr;
    QStandardItemModel* m_model = nullptr;
    QTableView* m_table = nullptr;
};

// The save dialog of a CSV export (named exportCsvDialog), proposing `fileStem`-yyyyMMdd.csv in the home folder;
// `chosen` gets the path.
void openCsvSaveDialog(
    QWidget* parent, const QString& title, const QString& fileStem, const std::function<void(const QString&)>& chosen);

} // namespace ikkatsu::ui
