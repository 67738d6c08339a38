// Shared steps of the file tests: an administrator, users with certificates from the server's CA, registration,
// download and signed upload over real HTTP, and signing with core's PdfSigner.
#pragma once

#include "LoginSteps.h"
#include "ServerHarness.h"
#include "client/TimestampClient.h"
#include "crypto/Certificate.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace ikkatsu::test {

struct SigningUser
{
    TestUser account;
    QString token;
    std::shared_ptr<PrivateKey> key;
    Certificate certificate;
    Certificate ca;
    QString serial;
};

// init + start + administrator login (outbox mode); the administrator's token, empty on failure.
QString startWithAdmin(TestServer& server, const QStringList& extraArgs = {});
inline const QString kAdminEmail = QStringLiteral("admin@files.example");

// A registered, logged-in user; with `certificate` the certificate setup ran with a fresh P-256 key.
SigningUser newUser(TestServer& server, const QString& adminToken, const QString& email, bool certificate = true);
// The certificate setup again: a new key and certificate, the old one revoked as superseded.
bool renewCertificate(TestServer& server, SigningUser& user);

QString createFolder(TestServer& server, const QString& adminToken, const QString& name);
QJsonObject newFileJson(const QString& name, const QByteArray& pdf, const QStringList& viewers,
    const QStringList& signers, bool ordered = false);
Reply registerFiles(TestServer& server, const QString& adminToken, const QString& folderId, const QJsonArray& files);
// One file; its ID, empty on failure.
QString registerFile(TestServer& server, const QString& adminToken, const QString& folderId, const QString& name,
    const QByteArray& pdf, const QStringList& viewers, const QStringList& signers, bool ordered = false);

Reply downloadFile(TestServer& server, const QString& token, const QString& fileId);
Reply uploadSigned(
    TestServer& server, const QString& token, const QString& fileId, int baseVersion, const QByteArray& pdf);
// The version number of a download's ETag, -1 without one.
int versionOf(const Reply& download);

// `pdf` plus one PAdES signature made by core's PdfSigner with `key` and `chain`; empty on failure.
QByteArray signWith(const PrivateKey& key, const QList<Certificate>& chain, const QByteArray& pdf);
QByteArray signAs(const SigningUser& user, const QByteArray& pdf);

// GET `path` + `query` as `token`; the files array of the answer.
QJsonArray listFiles(TestServer& server, const QString& token, const QString& query, int* total = nullptr);

} // namespace ikkatsu::test

namespace ikkatsu::test {

// Direct access to a test server's database (SQLite file or PostgreSQL), for arranging dates and checking rows.
// Each call opens and closes its own connection. Rows as lists of values; empty (with a warning) on error.
QList<QVariantList> queryServerDatabase(
    TestServer& server, const QString& sql, const QVariantList& binds = {}, bool* ok = nullptr);

// OCSP and CRL over HTTP to this server, whatever address its certificates name: they carry the public URL fixed
// when they were issued, and a test server listens on a port of its own (as a reverse proxy would forward).
RevocationFetchers revocationFrom(const TestServer& server, const TimestampClientOptions& options);

} // namespace ikkatsu::test
