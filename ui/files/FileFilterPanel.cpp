// Filters laid out as the manual's form, two labelled conditions per row so that the list below keeps the height
// of a 1280×800 screen.
#include "FileFilterPanel.h"

#include "Style.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace ikkatsu::ui {

namespace {

QLabel* rowName(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("fieldName"));
    label->setMinimumWidth(120);
    return label;
}

QDateEdit* dateEdit(const QString& objectName, QWidget* parent)
{
    auto* edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    //: Display format of the registration date fields (QDateTime format); the manual writes 2019年2月28日.
    edit->setDisplayFormat(FileFilterPanel::tr("yyyy/MM/dd"));
    edit->setMinimumWidth(150);
    return edit;
}

} // namespace

FileFilterPanel::FileFilterPanel(QWidget* parent)
    : QWidget(parent)
    , m_today(api::japanToday())
{
    QFrame* card = makeCard(this);
    auto* outer = new QHBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(card, 1);
    auto* grid = new QGridLayout(card);
    grid->setContentsMargins(1, 1, 1, 1);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(1);

    auto radioRow = [card](QButtonGroup* group, const QStringList& texts, const QString& namePrefix) {
        auto* row = new QWidget(card);
        auto* layout = new QHBoxLayout(row);
        layout->setContentsMargins(6, 2, 6, 2);
        for (int i = 0; i < texts.size(); ++i) {
            auto* button = new QRadioButton(texts[i], row);
            button->setObjectName(namePrefix + QString::number(i));
            group->addButton(button, i);
            layout->addWidget(button);
        }
        layout->addStretch(1);
        return row;
    };

    int row = 0;
    m_myStatus = new QComboBox(card);
    m_myStatus->setObjectName(QStringLiteral("myStatusCombo"));
    m_myStatus->addItem(myStatusText(MyStatus::Unprocessed), int(MyStatus::Unprocessed));
    m_myStatus->addItem(myStatusText(MyStatus::Processed), int(MyStatus::Processed));
    auto* statusRow = new QWidget(card);
    auto* statusLayout = new QHBoxLayout(statusRow);
    statusLayout->setContentsMargins(6, 2, 6, 2);
    statusLayout->addWidget(m_myStatus);
    statusLayout->addStretch(1);
    grid->addWidget(rowName(tr("My processing status"), card), row, 0);
    grid->addWidget(statusRow, row, 1);

    m_target = new QButtonGroup(this);
    grid->addWidget(rowName(tr("Search target"), card), row, 2);
    grid->addWidget(radioRow(m_target, {tr("All files to process"), tr("Files to view"), tr("Files to sign")},
                        QStringLiteral("target")),
        row++, 3);

    m_state = new QButtonGroup(this);
    grid->addWidget(rowName(tr("Signature status"), card), row, 0);
    grid->addWidget(
        radioRow(m_state,
            {anySignatureStatusText(), signatureStatusText(SignatureStatus::Unsigned),
                signatureStatusText(SignatureStatus::Signing), signatureStatusText(SignatureStatus::Signed)},
            QStringLiteral("state")),
        row, 1);

    auto* dates = new QWidget(card);
    auto* datesLayout = new QHBoxLayout(dates);
    datesLayout->setContentsMargins(6, 2, 6, 2);
    m_from = dateEdit(QStringLiteral("registeredFromEdit"), dates);
    m_to = dateEdit(QStringLiteral("registeredToEdit"), dates);
    datesLayout->addWidget(m_from);
    datesLayout->addWidget(new QLabel(QStringLiteral("〜"), dates));
    datesLayout->addWidget(m_to);
    datesLayout->addStretch(1);
    grid->addWidget(rowName(tr("File registration date (*)"), card), row, 2);
    grid->addWidget(dates, row++, 3);

    auto textRow = [card](QLineEdit** edit, const QString& objectName) {
        auto* holder = new QWidget(card);
        auto* layout = new QHBoxLayout(holder);
        layout->setContentsMargins(6, 2, 6, 2);
        *edit = new QLineEdit(holder);
        (*edit)->setObjectName(objectName);
        (*edit)->setMaxLength(200);
        (*edit)->setMinimumWidth(200);
        layout->addWidget(*edit);
        layout->addStretch(1);
        return holder;
    };
    grid->addWidget(rowName(tr("Folder name"), card), row, 0);
    grid->addWidget(textRow(&m_folder, QStringLiteral("folderNameEdit")), row, 1);
    grid->addWidget(rowName(tr("File name"), card), row, 2);
    grid->addWidget(textRow(&m_file, QStringLiteral("fileNameEdit")), row++, 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    // [検索] [クリア] beside the conditions rather than under them: the list below keeps the height.
    auto* buttons = new QVBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    m_search = makeButton(tr("Search"), QStringLiteral("searchButton"), true, this);
    m_clear = makeButton(tr("Clear"), QStringLiteral("clearButton"), false, this);
    m_search->setMinimumWidth(110);
    m_clear->setMinimumWidth(110);
    buttons->addWidget(m_search);
    buttons->addWidget(m_clear);
    buttons->addStretch(1);
    outer->addLayout(buttons);

    connect(m_search, &QPushButton::clicked, this, &FileFilterPanel::searchRequested);
    // [クリア] shows what the defaults find, so that no earlier result (or 「該当するデータが存在しません。」) stays.
    connect(m_clear, &QPushButton::clicked, this, [this] {
        clear();
        emit cleared();
        emit searchRequested();
    });
    connect(m_folder, &QLineEdit::returnPressed, this, &FileFilterPanel::searchRequested);
    connect(m_file, &QLineEdit::returnPressed, this, &FileFilterPanel::searchRequested);
    clear();
}

void FileFilterPanel::setToday(const QDate& today)
{
    m_today = today;
}

FileListFilter FileFilterPanel::filter() const
{
    FileListFilter filter;
    filter.myStatus = static_cast<MyStatus>(m_myStatus->currentData().toInt());
    filter.target = static_cast<FileListFilter::Target>(m_target->checkedId());
    // Button 0 is 全データ (no condition); 1–3 are the states in SignatureStatus order.
    if (m_state->checkedId() > 0)
        filter.signatureStatus = static_cast<SignatureStatus>(m_state->checkedId() - 1);
    filter.registeredFrom = m_from->date();
    filter.registeredTo = m_to->date();
    filter.folderName = m_folder->text().trimmed();
    filter.fileName = m_file->text().trimmed();
    return filter;
}

void FileFilterPanel::setFilter(const FileListFilter& filter)
{
    m_myStatus->setCurrentIndex(m_myStatus->findData(int(filter.myStatus.value_or(MyStatus::Unprocessed))));
    m_target->button(int(filter.target))->setChecked(true);
    m_state->button(filter.signatureStatus ? int(*filter.signatureStatus) + 1 : 0)->setChecked(true);
    m_from->setDate(filter.registeredFrom);
    m_to->setDate(filter.registeredTo);
    m_folder->setText(filter.folderName);
    m_file->setText(filter.fileName);
}

void FileFilterPanel::clear()
{
    setFilter(defaultFileFilter(m_today));
}

} // namespace ikkatsu::ui
