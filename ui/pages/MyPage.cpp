// My Page: every search goes to the FileSource asynchronously; a newer search makes older answers stale.
#include "MyPage.h"

#include "Async.h"
#include "Style.h"
#include "files/FileFilterPanel.h"
#include "files/FileListModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QVBoxLayout>

namespace ikkatsu::ui {

// The table's sort proxy, which also draws a check box in the file name column for every selected row: the
// selection is the one truth, the boxes only show it (and a click on a box toggles it, see MyPage::eventFilter).
class SelectionCheckProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setSelectionModel(QItemSelectionModel* selection)
    {
        m_selection = selection;
        connect(selection, &QItemSelectionModel::selectionChanged, this, [this] {
            if (rowCount() > 0)
                emit dataChanged(index(0, 0), index(rowCount() - 1, 0), {Qt::CheckStateRole});
        });
    }

    QVariant data(const QModelIndex& index, int role) const override
    {
        if (role == Qt::CheckStateRole && index.column() == FileListModel::FileNameColumn)
            return m_selection && m_selection->isRowSelected(index.row()) ? Qt::Checked : Qt::Unchecked;
        return QSortFilterProxyModel::data(index, role);
    }

private:
    QItemSelectionModel* m_selection = nullptr;
};

namespace {

constexpr int kPageSize = 50; // rows per My Page page

FileListFilter::Sort sortKeyOf(int column)
{
    switch (column) {
    case FileListModel::FileNameColumn:
        return FileListFilter::Sort::Name;
    case FileListModel::FolderColumn:
        return FileListFilter::Sort::Folder;
    case FileListModel::StateColumn:
        return FileListFilter::Sort::Status;
    case FileListModel::MyStatusColumn:
        return FileListFilter::Sort::MyStatus;
    default:
        return FileListFilter::Sort::RegisteredAt;
    }
}

} // namespace

