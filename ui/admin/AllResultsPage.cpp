// The filter is applied by the server (the trail can be long); the CSV is the server's bytes, BOM included, written
// to disk unchanged and atomically so a failed export never leaves half a file.
#include "AllResultsPage.h"

#include "Async.h"
#include "Style.h"
#include "TrailTable.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

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
    m_period = new PeriodFilter(tr("Date"), QStringLiteral("allResults"), this);
    filters->addWidget(m_period);
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

    m_table = new TrailTable({tr("Date and time"), tr("User ID"), tr("User name"), tr("Operation"), tr("Folder name"),
                                 tr("File name"), tr("Version"), tr("Result"), tr("Error code"), tr("Client")},
        kPageSize, QStringLiteral("allResults"), this);
    layout->addWidget(m_table, 1);

    setTabOrder(m_export, m_userId);
    setTabOrder(m_userId, m_period);
    setTabOrder(m_period, m_action);
    setTabOrder(m_action, m_outcome);
    setTabOrder(m_outcome, m_fileName);
    setTabOrder(m_fileName, searchButton);
    setTabOrder(searchButton, m_table->previousButton());

    connect(searchButton, &QPushButton::clicked, this, &AllResultsPage::search);
    connect(m_userId, &QLineEdit::returnPressed, this, &AllResultsPage::search);
    connect(m_fileName, &QLineEdit::returnPressed, this, &AllResultsPage::search);
    connect(m_table, &TrailTable::pageRequested, this, [this](int offset) {
        m_filter.offset = offset;
        refresh();
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        openCsvSaveDialog(this, tr("Export processing results as CSV"), QStringLiteral("processing-results"),
            [this](const QString& path) { exportCsvTo(path); });
    });
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
    m_userId->clear();
    m_fileName->clear();
    m_period->clear();
    m_action->setCurrentIndex(0);
    m_outcome->setCurrentIndex(0);
    m_table->clear();
}

api::ResultFilter AllResultsPage::filter() const
{
    api::ResultFilter filter;
    filter.userId = m_userId->text().trimmed();
    filter.from = m_period->from();
    filter.to = m_period->to();
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
        m_table->clearMessages();
        showPage(*page);
    });
}

void AllResultsPage::showPage(const api::ResultPage& page)
{
    QList<QStringList> rows;
    for (const api::ProcessingResult& result : page.results) {
        rows << QStringList {
            result.occurredAt.toTimeZone(QTimeZone::systemTimeZone()).toString(QStringLiteral("yyyy/MM/dd HH:mm:ss")),
            result.userId, result.userName, actionText(result.action), result.folderName, result.fileName,
            result.version > 0 ? QString::number(result.version) : QString(),
            result.succeeded ? tr("Succeeded") : tr("Failed"), result.errorCode, result.client};
    }
    m_table->showPage(rows, m_filter.offset, page.total);
    emit listed();
}

int AllResultsPage::rowCount() const
{
    return m_table->rowCount();
}

QString AllResultsPage::cell(int row, int column) const
{
    return m_table->cell(row, column);
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
        const Status saved = m_table->saveCsv(csv, path);
        if (!saved)
            return reportError(saved.error());
        emit exported(path);
    });
}

void AllResultsPage::reportError(const Error& error)
{
    m_table->showError(error);
    emit failed(error);
}

} // namespace ikkatsu::ui
