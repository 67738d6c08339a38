// 新規ユーザ登録 and ユーザ情報の変更: the manual's user fields, checked here before anything is sent.
#pragma once

#include "api/Dto.h"
#include "common/Result.h"

#include <QDialog>
#include <QJsonObject>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ikkatsu::ui {

class AdminService;

class UserFormDialog : public QDialog
{
    Q_OBJECT

public:
    // Without `existing`: registration (the server sends mails ① and ②); with it: an edit of that user.
    UserFormDialog(AdminService* service, const std::optional<api::UserInfo>& existing, QWidget* parent = nullptr);

    bool isRegistration() const { return !m_existing.has_value(); }
    // The form's values, or E5007 with the first wrong field named in the detail (already translated).
    Result<api::NewUser> readForm() const;
    // For an edit: only the fields that differ from the user as loaded.
    QJsonObject changes(const api::NewUser& form) const;

    // The day a login expiry falls on in Japan time (the server reads a bare date as 23:59:59 JST).
    static QDate expiryDate(const QDateTime& expiresAt);
    static QDateTime endOfDay(const QDate& date);

signals:
    void registered(const api::UserInfo& user, bool mailDelivered);
    void edited(const api::UserInfo& user);

private:
    void submit();
    void showFailure(const Error& error);

    AdminService* m_service;
    std::optional<api::UserInfo> m_existing;
    QLineEdit* m_userName = nullptr;
    QLineEdit* m_company = nullptr;
    QLineEdit* m_nameRoman = nullptr;
    QLineEdit* m_companyRoman = nullptr;
    QLineEdit* m_email = nullptr;
    QDateEdit* m_expiry = nullptr;
    QComboBox* m_role = nullptr;
    QComboBox* m_maySign = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_submit = nullptr;
};

} // namespace ikkatsu::ui
