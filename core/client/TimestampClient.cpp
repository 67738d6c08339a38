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

constexpr qint64 kMaxReplyBytes = 1 << 20; // a token is a few kilobytes

} // namespace

CadesSigner::TimestampFetcher makeHttpTimestampFetcher(const TimestampClientOptions& options)
{
    return [options](const QByteArray& sha256) -> Result<QByteArray> {
        auto query = createTimestampRequest(sha256);
        IKK_TRY(query);
        QNetworkRequest request(options.url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/timestamp-query"));
        request.setRawHeader("Accept", "application/timestamp-reply");
        if (!options.bearerToken.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + options.bearerToken.toLatin1());
        if (!options.caCertificates.isEmpty()) {
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.addCaCertificates(options.caCertificates);
            request.setSslConfiguration(tls);
        }
        request.setTransferTimeout(options.timeoutMs);
        QNetworkReply* reply = threadManager().post(request, *query);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->read(kMaxReplyBytes);
        const QString where = options.url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
        if (status == 0 || (reply->error() != QNetworkReply::NoError && status < 400))
            return makeError(ErrorCode::TimestampFailed, where + QStringLiteral(": ") + reply->errorString());
        if (status != 200) {
            const QJsonObject error = QJsonDocument::fromJson(body).object();
            const ErrorCode code
                = error.value(QStringLiteral("code")).toString() == errorCodeText(ErrorCode::TimestampNotAllowed)
                ? ErrorCode::TimestampNotAllowed
                : ErrorCode::TimestampFailed;
            return makeError(code, QStringLiteral("%1: HTTP %2").arg(where).arg(status));
        }
        if (!reply->header(QNetworkRequest::ContentTypeHeader)
                 .toString()
                 .startsWith(QLatin1String("application/timestamp-reply")))
            return makeError(ErrorCode::TimestampResponseInvalid, where + QStringLiteral(": not a timestamp reply"));
        return timestampTokenFromResponse(body, *query);
    };
}

CadesSigner::TimestampFetcher timestampFetcherFor(
    const client::ApiClient& client, const client::ApiClient::SigningPolicy& policy)
{
    if (policy.signatureLevel != QLatin1String("B-T"))
        return {};
    TimestampClientOptions options;
    options.url = client.serverUrl().resolved(QUrl(policy.tsaPath));
    options.bearerToken = client.sessionToken();
    options.caCertificates = client.caCertificates();
    return makeHttpTimestampFetcher(options);
}

} // namespace ikkatsu
