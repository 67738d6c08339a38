// Blocking HTTP round trips to a TSA from signing worker threads: one QNetworkAccessManager per thread.
#include "client/TimestampClient.h"

#include "crypto/Timestamp.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QThreadStorage>

namespace ikkatsu {

namespace {

// Deleted when its thread ends (the main thread's when the application object goes), keeping keep-alive
// connections to the TSA across the files of a batch.
QThreadStorage<QNetworkAccessManager*> g_managers;

QNetworkAccessManager& threadManager()
{
    if (!g_managers.hasLocalData())
        g_managers.setLocalData(new QNetworkAccessManager);
    return *g_managers.localData();
}

constexpr qint64 kMaxReplyBytes = 8 << 20; // a token or OCSP answer is a few kilobytes, a CRL may be more

} // namespace

namespace {

struct Exchange
{
    int status = 0; // 0: no HTTP answer at all
    QByteArray body;
    QString contentType;
    QString problem; // the network error when status is 0
};

// One blocking round trip on this thread's manager: POST `body` when it is not empty, else GET.
Exchange exchange(const TimestampClientOptions& options, const QUrl& url, const QByteArray& contentType,
    const QByteArray& body, const QByteArray& accept)
{
    QNetworkRequest request(url);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setRawHeader("Accept", accept);
    if (!options.bearerToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + options.bearerToken.toLatin1());
    if (!options.caCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(options.caCertificates);
        request.setSslConfiguration(tls);
    }
    request.setTransferTimeout(options.timeoutMs);
    QNetworkReply* reply = body.isEmpty() ? threadManager().get(request) : threadManager().post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    reply->deleteLater();
    Exchange result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->read(kMaxReplyBytes);
    result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    if (result.status == 0 || (reply->error() != QNetworkReply::NoError && result.status < 400)) {
        result.status = 0;
        result.problem = reply->errorString();
    }
    return result;
}

QString displayed(const QUrl& url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
}

} // namespace

CadesSigner::TimestampFetcher makeHttpTimestampFetcher(const TimestampClientOptions& options)
{
    return [options](const QByteArray& sha256) -> Result<QByteArray> {
        auto query = createTimestampRequest(sha256);
        IKK_TRY(query);
        const Exchange answer = exchange(options, options.url, QByteArrayLiteral("application/timestamp-query"), *query,
            QByteArrayLiteral("application/timestamp-reply"));
        const QString where = displayed(options.url);
        if (answer.status == 0)
            return makeError(ErrorCode::TimestampFailed, where + QStringLiteral(": ") + answer.problem);
        if (answer.status != 200) {
            const QJsonObject error = QJsonDocument::fromJson(answer.body).object();
            const ErrorCode code
                = error.value(QStringLiteral("code")).toString() == errorCodeText(ErrorCode::TimestampNotAllowed)
                ? ErrorCode::TimestampNotAllowed
                : ErrorCode::TimestampFailed;
            return makeError(code, QStringLiteral("%1: HTTP %2").arg(where).arg(answer.status));
        }
        if (!answer.contentType.startsWith(QLatin1String("application/timestamp-reply")))
            return makeError(ErrorCode::TimestampResponseInvalid, where + QStringLiteral(": not a timestamp reply"));
        return timestampTokenFromResponse(answer.body, *query);
    };
}

RevocationFetchers makeHttpRevocationFetchers(const TimestampClientOptions& options)
{
    RevocationFetchers fetchers;
    // Only http(s): a certificate names the URLs, and a hostile one must not make us open files or other schemes.
    auto checkedUrl = [](const QString& text) {
        const QUrl url(text, QUrl::StrictMode);
        return url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
            ? url
            : QUrl();
    };
    fetchers.ocsp = [options, checkedUrl](const QString& text, const QByteArray& request) -> Result<QByteArray> {
        const QUrl url = checkedUrl(text);
        if (url.isEmpty())
            return makeError(ErrorCode::OcspUnavailable, QStringLiteral("not an http(s) URL: %1").arg(text));
        const Exchange answer = exchange(options, url, QByteArrayLiteral("application/ocsp-request"), request,
            QByteArrayLiteral("application/ocsp-response"));
        if (answer.status != 200)
            return makeError(ErrorCode::OcspUnavailable,
                QStringLiteral("%1: %2").arg(displayed(url),
                    answer.status == 0 ? answer.problem : QStringLiteral("HTTP %1").arg(answer.status)));
        return answer.body;
    };
    fetchers.crl = [options, checkedUrl](const QString& text) -> Result<QByteArray> {
        const QUrl url = checkedUrl(text);
        if (url.isEmpty())
            return makeError(ErrorCode::CrlUnavailable, QStringLiteral("not an http(s) URL: %1").arg(text));
        const Exchange answer = exchange(options, url, {}, {}, QByteArrayLiteral("application/pkix-crl"));
        if (answer.status != 200)
            return makeError(ErrorCode::CrlUnavailable,
                QStringLiteral("%1: %2").arg(displayed(url),
                    answer.status == 0 ? answer.problem : QStringLiteral("HTTP %1").arg(answer.status)));
        return answer.body;
    };
    return fetchers;
}

void LongTermSigning::applyTo(CadesSigner& signer, SignatureOptions& options) const
{
    signer.setTimestampFetcher(signatureTimestamp);
    options.validationData = validationData;
    options.archiveTimestamp = archiveTimestamp;
}

LongTermSigning longTermSigning(SigningLevel level, const TimestampClientOptions& tsa)
{
    LongTermSigning tools;
    if (level >= SigningLevel::BT)
        tools.signatureTimestamp = makeHttpTimestampFetcher(tsa);
    if (level >= SigningLevel::BLT)
        tools.validationData = std::make_shared<const ValidationDataCollector>(makeHttpRevocationFetchers(tsa));
    if (level >= SigningLevel::BLTA)
        tools.archiveTimestamp = makeHttpTimestampFetcher(tsa);
    return tools;
}

LongTermSigning longTermSigningFor(const client::ApiClient& client, const client::ApiClient::SigningPolicy& policy)
{
    const SigningLevel level = parseSigningLevel(policy.signatureLevel).value_or(SigningLevel::BB);
    if (level == SigningLevel::BB)
        return {};
    TimestampClientOptions options;
    options.url = client.serverUrl().resolved(QUrl(policy.tsaPath));
    options.bearerToken = client.sessionToken();
    options.caCertificates = client.caCertificates();
    return longTermSigning(level, options);
}

} // namespace ikkatsu
