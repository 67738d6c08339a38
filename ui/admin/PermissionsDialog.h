// 閲覧者・署名者の変更: the viewers and signers of a registered file, chosen from the user list by search. Signers who
// have signed stay at the head of the order (the server's rule, E3012/E3013), so the dialog never offers to move or
// remove them.
#pragma once

#include "services/AdminService.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace ikkatsu::ui {

class PermissionsDialog : public QDialog
{
    Q_OBJECT

public:
    PermissionsDialog(AdminService* service, const api::FileEntry& file, QWidget* parent = nullptr);

    QStringList viewers() const;
    QStringList signers() const;
    // Runs the user search (also on Return in the search field); `searched` follows.
    void search();
    // Adds the user of the result list's row `row` as a viewer or as the last signer.
    void addViewer(int row);
    void addSigner(int row);
    // Sends the change; `saved` with the file as the server now has it, or the error shown in the dialog.
    void save();

signals:
    void searched(int count);
    void saved(const ikkatsu::api::FileEntry& file);

private:
    void moveSigner(int delta);
    void removeSelected();
    void updateActions();
    bool hasSigned(const QString& userId) const;
    bool isChosen(const QString& userId) const;

    AdminService* m_service;
    api::FileEntry m_file;
    QList<api::UserInfo> m_found;
    QHash<QString, QString> m_names;
    quint64 m_generation = 0;
    QLineEdit* m_search = nullptr;
    QListWidget* m_results = nullptr;
    QListWidget* m_viewers = nullptr;
    QListWidget* m_signers = nullptr;
    QPushButton* m_addViewer = nullptr;
    QPushButton* m_addSigner = nullptr;
    QPushButton* m_up = nullptr;
    QPushButton* m_down = nullptr;
    QPushButton* m_removeViewer = nullptr;
    QPushButton* m_removeSigner = nullptr;
    QCheckBox* m_ordered = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace ikkatsu::ui
