// Signing here uses the product's own signer with a certificate the server issued, as the desktop app will.
#include "FileSteps.h"

#include "PdfFixtures.h"
#include "TestSupport.h"
#include "crypto/Cades.h"
#include "pdf/PdfSigner.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QUrl>

namespace ikkatsu::test {

QString startWithAdmin(TestServer& server, const QStringList& extraArgs)
{
    if (!server.initAdmin(QStringLiteral("admin"), QStringLiteral("admin-password-1"), kAdminEmail))
        return {};
    if (!server.start(extraArgs))
        return {};
    return fullLogin(server, QStringLiteral("admin"), QStringLiteral("admin-password-1"), kAdminEmail);
}

namespace {

bool setupCertificate(TestServer& server, SigningUser& user)
{
    auto key = PrivateKey::generate(KeyAlgorithm::EcdsaP256);
    if (!key)
        return false;
    SubjectName subject;
    subject.commonName = QStringLiteral("ignored");
    auto csr = createCertificateRequest(*key, subject);
    if (!csr)
        return false;
    const Reply issued = server.post(QStringLiteral("/api/v1/certificate-setup"),
        {{QStringLiteral("sign"), true}, {QStringLiteral("csr"), QString::fromLatin1(csr->toBase64())}}, user.token);
    if (issued.status != 201) {
        qWarning("certificate setup failed: %d %s", issued.status, issued.body.constData());
        return false;
    }
    const QJsonObject info = issued.json.value(QStringLiteral("certificate")).toObject();
    auto certificate
        = Certificate::fromDer(QByteArray::fromBase64(info.value(QStringLiteral("certificate")).toString().toLatin1()));
    auto ca = Certificate::fromDer(
        QByteArray::fromBase64(info.value(QStringLiteral("caCertificate")).toString().toLatin1()));
    if (!certificate || !ca)
        return false;
    user.key = std::make_shared<PrivateKey>(std::move(key).value());
    user.certificate = *certificate;
    user.ca = *ca;
    user.serial = info.value(QStringLiteral("serialNumber")).toString();
    return true;
}

} // namespace

SigningUser newUser(TestServer& server, const QString& adminToken, const QString& email, bool certificate)
{
    SigningUser user;
    user.account = registerUser(server, adminToken, kAdminEmail, email, certificate);
    if (user.account.userId.isEmpty())
        return user;
    user.token = fullLogin(server, user.account.userId, user.account.password, email);
    if (user.token.isEmpty())
        return user;
    if (certificate && !setupCertificate(server, user))
        user.token.clear();
    return user;
}

bool renewCertificate(TestServer& server, SigningUser& user)
{
    return setupCertificate(server, user);
}

QString createFolder(TestServer& server, const QString& adminToken, const QString& name)
{
    const Reply created
        = server.post(QStringLiteral("/api/v1/admin/folders"), {{QStringLiteral("name"), name}}, adminToken);
    return created.json.value(QStringLiteral("folder")).toObject().value(QStringLiteral("folderId")).toString();
}

QJsonObject newFileJson(
    const QString& name, const QByteArray& pdf, const QStringList& viewers, const QStringList& signers, bool ordered)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("content"), QString::fromLatin1(pdf.toBase64())},
        {QStringLiteral("viewers"), QJsonArray::fromStringList(viewers)},
        {QStringLiteral("signers"), QJsonArray::fromStringList(signers)}, {QStringLiteral("signOrdered"), ordered}};
}

Reply registerFiles(TestServer& server, const QString& adminToken, const QString& folderId, const QJsonArray& files)
{
    return server.post(QStringLiteral("/api/v1/admin/files"),
        {{QStringLiteral("folderId"), folderId}, {QStringLiteral("files"), files}}, adminToken);
}

QString registerFile(TestServer& server, const QString& adminToken, const QString& folderId, const QString& name,
    const QByteArray& pdf, const QStringList& viewers, const QStringList& signers, bool ordered)
{
    const Reply reply
        = registerFiles(server, adminToken, folderId, {newFileJson(name, pdf, viewers, signers, ordered)});
    const QJsonObject first = reply.json.value(QStringLiteral("results")).toArray().first().toObject();
    if (reply.status != 201)
        qWarning("registration of %s failed: %s", qPrintable(name), reply.body.left(400).constData());
    return first.value(QStringLiteral("file")).toObject().value(QStringLiteral("fileId")).toString();
}

