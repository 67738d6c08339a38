// Each handler: decode strictly, authenticate, call one service, encode. Runs on a worker thread.
#include "Api.h"

#include "accounts/Accounts.h"
#include "accounts/Login.h"
#include "accounts/RateLimit.h"
#include "accounts/SealSettingsStore.h"
#include "audit/AuditTrail.h"
#include "ca/SigningCertificates.h"
#include "ca/TrustServices.h"
#include "files/Files.h"
#include "results/ProcessingResults.h"

#include <QJsonArray>
#include <QSet>

namespace ikkatsu::server {

namespace {

// The RFC 6960 GET form's routes: the base64 request split at its '/' into at most this many path parts (our
// requests are about 160 base64 characters, two or three of them '/'; longer ones are POSTed, as RFC 5019 advises
// beyond 255 bytes). docs/api/openapi.yaml lists each route.
constexpr int kOcspGetParts = 6;

constexpr int kIdMax = 64;
constexpr int kPasswordMax = 1024;

using Context = std::shared_ptr<ServerContext>;

HttpResponse fail(const Error& error)
{
    return HttpResponse::error(error);
}

// The caller behind the request's bearer token (with `adminOnly`, an administrator only: others are refused and
// audited). Handlers and the body admission ask the same question.
Result<Caller> authorize(const Context& context, const HttpRequest& request, bool adminOnly)
{
    auto caller = Login(*context).authenticate(request.bearerToken());
    if (!caller)
        return caller.error();
    if (adminOnly && caller->user.role != api::Role::Admin) {
        context->audit(
            api::AuditEvent::AdminRefused, caller->user.userId, QString(), request.path, request.remoteAddress);
        return makeError(ErrorCode::AdminOnly);
    }
    return caller;
}

// Runs `body` for an authenticated caller (and, with `adminOnly`, only for administrators).
template<typename Body>
HttpResponse asCaller(const Context& context, const HttpRequest& request, bool adminOnly, Body body)
{
    auto caller = authorize(context, request, adminOnly);
    if (!caller)
        return fail(caller.error());
    return body(*caller);
}

Result<SecureBuffer> secretField(const QJsonObject& object, const QString& key)
{
    auto text = requireString(object, key, kPasswordMax, true);
    if (!text)
        return text.error();
    SecureBuffer secret = SecureBuffer::fromString(*text);
    QString copy = *text;
    wipeString(copy);
    return secret;
}

HttpResponse userResponse(const Result<api::UserInfo>& user)
{
    if (!user)
        return fail(user.error());
    return HttpResponse::json({{QStringLiteral("user"), user->toJson()}});
}

HttpResponse registeredResponse(const Result<Accounts::Registered>& registered, int status)
{
    if (!registered)
        return fail(registered.error());
    QJsonObject object {{QStringLiteral("user"), registered->user.toJson()},
        {QStringLiteral("mailDelivered"), registered->mailDelivered}};
    if (!registered->mailDelivered)
        object.insert(QStringLiteral("warning"), errorCodeText(ErrorCode::MailFailed));
    return HttpResponse::json(object, status);
}

// 429 E5018 with Retry-After when the client address (and, given `userId`, the account) has used up its login
// requests of the current window; nothing when the request may go on.
std::optional<HttpResponse> loginRateLimited(const Context& context, const HttpRequest& request, const QString& userId)
{
    const ServerConfig& config = context->config;
    QList<QPair<QString, int>> buckets {
        {QStringLiteral("login-address:") + request.remoteAddress, config.loginRatePerAddress}};
    if (!userId.isEmpty())
        buckets.append({QStringLiteral("login-account:") + userId, config.loginRatePerAccount});
    int wait = 0;
    for (const auto& bucket : buckets) {
        auto seconds = RateLimiter(*context).hit(bucket.first, bucket.second, config.loginRateWindowSeconds);
        if (!seconds)
            return fail(seconds.error());
        wait = std::max(wait, *seconds);
    }
    if (wait == 0)
        return std::nullopt;
    HttpResponse response = HttpResponse::error(ErrorCode::RateLimited);
    response.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(wait)});
    return response;
}

// The settings as stored, and the texts an empty field stands for (from the profile the server holds).
HttpResponse sealResponse(const api::UserInfo& user, const Result<api::SealSettings>& settings)
{
    if (!settings)
        return fail(settings.error());
    return HttpResponse::json({{QStringLiteral("seal"), settings->toJson()},
        {QStringLiteral("defaultText"), api::defaultSealText(user.userName)},
        {QStringLiteral("defaultCompany"), user.company},
        {QStringLiteral("fieldName"), api::sealFieldName(user.userId)}});
}

