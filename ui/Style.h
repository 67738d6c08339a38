// The app's look (font, stylesheet, icon) and small constructors for the widgets every screen shares.
#pragma once

#include "common/Result.h"

#include <QString>

class QApplication;
class QFrame;
class QVBoxLayout;
class QLabel;
class QPushButton;
class QWidget;

namespace ikkatsu::ui {

// Loads the embedded resources, the Japanese-capable font and the stylesheet.
void applyStyle(QApplication& app);
// The embedded resources (icons, stylesheet) of the static library; safe to call more than once.
void initResources();

// "E1001 ユーザIDまたはパスワードが正しくありません。" — every error a user sees carries its code.
QString errorText(const Error& error);

QLabel* makePageTitle(const QString& text, QWidget* parent = nullptr);
QLabel* makeSectionTitle(const QString& text, QWidget* parent = nullptr);
QLabel* makeHint(const QString& text, QWidget* parent = nullptr);
// A hidden red message box label; showError fills and shows it.
QLabel* makeErrorLabel(const QString& objectName, QWidget* parent = nullptr);
void showError(QLabel* label, const Error& error);
// For forms: the error in `errorLabel`, with the server's detail for E5007 (it names the field), and
// `messageLabel` cleared.
void showFormError(QLabel* errorLabel, QLabel* messageLabel, const Error& error);
void showMessage(QLabel* label, const QString& text);
// "error", "info", "empty" or "" (plain): the stylesheet colours message labels by this property.
void setMessageKind(QLabel* label, const QString& kind);
QPushButton* makeButton(const QString& text, const QString& objectName, bool primary, QWidget* parent = nullptr);
QFrame* makeCard(QWidget* parent = nullptr);
// A card centred on `page` (the log-in style screens), `minWidth`..`maxWidth` wide, with its own vertical layout
// (card margins and spacing already set) returned through `layout`.
QFrame* makeCenteredCard(QWidget* page, int minWidth, int maxWidth, QVBoxLayout** layout);
// A two-column table of field names and values, as the manual's ユーザ情報 and 署名用証明書情報 blocks;
// the value labels are appended to `values` in order and named `valueNamePrefix` + index.
QFrame* makeInfoTable(
    const QStringList& names, QList<QLabel*>* values, const QString& valueNamePrefix, QWidget* parent = nullptr);

} // namespace ikkatsu::ui
