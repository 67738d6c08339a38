// Paging belongs to the server (a trail can hold millions of rows); the table only ever holds the page shown.
#include "TrailTable.h"

#include "Style.h"
#include "api/FileDto.h"
#include "common/AtomicFile.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace ikkatsu::ui {

PeriodFilter::PeriodFilter(const QString& label, const QString& namePrefix, QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_enabled = new QCheckBox(label, this);
    m_enabled->setObjectName(namePrefix + QStringLiteral("DateCheck"));
    layout->addWidget(m_enabled);
    m_from = new QDateEdit(this);
    m_from->setObjectName(namePrefix + QStringLiteral("FromEdit"));
    m_to = new QDateEdit(this);
    m_to->setObjectName(namePrefix + QStringLiteral("ToEdit"));
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy/MM/dd"));
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("0000/00/00")) + 72);
    }
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(QStringLiteral("〜"), this));
    layout->addWidget(m_to);
    setFocusProxy(m_enabled);
    setTabOrder(m_enabled, m_from);
    setTabOrder(m_from, m_to);
    connect(m_enabled, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
    });
    clear();
}

QDate PeriodFilter::from() const
{
    return m_enabled->isChecked() ? m_from->date() : QDate();
}

QDate PeriodFilter::to() const
{
    return m_enabled->isChecked() ? m_to->date() : QDate();
}

void PeriodFilter::clear()
{
    m_enabled->setChecked(false);
    const QDate today = api::japanToday();
    m_from->setDate(today.addMonths(-1));
    m_to->setDate(today);
    m_from->setEnabled(false);
    m_to->setEnabled(false);
}

TrailTable::TrailTable(const QStringList& headings, int pageSize, const QString& namePrefix, QWidget* parent)
    : QWidget(parent)
    , m_pageSize(pageSize)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    auto* paging = new QHBoxLayout;
    m_totalLabel = new QLabel(this);
    m_totalLabel->setObjectName(namePrefix + QStringLiteral("TotalLabel"));
    paging->addWidget(m_totalLabel);
    paging->addStretch(1);
    m_previous = makeButton(tr("Previous"), namePrefix + QStringLiteral("PreviousButton"), false, this);
    m_next = makeButton(tr("Next"), namePrefix + QStringLiteral("NextButton"), false, this);
    paging->addWidget(m_previous);
    paging->addWidget(m_next);
    layout->addLayout(paging);

    m_message = new QLabel(this);
    m_message->setObjectName(namePrefix + QStringLiteral("Message"));
    m_message->setProperty("messageKind", QStringLiteral("info"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);
    m_error = makeErrorLabel(namePrefix + QStringLiteral("Error"), this);
    layout->addWidget(m_error);

    m_model = new QStandardItemModel(0, int(headings.size()), this);
    m_model->setHorizontalHeaderLabels(headings);
    m_table = new QTableView(this);
    m_table->setObjectName(namePrefix + QStringLiteral("Table"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    setTabOrder(m_previous, m_next);
    setTabOrder(m_next, m_table);

    connect(
        m_previous, &QPushButton::clicked, this, [this] { emit pageRequested(std::max(0, m_offset - m_pageSize)); });
    connect(m_next, &QPushButton::clicked, this, [this] { emit pageRequested(m_offset + m_pageSize); });
    clear();
}

void TrailTable::showPage(const QList<QStringList>& rows, int offset, int total)
{
    m_offset = offset;
    m_total = total;
    m_shown = int(rows.size());
    m_model->removeRows(0, m_model->rowCount());
    for (const QStringList& cells : rows) {
        QList<QStandardItem*> row;
        for (const QString& text : cells)
            row << new QStandardItem(text);
        m_model->appendRow(row);
    }
    m_totalLabel->setText(m_total == 0 ? tr("No matching data exists.")
                                       : tr("%1-%2 of %3").arg(m_offset + 1).arg(m_offset + m_shown).arg(m_total));
    m_previous->setEnabled(m_offset > 0);
    m_next->setEnabled(m_offset + m_shown < m_total);
    m_table->resizeColumnsToContents();
    // The stylesheet's cell padding is not in the size hints.
    for (int column = 0; column < m_model->columnCount() - 1; ++column)
        m_table->setColumnWidth(column, m_table->columnWidth(column) + 12);
}

void TrailTable::clear()
{
    m_offset = 0;
    m_total = 0;
    m_shown = 0;
    m_model->removeRows(0, m_model->rowCount());
    m_totalLabel->clear();
    m_previous->setEnabled(false);
    m_next->setEnabled(false);
    clearMessages();
}

int TrailTable::rowCount() const
{
    return m_model->rowCount();
}

QString TrailTable::cell(int row, int column) const
{
    return m_model->index(row, column).data().toString();
}

void TrailTable::showInfo(const QString& text)
{
    ikkatsu::ui::showMessage(m_error, {});
    ikkatsu::ui::showMessage(m_message, text);
}

Status TrailTable::saveCsv(const Result<QByteArray>& csv, const QString& path)
{
    if (!csv)
        return csv.error();
    IKK_TRY(writeFileAtomically(path, *csv));
    showInfo(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)));
    return {};
}

void TrailTable::showError(const Error& error)
{
    showFormError(m_error, m_message, error);
}

void TrailTable::clearMessages()
{
    ikkatsu::ui::showMessage(m_message, {});
    ikkatsu::ui::showMessage(m_error, {});
}

void openCsvSaveDialog(
    QWidget* parent, const QString& title, const QString& fileStem, const std::function<void(const QString&)>& chosen)
{
    const QString name
        = QStringLiteral("%1-%2.csv").arg(fileStem, api::japanToday().toString(QStringLiteral("yyyyMMdd")));
    auto* dialog = new QFileDialog(parent, title, QDir::home().filePath(name));
    dialog->setObjectName(QStringLiteral("exportCsvDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(TrailTable::tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    QObject::connect(dialog, &QFileDialog::fileSelected, parent, chosen);
    dialog->open();
}

} // namespace ikkatsu::ui
