// 一括電子署名: confirm the list → PIN once → per-file and overall progress, cancel → per-file result with codes.
#pragma once

#include "api/SealDto.h"
#include "common/SecureBuffer.h"
#include "services/FileSource.h"
#include "signing/Preflight.h"

#include <QDialog>

#include <atomic>
#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace ikkatsu {
class CadesSigner;
class KeyStore;
} // namespace ikkatsu

namespace ikkatsu::ui {

class BatchJournal;

class BatchSignDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Stage { Skipped, Waiting, Downloading, Signing, Uploading, Done, Failed, Cancelled };

    BatchSignDialog(
        FileSource* source, const QString& keyStorePath, const QList<FileEntry>& entries, QWidget* parent = nullptr);
    ~BatchSignDialog() override;

    // Keeps the files still pending in `journal` (see BatchJournal) so that the app can offer to resume.
    void setJournal(std::shared_ptr<BatchJournal> journal) { m_journal = std::move(journal); }

    // Signs with this user's 印影 (drawn once for the whole batch when signing starts) into the empty field named
    // with their user ID, else at their default page and corner. Without it the signatures are invisible.
    void setSeal(
        const api::SealSettings& settings, const QString& userId, const QString& userName, const QString& company);

    int signedCount() const;
    int failedCount() const;
    bool isRunning() const { return m_running; }
    Stage stageOf(int row) const { return m_items.at(row).stage; }
    // The 状態 column's text of a row (the outcome, with its error code when it failed).
    QString statusText(int row) const;
    Error errorOf(int row) const { return m_items.at(row).error; }
    // The pre-flight of a row, once its file was downloaded and checked (before the PIN is asked).
    const PreflightReport& preflightOf(int row) const { return m_items.at(row).preflight; }
    bool preflightDone() const { return m_preflightDone; }

signals:
    // The batch is over (completed, failed or cancelled); statuses on My Page are stale now.
    void batchFinished(int signedCount);

protected:
    void reject() override;

private:
    struct Item
    {
        FileEntry entry;
        Stage stage = Stage::Waiting;
        Error error;
        DownloadedFile download;
        QString signedPath;
        SignatureState after = SignatureState::Unsigned; // the file's state once our signature is uploaded
        PreflightReport preflight;
        SecureBuffer password; // the document's user password, when it needs one
        bool passwordAsked = false;
    };

    void start();
    void downloadNext(int index);
    // Pre-flight (download, then Preflight::check on a worker) before the PIN; see BatchSignDialog.cpp.
    void checkFile(int row, const SecureBuffer& password);
    void applyPreflight(int row, const PreflightReport& report);
    void finishPreflight();
    void askPassword(int row);
    void signAll();
    void uploadNext(int index);
    void finish();
    void setStage(int row, Stage stage, const Error& error = {});
    void updateOverall();
    void writeJournal();

    FileSource* m_source;
    QString m_keyStorePath;
    QList<Item> m_items;
    std::shared_ptr<KeyStore> m_keyStore;
    std::shared_ptr<CadesSigner> m_signer;
    LongTermSigning m_longTerm; // what the server's level adds to each signature
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::shared_ptr<BatchJournal> m_journal;
    struct SealOwner
    {
        api::SealSettings settings;
        QString userId;
        QString userName;
        QString company;
    };
    std::optional<SealOwner> m_seal;
    bool m_running = false;
    bool m_preflightDone = false;
    int m_units = 0;

    QStackedWidget* m_pages = nullptr;
    QTableWidget* m_table = nullptr;
    QLineEdit* m_pin = nullptr;
    QLabel* m_pinError = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_phase = nullptr;
    QProgressBar* m_overall = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_close = nullptr;
};

} // namespace ikkatsu::ui
