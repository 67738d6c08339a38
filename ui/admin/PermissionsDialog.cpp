// The dialog keeps the lists as user IDs with readable labels; the server checks everything again on save.
#include "PermissionsDialog.h"

#include "Async.h"
#include "Style.h"

#include <QBrush>
#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace ikkatsu::ui {

namespace {

constexpr int kSearchLimit = 50;

QString userLabel(const QString& userId, const QString& name)
{
    return name.isEmpty() ? userId : PermissionsDialog::tr("%1 (%2)").arg(name, userId);
}

QListWidget* makeList(const QString& objectName, QWidget* parent)
{
    auto* list = new QListWidget(parent);
    list->setObjectName(objectName);
    list->setMinimumHeight(120);
    return list;
}

} // namespace

PermissionsDialog::PermissionsDialog(AdminService* service, const api::FileEntry& file, QWidget* parent)
    : QDialog(parent)
    , m_service(service)
    , m_file(file)
{
    setObjectName(QStringLiteral("permissionsDialog"));
    setWindowTitle(tr("Change viewers and signers - %1").arg(file.name));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeHint(tr("Search users by ID, name, company or mail address and add them. Signers who have "
                                  "already signed stay first, in the order they signed."),
        this));

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    auto* searchRow = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("permissionSearchEdit"));
    m_search->setMaxLength(100);
    m_search->setPlaceholderText(tr("User ID, name, company or mail"));
    auto* searchButton = makeButton(tr("Search"), QStringLiteral("permissionSearchButton"), false, this);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(searchButton);
    grid->addWidget(makeSectionTitle(tr("Users"), this), 0, 0);
    grid->addLayout(searchRow, 1, 0);
    m_results = makeList(QStringLiteral("permissionUserList"), this);
    grid->addWidget(m_results, 2, 0, 3, 1);
    auto* addButtons = new QHBoxLayout;
    m_addViewer = makeButton(tr("Add as viewer"), QStringLiteral("addViewerButton"), false, this);
    m_addSigner = makeButton(tr("Add as signer"), QStringLiteral("addPermissionSignerButton"), false, this);
    addButtons->addWidget(m_addViewer);
    addButtons->addWidget(m_addSigner);
    grid->addLayout(addButtons, 5, 0);

    grid->addWidget(makeSectionTitle(tr("Signers (signing order)"), this), 0, 1);
    m_signers = makeList(QStringLiteral("permissionSignerList"), this);
    grid->addWidget(m_signers, 1, 1, 2, 1);
    auto* signerButtons = new QHBoxLayout;
    m_up = makeButton(tr("Up"), QStringLiteral("permissionSignerUpButton"), false, this);
    m_down = makeButton(tr("Down"), QStringLiteral("permissionSignerDownButton"), false, this);
    m_removeSigner = makeButton(tr("Remove"), QStringLiteral("removePermissionSignerButton"), false, this);
    signerButtons->addWidget(m_up);
    signerButtons->addWidget(m_down);
    signerButtons->addWidget(m_removeSigner);
    signerButtons->addStretch(1);
    grid->addLayout(signerButtons, 3, 1);
    m_ordered = new QCheckBox(tr("Sign in the order of this list"), this);
    m_ordered->setObjectName(QStringLiteral("permissionOrderedCheck"));
    m_ordered->setChecked(file.signOrdered);
    grid->addWidget(m_ordered, 4, 1);
    grid->addWidget(makeSectionTitle(tr("Viewers"), this), 0, 2);
    m_viewers = makeList(QStringLiteral("permissionViewerList"), this);
    grid->addWidget(m_viewers, 1, 2, 2, 1);
    m_removeViewer = makeButton(tr("Remove"), QStringLiteral("removeViewerButton"), false, this);
    grid->addWidget(m_removeViewer, 3, 2, Qt::AlignLeft);
    layout->addLayout(grid, 1);

    m_error = makeErrorLabel(QStringLiteral("permissionsError"), this);
    layout->addWidget(m_error);
    // Plain buttons, not a QDialogButtonBox: that would make [保存] the default button, pressed by Return in the
    // search field.
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_save = makeButton(tr("Save"), QStringLiteral("savePermissionsButton"), true, this);
    QPushButton* cancel = makeButton(tr("Cancel"), QStringLiteral("cancelPermissionsButton"), false, this);
    buttons->addWidget(m_save);
    buttons->addWidget(cancel);
    layout->addLayout(buttons);

    for (const api::SignerState& signer : file.signers) {
        m_names.insert(signer.userId, signer.userName);
        auto* item
            = new QListWidgetItem(signer.hasSigned ? tr("%1 — signed").arg(userLabel(signer.userId, signer.userName))
                                                   : userLabel(signer.userId, signer.userName),
                m_signers);
        item->setData(Qt::UserRole, signer.userId);
        if (signer.hasSigned)
            item->setForeground(QColor(0x2e, 0x7d, 0x32));
    }
    for (const QString& viewer : file.viewers) {
        auto* item = new QListWidgetItem(viewer, m_viewers);
        item->setData(Qt::UserRole, viewer);
    }

    connect(searchButton, &QPushButton::clicked, this, &PermissionsDialog::search);
    connect(m_search, &QLineEdit::returnPressed, this, &PermissionsDialog::search);
    connect(m_addViewer, &QPushButton::clicked, this, [this] { addViewer(m_results->currentRow()); });
    connect(m_addSigner, &QPushButton::clicked, this, [this] { addSigner(m_results->currentRow()); });
    connect(m_results, &QListWidget::itemDoubleClicked, this, [this] { addSigner(m_results->currentRow()); });
    connect(m_up, &QPushButton::clicked, this, [this] { moveSigner(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSigner(1); });
    connect(m_removeSigner, &QPushButton::clicked, this, [this] {
        if (m_signers->currentItem() && !hasSigned(m_signers->currentItem()->data(Qt::UserRole).toString()))
            delete m_signers->takeItem(m_signers->currentRow());
        updateActions();
    });
    connect(m_removeViewer, &QPushButton::clicked, this, [this] {
        delete m_viewers->takeItem(m_viewers->currentRow());
        updateActions();
    });
    for (QListWidget* list : {m_results, m_signers, m_viewers})
        connect(list, &QListWidget::currentRowChanged, this, &PermissionsDialog::updateActions);
    // Return in the search field searches; it must not press [保存] as a dialog's default button would.
    for (QPushButton* button : findChildren<QPushButton*>())
        button->setAutoDefault(false);
    connect(m_save, &QPushButton::clicked, this, &PermissionsDialog::save);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    updateActions();
    search();
}

