// The list is searched and paged by the server; every action reloads the affected user from the server's answer.
#include "UsersPage.h"

#include "Async.h"
#include "Style.h"
#include "UserFormDialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ikkatsu::ui {

namespace {

enum Column {
    IdColumn,
    NameColumn,
    CompanyColumn,
    RomanColumn,
    EmailColumn,
    ExpiryColumn,
    RoleColumn,
    SignColumn,
    StateColumn,
    ColumnCount
};

QString dateText(const QDateTime& time)
{
    const QDate date = UserFormDialog::expiryDate(time);
    return date.isValid() ? date.toString(QStringLiteral("yyyy/MM/dd")) : QString();
}

bool expired(const api::UserInfo& user)
{
    return user.loginExpiresAt.isValid() && user.loginExpiresAt < QDateTime::currentDateTimeUtc();
}

} // namespace

UsersPage::UsersPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("usersPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(8);
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(makePageTitle(tr("User management"), this));
    titleRow->addStretch(1);
    auto* registration = makeButton(tr("New user registration"), QStringLiteral("newUserButton"), true, this);
    titleRow->addWidget(registration);
    layout->addLayout(titleRow);

    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(new QLabel(tr("Search"), this));
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("usersSearchEdit"));
    m_searchEdit->setMaxLength(256);
    m_searchEdit->setMinimumWidth(320);
    m_searchEdit->setPlaceholderText(tr("User ID, name, company or mail address"));
    m_searchEdit->setClearButtonEnabled(true);
    searchRow->addWidget(m_searchEdit);
    auto* searchButton = makeButton(tr("Search"), QStringLiteral("usersSearchButton"), true, this);
    searchRow->addWidget(searchButton);
    searchRow->addSpacing(16);
    m_totalLabel = new QLabel(this);
    m_totalLabel->setObjectName(QStringLiteral("usersTotalLabel"));
    searchRow->addWidget(m_totalLabel);
    searchRow->addStretch(1);
    m_previous = makeButton(tr("Previous"), QStringLiteral("usersPreviousButton"), false, this);
    m_next = makeButton(tr("Next"), QStringLiteral("usersNextButton"), false, this);
    searchRow->addWidget(m_previous);
    searchRow->addWidget(m_next);
    layout->addLayout(searchRow);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("usersMessage"));
    m_message->setProperty("messageKind", QStringLiteral("info"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);
    m_error = makeErrorLabel(QStringLiteral("usersError"), this);
    layout->addWidget(m_error);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("User ID"), tr("User name"), tr("Company name"), tr("Name in roman letters"),
        tr("Mail address"), tr("Login expiry"), tr("Role"), tr("Signing"), tr("State")});
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("usersTable"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // Sized from the contents once they are laid out in the page's real font (fitColumns), then resizable.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 3);

    auto* actions = new QHBoxLayout;
    m_edit = makeButton(tr("Edit"), QStringLiteral("editUserButton"), false, this);
    m_lock = makeButton(tr("Lock"), QStringLiteral("lockUserButton"), false, this);
    m_disable = makeButton(tr("Suspend"), QStringLiteral("disableUserButton"), false, this);
    m_reset = makeButton(tr("Reissue password"), QStringLiteral("resetPasswordButton"), false, this);
    for (QPushButton* button : {m_edit, m_lock, m_disable, m_reset})
        actions->addWidget(button);
    actions->addStretch(1);
    layout->addLayout(actions);

    auto* details = new QHBoxLayout;
    details->setSpacing(16);
    auto* left = new QVBoxLayout;
    m_detailsTitle = makeSectionTitle(tr("Selected user"), this);
    m_detailsTitle->setObjectName(QStringLiteral("userDetailsTitle"));
    left->addWidget(m_detailsTitle);
    left->addWidget(makeInfoTable({tr("Company name in roman letters"), tr("Electronic signature choice"),
                                      tr("Password change pending"), tr("Consecutive wrong passwords")},
        &m_detailValues, QStringLiteral("userDetailValue"), this));
    left->addStretch(1);
    details->addLayout(left, 2);
    auto* right = new QVBoxLayout;
    right->addWidget(makeSectionTitle(tr("Signing certificates"), this));
    m_certificates = new QTableWidget(0, 4, this);
    m_certificates->setObjectName(QStringLiteral("certificatesTable"));
    m_certificates->setHorizontalHeaderLabels(
        {tr("Certificate serial number"), tr("Valid from"), tr("Valid until"), tr("State")});
    m_certificates->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_certificates->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_certificates->setSelectionMode(QAbstractItemView::SingleSelection);
    m_certificates->verticalHeader()->hide();
    m_certificates->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_certificates->horizontalHeader()->setStretchLastSection(true);
    m_certificates->setMinimumHeight(110);
    right->addWidget(m_certificates, 1);
    auto* revokeRow = new QHBoxLayout;
    revokeRow->addStretch(1);
    m_revoke = makeButton(tr("Revoke certificate"), QStringLiteral("revokeCertificateButton"), false, this);
    revokeRow->addWidget(m_revoke);
    right->addLayout(revokeRow);
    details->addLayout(right, 3);
    layout->addLayout(details, 2);

    setTabOrder(registration, m_searchEdit);
    setTabOrder(m_searchEdit, searchButton);
    setTabOrder(searchButton, m_previous);
    setTabOrder(m_previous, m_next);
    setTabOrder(m_next, m_table);
    setTabOrder(m_table, m_edit);
    setTabOrder(m_edit, m_lock);
    setTabOrder(m_lock, m_disable);
    setTabOrder(m_disable, m_reset);
    setTabOrder(m_reset, m_certificates);
    setTabOrder(m_certificates, m_revoke);

    connect(registration, &QPushButton::clicked, this, [this] { openRegistration(); });
    connect(searchButton, &QPushButton::clicked, this, &UsersPage::search);
    connect(m_searchEdit, &QLineEdit::returnPressed, this, &UsersPage::search);
    connect(m_previous, &QPushButton::clicked, this, [this] {
        m_offset = std::max(0, m_offset - kPageSize);
        refresh();
    });
    connect(m_next, &QPushButton::clicked, this, [this] {
        m_offset += kPageSize;
        refresh();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &UsersPage::loadDetails);
    connect(m_table, &QTableView::doubleClicked, this, [this] { openEdit(); });
    connect(m_certificates, &QTableWidget::itemSelectionChanged, this, &UsersPage::updateActions);
    connect(m_edit, &QPushButton::clicked, this, [this] { openEdit(); });
    connect(m_lock, &QPushButton::clicked, this, &UsersPage::toggleLock);
    connect(m_disable, &QPushButton::clicked, this, &UsersPage::toggleDisabled);
    connect(m_reset, &QPushButton::clicked, this, &UsersPage::resetPassword);
    connect(m_revoke, &QPushButton::clicked, this, &UsersPage::revokeCertificate);
    clear();
}

void UsersPage::setService(AdminService* service)
{
    m_service = service;
}

void UsersPage::clear()
{
    m_users.clear();
    m_details.reset();
    m_search.clear();
    m_offset = 0;
    m_total = 0;
    m_searchEdit->clear();
    m_model->removeRows(0, m_model->rowCount());
    m_totalLabel->clear();
    showMessage(m_message, {});
    showMessage(m_error, {});
    showDetails({});
    m_details.reset();
}

QString UsersPage::stateText(const api::UserInfo& user)
{
    QStringList states;
    if (user.disabled)
        states << tr("Suspended");
    if (user.locked)
        states << tr("Locked");
    if (expired(user))
        states << tr("Expired");
    return states.isEmpty() ? tr("Active") : states.join(QStringLiteral("・"));
}

void UsersPage::search()
{
    m_search = m_searchEdit->text().trimmed();
    m_offset = 0;
    showMessage(m_message, {});
    refresh();
}

void UsersPage::refresh()
{
    if (!m_service)
        return;
    if (m_wantedUserId.isEmpty())
        m_wantedUserId = selectedUserId();
    whenReady(this, m_service->listUsers(m_search, m_offset, kPageSize), [this](const Result<UserListPage>& page) {
        if (!page.ok()) {
            reportError(page.error());
            emit listed();
            return;
        }
        showPage(*page);
        emit listed();
    });
}

void UsersPage::showPage(const UserListPage& page)
{
    showMessage(m_error, {});
    const QString keep = m_wantedUserId;
    m_wantedUserId.clear();
    m_users = page.users;
    m_total = page.total;
    m_model->removeRows(0, m_model->rowCount());
    for (const api::UserInfo& user : std::as_const(m_users)) {
        QList<QStandardItem*> row;
        row << new QStandardItem(user.userId) << new QStandardItem(user.userName) << new QStandardItem(user.company)
            << new QStandardItem(user.nameRoman) << new QStandardItem(user.email)
            << new QStandardItem(dateText(user.loginExpiresAt))
            << new QStandardItem(user.role == api::Role::Admin ? tr("Administrator") : tr("User"))
            << new QStandardItem(user.maySign ? tr("Allowed") : tr("Not allowed"))
            << new QStandardItem(stateText(user));
        if (user.locked || user.disabled || expired(user))
            row.last()->setForeground(QColor(0xb0, 0x1e, 0x1e));
        m_model->appendRow(row);
    }
    fitColumns();
    const int first = m_users.isEmpty() ? 0 : m_offset + 1;
    m_totalLabel->setText(m_total == 0 ? tr("⚠ No matching data exists.")
                                       : tr("%1 users (%2–%3)").arg(m_total).arg(first).arg(m_offset + m_users.size()));
    m_previous->setEnabled(m_offset > 0);
    m_next->setEnabled(m_offset + m_users.size() < m_total);
    if (keep.isEmpty() || !selectUser(keep)) {
        m_details.reset();
        showDetails({});
    }
}

void UsersPage::fitColumns()
{
    if (!isVisible())
        return;
    m_table->resizeColumnsToContents();
    // The stylesheet's cell padding is not in the size hints.
    for (int column = 0; column < ColumnCount - 1; ++column)
        m_table->setColumnWidth(column, m_table->columnWidth(column) + 12);
}

void UsersPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    fitColumns();
}

