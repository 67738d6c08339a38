// 処理結果: fetched from the FileSource, filtered locally (the list is the user's own, and short).
#include "ResultsPage.h"

#include "Async.h"
#include "Style.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ikkatsu::ui {

ResultsPage::ResultsPage(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(makePageTitle(tr("Processing results"), this));
    layout->addWidget(makeHint(tr("Your history of file views and electronic signatures."), this));

    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Operation"), this));
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("resultsActionCombo"));
    m_action->addItem(tr("All"), QString());
    m_action->addItem(tr("View"), api::resultActionName(ProcessingRecord::Action::View));
    m_action->addItem(tr("Electronic signature"), api::resultActionName(ProcessingRecord::Action::Sign));
    // An administrator's own history also holds the files they registered.
    m_action->addItem(tr("File registration"), api::resultActionName(ProcessingRecord::Action::Register));
    filters->addWidget(m_action);
    filters->addSpacing(12);
    filters->addWidget(new QLabel(tr("Result"), this));
    m_outcome = new QComboBox(this);
    m_outcome->setObjectName(QStringLiteral("resultsOutcomeCombo"));
    m_outcome->addItem(tr("All"), 0);
    m_outcome->addItem(tr("Succeeded"), 1);
    m_outcome->addItem(tr("Failed"), 2);
    filters->addWidget(m_outcome);
    filters->addSpacing(12);
    filters->addWidget(new QLabel(tr("File name"), this));
    m_fileName = new QLineEdit(this);
    m_fileName->setObjectName(QStringLiteral("resultsFileNameEdit"));
    m_fileName->setMinimumWidth(220);
    filters->addWidget(m_fileName);
    auto* search = makeButton(tr("Search"), QStringLiteral("resultsSearchButton"), true, this);
    auto* reload = makeButton(tr("Reload"), QStringLiteral("resultsReloadButton"), false, this);
    filters->addWidget(search);
    filters->addWidget(reload);
    filters->addStretch(1);
    layout->addLayout(filters);

    m_error = makeErrorLabel(QStringLiteral("resultsError"), this);
    layout->addWidget(m_error);
    m_empty = new QLabel(tr("⚠ No matching data exists."), this);
    m_empty->setObjectName(QStringLiteral("resultsEmptyLabel"));
    m_empty->setProperty("messageKind", QStringLiteral("empty"));
    m_empty->hide();
    layout->addWidget(m_empty);

    m_model = new QStandardItemModel(0, 6, this);
    m_model->setHorizontalHeaderLabels(
        {tr("Date and time"), tr("File name"), tr("Folder name"), tr("Operation"), tr("Result"), tr("Error code")});
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("resultsTable"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);

    connect(search, &QPushButton::clicked, this, &ResultsPage::applyFilter);
    connect(m_fileName, &QLineEdit::returnPressed, this, &ResultsPage::applyFilter);
    connect(reload, &QPushButton::clicked, this, &ResultsPage::refresh);
    connect(m_action, &QComboBox::currentIndexChanged, this, &ResultsPage::applyFilter);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &ResultsPage::applyFilter);
}

void ResultsPage::setFileSource(FileSource* source)
{
    m_source = source;
    m_records.clear();
    applyFilter();
}

void ResultsPage::refresh()
{
    m_error->hide();
    if (!m_source)
        return applyFilter();
    whenReady(this, m_source->history(), [this](const Result<QList<ProcessingRecord>>& result) {
        if (!result.ok()) {
            showError(m_error, result.error());
            m_records.clear();
            emit failed(result.error());
        } else {
            m_records = result.value();
        }
        applyFilter();
    });
}

int ResultsPage::visibleRows() const
{
    return m_model->rowCount();
}

void ResultsPage::applyFilter()
{
    m_table->setSortingEnabled(false);
    m_model->removeRows(0, m_model->rowCount());
    const QString action = m_action->currentData().toString();
    const int outcome = m_outcome->currentData().toInt();
    const QString name = m_fileName->text().trimmed();
    for (const ProcessingRecord& record : std::as_const(m_records)) {
        if (!action.isEmpty() && api::resultActionName(record.action) != action)
            continue;
        if ((outcome == 1 && !record.succeeded) || (outcome == 2 && record.succeeded))
            continue;
        if (!name.isEmpty() && !record.fileName.contains(name, Qt::CaseInsensitive))
            continue;
        auto* when = new QStandardItem(record.occurredAt.toLocalTime().toString(QStringLiteral("yyyy/MM/dd HH:mm:ss")));
        // The filter's own labels name the operations, so the column and the filter always agree.
        const int actionIndex = m_action->findData(api::resultActionName(record.action));
        auto* operation = new QStandardItem(m_action->itemText(actionIndex));
        auto* result = new QStandardItem(record.succeeded ? tr("Succeeded") : tr("Failed"));
        result->setForeground(record.succeeded ? QColor(0x2e, 0x7d, 0x32) : QColor(0xb3, 0x26, 0x1e));
        m_model->appendRow({when, new QStandardItem(record.fileName), new QStandardItem(record.folderName), operation,
            result, new QStandardItem(record.errorCode)});
    }
    m_empty->setVisible(m_model->rowCount() == 0);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::DescendingOrder);
    m_table->resizeColumnsToContents();
}

void ResultsPage::reset()
{
    m_action->setCurrentIndex(0);
    m_outcome->setCurrentIndex(0);
    m_fileName->clear();
    m_records.clear();
    m_model->removeRows(0, m_model->rowCount());
    m_empty->hide();
    m_error->hide();
}

} // namespace ikkatsu::ui