QStringList PermissionsDialog::viewers() const
{
    QStringList ids;
    for (int row = 0; row < m_viewers->count(); ++row)
        ids << m_viewers->item(row)->data(Qt::UserRole).toString();
    return ids;
}

QStringList PermissionsDialog::signers() const
{
    QStringList ids;
    for (int row = 0; row < m_signers->count(); ++row)
        ids << m_signers->item(row)->data(Qt::UserRole).toString();
    return ids;
}

bool PermissionsDialog::hasSigned(const QString& userId) const
{
    for (const api::SignerState& signer : m_file.signers) {
        if (signer.userId == userId)
            return signer.hasSigned;
    }
    return false;
}

bool PermissionsDialog::isChosen(const QString& userId) const
{
    return viewers().contains(userId) || signers().contains(userId);
}

void PermissionsDialog::search()
{
    if (!m_service)
        return;
    const quint64 generation = ++m_generation;
    whenReady(this, m_service->listUsers(m_search->text().trimmed(), 0, kSearchLimit),
        [this, generation](const Result<UserListPage>& page) {
            if (generation != m_generation)
                return;
            m_results->clear();
            m_found.clear();
            if (!page.ok()) {
                showError(m_error, page.error());
                emit searched(0);
                return;
            }
            m_error->hide();
            for (const api::UserInfo& user : page->users) {
                if (user.disabled)
                    continue;
                m_found.append(user);
                m_names.insert(user.userId, user.userName);
                QString text = userLabel(user.userId, user.userName);
                if (!user.company.isEmpty())
                    text += QStringLiteral(" — ") + user.company;
                if (!user.maySign)
                    text += QStringLiteral(" ") + tr("(view only)");
                new QListWidgetItem(text, m_results);
            }
            // Viewers arrive as bare IDs: name the ones the search has met.
            for (QListWidget* list : {m_viewers, m_signers}) {
                for (int row = 0; row < list->count(); ++row) {
                    QListWidgetItem* item = list->item(row);
                    const QString id = item->data(Qt::UserRole).toString();
                    if (item->text() == id && !m_names.value(id).isEmpty())
                        item->setText(userLabel(id, m_names.value(id)));
                }
            }
            updateActions();
            emit searched(int(m_found.size()));
        });
}

