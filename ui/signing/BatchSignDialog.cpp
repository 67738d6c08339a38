// Batch signing: files are downloaded, signed in parallel by the core's FileBatchSigner, then uploaded one by
// one with the version they were based on. A file is either uploaded fully signed or left untouched on the server.
#include "BatchSignDialog.h"

#include "Async.h"
#include "BatchJournal.h"
#include "Logging.h"
#include "SecretInput.h"
#include "Style.h"
#include "crypto/KeyStore.h"
#include "signing/FileBatchSigner.h"
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
#include <QtConcurrent>

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
    , m_cancel(std::make_shared<std::atomic_bool>(false))
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

    int signable = 0;
    for (const FileEntry& entry : entries) {
        Item item;
        item.entry = entry;
        if (entry.signedByMe) {
            item.stage = Stage::Skipped;
            item.error = makeError(ErrorCode::AlreadySigned, entry.id);
        } else if (!entry.maySign) {
            item.stage = Stage::Skipped;
            item.error = makeError(ErrorCode::NoSignPermission, entry.id);
        } else {
            ++signable;
        }
        m_items.append(item);
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, FileColumn, new QTableWidgetItem(entry.fileName));
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
        setStage(row, item.stage, item.error);
    }
    m_units = signable * kStepsPerFile;
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
    m_overall->setRange(0, std::max(1, m_units));
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
    QTimer::singleShot(0, this, [this] { downloadNext(0); });
}

BatchSignDialog::~BatchSignDialog()
{
    m_cancel->store(true);
    // Copies downloaded for files that were not signed (blocked, skipped, cancelled).
    for (const Item& item : std::as_const(m_items)) {
        if (!m_running && !item.download.localPath.isEmpty())
            QFile::remove(item.download.localPath);
    }
}

int BatchSignDialog::signedCount() const
{
    return int(
        std::count_if(m_items.begin(), m_items.end(), [](const Item& item) { return item.stage == Stage::Done; }));
}

QString BatchSignDialog::statusText(int row) const
{
    const QTableWidgetItem* cell = m_table->item(row, StatusColumn);
    return cell ? cell->text() : QString();
}

int BatchSignDialog::failedCount() const
{
    return int(
        std::count_if(m_items.begin(), m_items.end(), [](const Item& item) { return item.stage == Stage::Failed; }));
}

void BatchSignDialog::setStage(int row, Stage stage, const Error& error)
{
    Item& item = m_items[row];
    item.stage = stage;
    item.error = error;
    if (stage == Stage::Failed || stage == Stage::Skipped)
        qCWarning(lcBatch).noquote() << item.entry.folderName + QLatin1Char('/') + item.entry.fileName
                                     << (stage == Stage::Failed ? "failed" : "skipped") << error.codeText()
                                     << error.detail;
    else if (stage == Stage::Done)
        qCInfo(lcBatch).noquote() << item.entry.folderName + QLatin1Char('/') + item.entry.fileName << "signed";
    QString text = stageText(stage);
    if (stage == Stage::Skipped || stage == Stage::Failed || stage == Stage::Cancelled)
        text += QStringLiteral(": ") + errorText(error);
    // Done says what the file is now: 署名済, or 署名中 while other signers remain.
    if (stage == Stage::Done)
        text = item.after == SignatureState::Signed ? tr("Completed (signed: every signature is in)")
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
}

void BatchSignDialog::updateOverall()
{
    if (!m_overall)
        return;
    int units = 0;
    for (const Item& item : m_items) {
        if (item.stage == Stage::Failed || item.stage == Stage::Cancelled)
            units += kStepsPerFile;
        else if (item.stage != Stage::Skipped)
            units += stageSteps(item.stage);
    }
    m_overall->setValue(units);
}

