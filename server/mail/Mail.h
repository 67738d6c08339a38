// Mail out of the server: the manual's Japanese texts, MIME composition, and delivery by SMTP or to an outbox folder.
#pragma once

#include "ServerConfig.h"
#include "common/Result.h"

#include <QDateTime>
#include <QString>

namespace ikkatsu::server {

struct MailMessage
{
    QString to;
    QString subject;
    QString body; // plain text, '\n' line ends
};

// "2026年03月31日 23:59" in Japan time: how expiry dates appear in the mails.
QString japaneseDateTime(const QDateTime& time);

// ① ユーザ登録のご連絡, to the new user: login URL and expiry; ID and password come from the administrator.
MailMessage registrationNoticeMail(const QString& serviceName, const QString& userEmail, const QString& userName,
    const QString& adminCompany, const QString& adminName, const QDateTime& expiry, const QString& loginUrl);
// ② ユーザ情報, to the administrator: the user's ID, initial password and expiry, to hand over.
MailMessage registrationCredentialsMail(const QString& serviceName, const QString& adminEmail, const QString& adminName,
    const QString& userName, const QString& userId, const QString& password, const QDateTime& expiry);
// The one-time password mail of the login screen.
MailMessage oneTimePasswordMail(
    const QString& serviceName, const QString& userEmail, const QString& userName, const QString& otp);

// RFC 5322 message: UTF-8 body in base64, subject as RFC 2047 encoded words, CRLF line ends.
QByteArray composeMime(const MailMessage& message, const QString& from, const QDateTime& date);

// A plausible single mailbox (no display name, no control characters or spaces).
bool isValidMailAddress(const QString& address);

class MailSender
{
public:
    MailSender(SmtpConfig smtp, QString outboxDir);
    // Blocking; call from a worker thread. MailFailed on any delivery problem (detail for the log).
    Status send(const MailMessage& message) const;

private:
    Status sendSmtp(const QByteArray& mime, const QString& to) const;
    Status writeOutbox(const QByteArray& mime) const;

    SmtpConfig m_smtp;
    QString m_outboxDir;
};

} // namespace ikkatsu::server
