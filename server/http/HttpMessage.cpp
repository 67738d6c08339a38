// JSON responses and strict request decoding: every malformed input maps to a code, never to an exception.
#include "http/HttpMessage.h"

#include "http/RequestParser.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

namespace ikkatsu::server {

bool HttpRequest::hasContentType(QByteArrayView mediaType) const
{
    const QByteArray value = header(QByteArrayLiteral("content-type"));
    const qsizetype end = value.indexOf(';');
    return QByteArrayView(value).first(end < 0 ? value.size() : end).trimmed().compare(mediaType, Qt::CaseInsensitive)
        == 0;
}

QString HttpRequest::bearerToken() const
{
    const QByteArray value = header(QByteArrayLiteral("authorization")).trimmed();
    static const QByteArray prefix = QByteArrayLiteral("bearer ");
    if (value.size() <= prefix.size() || value.left(prefix.size()).toLower() != prefix)
        return {};
    return QString::fromLatin1(value.mid(prefix.size()).trimmed());
}

HttpRequest requestFromHead(const RequestHead& head, bool* validTarget)
{
    HttpRequest request;
    request.method = head.method;
    const QUrl url = QUrl::fromEncoded(head.target, QUrl::StrictMode);
    if (validTarget)
        *validTarget = url.isValid();
    request.path = url.path();
    request.query = QUrlQuery(url);
    for (const auto& [name, value] : head.headers) {
        if (!request.headers.contains(name))
            request.headers.insert(name, value);
    }
    return request;
}

HttpResponse HttpResponse::json(const QJsonObject& object, int status)
{
    HttpResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

HttpResponse HttpResponse::streamed(std::shared_ptr<QIODevice> stream, const QByteArray& contentType)
{
    HttpResponse response;
    response.stream = std::move(stream);
    response.contentType = contentType;
    return response;
}

HttpResponse HttpResponse::bytes(const QByteArray& body, const QByteArray& contentType, int status)
{
    HttpResponse response;
    response.status = status;
    response.body = body;
    response.contentType = contentType;
    return response;
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

HttpResponse HttpResponse::error(ErrorCode code, const QString& message)
{
    QJsonObject object {{QStringLiteral("code"), errorCodeText(code)},
        {QStringLiteral("message"), message.isEmpty() ? errorMessage(code) : message}};
    return json(object, errorHttpStatus(code));
}

HttpResponse HttpResponse::error(const Error& error)
{
    // The detail is for logs; users get the table's message, which never carries internals. The exception: what
    // the difference analysis found in the uploader's own file (which object changed) is theirs to know.
    if (error.code == ErrorCode::UploadNotSignatureOnly || error.code == ErrorCode::SignatureModified) {
        QJsonObject object {{QStringLiteral("code"), errorCodeText(error.code)},
            {QStringLiteral("message"), errorMessage(error.code)}, {QStringLiteral("detail"), error.detail}};
        return json(object, errorHttpStatus(error.code));
    }
    return HttpResponse::error(error.code);
}

Result<QJsonObject> parseJsonObject(const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorCode::BadRequest, QStringLiteral("malformed JSON: ") + parseError.errorString());
    if (!document.isObject())
        return makeError(ErrorCode::BadRequest, QStringLiteral("the body must be a JSON object"));
    return document.object();
}

Result<QString> requireString(const QJsonObject& object, const QString& key, int maxLength, bool allowEmpty)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return makeError(ErrorCode::BadRequest, QStringLiteral("field '%1' must be a string").arg(key));
    const QString text = value.toString();
    if (text.size() > maxLength)
        return makeError(ErrorCode::BadRequest, QStringLiteral("field '%1' is too long").arg(key));
    if (!allowEmpty && text.trimmed().isEmpty())
        return makeError(ErrorCode::BadRequest, QStringLiteral("field '%1' must not be empty").arg(key));
    for (const QChar c : text) {
        // Control characters have no place in names, IDs or mail headers (mail header injection).
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return makeError(ErrorCode::BadRequest, QStringLiteral("field '%1' contains control characters").arg(key));
    }
    return text;
}

Result<QString> optionalString(const QJsonObject& object, const QString& key, int maxLength, const QString& fallback)
{
    if (!object.contains(key) || object.value(key).isNull())
        return fallback;
    return requireString(object, key, maxLength, true);
}

Result<bool> requireBool(const QJsonObject& object, const QString& key)
{
    const QJsonValue value = object.value(key);
    if (!value.isBool())
        return makeError(ErrorCode::BadRequest, QStringLiteral("field '%1' must be true or false").arg(key));
    return value.toBool();
}

Result<bool> optionalBool(const QJsonObject& object, const QString& key, bool fallback)
{
    if (!object.contains(key))
        return fallback;
    return requireBool(object, key);
}

} // namespace ikkatsu::server