int UsersPage::rowCount() const
{
    return m_model->rowCount();
}

QString UsersPage::userIdAt(int row) const
{
    return m_model->item(row, IdColumn)->text();
}

bool UsersPage::selectUser(const QString& userId)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (userIdAt(row) == userId) {
            m_table->clearSelection();
            m_table->selectRow(row);
            loadDetails();
            return true;
        }
    }
    return false;
}

QString UsersPage::selectedUserId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : userIdAt(rows.first().row());
}

void UsersPage::loadDetails()
{
    const QString userId = selectedUserId();
    if (userId.isEmpty() || !m_service) {
        m_details.reset();
        showDetails({});
        return;
    }
    whenReady(this, m_service->userDetails(userId), [this, userId](const Result<UserDetails>& details) {
        if (selectedUserId() != userId)
            return;
        if (!details.ok()) {
            reportError(details.error());
            return;
        }
        m_details = *details;
        showDetails(*details);
        emit detailsShown();
    });
}

void UsersPage::showDetails(const UserDetails& details)
{
    const api::UserInfo& user = details.user;
    const bool any = !user.userId.isEmpty();
    m_detailsTitle->setText(any ? tr("Selected user: %1 %2").arg(user.userId, user.userName) : tr("Selected user"));
    QString choice;
    switch (user.signingChoice) {
    case api::SigningChoice::Undecided:
        choice = tr("Not set up yet");
        break;
    case api::SigningChoice::Sign:
        choice = tr("Signs electronically");
        break;
    case api::SigningChoice::ViewOnly:
        choice = tr("Does not sign electronically");
        break;
    }
    const QStringList values {user.companyRoman, any ? choice : QString(),
        any ? (user.mustChangePassword ? tr("Yes") : tr("No")) : QString(),
        any ? QString::number(user.failedLogins) : QString()};
    for (int i = 0; i < m_detailValues.size(); ++i)
        m_detailValues[i]->setText(values.value(i));

    m_certificates->setRowCount(0);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int firstValid = -1;
    for (const api::CertificateInfo& certificate : details.certificates) {
        const int row = m_certificates->rowCount();
        m_certificates->insertRow(row);
        QString state = tr("Valid");
        if (certificate.revoked)
            state = tr("Revoked");
        else if (certificate.notAfter < now)
            state = tr("Expired");
        else if (firstValid < 0)
            firstValid = row;
        const QStringList cells {certificate.serialNumber,
            certificate.notBefore.toLocalTime().toString(QStringLiteral("yyyy/MM/dd HH:mm")),
            certificate.notAfter.toLocalTime().toString(QStringLiteral("yyyy/MM/dd HH:mm")), state};
        for (int column = 0; column < cells.size(); ++column)
            m_certificates->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
    if (any && details.certificates.isEmpty()) {
        m_certificates->insertRow(0);
        auto* none = new QTableWidgetItem(tr("No certificate has been issued."));
        none->setFlags(Qt::ItemIsEnabled);
        m_certificates->setItem(0, 0, none);
        m_certificates->setSpan(0, 0, 1, 4);
    }
    if (firstValid >= 0)
        m_certificates->selectRow(firstValid);
    updateActions();
}

void UsersPage::updateActions()
{
    const bool any = m_details.has_value();
    for (QPushButton* button : {m_edit, m_lock, m_disable, m_reset})
        button->setEnabled(any);
    m_lock->setText(any && m_details->user.locked ? tr("Unlock") : tr("Lock"));
    m_disable->setText(any && m_details->user.disabled ? tr("Resume use") : tr("Suspend"));
    bool revocable = false;
    if (any) {
        const int row = m_certificates->currentRow();
        const QList<QTableWidgetItem*> selected = m_certificates->selectedItems();
        if (!selected.isEmpty() && row >= 0 && row < m_details->certificates.size())
            revocable = !m_details->certificates.at(row).revoked;
    }
    m_revoke->setEnabled(revocable);
}

void UsersPage::reportError(const Error& error)
{
    showFormError(m_error, m_message, error);
    emit failed(error);
}

void UsersPage::reportDone(const QString& text)
{
    showMessage(m_error, {});
    showMessage(m_message, text);
}

void UsersPage::confirm(
    const QString& title, const QString& text, const QString& okText, std::function<void()> accepted)
{
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("adminConfirmDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Ok)->setText(okText);
    box->button(QMessageBox::Ok)->setObjectName(QStringLiteral("confirmOkButton"));
    box->button(QMessageBox::Cancel)->setText(tr("Cancel"));
    box->button(QMessageBox::Cancel)->setObjectName(QStringLiteral("confirmCancelButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [box, accepted = std::move(accepted)](int) {
        if (box->clickedButton() == box->button(QMessageBox::Ok))
            accepted();
    });
    box->open();
}

UserFormDialog* UsersPage::openRegistration()
{
    if (!m_service)
        return nullptr;
    auto* dialog = new UserFormDialog(m_service, std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &UserFormDialog::registered, this, [this](const api::UserInfo& user, bool mailDelivered) {
        if (mailDelivered) {
            reportDone(tr("User %1 (%2) is registered. The mail \"User registration notice\" went to the user, and "
                          "the user ID and initial password to you.")
                           .arg(user.userId, user.userName));
        } else {
            reportError(makeError(ErrorCode::MailFailed,
                tr("User %1 is registered, but a mail could not be sent. Reissue the password to send it again.")
                    .arg(user.userId)));
        }
        m_wantedUserId = user.userId;
        refresh();
    });
    dialog->open();
    return dialog;
}

UserFormDialog* UsersPage::openEdit()
{
    if (!m_service || !m_details)
        return nullptr;
    auto* dialog = new UserFormDialog(m_service, m_details->user, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &UserFormDialog::edited, this, [this](const api::UserInfo& user) {
        reportDone(tr("The information of user %1 is updated.").arg(user.userId));
        refresh();
    });
    dialog->open();
    return dialog;
}

void UsersPage::afterUserChange(const Result<api::UserInfo>& user, const QString& doneText)
{
    if (!user.ok())
        return reportError(user.error());
    reportDone(doneText);
    refresh();
}

void UsersPage::toggleLock()
{
    if (!m_details)
        return;
    const api::UserInfo user = m_details->user;
    const auto apply = [this, user] {
        whenReady(this, m_service->setLocked(user.userId, !user.locked), [this, user](const Result<api::UserInfo>& r) {
            afterUserChange(r,
                user.locked ? tr("User %1 is unlocked.").arg(user.userId) : tr("User %1 is locked.").arg(user.userId));
        });
    };
    if (user.locked)
        return apply();
    confirm(tr("Lock user"),
        tr("Lock user %1 (%2)? The user is logged out and cannot log in until unlocked.")
            .arg(user.userId, user.userName),
        tr("Lock"), apply);
}

void UsersPage::toggleDisabled()
{
    if (!m_details)
        return;
    const api::UserInfo user = m_details->user;
    const auto apply = [this, user] {
        whenReady(
            this, m_service->setDisabled(user.userId, !user.disabled), [this, user](const Result<api::UserInfo>& r) {
                afterUserChange(r,
                    user.disabled ? tr("User %1 may use the service again.").arg(user.userId)
                                  : tr("User %1 is suspended.").arg(user.userId));
            });
    };
    if (user.disabled)
        return apply();
    confirm(tr("Suspend user"),
        tr("Suspend user %1 (%2)? The user is logged out and cannot log in until use is resumed.")
            .arg(user.userId, user.userName),
        tr("Suspend"), apply);
}

void UsersPage::resetPassword()
{
    if (!m_details)
        return;
    const api::UserInfo user = m_details->user;
    confirm(tr("Reissue password"),
        tr("Issue a new initial password for user %1 (%2)? The current password stops working and the user is "
           "logged out. The new password is mailed to you.")
            .arg(user.userId, user.userName),
        tr("Reissue"), [this, user] {
            whenReady(this, m_service->resetPassword(user.userId), [this, user](const Result<UserRegistration>& r) {
                if (!r.ok())
                    return reportError(r.error());
                if (!r->mailDelivered)
                    return reportError(makeError(ErrorCode::MailFailed));
                reportDone(tr("A new initial password for user %1 was mailed to you.").arg(user.userId));
                refresh();
            });
        });
}

void UsersPage::revokeCertificate()
{
    if (!m_details)
        return;
    const int row = m_certificates->currentRow();
    if (row < 0 || row >= m_details->certificates.size())
        return;
    const QString serial = m_details->certificates.at(row).serialNumber;
    const QString userId = m_details->user.userId;
    confirm(tr("Revoke certificate"),
        tr("Revoke the signing certificate %1 of user %2? It cannot be used for signing any more and appears in the "
           "certificate revocation list. This cannot be undone.")
            .arg(serial, userId),
        tr("Revoke"), [this, serial] {
            whenReady(
                this, m_service->revokeCertificate(serial), [this, serial](const Result<api::CertificateInfo>& r) {
                    if (!r.ok())
                        return reportError(r.error());
                    reportDone(tr("The certificate %1 is revoked.").arg(serial));
                    loadDetails();
                });
        });
}

} // namespace ikkatsu::ui
