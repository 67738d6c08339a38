// Table model of the file list, with sort keys that follow meaning rather than text.
#include "FileListModel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace ikkatsu::ui {

FileListModel::FileListModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void FileListModel::setEntries(const QList<FileEntry>& entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int FileListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int FileListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FileListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const FileEntry& entry = m_entries.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case FileNameColumn:
            return entry.name;
        case FolderColumn:
            return entry.folderName;
        case RegisteredColumn:
            return entry.registeredAt.toLocalTime().toString(QStringLiteral("yyyy/MM/dd HH:mm"));
        case StateColumn:
            return signatureStatusText(entry.status);
        case MyStatusColumn:
            return myStatusText(entry.myStatus);
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case RegisteredColumn:
            return entry.registeredAt;
        case StateColumn:
            return int(entry.status);
        case MyStatusColumn:
            return int(entry.myStatus);
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        switch (entry.status) {
        case SignatureStatus::Signed:
            return QBrush(QColor(0x2e, 0x7d, 0x32));
        case SignatureStatus::Signing:
            return QBrush(QColor(0xb7, 0x79, 0x1f));
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == FileNameColumn)
        return QString(entry.folderName + QLatin1Char('/') + entry.name);
    return {};
}

QVariant FileListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FileNameColumn:
        return tr("File name");
    case FolderColumn:
        return tr("Folder name");
    case RegisteredColumn:
        return tr("Registration date");
    case StateColumn:
        return tr("Signature status");
    case MyStatusColumn:
        return tr("My status");
    }
    return {};
}

} // namespace ikkatsu::ui
