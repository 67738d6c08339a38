// サービスTOP: the greeting page after login, with the shortcuts a user needs most.
#pragma once

#include "services/AccountService.h"

#include <QWidget>

class QLabel;

namespace ikkatsu::ui {

class ServiceTopPage : public QWidget
{
    Q_OBJECT

public:
    explicit ServiceTopPage(QWidget* parent = nullptr);

    void setUser(const UserProfile& user, bool haveCertificate);
    void setPendingCount(int count);

signals:
    void myPageRequested();
    void profileRequested();

private:
    QLabel* m_greeting = nullptr;
    QLabel* m_certificate = nullptr;
    QLabel* m_pending = nullptr;
};

} // namespace ikkatsu::ui
