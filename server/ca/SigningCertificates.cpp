// Issued certificates are stored as PEM with their serial, subject and dates; the CRL is built from that table.
#include "ca/SigningCertificates.h"

#include <QDateTime>
#include <QTimeZone>

namespace ikkatsu::server {

QByteArray certificateDerFromPem(const QString& pem)
{
    QString body = pem;
    body.remove(QStringLiteral("-----BEGIN CERTIFICATE-----"));
    body.remove(QStringLiteral("-----END CERTIFICATE-----"));
    return QByteArray::fromBase64(body.simplified().remove(QLatin1Char(' ')).toLatin1());
}

namespace {

QString derToPem(const QByteArray& der)
{
    QString pem = QStringLiteral("-----BEGIN CERTIFICATE-----\n");
    const QString base64 = QString::fromLatin1(der.toBase64());
    for (qsizetype i = 0; i < base64.size(); i += 64)
        pem += base64.mid(i, 64) + QLatin1Char('\n');
    return pem + QStringLiteral("-----END CERTIFICATE-----\n");
}

QDateTime fromSeconds(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

} // namespace

SubjectName SigningCertificates::subjectFor(const api::UserInfo& user) const
{
    SubjectName subject;
    subject.commonName = user.nameRoman;
    subject.companyUnit = user.companyRoman;
    subject.serviceUnit = m_context.config.serviceName;
    subject.organization = m_context.config.serviceProvider;
    subject.country = m_context.config.country;
    return subject;
}

Result<std::optional<api::CertificateInfo>> SigningCertificates::setup(
    const Caller& caller, bool sign, const QByteArray& csrDer, const QString& remote)
{
    Database& db = *m_context.database;
    const QString userId = caller.user.userId;
    if (!sign) {
        IKK_TRY(db.exec(QStringLiteral("UPDATE users SET signing_choice = 'view', updated_at = ? WHERE user_id = ?"),
            {QDateTime::currentSecsSinceEpoch(), userId}));
        m_context.audit(api::AuditEvent::CertificateViewOnly, userId, userId, {}, remote);
        return std::optional<api::CertificateInfo>();
    }
    if (!caller.user.maySign)
        return makeError(ErrorCode::CertificateSetupNotAllowed);
    const SubjectName subject = subjectFor(caller.user);
    auto issued = m_context.ca->issue(csrDer, subject, m_context.config.certificateValidityDays,
        m_context.config.crlUrl(), m_context.config.ocspUrl(), m_context.config.caCertificateUrl());
    if (!issued) {
        m_context.audit(api::AuditEvent::CertificateRefused, userId, userId, issued.error().codeText(), remote);
        return issued.error();
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    {
        WriteTransaction transaction(db);
        IKK_TRY(transaction.begin());
        IKK_TRY(db.exec(QStringLiteral("UPDATE certificates SET revoked_at = ?, revocation_reason = 4 "
                                       "WHERE user_id = ? AND revoked_at IS NULL"),
            {now, userId}));
        IKK_TRY(
            db.exec(QStringLiteral("INSERT INTO certificates (serial, user_id, subject, not_before, not_after, pem, "
                                   "issued_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                {issued->serialHex, userId, issued->subjectText, issued->notBefore.toSecsSinceEpoch(),
                    issued->notAfter.toSecsSinceEpoch(), derToPem(issued->der), now}));
        IKK_TRY(db.exec(QStringLiteral("UPDATE users SET signing_choice = 'sign', updated_at = ? WHERE user_id = ?"),
            {now, userId}));
        IKK_TRY(transaction.commit());
    }
    m_context.audit(
        api::AuditEvent::CertificateIssued, userId, userId, QStringLiteral("serial=") + issued->serialHex, remote);
    api::CertificateInfo info;
    info.serialNumber = issued->serialHex;
    info.subject = subject;
    info.notBefore = issued->notBefore;
    info.notAfter = issued->notAfter;
    info.certificateDer = issued->der;
    info.caCertificateDer = m_context.ca->certificateDer();
    return std::optional<api::CertificateInfo>(info);
}

Result<QList<api::CertificateInfo>> SigningCertificates::list(const QString& userId) const
{
    auto rows = m_context.database->exec(
        QStringLiteral("SELECT c.serial, c.not_before, c.not_after, c.pem, c.revoked_at, u.name_roman, "
                       "u.company_roman FROM certificates c JOIN users u ON u.user_id = c.user_id "
                       "WHERE c.user_id = ? ORDER BY c.issued_at DESC"),
        {userId});
    if (!rows)
        return rows.error();
    QList<api::CertificateInfo> list;
    const QByteArray caDer = m_context.ca->certificateDer();
    while (rows->next()) {
        api::CertificateInfo info;
        info.serialNumber = rows->value(0).toString();
        info.notBefore = fromSeconds(rows->value(1).toLongLong());
        info.notAfter = fromSeconds(rows->value(2).toLongLong());
        info.certificateDer = certificateDerFromPem(rows->value(3).toString());
        info.revoked = !rows->value(4).isNull();
        api::UserInfo names;
        names.nameRoman = rows->value(5).toString();
        names.companyRoman = rows->value(6).toString();
        info.subject = subjectFor(names);
        info.caCertificateDer = caDer;
        list.append(info);
    }
    return list;
}

Result<std::optional<api::CertificateInfo>> SigningCertificates::current(const QString& userId) const
{
    auto all = list(userId);
    if (!all)
        return all.error();
    for (const api::CertificateInfo& info : std::as_const(*all)) {
        if (!info.revoked)
            return std::optional<api::CertificateInfo>(info);
    }
    return std::optional<api::CertificateInfo>();
}

Result<api::CertificateInfo> SigningCertificates::revoke(
    const api::UserInfo& admin, const QString& serial, int reason, const QString& remote)
{
    auto row = m_context.database->exec(QStringLiteral("SELECT user_id FROM certificates WHERE serial = ?"), {serial});
    if (!row)
        return row.error();
    if (!row->next())
        return makeError(ErrorCode::RouteNotFound, QStringLiteral("no such certificate"));
    const QString userId = row->value(0).toString();
    row->finish();
    IKK_TRY(m_context.database->exec(QStringLiteral("UPDATE certificates SET revoked_at = ?, revocation_reason = ? "
                                                    "WHERE serial = ? AND revoked_at IS NULL"),
        {QDateTime::currentSecsSinceEpoch(), reason, serial}));
    m_context.audit(api::AuditEvent::CertificateRevoked, admin.userId, userId,
        QStringLiteral("serial=%1 reason=%2").arg(serial).arg(reason), remote);
    auto all = list(userId);
    if (!all)
        return all.error();
    for (const api::CertificateInfo& info : std::as_const(*all)) {
        if (info.serialNumber == serial)
            return info;
    }
    return makeError(ErrorCode::RouteNotFound);
}

Result<QByteArray> SigningCertificates::crl() const
{
    auto rows
        = m_context.database->exec(QStringLiteral("SELECT serial, revoked_at, revocation_reason FROM certificates "
                                                  "WHERE revoked_at IS NOT NULL ORDER BY serial"));
    if (!rows)
        return rows.error();
    QList<RevokedCertificate> revoked;
    while (rows->next())
        revoked.append({rows->value(0).toString(), fromSeconds(rows->value(1).toLongLong()), rows->value(2).toInt()});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Time-based CRL numbers increase without shared state, also across several server processes.
    return m_context.ca->createCrl(revoked, now, now.addDays(1), now.toSecsSinceEpoch());
}

} // namespace ikkatsu::server
