// 操作履歴: the administrators' audit trail as it travels (rows, filter, page), and the one list of its event names.
#pragma once

#include "common/Result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QString>
#include <QUrlQuery>

namespace ikkatsu::api {

// Every event the server writes to the audit trail, named here once: the server writes these, the admin page
// labels them, the admin guide lists them. A new event is added here and gets a label in the audit trail page.
namespace AuditEvent {
// Administrators' actions.
inline constexpr QLatin1String UserRegistered("user.registered");
inline constexpr QLatin1String UserEdited("user.edited");
inline constexpr QLatin1String UserLocked("user.locked");
inline constexpr QLatin1String UserUnlocked("user.unlocked");
inline constexpr QLatin1String UserDisabled("user.disabled");
inline constexpr QLatin1String UserEnabled("user.enabled");
inline constexpr QLatin1String UserPasswordReset("user.password_reset");
inline constexpr QLatin1String CertificateRevoked("certificate.revoked");
inline constexpr QLatin1String FolderCreated("folder.created");
inline constexpr QLatin1String FileRegistered("file.registered");
inline constexpr QLatin1String FilePermissionsChanged("file.permissions_changed");
inline constexpr QLatin1String FileVersionDownloaded("file.version_downloaded");
inline constexpr QLatin1String FileSignatureBoxesPlaced("file.signature_boxes_placed");
inline constexpr QLatin1String ResultsExported("results.exported");
inline constexpr QLatin1String AuditExported("audit.exported");
inline constexpr QLatin1String AdminRefused("admin.refused");
inline constexpr QLatin1String MailFailed("mail.failed");
// The server's own command line (ikkatsu-server init).
inline constexpr QLatin1String BootstrapAdmin("user.bootstrap_admin");
// The server's own jobs (ikkatsu-server renew-archive and its daily run): a new version with a new archive timestamp.
inline constexpr QLatin1String FileArchiveRenewed("file.archive_renewed");
// Users' own sign-in and account events.
inline constexpr QLatin1String LoginUnknownUser("login.unknown_user");
inline constexpr QLatin1String LoginWrongPassword("login.wrong_password");
inline constexpr QLatin1String LoginRefused("login.refused");
inline constexpr QLatin1String LoginPasswordOk("login.password_ok");
inline constexpr QLatin1String LoginWrongOtp("login.wrong_otp");
inline constexpr QLatin1String LoginOtpResent("login.otp_resent");
inline constexpr QLatin1String LoginSucceeded("login.success");
inline constexpr QLatin1String LockedOut("user.locked_out");
inline constexpr QLatin1String Logout("logout");
inline constexpr QLatin1String PasswordChanged("password.changed");
inline constexpr QLatin1String PasswordWrongCurrent("password.wrong_current");
inline constexpr QLatin1String CertificateIssued("certificate.issued");
inline constexpr QLatin1String CertificateViewOnly("certificate.setup_view_only");
inline constexpr QLatin1String CertificateRefused("certificate.refused");
inline constexpr QLatin1String SealChanged("seal.changed");
} // namespace AuditEvent

// All of the above, administrators' actions first.
const QList<QLatin1String>& auditEvents();

// One row of the trail. `detail` is short and never holds a secret (no password, OTP or PIN).
struct AuditEntry
{
    QString eventId;
    QDateTime occurredAt;
    QString event;
    QString actor; // the user who acted; empty for an unknown caller or the server's command line
    QString subjectUser; // the user acted upon, if any
    QString detail;
    QString remote; // the caller's address

    QJsonObject toJson() const;
    static Result<AuditEntry> fromJson(const QJsonObject& object);
};

struct AuditFilter
{
    QDate from; // inclusive, Japan time
    QDate to;
    QString actor; // exact user ID
    QString subjectUser; // exact user ID
    // An event name ("user.locked"), or a group ending in a dot ("user." = every user.* event).
    QString event;
    int offset = 0;
    int limit = 100; // 1..kMaxLimit

    static constexpr int kMaxLimit = 500;
    static constexpr int kMaxIdLength = 64;

    QUrlQuery toQuery() const;
    // E5007 (BadRequest) naming the parameter for an unknown key, a bad date, a bad event name or paging.
    static Result<AuditFilter> fromQuery(const QUrlQuery& query);
};

struct AuditPage
{
    QList<AuditEntry> entries; // newest first
    int total = 0;
    int offset = 0;
    int limit = 0;

    static Result<AuditPage> fromJson(const QJsonObject& object);
};

} // namespace ikkatsu::api
