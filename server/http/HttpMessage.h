// Our own request and response types: what HttpServer's reader hands to handlers and takes back from them.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QHash>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <memory>

namespace ikkatsu::server {

class RequestBody;

struct HttpRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path; // decoded path, e.g. "/api/v1/admin/users/u123"
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    // Routes registered with RequestBodyMode::File: the body as a finished spool file (never null there), and `body`
    // stays empty. Shared: the file is removed when the last copy of the request is gone.
    std::shared_ptr<const RequestBody> bodyFile;
    QString remoteAddress;
    QHash<QString, QString> pathParameters; // filled by the router from "{name}" segments
    QString route; // the matched route template (metrics), empty when no route matched
    qint64 receivedNs = 0; // when the request was complete (monotonic clock of the HTTP server, for latency)

    QByteArray header(const QByteArray& lowerCaseName) const { return headers.value(lowerCaseName); }
    // The bearer token of the Authorization header, or empty.
    QString bearerToken() const;
    // Whether Content-Type names `mediaType` (lower case, "type/subtype"): compared without regard to case and
    // without its parameters (RFC 9110 §8.3.1), never as a prefix of a longer type.
    bool hasContentType(QByteArrayView mediaType) const;
};

struct RequestHead;

// The method, path, query and headers (the first value of each name) of a parsed request head; `validTarget` says
// whether the target was a well-formed URL.
HttpRequest requestFromHead(const RequestHead& head, bool* validTarget = nullptr);

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    // Instead of `body`: a device read from its current position to its end while the answer goes out, a chunk at a
    // time as the client takes it (downloads), so that a file is never held whole in memory.
    std::shared_ptr<QIODevice> stream;
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(const QJsonObject& object, int status = 200);
    static HttpResponse bytes(const QByteArray& body, const QByteArray& contentType, int status = 200);
    static HttpResponse streamed(std::shared_ptr<QIODevice> stream, const QByteArray& contentType);
    static HttpResponse noContent();
    // {"code":"E1203","message":"..."} with the code's HTTP status.
    static HttpResponse error(ErrorCode code, const QString& message = {});
    static HttpResponse error(const Error& error);
};

// Request-body decoding with the error codes the REST contract promises: E5007 for malformed JSON,
// wrong types, missing fields, and strings beyond their limit.
Result<QJsonObject> parseJsonObject(const QByteArray& body);
Result<QString> requireString(const QJsonObject& object, const QString& key, int maxLength, bool allowEmpty = false);
Result<QString> optionalString(
    const QJsonObject& object, const QString& key, int maxLength, const QString& fallback = {});
Result<bool> requireBool(const QJsonObject& object, const QString& key);
Result<bool> optionalBool(const QJsonObject& object, const QString& key, bool fallback);

} // namespace ikkatsu::server
