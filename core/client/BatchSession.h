// 一括電子署名 as one pipeline for the desktop and the CLI: download → pre-flight → (PIN) → sign → upload.
#pragma once

#include "api/FileDto.h"
#include "client/BatchSource.h"
#include "common/Result.h"
#include "common/SecureBuffer.h"
#include "signing/FileBatchSigner.h"
#include "signing/Preflight.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace ikkatsu {
class CadesSigner;
class KeyStore;
} // namespace ikkatsu

namespace ikkatsu::client {

// One file the user chose, with what the pre-flight must know of their permission on it.
struct BatchFile
{
    QString fileId;
    QString name; // for logs and messages: "folder/file.pdf"
    bool maySign = true;
    bool signedByMe = false;
    std::optional<bool> myTurn; // the server's word on the signing order; unknown for local folders
};

// Runs on the thread that owns it (the GUI thread or the CLI's event loop) and never blocks it: transfers are
// asynchronous (at most `transfersInFlight` at once), pre-flight checks and the key store's unlock run on the
// global thread pool, signing on every core. A file ends signed on the source or untouched there: an upload is the
// only step that changes the source, and a cancel never interrupts one that was sent.
//
// Flow: check() downloads and checks every file and emits checked(); files whose document needs a user password
// wait for supplyPassword(). Then sign(PIN) unlocks the key store (the PIN is wiped as soon as it was used), signs
// every file the pre-flight passed and uploads each one as soon as it is signed; finished() closes the batch and
// drops the key. cancel() stops at any point: what is queued ends Cancelled, what was sent ends as the source says.
class BatchSession : public QObject
{
    Q_OBJECT

public:
    enum class Stage { Skipped, Waiting, Downloading, Signing, Uploading, Done, Failed, Cancelled };

    struct Options
    {
        int transfersInFlight = 6; // HttpTransport keeps six connections per server
        int signingThreads = 0; // 0: every core
    };

    struct File
    {
        BatchFile input;
        Stage stage = Stage::Waiting;
        Error error; // Skipped, Failed, Cancelled: why
        PreflightReport preflight;
        bool checked = false;
        bool passwordAsked = false;
        BatchDownload download; // empty once the private copy was removed
        std::optional<api::SignatureStatus> after; // the file's state on the source once our signature is in
    };

    BatchSession(BatchSource* source, const QList<BatchFile>& files, Options options, QObject* parent = nullptr);
    BatchSession(BatchSource* source, const QList<BatchFile>& files, QObject* parent = nullptr)
        : BatchSession(source, files, Options(), parent)
    { }
    // Cancels and removes every private copy; a batch still signing finishes its files on the workers first.
    ~BatchSession() override;

    int count() const { return int(m_files.size()); }
    const File& file(int index) const { return m_files.at(index); }
    int countIn(Stage stage) const;
    // Checked files that sign() will sign (waiting, pre-flight passed).
    int signableCount() const;
    // Files still waiting for supplyPassword(), in order.
    QList<int> filesNeedingPassword() const;
    bool isChecking() const
    {
        return m_checksPending > 0 || m_downloadsInFlight > 0 || m_nextDownload < m_files.size();
    }
    bool isRunning() const { return m_running; }
    // Files a later batch would still have to sign: not finished, cancelled, or failed because the source could not
    // be reached. Files the source refused are settled (their code is in 処理結果).
    QStringList pendingFileIds() const;

    // Downloads and checks every waiting file; emits checked() once none is left under way.
    void check();
    // The document's user password for a file that needs one; it is checked again with it (a wrong one: E4012).
    // An empty password skips the file (E4002). Emits checked() again once that check is done.
    void supplyPassword(int index, SecureBuffer password);
    // Unlocks `keyStorePath` with `pin` and signs. A wrong PIN (or an unreadable key store, or no signing policy)
    // emits unlockFailed and leaves everything as it was: sign() may be called again. `options` carries the reason,
    // signing time and seal appearance; `seal` places the seal per document.
    void sign(const QString& keyStorePath, SecureBuffer pin, const SignatureOptions& options,
        const std::optional<SealDefaults>& seal = std::nullopt);
    void cancel();
    bool isCancelled() const { return m_cancel->load(); }

signals:
    void fileChanged(int index);
    void checked();
    void unlockFailed(const ikkatsu::Error& error);
    // The key store opened and the files went to the signer (the PIN was right).
    void signingStarted();
    // Every signed file is uploaded or settled; the key is dropped.
    void finished();

private:
    void setStage(int index, Stage stage, const Error& error = {});
    void pumpDownloads();
    void runCheck(int index, const SecureBuffer& password);
    void applyPreflight(int index, const PreflightReport& report);
    void startSigning(std::shared_ptr<KeyStore> keyStore, std::shared_ptr<CadesSigner> signer,
        const SignatureOptions& options, const std::optional<SealDefaults>& seal);
    void signedOne(int index, bool ok, const Error& error);
    void pumpUploads();
    void maybeFinish();
    // The file's private download and signed copy, if any.
    void removeCopies(int index);

    BatchSource* m_source;
    Options m_options;
    QList<File> m_files;
    QList<SecureBuffer> m_passwords; // per file, until its signing started
    QList<QString> m_signedPaths; // per file, the signed copy waiting for (or under) upload
    std::shared_ptr<std::atomic_bool> m_cancel;
    int m_nextDownload = 0;
    int m_downloadsInFlight = 0;
    int m_checksPending = 0;
    QList<int> m_uploadQueue;
    int m_uploadsInFlight = 0;
    bool m_unlocking = false;
    bool m_running = false;
    bool m_signingDone = false;
    QFuture<void> m_signing; // the signing workers' run, waited for before this object dies
};

QString batchStageName(BatchSession::Stage stage); // for logs and the CLI: "signing", "done", …

} // namespace ikkatsu::client
