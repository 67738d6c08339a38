// Batch signing as a view of core's BatchSession: the table shows each file's stage and pre-flight, the dialog asks
// the PIN (and document passwords) and draws the seal. A file is either uploaded fully signed or left untouched.
#include "BatchSignDialog.h"

#include "Async.h"
#include "BatchJournal.h"
#include "Logging.h"
#include "SecretInput.h"
#include "Style.h"
#include "signing/UserSeal.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace ikkatsu::ui {

namespace {

enum Column { FileColumn, FolderColumn, ProgressColumn, PreflightColumn, StatusColumn };
constexpr int kStepsPerFile = 3; // download, sign, upload

QString stageText(BatchSignDialog::Stage stage)
{
    switch (stage) {
    case BatchSignDialog::Stage::Skipped:
        return BatchSignDialog::tr("Skipped");
    case BatchSignDialog::Stage::Waiting:
        return BatchSignDialog::tr("Waiting");
    case BatchSignDialog::Stage::Downloading:
        return BatchSignDialog::tr("Downloading");
    case BatchSignDialog::Stage::Signing:
        return BatchSignDialog::tr("Signing");
    case BatchSignDialog::Stage::Uploading:
        return BatchSignDialog::tr("Uploading");
    case BatchSignDialog::Stage::Done:
        return BatchSignDialog::tr("Completed");
    case BatchSignDialog::Stage::Failed:
        return BatchSignDialog::tr("Failed");
    case BatchSignDialog::Stage::Cancelled:
        return BatchSignDialog::tr("Cancelled");
    }
    return {};
}

int stageSteps(BatchSignDialog::Stage stage)
{
    switch (stage) {
    case BatchSignDialog::Stage::Signing:
        return 1;
    case BatchSignDialog::Stage::Uploading:
        return 2;
    case BatchSignDialog::Stage::Done:
        return 3;
    default:
        return 0;
    }
}

} // namespace

