// Maps HTTP answers to Result values: the server's {"code","message"} body becomes an Error with that code.
#include "client/ApiClient.h"

#include "api/SigningLevel.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSslConfiguration>
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

// Decodes {"file": {...}} answers.
Result<api::FileEntry> fileOf(const Result<QJsonObject>& json)
{
    if (!json)
        return json.error();
    return api::FileEntry::fromJson(json->value(QStringLiteral("file")).toObject());
}

Error transportError(QNetworkReply* reply)
{
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return makeError(ErrorCode::NetworkTimeout, reply->errorString());
    case QNetworkReply::SslHandshakeFailedError:
        return makeError(ErrorCode::TlsError, reply->errorString());
    default:
        return makeError(ErrorCode::ServerUnreachable, reply->errorString());
    }
}

} // namespace

ApiClient::ApiClient(const QUrl& serverUrl, QObject* parent)
    : QObject(parent)
    , m_serverUrl(serverUrl)
{ }

QNetworkRequest ApiClient::makeRequest(const QString& path, const QUrlQuery& query) const
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
    QNetworkRequest request(url);
    if (!m_userAgent.isEmpty())
        request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    request.setTransferTimeout(m_timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    if (!m_caCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_caCertificates);
        request.setSslConfiguration(tls);
    }
    return request;
}

void ApiClient::sendRequest(const QByteArray& method, const QString& path, const QUrlQuery& query,
    const QByteArray& body, const QList<QPair<QByteArray, QByteArray>>& headers, Done<RawReply> done)
{
    QNetworkRequest request = makeRequest(path, query);
    for (const auto& header : headers)
        request.setRawHeader(header.first, header.second);
    QNetworkReply* reply = m_network.sendCustomRequest(request, method, body);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray bytes = reply->readAll();
        if (status == 0) {
            done(transportError(reply));
            return;
        }
        if (status >= 200 && status < 300) {
            RawReply raw;
            raw.body = bytes;
            for (const auto& header : reply->rawHeaderPairs())
                raw.headers.insert(header.first.toLower(), header.second);
            done(raw);
            return;
        }
        auto errorBody = api::ErrorBody::fromJson(QJsonDocument::fromJson(bytes).object());
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

void ApiClient::login(const QString& userId, const SecureBuffer& password, Done<api::LoginChallenge> done)
{
    // QJsonObject needs a QString; it lives only until the request bytes are built.
    QString secret = QString::fromUtf8(password.data(), static_cast<qsizetype>(password.size()));
    QJsonObject body {{QStringLiteral("userId"), userId}, {QStringLiteral("password"), secret}};
    wipeString(secret);
    send("POST", api::apiPrefix() + QStringLiteral("/auth/login"), body,
        [done = std::move(done)](Result<QJsonObject> json) {
            if (!json)
                done(json.error());
            else
                done(api::LoginChallenge::fromJson(*json));
        });
}

void ApiClient::resendOtp(const QString& attemptId, Done<api::LoginChallenge> done)
{
    send("POST", api::apiPrefix() + QStringLiteral("/auth/otp/resend"), {{QStringLiteral("attemptId"), attemptId}},
        [done = std::move(done)](Result<QJsonObject> json) {
            if (!json)
                done(json.error());
            else
                done(api::LoginChallenge::fromJson(*json));
        });
}

void ApiClient::submitOtp(const QString& attemptId, const QString& otp, Done<api::Session> done)
{
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
}

void ApiClient::logout(Done<bool> done)
{
    send("POST", api::apiPrefix() + QStringLiteral("/auth/logout"), {},
        [this, done = std::move(done)](Result<QJsonObject> json) {
            m_token.clear();
            if (!json)
                done(json.error());
            else
                done(true);
        });
}

void ApiClient::me(Done<Me> done)
{
    send("GET", api::apiPrefix() + QStringLiteral("/me"), {}, [done = std::move(done)](Result<QJsonObject> json) {
        if (!json) {
            done(json.error());
            return;
        }
        auto user = api::UserInfo::fromJson(json->value(QStringLiteral("user")).toObject());
        if (!user) {
            done(user.error());
            return;
        }
        Me me;
        me.user = *user;
        me.certificateSetupDone = json->value(QStringLiteral("certificateSetupDone")).toBool();
        if (json->value(QStringLiteral("certificate")).isObject()) {
            auto certificate = api::CertificateInfo::fromJson(json->value(QStringLiteral("certificate")).toObject());
            if (!certificate) {
                done(certificate.error());
                return;
            }
            me.certificate = *certificate;
        }
        done(me);
    });
}

void ApiClient::changePassword(const SecureBuffer& current, const SecureBuffer& next, Done<bool> done)
{
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
}

void ApiClient::sealSettings(Done<api::SealSettingsReply> done)
{
    send("GET", api::apiPrefix() + QStringLiteral("/me/seal"), {}, [done = std::move(done)](Result<QJsonObject> json) {
        if (!json)
            done(json.error());
        else
            done(api::SealSettingsReply::fromJson(*json));
    });
}

void ApiClient::saveSealSettings(const api::SealSettings& settings, Done<api::SealSettingsReply> done)
{
    send("PUT", api::apiPrefix() + QStringLiteral("/me/seal"), settings.toJson(),
        [done = std::move(done)](Result<QJsonObject> json) {
            if (!json)
                done(json.error());
            else
                done(api::SealSettingsReply::fromJson(*json));
        });
}

void ApiClient::certificateSetup(
    const api::CertificateSetupRequest& request, Done<std::optional<api::CertificateInfo>> done)
{
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
}

void ApiClient::caCertificate(Done<QByteArray> done)
{
    sendRaw("GET", api::apiPrefix() + QStringLiteral("/ca/certificate"), {}, std::move(done));
}

void ApiClient::signingPolicy(Done<SigningPolicy> done)
{
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

void ApiClient::listFiles(const api::FileListFilter& filter, Done<api::FileListPage> done)
{
    getJson(api::apiPrefix() + QStringLiteral("/files"), filter.toQuery(),
        [done = std::move(done)](Result<QJsonObject> json) {
            if (!json)
                done(json.error());
            else
                done(api::FileListPage::fromJson(*json));
        });
}

void ApiClient::fileDetail(const QString& fileId, Done<api::FileEntry> done)
{
    getJson(api::apiPrefix() + QStringLiteral("/files/") + QString::fromLatin1(QUrl::toPercentEncoding(fileId)), {},
        [done = std::move(done)](Result<QJsonObject> json) { done(fileOf(json)); });
}

void ApiClient::downloadFile(const QString& fileId, Done<Download> done, bool forSigning)
{
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
                done(makeError(ErrorCode::ProtocolMismatch, QStringLiteral("download without a matching version tag")));
                return;
            }
            download.bytes = std::move(raw->body);
            done(download);
        });
}

