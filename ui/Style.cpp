// The app's look: Noto Sans CJK JP, one stylesheet from the resources, and shared widget constructors.
#include "Style.h"

#include "Logging.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QFontDatabase>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

static void initIkkatsuResources()
{
    Q_INIT_RESOURCE(ikkatsu);
}

namespace ikkatsu::ui {

void initResources()
{
    static const bool done = [] {
        initIkkatsuResources();
        return true;
    }();
    Q_UNUSED(done)
}

void applyStyle(QApplication& app)
{
    initResources();
    QFont font = app.font();
    if (QFontDatabase::families().contains(QStringLiteral("Noto Sans CJK JP")))
        font.setFamilies({QStringLiteral("Noto Sans CJK JP"), QStringLiteral("Noto Sans")});
    font.setPointSize(10);
    app.setFont(font);
    app.setWindowIcon(QIcon(QStringLiteral(":/ikkatsu/icons/ikkatsu.svg")));
    QFile style(QStringLiteral(":/ikkatsu/style.qss"));
    if (style.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(style.readAll()));
}

QString errorText(const Error& error)
{
    // The screen shows the code and its message; the log keeps the detail an administrator needs to act on it.
    qCWarning(lcUi).noquote() << error.codeText() << error.detail;
    return error.codeText() + QLatin1Char(' ') + error.message();
}

QLabel* makePageTitle(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("pageTitle"));
    return label;
}

QLabel* makeSectionTitle(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("sectionTitle"));
    return label;
}

QLabel* makeHint(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setProperty("hint", true);
    label->setWordWrap(true);
    return label;
}

QLabel* makeErrorLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setProperty("messageKind", QStringLiteral("error"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

void showError(QLabel* label, const Error& error)
{
    showMessage(label, errorText(error));
}

void showFormError(QLabel* errorLabel, QLabel* messageLabel, const Error& error)
{
    showMessage(messageLabel, {});
    QString text = errorText(error);
    if (error.code == ErrorCode::BadRequest && !error.detail.isEmpty())
        text += QLatin1Char('\n') + error.detail;
    showMessage(errorLabel, text);
}

void showMessage(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void setMessageKind(QLabel* label, const QString& kind)
{
    label->setProperty("messageKind", kind);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

QPushButton* makeButton(const QString& text, const QString& objectName, bool primary, QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setProperty("primary", primary);
    button->setAutoDefault(false);
    return button;
}

QFrame* makeCard(QWidget* parent)
{
    auto* card = new QFrame(parent);
    card->setObjectName(QStringLiteral("card"));
    return card;
}

QFrame* makeCenteredCard(QWidget* page, int minWidth, int maxWidth, QVBoxLayout** layout)
{
    auto* outer = new QVBoxLayout(page);
    outer->addStretch(1);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    QFrame* card = makeCard(page);
    card->setMinimumWidth(minWidth);
    card->setMaximumWidth(maxWidth);
    row->addWidget(card);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
    *layout = new QVBoxLayout(card);
    (*layout)->setContentsMargins(32, 28, 32, 28);
    (*layout)->setSpacing(12);
    return card;
}

QFrame* makeInfoTable(const QStringList& names, QList<QLabel*>* values, const QString& valueNamePrefix, QWidget* parent)
{
    QFrame* table = makeCard(parent);
    auto* grid = new QGridLayout(table);
    grid->setContentsMargins(1, 1, 1, 1);
    grid->setHorizontalSpacing(0);
    grid->setVerticalSpacing(1);
    for (int row = 0; row < names.size(); ++row) {
        auto* name = new QLabel(names[row], table);
        name->setObjectName(QStringLiteral("fieldName"));
        name->setMinimumWidth(200);
        auto* value = new QLabel(table);
        value->setObjectName(valueNamePrefix + QString::number(row));
        value->setProperty("fieldValue", true);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        grid->addWidget(name, row, 0);
        grid->addWidget(value, row, 1);
        values->append(value);
    }
    grid->setColumnStretch(1, 1);
    return table;
}

} // namespace ikkatsu::ui
