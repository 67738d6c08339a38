// The batch pipeline: bounded transfers on this thread, checks and signing on workers, results posted back here.
#include "BatchSession.h"

#include "client/Futures.h"
#include "crypto/KeyStore.h"

#include <QFile>
#include <QHash>
#include <QLoggingCategory>
#include <QPointer>
#include <QtConcurrent>

namespace ikkatsu::client {

namespace {

Q_LOGGING_CATEGORY(lcSession, "ikkatsu.client.batch")

// The source could not be reached: a later batch should try the file again.
// Failures that say nothing about the file: the server, or its timestamp and revocation services, could not be
// reached. Such a file is resumed later; any other failure is settled.
bool transient(const Error& error)
{
    switch (error.code) {
    case ErrorCode::ServerUnreachable:
    case ErrorCode::NetworkTimeout:
    case ErrorCode::ServerBusy:
    case ErrorCode::TimestampFailed:
    case ErrorCode::OcspUnavailable:
    case ErrorCode::CrlUnavailable:
        return true;
    default:
        return false;
    }
}

} // namespace

QString batchStageName(BatchSession::Stage stage)
{
    switch (stage) {
    case BatchSession::Stage::Skipped:
        return QStringLiteral("skipped");
    case BatchSession::Stage::Waiting:
        return QStringLiteral("waiting");
    case BatchSession::Stage::Downloading:
        return QStringLiteral("downloading");
    case BatchSession::Stage::Signing:
        return QStringLiteral("signing");
    case BatchSession::Stage::Uploading:
        return QStringLiteral("uploading");
    case BatchSession::Stage::Done:
        return QStringLiteral("done");
    case BatchSession::Stage::Failed:
        return QStringLiteral("failed");
    case BatchSession::Stage::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

BatchSession::BatchSession(BatchSource* source, const QList<BatchFile>& files, Options options, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_options(options)
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{
    m_options.transfersInFlight = std::max(1, m_options.transfersInFlight);
    for (const BatchFile& input : files) {
        File file;
        file.input = input;
        // What the list already says needs no download: not a signer, or signed already.
        if (input.signedByMe) {
            file.stage = Stage::Skipped;
            file.error = makeError(ErrorCode::AlreadySigned, input.fileId);
            file.checked = true;
        } else if (!input.maySign) {
            file.stage = Stage::Skipped;
            file.error = makeError(ErrorCode::NoSignPermission, input.fileId);
            file.checked = true;
        }
        m_files.append(file);
        m_passwords.append(SecureBuffer());
        m_signedPaths.append(QString());
    }
    m_nextDownload = int(m_files.size()); // nothing to download before check()
}

BatchSession::~BatchSession()
{
    m_cancel->store(true);
    // The signing workers write into the source's folders and post back here: let them stop first (a cancelled
    // batch stops after the files already under the signer's hands).
    m_signing.waitForFinished();
    for (int i = 0; i < m_files.size(); ++i)
        removeCopies(i);
}

int BatchSession::countIn(Stage stage) const
{
    return int(
        std::count_if(m_files.begin(), m_files.end(), [stage](const File& file) { return file.stage == stage; }));
}

int BatchSession::signableCount() const
{
    return int(std::count_if(m_files.begin(), m_files.end(), [](const File& file) {
        return file.stage == Stage::Waiting && file.checked && !file.download.localPath.isEmpty()
            && file.preflight.signable();
    }));
}

QList<int> BatchSession::filesNeedingPassword() const
{
    QList<int> indexes;
    for (int i = 0; i < m_files.size(); ++i) {
        const File& file = m_files.at(i);
        if (file.stage == Stage::Waiting && file.checked && file.preflight.needsPassword() && !file.passwordAsked)
            indexes.append(i);
    }
    return indexes;
}

QStringList BatchSession::pendingFileIds() const
{
    QStringList pending;
    for (const File& file : m_files) {
        const bool settled = file.stage == Stage::Done || file.stage == Stage::Skipped
            || (file.stage == Stage::Failed && !transient(file.error));
        if (!settled)
            pending.append(file.input.fileId);
    }
    return pending;
}

void BatchSession::setStage(int index, Stage stage, const Error& error)
{
    File& file = m_files[index];
    file.stage = stage;
    file.error = error;
    if (stage == Stage::Failed || stage == Stage::Skipped)
        qCWarning(lcSession).noquote() << file.input.name << batchStageName(stage) << error.codeText() << error.detail;
    else if (stage == Stage::Done || stage == Stage::Cancelled)
        qCInfo(lcSession).noquote() << file.input.name << batchStageName(stage);
    emit fileChanged(index);
}

void BatchSession::removeCopies(int index)
{
    File& file = m_files[index];
    if (!file.download.localPath.isEmpty()) {
        QFile::remove(file.download.localPath);
        file.download.localPath.clear();
    }
    if (!m_signedPaths[index].isEmpty()) {
        QFile::remove(m_signedPaths[index]);
        m_signedPaths[index].clear();
    }
}

// ---- Pre-flight: every file is downloaded and checked before the PIN is asked. ----

void BatchSession::check()
{
    if (m_running || isChecking())
        return;
    m_nextDownload = 0;
    pumpDownloads();
}

void BatchSession::pumpDownloads()
{
    while (m_downloadsInFlight < m_options.transfersInFlight && m_nextDownload < m_files.size()) {
        const int index = m_nextDownload++;
        if (m_files[index].stage != Stage::Waiting || m_files[index].checked)
            continue;
        if (m_cancel->load()) {
            setStage(index, Stage::Cancelled, makeError(ErrorCode::Cancelled));
            continue;
        }
        ++m_downloadsInFlight;
        setStage(index, Stage::Downloading);
        whenReady(this, m_source->download(m_files[index].input.fileId),
            [this, index](const Result<BatchDownload>& download) {
                --m_downloadsInFlight;
                if (!download.ok()) {
                    m_files[index].checked = true;
                    setStage(index, Stage::Failed, download.error());
                } else {
                    m_files[index].download = download.value();
                    runCheck(index, {});
                }
                pumpDownloads();
            });
    }
    if (!isChecking())
        emit checked();
}

void BatchSession::runCheck(int index, const SecureBuffer& password)
{
    const File& file = m_files[index];
    PreflightSituation situation;
    situation.maySign = file.input.maySign;
    situation.signedByMe = file.input.signedByMe;
    situation.myTurn = file.input.myTurn;
    const QString path = file.download.localPath;
    ++m_checksPending;
    auto checking = QtConcurrent::run([path, situation, password]() mutable {
        // The only plain copy of the password lives here, and is wiped as soon as the check is done.
        situation.password = QByteArray(password.data(), qsizetype(password.size()));
        PreflightReport report = Preflight::check(path, situation);
        wipeBytes(situation.password);
        return report;
    });
    whenReady(this, checking, [this, index](const PreflightReport& report) {
        --m_checksPending;
        applyPreflight(index, report);
        if (!isChecking())
            emit checked();
    });
}

void BatchSession::applyPreflight(int index, const PreflightReport& report)
{
    File& file = m_files[index];
    file.preflight = report;
    file.checked = true;
    if (m_cancel->load()) {
        removeCopies(index);
        return setStage(index, Stage::Cancelled, makeError(ErrorCode::Cancelled));
    }
    // Signable, or waiting for the document's password.
    if (report.signable() || (report.needsPassword() && !file.passwordAsked))
        return setStage(index, Stage::Waiting);
    const PreflightFinding* reason = report.decisive();
    m_passwords[index].clear();
    removeCopies(index);
    setStage(index, Stage::Skipped,
        makeError(
            reason && reason->code ? *reason->code : ErrorCode::PdfUnsupported, reason ? reason->text : QString()));
}

void BatchSession::supplyPassword(int index, SecureBuffer password)
{
    File& file = m_files[index];
    if (file.stage != Stage::Waiting || !file.checked || file.passwordAsked)
        return;
    file.passwordAsked = true;
    if (password.isEmpty()) {
        applyPreflight(index, file.preflight); // skipped: the report's own reason (E4002)
        if (!isChecking())
            emit checked();
        return;
    }
    file.checked = false;
    m_passwords[index] = password;
    runCheck(index, password);
}

// ---- Signing and uploads, after the PIN. ----

void BatchSession::sign(const QString& keyStorePath, SecureBuffer pin, const SignatureOptions& options,
    const std::optional<SealDefaults>& seal)
{
    if (m_running || m_unlocking)
        return;
    if (isChecking()) {
        emit unlockFailed(makeError(ErrorCode::Unexpected, QStringLiteral("the pre-flight is still under way")));
        return;
    }
    m_unlocking = true;
    auto opening = QtConcurrent::run([keyStorePath, pin = std::move(pin)]() -> Result<std::shared_ptr<KeyStore>> {
        auto store = KeyStore::open(keyStorePath, pin);
        IKK_TRY(store);
        return std::make_shared<KeyStore>(std::move(store).value());
    });
    whenReady(this, opening, [this, options, seal](const Result<std::shared_ptr<KeyStore>>& opened) {
        if (!opened.ok()) {
            m_unlocking = false;
            emit unlockFailed(opened.error());
            return;
        }
        std::shared_ptr<KeyStore> keyStore = opened.value();
        // The source decides the signature level (a server's default B-LTA: timestamps from its TSA, revocation
        // data, an archive timestamp).
        whenReady(this, m_source->longTermSigning(),
            [this, keyStore, options, seal](const Result<LongTermSigning>& longTerm) mutable {
                m_unlocking = false;
                if (!longTerm.ok()) {
                    emit unlockFailed(longTerm.error());
                    return;
                }
                auto signer = std::make_shared<CadesSigner>(keyStore->key(), keyStore->chain());
                SignatureOptions signing = options;
                longTerm->applyTo(*signer, signing);
                startSigning(std::move(keyStore), std::move(signer), signing, seal);
            });
    });
}

void BatchSession::startSigning(std::shared_ptr<KeyStore> keyStore, std::shared_ptr<CadesSigner> signer,
    const SignatureOptions& options, const std::optional<SealDefaults>& seal)
{
    m_running = true;
    m_signingDone = false;
    QList<BatchItem> items;
    QHash<QString, int> rowOf; // input path → file index
    for (int i = 0; i < m_files.size(); ++i) {
        File& file = m_files[i];
        if (file.stage != Stage::Waiting)
            continue;
        if (m_cancel->load()) {
            removeCopies(i);
            setStage(i, Stage::Cancelled, makeError(ErrorCode::Cancelled));
            continue;
        }
        if (file.download.localPath.isEmpty() || !file.preflight.signable()) {
            // A document whose password was never given.
            const PreflightFinding* reason = file.preflight.decisive();
            removeCopies(i);
            setStage(i, Stage::Skipped,
                makeError(reason && reason->code ? *reason->code : ErrorCode::PdfUnsupported,
                    reason ? reason->text : QString()));
            continue;
        }
        m_signedPaths[i] = file.download.localPath + QStringLiteral(".signed.pdf");
        BatchItem item;
        item.inputPath = file.download.localPath;
        item.outputPath = m_signedPaths[i];
        item.password = m_passwords[i];
        m_passwords[i].clear();
        rowOf.insert(item.inputPath, i);
        items.append(std::move(item));
        setStage(i, Stage::Signing);
    }
    qCInfo(lcSession) << "signing" << items.size() << "of" << m_files.size() << "files";
    emit signingStarted();
    if (items.isEmpty()) {
        m_signingDone = true;
        return maybeFinish();
    }
    QPointer<BatchSession> self(this);
    auto cancel = m_cancel;
    const int threads = m_options.signingThreads;
    m_signing = QtConcurrent::run([keyStore, signer, cancel, options, seal, items, rowOf, threads, self]() {
        FileBatchSigner batchSigner(*signer, options, threads);
        batchSigner.setDisposableOutputs(true); // the signed copies are uploaded and removed (removeCopies)
        if (seal && options.seal)
            batchSigner.setSealDefaults(*seal);
        batchSigner.run(
            items,
            [self, rowOf](const BatchItemResult& result, int, int) {
                // Arrives on a worker: each file goes to its upload as soon as it is signed. The session waits for
                // this run in its destructor, so `self` is alive while we post.
                const int index = rowOf.value(result.item.inputPath, -1);
                const bool ok = result.ok;
                const Error error = result.error;
                QMetaObject::invokeMethod(
                    self.data(), [self, index, ok, error] { self->signedOne(index, ok, error); }, Qt::QueuedConnection);
            },
            cancel.get());
        // The key store is dropped (and its key zeroed) with the last reference, on this worker.
    });
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_signingDone = true;
        maybeFinish();
    });
    watcher->setFuture(m_signing);
}

void BatchSession::signedOne(int index, bool ok, const Error& error)
{
    if (index < 0 || index >= m_files.size() || m_files[index].stage != Stage::Signing)
        return;
    if (!ok || m_cancel->load()) {
        removeCopies(index);
        if (ok || error.code == ErrorCode::Cancelled)
            return setStage(index, Stage::Cancelled, makeError(ErrorCode::Cancelled));
        return setStage(index, Stage::Failed, error);
    }
    setStage(index, Stage::Uploading);
    m_uploadQueue.append(index);
    pumpUploads();
}

void BatchSession::pumpUploads()
{
    while (m_uploadsInFlight < m_options.transfersInFlight && !m_uploadQueue.isEmpty()) {
        const int index = m_uploadQueue.takeFirst();
        File& file = m_files[index];
        if (m_cancel->load()) {
            removeCopies(index);
            setStage(index, Stage::Cancelled, makeError(ErrorCode::Cancelled));
            continue;
        }
        ++m_uploadsInFlight;
        whenReady(this, m_source->upload(file.input.fileId, file.download.version, m_signedPaths[index]),
            [this, index](const Result<api::SignatureStatus>& uploaded) {
                --m_uploadsInFlight;
                File& done = m_files[index];
                removeCopies(index);
                if (uploaded.ok()) {
                    done.after = uploaded.value();
                    setStage(index, Stage::Done);
                } else {
                    setStage(index, Stage::Failed, uploaded.error());
                }
                pumpUploads();
                maybeFinish();
            });
    }
}

void BatchSession::maybeFinish()
{
    if (!m_running || !m_signingDone || m_uploadsInFlight > 0 || !m_uploadQueue.isEmpty())
        return;
    m_running = false;
    qCInfo(lcSession) << "finished:" << countIn(Stage::Done) << "signed," << countIn(Stage::Failed) << "failed,"
                      << countIn(Stage::Cancelled) << "cancelled";
    emit finished();
}

void BatchSession::cancel()
{
    if (m_cancel->exchange(true))
        return;
    qCInfo(lcSession) << "cancelled by the user";
    // Signed files waiting for their turn to upload are left out now; uploads already sent end as the source says.
    const QList<int> queued = std::exchange(m_uploadQueue, {});
    for (const int index : queued) {
        removeCopies(index);
        setStage(index, Stage::Cancelled, makeError(ErrorCode::Cancelled));
    }
    if (!m_running && !m_unlocking) {
        // Before signing: every file not yet checked, and every checked one, ends here.
        for (int i = m_nextDownload; i < m_files.size(); ++i) {
            if (m_files[i].stage == Stage::Waiting && !m_files[i].checked)
                setStage(i, Stage::Cancelled, makeError(ErrorCode::Cancelled));
        }
        m_nextDownload = int(m_files.size());
    }
    maybeFinish();
}

} // namespace ikkatsu::client