void PermissionsDialog::addViewer(int row)
{
    if (row < 0 || row >= m_found.size() || isChosen(m_found.at(row).userId))
        return;
    const api::UserInfo& user = m_found.at(row);
    auto* item = new QListWidgetItem(userLabel(user.userId, user.userName), m_viewers);
    item->setData(Qt::UserRole, user.userId);
    updateActions();
}

void PermissionsDialog::addSigner(int row)
{
    if (row < 0 || row >= m_found.size() || isChosen(m_found.at(row).userId) || !m_found.at(row).maySign)
        return;
    const api::UserInfo& user = m_found.at(row);
    auto* item = new QListWidgetItem(userLabel(user.userId, user.userName), m_signers);
    item->setData(Qt::UserRole, user.userId);
    updateActions();
}

void PermissionsDialog::moveSigner(int delta)
{
    const int row = m_signers->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_signers->count())
        return;
    // Neither the moved signer nor the one it passes may have signed: signed signers keep their places.
    if (hasSigned(m_signers->item(row)->data(Qt::UserRole).toString())
        || hasSigned(m_signers->item(target)->data(Qt::UserRole).toString()))
        return;
    QListWidgetItem* item = m_signers->takeItem(row);
    m_signers->insertItem(target, item);
    m_signers->setCurrentRow(target);
    updateActions();
}

void PermissionsDialog::updateActions()
{
    const int result = m_results->currentRow();
    const bool free = result >= 0 && result < m_found.size() && !isChosen(m_found.at(result).userId);
    m_addViewer->setEnabled(free);
    m_addSigner->setEnabled(free && m_found.at(result).maySign);
    const int row = m_signers->currentRow();
    const auto signedAt = [this](int index) {
        return index >= 0 && index < m_signers->count()
            && hasSigned(m_signers->item(index)->data(Qt::UserRole).toString());
    };
    m_removeSigner->setEnabled(row >= 0 && !signedAt(row));
    m_up->setEnabled(row > 0 && !signedAt(row) && !signedAt(row - 1));
    m_down->setEnabled(row >= 0 && row + 1 < m_signers->count() && !signedAt(row) && !signedAt(row + 1));
    m_removeViewer->setEnabled(m_viewers->currentRow() >= 0);
}

void PermissionsDialog::save()
{
    if (!m_service)
        return;
    m_save->setEnabled(false);
    m_error->hide();
    whenReady(this, m_service->changePermissions(m_file.fileId, viewers(), signers(), m_ordered->isChecked()),
        [this](const Result<api::FileEntry>& file) {
            m_save->setEnabled(true);
            if (!file.ok()) {
                // The server names the user a refusal is about ("… (user ID: u0003)"), or the field for E5007.
                const Error& error = file.error();
                QString text = errorText(error);
                static const QRegularExpression aboutUser(QStringLiteral("\\(user ID: (.+)\\)$"));
                const QRegularExpressionMatch about = aboutUser.match(error.detail);
                if (about.hasMatch()) {
                    const QString userId = about.captured(1);
                    text += QLatin1Char('\n') + tr("Concerns: %1").arg(userLabel(userId, m_names.value(userId)));
                } else if (error.code == ErrorCode::BadRequest && !error.detail.isEmpty()) {
                    text += QLatin1Char('\n') + error.detail;
                }
                showMessage(m_error, text);
                return;
            }
            emit saved(*file);
            accept();
        });
}

} // namespace ikkatsu::ui
