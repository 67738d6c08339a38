// 署名欄の配置: the administrator drags each signer's 印 box onto the file's pages; the server writes them as empty
// signature fields named with the signers' user IDs into a new version. Placed boxes are permanent, so they are
// shown locked; boxes drawn in the dialog can be moved and deleted until 保存.
#pragma once

#include "services/AdminService.h"

#include <QDialog>
#include <QTemporaryDir>

class QComboBox;
class QLabel;
class QPdfDocument;
class QPushButton;

namespace ikkatsu::ui {

class PlacementCanvas;

class SignatureBoxDialog : public QDialog
{
    Q_OBJECT

public:
    SignatureBoxDialog(AdminService* service, const api::FileEntry& file, QWidget* parent = nullptr);

    PlacementCanvas* canvas() const { return m_canvas; }
    // Chooses whose box the next drag draws (by user ID); false when they may not sign the file.
    bool chooseSigner(const QString& userId);
    // Sends the new boxes; `saved` with every box of the file as the server now has it, or the error shown here.
    void save();

signals:
    // The file's pages and its boxes are shown (or `failed`).
    void loaded();
    void failed(const ikkatsu::Error& error);
    void saved(const QList<ikkatsu::api::SignatureBox>& boxes);

private:
    void showPdf(const QByteArray& bytes);
    void updateActions();
    void showPage();

    AdminService* m_service;
    api::FileEntry m_file;
    QTemporaryDir m_dir;
    QPdfDocument* m_document = nullptr;
    bool m_pdfShown = false;
    bool m_boxesShown = false;
    bool m_saving = false;
    QComboBox* m_signer = nullptr;
    QPushButton* m_previous = nullptr;
    QLabel* m_pageLabel = nullptr;
    QPushButton* m_next = nullptr;
    PlacementCanvas* m_canvas = nullptr;
    QLabel* m_boxesLabel = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace ikkatsu::ui
