// The filter block of ■ファイル情報リスト with every condition of the manual, [検索] and [クリア].
#pragma once

#include "services/FileSource.h"

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QPushButton;

namespace ikkatsu::ui {

class FileFilterPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FileFilterPanel(QWidget* parent = nullptr);

    FileListFilter filter() const;
    void setFilter(const FileListFilter& filter);
    // [クリア]: back to the manual's defaults (today's three months).
    void clear();
    void setToday(const QDate& today);

signals:
    void searchRequested();
    // [クリア] was pressed (the search it runs follows as searchRequested).
    void cleared();

private:
    QDate m_today;
    QComboBox* m_myStatus = nullptr;
    QButtonGroup* m_target = nullptr;
    QButtonGroup* m_state = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QLineEdit* m_folder = nullptr;
    QLineEdit* m_file = nullptr;
    QPushButton* m_search = nullptr;
    QPushButton* m_clear = nullptr;
};

} // namespace ikkatsu::ui
