// Maps HTTP answers to Result values: the server's {"code","message"} body becomes an Error with that code.
#include "client/ApiClient.h"

#include "api/SigningLevel.h"
#include "client/Futures.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace ikkatsu::client {

namespace {

Result<QJsonObject> jsonObjectOf(const QByteArray& bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return makeError(ErrorCode::ProtocolMismatch, QStringLiteral("answer is not a JSON object"));
    return document.object();
}

// The one typed decode of a JSON answer: the object itself, or its member `key` ({"file": {...}}), through
// T::fromJson; transport and server errors pass through unchanged.
template<typename T>
Result<T> decode(const Result<QJsonObject>& json, QLatin1StringView key = {})
{
    if (!json)
        return json.error();
    return T::fromJson(key.isEmpty() ? *json : json->value(key).toObject());
}

// Runs `start` at once with a Done that fulfils the answer's future: the typed calls' one way to a QFuture.
template<typename T, typename Start>
QFuture<Result<T>> answered(Start start)
{
    auto promise = makePromise<Result<T>>();
    start(ApiClient::Done<T>([promise](Result<T> value) { fulfil(promise, std::move(value)); }));
    return promise->future();
}

template<typename T>
ApiClient::Done<QJsonObject> decodeInto(ApiClient::Done<T> done, QLatin1StringView key = {})
{
    return [done = std::move(done), key](Result<QJsonObject> json) { done(decode<T>(json, key)); };
}

Result<api::FileEntry> fileOf(const Result<QJsonObject>& json)
{
    return decode<api::FileEntry>(json, QLatin1StringView("file"));
}

} // namespace

ApiClient::ApiClient(const QUrl& serverUrl, QObject* parent)
    : QObject(parent)
    , m_serverUrl(serverUrl)
{ }

