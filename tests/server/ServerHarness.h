// Test harness for the server: the real ikkatsu-server binary, a real SMTP sink (aiosmtpd), and an HTTP client.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace ikkatsu::test {

// A received mail, decoded: subject from RFC 2047 words, body from base64.
struct Mail
{
    QHash<QByteArray, QByteArray> headers; // lower-case names, raw values
    QString to;
    QString subject;
    QString body;
};
Mail parseMail(const QByteArray& raw);
// "ワンタイムパスワード：123456" → "123456"; empty when absent.
QString otpFromMail(const Mail& mail);
// "ログインパスワード : xxx" of mail ②.
QString passwordFromMail(const Mail& mail);
QString userIdFromMail(const Mail& mail);

// Debian's python3-aiosmtpd as a real SMTP server that prints every message on stdout.
class SmtpSink
{
public:
    ~SmtpSink();
    bool start();
    quint16 port() const { return m_port; }
    // All messages received so far (waits up to `timeoutMs` for at least `count`).
    QList<Mail> waitForMails(int count, int timeoutMs = 10000);
    QList<Mail> mails();

private:
    QProcess m_process;
    QByteArray m_output;
    quint16 m_port = 0;
};

struct Reply
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QString code; // "E1203" for error bodies
    QByteArray contentType;
    QHash<QByteArray, QByteArray> headers; // lower-case names
};

// "postgresql" when IKKATSU_TEST_DATABASE says so (the *_postgresql CTest variants), else "sqlite".
QString testDatabaseKind();
// A fresh, empty database on the throwaway cluster of the CTest fixture (its URL is in
// IKKATSU_TEST_PG_URL or <build>/pgtest/url); empty on failure.
QString newPostgresDatabase();

// One ikkatsu-server process on 127.0.0.1 with a temporary data directory and the database the test variant
// asks for (SQLite in the data directory, or a fresh PostgreSQL database).
class TestServer
{
public:
    // With `shareWith`, a second process on the same data directory and database (several servers, one database).
    explicit TestServer(const TestServer* shareWith = nullptr);
    ~TestServer();
    QString dataDir() const { return m_sharedDir.isEmpty() ? m_dir.path() : m_sharedDir; }
    QString outboxDir() const { return dataDir() + QStringLiteral("/outbox"); }
    QString databaseUrl() const { return m_databaseUrl; }
    // SIGKILL, as a crash would (no clean shutdown).
    void kill();
    // Runs `ikkatsu-server init` for administrator `adminId` with `password` (via --password-stdin).
    bool initAdmin(const QString& adminId, const QString& password, const QString& email);
    bool start(const QStringList& extraArgs = {});
    void stop();
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    qint64 processId() const { return m_process.processId(); }
    // SIGTERM without waiting (the drain); then waitForExit gives the exit code, -1 if still running after `ms`.
    void sendTerminate() { m_process.terminate(); }
    int waitForExit(int ms);
    QString baseUrl() const { return m_baseUrl; }
    QByteArray log() { return m_log += m_process.readAllStandardError(); }

    Reply request(const QByteArray& method, const QString& path, const QByteArray& body = {}, const QString& token = {},
        const QList<QPair<QByteArray, QByteArray>>& headers = {});
    Reply post(const QString& path, const QJsonObject& json, const QString& token = {});
    Reply get(const QString& path, const QString& token = {});

    // Mails written to the outbox (outbox mode), oldest first.
    QList<Mail> outboxMails();

    QStringList commonArgs() const;
    // Listens on a port chosen now, for init and every start, and names it as the public URL: the OCSP and CRL URLs
    // in the certificates the server issues then reach it, as B-LT signing needs (port 0 would change each start).
    bool usePublicAddress();

private:
    QTemporaryDir m_dir;
    QString m_sharedDir;
    QString m_databaseUrl;
    QProcess m_process;
    QString m_baseUrl;
    QByteArray m_log;
    quint16 m_publicPort = 0;
};

// Logs in with password and the OTP read by `otpSource` (returns the newest OTP mail for the user).
struct LoginResult
{
    Reply login;
    Reply otp;
    QString token;
};

// Writes a fresh key and DER CSR with the openssl tool (independent of our own crypto code).
// `keyArgs` e.g. {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"}.
QByteArray makeCsrWithOpenssl(const QString& directory, const QStringList& keyArgs);

} // namespace ikkatsu::test
