// TSA serials are recorded in tsa_tokens before a token is handed out; OCSP answers come from the certificates table.
#include "ca/TrustServices.h"

#include "accounts/Login.h"

#include <QDateTime>
#include <QDir>
#include <QHostAddress>
#include <QTimeZone>

namespace ikkatsu::server {

namespace {

constexpr int kTsaValidityDays = 5 * 365;
constexpr int kTsaRenewDays = 365; // rotate a year before the end, so fresh tokens stay verifiable for long
constexpr int kOcspValidityDays = 365;
constexpr int kOcspRenewDays = 30;

bool isLoopback(const QString& remote)
{
    QHostAddress address(remote);
    bool mapped = false;
    const quint32 ipv4 = address.toIPv4Address(&mapped);
    if (mapped)
        address = QHostAddress(ipv4);
    return address.isLoopback();
}

} // namespace

Status TrustServices::open(ServerContext& context)
{
    const ServerConfig& config = context.config;
    // Provisioned keys are only read: several hosts must answer with the same TSA and OCSP identities, so none may
    // renew on its own.
    auto provisioned = [&](const QString& keyPath, const QString& certificatePath) -> Result<ServiceIdentity> {
        auto loaded = context.ca->loadService(keyPath, certificatePath);
        if (!loaded)
            return makeError(
                ErrorCode::ServiceKeysMissing, loaded.error().codeText() + QLatin1Char(' ') + loaded.error().detail);
        return loaded;
    };
    auto tsa = config.keysProvisioned
        ? provisioned(config.tsaKeyFile, config.tsaCertFile)
        : context.ca->loadOrIssueService(config.tsaKeyFile, config.tsaCertFile,
            config.serviceName + QStringLiteral(" Time-Stamping Authority"), ServicePurpose::TimeStamping,
            kTsaValidityDays, kTsaRenewDays, config.crlUrl());
    IKK_TRY(tsa);
    TimestampAuthorityOptions options;
    options.policyOid = config.tsaPolicyOid;
    const Certificate tsaCertificate = tsa->certificate;
    auto authority
        = TimestampAuthority::create(std::move(tsa->key), {tsaCertificate, context.ca->certificate()}, options);
    IKK_TRY(authority);
    context.tsa = std::make_unique<TimestampAuthority>(std::move(authority).value());

    auto ocsp = config.keysProvisioned ? provisioned(config.ocspKeyFile, config.ocspCertFile)
                                       : context.ca->loadOrIssueService(config.ocspKeyFile, config.ocspCertFile,
                                           config.serviceName + QStringLiteral(" OCSP Responder"),
                                           ServicePurpose::OcspSigning, kOcspValidityDays, kOcspRenewDays, QString());
    IKK_TRY(ocsp);
    const Certificate ocspCertificate = ocsp->certificate;
    auto responder = OcspResponder::create(std::move(ocsp->key), ocspCertificate, context.ca->certificate());
    IKK_TRY(responder);
    context.ocsp = std::make_unique<OcspResponder>(std::move(responder).value());
    context.ocspCertificate = ocspCertificate;
    return {};
}

Result<QString> TrustServices::admitTimestampCaller(
    const QString& bearerToken, const QString& remote, bool proxied) const
{
    const QString& access = m_context.config.tsaAccess;
    if (access == QLatin1String("off"))
        return makeError(ErrorCode::TimestampNotAllowed, QStringLiteral("the TSA is switched off"));
    if (!bearerToken.isEmpty()) {
        // A token that is sent must be good, also where anonymous callers would be let in.
        auto caller = Login(m_context).authenticate(bearerToken);
        IKK_TRY(caller);
        return caller->user.userId;
    }
    if (access == QLatin1String("anyone")
        || (access == QLatin1String("session-or-loopback") && !proxied && isLoopback(remote)))
        return QString();
    return makeError(ErrorCode::TimestampNotAllowed, QStringLiteral("a session is required"));
}

Result<QByteArray> TrustServices::timestamp(
    const QByteArray& request, const QString& requester, const QString& remote) const
{
    auto answer = m_context.tsa->respond(request);
    IKK_TRY(answer);
    if (answer->granted) {
        IKK_TRY(m_context.database->exec(
            QStringLiteral(
                "INSERT INTO tsa_tokens (serial, gen_time, imprint, requester, remote) VALUES (?, ?, ?, ?, ?)"),
            {answer->serialHex, answer->genTime.toSecsSinceEpoch(), QString::fromLatin1(answer->imprint.toHex()),
                requester.isEmpty() ? QVariant() : QVariant(requester), remote}));
    }
    return answer->response;
}

Result<QByteArray> TrustServices::ocsp(const QByteArray& request) const
{
    const QString tsaSerial = m_context.tsa->certificate().serialNumberHex();
    const QString ocspSerial = m_context.ocspCertificate.serialNumberHex();
    Database& database = *m_context.database;
    return m_context.ocsp->respond(request, [&](const QString& serial) -> Result<OcspStatus> {
        OcspStatus status;
        // The server's own service certificates are not in the table; they are good while the server uses them.
        if (serial == tsaSerial || serial == ocspSerial) {
            status.status = OcspCertStatus::Good;
            return status;
        }
        auto row = database.exec(
            QStringLiteral("SELECT revoked_at, revocation_reason FROM certificates WHERE serial = ?"), {serial});
        IKK_TRY(row);
        if (!row->next())
            return status; // unknown: not issued by this CA
        if (row->value(0).isNull()) {
            status.status = OcspCertStatus::Good;
            return status;
        }
        status.status = OcspCertStatus::Revoked;
        status.revokedAt = QDateTime::fromSecsSinceEpoch(row->value(0).toLongLong(), QTimeZone::utc());
        status.reason = row->value(1).toInt();
        return status;
    });
}

} // namespace ikkatsu::server