void addAccountRoutes(Router& router, const Context& context)
{
    router.add("POST", QStringLiteral("/api/v1/auth/login"), [context](const HttpRequest& request) {
        auto body = parseJsonObject(request.body);
        if (!body)
            return fail(body.error());
        auto userId = requireString(*body, QStringLiteral("userId"), kIdMax);
        if (!userId)
            return fail(userId.error());
        if (auto limited = loginRateLimited(context, request, userId->trimmed()))
            return *limited;
        auto password = secretField(*body, QStringLiteral("password"));
        if (!password)
            return fail(password.error());
        auto challenge = Login(*context).start(userId->trimmed(), *password, request.remoteAddress);
        if (!challenge)
            return fail(challenge.error());
        return HttpResponse::json(challenge->toJson());
    });
    router.add("POST", QStringLiteral("/api/v1/auth/otp"), [context](const HttpRequest& request) {
        auto body = parseJsonObject(request.body);
        if (!body)
            return fail(body.error());
        auto attemptId = requireString(*body, QStringLiteral("attemptId"), kIdMax);
        if (!attemptId)
            return fail(attemptId.error());
        auto otp = requireString(*body, QStringLiteral("otp"), 16);
        if (!otp)
            return fail(otp.error());
        if (auto limited = loginRateLimited(context, request, QString()))
            return *limited;
        auto session = Login(*context).verifyOtp(*attemptId, otp->trimmed(), request.remoteAddress);
        if (!session)
            return fail(session.error());
        return HttpResponse::json(session->toJson());
    });
    router.add("POST", QStringLiteral("/api/v1/auth/otp/resend"), [context](const HttpRequest& request) {
        auto body = parseJsonObject(request.body);
        if (!body)
            return fail(body.error());
        auto attemptId = requireString(*body, QStringLiteral("attemptId"), kIdMax);
        if (!attemptId)
            return fail(attemptId.error());
        auto challenge = Login(*context).resendOtp(*attemptId, request.remoteAddress);
        if (!challenge)
            return fail(challenge.error());
        return HttpResponse::json(challenge->toJson());
    });
    router.add("POST", QStringLiteral("/api/v1/auth/logout"), [context](const HttpRequest& request) {
        return asCaller(context, request, false, [&](const Caller& caller) {
            const Status done = Login(*context).logout(caller);
            return done ? HttpResponse::noContent() : fail(done.error());
        });
    });
    router.add("GET", QStringLiteral("/api/v1/me"), [context](const HttpRequest& request) {
        return asCaller(context, request, false, [&](const Caller& caller) {
            auto certificate = SigningCertificates(*context).current(caller.user.userId);
            if (!certificate)
                return fail(certificate.error());
            return HttpResponse::json({{QStringLiteral("user"), caller.user.toJson()},
                {QStringLiteral("certificateSetupDone"), Login::certificateSetupDone(caller.user)},
                {QStringLiteral("certificate"),
                    certificate->has_value() ? QJsonValue(certificate->value().toJson()) : QJsonValue()}});
        });
    });
    // 印影 settings: the caller's own only (no user ID in the path, so nobody can name another user's).
    router.add("GET", QStringLiteral("/api/v1/me/seal"), [context](const HttpRequest& request) {
        return asCaller(context, request, false, [&](const Caller& caller) {
            return sealResponse(caller.user, SealSettingsStore(*context).get(caller.user.userId));
        });
    });
    router.add("PUT", QStringLiteral("/api/v1/me/seal"), [context](const HttpRequest& request) {
        return asCaller(context, request, false, [&](const Caller& caller) {
            auto body = parseJsonObject(request.body);
            if (!body)
                return fail(body.error());
            auto settings = api::SealSettings::fromJson(*body);
            if (!settings)
                return fail(settings.error());
            return sealResponse(
                caller.user, SealSettingsStore(*context).put(caller.user.userId, *settings, request.remoteAddress));
        });
    });
    router.add("POST", QStringLiteral("/api/v1/me/password"), [context](const HttpRequest& request) {
        return asCaller(context, request, false, [&](const Caller& caller) {
            auto body = parseJsonObject(request.body);
            if (!body)
                return fail(body.error());
            auto current = secretField(*body, QStringLiteral("currentPassword"));
            if (!current)
                return fail(current.error());
            auto next = secretField(*body, QStringLiteral("newPassword"));
            if (!next)
                return fail(next.error());
            const Status done = Login(*context).changePassword(caller, *current, *next, request.remoteAddress);
            return done ? HttpResponse::noContent() : fail(done.error());
        });
    });
    router.add("POST", QStringLiteral("/api/v1/certificate-setup"), [context](const HttpRequest& request) {
        return asCaller(context, request, false, [&](const Caller& caller) {
            auto body = parseJsonObject(request.body);
            if (!body)
                return fail(body.error());
            auto sign = requireBool(*body, QStringLiteral("sign"));
            if (!sign)
                return fail(sign.error());
            QByteArray csr;
            if (*sign) {
                auto csrText = requireString(*body, QStringLiteral("csr"), 16384);
                if (!csrText)
                    return fail(csrText.error());
                auto decoded
                    = QByteArray::fromBase64Encoding(csrText->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
                if (!decoded || decoded.decoded.isEmpty())
                    return HttpResponse::error(ErrorCode::CsrInvalid);
                csr = *decoded;
            }
            auto issued = SigningCertificates(*context).setup(caller, *sign, csr, request.remoteAddress);
            if (!issued)
                return fail(issued.error());
            if (!issued->has_value())
                return HttpResponse::json({{QStringLiteral("signing"), false}});
            return HttpResponse::json(
                {{QStringLiteral("signing"), true}, {QStringLiteral("certificate"), issued->value().toJson()}}, 201);
        });
    });
}

void addAdminRoutes(Router& router, const Context& context)
{
    router.add("GET", QStringLiteral("/api/v1/admin/users"), [context](const HttpRequest& request) {
        return asCaller(context, request, true, [&](const Caller&) {
            const QString search = request.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
            bool offsetOk = true;
            bool limitOk = true;
            const QString offsetText = request.query.queryItemValue(QStringLiteral("offset"));
            const QString limitText = request.query.queryItemValue(QStringLiteral("limit"));
            const int offset = offsetText.isEmpty() ? 0 : offsetText.toInt(&offsetOk);
            const int limit = limitText.isEmpty() ? 50 : limitText.toInt(&limitOk);
            if (!offsetOk || !limitOk || offset < 0 || limit < 1 || limit > 500 || search.size() > 256)
                return HttpResponse::error(ErrorCode::BadRequest);
            auto page = Accounts(*context).list(search, offset, limit);
            if (!page)
                return fail(page.error());
            QJsonArray users;
            for (const api::UserInfo& user : std::as_const(page->users))
                users.append(user.toJson());
            return HttpResponse::json({{QStringLiteral("users"), users}, {QStringLiteral("total"), page->total},
                {QStringLiteral("offset"), offset}, {QStringLiteral("limit"), limit}});
        });
    });
    router.add("POST", QStringLiteral("/api/v1/admin/users"), [context](const HttpRequest& request) {
        return asCaller(context, request, true, [&](const Caller& caller) {
            auto body = parseJsonObject(request.body);
            if (!body)
                return fail(body.error());
            auto user = Accounts::newUserFromJson(*body);
            if (!user)
                return fail(user.error());
            return registeredResponse(Accounts(*context).registerUser(caller.user, *user, request.remoteAddress), 201);
        });
    });
    router.add("GET", QStringLiteral("/api/v1/admin/users/{userId}"), [context](const HttpRequest& request) {
        return asCaller(context, request, true, [&](const Caller&) {
            const QString userId = request.pathParameters.value(QStringLiteral("userId"));
            auto user = Accounts(*context).find(userId);
            if (!user)
                return fail(user.error());
            if (!user->has_value())
                return HttpResponse::error(ErrorCode::RouteNotFound);
            auto certificates = SigningCertificates(*context).list(userId);
            if (!certificates)
                return fail(certificates.error());
            QJsonArray list;
            for (const api::CertificateInfo& info : std::as_const(*certificates))
                list.append(info.toJson());
            return HttpResponse::json(
                {{QStringLiteral("user"), user->value().info.toJson()}, {QStringLiteral("certificates"), list}});
        });
    });
    router.add("PATCH", QStringLiteral("/api/v1/admin/users/{userId}"), [context](const HttpRequest& request) {
        return asCaller(context, request, true, [&](const Caller& caller) {
            auto body = parseJsonObject(request.body);
            if (!body)
                return fail(body.error());
            return userResponse(Accounts(*context).edit(
                caller.user, request.pathParameters.value(QStringLiteral("userId")), *body, request.remoteAddress));
        });
    });
    struct Toggle
    {
        const char* action;
        bool lock;
        bool value;
    };
    for (const Toggle toggle : {Toggle {"lock", true, true}, Toggle {"unlock", true, false},
             Toggle {"disable", false, true}, Toggle {"enable", false, false}}) {
        router.add("POST", QStringLiteral("/api/v1/admin/users/{userId}/") + QString::fromLatin1(toggle.action),
            [context, toggle](const HttpRequest& request) {
                return asCaller(context, request, true, [&](const Caller& caller) {
                    const QString userId = request.pathParameters.value(QStringLiteral("userId"));
                    Accounts accounts(*context);
                    return userResponse(toggle.lock
                            ? accounts.setLocked(caller.user, userId, toggle.value, request.remoteAddress)
                            : accounts.setDisabled(caller.user, userId, toggle.value, request.remoteAddress));
                });
            });
    }
    router.add(
        "POST", QStringLiteral("/api/v1/admin/users/{userId}/reset-password"), [context](const HttpRequest& request) {
            return asCaller(context, request, true, [&](const Caller& caller) {
                return registeredResponse(
                    Accounts(*context).resetPassword(
                        caller.user, request.pathParameters.value(QStringLiteral("userId")), request.remoteAddress),
                    200);
            });
        });
    router.add(
        "POST", QStringLiteral("/api/v1/admin/certificates/{serial}/revoke"), [context](const HttpRequest& request) {
            return asCaller(context, request, true, [&](const Caller& caller) {
                int reason = 0;
                if (!request.body.trimmed().isEmpty()) {
                    auto body = parseJsonObject(request.body);
                    if (!body)
                        return fail(body.error());
                    const QJsonValue value = body->value(QStringLiteral("reason"));
                    if (!value.isUndefined()) {
                        // RFC 5280 CRLReason values an administrator may choose.
                        static const QList<int> allowed = {0, 1, 3, 4, 5, 9};
                        if (!value.isDouble() || !allowed.contains(value.toInt(-1))
                            || value.toDouble() != value.toInt())
                            return HttpResponse::error(ErrorCode::BadRequest);
                        reason = value.toInt();
                    }
                }
                auto info = SigningCertificates(*context).revoke(
                    caller.user, request.pathParameters.value(QStringLiteral("serial")), reason, request.remoteAddress);
                if (!info)
                    return fail(info.error());
                return HttpResponse::json({{QStringLiteral("certificate"), info->toJson()}});
            });
        });
}

Result<QStringList> userIdList(const QJsonObject& object, const QString& key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return QStringList();
    if (!value.isArray())
        return makeError(ErrorCode::BadRequest, QStringLiteral("field '%1' must be an array of user IDs").arg(key));
    QStringList list;
    for (const QJsonValue& item : value.toArray()) {
        if (!item.isString() || item.toString().isEmpty() || item.toString().size() > kIdMax)
            return makeError(ErrorCode::BadRequest, QStringLiteral("field '%1' must hold user IDs").arg(key));
        list.append(item.toString());
    }
    return list;
}

// `boxesRefused` gets a malformed "boxes" list's error: it refuses that file only, as its name's rules do.
Result<api::NewFile> newFileFromJson(const QJsonValue& value, std::optional<Error>* boxesRefused)
{
    if (!value.isObject())
        return makeError(ErrorCode::BadRequest, QStringLiteral("each file must be an object"));
    const QJsonObject object = value.toObject();
    api::NewFile file;
    // The name's own rules (E3005) are checked per file, so that one bad name does not sink the batch.
    if (!object.value(QStringLiteral("name")).isString())
        return makeError(ErrorCode::BadRequest, QStringLiteral("field 'name' must be a string"));
    file.name = object.value(QStringLiteral("name")).toString();
    if (!object.value(QStringLiteral("content")).isString())
        return makeError(ErrorCode::BadRequest, QStringLiteral("field 'content' must be base64"));
    auto content = QByteArray::fromBase64Encoding(
        object.value(QStringLiteral("content")).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!content)
        return makeError(ErrorCode::BadRequest, QStringLiteral("field 'content' is not base64"));
    file.content = *content;
    auto viewers = userIdList(object, QStringLiteral("viewers"));
    if (!viewers)
        return viewers.error();
    auto signers = userIdList(object, QStringLiteral("signers"));
    if (!signers)
        return signers.error();
    file.viewers = *viewers;
    file.signers = *signers;
    auto ordered = optionalBool(object, QStringLiteral("signOrdered"), false);
    if (!ordered)
        return ordered.error();
    file.signOrdered = *ordered;
    const QJsonValue boxes = object.value(QStringLiteral("boxes"));
    if (!boxes.isUndefined()) {
        if (!boxes.isArray())
            return makeError(ErrorCode::BadRequest, QStringLiteral("field 'boxes' must be an array"));
        auto parsed = api::signatureBoxesFromJson({{QStringLiteral("boxes"), boxes}});
        if (parsed)
            file.boxes = *parsed;
        else
            *boxesRefused = parsed.error();
    }
    return file;
}

HttpResponse filePageResponse(const Result<api::FileListPage>& page)
{
    if (!page)
        return fail(page.error());
    // Written straight into bytes: building QJsonObjects was 40 % of a My Page request.
    api::JsonWriter out;
    out.beginObject().key("files").beginArray();
    for (const api::FileEntry& file : page->files)
        file.writeJson(out);
    out.endArray();
    out.key("total").value(page->total).key("offset").value(page->offset).key("limit").value(page->limit);
    out.endObject();
    return HttpResponse::bytes(out.take(), QByteArrayLiteral("application/json"));
}

HttpResponse fileResponse(const Result<api::FileEntry>& file)
{
    if (!file)
        return fail(file.error());
    return HttpResponse::json({{QStringLiteral("file"), file->toJson()}});
}

// `disposition`: the Content-Disposition value with an ASCII and a UTF-8 (Japanese) file name.
HttpResponse csvResponse(const QByteArray& bytes, const QByteArray& disposition)
{
    HttpResponse response = HttpResponse::bytes(bytes, QByteArrayLiteral("text/csv; charset=utf-8"));
    response.headers.append({QByteArrayLiteral("Content-Disposition"), disposition});
    return response;
}

// An export's filter as the audit trail records it: what was asked for, never more than a line.
QString exportedFilter(const HttpRequest& request)
{
    return QStringLiteral("filter=") + request.query.toString(QUrl::FullyDecoded).left(200);
}

HttpResponse resultsResponse(ServerContext& context, const api::ResultFilter& filter, bool csv)
{
    ProcessingResults results(context);
    if (csv) {
        auto bytes = results.csv(filter);
        if (!bytes)
            return fail(bytes.error());
        return csvResponse(*bytes,
            QByteArrayLiteral(
                "attachment; filename=\"results.csv\"; filename*=UTF-8''%E5%87%A6%E7%90%86%E7%B5%90%E6%9E%9C.csv"));
    }
    auto page = results.list(filter);
    if (!page)
        return fail(page.error());
    QJsonArray rows;
    for (const api::ProcessingResult& result : page->results)
        rows.append(result.toJson());
    return HttpResponse::json({{QStringLiteral("results"), rows}, {QStringLiteral("total"), page->total},
        {QStringLiteral("offset"), page->offset}, {QStringLiteral("limit"), page->limit}});
}

void addFileRoutes(Router& router, const Context& context)
{
    router.add("GET", QStringLiteral("/api/v1/files"), [context](const HttpRequest& request) {
        return asCaller(context, request, false, [&](const Caller& caller) {
            auto filter = api::FileListFilter::fromQuery(request.query);
            if (!filter)
                return fail(filter.error());
            return filePageResponse(Files(*context).list(caller.user.userId, *filter));
        });
    });
    router.add("GET", QStringLiteral("/api/v1/files/{fileId}"), [context](const HttpRequest& request) {
        return asCaller(context, request, false, [&](const Caller& caller) {
            return fileResponse(
                Files(*context).detail(caller.user.userId, request.pathParameters.value(QStringLiteral("fileId"))));
        });
    });
    router.add("GET", QStringLiteral("/api/v1/files/{fileId}/content"), [context](const HttpRequest& request) {
        return asCaller(context, request, false, [&](const Caller& caller) {
            // ?purpose=sign: a batch fetching what it will sign (no 閲覧 in 処理結果; signers only).
            const QString purpose = request.query.queryItemValue(QStringLiteral("purpose"));
            if (!purpose.isEmpty() && purpose != QLatin1String("sign") && purpose != QLatin1String("view"))
                return HttpResponse::error(ErrorCode::BadRequest);
            auto download
                = Files(*context).download(caller.user, request.pathParameters.value(QStringLiteral("fileId")),
                    ClientInfo::of(request), request.method != "HEAD", true, purpose == QLatin1String("sign"));
            if (!download)
                return fail(download.error());
            HttpResponse response = HttpResponse::streamed(download->stream, QByteArrayLiteral("application/pdf"));
            response.headers.append({QByteArrayLiteral("ETag"), api::versionTag(download->version)});
            response.headers.append({QByteArrayLiteral("X-Ikkatsu-Version"), QByteArray::number(download->version)});
            response.headers.append({QByteArrayLiteral("X-Ikkatsu-Sha256"), download->sha256.toLatin1()});
            response.headers.append({QByteArrayLiteral("Content-Disposition"),
                QByteArrayLiteral("attachment; filename*=UTF-8''") + QUrl::toPercentEncoding(download->name)});
            return response;
        });
    });
    router.add(
        "PUT", QStringLiteral("/api/v1/files/{fileId}/content"),
        [context](const HttpRequest& request) {
            return asCaller(context, request, false, [&](const Caller& caller) {
                const QByteArray ifMatch = request.header(QByteArrayLiteral("if-match"));
                const int baseVersion = ifMatch.isEmpty() ? 0 : api::parseVersionTag(ifMatch);
                if (baseVersion < 0)
                    return HttpResponse::error(ErrorCode::BadRequest);
                if (!request.bodyFile)
                    return HttpResponse::error(ErrorCode::ServerError);
                return fileResponse(
                    Files(*context).uploadSigned(caller.user, request.pathParameters.value(QStringLiteral("fileId")),
                        baseVersion, *request.bodyFile, ClientInfo::of(request)));
            });
            // The PDF arrives in a spool file, never whole in memory (see HttpServer).
        },
        HandlerThread::Worker, RequestBodyMode::File);
    for (const bool csv : {false, true}) {
        router.add("GET", csv ? QStringLiteral("/api/v1/results/csv") : QStringLiteral("/api/v1/results"),
            [context, csv](const HttpRequest& request) {
                return asCaller(context, request, false, [&](const Caller& caller) {
                    auto filter = api::ResultFilter::fromQuery(request.query);
                    if (!filter)
                        return fail(filter.error());
                    // Users see their own trail only, whatever they ask for.
                    if (!filter->userId.isEmpty() && filter->userId != caller.user.userId)
                        return HttpResponse::error(ErrorCode::AdminOnly);
                    filter->userId = caller.user.userId;
                    return resultsResponse(*context, *filter, csv);
                });
            });
        router.add("GET", csv ? QStringLiteral("/api/v1/admin/results/csv") : QStringLiteral("/api/v1/admin/results"),
            [context, csv](const HttpRequest& request) {
                return asCaller(context, request, true, [&](const Caller& caller) {
                    auto filter = api::ResultFilter::fromQuery(request.query);
                    if (!filter)
                        return fail(filter.error());
                    HttpResponse response = resultsResponse(*context, *filter, csv);
                    if (csv && response.status == 200)
                        context->audit(api::AuditEvent::ResultsExported, caller.user.userId, filter->userId,
                            exportedFilter(request), request.remoteAddress);
                    return response;
                });
            });
    }
}

void addAdminFileRoutes(Router& router, const Context& context)
{
    router.add("GET", QStringLiteral("/api/v1/admin/folders"), [context](const HttpRequest& request) {
        return asCaller(context, request, true, [&](const Caller&) {
            auto folders = Files(*context).folders();
            if (!folders)
                return fail(folders.error());
            QJsonArray list;
            for (const api::FolderInfo& folder : std::as_const(*folders))
                list.append(folder.toJson());
            return HttpResponse::json({{QStringLiteral("folders"), list}});
        });
    });
    router.add("POST", QStringLiteral("/api/v1/admin/folders"), [context](const HttpRequest& request) {
        return asCaller(context, request, true, [&](const Caller& caller) {
            auto body = parseJsonObject(request.body);
            if (!body)
                return fail(body.error());
            if (!body->value(QStringLiteral("name")).isString())
                return HttpResponse::error(ErrorCode::BadRequest);
            auto folder = Files(*context).createFolder(
                caller.user, body->value(QStringLiteral("name")).toString(), ClientInfo::of(request));
            if (!folder)
                return fail(folder.error());
            return HttpResponse::json({{QStringLiteral("folder"), folder->toJson()}}, 201);
        });
    });
    router.add("GET", QStringLiteral("/api/v1/admin/files"), [context](const HttpRequest& request) {
        return asCaller(context, request, true, [&](const Caller&) {
            const QString folderId = request.query.queryItemValue(QStringLiteral("folderId"), QUrl::FullyDecoded);
            bool offsetOk = true;
            bool limitOk = true;
            const QString offsetText = request.query.queryItemValue(QStringLiteral("offset"));
            const QString limitText = request.query.queryItemValue(QStringLiteral("limit"));
            const int offset = offsetText.isEmpty() ? 0 : offsetText.toInt(&offsetOk);
            const int limit = limitText.isEmpty() ? 50 : limitText.toInt(&limitOk);
            if (!offsetOk || !limitOk || offset < 0 || limit < 1 || limit > api::FileListFilter::kMaxLimit
                || folderId.size() > kIdMax)
                return HttpResponse::error(ErrorCode::BadRequest);
            return filePageResponse(Files(*context).adminList(folderId, offset, limit));
        });
    });
    router.add("POST", QStringLiteral("/api/v1/admin/files"), [context](const HttpRequest& request) {
        return asCaller(context, request, true, [&](const Caller& caller) {
            auto body = parseJsonObject(request.body);
            if (!body)
                return fail(body.error());
            auto folderId = requireString(*body, QStringLiteral("folderId"), kIdMax);
            if (!folderId)
                return fail(folderId.error());
            const QJsonValue filesValue = body->value(QStringLiteral("files"));
            if (!filesValue.isArray() || filesValue.toArray().isEmpty()
                || filesValue.toArray().size() > Files::kMaxBatch)
                return HttpResponse::error(ErrorCode::BadRequest);
            QList<api::NewFile> files;
            QList<std::optional<Error>> refusals;
            for (const QJsonValue& value : filesValue.toArray()) {
                std::optional<Error> boxesRefused;
                auto file = newFileFromJson(value, &boxesRefused);
                if (!file)
                    return fail(file.error());
                files.append(*file);
                refusals.append(boxesRefused);
            }
            auto outcomes
                = Files(*context).registerFiles(caller.user, *folderId, files, ClientInfo::of(request), refusals);
            if (!outcomes)
                return fail(outcomes.error());
            QJsonArray results;
            int created = 0;
            for (const api::NewFileOutcome& outcome : std::as_const(*outcomes)) {
                QJsonObject row {{QStringLiteral("name"), outcome.name}};
                if (outcome.file) {
                    row.insert(QStringLiteral("file"), outcome.file->toJson());
                    ++created;
                } else {
                    row.insert(QStringLiteral("code"), errorCodeText(outcome.code));
                    row.insert(QStringLiteral("message"), errorMessage(outcome.code));
                }
                results.append(row);
            }
            return HttpResponse::json({{QStringLiteral("results"), results}, {QStringLiteral("created"), created}},
                created == results.size() ? 201 : 200);
        });
    });
    router.add("GET", QStringLiteral("/api/v1/admin/files/{fileId}"), [context](const HttpRequest& request) {
        return asCaller(context, request, true, [&](const Caller&) {
            return fileResponse(Files(*context).adminDetail(request.pathParameters.value(QStringLiteral("fileId"))));
        });
    });
    // Both lists are required (an omitted list is not read as "nobody"); signOrdered keeps its value when omitted.
    router.add(
        "PUT", QStringLiteral("/api/v1/admin/files/{fileId}/permissions"), [context](const HttpRequest& request) {
            return asCaller(context, request, true, [&](const Caller& caller) {
                auto body = parseJsonObject(request.body);
                if (!body)
                    return fail(body.error());
                for (const QString& key : {QStringLiteral("viewers"), QStringLiteral("signers")}) {
                    if (!body->value(key).isArray())
                        return fail(
                            makeError(ErrorCode::BadRequest, QStringLiteral("field '%1' is required").arg(key)));
                }
                auto viewers = userIdList(*body, QStringLiteral("viewers"));
                if (!viewers)
                    return fail(viewers.error());
                auto signers = userIdList(*body, QStringLiteral("signers"));
                if (!signers)
                    return fail(signers.error());
                const QString fileId = request.pathParameters.value(QStringLiteral("fileId"));
                Files files(*context);
                bool signOrdered = false;
                if (body->contains(QStringLiteral("signOrdered"))) {
                    auto ordered = optionalBool(*body, QStringLiteral("signOrdered"), false);
                    if (!ordered)
                        return fail(ordered.error());
                    signOrdered = *ordered;
                } else {
                    auto current = files.adminDetail(fileId);
                    if (!current)
                        return fail(current.error());
                    signOrdered = current->signOrdered;
                }
                auto changed = files.changePermissions(
                    caller.user, fileId, *viewers, *signers, signOrdered, ClientInfo::of(request));
                // A refusal names the user it is about (an ID the administrator sent, never internals), so that
                // the form can point at it instead of a bare code.
                const QList<ErrorCode> aboutAUser {ErrorCode::SignedSignerRemoved, ErrorCode::SignedSignerMoved,
                    ErrorCode::PermissionUserUnknown, ErrorCode::PermissionUserTwice,
                    ErrorCode::CertificateSetupNotAllowed};
                if (!changed && aboutAUser.contains(changed.error().code) && !changed.error().detail.isEmpty())
                    return HttpResponse::error(changed.error().code,
                        QStringLiteral("%1 (user ID: %2)")
                            .arg(errorMessage(changed.error().code), changed.error().detail));
                return fileResponse(changed);
            });
        });
    // 印 boxes: read from the current version's PDF; PUT adds boxes (never moves or removes one) as a new version.
    router.add(
        "GET", QStringLiteral("/api/v1/admin/files/{fileId}/signature-boxes"), [context](const HttpRequest& request) {
            return asCaller(context, request, true, [&](const Caller&) {
                auto boxes = Files(*context).signatureBoxes(request.pathParameters.value(QStringLiteral("fileId")));
                if (!boxes)
                    return fail(boxes.error());
                return HttpResponse::json(api::signatureBoxesToJson(*boxes));
            });
        });
    router.add(
        "PUT", QStringLiteral("/api/v1/admin/files/{fileId}/signature-boxes"), [context](const HttpRequest& request) {
            return asCaller(context, request, true, [&](const Caller& caller) {
                // The route shares the upload paths' body limit; boxes need a few kilobytes at most.
                constexpr qsizetype kMaxBoxesBody = 64 * 1024;
                if (request.body.size() > kMaxBoxesBody)
                    return HttpResponse::error(ErrorCode::PayloadTooLarge);
                auto body = parseJsonObject(request.body);
                if (!body)
                    return fail(body.error());
                auto boxes = api::signatureBoxesFromJson(*body);
                if (!boxes)
                    return fail(boxes.error());
                auto placed = Files(*context).placeSignatureBoxes(caller.user,
                    request.pathParameters.value(QStringLiteral("fileId")), *boxes, ClientInfo::of(request));
                if (!placed)
                    return fail(placed.error());
                return HttpResponse::json(api::signatureBoxesToJson(*placed));
            });
        });
    router.add("GET", QStringLiteral("/api/v1/admin/files/{fileId}/versions/{version}/content"),
        [context](const HttpRequest& request) {
            return asCaller(context, request, true, [&](const Caller& caller) {
                bool numeric = false;
                const int version = request.pathParameters.value(QStringLiteral("version")).toInt(&numeric);
                if (!numeric || version < 1)
                    return fail(makeError(ErrorCode::BadRequest, QStringLiteral("version must be a positive number")));
                auto download = Files(*context).adminVersion(
                    request.pathParameters.value(QStringLiteral("fileId")), version, true);
                if (!download)
                    return fail(download.error());
                context->audit(api::AuditEvent::FileVersionDownloaded, caller.user.userId, QString(),
                    QStringLiteral("file=%1 version=%2")
                        .arg(request.pathParameters.value(QStringLiteral("fileId")))
                        .arg(version),
                    request.remoteAddress);
                HttpResponse response = HttpResponse::streamed(download->stream, QByteArrayLiteral("application/pdf"));
                response.headers.append({QByteArrayLiteral("X-Ikkatsu-Version"), QByteArray::number(version)});
                response.headers.append({QByteArrayLiteral("X-Ikkatsu-Sha256"), download->sha256.toLatin1()});
                response.headers.append({QByteArrayLiteral("Content-Disposition"),
                    QByteArrayLiteral("attachment; filename*=UTF-8''") + QUrl::toPercentEncoding(download->name)});
                return response;
            });
        });
}

// 操作履歴. Listing is not itself recorded (administrators browse it often, and it changes nothing); exporting the
// CSV is, since it takes the trail out of the server.
void addAuditRoutes(Router& router, const Context& context)
{
    router.add("GET", QStringLiteral("/api/v1/admin/audit"), [context](const HttpRequest& request) {
        return asCaller(context, request, true, [&](const Caller&) {
            auto filter = api::AuditFilter::fromQuery(request.query);
            if (!filter)
                return fail(filter.error());
            auto page = AuditTrail(*context).list(*filter);
            if (!page)
                return fail(page.error());
            QJsonArray entries;
            for (const api::AuditEntry& entry : std::as_const(page->entries))
                entries.append(entry.toJson());
            return HttpResponse::json({{QStringLiteral("entries"), entries}, {QStringLiteral("total"), page->total},
                {QStringLiteral("offset"), page->offset}, {QStringLiteral("limit"), page->limit}});
        });
    });
    router.add("GET", QStringLiteral("/api/v1/admin/audit/csv"), [context](const HttpRequest& request) {
        return asCaller(context, request, true, [&](const Caller& caller) {
            auto filter = api::AuditFilter::fromQuery(request.query);
            if (!filter)
                return fail(filter.error());
            auto bytes = AuditTrail(*context).csv(*filter);
            if (!bytes)
                return fail(bytes.error());
            // Recorded after the rows were read, so an export never contains its own row.
            context->audit(api::AuditEvent::AuditExported, caller.user.userId, filter->subjectUser,
                exportedFilter(request), request.remoteAddress);
            return csvResponse(*bytes,
                QByteArrayLiteral(
                    "attachment; filename=\"audit.csv\"; filename*=UTF-8''%E6%93%8D%E4%BD%9C%E5%B1%A5%E6%AD%B4.csv"));
        });
    });
}

// RFC 3161 and RFC 6960 over HTTP: binary bodies with their own media types, so that openssl, curl and other
// clients work unchanged. Refusals before the protocol starts are our JSON errors.
void addTrustServiceRoutes(Router& router, const Context& context)
{
    router.add("POST", QStringLiteral("/api/v1/tsa"), [context](const HttpRequest& request) {
        if (!request.hasContentType("application/timestamp-query"))
            return HttpResponse::error(ErrorCode::TimestampRequestInvalid);
        TrustServices services(*context);
        const bool proxied = !request.header(QByteArrayLiteral("forwarded")).isEmpty()
            || !request.header(QByteArrayLiteral("x-forwarded-for")).isEmpty();
        auto requester = services.admitTimestampCaller(request.bearerToken(), request.remoteAddress, proxied);
        if (!requester)
            return fail(requester.error());
        auto reply = services.timestamp(request.body, *requester, request.remoteAddress);
        if (!reply)
            return fail(reply.error());
        return HttpResponse::bytes(*reply, QByteArrayLiteral("application/timestamp-reply"));
    });
    router.add("POST", QStringLiteral("/api/v1/ocsp"), [context](const HttpRequest& request) {
        if (!request.hasContentType("application/ocsp-request"))
            return HttpResponse::error(ErrorCode::OcspRequestInvalid);
        auto reply = TrustServices(*context).ocsp(request.body);
        if (!reply)
            return fail(reply.error());
        return HttpResponse::bytes(*reply, QByteArrayLiteral("application/ocsp-response"));
    });
    // RFC 6960 Appendix A.1 GET: the base64 request as the last path part. Its '/' characters (sent as they are or
    // as %2F) arrive decoded as path separators, so routes of 1 to kOcspGetParts parts take it; the request is read
    // back from the whole path, not the parts, since the router drops empty segments and "//" is common base64 (in a
    // request's fixed part it would have broken every GET for a CA's certificates).
    QString pattern = QStringLiteral("/api/v1/ocsp");
    for (int parts = 1; parts <= kOcspGetParts; ++parts) {
        pattern += QStringLiteral("/{p%1}").arg(parts);
        router.add("GET", pattern, [context](const HttpRequest& request) {
            static const QString prefix = QStringLiteral("/api/v1/ocsp/");
            if (!request.path.startsWith(prefix))
                return HttpResponse::error(ErrorCode::OcspRequestInvalid);
            auto decoded = QByteArray::fromBase64Encoding(
                request.path.mid(prefix.size()).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return HttpResponse::error(ErrorCode::OcspRequestInvalid);
            auto reply = TrustServices(*context).ocsp(*decoded);
            if (!reply)
                return fail(reply.error());
            return HttpResponse::bytes(*reply, QByteArrayLiteral("application/ocsp-response"));
        });
    }
    router.add(
        "GET", QStringLiteral("/api/v1/signing-policy"),
        [context](const HttpRequest&) {
            const bool timestamped = context->config.signatureLevel != QLatin1String("B-B");
            QJsonObject policy {{QStringLiteral("signatureLevel"), context->config.signatureLevel}};
            if (timestamped)
                policy.insert(QStringLiteral("tsaPath"), QStringLiteral("/api/v1/tsa"));
            return HttpResponse::json(policy);
        },
        HandlerThread::Inline);
}

} // namespace

QList<QByteArray> uploadPathPrefixes()
{
    return {QByteArrayLiteral("/api/v1/files/"), QByteArrayLiteral("/api/v1/admin/files")};
}

bool answersWithoutSession(const QString& route)
{
    static const QSet<QString> routes = [] {
        QSet<QString> set {QStringLiteral("/api/v1/auth/login"), QStringLiteral("/api/v1/auth/otp"),
            QStringLiteral("/api/v1/auth/otp/resend"), QStringLiteral("/api/v1/tsa"), QStringLiteral("/api/v1/ocsp"),
            QStringLiteral("/api/v1/signing-policy"), QStringLiteral("/api/v1/health"), QStringLiteral("/api/v1/ready"),
            QStringLiteral("/metrics"), QStringLiteral("/api/v1/ca/certificate"), QStringLiteral("/api/v1/ca/crl")};
        QString ocsp = QStringLiteral("/api/v1/ocsp"); // the GET form's patterns, as addTrustServiceRoutes makes them
        for (int parts = 1; parts <= kOcspGetParts; ++parts)
            set.insert(ocsp += QStringLiteral("/{p%1}").arg(parts));
        return set;
    }();
    return routes.contains(route);
}

BodyAdmission buildBodyAdmission(const std::shared_ptr<ServerContext>& context)
{
    // A body that goes to the disk (an upload, or anything beyond the in-memory size) is taken from a caller with a
    // session only, and on /api/v1/admin/ from an administrator only: the check its handler makes again once the body
    // is in (the session may end meanwhile). The routes that answer without a session read theirs as before (up to
    // the request limit): their handlers refuse what they cannot use with their own codes.
    return [context](const HttpRequest& head) -> std::optional<HttpResponse> {
        if (answersWithoutSession(head.route))
            return std::nullopt;
        const bool adminOnly = head.path.startsWith(QStringLiteral("/api/v1/admin/"));
        auto caller = authorize(context, head, adminOnly);
        if (!caller)
            return fail(caller.error());
        return std::nullopt;
    };
}

Router buildApiRoutes(const std::shared_ptr<ServerContext>& context, const std::shared_ptr<HttpMetrics>& metrics)
{
    Router router;
    router.add(
        "GET", QStringLiteral("/api/v1/health"),
        [](const HttpRequest&) {
            return HttpResponse::json({{QStringLiteral("status"), QStringLiteral("ok")},
                {QStringLiteral("version"), QStringLiteral(IKKATSU_VERSION)}});
        },
        HandlerThread::Inline);
    // Readiness for a balancer: 200 while the database answers, 503 E5019 otherwise (on a worker: it queries).
    router.add("GET", QStringLiteral("/api/v1/ready"), [context](const HttpRequest&) {
        const Status ping = context->database->ping();
        if (!ping)
            return HttpResponse::error(ErrorCode::ServerNotReady);
        return HttpResponse::json({{QStringLiteral("status"), QStringLiteral("ready")}});
    });
    // Prometheus text metrics, for the addresses of --metrics-allow only (404 to the rest, as if absent).
    router.add(
        "GET", QStringLiteral("/metrics"),
        [context, metrics](const HttpRequest& request) {
            const QHostAddress client(request.remoteAddress);
            bool allowed = false;
            for (const QString& subnet : context->config.metricsAllow)
                allowed = allowed || client.isInSubnet(QHostAddress::parseSubnet(subnet));
            if (!allowed || !metrics)
                return HttpResponse::error(ErrorCode::RouteNotFound);
            return HttpResponse::bytes(metrics->text(), QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"));
        },
        HandlerThread::Inline);
    router.add(
        "GET", QStringLiteral("/api/v1/ca/certificate"),
        [context](const HttpRequest&) {
            return HttpResponse::bytes(context->ca->certificateDer(), QByteArrayLiteral("application/pkix-cert"));
        },
        HandlerThread::Inline);
    router.add("GET", QStringLiteral("/api/v1/ca/crl"), [context](const HttpRequest&) {
        auto crl = SigningCertificates(*context).crl();
        if (!crl)
            return fail(crl.error());
        return HttpResponse::bytes(*crl, QByteArrayLiteral("application/pkix-crl"));
    });
    addAccountRoutes(router, context);
    addAdminRoutes(router, context);
    addFileRoutes(router, context);
    addAdminFileRoutes(router, context);
    addAuditRoutes(router, context);
    addTrustServiceRoutes(router, context);
    return router;
}

} // namespace ikkatsu::server
