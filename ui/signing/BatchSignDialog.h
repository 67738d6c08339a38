// 一括電子署名: confirm the list → PIN once → per-file and overall progress, cancel → per-file result with codes.
#pragma once

#include "api/SealDto.h"
#include "client/BatchSession.h"
#include "services/FileSource.h"
#include "signing/Preflight.h"

#include <QDialog>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace ikkatsu::ui {

class BatchJournal;

class BatchSignDialog : public QDialog
{
    Q_OBJECT

public:
    using Stage = client::BatchSession::Stage;

    BatchSignDialog(
        FileSource* source, const QString& keyStorePath, const QList<FileEntry>& entries, QWidget* parent = nullptr);
    ~BatchSignDialog() override;

    // Keeps the files still pending in `journal` (see BatchJournal) so that the app can offer to resume.
    void setJournal(std::shared_ptr<BatchJournal> journal) { m_journal = std::move(journal); }

    // Signs with this user's 印影 (drawn once for the whole batch when signing starts) into the empty field named
    // with their user ID, else at their default page and corner. Without it the signatures are invisible.
    void setSeal(
        const api::SealSettings& settings, const QString& userId, const QString& userName, const QString& company);

    int signedCount() const { return m_session->countIn(Stage::Done); }
    int failedCount() const { return m_session->countIn(Stage::Failed); }
    bool isRunning() const { return m_session->isRunning(); }
    Stage stageOf(int row) const { return m_session->file(row).stage; }
    // The 状態 column's text of a row (the outcome, with its error code when it failed).
    QString statusText(int row) const;
    Error errorOf(int row) const { return m_session->file(row).error; }
    // The pre-flight of a row, once its file was downloaded and checked (before the PIN is asked).
    const PreflightReport& preflightOf(int row) const { return m_session->file(row).preflight; }
    bool preflightDone() const { return m_preflightDone; }
    // The pipeline this dialog shows (tests hold the server on its stage signals).
    client::BatchSession* session() const { return m_session; }

signals:
    // The batch is over (completed, failed or cancelled); statuses on My Page are stale now.
    void batchFinished(int signedCount);

protected:
    void reject() override;

private:
    void start();
    void showFile(int row);
    void showPreflight(int row);
    void checked();
    void signingStarted();
    void askPassword(int row);
    void finish();
    void updateOverall();
    void writeJournal();

    FileSource* m_source;
    QString m_keyStorePath;
    QList<FileEntry> m_entries;
    client::BatchSession* m_session = nullptr;
    QList<Stage> m_shown; // the stage each row showed last (an upload's outcome is recorded once)
    std::shared_ptr<BatchJournal> m_journal;
    struct SealOwner
    {
        api::SealSettings settings;
        QString userId;
        QString userName;
        QString company;
    };
    std::optional<SealOwner> m_seal;
    bool m_preflightDone = false;
    bool m_started = false;
    bool m_askingPassword = false;

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
