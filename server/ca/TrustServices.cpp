// TSA serials are recorded in tsa_tokens before a token is handed out; OCSP answers come from the certificates table.
#include "ca/TrustServices.h"

#include "accounts/Login.h"
#include "ca/SigningCertificates.h"

#include <QDateTime>
#include <QDir>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QTimeZone>
#include <QUrl>

namespace ikkatsu::server {

Q_LOGGING_CATEGORY(lcTrust, "ikkatsu.server.trust")

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
    Result<bool> rotated = rotateIfDue(context);
    IKK_TRY(rotated);
    return {};
}

Result<bool> TrustServices::rotateIfDue(ServerContext& context)
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
    bool rotated = false;
    IKK_TRY(tsa);
    const std::shared_ptr<const TimestampAuthority> currentTsa = context.timestampAuthority();
    if (!currentTsa || !(currentTsa->certificate() == tsa->certificate)) {
        TimestampAuthorityOptions options;
        options.policyOid = config.tsaPolicyOid;
        const Certificate tsaCertificate = tsa->certificate;
        auto authority
            = TimestampAuthority::create(std::move(tsa->key), {tsaCertificate, context.ca->certificate()}, options);
        IKK_TRY(authority);
        context.setTimestampAuthority(std::make_shared<const TimestampAuthority>(std::move(authority).value()));
        if (currentTsa) {
            rotated = true;
            qCInfo(lcTrust).nospace() << "TSA certificate rotated: serial " << tsaCertificate.serialNumberHex()
                                      << ", valid until " << tsaCertificate.notAfter().toString(Qt::ISODate);
        }
    }

    auto ocsp = config.keysProvisioned ? provisioned(config.ocspKeyFile, config.ocspCertFile)
                                       : context.ca->loadOrIssueService(config.ocspKeyFile, config.ocspCertFile,
                                           config.serviceName + QStringLiteral(" OCSP Responder"),
                                           ServicePurpose::OcspSigning, kOcspValidityDays, kOcspRenewDays, QString());
    IKK_TRY(ocsp);
    const Certificate currentOcsp = context.ocspCertificate();
    if (currentOcsp.isNull() || !(currentOcsp == ocsp->certificate)) {
        const Certificate ocspCertificate = ocsp->certificate;
        auto responder = OcspResponder::create(std::move(ocsp->key), ocspCertificate, context.ca->certificate());
        IKK_TRY(responder);
        context.setOcspResponder(std::make_shared<const OcspResponder>(std::move(responder).value()), ocspCertificate);
        if (!currentOcsp.isNull()) {
            rotated = true;
            qCInfo(lcTrust).nospace() << "OCSP responder certificate rotated: serial "
                                      << ocspCertificate.serialNumberHex() << ", valid until "
                                      << ocspCertificate.notAfter().toString(Qt::ISODate);
        }
    }
    return rotated;
}

CadesSigner::TimestampFetcher TrustServices::inProcessTimestamps(const QString& remote) const
{
    ServerContext* context = &m_context;
    return [context, remote](const QByteArray& digest) -> Result<QByteArray> {
        QByteArray nonce;
        auto request = createTimestampRequest(digest, &nonce);
        IKK_TRY(request);
        auto response = TrustServices(*context).timestamp(*request, QString(), remote);
        IKK_TRY(response);
        return timestampTokenFromResponse(*response, *request);
    };
}

RevocationFetchers TrustServices::inProcessRevocation() const
{
    ServerContext* context = &m_context;
    RevocationFetchers fetchers;
    fetchers.ocsp = [context](const QString& url, const QByteArray& request) -> Result<QByteArray> {
        if (!QUrl(url).path().endsWith(QLatin1String("/api/v1/ocsp")))
            return makeError(ErrorCode::OcspUnavailable, url + QStringLiteral(": not this server's responder"));
        return TrustServices(*context).ocsp(request);
    };
    fetchers.crl = [context](const QString& url) -> Result<QByteArray> {
        if (!QUrl(url).path().endsWith(QLatin1String("/api/v1/ca/crl")))
            return makeError(ErrorCode::CrlUnavailable, url + QStringLiteral(": not this server's CRL"));
        return SigningCertificates(*context).crl();
    };
    return fetchers;
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
    auto answer = m_context.timestampAuthority()->respond(request);
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
    const QString tsaSerial = m_context.timestampAuthority()->certificate().serialNumberHex();
    const QString ocspSerial = m_context.ocspCertificate().serialNumberHex();
    Database& database = *m_context.database;
    return m_context.ocspResponder()->respond(request, [&](const QString& serial) -> Result<OcspStatus> {
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
