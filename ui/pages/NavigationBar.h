// The bar across the top after login: サービスTOP, マイページ, 本人情報, 処理結果, ログアウト.
#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace ikkatsu::ui {

class NavigationBar : public QWidget
{
    Q_OBJECT

public:
    enum class Destination { ServiceTop, MyPage, Profile, Results };
    Q_ENUM(Destination)

    explicit NavigationBar(QWidget* parent = nullptr);

    void setCurrent(Destination destination);
    void setUserName(const QString& name);

signals:
    void destinationRequested(ikkatsu::ui::NavigationBar::Destination destination);
    void logoutRequested();

private:
    QToolButton* addButton(const QString& text, const QString& objectName);
    QLabel* m_user = nullptr;
    QList<QToolButton*> m_buttons;
};

} // namespace ikkatsu::ui
