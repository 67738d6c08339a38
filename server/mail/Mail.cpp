// Mail texts follow the setup manual word for word; delivery uses libcurl's SMTP or .eml files in the outbox.
#include "mail/Mail.h"

#include "accounts/Secrets.h"
#include "common/AtomicFile.h"

#include <curl/curl.h>

#include <QDir>
#include <QLocale>
#include <QLoggingCategory>
#include <QTimeZone>

#include <cstring>
#include <mutex>

namespace ikkatsu::server {

Q_LOGGING_CATEGORY(lcMail, "ikkatsu.server.mail")

namespace {

QString subjectFor(const QString& serviceName, const QString& what)
{
    return QStringLiteral("【") + serviceName + QStringLiteral("】") + what;
}

QByteArray encodedSubject(const QString& subject)
{
    // RFC 2047: encoded words of at most 75 characters, split on whole UTF-8 characters, folded lines.
    QList<QByteArray> words;
    QByteArray chunk;
    for (qsizetype i = 0; i < subject.size(); ++i) {
        QString character(subject.at(i));
        if (subject.at(i).isHighSurrogate() && i + 1 < subject.size())
            character += subject.at(++i);
        const QByteArray bytes = character.toUtf8();
        if (chunk.size() + bytes.size() > 45) {
            words.append(chunk);
            chunk.clear();
        }
        chunk += bytes;
    }
    if (!chunk.isEmpty())
        words.append(chunk);
    QByteArray header;
    for (const QByteArray& word : std::as_const(words)) {
        if (!header.isEmpty())
            header += "\r\n ";
        header += "=?UTF-8?B?" + word.toBase64() + "?=";
    }
    return header;
}

QByteArray foldedBase64(const QByteArray& data)
{
    const QByteArray encoded = data.toBase64();
    QByteArray folded;
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        folded += encoded.mid(i, 76) + "\r\n";
    return folded;
}

struct UploadState
{
    QByteArray data;
    qsizetype offset = 0;
};

size_t readMailData(char* buffer, size_t size, size_t count, void* user)
{
    auto* state = static_cast<UploadState*>(user);
    const size_t room = size * count;
    const size_t left = static_cast<size_t>(state->data.size() - state->offset);
    const size_t n = std::min(room, left);
    std::memcpy(buffer, state->data.constData() + state->offset, n);
    state->offset += static_cast<qsizetype>(n);
    return n;
}

struct CurlDeleter
{
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter
{
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

} // namespace

QString japaneseDateTime(const QDateTime& time)
{
    const QDateTime japan = time.toTimeZone(QTimeZone(9 * 3600));
    return japan.toString(QStringLiteral("yyyy年MM月dd日 HH:mm"));
}

MailMessage registrationNoticeMail(const QString& serviceName, const QString& userEmail, const QString& userName,
    const QString& adminCompany, const QString& adminName, const QDateTime& expiry, const QString& loginUrl)
{
    MailMessage mail;
    mail.to = userEmail;
    mail.subject = subjectFor(serviceName, QStringLiteral("ユーザ登録のご連絡"));
    mail.body = userName + QStringLiteral(" 様\n\n") + adminCompany + QStringLiteral(" の ") + adminName
        + QStringLiteral(" 様 (以下、管理者と呼びます) により\n") + serviceName
        + QStringLiteral("のユーザ登録が行われましたので、\n"
                         "本サービスのご利用開始手続きをご案内申し上げます。\n\n"
                         "ユーザID : 管理者にお問い合わせ下さい。\n"
                         "ログインパスワード : 管理者にお問い合わせ下さい。\n"
                         "ログイン有効期限 : ")
        + japaneseDateTime(expiry)
        + QStringLiteral("\n\n"
                         "ご利用開始手続\n\n"
                         "1) ログイン\n\n"
                         "本サービス専用のログインサイトよりログインして下さい。\n\n"
                         "ログインサイト\n")
        + loginUrl + QStringLiteral("\n");
    return mail;
}

MailMessage registrationCredentialsMail(const QString& serviceName, const QString& adminEmail, const QString& adminName,
    const QString& userName, const QString& userId, const QString& password, const QDateTime& expiry)
{
    MailMessage mail;
    mail.to = adminEmail;
    mail.subject = subjectFor(serviceName, QStringLiteral("ユーザ登録のご連絡"));
    mail.body = adminName + QStringLiteral(" 様\n\n") + userName
        + QStringLiteral(" 様のユーザ登録が完了いたしました。\n"
                         "以下のユーザID・パスワード情報を利用者様にお知らせください。\n\n"
                         "ユーザID : ")
        + userId + QStringLiteral("\nログインパスワード : ") + password + QStringLiteral("\nログイン有効期限 : ")
        + japaneseDateTime(expiry)
        + QStringLiteral("\n\n"
                         "【重要】\n"
                         "ユーザID、ログインパスワードは、\n"
                         "本サービスを利用する際に必要と\n"
                         "なりますので、大切に保管してください。\n"
                         "他人に知られることの無いよう\n"
                         "ご注意ください。\n");
    return mail;
}

MailMessage oneTimePasswordMail(
    const QString& serviceName, const QString& userEmail, const QString& userName, const QString& otp)
{
    MailMessage mail;
    mail.to = userEmail;
    mail.subject = subjectFor(serviceName, QStringLiteral("ワンタイムパスワードのご連絡"));
    mail.body = userName
        + QStringLiteral(" 様\n\n"
                         "操作者の本人確認認証のための、ワンタイムパスワードをご連絡いたします。\n\n"
                         "ワンタイムパスワード：")
        + otp
        + QStringLiteral("\n\n"
                         "*このパスワードを認証用画面に入力してください。\n");
    return mail;
}

bool isValidMailAddress(const QString& address)
{
    if (address.size() < 3 || address.size() > 254 || address.count(QLatin1Char('@')) != 1)
        return false;
    const qsizetype at = address.indexOf(QLatin1Char('@'));
    if (at == 0 || at == address.size() - 1)
        return false;
    for (const QChar c : address) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f || c == QLatin1Char('<') || c == QLatin1Char('>')
            || c == QLatin1Char(',') || c == QLatin1Char(';') || c == QLatin1Char('"') || c == QLatin1Char('\\'))
            return false;
    }
    return true;
}

QByteArray composeMime(const MailMessage& message, const QString& from, const QDateTime& date)
{
    QString body = message.body;
    body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    body.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    const QString domain = from.mid(from.indexOf(QLatin1Char('@')) + 1);
    QByteArray mime;
    mime += "From: " + from.toLatin1() + "\r\n";
    mime += "To: " + message.to.toLatin1() + "\r\n";
    mime += "Subject: " + encodedSubject(message.subject) + "\r\n";
    mime += "Date: " + QLocale::c().toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1()
        + " +0000\r\n";
    mime += "Message-ID: <" + newRandomId().toLatin1() + "@" + domain.toLatin1() + ">\r\n";
    mime += "MIME-Version: 1.0\r\n";
    mime += "Content-Type: text/plain; charset=UTF-8\r\n";
    mime += "Content-Transfer-Encoding: base64\r\n";
    mime += "\r\n";
    mime += foldedBase64(body.toUtf8());
    return mime;
}

MailSender::MailSender(SmtpConfig smtp, QString outboxDir)
    : m_smtp(std::move(smtp))
    , m_outboxDir(std::move(outboxDir))
{
    static std::once_flag curlInit;
    std::call_once(curlInit, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Status MailSender::send(const MailMessage& message) const
{
    if (!isValidMailAddress(message.to) || !isValidMailAddress(m_smtp.from))
        return makeError(ErrorCode::MailFailed, QStringLiteral("invalid mail address"));
    const QByteArray mime = composeMime(message, m_smtp.from, QDateTime::currentDateTimeUtc());
    return m_smtp.url.isEmpty() ? writeOutbox(mime) : sendSmtp(mime, message.to);
}

Status MailSender::writeOutbox(const QByteArray& mime) const
{
    if (!QDir().mkpath(m_outboxDir))
        return makeError(ErrorCode::MailFailed, QStringLiteral("cannot create outbox ") + m_outboxDir);
    const QString name = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"))
        + QLatin1Char('-') + newRandomId().left(8) + QStringLiteral(".eml");
    const Status written = writeFileAtomically(QDir(m_outboxDir).filePath(name), mime, 0600);
    if (!written)
        return makeError(ErrorCode::MailFailed, written.error().detail);
    return {};
}

Status MailSender::sendSmtp(const QByteArray& mime, const QString& to) const
{
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl)
        return makeError(ErrorCode::MailFailed, QStringLiteral("curl_easy_init failed"));
    const QByteArray url = m_smtp.url.toUtf8();
    const QByteArray from = QByteArrayLiteral("<") + m_smtp.from.toLatin1() + QByteArrayLiteral(">");
    const QByteArray rcpt = QByteArrayLiteral("<") + to.toLatin1() + QByteArrayLiteral(">");
    const QByteArray user = m_smtp.user.toUtf8();
    QByteArray password = m_smtp.password.toUtf8();
    std::unique_ptr<curl_slist, SlistDeleter> recipients(curl_slist_append(nullptr, rcpt.constData()));
    UploadState upload {mime, 0};
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.constData());
    curl_easy_setopt(curl.get(), CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl.get(), CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(curl.get(), CURLOPT_READFUNCTION, readMailData);
    curl_easy_setopt(curl.get(), CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl.get(), CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, static_cast<long>(m_smtp.timeoutSeconds));
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    if (m_smtp.startTls && m_smtp.url.startsWith(QLatin1String("smtp:")))
        curl_easy_setopt(curl.get(), CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (!user.isEmpty()) {
        curl_easy_setopt(curl.get(), CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl.get(), CURLOPT_PASSWORD, password.constData());
    }
    const CURLcode rc = curl_easy_perform(curl.get());
    wipeBytes(password);
    if (rc != CURLE_OK) {
        qCWarning(lcMail) << "SMTP delivery failed:" << curl_easy_strerror(rc);
        return makeError(ErrorCode::MailFailed, QString::fromLatin1(curl_easy_strerror(rc)));
    }
    return {};
}

} // namespace ikkatsu::server