void ApiClient::adminFileVersion(const QString& fileId, int version, Done<Download> done)
{
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
}

void ApiClient::uploadSignedFile(
    const QString& fileId, int baseVersion, const QByteArray& signedPdf, Done<api::FileEntry> done)
{
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
}

void ApiClient::results(const api::ResultFilter& filter, Done<api::ResultPage> done)
{
    api::ResultFilter own = filter;
    own.userId.clear();
    getJson(api::apiPrefix() + QStringLiteral("/results"), own.toQuery(),
        [done = std::move(done)](Result<QJsonObject> json) {
            if (!json)
                done(json.error());
            else
                done(api::ResultPage::fromJson(*json));
        });
}

void ApiClient::resultsCsv(const api::ResultFilter& filter, Done<QByteArray> done)
{
    api::ResultFilter own = filter;
    own.userId.clear();
    sendRequest("GET", api::apiPrefix() + QStringLiteral("/results/csv"), own.toQuery(), {}, {{"Accept", "text/csv"}},
        [done = std::move(done)](Result<RawReply> raw) {
            if (!raw)
                done(raw.error());
            else
                done(raw->body);
        });
}

void ApiClient::folders(Done<QList<api::FolderInfo>> done)
{
    getJson(
        api::apiPrefix() + QStringLiteral("/admin/folders"), {}, [done = std::move(done)](Result<QJsonObject> json) {
            if (!json) {
                done(json.error());
                return;
            }
            done(api::listFromJson<api::FolderInfo>(*json, QStringLiteral("folders")));
        });
}

void ApiClient::createFolder(const QString& name, Done<api::FolderInfo> done)
{
    send("POST", api::apiPrefix() + QStringLiteral("/admin/folders"), {{QStringLiteral("name"), name}},
        [done = std::move(done)](Result<QJsonObject> json) {
            if (!json)
                done(json.error());
            else
                done(api::FolderInfo::fromJson(json->value(QStringLiteral("folder")).toObject()));
        });
}

void ApiClient::registerFiles(
    const QString& folderId, const QList<api::NewFile>& files, Done<QList<api::NewFileOutcome>> done)
{
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
}

void ApiClient::adminFiles(const QString& folderId, int offset, int limit, Done<api::FileListPage> done)
{
    QUrlQuery query;
    if (!folderId.isEmpty())
        query.addQueryItem(QStringLiteral("folderId"), QString::fromLatin1(QUrl::toPercentEncoding(folderId)));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    getJson(
        api::apiPrefix() + QStringLiteral("/admin/files"), query, [done = std::move(done)](Result<QJsonObject> json) {
            if (!json)
                done(json.error());
            else
                done(api::FileListPage::fromJson(*json));
        });
}

void ApiClient::adminFileDetail(const QString& fileId, Done<api::FileEntry> done)
{
    getJson(api::apiPrefix() + QStringLiteral("/admin/files/") + QString::fromLatin1(QUrl::toPercentEncoding(fileId)),
        {}, [done = std::move(done)](Result<QJsonObject> json) { done(fileOf(json)); });
}

