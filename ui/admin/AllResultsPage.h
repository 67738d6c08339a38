// 全員の処理結果 (admin mode): everyone's registrations, views and signatures, filtered on the server, exported as CSV.
#pragma once

#include "services/AdminService.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace ikkatsu::ui {

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
    void chooseCsvFile();
    void showPage(const api::ResultPage& page);
    void reportError(const Error& error);

    AdminService* m_service = nullptr;
    api::ResultFilter m_filter;
    int m_total = 0;
    int m_shown = 0;

    QLineEdit* m_userId = nullptr;
    QCheckBox* m_dateEnabled = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_action = nullptr;
    QComboBox* m_outcome = nullptr;
    QLineEdit* m_fileName = nullptr;
    QLabel* m_totalLabel = nullptr;
    QPushButton* m_previous = nullptr;
    QPushButton* m_next = nullptr;
    QPushButton* m_export = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_error = nullptr;
    QStandardItemModel* m_model = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace ikkatsu::ui
