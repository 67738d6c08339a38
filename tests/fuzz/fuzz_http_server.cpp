// libFuzzer harness: raw bytes on a real TCP connection to our HttpServer, in process: RequestParser, the connection
// glue (ConnectionState), body admission and spooling, pipelining and request copying, with handlers that decode
// like ours.
#include "http/HttpMessage.h"
#include "http/HttpServer.h"
#include "http/Metrics.h"
#include "http/RequestBody.h"
#include "http/Router.h"
#include "results/ProcessingResults.h"

#include "api/FileDto.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <thread>

#include <sys/socket.h>

using namespace ikkatsu;
using namespace ikkatsu::server;

namespace {

// The body admission, decided by the input alone: the first character of the bearer token refuses as the server's
// own admission does ('r' no session 401, 'f' not an administrator 403, 'b' queue full 503), 's' admits after a
// pause (bytes keep arriving while the connection waits), anything else admits at once.
std::optional<HttpResponse> decideAdmission(const HttpRequest& head)
{
    const QString token = head.bearerToken();
    switch (token.isEmpty() ? u'\0' : token.at(0).unicode()) {
    case u'r':
        return HttpResponse::error(ErrorCode::SessionMissing);
    case u'f':
        return HttpResponse::error(ErrorCode::AdminOnly);
    case u'b':
        return HttpResponse::error(ErrorCode::ServerBusy);
    default:
        return std::nullopt;
    }
}

// Uploads admitted and not yet handled: a handler that finds none ran without the admission's consent.
std::atomic<long> g_admittedUploads {0};

bool isUpload(const HttpRequest& request)
{
    return request.route == QLatin1String("/api/v1/files/{fileId}/content") && request.method == "PUT";
}

BodyAdmission fuzzAdmission()
{
    return [](const HttpRequest& head) -> std::optional<HttpResponse> {
        // Asked on the head alone, before a byte of the body is taken.
        if (!head.body.isEmpty() || head.bodyFile)
            std::abort();
        if (head.bearerToken().startsWith(QLatin1Char('s')))
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        std::optional<HttpResponse> refusal = decideAdmission(head);
        if (!refusal && isUpload(head))
            ++g_admittedUploads;
        return refusal;
    };
}

Router fuzzRoutes(const std::shared_ptr<HttpMetrics>& metrics)
{
    Router router;
    router.add(
        "GET", QStringLiteral("/metrics"),
        [metrics](const HttpRequest&) { return HttpResponse::bytes(metrics->text(), QByteArrayLiteral("text/plain")); },
        HandlerThread::Inline);
    router.add(
        "GET", QStringLiteral("/api/v1/health"), [](const HttpRequest&) { return HttpResponse::json({}); },
        HandlerThread::Inline);
    router.add("POST", QStringLiteral("/api/v1/auth/login"), [](const HttpRequest& request) {
        auto body = parseJsonObject(request.body);
        if (!body)
            return HttpResponse::error(body.error());
        auto userId = requireString(*body, QStringLiteral("userId"), 64);
        if (!userId)
            return HttpResponse::error(userId.error());
        return HttpResponse::json({{QStringLiteral("userId"), *userId}});
    });
    router.add(
        "PUT", QStringLiteral("/api/v1/files/{fileId}/content"),
        [](const HttpRequest& request) {
            // A refused body is never handed to a handler, and every body handled was admitted first (an empty one
            // is not asked about: nothing of it goes to the disk).
            if (!request.bodyFile)
                std::abort();
            if (request.bodyFile->size() > 0 && (decideAdmission(request) || --g_admittedUploads < 0))
                std::abort();
            const int version = api::parseVersionTag(request.header(QByteArrayLiteral("if-match")));
            const ClientInfo client = ClientInfo::of(request);
            return HttpResponse::json({{QStringLiteral("version"), version},
                {QStringLiteral("agent"), client.userAgent}, {QStringLiteral("token"), request.bearerToken()},
                {QStringLiteral("fileId"), request.pathParameters.value(QStringLiteral("fileId"))},
                {QStringLiteral("size"), request.bodyFile ? request.bodyFile->size() : -1},
                {QStringLiteral("sha256"), request.bodyFile ? request.bodyFile->sha256Hex() : QString()}});
        },
        HandlerThread::Worker, RequestBodyMode::File);
    router.add("GET", QStringLiteral("/api/v1/files"), [](const HttpRequest& request) {
        auto filter = api::FileListFilter::fromQuery(request.query);
        return filter ? HttpResponse::noContent() : HttpResponse::error(filter.error());
    });
    return router;
}

quint16 serverPort()
{
    static int argc = 1;
    static char name[] = "fuzz_http_server";
    static char* argv[] = {name, nullptr};
    static QCoreApplication* app = new QCoreApplication(argc, argv);
    static quint16 port = [] {
        HttpLimits limits;
        limits.workers = 2;
        limits.queue = 4;
        limits.maxRequestBytes = 16 << 10; // small limits so that inputs can cross them
        limits.uploadPathPrefixes = {QByteArrayLiteral("/api/v1/files/")};
        limits.maxUploadBytes = 32 << 10;
        limits.maxPipelined = 2;
        // Real metrics: every request's route label and status pass through them, and GET /metrics prints them.
        const auto metrics = std::make_shared<HttpMetrics>();
        auto* server = new HttpServer(fuzzRoutes(metrics), limits, metrics, app);
        server->setBodyAdmission(fuzzAdmission());
        auto started = server->start(QHostAddress::LocalHost, 0, std::nullopt);
        if (!started)
            std::abort();
        return *started;
    }();
    return port;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const quint16 port = serverPort();
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    if (!client.waitForConnected(5000))
        std::abort();
    client.write(reinterpret_cast<const char*>(data), static_cast<qint64>(size));
    while (client.bytesToWrite() > 0 && client.waitForBytesWritten(5000)) { }
    // End of request stream: the server answers what it parsed, then sees the close.
    ::shutdown(static_cast<int>(client.socketDescriptor()), SHUT_WR);
    QEventLoop loop;
    QObject::connect(&client, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&client, &QTcpSocket::readyRead, &client, [&client] { client.readAll(); });
    QTimer::singleShot(3000, &loop, &QEventLoop::quit);
    if (client.state() == QAbstractSocket::ConnectedState)
        loop.exec();
    client.abort();
    // Let the server side delete its sockets before the next input.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
    return 0;
}