MyPage::MyPage(QWidget* parent)
    : QWidget(parent)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    // 対象: ファイル  条件: ファイル名  [   ] [検索]
    auto* bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("quickSearchBar"));
    bar->setAttribute(Qt::WA_StyledBackground, true);
    auto* barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(24, 6, 24, 6);
    barLayout->addWidget(new QLabel(tr("Target:"), bar));
    m_quickTarget = new QComboBox(bar);
    m_quickTarget->setObjectName(QStringLiteral("quickTargetCombo"));
    m_quickTarget->addItem(tr("File"));
    barLayout->addWidget(m_quickTarget);
    barLayout->addSpacing(12);
    barLayout->addWidget(new QLabel(tr("Condition:"), bar));
    m_quickCondition = new QComboBox(bar);
    m_quickCondition->setObjectName(QStringLiteral("quickConditionCombo"));
    m_quickCondition->addItem(tr("File name"));
    barLayout->addWidget(m_quickCondition);
    m_quickText = new QLineEdit(bar);
    m_quickText->setObjectName(QStringLiteral("quickSearchEdit"));
    m_quickText->setMinimumWidth(280);
    barLayout->addWidget(m_quickText);
    auto* quickButton = makeButton(tr("Search"), QStringLiteral("quickSearchButton"), true, bar);
    barLayout->addWidget(quickButton);
    barLayout->addStretch(1);
    outer->addWidget(bar);

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("pageScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(scroll);
    content->setObjectName(QStringLiteral("pageContent"));
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(24, 12, 24, 12);
    layout->setSpacing(8);
    m_resume = new QFrame(content);
    m_resume->setObjectName(QStringLiteral("resumeBanner"));
    auto* resumeLayout = new QHBoxLayout(m_resume);
    resumeLayout->setContentsMargins(0, 0, 0, 0);
    m_resumeText = new QLabel(m_resume);
    m_resumeText->setObjectName(QStringLiteral("resumeLabel"));
    m_resumeText->setProperty("messageKind", QStringLiteral("info"));
    m_resumeText->setWordWrap(true);
    resumeLayout->addWidget(m_resumeText, 1);
    auto* resumeButton = makeButton(tr("Resume"), QStringLiteral("resumeBatchButton"), true, m_resume);
    resumeLayout->addWidget(resumeButton);
    m_resume->hide();
    layout->addWidget(m_resume);
    connect(resumeButton, &QPushButton::clicked, this, &MyPage::resumeRequested);
    layout->addWidget(makeSectionTitle(tr("■File information list"), content));

    m_empty = new QLabel(content);
    m_empty->setObjectName(QStringLiteral("emptyLabel"));
    m_empty->setProperty("messageKind", QStringLiteral("empty"));
    m_empty->setText(tr("⚠ No matching data exists."));
    m_empty->hide();
    layout->addWidget(m_empty);
    m_error = makeErrorLabel(QStringLiteral("fileListError"), content);
    layout->addWidget(m_error);
    layout->addWidget(makeHint(tr("Shows the files on which you have view or sign permission."), content));

    m_filters = new FileFilterPanel(content);
    m_filters->setObjectName(QStringLiteral("fileFilterPanel"));
    layout->addWidget(m_filters);

    auto* tools = new QHBoxLayout;
    m_view = makeButton(tr("View file"), QStringLiteral("viewButton"), false, content);
    m_view->setIcon(QIcon(QStringLiteral(":/ikkatsu/icons/view.svg")));
    m_batchSign = makeButton(tr("Batch e-signature"), QStringLiteral("batchSignButton"), true, content);
    m_batchSign->setIcon(QIcon(QStringLiteral(":/ikkatsu/icons/sign.svg")));
    tools->addWidget(m_view);
    tools->addWidget(m_batchSign);
    m_selectedCount = new QLabel(content);
    m_selectedCount->setObjectName(QStringLiteral("selectedCount"));
    tools->addSpacing(12);
    tools->addWidget(m_selectedCount);
    tools->addStretch(1);
    m_count = new QLabel(content);
    m_count->setObjectName(QStringLiteral("resultCount"));
    tools->addWidget(m_count);
    m_previous = makeButton(tr("Previous"), QStringLiteral("previousPageButton"), false, content);
    m_next = makeButton(tr("Next"), QStringLiteral("nextPageButton"), false, content);
    tools->addWidget(m_previous);
    tools->addWidget(m_next);
    layout->addLayout(tools);

    m_model = new FileListModel(this);
    m_proxy = new SelectionCheckProxy(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(FileListModel::SortRole);
    m_table = new QTableView(content);
    m_table->setObjectName(QStringLiteral("fileTable"));
    m_table->setModel(m_proxy);
    m_proxy->setSelectionModel(m_table->selectionModel());
    m_table->viewport()->installEventFilter(this);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FileListModel::RegisteredColumn, Qt::DescendingOrder);
    // With paging, a header click must order the whole result, not only the rows on screen: ask the source again.
    connect(
        m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder order) {
            m_sortKey = sortKeyOf(column);
            m_descending = order == Qt::DescendingOrder;
            if (m_source)
                search(0);
        });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(FileListModel::FileNameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(FileListModel::FolderColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(FileListModel::RegisteredColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(FileListModel::StateColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(FileListModel::MyStatusColumn, QHeaderView::ResizeToContents);
    m_table->setMinimumHeight(220);
    layout->addWidget(m_table, 1);

    connect(m_filters, &FileFilterPanel::searchRequested, this, [this] { search(0); });
    connect(m_filters, &FileFilterPanel::cleared, m_quickText, &QLineEdit::clear);
    connect(quickButton, &QPushButton::clicked, this, &MyPage::quickSearch);
    connect(m_quickText, &QLineEdit::returnPressed, this, &MyPage::quickSearch);
    connect(m_previous, &QPushButton::clicked, this, [this] { search(m_page - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { search(m_page + 1); });
    connect(m_view, &QPushButton::clicked, this, [this] {
        const auto selected = selectedEntries();
        if (!selected.isEmpty())
            emit viewRequested(selected.front());
    });
    connect(m_table, &QTableView::activated, this,
        [this](const QModelIndex& index) { emit viewRequested(m_model->entry(m_proxy->mapToSource(index).row())); });
    connect(m_batchSign, &QPushButton::clicked, this, [this] {
        const auto selected = selectedEntries();
        if (!selected.isEmpty())
            emit batchSignRequested(selected);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MyPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MyPage::updateButtons);

    setTabOrder(m_quickText, quickButton);
    updateButtons();
}

void MyPage::setFileSource(FileSource* source)
{
    m_source = source;
    m_model->setEntries({});
}

QList<FileEntry> MyPage::selectedEntries() const
{
    QList<FileEntry> entries;
    const auto rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows)
        entries.append(m_model->entry(m_proxy->mapToSource(index).row()));
    return entries;
}

void MyPage::toggleRow(int viewRow)
{
    if (viewRow < 0 || viewRow >= m_proxy->rowCount())
        return;
    const QModelIndex index = m_proxy->index(viewRow, 0);
    m_table->selectionModel()->select(index, QItemSelectionModel::Toggle | QItemSelectionModel::Rows);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
}

// A press on a row's check box toggles that row alone, without clearing the others as a plain click would.
bool MyPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table->viewport()
        && (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonDblClick)) {
        auto* mouse = static_cast<QMouseEvent*>(event);
        const QModelIndex index = m_table->indexAt(mouse->position().toPoint());
        if (mouse->button() == Qt::LeftButton && index.isValid() && index.column() == FileListModel::FileNameColumn) {
            QStyleOptionViewItem option;
            option.initFrom(m_table);
            option.rect = m_table->visualRect(index);
            option.features |= QStyleOptionViewItem::HasCheckIndicator;
            const QRect box = m_table->style()
                                  ->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, m_table)
                                  .adjusted(-4, -4, 4, 4);
            if (box.contains(mouse->position().toPoint())) {
                if (event->type() == QEvent::MouseButtonPress)
                    toggleRow(index.row());
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void MyPage::refresh()
{
    search(m_page);
}

void MyPage::showResumeOffer(int pendingFiles)
{
    m_resumeText->setText(
        tr("The last batch e-signature did not finish: %n file(s) still to sign.", nullptr, pendingFiles));
    m_resume->setVisible(pendingFiles > 0);
}

void MyPage::quickSearch()
{
    FileListFilter filter = m_filters->filter();
    filter.fileName = m_quickText->text().trimmed();
    m_filters->setFilter(filter);
    search(0);
}

void MyPage::search(int page)
{
    m_error->hide();
    if (!m_source) {
        m_model->setEntries({});
        m_empty->show();
        return;
    }
    FileListFilter filter = m_filters->filter();
    filter.sort = m_sortKey;
    filter.descending = m_descending;
    filter.limit = kPageSize;
    filter.offset = std::max(0, page) * kPageSize;
    const quint64 generation = ++m_generation;
    whenReady(this, m_source->list(filter), [this, filter, generation](const Result<FilePage>& result) {
        if (generation != m_generation)
            return; // a newer search is under way
        if (!result.ok()) {
            m_model->setEntries({});
            showError(m_error, result.error());
            emit failed(result.error());
            return;
        }
        m_lastFilter = filter;
        m_page = filter.offset / kPageSize;
        m_total = result->total;
        m_model->setEntries(result->files);
        m_empty->setVisible(result->files.isEmpty());
        const int first = filter.offset;
        m_count->setText(m_total == 0
                ? QString()
                : tr("%1 items, showing %2–%3").arg(m_total).arg(first + 1).arg(first + int(result->files.size())));
        m_previous->setEnabled(m_page > 0);
        m_next->setEnabled(first + result->files.size() < m_total);
        emit listed(m_total);
    });
}

void MyPage::updateButtons()
{
    const auto selected = m_table->selectionModel()->selectedRows();
    m_view->setEnabled(selected.size() == 1);
    m_batchSign->setEnabled(!selected.isEmpty());
    m_selectedCount->setText(tr("%n file(s) selected", nullptr, int(selected.size())));
    m_previous->setEnabled(m_page > 0);
    m_next->setEnabled((m_page + 1) * kPageSize < m_total);
}

void MyPage::reset()
{
    ++m_generation; // an answer still on its way belongs to the previous session
    m_filters->clear();
    m_quickText->clear();
    m_model->setEntries({});
    m_empty->hide();
    m_error->hide();
    m_resume->hide();
    m_count->clear();
    m_page = 0;
    m_total = 0;
    m_lastFilter = defaultFileFilter();
    m_sortKey = FileListFilter::Sort::RegisteredAt;
    m_descending = true;
    {
        const QSignalBlocker block(m_table->horizontalHeader());
        m_table->sortByColumn(FileListModel::RegisteredColumn, Qt::DescendingOrder);
    }
    updateButtons();
}

} // namespace ikkatsu::ui
