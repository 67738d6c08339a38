// 全員の処理結果 (admin mode): everyone's registrations, views and signatures, filtered on the server, exported as CSV.
#pragma once

#include "services/AdminService.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace ikkatsu::ui {

class PeriodFilter;
class TrailTable;

class AllResultsPage : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 200;

    explicit AllResultsPage(QWidget* parent = nullptr);

    void setService(AdminService* service);
    // Fetches the current filter's page again.
    void refresh();
    // Forgets everything shown (at logout).
    void clear();

    // The filter as the form shows it (paging included).
    api::ResultFilter filter() const;
    int rowCount() const;
    QString cell(int row, int column) const;
    // What the save dialog's choice leads to: fetches the CSV for the current filter and writes it atomically.
    void exportCsvTo(const QString& path);

    enum Column {
        TimeColumn,
        UserIdColumn,
        UserNameColumn,
        ActionColumn,
        FolderColumn,
        FileColumn,
        VersionColumn,
        OutcomeColumn,
        CodeColumn,
        ClientColumn,
        ColumnCount
    };

signals:
    void failed(const ikkatsu::Error& error);
    void listed();
    void exported(const QString& path);

private:
    void search();
    void showPage(const api::ResultPage& page);
    void reportError(const Error& error);

    AdminService* m_service = nullptr;
    api::ResultFilter m_filter;

    QLineEdit* m_userId = nullptr;
    PeriodFilter* m_period = nullptr;
    QComboBox* m_action = nullptr;
    QComboBox* m_outcome = nullptr;
    QLineEdit* m_fileName = nullptr;
    QPushButton* m_export = nullptr;
    TrailTable* m_table = nullptr;
};

} // namespace ikkatsu::ui
