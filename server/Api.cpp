// Each handler: decode strictly, authenticate, call one service, encode. Runs on a worker thread.
#include "Api.h"

#include "accounts/Accounts.h"
#include "accounts/Login.h"
#include "ca/SigningCertificates.h"

#include <QJsonArray>

namespace ikkatsu::server {

namespace {

constexpr int kIdMax = 64;
constexpr int kPasswordMax = 1024;

using Context = std::shared_ptr<ServerContext>;

HttpResponse fail(const Error& error)
{
    return HttpResponse::error(error);
}

// Runs `body` for an authenticated caller (and, with `adminOnly`, only for administrators).
template<typename Body>
HttpResponse asCaller(const Context& context, const HttpRequest& request, bool adminOnly, Body body)
{
    Login login(*context);
    auto caller = login.authenticate(request.bearerToken());
    if (!caller)
        return fail(caller.error());
    if (adminOnly && caller->user.role != api::Role::Admin) {
        context->audit(
            QStringLiteral("admin.refused"), caller->user.userId, QString(), request.path, request.remoteAddress);
        return HttpResponse::error(ErrorCode::AdminOnly);
    }
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

void addAccountRoutes(Router& router, const Context& context)
{
    router.add("POST", QStringLiteral("/api/v1/auth/login"), [context](const HttpRequest& request) {
        auto body = parseJsonObject(request.body);
        if (!body)
            return fail(body.error());
        auto userId = requireString(*body, QStringLiteral("userId"), kIdMax);
        if (!userId)
            return fail(userId.error());
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

} // namespace

Router buildApiRoutes(const std::shared_ptr<ServerContext>& context)
{
    Router router;
    router.add(
        "GET", QStringLiteral("/api/v1/health"),
        [](const HttpRequest&) {
            return HttpResponse::json({{QStringLiteral("status"), QStringLiteral("ok")},
                {QStringLiteral("version"), QStringLiteral(IKKATSU_VERSION)}});
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
    return router;
}

} // namespace ikkatsu::server
