// Files are read when they are sent, not when they are queued, so a queue of many PDFs costs nothing until then;
// every refusal the server gives per file is shown with its code next to the file's name.
#include "FilesPage.h"

#include "Async.h"
#include "PermissionsDialog.h"
#include "SignatureBoxDialog.h"
#include "Style.h"
#include "common/AtomicFile.h"

#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

namespace ikkatsu::ui {

namespace {

enum Column { NameColumn, FolderColumn, RegisteredColumn, StatusColumn, ProgressColumn, OrderColumn, ColumnCount };

QString timeText(const QDateTime& time)
{
    return time.isValid() ? time.toTimeZone(QTimeZone::systemTimeZone()).toString(QStringLiteral("yyyy/MM/dd HH:mm"))
                          : QString();
}

} // namespace

FilesPage::FilesPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("adminFilesPage"));
    setAcceptDrops(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(8);
    layout->addWidget(makePageTitle(tr("Folder and file management"), this));

    auto* form = new QHBoxLayout;
    form->setSpacing(16);
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(8);
    grid->addWidget(new QLabel(tr("Folder"), this), 0, 0);
    m_folder = new QComboBox(this);
    m_folder->setObjectName(QStringLiteral("folderCombo"));
    m_folder->setMinimumWidth(220);
    grid->addWidget(m_folder, 0, 1);
    auto* folderRow = new QHBoxLayout;
    m_newFolder = new QLineEdit(this);
    m_newFolder->setObjectName(QStringLiteral("newFolderEdit"));
    m_newFolder->setMaxLength(200);
    m_newFolder->setPlaceholderText(tr("New folder name"));
    folderRow->addWidget(m_newFolder, 1);
    m_createFolder = makeButton(tr("Create folder"), QStringLiteral("createFolderButton"), false, this);
    folderRow->addWidget(m_createFolder);
    grid->addLayout(folderRow, 1, 1);
    grid->addWidget(new QLabel(tr("View permission"), this), 2, 0);
    m_viewers = new QLineEdit(this);
    m_viewers->setObjectName(QStringLiteral("viewersEdit"));
    m_viewers->setPlaceholderText(tr("User IDs, separated by commas"));
    grid->addWidget(m_viewers, 2, 1);
    grid->addWidget(new QLabel(tr("Sign permission"), this), 3, 0, Qt::AlignTop);
    auto* signerColumn = new QVBoxLayout;
    auto* signerRow = new QHBoxLayout;
    m_signerEdit = new QLineEdit(this);
    m_signerEdit->setObjectName(QStringLiteral("signerEdit"));
    m_signerEdit->setPlaceholderText(tr("User ID of a required signer"));
    signerRow->addWidget(m_signerEdit, 1);
    m_addSigner = makeButton(tr("Add"), QStringLiteral("addSignerButton"), false, this);
    signerRow->addWidget(m_addSigner);
    signerColumn->addLayout(signerRow);
    auto* listRow = new QHBoxLayout;
    m_signers = new QListWidget(this);
    m_signers->setObjectName(QStringLiteral("signersList"));
    m_signers->setMaximumHeight(96);
    listRow->addWidget(m_signers, 1);
    auto* moveColumn = new QVBoxLayout;
    m_signerUp = makeButton(tr("Up"), QStringLiteral("signerUpButton"), false, this);
    m_signerDown = makeButton(tr("Down"), QStringLiteral("signerDownButton"), false, this);
    m_removeSigner = makeButton(tr("Remove"), QStringLiteral("removeSignerButton"), false, this);
    for (QPushButton* button : {m_signerUp, m_signerDown, m_removeSigner})
        moveColumn->addWidget(button);
    moveColumn->addStretch(1);
    listRow->addLayout(moveColumn);
    signerColumn->addLayout(listRow);
    m_ordered = new QCheckBox(tr("Sign in the order of this list"), this);
    m_ordered->setObjectName(QStringLiteral("signOrderedCheck"));
    signerColumn->addWidget(m_ordered);
    grid->addLayout(signerColumn, 3, 1);
    form->addLayout(grid, 1);

    auto* queueColumn = new QVBoxLayout;
    queueColumn->addWidget(makeSectionTitle(tr("PDF files to register"), this));
    m_pendingList = new QListWidget(this);
    m_pendingList->setObjectName(QStringLiteral("pendingFilesList"));
    m_pendingList->setMaximumHeight(120);
    queueColumn->addWidget(m_pendingList);
    queueColumn->addWidget(makeHint(tr("Drop PDF files onto this page, or choose them."), this));
    auto* queueButtons = new QHBoxLayout;
    m_addFiles = makeButton(tr("Choose files..."), QStringLiteral("addFilesButton"), false, this);
    m_clearFiles = makeButton(tr("Clear"), QStringLiteral("clearFilesButton"), false, this);
    m_register = makeButton(tr("Register"), QStringLiteral("registerFilesButton"), true, this);
    queueButtons->addWidget(m_addFiles);
    queueButtons->addWidget(m_clearFiles);
    queueButtons->addStretch(1);
    queueButtons->addWidget(m_register);
    queueColumn->addLayout(queueButtons);
    form->addLayout(queueColumn, 1);

    auto* outcomeColumn = new QVBoxLayout;
    outcomeColumn->addWidget(makeSectionTitle(tr("Registration result"), this));
    m_outcomes = new QTableWidget(0, 2, this);
    m_outcomes->setObjectName(QStringLiteral("outcomesTable"));
    m_outcomes->setHorizontalHeaderLabels({tr("File name"), tr("Result")});
    m_outcomes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_outcomes->verticalHeader()->hide();
    m_outcomes->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_outcomes->horizontalHeader()->setStretchLastSection(true);
    outcomeColumn->addWidget(m_outcomes);
    form->addLayout(outcomeColumn, 1);
    layout->addLayout(form);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("filesMessage"));
    m_message->setProperty("messageKind", QStringLiteral("info"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);
    m_error = makeErrorLabel(QStringLiteral("filesError"), this);
    layout->addWidget(m_error);

    auto* listHeader = new QHBoxLayout;
    listHeader->addWidget(makeSectionTitle(tr("Files of the folder"), this));
    listHeader->addSpacing(16);
    m_totalLabel = new QLabel(this);
    m_totalLabel->setObjectName(QStringLiteral("filesTotalLabel"));
    listHeader->addWidget(m_totalLabel);
    listHeader->addStretch(1);
    m_previous = makeButton(tr("Previous"), QStringLiteral("filesPreviousButton"), false, this);
    m_next = makeButton(tr("Next"), QStringLiteral("filesNextButton"), false, this);
    listHeader->addWidget(m_previous);
    listHeader->addWidget(m_next);
    layout->addLayout(listHeader);

    auto* lists = new QHBoxLayout;
    lists->setSpacing(16);
    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("File name"), tr("Folder name"), tr("File registration date"),
        tr("Signature status"), tr("Signed"), tr("Signing order")});
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("adminFilesTable"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    lists->addWidget(m_table, 3);
    auto* detailColumn = new QVBoxLayout;
    detailColumn->addWidget(makeSectionTitle(tr("Signers of the selected file"), this));
    m_signerStates = new QTableWidget(0, 4, this);
    m_signerStates->setObjectName(QStringLiteral("signerStatesTable"));
    m_signerStates->setHorizontalHeaderLabels({tr("Order"), tr("User ID"), tr("User name"), tr("State")});
    m_signerStates->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_signerStates->verticalHeader()->hide();
    m_signerStates->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_signerStates->horizontalHeader()->setStretchLastSection(true);
    detailColumn->addWidget(m_signerStates, 1);
    m_viewersLabel = new QLabel(this);
    m_viewersLabel->setObjectName(QStringLiteral("fileViewersLabel"));
    m_viewersLabel->setWordWrap(true);
    detailColumn->addWidget(m_viewersLabel);
    auto* versionRow = new QHBoxLayout;
    versionRow->addWidget(new QLabel(tr("Version"), this));
    m_version = new QSpinBox(this);
    m_version->setObjectName(QStringLiteral("versionSpin"));
    m_version->setMinimumWidth(80);
    versionRow->addWidget(m_version);
    m_download = makeButton(tr("Download..."), QStringLiteral("downloadVersionButton"), false, this);
    versionRow->addWidget(m_download);
    versionRow->addStretch(1);
    m_editPermissions
        = makeButton(tr("Change viewers and signers..."), QStringLiteral("editPermissionsButton"), false, this);
    versionRow->addWidget(m_editPermissions);
    m_placeBoxes = makeButton(tr("Place signature boxes..."), QStringLiteral("placeBoxesButton"), false, this);
    versionRow->addWidget(m_placeBoxes);
    detailColumn->addLayout(versionRow);
    lists->addLayout(detailColumn, 2);
    layout->addLayout(lists, 1);

    setTabOrder(m_folder, m_newFolder);
    setTabOrder(m_newFolder, m_createFolder);
    setTabOrder(m_createFolder, m_viewers);
    setTabOrder(m_viewers, m_signerEdit);
    setTabOrder(m_signerEdit, m_addSigner);
    setTabOrder(m_addSigner, m_signers);
    setTabOrder(m_signers, m_signerUp);
    setTabOrder(m_signerUp, m_signerDown);
    setTabOrder(m_signerDown, m_removeSigner);
    setTabOrder(m_removeSigner, m_ordered);
    setTabOrder(m_ordered, m_pendingList);
    setTabOrder(m_pendingList, m_addFiles);
    setTabOrder(m_addFiles, m_clearFiles);
    setTabOrder(m_clearFiles, m_register);
    setTabOrder(m_register, m_outcomes);
    setTabOrder(m_outcomes, m_previous);
    setTabOrder(m_previous, m_next);
    setTabOrder(m_next, m_table);
    setTabOrder(m_table, m_signerStates);
    setTabOrder(m_signerStates, m_version);
    setTabOrder(m_version, m_download);

    connect(m_createFolder, &QPushButton::clicked, this, &FilesPage::createFolder);
    connect(m_newFolder, &QLineEdit::returnPressed, this, &FilesPage::createFolder);
    connect(m_folder, &QComboBox::activated, this, [this] {
        m_offset = 0;
        loadFiles();
    });
    connect(m_addSigner, &QPushButton::clicked, this, &FilesPage::addSigner);
    connect(m_signerEdit, &QLineEdit::returnPressed, this, &FilesPage::addSigner);
    connect(m_signers, &QListWidget::currentRowChanged, this, &FilesPage::updateActions);
    connect(m_signerUp, &QPushButton::clicked, this, [this] { moveSigner(-1); });
    connect(m_signerDown, &QPushButton::clicked, this, [this] { moveSigner(1); });
    connect(m_removeSigner, &QPushButton::clicked, this, [this] {
        delete m_signers->takeItem(m_signers->currentRow());
        updateActions();
    });
    connect(m_addFiles, &QPushButton::clicked, this, &FilesPage::chooseFiles);
    connect(m_clearFiles, &QPushButton::clicked, this, [this] {
        m_pending.clear();
        m_pendingList->clear();
        updateActions();
    });
    connect(m_register, &QPushButton::clicked, this, &FilesPage::registerPending);
    connect(m_previous, &QPushButton::clicked, this, [this] {
        m_offset = std::max(0, m_offset - kPageSize);
        loadFiles();
    });
    connect(m_next, &QPushButton::clicked, this, [this] {
        m_offset += kPageSize;
        loadFiles();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &FilesPage::loadDetails);
    connect(m_download, &QPushButton::clicked, this, &FilesPage::chooseVersionFile);
    connect(m_editPermissions, &QPushButton::clicked, this, &FilesPage::editPermissions);
    connect(m_placeBoxes, &QPushButton::clicked, this, &FilesPage::placeSignatureBoxes);
    clear();
}

void FilesPage::setService(AdminService* service)
{
    m_service = service;
}

void FilesPage::clear()
{
    m_pending.clear();
    m_pendingList->clear();
    m_files.clear();
    m_offset = 0;
    m_total = 0;
    m_folder->clear();
    m_newFolder->clear();
    m_viewers->clear();
    m_signerEdit->clear();
    m_signers->clear();
    m_ordered->setChecked(false);
    m_outcomes->setRowCount(0);
    m_model->removeRows(0, m_model->rowCount());
    m_signerStates->setRowCount(0);
    m_viewersLabel->clear();
    m_detail.reset();
    m_totalLabel->clear();
    showMessage(m_message, {});
    showMessage(m_error, {});
    updateActions();
}

void FilesPage::refresh()
{
    loadFolders(selectedFolderId());
}

QString FilesPage::selectedFolderId() const
{
    return m_folder->currentData().toString();
}

void FilesPage::loadFolders(const QString& selectFolderId)
{
    if (!m_service)
        return;
    whenReady(this, m_service->folders(), [this, selectFolderId](const Result<QList<api::FolderInfo>>& folders) {
        if (!folders) {
            reportError(folders.error());
            return;
        }
        m_folder->clear();
        for (const api::FolderInfo& folder : *folders)
            m_folder->addItem(tr("%1 (%n file(s))", nullptr, folder.fileCount).arg(folder.name), folder.folderId);
        const int index = m_folder->findData(selectFolderId);
        m_folder->setCurrentIndex(index >= 0 ? index : (m_folder->count() > 0 ? 0 : -1));
        updateActions();
        emit foldersListed();
        loadFiles();
    });
}

void FilesPage::createFolder()
{
    const QString name = m_newFolder->text().trimmed();
    if (!m_service || name.isEmpty())
        return;
    m_createFolder->setEnabled(false);
    whenReady(this, m_service->createFolder(name), [this](const Result<api::FolderInfo>& folder) {
        m_createFolder->setEnabled(true);
        if (!folder) {
            reportError(folder.error());
            return;
        }
        m_newFolder->clear();
        reportDone(tr("Folder %1 was created.").arg(folder->name));
        loadFolders(folder->folderId);
    });
}

void FilesPage::chooseFiles()
{
    auto* dialog = new QFileDialog(this, tr("Choose PDF files to register"));
    dialog->setObjectName(QStringLiteral("chooseFilesDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setNameFilters({tr("PDF files (*.pdf)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::filesSelected, this, &FilesPage::addFiles);
    dialog->open();
}

void FilesPage::addFiles(const QStringList& paths)
{
    for (const QString& path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (!QFileInfo(absolute).isFile() || m_pending.contains(absolute))
            continue;
        m_pending.append(absolute);
        m_pendingList->addItem(QFileInfo(absolute).fileName());
    }
    updateActions();
}

void FilesPage::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void FilesPage::dropEvent(QDropEvent* event)
{
    QStringList paths;
    const QList<QUrl> urls = event->mimeData()->urls();
    for (const QUrl& url : urls) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    addFiles(paths);
    event->acceptProposedAction();
}

void FilesPage::addSigner()
{
    const QStringList ids = userIds(m_signerEdit->text());
    for (const QString& id : ids) {
        if (m_signers->findItems(id, Qt::MatchExactly).isEmpty())
            m_signers->addItem(id);
    }
    m_signerEdit->clear();
    updateActions();
}

void FilesPage::moveSigner(int delta)
{
    const int row = m_signers->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_signers->count())
        return;
    QListWidgetItem* item = m_signers->takeItem(row);
    m_signers->insertItem(target, item);
    m_signers->setCurrentRow(target);
}

QStringList FilesPage::userIds(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,、，]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

void FilesPage::registerPending()
{
    if (!m_service || m_pending.isEmpty() || m_busy)
        return;
    const QString folderId = selectedFolderId();
    if (folderId.isEmpty()) {
        reportError(makeError(ErrorCode::FolderNotFound));
        return;
    }
    QStringList signers;
    for (int row = 0; row < m_signers->count(); ++row)
        signers.append(m_signers->item(row)->text());
    const QStringList viewers = userIds(m_viewers->text());
    QList<api::NewFile> files;
    QList<api::NewFileOutcome> unreadable;
    for (const QString& path : std::as_const(m_pending)) {
        QFile file(path);
        api::NewFile entry;
        entry.name = QFileInfo(path).fileName();
        if (!file.open(QIODevice::ReadOnly)) {
            api::NewFileOutcome outcome;
            outcome.name = entry.name;
            outcome.code = ErrorCode::FileNotFound;
            unreadable.append(outcome);
            continue;
        }
        entry.content = file.readAll();
        entry.viewers = viewers;
        entry.signers = signers;
        entry.signOrdered = m_ordered->isChecked() && signers.size() > 1;
        files.append(entry);
    }
    m_busy = true;
    updateActions();
    showMessage(m_error, {});
    showMessage(m_message, tr("Registering %n file(s)...", nullptr, int(files.size())));
    whenReady(this, m_service->registerFiles(folderId, files),
        [this, folderId, unreadable](const Result<QList<api::NewFileOutcome>>& outcomes) {
            m_busy = false;
            if (!outcomes) {
                updateActions();
                reportError(outcomes.error());
                return;
            }
            QList<api::NewFileOutcome> all = *outcomes;
            all.append(unreadable);
            showOutcomes(all);
            m_pending.clear();
            m_pendingList->clear();
            updateActions();
            emit registered();
            loadFolders(folderId);
        });
}

void FilesPage::showOutcomes(const QList<api::NewFileOutcome>& outcomes)
{
    int stored = 0;
    m_outcomes->setRowCount(int(outcomes.size()));
    for (int row = 0; row < outcomes.size(); ++row) {
        const api::NewFileOutcome& outcome = outcomes.at(row);
        m_outcomes->setItem(row, 0, new QTableWidgetItem(outcome.name));
        QString text;
        if (outcome.file) {
            ++stored;
            text = tr("Registered");
        } else {
            text = errorText(makeError(outcome.code));
        }
        auto* item = new QTableWidgetItem(text);
        item->setToolTip(text);
        item->setData(Qt::UserRole, outcome.file ? QString() : errorCodeText(outcome.code));
        if (!outcome.file)
            item->setForeground(QColor(0xb0, 0x1c, 0x1c));
        m_outcomes->setItem(row, 1, item);
    }
    const int refused = int(outcomes.size()) - stored;
    if (refused == 0) {
        reportDone(tr("%n file(s) were registered.", nullptr, stored));
    } else {
        showMessage(m_message, {});
        showMessage(
            m_error, tr("%1 file(s) were registered; %2 were refused (see the codes).").arg(stored).arg(refused));
    }
}

int FilesPage::outcomeCount() const
{
    return m_outcomes->rowCount();
}

void FilesPage::loadFiles()
{
    if (!m_service)
        return;
    const QString folderId = selectedFolderId();
    if (folderId.isEmpty()) {
        showFiles({});
        return;
    }
    whenReady(this, m_service->files(folderId, m_offset, kPageSize), [this](const Result<api::FileListPage>& page) {
        if (!page) {
            reportError(page.error());
            return;
        }
        showFiles(*page);
    });
}

QString FilesPage::statusText(api::SignatureStatus status)
{
    switch (status) {
    case api::SignatureStatus::Unsigned:
        return tr("Unsigned");
    case api::SignatureStatus::Signing:
        return tr("Signing");
    case api::SignatureStatus::Signed:
        return tr("Signed");
    }
    return {};
}

void FilesPage::showFiles(const api::FileListPage& page)
{
    const QString selected = m_table->currentIndex().isValid() ? fileIdAt(m_table->currentIndex().row()) : QString();
    m_files = page.files;
    m_total = page.total;
    m_model->removeRows(0, m_model->rowCount());
    for (const api::FileEntry& file : std::as_const(m_files)) {
        QList<QStandardItem*> row;
        row << new QStandardItem(file.name) << new QStandardItem(file.folderName)
            << new QStandardItem(timeText(file.registeredAt)) << new QStandardItem(statusText(file.status))
            << new QStandardItem(QStringLiteral("%1 / %2").arg(file.signedCount).arg(file.requiredSigners))
            << new QStandardItem(file.signOrdered ? tr("Ordered") : tr("Any order"));
        m_model->appendRow(row);
    }
    m_totalLabel->setText(m_total == 0
            ? tr("No files")
            : tr("%1-%2 of %3").arg(m_offset + 1).arg(m_offset + int(m_files.size())).arg(m_total));
    if (isVisible())
        fitColumns();
    for (int row = 0; row < m_files.size(); ++row) {
        if (m_files.at(row).fileId == selected)
            selectFile(row);
    }
    if (!m_table->currentIndex().isValid()) {
        m_signerStates->setRowCount(0);
        m_viewersLabel->clear();
        m_detail.reset();
    }
    updateActions();
    emit filesListed();
}

int FilesPage::fileRowCount() const
{
    return m_model->rowCount();
}

QString FilesPage::fileIdAt(int row) const
{
    return row >= 0 && row < m_files.size() ? m_files.at(row).fileId : QString();
}

bool FilesPage::selectFile(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return false;
    m_table->selectRow(row);
    return true;
}

void FilesPage::loadDetails()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (!m_service || rows.isEmpty())
        return;
    const QString fileId = fileIdAt(rows.first().row());
    whenReady(this, m_service->fileDetail(fileId), [this, fileId](const Result<api::FileEntry>& file) {
        if (!file) {
            reportError(file.error());
            return;
        }
        const QModelIndexList current = m_table->selectionModel()->selectedRows();
        if (current.isEmpty() || fileIdAt(current.first().row()) != fileId)
            return; // the selection moved on meanwhile
        showDetails(*file);
    });
}

