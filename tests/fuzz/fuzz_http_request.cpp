// libFuzzer harness: a raw HTTP/1.1 request through everything of ours that reads client bytes — the request
// as our RequestParser and HttpServer make it, route matching over the real route table, Authorization, If-Match,
// User-Agent, query filters and the JSON body decoding of every route and DTO.
#include "Api.h"
#include "files/FileNames.h"
#include "http/HttpMessage.h"
#include "http/RequestParser.h"
#include "http/Router.h"
#include "results/ProcessingResults.h"

#include "api/AuditDto.h"
#include "api/Dto.h"
#include "api/FileDto.h"
#include "api/QueryFields.h"

#include <QJsonArray>
#include <QUrl>

#include <cstdint>

using namespace ikkatsu;
using namespace ikkatsu::server;

namespace {

// What HttpServer hands to a handler: the head as RequestParser reads it (a malformed one never reaches a handler, so
// those bytes are taken as far as the parser would), the target decoded as HttpServer::beginRequest decodes it, the
// first value of each header, the body that follows.
HttpRequest requestFromBytes(const QByteArray& bytes)
{
    RequestParser parser;
    QByteArrayView input(bytes);
    QByteArrayView data;
    if (parser.next(&input, &data) != RequestParser::Event::Head)
        return HttpRequest();
    HttpRequest request = requestFromHead(parser.head());
    while (parser.next(&input, &data) == RequestParser::Event::Body)
        request.body += data.toByteArray();
    request.remoteAddress = QStringLiteral("127.0.0.1");
    return request;
}

const Router& routes()
{
    // Handlers are never called except the context-free health check, so no server context is needed.
    static const Router router = buildApiRoutes(nullptr);
    return router;
}

void decodeQuery(const QUrlQuery& query)
{
    (void)api::FileListFilter::fromQuery(query);
    (void)api::ResultFilter::fromQuery(query);
    (void)api::AuditFilter::fromQuery(query);
    (void)api::queryInt(query, QStringLiteral("offset"), 0, 0, 1000000);
    (void)api::queryInt(query, QStringLiteral("limit"), 50, 1, 500);
    (void)api::queryDate(query, QStringLiteral("from"));
    (void)api::queryFreeText(query, QStringLiteral("q"), 256);
    (void)api::onlyKnownKeys(query, {QStringLiteral("q"), QStringLiteral("offset"), QStringLiteral("limit")});
    (void)query.queryItemValue(QStringLiteral("folderId"), QUrl::FullyDecoded);
    (void)query.toString(QUrl::FullyDecoded).left(200);
}

void decodeBody(const QByteArray& body)
{
    auto parsed = parseJsonObject(body);
    if (!parsed)
        return;
    const QJsonObject& object = *parsed;
    // The fields the routes of server/Api.cpp read, with their limits.
    for (const char* key : {"userId", "attemptId", "folderId", "otp", "name", "password", "newPassword", "reason",
             "userName", "company", "email", "csr", "content"}) {
        const QString name = QString::fromLatin1(key);
        (void)requireString(object, name, 64);
        (void)optionalString(object, name, 1024, QStringLiteral("fallback"));
        if (auto text = requireString(object, name, 16384, true)) {
            (void)QByteArray::fromBase64Encoding(text->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            (void)checkedName(*text, 200);
            (void)foldName(*text);
            (void)likePattern(*text);
        }
    }
    for (const char* key : {"sign", "signOrdered", "locked", "maySign"}) {
        (void)requireBool(object, QString::fromLatin1(key));
        (void)optionalBool(object, QString::fromLatin1(key), false);
    }
    // The same bytes as a client would decode them from a (hostile) server.
    (void)api::UserInfo::fromJson(object);
    (void)api::LoginChallenge::fromJson(object);
    (void)api::Session::fromJson(object);
    (void)api::CertificateInfo::fromJson(object);
    (void)api::ErrorBody::fromJson(object);
    (void)api::FolderInfo::fromJson(object);
    (void)api::SignerState::fromJson(object);
    (void)api::FileEntry::fromJson(object);
    (void)api::FileListPage::fromJson(object);
    (void)api::NewFileOutcome::fromJson(object);
    (void)api::ProcessingResult::fromJson(object);
    (void)api::ResultPage::fromJson(object);
    (void)api::AuditEntry::fromJson(object);
    (void)api::AuditPage::fromJson(object);
    (void)api::listFromJson<api::UserInfo>(object, QStringLiteral("users"));
    (void)api::listFromJson<api::FileEntry>(object, QStringLiteral("files"));
    (void)api::fromJsonTime(object.value(QStringLiteral("createdAt")).toString());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const HttpRequest request
        = requestFromBytes(QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));

    const Router::Match match = routes().match(request.method, request.path);
    if (match.handler && request.path == QStringLiteral("/api/v1/health"))
        (void)(*match.handler)(request);
    for (const QByteArray& prefix : uploadPathPrefixes())
        (void)request.path.toUtf8().startsWith(prefix);

    (void)request.bearerToken();
    (void)ClientInfo::of(request);
    (void)api::parseVersionTag(request.header(QByteArrayLiteral("if-match")));
    decodeQuery(request.query);
    decodeBody(request.body);
    (void)HttpResponse::error(ErrorCode::BadRequest);
    return 0;
}
