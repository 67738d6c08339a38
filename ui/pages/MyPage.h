// マイページ: the quick search bar and ■ファイル情報リスト (filters, sortable multi-select table, paging).
#pragma once

#include "services/FileSource.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace ikkatsu::ui {

class FileFilterPanel;
class FileListModel;
class SelectionCheckProxy;

class MyPage : public QWidget
{
    Q_OBJECT

public:
    explicit MyPage(QWidget* parent = nullptr);

    // Not owned; null shows the list as unavailable.
    void setFileSource(FileSource* source);
    FileFilterPanel* filterPanel() const { return m_filters; }
    FileListModel* model() const { return m_model; }
    QList<FileEntry> selectedEntries() const;
    // The check box of a row (the first column) toggles it in the selection, as a Ctrl+click does.
    void toggleRow(int viewRow);
    // Runs the current filter again (after a batch, statuses change).
    void refresh();
    // A banner offering to resume an unfinished batch of `pendingFiles` files; 0 hides it.
    void showResumeOffer(int pendingFiles);
    // Back to the state of a fresh login (after a logout): default filters, empty quick search, no rows, no
    // banners or messages, the first page in the default order.
    void reset();

signals:
    void viewRequested(const ikkatsu::ui::FileEntry& entry);
    void batchSignRequested(const QList<ikkatsu::ui::FileEntry>& entries);
    void listed(int total);
    void failed(const ikkatsu::Error& error);
    void resumeRequested();

private:
    void search(int page);
    void quickSearch();
    void updateButtons();
    bool eventFilter(QObject* watched, QEvent* event) override;

    FileSource* m_source = nullptr;
    FileListFilter m_lastFilter;
    int m_page = 0;
    FileListFilter::Sort m_sortKey = FileListFilter::Sort::RegisteredAt;
    bool m_descending = true;
    int m_total = 0;
    quint64 m_generation = 0;
    FileFilterPanel* m_filters;
    FileListModel* m_model;
    SelectionCheckProxy* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_selectedCount = nullptr;
    QWidget* m_resume = nullptr;
    QLabel* m_resumeText = nullptr;
    QLineEdit* m_quickText = nullptr;
    QComboBox* m_quickTarget = nullptr;
    QComboBox* m_quickCondition = nullptr;
    QPushButton* m_view = nullptr;
    QPushButton* m_batchSign = nullptr;
    QPushButton* m_previous = nullptr;
    QPushButton* m_next = nullptr;
};

} // namespace ikkatsu::ui