void BatchSignDialog::start()
{
    if (m_running || !m_start->isEnabled())
        return;
    SecureBuffer pin = takeSecret(m_pin);
    m_pinError->hide();
    m_start->setEnabled(false);
    m_pin->setEnabled(false);
    const QString path = m_keyStorePath;
    auto opening = QtConcurrent::run([path, pin = std::move(pin)]() -> Result<std::shared_ptr<KeyStore>> {
        auto store = KeyStore::open(path, pin);
        IKK_TRY(store);
        return std::make_shared<KeyStore>(std::move(store).value());
    });
    whenReady(this, opening, [this](const Result<std::shared_ptr<KeyStore>>& opened) {
        if (!opened.ok()) {
            showError(m_pinError, opened.error());
            m_start->setEnabled(true);
            m_pin->setEnabled(true);
            m_pin->setFocus();
            return;
        }
        m_keyStore = opened.value();
        m_signer = std::make_shared<CadesSigner>(m_keyStore->key(), m_keyStore->chain());
        // The server decides the signature level (default B-LTA: timestamps from its TSA, revocation data, an
        // archive timestamp).
        whenReady(this, m_source->longTermSigning(), [this](const Result<LongTermSigning>& longTerm) {
            if (!longTerm.ok()) {
                showError(m_pinError, longTerm.error());
                m_start->setEnabled(true);
                m_pin->setEnabled(true);
                return;
            }
            m_longTerm = longTerm.value();
            m_running = true;
            writeJournal();
            m_pages->setCurrentIndex(1);
            m_start->hide();
            m_cancelButton->setFocus();
            // The files were downloaded and checked before the PIN: sign those still waiting.
            for (int row = 0; row < m_items.size(); ++row) {
                if (m_items[row].stage == Stage::Waiting && !m_items[row].download.localPath.isEmpty())
                    setStage(row, Stage::Signing);
            }
            signAll();
        });
    });
}

void BatchSignDialog::setSeal(
    const api::SealSettings& settings, const QString& userId, const QString& userName, const QString& company)
{
    m_seal = SealOwner {settings, userId, userName, company};
}

void BatchSignDialog::downloadNext(int index)
{
    while (index < m_items.size() && m_items[index].stage != Stage::Waiting)
        ++index;
    if (index >= m_items.size())
        return finishPreflight();
    if (m_cancel->load()) {
        setStage(index, Stage::Cancelled, makeError(ErrorCode::Cancelled));
        return downloadNext(index + 1);
    }
    setStage(index, Stage::Downloading);
    whenReady(this, m_source->download(m_items[index].entry.id), [this, index](const Result<DownloadedFile>& file) {
        if (!file.ok()) {
            setStage(index, Stage::Failed, file.error());
            return downloadNext(index + 1);
        }
        m_items[index].download = file.value();
        checkFile(index, {});
    });
}

void BatchSignDialog::signAll()
{
    QList<BatchItem> batch;
    for (int row = 0; row < m_items.size(); ++row) {
        Item& item = m_items[row];
        if (item.stage != Stage::Signing)
            continue;
        if (m_cancel->load()) {
            setStage(row, Stage::Cancelled, makeError(ErrorCode::Cancelled));
            continue;
        }
        item.signedPath = item.download.localPath + QStringLiteral(".signed.pdf");
        BatchItem file;
        file.inputPath = item.download.localPath;
        file.outputPath = item.signedPath;
        file.password = item.password;
        batch.append(std::move(file));
        item.password.clear();
    }
    if (batch.isEmpty())
        return finish();
    m_phase->setText(tr("Signing %n file(s) on this computer…", nullptr, int(batch.size())));
    qCInfo(lcBatch) << "signing" << batch.size() << "of" << m_items.size() << "files";
    SignatureOptions options;
    options.reason = tr("Batch e-signature");
    options.signingTime = QDateTime::currentDateTimeUtc();
    m_longTerm.applyTo(*m_signer, options);
    // The 印影 is drawn once here and shared by every file of the batch; only its place is decided per file.
    std::optional<SealDefaults> sealPlacement;
    if (m_seal) {
        auto seal
            = buildUserSeal(m_seal->settings, m_seal->userId, m_seal->userName, m_seal->company, options.signingTime);
        if (!seal.ok()) {
            for (int row = 0; row < m_items.size(); ++row) {
                if (m_items[row].stage == Stage::Signing)
                    setStage(row, Stage::Failed, seal.error());
            }
            return finish();
        }
        options.seal = seal->appearance;
        if (seal->appearance)
            sealPlacement = seal->placement;
    }
    auto signer = m_signer;
    auto keyStore = m_keyStore;
    auto cancel = m_cancel;
    QPointer<BatchSignDialog> self(this);
    auto signing = QtConcurrent::run([signer, keyStore, cancel, options, sealPlacement, batch, self]() {
        FileBatchSigner batchSigner(*signer, options);
        if (sealPlacement)
            batchSigner.setSealDefaults(*sealPlacement);
        return batchSigner.run(
            batch,
            [self](const BatchItemResult& result, int, int) {
                // Progress arrives on a worker thread: hand it to the dialog's thread.
                if (!self)
                    return;
                const QString input = result.item.inputPath;
                const bool ok = result.ok;
                const Error error = result.error;
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, input, ok, error] {
                        if (!self)
                            return;
                        for (int i = 0; i < self->m_items.size(); ++i) {
                            if (self->m_items[i].stage == Stage::Signing
                                && self->m_items[i].download.localPath == input) {
                                if (ok)
                                    self->setStage(i, Stage::Uploading);
                                else
                                    self->setStage(i,
                                        error.code == ErrorCode::Cancelled ? Stage::Cancelled : Stage::Failed, error);
                                break;
                            }
                        }
                    },
                    Qt::QueuedConnection);
            },
            cancel.get());
    });
    whenReady(this, signing, [this](const QList<BatchItemResult>&) {
        m_phase->setText(tr("Uploading the signed files…"));
        uploadNext(0);
    });
}

