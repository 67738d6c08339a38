// パスワード変更 on first login: the server marks a fresh account's initial password as to be replaced.
#pragma once

#include "services/AccountService.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ikkatsu::ui {

class PasswordChangePage : public QWidget
{
    Q_OBJECT

public:
    explicit PasswordChangePage(AccountService* accounts, QWidget* parent = nullptr);

    void start();

signals:
    void changed();

private:
    void submit();

    AccountService* m_accounts;
    QLineEdit* m_current = nullptr;
    QLineEdit* m_new = nullptr;
    QLineEdit* m_confirm = nullptr;
    QPushButton* m_change = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace ikkatsu::ui