QUrl ApiClient::urlFor(const QString& path, const QUrlQuery& query) const
{
    QUrl url = m_serverUrl;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    // A query may also travel in `path` after '?', already percent-encoded (listUsers).
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    url.setPath(base + path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    else if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

void ApiClient::sendRequest(const QByteArray& method, const QString& path, const QUrlQuery& query,
    const QByteArray& body, const QList<QPair<QByteArray, QByteArray>>& headers, Done<RawReply> done)
{
    HttpCall call;
    call.method = method;
    call.url = urlFor(path, query);
    call.body = body;
    call.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    if (!m_userAgent.isEmpty())
        call.headers.append({"User-Agent", m_userAgent});
    if (!m_token.isEmpty())
        call.headers.append({"Authorization", "Bearer " + m_token.toLatin1()});
    // The call's own fields replace the defaults of the same name (Accept: application/pdf for a download).
    for (const auto& header : headers) {
        call.headers.removeIf([&header](const QPair<QByteArray, QByteArray>& held) {
            return held.first.compare(header.first, Qt::CaseInsensitive) == 0;
        });
        call.headers.append(header);
    }
    m_transport.send(std::move(call), [done = std::move(done)](Result<HttpAnswer> answer) {
        if (!answer) {
            done(answer.error());
            return;
        }
        const int status = answer->status;
        if (status >= 200 && status < 300) {
            RawReply raw;
            raw.body = std::move(answer->body);
            raw.headers = std::move(answer->headers);
            done(std::move(raw));
            return;
        }
        auto errorBody = api::ErrorBody::fromJson(QJsonDocument::fromJson(answer->body).object());
        if (!errorBody) {
            done(makeError(status >= 500 ? ErrorCode::ServerError : ErrorCode::ProtocolMismatch,
                QStringLiteral("HTTP %1 without an error code").arg(status)));
            return;
        }
        done(makeError(errorBody->code, errorBody->message));
    });
}

void ApiClient::sendRaw(const QByteArray& method, const QString& path, const QByteArray& body, Done<QByteArray> done)
{
    sendRequest(method, path, {}, body, {}, [done = std::move(done)](Result<RawReply> raw) {
        if (!raw)
            done(raw.error());
        else
            done(raw->body);
    });
}

QFuture<Result<QJsonObject>> ApiClient::send(const QByteArray& method, const QString& path, const QJsonObject& body)
{
    return answered<QJsonObject>([&](Done<QJsonObject> done) { send(method, path, body, std::move(done)); });
}

void ApiClient::send(const QByteArray& method, const QString& path, const QJsonObject& body, Done<QJsonObject> done)
{
    const QByteArray bytes = method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    sendRaw(method, path, bytes, [done = std::move(done)](Result<QByteArray> raw) {
        if (!raw) {
            done(raw.error());
            return;
        }
        if (raw->isEmpty()) {
            done(QJsonObject());
            return;
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(*raw, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            done(makeError(ErrorCode::ProtocolMismatch, QStringLiteral("answer is not a JSON object")));
            return;
        }
        done(document.object());
    });
}

QFuture<Result<api::LoginChallenge>> ApiClient::login(const QString& userId, const SecureBuffer& password)
{
    return answered<api::LoginChallenge>([&](Done<api::LoginChallenge> done) {
        // QJsonObject needs a QString; it lives only until the request bytes are built.
        QString secret = QString::fromUtf8(password.data(), static_cast<qsizetype>(password.size()));
        QJsonObject body {{QStringLiteral("userId"), userId}, {QStringLiteral("password"), secret}};
        wipeString(secret);
        send("POST", api::apiPrefix() + QStringLiteral("/auth/login"), body,
            decodeInto<api::LoginChallenge>(std::move(done)));
    });
}

QFuture<Result<api::LoginChallenge>> ApiClient::resendOtp(const QString& attemptId)
{
    return answered<api::LoginChallenge>([&](Done<api::LoginChallenge> done) {
        send("POST", api::apiPrefix() + QStringLiteral("/auth/otp/resend"), {{QStringLiteral("attemptId"), attemptId}},
            decodeInto<api::LoginChallenge>(std::move(done)));
    });
}

QFuture<Result<api::Session>> ApiClient::submitOtp(const QString& attemptId, const QString& otp)
{
    return answered<api::Session>([&](Done<api::Session> done) {
        send("POST", api::apiPrefix() + QStringLiteral("/auth/otp"),
            {{QStringLiteral("attemptId"), attemptId}, {QStringLiteral("otp"), otp}},
            [this, done = std::move(done)](Result<QJsonObject> json) {
                if (!json) {
                    done(json.error());
                    return;
                }
                auto session = api::Session::fromJson(*json);
                if (session)
                    m_token = session->token;
                done(session);
            });
    });
}

QFuture<Result<bool>> ApiClient::logout()
{
    return answered<bool>([&](Done<bool> done) {
        send("POST", api::apiPrefix() + QStringLiteral("/auth/logout"), {},
            [this, done = std::move(done)](Result<QJsonObject> json) {
                m_token.clear();
                if (!json)
                    done(json.error());
                else
                    done(true);
            });
    });
}

QFuture<Result<ApiClient::Me>> ApiClient::me()
{
    return answered<Me>([&](Done<Me> done) {
        send("GET", api::apiPrefix() + QStringLiteral("/me"), {}, [done = std::move(done)](Result<QJsonObject> json) {
            auto user = decode<api::UserInfo>(json, QLatin1StringView("user"));
            if (!user) {
                done(user.error());
                return;
            }
            Me me;
            me.user = *user;
            me.certificateSetupDone = json->value(QStringLiteral("certificateSetupDone")).toBool();
            if (json->value(QStringLiteral("certificate")).isObject()) {
                auto certificate
                    = api::CertificateInfo::fromJson(json->value(QStringLiteral("certificate")).toObject());
                if (!certificate) {
                    done(certificate.error());
                    return;
                }
                me.certificate = *certificate;
            }
            done(me);
        });
    });
}

QFuture<Result<bool>> ApiClient::changePassword(const SecureBuffer& current, const SecureBuffer& next)
{
    return answered<bool>([&](Done<bool> done) {
        QString currentText = QString::fromUtf8(current.data(), static_cast<qsizetype>(current.size()));
        QString nextText = QString::fromUtf8(next.data(), static_cast<qsizetype>(next.size()));
        QJsonObject body {{QStringLiteral("currentPassword"), currentText}, {QStringLiteral("newPassword"), nextText}};
        wipeString(currentText);
        wipeString(nextText);
        send("POST", api::apiPrefix() + QStringLiteral("/me/password"), body,
            [done = std::move(done)](Result<QJsonObject> json) {
                if (!json)
                    done(json.error());
                else
                    done(true);
            });
    });
}

QFuture<Result<api::SealSettingsReply>> ApiClient::sealSettings()
{
    return answered<api::SealSettingsReply>([&](Done<api::SealSettingsReply> done) {
        send("GET", api::apiPrefix() + QStringLiteral("/me/seal"), {},
            decodeInto<api::SealSettingsReply>(std::move(done)));
    });
}

QFuture<Result<api::SealSettingsReply>> ApiClient::saveSealSettings(const api::SealSettings& settings)
{
    return answered<api::SealSettingsReply>([&](Done<api::SealSettingsReply> done) {
        send("PUT", api::apiPrefix() + QStringLiteral("/me/seal"), settings.toJson(),
            decodeInto<api::SealSettingsReply>(std::move(done)));
    });
}

QFuture<Result<std::optional<api::CertificateInfo>>> ApiClient::certificateSetup(
    const api::CertificateSetupRequest& request)
{
    return answered<std::optional<api::CertificateInfo>>([&](Done<std::optional<api::CertificateInfo>> done) {
        send("POST", api::apiPrefix() + QStringLiteral("/certificate-setup"), request.toJson(),
            [done = std::move(done)](Result<QJsonObject> json) {
                if (!json) {
                    done(json.error());
                    return;
                }
                if (!json->value(QStringLiteral("signing")).toBool()) {
                    done(std::optional<api::CertificateInfo>());
                    return;
                }
                auto info = api::CertificateInfo::fromJson(json->value(QStringLiteral("certificate")).toObject());
                if (!info)
                    done(info.error());
                else
                    done(std::optional<api::CertificateInfo>(*info));
            });
    });
}

QFuture<Result<QByteArray>> ApiClient::caCertificate()
{
    return answered<QByteArray>([&](Done<QByteArray> done) {
        sendRaw("GET", api::apiPrefix() + QStringLiteral("/ca/certificate"), {}, std::move(done));
    });
}

QFuture<Result<ApiClient::SigningPolicy>> ApiClient::signingPolicy()
{
    return answered<SigningPolicy>([&](Done<SigningPolicy> done) {
        send("GET", api::apiPrefix() + QStringLiteral("/signing-policy"), {},
            [done = std::move(done)](Result<QJsonObject> json) {
                if (!json) {
                    if (json.error().code == ErrorCode::RouteNotFound)
                        done(SigningPolicy {});
                    else
                        done(json.error());
                    return;
                }
                SigningPolicy policy;
                policy.signatureLevel = json->value(QStringLiteral("signatureLevel")).toString();
                policy.tsaPath = json->value(QStringLiteral("tsaPath")).toString();
                if (!parseSigningLevel(policy.signatureLevel)) {
                    done(makeError(ErrorCode::SignatureLevelUnsupported, policy.signatureLevel));
                    return;
                }
                // Every level above B-B takes its timestamps from the server's own TSA, a path on the same server.
                if (policy.signatureLevel != QLatin1String("B-B") && !policy.tsaPath.startsWith(QLatin1Char('/'))) {
                    done(makeError(
                        ErrorCode::ProtocolMismatch, policy.signatureLevel + QStringLiteral(" without a TSA path")));
                    return;
                }
                done(policy);
            });
    });
}

void ApiClient::getJson(const QString& path, const QUrlQuery& query, Done<QJsonObject> done)
{
    sendRequest("GET", path, query, {}, {}, [done = std::move(done)](Result<RawReply> raw) {
        if (!raw)
            done(raw.error());
        else
            done(jsonObjectOf(raw->body));
    });
}

QFuture<Result<api::FileListPage>> ApiClient::listFiles(const api::FileListFilter& filter)
{
    return answered<api::FileListPage>([&](Done<api::FileListPage> done) {
        getJson(api::apiPrefix() + QStringLiteral("/files"), filter.toQuery(),
            decodeInto<api::FileListPage>(std::move(done)));
    });
}

QFuture<Result<api::FileEntry>> ApiClient::fileDetail(const QString& fileId)
{
    return answered<api::FileEntry>([&](Done<api::FileEntry> done) {
        getJson(api::apiPrefix() + QStringLiteral("/files/") + QString::fromLatin1(QUrl::toPercentEncoding(fileId)), {},
            decodeInto<api::FileEntry>(std::move(done), QLatin1StringView("file")));
    });
}

QFuture<Result<ApiClient::Download>> ApiClient::downloadFile(const QString& fileId, bool forSigning)
{
    return answered<Download>([&](Done<Download> done) {
        QUrlQuery query;
        if (forSigning)
            query.addQueryItem(QStringLiteral("purpose"), QStringLiteral("sign"));
        sendRequest("GET",
            api::apiPrefix() + QStringLiteral("/files/") + QString::fromLatin1(QUrl::toPercentEncoding(fileId))
                + QStringLiteral("/content"),
            query, {}, {{"Accept", "application/pdf"}}, [done = std::move(done)](Result<RawReply> raw) {
                if (!raw) {
                    done(raw.error());
                    return;
                }
                Download download;
                download.version = api::parseVersionTag(raw->headers.value("etag"));
                download.sha256 = QString::fromLatin1(raw->headers.value("x-ikkatsu-sha256"));
                const QString actual
                    = QString::fromLatin1(QCryptographicHash::hash(raw->body, QCryptographicHash::Sha256).toHex());
                if (download.version < 1 || download.sha256 != actual) {
                    done(makeError(
                        ErrorCode::ProtocolMismatch, QStringLiteral("download without a matching version tag")));
                    return;
                }
                download.bytes = std::move(raw->body);
                done(download);
            });
    });
}

QFuture<Result<ApiClient::Download>> ApiClient::adminFileVersion(const QString& fileId, int version)
{
    return answered<Download>([&](Done<Download> done) {
        sendRequest("GET",
            api::apiPrefix() + QStringLiteral("/admin/files/") + QString::fromLatin1(QUrl::toPercentEncoding(fileId))
                + QStringLiteral("/versions/%1/content").arg(version),
            {}, {}, {{"Accept", "application/pdf"}}, [version, done = std::move(done)](Result<RawReply> raw) {
                if (!raw) {
                    done(raw.error());
                    return;
                }
                Download download;
                download.version = raw->headers.value("x-ikkatsu-version").toInt();
                download.sha256 = QString::fromLatin1(raw->headers.value("x-ikkatsu-sha256"));
                const QString actual
                    = QString::fromLatin1(QCryptographicHash::hash(raw->body, QCryptographicHash::Sha256).toHex());
                if (download.version != version || download.sha256 != actual) {
                    done(makeError(ErrorCode::ProtocolMismatch, QStringLiteral("version download does not match")));
                    return;
                }
                download.bytes = std::move(raw->body);
                done(download);
            });
    });
}

QFuture<Result<api::FileEntry>> ApiClient::uploadSignedFile(
    const QString& fileId, int baseVersion, const QByteArray& signedPdf)
{
    return answered<api::FileEntry>([&](Done<api::FileEntry> done) {
        sendRequest("PUT",
            api::apiPrefix() + QStringLiteral("/files/") + QString::fromLatin1(QUrl::toPercentEncoding(fileId))
                + QStringLiteral("/content"),
            {}, signedPdf, {{"Content-Type", "application/pdf"}, {"If-Match", api::versionTag(baseVersion)}},
            [done = std::move(done)](Result<RawReply> raw) {
                if (!raw)
                    done(raw.error());
                else
                    done(fileOf(jsonObjectOf(raw->body)));
            });
    });
}

QFuture<Result<api::ResultPage>> ApiClient::results(const api::ResultFilter& filter)
{
    return answered<api::ResultPage>([&](Done<api::ResultPage> done) {
        api::ResultFilter own = filter;
        own.userId.clear();
        getJson(
            api::apiPrefix() + QStringLiteral("/results"), own.toQuery(), decodeInto<api::ResultPage>(std::move(done)));
    });
}

QFuture<Result<QByteArray>> ApiClient::resultsCsv(const api::ResultFilter& filter)
{
    return answered<QByteArray>([&](Done<QByteArray> done) {
        api::ResultFilter own = filter;
        own.userId.clear();
        sendRequest("GET", api::apiPrefix() + QStringLiteral("/results/csv"), own.toQuery(), {},
            {{"Accept", "text/csv"}}, [done = std::move(done)](Result<RawReply> raw) {
                if (!raw)
                    done(raw.error());
                else
                    done(raw->body);
            });
    });
}

QFuture<Result<QList<api::FolderInfo>>> ApiClient::folders()
{
    return answered<QList<api::FolderInfo>>([&](Done<QList<api::FolderInfo>> done) {
        getJson(api::apiPrefix() + QStringLiteral("/admin/folders"), {},
            [done = std::move(done)](Result<QJsonObject> json) {
                if (!json) {
                    done(json.error());
                    return;
                }
                done(api::listFromJson<api::FolderInfo>(*json, QStringLiteral("folders")));
            });
    });
}

QFuture<Result<api::FolderInfo>> ApiClient::createFolder(const QString& name)
{
    return answered<api::FolderInfo>([&](Done<api::FolderInfo> done) {
        send("POST", api::apiPrefix() + QStringLiteral("/admin/folders"), {{QStringLiteral("name"), name}},
            decodeInto<api::FolderInfo>(std::move(done), QLatin1StringView("folder")));
    });
}

QFuture<Result<QList<api::NewFileOutcome>>> ApiClient::registerFiles(
    const QString& folderId, const QList<api::NewFile>& files)
{
    return answered<QList<api::NewFileOutcome>>([&](Done<QList<api::NewFileOutcome>> done) {
        QJsonArray list;
        for (const api::NewFile& file : files)
            list.append(file.toJson());
        send("POST", api::apiPrefix() + QStringLiteral("/admin/files"),
            {{QStringLiteral("folderId"), folderId}, {QStringLiteral("files"), list}},
            [done = std::move(done)](Result<QJsonObject> json) {
                if (!json) {
                    done(json.error());
                    return;
                }
                done(api::listFromJson<api::NewFileOutcome>(*json, QStringLiteral("results")));
            });
    });
}

QFuture<Result<api::FileListPage>> ApiClient::adminFiles(const QString& folderId, int offset, int limit)
{
    return answered<api::FileListPage>([&](Done<api::FileListPage> done) {
        QUrlQuery query;
        if (!folderId.isEmpty())
            query.addQueryItem(QStringLiteral("folderId"), QString::fromLatin1(QUrl::toPercentEncoding(folderId)));
        query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        getJson(
            api::apiPrefix() + QStringLiteral("/admin/files"), query, decodeInto<api::FileListPage>(std::move(done)));
    });
}

QFuture<Result<api::FileEntry>> ApiClient::adminFileDetail(const QString& fileId)
{
    return answered<api::FileEntry>([&](Done<api::FileEntry> done) {
        getJson(
            api::apiPrefix() + QStringLiteral("/admin/files/") + QString::fromLatin1(QUrl::toPercentEncoding(fileId)),
            {}, decodeInto<api::FileEntry>(std::move(done), QLatin1StringView("file")));
    });
}

QFuture<Result<api::FileEntry>> ApiClient::changeFilePermissions(
    const QString& fileId, const QStringList& viewers, const QStringList& signers, bool signOrdered)
{
    return answered<api::FileEntry>([&](Done<api::FileEntry> done) {
        const QJsonObject body {{QStringLiteral("viewers"), QJsonArray::fromStringList(viewers)},
            {QStringLiteral("signers"), QJsonArray::fromStringList(signers)},
            {QStringLiteral("signOrdered"), signOrdered}};
        send("PUT",
            api::apiPrefix() + QStringLiteral("/admin/files/") + QString::fromLatin1(QUrl::toPercentEncoding(fileId))
                + QStringLiteral("/permissions"),
            body, decodeInto<api::FileEntry>(std::move(done), QLatin1StringView("file")));
    });
}

QFuture<Result<api::ResultPage>> ApiClient::allResults(const api::ResultFilter& filter)
{
    return answered<api::ResultPage>([&](Done<api::ResultPage> done) {
        getJson(api::apiPrefix() + QStringLiteral("/admin/results"), filter.toQuery(),
            decodeInto<api::ResultPage>(std::move(done)));
    });
}

QFuture<Result<QByteArray>> ApiClient::allResultsCsv(const api::ResultFilter& filter)
{
    return answered<QByteArray>([&](Done<QByteArray> done) {
        sendRequest("GET", api::apiPrefix() + QStringLiteral("/admin/results/csv"), filter.toQuery(), {},
            {{"Accept", "text/csv"}}, [done = std::move(done)](Result<RawReply> raw) {
                if (!raw)
                    done(raw.error());
                else
                    done(raw->body);
            });
    });
}

QFuture<Result<api::AuditPage>> ApiClient::auditTrail(const api::AuditFilter& filter)
{
    return answered<api::AuditPage>([&](Done<api::AuditPage> done) {
        getJson(api::apiPrefix() + QStringLiteral("/admin/audit"), filter.toQuery(),
            decodeInto<api::AuditPage>(std::move(done)));
    });
}

QFuture<Result<QByteArray>> ApiClient::auditTrailCsv(const api::AuditFilter& filter)
{
    return answered<QByteArray>([&](Done<QByteArray> done) {
        sendRequest("GET", api::apiPrefix() + QStringLiteral("/admin/audit/csv"), filter.toQuery(), {},
            {{"Accept", "text/csv"}}, [done = std::move(done)](Result<RawReply> raw) {
                if (!raw)
                    done(raw.error());
                else
                    done(raw->body);
            });
    });
}

// --- Administrators: users and their certificates. ---

namespace {

QString userPath(const QString& userId)
{
    return api::apiPrefix() + QStringLiteral("/admin/users/") + QString::fromLatin1(QUrl::toPercentEncoding(userId));
}

void answerUser(const Result<QJsonObject>& json, const ApiClient::Done<api::UserInfo>& done)
{
    done(decode<api::UserInfo>(json, QLatin1StringView("user")));
}

void answerRegistered(const Result<QJsonObject>& json, const ApiClient::Done<ApiClient::Registered>& done)
{
    auto user = decode<api::UserInfo>(json, QLatin1StringView("user"));
    if (!user) {
        done(user.error());
        return;
    }
    done(ApiClient::Registered {*user, json->value(QStringLiteral("mailDelivered")).toBool()});
}

} // namespace

QFuture<Result<ApiClient::UserPage>> ApiClient::listUsers(const QString& search, int offset, int limit)
{
    return answered<UserPage>([&](Done<UserPage> done) {
        QUrlQuery query;
        if (!search.isEmpty())
            query.addQueryItem(QStringLiteral("q"), QString::fromLatin1(QUrl::toPercentEncoding(search)));
        query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        send("GET", api::apiPrefix() + QStringLiteral("/admin/users?") + query.query(QUrl::FullyEncoded), {},
            [done = std::move(done)](Result<QJsonObject> json) {
                if (!json) {
                    done(json.error());
                    return;
                }
                auto users = api::listFromJson<api::UserInfo>(*json, QStringLiteral("users"));
                if (!users) {
                    done(users.error());
                    return;
                }
                done(UserPage {*users, json->value(QStringLiteral("total")).toInt()});
            });
    });
}

QFuture<Result<ApiClient::UserDetails>> ApiClient::userDetails(const QString& userId)
{
    return answered<UserDetails>([&](Done<UserDetails> done) {
        send("GET", userPath(userId), {}, [done = std::move(done)](Result<QJsonObject> json) {
            auto user = decode<api::UserInfo>(json, QLatin1StringView("user"));
            if (!user) {
                done(user.error());
                return;
            }
            auto certificates = api::listFromJson<api::CertificateInfo>(*json, QStringLiteral("certificates"));
            if (!certificates) {
                done(certificates.error());
                return;
            }
            done(UserDetails {*user, *certificates});
        });
    });
}

QFuture<Result<ApiClient::Registered>> ApiClient::registerUser(const api::NewUser& user)
{
    return answered<Registered>([&](Done<Registered> done) {
        send("POST", api::apiPrefix() + QStringLiteral("/admin/users"), user.toJson(),
            [done = std::move(done)](Result<QJsonObject> json) { answerRegistered(json, done); });
    });
}

QFuture<Result<api::UserInfo>> ApiClient::editUser(const QString& userId, const QJsonObject& changes)
{
    return answered<api::UserInfo>([&](Done<api::UserInfo> done) {
        send("PATCH", userPath(userId), changes,
            [done = std::move(done)](Result<QJsonObject> json) { answerUser(json, done); });
    });
}

QFuture<Result<api::UserInfo>> ApiClient::setUserLocked(const QString& userId, bool locked)
{
    return answered<api::UserInfo>([&](Done<api::UserInfo> done) {
        send("POST", userPath(userId) + (locked ? QStringLiteral("/lock") : QStringLiteral("/unlock")), {},
            [done = std::move(done)](Result<QJsonObject> json) { answerUser(json, done); });
    });
}

QFuture<Result<api::UserInfo>> ApiClient::setUserDisabled(const QString& userId, bool disabled)
{
    return answered<api::UserInfo>([&](Done<api::UserInfo> done) {
        send("POST", userPath(userId) + (disabled ? QStringLiteral("/disable") : QStringLiteral("/enable")), {},
            [done = std::move(done)](Result<QJsonObject> json) { answerUser(json, done); });
    });
}

QFuture<Result<ApiClient::Registered>> ApiClient::resetUserPassword(const QString& userId)
{
    return answered<Registered>([&](Done<Registered> done) {
        send("POST", userPath(userId) + QStringLiteral("/reset-password"), {},
            [done = std::move(done)](Result<QJsonObject> json) { answerRegistered(json, done); });
    });
}

QFuture<Result<api::CertificateInfo>> ApiClient::revokeCertificate(const QString& serialNumber, int reason)
{
    return answered<api::CertificateInfo>([&](Done<api::CertificateInfo> done) {
        send("POST",
            api::apiPrefix() + QStringLiteral("/admin/certificates/")
                + QString::fromLatin1(QUrl::toPercentEncoding(serialNumber)) + QStringLiteral("/revoke"),
            {{QStringLiteral("reason"), reason}},
            decodeInto<api::CertificateInfo>(std::move(done), QLatin1StringView("certificate")));
    });
}

} // namespace ikkatsu::client