void FilesPage::showDetails(const api::FileEntry& file)
{
    m_detail = file;
    // Every version stays on the server; the newest is preselected.
    m_version->setRange(1, std::max(1, file.version));
    m_version->setValue(file.version);
    m_signerStates->setRowCount(int(file.signers.size()));
    for (int row = 0; row < file.signers.size(); ++row) {
        const api::SignerState& signer = file.signers.at(row);
        m_signerStates->setItem(row, 0, new QTableWidgetItem(QString::number(signer.position)));
        m_signerStates->setItem(row, 1, new QTableWidgetItem(signer.userId));
        m_signerStates->setItem(row, 2, new QTableWidgetItem(signer.userName));
        m_signerStates->setItem(row, 3,
            new QTableWidgetItem(
                signer.hasSigned ? tr("Signed (%1)").arg(timeText(signer.signedAt)) : tr("Not signed")));
    }
    m_viewersLabel->setText(
        tr("View permission: %1").arg(file.viewers.isEmpty() ? tr("none") : file.viewers.join(QStringLiteral(", "))));
    // The version choice and ダウンロード depend on the file shown: enable them now, not at the next click.
    updateActions();
    emit detailsShown();
}

void FilesPage::updateActions()
{
    const int row = m_signers->currentRow();
    m_signerUp->setEnabled(row > 0);
    m_signerDown->setEnabled(row >= 0 && row + 1 < m_signers->count());
    m_removeSigner->setEnabled(row >= 0);
    m_clearFiles->setEnabled(!m_pending.isEmpty() && !m_busy);
    m_register->setEnabled(!m_pending.isEmpty() && !m_busy && m_folder->currentIndex() >= 0);
    m_register->setText(
        m_pending.isEmpty() ? tr("Register") : tr("Register %n file(s)", nullptr, int(m_pending.size())));
    m_previous->setEnabled(m_offset > 0);
    m_next->setEnabled(m_offset + m_files.size() < m_total);
    m_version->setEnabled(m_detail.has_value());
    m_download->setEnabled(m_detail.has_value());
    m_editPermissions->setEnabled(m_detail.has_value() && m_service);
    m_placeBoxes->setEnabled(m_detail.has_value() && m_service && !m_detail->signers.isEmpty());
}