Reply downloadFile(TestServer& server, const QString& token, const QString& fileId)
{
    return server.request("GET", QStringLiteral("/api/v1/files/%1/content").arg(fileId), {}, token);
}

Reply uploadSigned(
    TestServer& server, const QString& token, const QString& fileId, int baseVersion, const QByteArray& pdf)
{
    QList<QPair<QByteArray, QByteArray>> headers {{"Content-Type", "application/pdf"}};
    if (baseVersion > 0)
        headers.append({"If-Match", '"' + QByteArray::number(baseVersion) + '"'});
    return server.request("PUT", QStringLiteral("/api/v1/files/%1/content").arg(fileId), pdf, token, headers);
}

int versionOf(const Reply& download)
{
    QByteArray tag = download.headers.value("etag");
    if (tag.size() < 3)
        return -1;
    bool ok = false;
    const int version = tag.mid(1, tag.size() - 2).toInt(&ok);
    return ok ? version : -1;
}

QByteArray signWith(const PrivateKey& key, const QList<Certificate>& chain, const QByteArray& pdf)
{
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("in.pdf"));
    const QString output = dir.filePath(QStringLiteral("out.pdf"));
    if (!writeAll(input, pdf))
        return {};
    CadesSigner signer(key, chain);
    SignatureOptions options;
    options.reason = QStringLiteral("承認");
    auto signedFile = PdfSigner::signFile(input, output, signer, options);
    if (!signedFile) {
        qWarning("signing failed: %s", qPrintable(signedFile.error().detail));
        return {};
    }
    return readAll(output);
}

QByteArray signAs(const SigningUser& user, const QByteArray& pdf)
{
    return signWith(*user.key, {user.certificate, user.ca}, pdf);
}

QJsonArray listFiles(TestServer& server, const QString& token, const QString& query, int* total)
{
    const Reply reply = server.get(QStringLiteral("/api/v1/files") + query, token);
    if (reply.status != 200)
        qWarning("list %s failed: %d %s", qPrintable(query), reply.status, reply.body.constData());
    if (total)
        *total = reply.json.value(QStringLiteral("total")).toInt(-1);
    return reply.json.value(QStringLiteral("files")).toArray();
}

} // namespace ikkatsu::test

namespace ikkatsu::test {

QList<QVariantList> queryServerDatabase(TestServer& server, const QString& sql, const QVariantList& binds, bool* ok)
{
    static int serial = 0;
    const QString name = QStringLiteral("test-direct-%1").arg(++serial);
    QList<QVariantList> rows;
    bool done = false;
    {
        const bool postgres = !server.databaseUrl().isEmpty();
        QSqlDatabase db
            = QSqlDatabase::addDatabase(postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
        if (postgres) {
            const QUrl url(server.databaseUrl());
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setDatabaseName(url.path().mid(1));
        } else {
            db.setDatabaseName(server.dataDir() + QStringLiteral("/ikkatsu.sqlite3"));
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        }
        if (db.open()) {
            QSqlQuery query(db);
            // PostgreSQL prepares no DDL: statements without values run as they are.
            if (binds.isEmpty()) {
                done = query.exec(sql);
            } else {
                query.prepare(sql);
                for (const QVariant& bind : binds)
                    query.addBindValue(bind);
                done = query.exec();
            }
            if (!done)
                qWarning("direct query failed: %s", qPrintable(query.lastError().text()));
            while (done && query.next()) {
                QVariantList row;
                for (int i = 0; i < query.record().count(); ++i)
                    row.append(query.value(i));
                rows.append(row);
            }
            query.finish();
            db.close();
        } else {
            qWarning("cannot open the server's database: %s", qPrintable(db.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (ok)
        *ok = done;
    return rows;
}

RevocationFetchers revocationFrom(const TestServer& server, const TimestampClientOptions& options)
{
    const RevocationFetchers http = makeHttpRevocationFetchers(options);
    const QUrl base(server.baseUrl());
    auto here = [base](const QString& url) {
        QUrl moved(url);
        moved.setScheme(base.scheme());
        moved.setHost(base.host());
        moved.setPort(base.port());
        return moved.toString();
    };
    RevocationFetchers local;
    local.ocsp = [http, here](const QString& url, const QByteArray& request) { return http.ocsp(here(url), request); };
    local.crl = [http, here](const QString& url) { return http.crl(here(url)); };
    return local;
}

} // namespace ikkatsu::test
