// フォルダ・ファイル管理 (admin mode): create folders, register many PDFs at once with viewers and (ordered) required
// signers, and see every file's status and each signer's state.
#pragma once

#include "services/AdminService.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;
class QTableWidget;

namespace ikkatsu::ui {

class FilesPage : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 100;

    explicit FilesPage(QWidget* parent = nullptr);

    void setService(AdminService* service);
    // Fetches the folders and the selected folder's files again.
    void refresh();
    // Forgets everything shown and chosen (at logout).
    void clear();

    // The path both the file dialog and a drop take: queues local files for registration (duplicates ignored).
    void addFiles(const QStringList& paths);
    QStringList pendingFiles() const { return m_pending; }
    // Sends the queued files to the selected folder with the chosen viewers and signers.
    void registerPending();

    int outcomeCount() const;
    int fileRowCount() const;
    QString fileIdAt(int row) const;
    bool selectFile(int row);
    // What the save dialog's choice leads to: fetches `version` of the selected file and writes it atomically.
    void saveVersionTo(int version, const QString& path);

    // 未署名 / 署名中 / 署名済
    static QString statusText(api::SignatureStatus status);

signals:
    void failed(const ikkatsu::Error& error);
    // Tests and screenshots wait for these answers.
    void foldersListed();
    void registered();
    void filesListed();
    void detailsShown();
    void versionSaved(const QString& path);
    // 署名欄の配置 saved: the file got a new version with the boxes.
    void signatureBoxesSaved();

protected:
    void showEvent(QShowEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void fitColumns();
    void loadFolders(const QString& selectFolderId);
    void createFolder();
    void chooseFiles();
    void addSigner();
    void moveSigner(int delta);
    void loadFiles();
    void showFiles(const api::FileListPage& page);
    void loadDetails();
    void showDetails(const api::FileEntry& file);
    void chooseVersionFile();
    void editPermissions();
    void placeSignatureBoxes();
    void showOutcomes(const QList<api::NewFileOutcome>& outcomes);
    void updateActions();
    void reportError(const Error& error);
    void reportDone(const QString& text);
    QString selectedFolderId() const;
    static QStringList userIds(const QString& text);

    AdminService* m_service = nullptr;
    QStringList m_pending;
    QList<api::FileEntry> m_files;
    int m_offset = 0;
    int m_total = 0;
    bool m_busy = false;
    std::optional<api::FileEntry> m_detail;

    QComboBox* m_folder = nullptr;
    QLineEdit* m_newFolder = nullptr;
    QPushButton* m_createFolder = nullptr;
    QLineEdit* m_viewers = nullptr;
    QLineEdit* m_signerEdit = nullptr;
    QPushButton* m_addSigner = nullptr;
    QListWidget* m_signers = nullptr;
    QPushButton* m_signerUp = nullptr;
    QPushButton* m_signerDown = nullptr;
    QPushButton* m_removeSigner = nullptr;
    QCheckBox* m_ordered = nullptr;
    QListWidget* m_pendingList = nullptr;
    QPushButton* m_addFiles = nullptr;
    QPushButton* m_clearFiles = nullptr;
    QPushButton* m_register = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_error = nullptr;
    QTableWidget* m_outcomes = nullptr;
    QLabel* m_totalLabel = nullptr;
    QPushButton* m_previous = nullptr;
    QPushButton* m_next = nullptr;
    QStandardItemModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_viewersLabel = nullptr;
    QTableWidget* m_signerStates = nullptr;
    QSpinBox* m_version = nullptr;
    QPushButton* m_download = nullptr;
    QPushButton* m_editPermissions = nullptr;
    QPushButton* m_placeBoxes = nullptr;
};

} // namespace ikkatsu::ui
