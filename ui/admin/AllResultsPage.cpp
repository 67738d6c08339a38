// The filter is applied by the server (the trail can be long); the CSV is the server's bytes, BOM included, written
// to disk unchanged and atomically so a failed export never leaves half a file.
#include "AllResultsPage.h"

#include "Async.h"
#include "Style.h"
#include "common/AtomicFile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

namespace ikkatsu::ui {

namespace {

QString actionText(api::ProcessingResult::Action action)
{
    switch (action) {
    case api::ProcessingResult::Action::Register:
        return AllResultsPage::tr("File registration");
    case api::ProcessingResult::Action::View:
        return AllResultsPage::tr("View");
    case api::ProcessingResult::Action::Sign:
        return AllResultsPage::tr("Electronic signature");
    }
    return {};
}

} // namespace

AllResultsPage::AllResultsPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("allResultsPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(8);
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(makePageTitle(tr("Everyone's processing results"), this));
    titleRow->addStretch(1);
    m_export = makeButton(tr("Export CSV..."), QStringLiteral("exportCsvButton"), false, this);
    titleRow->addWidget(m_export);
    layout->addLayout(titleRow);

    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("User ID"), this));
    m_userId = new QLineEdit(this);
    m_userId->setObjectName(QStringLiteral("allResultsUserEdit"));
    m_userId->setMaxLength(64);
    m_userId->setClearButtonEnabled(true);
    filters->addWidget(m_userId);
    m_dateEnabled = new QCheckBox(tr("Date"), this);
    m_dateEnabled->setObjectName(QStringLiteral("allResultsDateCheck"));
    filters->addWidget(m_dateEnabled);
    m_from = new QDateEdit(QDate::currentDate().addMonths(-1), this);
    m_from->setObjectName(QStringLiteral("allResultsFromEdit"));
    m_from->setCalendarPopup(true);
    m_from->setDisplayFormat(QStringLiteral("yyyy/MM/dd"));
    m_to = new QDateEdit(QDate::currentDate(), this);
    m_to->setObjectName(QStringLiteral("allResultsToEdit"));
    m_to->setCalendarPopup(true);
    m_to->setDisplayFormat(QStringLiteral("yyyy/MM/dd"));
    for (QDateEdit* edit : {m_from, m_to})
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("0000/00/00")) + 72);
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(QStringLiteral("〜"), this));
    filters->addWidget(m_to);
    filters->addWidget(new QLabel(tr("Operation"), this));
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("allResultsActionCombo"));
    m_action->addItem(tr("All"), -1);
    m_action->addItem(tr("File registration"), int(api::ProcessingResult::Action::Register));
    m_action->addItem(tr("View"), int(api::ProcessingResult::Action::View));
    m_action->addItem(tr("Electronic signature"), int(api::ProcessingResult::Action::Sign));
    filters->addWidget(m_action);
    filters->addWidget(new QLabel(tr("Result"), this));
    m_outcome = new QComboBox(this);
    m_outcome->setObjectName(QStringLiteral("allResultsOutcomeCombo"));
    m_outcome->addItem(tr("All"), 0);
    m_outcome->addItem(tr("Succeeded"), 1);
    m_outcome->addItem(tr("Failed"), 2);
    filters->addWidget(m_outcome);
    filters->addWidget(new QLabel(tr("File name"), this));
    m_fileName = new QLineEdit(this);
    m_fileName->setObjectName(QStringLiteral("allResultsFileEdit"));
    m_fileName->setMaxLength(200);
    m_fileName->setClearButtonEnabled(true);
    filters->addWidget(m_fileName, 1);
    auto* searchButton = makeButton(tr("Search"), QStringLiteral("allResultsSearchButton"), true, this);
    filters->addWidget(searchButton);
    layout->addLayout(filters);

    auto* paging = new QHBoxLayout;
    m_totalLabel = new QLabel(this);
    m_totalLabel->setObjectName(QStringLiteral("allResultsTotalLabel"));
    paging->addWidget(m_totalLabel);
    paging->addStretch(1);
    m_previous = makeButton(tr("Previous"), QStringLiteral("allResultsPreviousButton"), false, this);
    m_next = makeButton(tr("Next"), QStringLiteral("allResultsNextButton"), false, this);
    paging->addWidget(m_previous);
    paging->addWidget(m_next);
    layout->addLayout(paging);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("allResultsMessage"));
    m_message->setProperty("messageKind", QStringLiteral("info"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);
    m_error = makeErrorLabel(QStringLiteral("allResultsError"), this);
    layout->addWidget(m_error);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("Date and time"), tr("User ID"), tr("User name"), tr("Operation"),
        tr("Folder name"), tr("File name"), tr("Version"), tr("Result"), tr("Error code"), tr("Client")});
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("allResultsTable"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    setTabOrder(m_export, m_userId);
    setTabOrder(m_userId, m_dateEnabled);
    setTabOrder(m_dateEnabled, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_action);
    setTabOrder(m_action, m_outcome);
    setTabOrder(m_outcome, m_fileName);
    setTabOrder(m_fileName, searchButton);
    setTabOrder(searchButton, m_previous);
    setTabOrder(m_previous, m_next);
    setTabOrder(m_next, m_table);

    connect(m_dateEnabled, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
    });
    connect(searchButton, &QPushButton::clicked, this, &AllResultsPage::search);
    connect(m_userId, &QLineEdit::returnPressed, this, &AllResultsPage::search);
    connect(m_fileName, &QLineEdit::returnPressed, this, &AllResultsPage::search);
    connect(m_previous, &QPushButton::clicked, this, [this] {
        m_filter.offset = std::max(0, m_filter.offset - kPageSize);
        refresh();
    });
    connect(m_next, &QPushButton::clicked, this, [this] {
        m_filter.offset += kPageSize;
        refresh();
    });
    connect(m_export, &QPushButton::clicked, this, &AllResultsPage::chooseCsvFile);
    clear();
}