BatchSignDialog::BatchSignDialog(
    FileSource* source, const QString& keyStorePath, const QList<FileEntry>& entries, QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_keyStorePath(keyStorePath)
    , m_entries(entries)
{
    setObjectName(QStringLiteral("batchSignDialog"));
    setWindowTitle(tr("Batch e-signature"));
    resize(900, 600);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(makePageTitle(tr("Batch e-signature"), this));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("batchSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("batchFileTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("File name"), tr("Folder name"), tr("Progress"), tr("Before signing"), tr("Status")});
    // Reasons are read in full: wrapped, never elided (a tooltip alone is not enough).
    m_table->setWordWrap(true);
    m_table->setTextElideMode(Qt::ElideNone);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PreflightColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(FileColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(FolderColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ProgressColumn, QHeaderView::Fixed);
    m_table->horizontalHeader()->resizeSection(ProgressColumn, 120);
    m_table->horizontalHeader()->setSectionResizeMode(StatusColumn, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);

    QList<client::BatchFile> files;
    for (const FileEntry& entry : entries) {
        client::BatchFile file;
        file.fileId = entry.fileId;
        file.name = entry.folderName + QLatin1Char('/') + entry.name;
        file.maySign = entry.myPermission == api::Permission::Sign;
        file.signedByMe = signedByMe(entry);
        file.myTurn = entry.myTurn;
        files.append(file);
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, FileColumn, new QTableWidgetItem(entry.name));
        m_table->setItem(row, FolderColumn, new QTableWidgetItem(entry.folderName));
        auto* cell = new QWidget(m_table);
        auto* cellLayout = new QHBoxLayout(cell);
        cellLayout->setContentsMargins(8, 0, 8, 0);
        auto* bar = new QProgressBar(cell);
        bar->setObjectName(QStringLiteral("fileProgress%1").arg(row));
        bar->setRange(0, kStepsPerFile);
        bar->setTextVisible(false);
        bar->setFixedHeight(10);
        cellLayout->addWidget(bar);
        m_table->setCellWidget(row, ProgressColumn, cell);
        m_table->setItem(row, PreflightColumn, new QTableWidgetItem);
        m_table->setItem(row, StatusColumn, new QTableWidgetItem);
    }
    m_session = new client::BatchSession(source, files, this);
    for (int row = 0; row < m_session->count(); ++row) {
        m_shown.append(m_session->file(row).stage);
        showFile(row);
    }
    const int signable = m_session->count() - m_session->countIn(Stage::Skipped);
    m_summary->setText(tr("%1 files selected: %2 will be signed, %3 skipped.")
                           .arg(entries.size())
                           .arg(signable)
                           .arg(entries.size() - signable));

    m_pages = new QStackedWidget(this);
    m_pages->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    // Page 0: PIN once.
    auto* pinPage = new QWidget(m_pages);
    auto* pinLayout = new QVBoxLayout(pinPage);
    pinLayout->setContentsMargins(0, 0, 0, 0);
    auto* pinRow = new QHBoxLayout;
    auto* pinLabel = new QLabel(tr("Signing PIN"), pinPage);
    m_pin = new QLineEdit(pinPage);
    m_pin->setObjectName(QStringLiteral("batchPinEdit"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMaxLength(20);
    m_pin->setMinimumWidth(240);
    pinLabel->setBuddy(m_pin);
    pinRow->addWidget(pinLabel);
    pinRow->addWidget(m_pin);
    pinRow->addStretch(1);
    pinLayout->addLayout(pinRow);
    pinLayout->addWidget(makeHint(tr("The PIN is asked once for the whole batch."), pinPage));
    m_pinError = makeErrorLabel(QStringLiteral("batchPinError"), pinPage);
    pinLayout->addWidget(m_pinError);
    m_pages->addWidget(pinPage);
    // Page 1: progress.
    auto* progressPage = new QWidget(m_pages);
    auto* progressLayout = new QVBoxLayout(progressPage);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    m_phase = new QLabel(progressPage);
    m_phase->setObjectName(QStringLiteral("batchPhase"));
    progressLayout->addWidget(m_phase);
    m_overall = new QProgressBar(progressPage);
    m_overall->setObjectName(QStringLiteral("batchOverallProgress"));
    m_overall->setRange(0, std::max(1, signable * kStepsPerFile));
    m_overall->setValue(0);
    progressLayout->addWidget(m_overall);
    m_pages->addWidget(progressPage);
    layout->addWidget(m_pages);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_start = makeButton(tr("Sign"), QStringLiteral("batchStartButton"), true, this);
    m_start->setEnabled(signable > 0);
    m_cancelButton = makeButton(tr("Cancel"), QStringLiteral("batchCancelButton"), false, this);
    m_close = makeButton(tr("Close"), QStringLiteral("batchCloseButton"), false, this);
    m_close->hide();
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);

    connect(m_start, &QPushButton::clicked, this, &BatchSignDialog::start);
    connect(m_pin, &QLineEdit::returnPressed, this, &BatchSignDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &BatchSignDialog::reject);
    connect(m_close, &QPushButton::clicked, this, &BatchSignDialog::accept);
    setTabOrder(m_pin, m_start);
    setTabOrder(m_start, m_cancelButton);
    setTabOrder(m_cancelButton, m_table);
    // The PIN is asked only once every file was checked (finishPreflight).
    m_pin->setEnabled(false);
    m_start->setEnabled(false);
    m_summary->setText(tr("Checking the %n file(s) before signing…", nullptr, int(entries.size())));
    connect(m_session, &client::BatchSession::fileChanged, this, &BatchSignDialog::showFile);
    connect(m_session, &client::BatchSession::checked, this, &BatchSignDialog::checked);
    connect(m_session, &client::BatchSession::signingStarted, this, &BatchSignDialog::signingStarted);
    connect(m_session, &client::BatchSession::finished, this, &BatchSignDialog::finish);
    connect(m_session, &client::BatchSession::unlockFailed, this, [this](const Error& error) {
        showError(m_pinError, error);
        m_start->setEnabled(true);
        m_pin->setEnabled(true);
        m_pin->setFocus();
    });
    // After the constructor, so that a test (or the window) can watch the session's signals from the first file.
    QTimer::singleShot(0, m_session, &client::BatchSession::check);
}

BatchSignDialog::~BatchSignDialog() = default;

QString BatchSignDialog::statusText(int row) const
{
    const QTableWidgetItem* cell = m_table->item(row, StatusColumn);
    return cell ? cell->text() : QString();
}

void BatchSignDialog::showFile(int row)
{
    const client::BatchSession::File& file = m_session->file(row);
    const Stage stage = file.stage;
    const Stage before = std::exchange(m_shown[row], stage);
    // A local folder keeps its own 処理結果; a server recorded the upload itself.
    if (before == Stage::Uploading && (stage == Stage::Done || stage == Stage::Failed)) {
        ProcessingRecord record;
        record.occurredAt = QDateTime::currentDateTimeUtc();
        record.fileId = m_entries.at(row).fileId;
        record.fileName = m_entries.at(row).name;
        record.folderName = m_entries.at(row).folderName;
        record.action = ProcessingRecord::Action::Sign;
        record.succeeded = stage == Stage::Done;
        if (!record.succeeded)
            record.errorCode = file.error.codeText();
        m_source->record(record);
    }
    if (file.checked && before != stage)
        showPreflight(row);
    QString text = stageText(stage);
    const PreflightFinding* reason = file.preflight.decisive();
    if (stage == Stage::Skipped && reason)
        // The status names the reason in full, not only the code's short message.
        text = tr("Cannot be signed (%1): %2").arg(file.error.codeText(), reason->text);
    else if (stage == Stage::Skipped || stage == Stage::Failed || stage == Stage::Cancelled)
        text += QStringLiteral(": ") + errorText(file.error);
    // Done says what the file is now: 署名済, or 署名中 while other signers remain.
    if (stage == Stage::Done)
        text = file.after == api::SignatureStatus::Signed ? tr("Completed (signed: every signature is in)")
                                                          : tr("Completed (signing: other signers remain)");
    QTableWidgetItem* cell = m_table->item(row, StatusColumn);
    cell->setText(text);
    cell->setToolTip(text);
    cell->setForeground(stage == Stage::Done                       ? QColor(0x2e, 0x7d, 0x32)
            : stage == Stage::Failed                               ? QColor(0xb3, 0x26, 0x1e)
            : stage == Stage::Skipped || stage == Stage::Cancelled ? QColor(0x6b, 0x77, 0x85)
                                                                   : QColor(0x1d, 0x27, 0x33));
    if (auto* bar = m_table->cellWidget(row, ProgressColumn)->findChild<QProgressBar*>())
        bar->setValue(stageSteps(stage));
    updateOverall();
    if (m_started && (stage == Stage::Done || stage == Stage::Failed || stage == Stage::Cancelled))
        writeJournal();
}

void BatchSignDialog::showPreflight(int row)
{
    const PreflightReport& report = m_session->file(row).preflight;
    QStringList lines;
    for (const PreflightFinding& finding : report.findings)
        lines << Preflight::severityLabel(finding.severity) + QStringLiteral(": ") + finding.text;
    // A report of a file that was read (it knows the PDF version) and found nothing: said, not left blank.
    if (lines.isEmpty() && !report.pdfVersion.isEmpty())
        lines << tr("Nothing to report: the signature is added as it is.");
    QTableWidgetItem* cell = m_table->item(row, PreflightColumn);
    cell->setText(lines.join(QLatin1Char('\n')));
    cell->setForeground(report.worst() == PreflightSeverity::Blocks ? QColor(0xb3, 0x26, 0x1e)
            : report.worst() == PreflightSeverity::Info             ? QColor(0x1d, 0x27, 0x33)
                                                                    : QColor(0x8a, 0x5a, 0x00));
}

void BatchSignDialog::updateOverall()
{
    if (!m_overall)
        return;
    int units = 0;
    int total = 0;
    for (int row = 0; row < m_session->count(); ++row) {
        const Stage stage = m_session->file(row).stage;
        if (stage == Stage::Skipped)
            continue;
        total += kStepsPerFile;
        units += stage == Stage::Failed || stage == Stage::Cancelled ? kStepsPerFile : stageSteps(stage);
    }
    m_overall->setRange(0, std::max(1, total));
    m_overall->setValue(units);
}

void BatchSignDialog::setSeal(
    const api::SealSettings& settings, const QString& userId, const QString& userName, const QString& company)
{
    m_seal = SealOwner {settings, userId, userName, company};
}

void BatchSignDialog::start()
{
    if (m_session->isRunning() || !m_start->isEnabled())
        return;
    SecureBuffer pin = takeSecret(m_pin);
    m_pinError->hide();
    SignatureOptions options;
    options.reason = tr("Batch e-signature");
    options.signingTime = QDateTime::currentDateTimeUtc();
    // The 印影 is drawn once here and shared by every file of the batch; only its place is decided per file.
    std::optional<SealDefaults> placement;
    if (m_seal) {
        auto seal
            = buildUserSeal(m_seal->settings, m_seal->userId, m_seal->userName, m_seal->company, options.signingTime);
        if (!seal.ok()) {
            showError(m_pinError, seal.error());
            return;
        }
        options.seal = seal->appearance;
        if (seal->appearance)
            placement = seal->placement;
    }
    m_start->setEnabled(false);
    m_pin->setEnabled(false);
    m_session->sign(m_keyStorePath, std::move(pin), options, placement);
}

void BatchSignDialog::signingStarted()
{
    m_started = true;
    qCInfo(lcBatch) << "signing started";
    writeJournal();
    m_pages->setCurrentIndex(1);
    m_start->hide();
    m_cancelButton->setFocus();
    m_phase->setText(tr("Signing %n file(s) on this computer…", nullptr, m_session->countIn(Stage::Signing)));
}

// Pending = not finished yet, cancelled, or failed because the server could not be reached: what a resume would
// still have to sign. Files the server refused carry their code in the result instead; the user decides about those.
void BatchSignDialog::writeJournal()
{
    if (m_journal)
        m_journal->write(m_session->pendingFileIds());
}

void BatchSignDialog::finish()
{
    writeJournal();
    m_phase->setText(tr("Finished: %1 signed, %2 failed, %3 skipped, %4 cancelled.")
                         .arg(signedCount())
                         .arg(failedCount())
                         .arg(m_session->countIn(Stage::Skipped))
                         .arg(m_session->countIn(Stage::Cancelled)));
    m_overall->setValue(m_overall->maximum());
    m_cancelButton->hide();
    m_close->show();
    m_close->setDefault(true);
    m_close->setFocus();
    emit batchFinished(signedCount());
}

// Closing while running means cancel: what is under way finishes or rolls back, nothing is left half-done.
void BatchSignDialog::reject()
{
    if (m_session->isRunning()) {
        m_session->cancel();
        m_cancelButton->setEnabled(false);
        m_phase->setText(tr("Cancelling: files already under way are finished or left untouched…"));
        return;
    }
    m_session->cancel();
    QDialog::reject();
}

// ---- Pre-flight: every file is downloaded and checked before the PIN is asked (issue 13 and 15). ----

void BatchSignDialog::checked()
{
    if (m_askingPassword)
        return;
    const QList<int> waiting = m_session->filesNeedingPassword();
    if (!waiting.isEmpty())
        return askPassword(waiting.first());
    m_preflightDone = true;
    const int signable = m_session->signableCount();
    updateOverall();
    m_summary->setText(tr("%1 files selected: %2 will be signed, %3 skipped.")
                           .arg(m_session->count())
                           .arg(signable)
                           .arg(m_session->count() - signable));
    m_start->setEnabled(signable > 0);
    m_pin->setEnabled(signable > 0);
    if (signable > 0)
        m_pin->setFocus();
}

// A document that needs its user password: asked in a masked field, taken out of it and wiped at once; the file is
// checked again with it, and a wrong one leaves only this file out (E4012).
void BatchSignDialog::askPassword(int row)
{
    m_askingPassword = true;
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("documentPasswordDialog"));
    dialog->setWindowTitle(tr("Document password"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(dialog);
    auto* text = new QLabel(tr("“%1” is protected by a password. Enter the password that opens the document to "
                               "sign it, or skip this file.")
                                .arg(m_entries.at(row).name),
        dialog);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto* edit = new QLineEdit(dialog);
    edit->setObjectName(QStringLiteral("documentPasswordEdit"));
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(127); // the standard security handler's limit (AES-256: 127 UTF-8 bytes)
    layout->addWidget(edit);
    auto* buttons = new QDialogButtonBox(dialog);
    QPushButton* ok = buttons->addButton(tr("Use this password"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("documentPasswordOk"));
    QPushButton* skip = buttons->addButton(tr("Skip this file"), QDialogButtonBox::RejectRole);
    skip->setObjectName(QStringLiteral("documentPasswordSkip"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, row, dialog, edit] {
        SecureBuffer password = takeSecret(edit);
        dialog->accept();
        m_askingPassword = false;
        m_session->supplyPassword(row, std::move(password));
    });
    connect(buttons, &QDialogButtonBox::rejected, dialog, [this, row, dialog, edit] {
        takeSecret(edit);
        dialog->reject();
        m_askingPassword = false;
        m_session->supplyPassword(row, {}); // now a blocked file: E4002
    });
    dialog->open();
    edit->setFocus();
}

} // namespace ikkatsu::ui
