// The server filters and pages (the trail only grows); event names become readable labels here, and the CSV is the
// server's bytes, BOM included, written to disk unchanged and atomically.
#include "AuditTrailPage.h"

#include "Async.h"
#include "Style.h"
#include "TrailTable.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimeZone>
#include <QVBoxLayout>

namespace ikkatsu::ui {

QString AuditTrailPage::eventLabel(const QString& event)
{
    using namespace api::AuditEvent;
    const std::pair<QLatin1String, QString> labels[] = {
        {UserRegistered, tr("User registration")},
        {UserEdited, tr("User information change")},
        {UserLocked, tr("Lock")},
        {UserUnlocked, tr("Unlock")},
        {UserDisabled, tr("Disable user")},
        {UserEnabled, tr("Enable user")},
        {UserPasswordReset, tr("Password reissue")},
        {CertificateRevoked, tr("Certificate revocation")},
        {FolderCreated, tr("Folder creation")},
        {FileRegistered, tr("File registration")},
        {FilePermissionsChanged, tr("Permission change")},
        {FileVersionDownloaded, tr("Version download")},
        {ResultsExported, tr("Processing results CSV export")},
        {AuditExported, tr("Audit trail CSV export")},
        {AdminRefused, tr("Admin function refused")},
        {MailFailed, tr("Mail delivery failure")},
        {BootstrapAdmin, tr("Initial administrator creation")},
        {LoginUnknownUser, tr("Login failure (unknown user ID)")},
        {LoginWrongPassword, tr("Login failure (wrong password)")},
        {LoginRefused, tr("Login refused")},
        {LoginPasswordOk, tr("Password confirmed")},
        {LoginWrongOtp, tr("Wrong one-time password")},
        {LoginOtpResent, tr("One-time password resent")},
        {LoginSucceeded, tr("Login")},
        {LockedOut, tr("Automatic lock")},
        {Logout, tr("Logout")},
        {PasswordChanged, tr("Password change")},
        {PasswordWrongCurrent, tr("Password change failure")},
        {CertificateIssued, tr("Certificate issue")},
        {CertificateViewOnly, tr("View-only chosen")},
        {CertificateRefused, tr("Certificate issue refused")},
        {SealChanged, tr("Seal settings change")},
        {FileArchiveRenewed, tr("Archive timestamp renewal")},
        {FileSignatureBoxesPlaced, tr("Signature box placement")},
    };
    for (const auto& [name, label] : labels) {
        if (event == name)
            return label;
    }
    return event;
}

namespace {

QString fieldLabel(const QString& field)
{
    static const std::pair<QLatin1String, const char*> fields[] = {
        {QLatin1String("userName"), QT_TRANSLATE_NOOP("ikkatsu::ui::AuditTrailPage", "user name")},
        {QLatin1String("company"), QT_TRANSLATE_NOOP("ikkatsu::ui::AuditTrailPage", "company name")},
        {QLatin1String("nameRoman"), QT_TRANSLATE_NOOP("ikkatsu::ui::AuditTrailPage", "name in roman letters")},
        {QLatin1String("companyRoman"),
            QT_TRANSLATE_NOOP("ikkatsu::ui::AuditTrailPage", "company name in roman letters")},
        {QLatin1String("email"), QT_TRANSLATE_NOOP("ikkatsu::ui::AuditTrailPage", "mail address")},
        {QLatin1String("loginExpiresAt"), QT_TRANSLATE_NOOP("ikkatsu::ui::AuditTrailPage", "login expiry")},
        {QLatin1String("role"), QT_TRANSLATE_NOOP("ikkatsu::ui::AuditTrailPage", "role")},
        {QLatin1String("maySign"), QT_TRANSLATE_NOOP("ikkatsu::ui::AuditTrailPage", "e-signature permission")},
    };
    for (const auto& [name, label] : fields) {
        if (field == name)
            return AuditTrailPage::tr(label);
    }
    return field;
}

// CRL reason codes (RFC 5280) the server records with a revocation.
QString revocationReason(const QString& code)
{
    switch (code.toInt()) {
    case 1:
        return AuditTrailPage::tr("key compromise");
    case 3:
        return AuditTrailPage::tr("affiliation changed");
    case 4:
        return AuditTrailPage::tr("superseded");
    case 5:
        return AuditTrailPage::tr("cessation of operation");
    default:
        return AuditTrailPage::tr("unspecified");
    }
}

QString valueText(const QString& key, const QString& value)
{
    if (key == QLatin1String("role"))
        return value == QLatin1String("admin") ? AuditTrailPage::tr("administrator") : AuditTrailPage::tr("user");
    if (key == QLatin1String("maySign"))
        return value == QLatin1String("true") ? AuditTrailPage::tr("allowed") : AuditTrailPage::tr("not allowed");
    if (key == QLatin1String("reason"))
        return revocationReason(value);
    return value;
}

QString keyLabel(const QString& key)
{
    if (key == QLatin1String("file"))
        return AuditTrailPage::tr("File ID");
    if (key == QLatin1String("folder"))
        return AuditTrailPage::tr("Folder ID");
    if (key == QLatin1String("name"))
        return AuditTrailPage::tr("Name");
    if (key == QLatin1String("viewers"))
        return AuditTrailPage::tr("Viewers");
    if (key == QLatin1String("signers"))
        return AuditTrailPage::tr("Signers");
    if (key == QLatin1String("serial"))
        return AuditTrailPage::tr("Serial number");
    if (key == QLatin1String("reason"))
        return AuditTrailPage::tr("Reason");
    if (key == QLatin1String("role"))
        return AuditTrailPage::tr("Role");
    if (key == QLatin1String("maySign"))
        return AuditTrailPage::tr("E-signature");
    if (key == QLatin1String("version"))
        return AuditTrailPage::tr("Version");
    if (key == QLatin1String("filter"))
        return AuditTrailPage::tr("Conditions");
    return key;
}

} // namespace

QString AuditTrailPage::detailText(const QString& event, const QString& detail)
{
    using namespace api::AuditEvent;
    const QString text = detail.trimmed();
    if (text.isEmpty())
        return {};
    if (event == UserEdited) {
        QStringList fields;
        for (const QString& field : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
            fields << fieldLabel(field.trimmed());
        return tr("Changed: %1").arg(fields.join(tr(", ")));
    }
    static const QRegularExpression wrongPasswords(QStringLiteral("^(\\d+) wrong passwords$"));
    if (const auto match = wrongPasswords.match(text); match.hasMatch())
        return tr("%n wrong password(s) in a row", nullptr, match.captured(1).toInt());
    if (event == AdminRefused)
        return tr("Refused request: %1").arg(text);
    if (event == MailFailed)
        return tr("Mail not delivered: %1")
            .arg(text == QLatin1String("registration mails") ? tr("registration mails") : text);
    // A bare error code (refused login, refused certificate): the code with its meaning.
    static const QRegularExpression code(QStringLiteral("^E\\d{4}$"));
    if (code.match(text).hasMatch()) {
        ErrorCode value {};
        return parseErrorCode(text, &value) ? errorText(makeError(value)) : text;
    }
    // key=value pairs; a value runs until the next " key=" so that names with spaces stay whole. The filter of a
    // CSV export is the rest of the line.
    static const QRegularExpression pair(QStringLiteral("(?:^|\\s)([A-Za-z]+)="));
    QList<std::pair<QString, QString>> pairs;
    auto it = pair.globalMatch(text);
    QList<QRegularExpressionMatch> matches;
    while (it.hasNext())
        matches << it.next();
    if (matches.isEmpty() || matches.first().capturedStart() != 0)
        return text;
    for (int i = 0; i < matches.size(); ++i) {
        const QString key = matches[i].captured(1);
        const qsizetype start = matches[i].capturedEnd();
        if (key == QLatin1String("filter")) {
            pairs.append({key, text.mid(start)});
            break;
        }
        const qsizetype end = i + 1 < matches.size() ? matches[i + 1].capturedStart() : text.size();
        pairs.append({key, text.mid(start, end - start).trimmed()});
    }
    QStringList parts;
    for (const auto& [key, value] : pairs) {
        if (key == QLatin1String("viewers") || key == QLatin1String("signers"))
            parts << tr("%1: %n person(s)", nullptr, value.toInt()).arg(keyLabel(key));
        else if (key == QLatin1String("filter"))
            parts << tr("%1: %2").arg(keyLabel(key), value.isEmpty() ? tr("none") : value);
        else
            parts << tr("%1: %2").arg(keyLabel(key), valueText(key, value));
    }
    return parts.join(tr(", "));
}

AuditTrailPage::AuditTrailPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("auditTrailPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(8);
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(makePageTitle(tr("Audit trail"), this));
    titleRow->addStretch(1);
    m_export = makeButton(tr("Export CSV..."), QStringLiteral("auditExportCsvButton"), false, this);
    titleRow->addWidget(m_export);
    layout->addLayout(titleRow);

    auto* filters = new QHBoxLayout;
    m_period = new PeriodFilter(tr("Period"), QStringLiteral("audit"), this);
    filters->addWidget(m_period);
    filters->addWidget(new QLabel(tr("Operator"), this));
    m_actor = new QLineEdit(this);
    m_actor->setObjectName(QStringLiteral("auditActorEdit"));
    m_actor->setMaxLength(api::AuditFilter::kMaxIdLength);
    m_actor->setClearButtonEnabled(true);
    filters->addWidget(m_actor);
    filters->addWidget(new QLabel(tr("Target user"), this));
    m_subject = new QLineEdit(this);
    m_subject->setObjectName(QStringLiteral("auditSubjectEdit"));
    m_subject->setMaxLength(api::AuditFilter::kMaxIdLength);
    m_subject->setClearButtonEnabled(true);
    filters->addWidget(m_subject);
    filters->addWidget(new QLabel(tr("Operation"), this));
    m_event = new QComboBox(this);
    m_event->setObjectName(QStringLiteral("auditEventCombo"));
    m_event->addItem(tr("All"), QString());
    for (const QLatin1String& event : api::auditEvents())
        m_event->addItem(eventLabel(event), QString(event));
    filters->addWidget(m_event);
    auto* searchButton = makeButton(tr("Search"), QStringLiteral("auditSearchButton"), true, this);
    auto* clearButton = makeButton(tr("Clear"), QStringLiteral("auditClearButton"), false, this);
    filters->addWidget(searchButton);
    filters->addWidget(clearButton);
    filters->addStretch(1);
    layout->addLayout(filters);

    m_table = new TrailTable(
        {tr("Date and time"), tr("Operation"), tr("Operator"), tr("Target user"), tr("Details"), tr("Connected from")},
        kPageSize, QStringLiteral("audit"), this);
    layout->addWidget(m_table, 1);

    setTabOrder(m_export, m_period);
    setTabOrder(m_period, m_actor);
    setTabOrder(m_actor, m_subject);
    setTabOrder(m_subject, m_event);
    setTabOrder(m_event, searchButton);
    setTabOrder(searchButton, clearButton);
    setTabOrder(clearButton, m_table->previousButton());

    connect(searchButton, &QPushButton::clicked, this, &AuditTrailPage::search);
    connect(clearButton, &QPushButton::clicked, this, [this] {
        clear();
        refresh();
    });
    connect(m_actor, &QLineEdit::returnPressed, this, &AuditTrailPage::search);
    connect(m_subject, &QLineEdit::returnPressed, this, &AuditTrailPage::search);
    connect(m_table, &TrailTable::pageRequested, this, [this](int offset) {
        m_filter.offset = offset;
        refresh();
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        openCsvSaveDialog(this, tr("Export the audit trail as CSV"), QStringLiteral("audit-trail"),
            [this](const QString& path) { exportCsvTo(path); });
    });
    clear();
}

void AuditTrailPage::setService(AdminService* service)
{
    m_service = service;
}

void AuditTrailPage::clear()
{
    m_filter = api::AuditFilter();
    m_filter.limit = kPageSize;
    m_period->clear();
    m_actor->clear();
    m_subject->clear();
    m_event->setCurrentIndex(0);
    m_table->clear();
}

api::AuditFilter AuditTrailPage::filter() const
{
    api::AuditFilter filter;
    filter.from = m_period->from();
    filter.to = m_period->to();
    filter.actor = m_actor->text().trimmed();
    filter.subjectUser = m_subject->text().trimmed();
    filter.event = m_event->currentData().toString();
    filter.limit = kPageSize;
    return filter;
}

void AuditTrailPage::search()
{
    m_filter = filter();
    refresh();
}

void AuditTrailPage::refresh()
{
    if (!m_service)
        return;
    whenReady(this, m_service->auditTrail(m_filter), [this](const Result<api::AuditPage>& page) {
        if (!page) {
            reportError(page.error());
            return;
        }
        m_table->clearMessages();
        showPage(*page);
    });
}

void AuditTrailPage::showPage(const api::AuditPage& page)
{
    QList<QStringList> rows;
    for (const api::AuditEntry& entry : page.entries) {
        rows << QStringList {
            entry.occurredAt.toTimeZone(QTimeZone::systemTimeZone()).toString(QStringLiteral("yyyy/MM/dd HH:mm:ss")),
            eventLabel(entry.event), entry.actor, entry.subjectUser, detailText(entry.event, entry.detail),
            entry.remote};
    }
    m_table->showPage(rows, m_filter.offset, page.total);
    emit listed();
}

int AuditTrailPage::rowCount() const
{
    return m_table->rowCount();
}

QString AuditTrailPage::cell(int row, int column) const
{
    return m_table->cell(row, column);
}

void AuditTrailPage::exportCsvTo(const QString& path)
{
    if (!m_service || path.isEmpty())
        return;
    // The CSV covers every row of the search shown, not only this page.
    api::AuditFilter csvFilter = m_filter;
    csvFilter.offset = 0;
    m_export->setEnabled(false);
    whenReady(this, m_service->auditTrailCsv(csvFilter), [this, path](const Result<QByteArray>& csv) {
        m_export->setEnabled(true);
        const Status saved = m_table->saveCsv(csv, path);
        if (!saved)
            return reportError(saved.error());
        emit exported(path);
    });
}

void AuditTrailPage::reportError(const Error& error)
{
    m_table->showError(error);
    emit failed(error);
}

} // namespace ikkatsu::ui
