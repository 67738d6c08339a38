// The bar across the top after login: サービスTOP, マイページ, 本人情報, 処理結果, (ユーザ管理 … 操作履歴 for
// administrators), ログアウト.
#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace ikkatsu::ui {

class NavigationBar : public QWidget
{
    Q_OBJECT

public:
    enum class Destination { ServiceTop, MyPage, Profile, Results, Users, AdminFiles, AllResults, AuditTrail };
    Q_ENUM(Destination)

    explicit NavigationBar(QWidget* parent = nullptr);

    void setCurrent(Destination destination);
    void setUserName(const QString& name);
    // Admin mode's entry: shown only when the signed-in user is an administrator and policy allows admin mode.
    void setAdminVisible(bool visible);
    bool isAdminVisible() const;

signals:
    void destinationRequested(ikkatsu::ui::NavigationBar::Destination destination);
    void logoutRequested();

private:
    QToolButton* addButton(const QString& text, const QString& objectName);
    QLabel* m_user = nullptr;
    QList<QToolButton*> m_buttons;
};

} // namespace ikkatsu::ui