void BatchSignDialog::uploadNext(int index)
{
    while (index < m_items.size() && m_items[index].stage != Stage::Uploading)
        ++index;
    if (index >= m_items.size())
        return finish();
    if (m_cancel->load()) {
        QFile::remove(m_items[index].signedPath);
        setStage(index, Stage::Cancelled, makeError(ErrorCode::Cancelled));
        return uploadNext(index + 1);
    }
    const Item& item = m_items[index];
    whenReady(this, m_source->upload(item.entry.id, item.download.version, item.signedPath),
        [this, index](const Result<SignatureState>& uploaded) {
            Item& done = m_items[index];
            QFile::remove(done.signedPath);
            QFile::remove(done.download.localPath);
            ProcessingRecord record;
            record.at = QDateTime::currentDateTimeUtc();
            record.fileName = done.entry.fileName;
            record.folderName = done.entry.folderName;
            record.action = QStringLiteral("sign");
            record.ok = uploaded.ok();
            if (!uploaded.ok())
                record.errorCode = uploaded.error().codeText();
            m_source->record(record);
            if (uploaded.ok()) {
                done.after = *uploaded;
                setStage(index, Stage::Done);
            } else
                setStage(index, Stage::Failed, uploaded.error());
            writeJournal();
            uploadNext(index + 1);
        });
}

// Pending = not finished yet, cancelled, or failed because the server could not be reached: what a resume would
// still have to sign. Files the server refused carry their code in the result instead; the user decides about those.
void BatchSignDialog::writeJournal()
{
    if (!m_journal)
        return;
    const auto transient = [](const Error& error) {
        return error.code == ErrorCode::ServerUnreachable || error.code == ErrorCode::NetworkTimeout
            || error.code == ErrorCode::ServerBusy;
    };
    QStringList pending;
    for (const Item& item : std::as_const(m_items)) {
        const bool settled = item.stage == Stage::Done || item.stage == Stage::Skipped
            || (item.stage == Stage::Failed && !transient(item.error));
        if (!settled)
            pending.append(item.entry.id);
    }
    m_journal->write(pending);
}

void BatchSignDialog::finish()
{
    m_running = false;
    writeJournal();
    m_keyStore.reset();
    m_signer.reset();
    m_longTerm = {};
    const int skipped = int(
        std::count_if(m_items.begin(), m_items.end(), [](const Item& item) { return item.stage == Stage::Skipped; }));
    const int cancelled = int(
        std::count_if(m_items.begin(), m_items.end(), [](const Item& item) { return item.stage == Stage::Cancelled; }));
    m_phase->setText(tr("Finished: %1 signed, %2 failed, %3 skipped, %4 cancelled.")
                         .arg(signedCount())
                         .arg(failedCount())
                         .arg(skipped)
                         .arg(cancelled));
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
    if (m_running) {
        m_cancel->store(true);
        m_cancelButton->setEnabled(false);
        m_phase->setText(tr("Cancelling: files already under way are finished or left untouched…"));
        return;
    }
    QDialog::reject();
}

// ---- Pre-flight: every file is downloaded and checked before the PIN is asked (issue 13 and 15). ----

