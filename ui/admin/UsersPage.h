// ユーザ管理 (admin mode): search the server's users, register, edit, lock, disable, reset passwords, revoke
// certificates.
#pragma once

#include "services/AdminService.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QTableWidget;

namespace ikkatsu::ui {

class UserFormDialog;

class UsersPage : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 100;

    explicit UsersPage(QWidget* parent = nullptr);

    void setService(AdminService* service);
    // Fetches the current search's page again (and the selected user's details).
    void refresh();
    // Forgets everything shown (at logout).
    void clear();

    int rowCount() const;
    QString userIdAt(int row) const;
    // Selects the user's row if it is on the page; false otherwise.
    bool selectUser(const QString& userId);
    QString selectedUserId() const;
    UserFormDialog* openRegistration();
    UserFormDialog* openEdit();

    // 状態 of one user in the manual's words: 有効, ロック中, 利用停止, 期限切れ (joined when several apply).
    static QString stateText(const api::UserInfo& user);

signals:
    void failed(const ikkatsu::Error& error);
    // A list or details answer arrived (tests and screenshots wait for it).
    void listed();
    void detailsShown();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void fitColumns();
    void search();
    void showPage(const UserListPage& page);
    void loadDetails();
    void showDetails(const UserDetails& details);
    void updateActions();
    void reportError(const Error& error);
    void reportDone(const QString& text);
    // A confirmation dialog (window-modal, not blocking the event loop) that runs `accepted` on OK.
    void confirm(const QString& title, const QString& text, const QString& okText, std::function<void()> accepted);
    void toggleLock();
    void toggleDisabled();
    void resetPassword();
    void revokeCertificate();
    void afterUserChange(const Result<api::UserInfo>& user, const QString& doneText);

    AdminService* m_service = nullptr;
    QString m_search;
    int m_offset = 0;
    int m_total = 0;
    QList<api::UserInfo> m_users;
    std::optional<UserDetails> m_details;
    QString m_wantedUserId;

    QLineEdit* m_searchEdit = nullptr;
    QLabel* m_totalLabel = nullptr;
    QPushButton* m_previous = nullptr;
    QPushButton* m_next = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_error = nullptr;
    QStandardItemModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_detailsTitle = nullptr;
    QList<QLabel*> m_detailValues;
    QTableWidget* m_certificates = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_lock = nullptr;
    QPushButton* m_disable = nullptr;
    QPushButton* m_reset = nullptr;
    QPushButton* m_revoke = nullptr;
};

} // namespace ikkatsu::ui
