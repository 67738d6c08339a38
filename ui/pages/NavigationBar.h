// The bar across the top after login: サービスTOP, マイページ, 本人情報, 処理結果, (ユーザ管理 … 操作履歴 for
// administrators), ログアウト. When the window is too narrow for every entry, the admin entries fold into a
// 管理メニュー button (and, narrower still, the service title goes), so that ログアウト always stays on screen.
#pragma once

#include <QWidget>

class QLabel;
class QMenu;
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
    // True while the admin entries are folded into the 管理メニュー button.
    bool isFolded() const { return m_folded; }
    QMenu* adminMenu() const { return m_adminMenu; }
    QSize minimumSizeHint() const override;

signals:
    void destinationRequested(ikkatsu::ui::NavigationBar::Destination destination);
    void logoutRequested();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QToolButton* addButton(const QString& text, const QString& objectName);
    // Folds or unfolds the admin entries for the current width.
    void updateFolding();
    // The width of the bar's entries when the admin entries are folded or not, with or without the service title
    // and the signed-in name.
    int widthNeeded(bool folded, bool withTitle, bool withUser) const;
    QLabel* m_user = nullptr;
    QLabel* m_title = nullptr;
    QList<QToolButton*> m_buttons;
    QToolButton* m_adminMenuButton = nullptr;
    QMenu* m_adminMenu = nullptr;
    bool m_adminVisible = false;
    bool m_folded = false;
};

} // namespace ikkatsu::ui