void FilesPage::editPermissions()
{
    if (!m_detail || !m_service)
        return;
    auto* dialog = new PermissionsDialog(m_service, *m_detail, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PermissionsDialog::saved, this, [this](const api::FileEntry& file) {
        showDetails(file);
        reportDone(tr("The viewers and signers of %1 were changed.").arg(file.name));
        loadFiles();
    });
    dialog->open();
}

void FilesPage::placeSignatureBoxes()
{
    if (!m_detail || !m_service)
        return;
    auto* dialog = new SignatureBoxDialog(m_service, *m_detail, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString name = m_detail->name;
    connect(dialog, &SignatureBoxDialog::saved, this, [this, name] {
        reportDone(tr("The signature boxes of %1 were saved as a new version.").arg(name));
        loadFiles();
        loadDetails();
        emit signatureBoxesSaved();
    });
    dialog->open();
}

void FilesPage::chooseVersionFile()
{
    if (!m_detail)
        return;
    const int version = m_version->value();
    QString name = m_detail->name;
    if (version != m_detail->version) {
        // Older versions get the version in the name so that they do not pass for the current file.
        const QFileInfo info(name);
        name = QStringLiteral("%1_v%2.%3").arg(info.completeBaseName()).arg(version).arg(info.suffix());
    }
    auto* dialog = new QFileDialog(
        this, tr("Save version %1 of %2").arg(version).arg(m_detail->name), QDir::home().filePath(name));
    dialog->setObjectName(QStringLiteral("saveVersionDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("PDF files (*.pdf)"));
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    connect(dialog, &QFileDialog::fileSelected, this,
        [this, version](const QString& path) { saveVersionTo(version, path); });
    dialog->open();
}

void FilesPage::saveVersionTo(int version, const QString& path)
{
    if (!m_service || !m_detail || path.isEmpty())
        return;
    m_download->setEnabled(false);
    whenReady(this, m_service->fileVersion(m_detail->fileId, version),
        [this, version, path](const Result<QByteArray>& bytes) {
            updateActions();
            if (!bytes) {
                reportError(bytes.error());
                return;
            }
            const Status written = writeFileAtomically(path, *bytes);
            if (!written) {
                reportError(written.error());
                return;
            }
            reportDone(tr("Version %1 was saved to %2.").arg(version).arg(QDir::toNativeSeparators(path)));
            emit versionSaved(path);
        });
}

void FilesPage::reportError(const Error& error)
{
    showFormError(m_error, m_message, error);
    emit failed(error);
}

void FilesPage::reportDone(const QString& text)
{
    showMessage(m_error, {});
    showMessage(m_message, text);
}

void FilesPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    fitColumns();
}

void FilesPage::fitColumns()
{
    m_table->resizeColumnsToContents();
    // The stylesheet's cell padding is not in the size hints.
    for (int column = 0; column < ColumnCount - 1; ++column)
        m_table->setColumnWidth(column, m_table->columnWidth(column) + 12);
}

} // namespace ikkatsu::ui