void AllResultsPage::setService(AdminService* service)
{
    m_service = service;
}

void AllResultsPage::clear()
{
    m_filter = api::ResultFilter();
    m_filter.limit = kPageSize;
    m_total = 0;
    m_shown = 0;
    m_userId->clear();
    m_fileName->clear();
    m_dateEnabled->setChecked(false);
    m_from->setEnabled(false);
    m_to->setEnabled(false);
    m_action->setCurrentIndex(0);
    m_outcome->setCurrentIndex(0);
    m_model->removeRows(0, m_model->rowCount());
    m_totalLabel->clear();
    m_previous->setEnabled(false);
    m_next->setEnabled(false);
    showMessage(m_message, {});
    showMessage(m_error, {});
}

api::ResultFilter AllResultsPage::filter() const
{
    api::ResultFilter filter;
    filter.userId = m_userId->text().trimmed();
    if (m_dateEnabled->isChecked()) {
        filter.from = m_from->date();
        filter.to = m_to->date();
    }
    const int action = m_action->currentData().toInt();
    if (action >= 0)
        filter.action = static_cast<api::ProcessingResult::Action>(action);
    const int outcome = m_outcome->currentData().toInt();
    if (outcome != 0)
        filter.succeeded = outcome == 1;
    filter.fileName = m_fileName->text().trimmed();
    filter.limit = kPageSize;
    return filter;
}

void AllResultsPage::search()
{
    m_filter = filter();
    refresh();
}

void AllResultsPage::refresh()
{
    if (!m_service)
        return;
    whenReady(this, m_service->allResults(m_filter), [this](const Result<api::ResultPage>& page) {
        if (!page) {
            reportError(page.error());
            return;
        }
        showMessage(m_error, {});
        showPage(*page);
    });
}

void AllResultsPage::showPage(const api::ResultPage& page)
{
    m_total = page.total;
    m_shown = int(page.results.size());
    m_model->removeRows(0, m_model->rowCount());
    for (const api::ProcessingResult& result : page.results) {
        QList<QStandardItem*> row;
        row << new QStandardItem(
            result.occurredAt.toTimeZone(QTimeZone::systemTimeZone()).toString(QStringLiteral("yyyy/MM/dd HH:mm:ss")))
            << new QStandardItem(result.userId) << new QStandardItem(result.userName)
            << new QStandardItem(actionText(result.action)) << new QStandardItem(result.folderName)
            << new QStandardItem(result.fileName)
            << new QStandardItem(result.version > 0 ? QString::number(result.version) : QString())
            << new QStandardItem(result.succeeded ? tr("Succeeded") : tr("Failed"))
            << new QStandardItem(result.errorCode) << new QStandardItem(result.client);
        m_model->appendRow(row);
    }
    m_totalLabel->setText(m_total == 0
            ? tr("No matching data exists.")
            : tr("%1-%2 of %3").arg(m_filter.offset + 1).arg(m_filter.offset + m_shown).arg(m_total));
    m_previous->setEnabled(m_filter.offset > 0);
    m_next->setEnabled(m_filter.offset + m_shown < m_total);
    m_table->resizeColumnsToContents();
    // The stylesheet's cell padding is not in the size hints.
    for (int column = 0; column < ColumnCount - 1; ++column)
        m_table->setColumnWidth(column, m_table->columnWidth(column) + 12);
    emit listed();
}

int AllResultsPage::rowCount() const
{
    return m_model->rowCount();
}

QString AllResultsPage::cell(int row, int column) const
{
    return m_model->index(row, column).data().toString();
}

void AllResultsPage::chooseCsvFile()
{
    const QString name
        = QStringLiteral("processing-results-%1.csv").arg(QDate::currentDate().toString(QStringLiteral("yyyyMMdd")));
    auto* dialog = new QFileDialog(this, tr("Export processing results as CSV"), QDir::home().filePath(name));
    dialog->setObjectName(QStringLiteral("exportCsvDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    connect(dialog, &QFileDialog::fileSelected, this, &AllResultsPage::exportCsvTo);
    dialog->open();
}

void AllResultsPage::exportCsvTo(const QString& path)
{
    if (!m_service || path.isEmpty())
        return;
    // The CSV covers every row of the search shown, not only this page.
    api::ResultFilter csvFilter = m_filter;
    csvFilter.offset = 0;
    m_export->setEnabled(false);
    whenReady(this, m_service->allResultsCsv(csvFilter), [this, path](const Result<QByteArray>& csv) {
        m_export->setEnabled(true);
        if (!csv) {
            reportError(csv.error());
            return;
        }
        const Status written = writeFileAtomically(path, *csv);
        if (!written) {
            reportError(written.error());
            return;
        }
        showMessage(m_error, {});
        showMessage(m_message, tr("Exported to %1.").arg(QDir::toNativeSeparators(path)));
        emit exported(path);
    });
}

void AllResultsPage::reportError(const Error& error)
{
    showFormError(m_error, m_message, error);
    emit failed(error);
}

} // namespace ikkatsu::ui
