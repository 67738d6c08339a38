// 処理結果: the user's own history of views and signatures, with outcome and error code, filterable.
#pragma once

#include "services/FileSource.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace ikkatsu::ui {

class ResultsPage : public QWidget
{
    Q_OBJECT

public:
    explicit ResultsPage(QWidget* parent = nullptr);

    void setFileSource(FileSource* source);
    void refresh();
    // Back to the state of a fresh login: default filters, no rows, no messages.
    void reset();
    int visibleRows() const;

signals:
    void failed(const ikkatsu::Error& error);

private:
    void applyFilter();

    FileSource* m_source = nullptr;
    QList<ProcessingRecord> m_records;
    QComboBox* m_action = nullptr;
    QComboBox* m_outcome = nullptr;
    QLineEdit* m_fileName = nullptr;
    QStandardItemModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace ikkatsu::ui
