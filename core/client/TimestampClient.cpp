// Blocking HTTP round trips to a TSA, OCSP responders and CRLs from signing worker threads, over HttpTransport: one
// per thread, kept for the thread's life, so a batch's timestamps reuse a connection.
#include "client/TimestampClient.h"

#include "client/HttpTransport.h"
#include "crypto/Timestamp.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThreadStorage>

#include <optional>
#include <utility>
#include <vector>

namespace ikkatsu {

namespace {

using client::HttpAnswer;
using client::HttpCall;
using client::HttpTransport;

constexpr qint64 kMaxReplyBytes = 8 << 20; // a token or OCSP answer is a few kilobytes, a CRL may be more
constexpr int kMaxRedirects = 10;

// The transports of one thread, one per set of extra TLS anchors: a connection verified under one set is never
// reused by a call that trusts another (a process uses one or two sets; none is dropped early, since a call nested
// in another's event loop must not delete the transport the outer one waits for). Deleted by QThreadStorage on the
// thread itself when it ends (the main thread's when the application object goes), so the sockets die where they
// live.
struct ThreadTransports
{
    std::vector<std::pair<QList<QSslCertificate>, std::unique_ptr<HttpTransport>>> byAnchors;
};
QThreadStorage<ThreadTransports*> g_transports;

HttpTransport& threadTransport(const TimestampClientOptions& options)
{
    if (!g_transports.hasLocalData())
        g_transports.setLocalData(new ThreadTransports);
    auto& held = g_transports.localData()->byAnchors;
    auto found = std::find_if(
        held.begin(), held.end(), [&options](const auto& entry) { return entry.first == options.caCertificates; });
    if (found == held.end()) {
        auto transport = std::make_unique<HttpTransport>();
        transport->setCaCertificates(options.caCertificates);
        transport->setMaxBodyBytes(kMaxReplyBytes);
        held.emplace_back(options.caCertificates, std::move(transport));
        found = held.end() - 1;
    }
    found->second->setTimeoutMs(options.timeoutMs);
    return *found->second;
}

// Sends and runs a local event loop until the answer is in (the transport's timeout guarantees one).
Result<HttpAnswer> roundTrip(HttpTransport& transport, HttpCall call)
{
    std::optional<Result<HttpAnswer>> answer;
    QEventLoop loop;
    transport.send(std::move(call), [&answer, &loop](Result<HttpAnswer> got) {
        answer = std::move(got);
        loop.quit();
    });
    while (!answer)
        loop.exec();
    return std::move(*answer);
}

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() && a.port() == b.port();
}

struct Exchange
{
    int status = 0; // 0: no HTTP answer at all
    QByteArray body;
    QByteArray contentType;
    QString problem; // why there is no answer when status is 0
    bool malformed = false; // status 0 because the answer was not HTTP we accept (framing, limits)
};

// One blocking round trip on this thread's transport: POST `body` when it is not empty, else GET. Redirects are
// followed as QNetworkAccessManager did (its default policy): never from https to http, 307/308 keep the method,
// 301/302 turn a POST into a GET and 303 anything; the session goes only to the origin it was meant for.
Exchange exchange(const TimestampClientOptions& options, QUrl url, const QByteArray& contentType, QByteArray body,
    const QByteArray& accept)
{
    HttpTransport& transport = threadTransport(options);
    const QUrl origin = url;
    for (int redirects = 0;; ++redirects) {
        HttpCall call;
        call.method = body.isEmpty() ? QByteArrayLiteral("GET") : QByteArrayLiteral("POST");
        call.url = url;
        if (!body.isEmpty())
            call.headers.append({QByteArrayLiteral("Content-Type"), contentType});
        call.headers.append({QByteArrayLiteral("Accept"), accept});
        if (!options.bearerToken.isEmpty() && sameOrigin(url, origin))
            call.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + options.bearerToken.toLatin1()});
        call.body = body;
        Result<HttpAnswer> answer = roundTrip(transport, std::move(call));
        Exchange result;
        if (!answer) {
            result.problem = answer.error().detail;
            result.malformed = answer.error().code == ErrorCode::ProtocolMismatch;
            return result;
        }
        const int status = answer->status;
        const QByteArray location = answer->headers.value(QByteArrayLiteral("location"));
        const bool redirect = (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
            && !location.isEmpty();
        if (!redirect) {
            result.status = status;
            result.body = std::move(answer->body);
            result.contentType = answer->headers.value(QByteArrayLiteral("content-type"));
            return result;
        }
        const QUrl next = url.resolved(QUrl::fromEncoded(location, QUrl::StrictMode));
        const bool allowed = next.isValid()
            && (next.scheme() == QLatin1String("https")
                || (next.scheme() == QLatin1String("http") && url.scheme() == QLatin1String("http")));
        if (!allowed || redirects >= kMaxRedirects) {
            result.problem = allowed ? QStringLiteral("more than %1 redirects").arg(kMaxRedirects)
                                     : QStringLiteral("redirect refused: %1").arg(QString::fromLatin1(location));
            return result;
        }
        if (status == 303 || ((status == 301 || status == 302) && !body.isEmpty()))
            body.clear();
        url = next;
    }
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
            return makeError(answer.malformed ? ErrorCode::TimestampResponseInvalid : ErrorCode::TimestampFailed,
                where + QStringLiteral(": ") + answer.problem);
        if (answer.status != 200) {
            const QJsonObject error = QJsonDocument::fromJson(answer.body).object();
            const ErrorCode code
                = error.value(QStringLiteral("code")).toString() == errorCodeText(ErrorCode::TimestampNotAllowed)
                ? ErrorCode::TimestampNotAllowed
                : ErrorCode::TimestampFailed;
            return makeError(code, QStringLiteral("%1: HTTP %2").arg(where).arg(answer.status));
        }
        if (!answer.contentType.startsWith("application/timestamp-reply"))
            return makeError(ErrorCode::TimestampResponseInvalid, where + QStringLiteral(": not a timestamp reply"));
        return timestampTokenFromResponse(answer.body, *query);
    };
}

RevocationFetchers makeHttpRevocationFetchers(const TimestampClientOptions& tsa)
{
    // OCSP responders and CRLs answer anyone (our server's need no session), and a certificate names their URLs: a
    // hostile one must not be handed the user's session.
    TimestampClientOptions options = tsa;
    options.bearerToken.clear();
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
