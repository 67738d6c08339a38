// The rows of ■ファイル情報リスト: file name, folder, registration date, signature state, my status.
#pragma once

#include "services/FileSource.h"

#include <QAbstractTableModel>

namespace ikkatsu::ui {

class FileListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FileNameColumn, FolderColumn, RegisteredColumn, StateColumn, MyStatusColumn, ColumnCount };
    // Sorting by the raw value (dates as dates, states in workflow order), not by the displayed text.
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit FileListModel(QObject* parent = nullptr);

    void setEntries(const QList<FileEntry>& entries);
    const QList<FileEntry>& entries() const { return m_entries; }
    const FileEntry& entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<FileEntry> m_entries;
};

} // namespace ikkatsu::ui