void BatchSignDialog::checkFile(int row, const SecureBuffer& password)
{
    const Item& item = m_items[row];
    PreflightSituation situation;
    situation.maySign = item.entry.maySign;
    situation.signedByMe = item.entry.signedByMe;
    situation.myTurn = item.entry.myTurn;
    const QString path = item.download.localPath;
    const bool chain = password.isEmpty(); // a password retry does not continue the download chain
    auto checking = QtConcurrent::run([path, situation, password]() mutable {
        // The only plain copy of the password lives here, and is wiped as soon as the check is done.
        situation.password = QByteArray(password.data(), qsizetype(password.size()));
        PreflightReport report = Preflight::check(path, situation);
        wipeBytes(situation.password);
        return report;
    });
    whenReady(this, checking, [this, row, chain](const PreflightReport& report) {
        applyPreflight(row, report);
        if (chain)
            downloadNext(row + 1);
        else
            finishPreflight();
    });
}

void BatchSignDialog::applyPreflight(int row, const PreflightReport& report)
{
    Item& item = m_items[row];
    item.preflight = report;
    QStringList lines;
    for (const PreflightFinding& finding : report.findings)
        lines << Preflight::severityLabel(finding.severity) + QStringLiteral(": ") + finding.text;
    if (lines.isEmpty())
        lines << tr("Nothing to report: the signature is added as it is.");
    QTableWidgetItem* cell = m_table->item(row, PreflightColumn);
    cell->setText(lines.join(QLatin1Char('\n')));
    cell->setForeground(report.worst() == PreflightSeverity::Blocks ? QColor(0xb3, 0x26, 0x1e)
            : report.worst() == PreflightSeverity::Info             ? QColor(0x1d, 0x27, 0x33)
                                                                    : QColor(0x8a, 0x5a, 0x00));
    if (report.signable()) {
        setStage(row, Stage::Waiting);
        return;
    }
    if (report.needsPassword() && !item.passwordAsked) {
        setStage(row, Stage::Waiting);
        return;
    }
    const PreflightFinding* reason = report.decisive();
    const Error error = makeError(reason && reason->code ? *reason->code : ErrorCode::PdfUnsupported);
    setStage(row, Stage::Skipped, error);
    // The status names the reason in full, not only the code's short message.
    const QString text = tr("Cannot be signed (%1): %2").arg(error.codeText(), reason ? reason->text : error.message());
    m_table->item(row, StatusColumn)->setText(text);
    m_table->item(row, StatusColumn)->setToolTip(text);
    item.password.clear();
    if (!item.download.localPath.isEmpty()) {
        QFile::remove(item.download.localPath);
        item.download.localPath.clear();
    }
}

void BatchSignDialog::finishPreflight()
{
    for (int row = 0; row < m_items.size(); ++row) {
        const Item& item = m_items[row];
        if (item.stage == Stage::Waiting && item.preflight.needsPassword() && !item.passwordAsked)
            return askPassword(row);
    }
    m_preflightDone = true;
    int signable = 0;
    int units = 0;
    for (const Item& item : std::as_const(m_items)) {
        if (item.stage == Stage::Waiting && !item.download.localPath.isEmpty())
            ++signable;
        if (item.stage != Stage::Skipped)
            units += kStepsPerFile;
    }
    m_units = units;
    m_overall->setRange(0, std::max(1, m_units));
    updateOverall();
    m_summary->setText(tr("%1 files selected: %2 will be signed, %3 skipped.")
                           .arg(m_items.size())
                           .arg(signable)
                           .arg(m_items.size() - signable));
    m_start->setEnabled(signable > 0);
    m_pin->setEnabled(signable > 0);
    if (signable > 0)
        m_pin->setFocus();
}

// A document that needs its user password: asked in a masked field, taken out of it and wiped at once; the file is
// checked again with it, and a wrong one leaves only this file out (E4012).
void BatchSignDialog::askPassword(int row)
{
    Item& item = m_items[row];
    item.passwordAsked = true;
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("documentPasswordDialog"));
    dialog->setWindowTitle(tr("Document password"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(dialog);
    auto* text = new QLabel(tr("“%1” is protected by a password. Enter the password that opens the document to "
                               "sign it, or skip this file.")
                                .arg(item.entry.fileName),
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
        m_items[row].password = takeSecret(edit);
        dialog->accept();
        checkFile(row, m_items[row].password);
    });
    connect(buttons, &QDialogButtonBox::rejected, dialog, [this, row, dialog, edit] {
        takeSecret(edit);
        dialog->reject();
        applyPreflight(row, m_items[row].preflight); // now a blocked file: E4002
        finishPreflight();
    });
    dialog->open();
    edit->setFocus();
}

} // namespace ikkatsu::ui