void ApiClient::changeFilePermissions(const QString& fileId, const QStringList& viewers, const QStringList& signers,
    bool signOrdered, Done<api::FileEntry> done)
{
    const QJsonObject body {{QStringLiteral("viewers"), QJsonArray::fromStringList(viewers)},
        {QStringLiteral("signers"), QJsonArray::fromStringList(signers)}, {QStringLiteral("signOrdered"), signOrdered}};
    send("PUT",
        api::apiPrefix() + QStringLiteral("/admin/files/") + QString::fromLatin1(QUrl::toPercentEncoding(fileId))
            + QStringLiteral("/permissions"),
        body, [done = std::move(done)](Result<QJsonObject> json) { done(fileOf(json)); });
}

void ApiClient::allResults(const api::ResultFilter& filter, Done<api::ResultPage> done)
{
    getJson(api::apiPrefix() + QStringLiteral("/admin/results"), filter.toQuery(),
        [done = std::move(done)](Result<QJsonObject> json) {
            if (!json)
                done(json.error());
            else
                done(api::ResultPage::fromJson(*json));
        });
}

void ApiClient::allResultsCsv(const api::ResultFilter& filter, Done<QByteArray> done)
{
    sendRequest("GET", api::apiPrefix() + QStringLiteral("/admin/results/csv"), filter.toQuery(), {},
        {{"Accept", "text/csv"}}, [done = std::move(done)](Result<RawReply> raw) {
            if (!raw)
                done(raw.error());
            else
                done(raw->body);
        });
}

void ApiClient::auditTrail(const api::AuditFilter& filter, Done<api::AuditPage> done)
{
    getJson(api::apiPrefix() + QStringLiteral("/admin/audit"), filter.toQuery(),
        [done = std::move(done)](Result<QJsonObject> json) {
            if (!json)
                done(json.error());
            else
                done(api::AuditPage::fromJson(*json));
        });
}

void ApiClient::auditTrailCsv(const api::AuditFilter& filter, Done<QByteArray> done)
{
    sendRequest("GET", api::apiPrefix() + QStringLiteral("/admin/audit/csv"), filter.toQuery(), {},
        {{"Accept", "text/csv"}}, [done = std::move(done)](Result<RawReply> raw) {
            if (!raw)
                done(raw.error());
            else
                done(raw->body);
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
    if (!json)
        done(json.error());
    else
        done(api::UserInfo::fromJson(json->value(QStringLiteral("user")).toObject()));
}

void answerRegistered(const Result<QJsonObject>& json, const ApiClient::Done<ApiClient::Registered>& done)
{
    if (!json) {
        done(json.error());
        return;
    }
    auto user = api::UserInfo::fromJson(json->value(QStringLiteral("user")).toObject());
    if (!user) {
        done(user.error());
        return;
    }
    done(ApiClient::Registered {*user, json->value(QStringLiteral("mailDelivered")).toBool()});
}

} // namespace

void ApiClient::listUsers(const QString& search, int offset, int limit, Done<UserPage> done)
{
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
}

void ApiClient::userDetails(const QString& userId, Done<UserDetails> done)
{
    send("GET", userPath(userId), {}, [done = std::move(done)](Result<QJsonObject> json) {
        if (!json) {
            done(json.error());
            return;
        }
        auto user = api::UserInfo::fromJson(json->value(QStringLiteral("user")).toObject());
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
}

void ApiClient::registerUser(const api::NewUser& user, Done<Registered> done)
{
    send("POST", api::apiPrefix() + QStringLiteral("/admin/users"), user.toJson(),
        [done = std::move(done)](Result<QJsonObject> json) { answerRegistered(json, done); });
}

void ApiClient::editUser(const QString& userId, const QJsonObject& changes, Done<api::UserInfo> done)
{
    send("PATCH", userPath(userId), changes,
        [done = std::move(done)](Result<QJsonObject> json) { answerUser(json, done); });
}

void ApiClient::setUserLocked(const QString& userId, bool locked, Done<api::UserInfo> done)
{
    send("POST", userPath(userId) + (locked ? QStringLiteral("/lock") : QStringLiteral("/unlock")), {},
        [done = std::move(done)](Result<QJsonObject> json) { answerUser(json, done); });
}

void ApiClient::setUserDisabled(const QString& userId, bool disabled, Done<api::UserInfo> done)
{
    send("POST", userPath(userId) + (disabled ? QStringLiteral("/disable") : QStringLiteral("/enable")), {},
        [done = std::move(done)](Result<QJsonObject> json) { answerUser(json, done); });
}

void ApiClient::resetUserPassword(const QString& userId, Done<Registered> done)
{
    send("POST", userPath(userId) + QStringLiteral("/reset-password"), {},
        [done = std::move(done)](Result<QJsonObject> json) { answerRegistered(json, done); });
}

void ApiClient::revokeCertificate(const QString& serialNumber, int reason, Done<api::CertificateInfo> done)
{
    send("POST",
        api::apiPrefix() + QStringLiteral("/admin/certificates/")
            + QString::fromLatin1(QUrl::toPercentEncoding(serialNumber)) + QStringLiteral("/revoke"),
        {{QStringLiteral("reason"), reason}}, [done = std::move(done)](Result<QJsonObject> json) {
            if (!json)
                done(json.error());
            else
                done(api::CertificateInfo::fromJson(json->value(QStringLiteral("certificate")).toObject()));
        });
}

} // namespace ikkatsu::client
