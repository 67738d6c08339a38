// The harness starts real processes only: ikkatsu-server, Debian's aiosmtpd, the openssl tool.
#include "ServerHarness.h"

#include "TestConfig.h"
#include "TestSupport.h"

#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>
#include <QUuid>

namespace ikkatsu::test {

namespace {

QString decodeEncodedWords(const QByteArray& value)
{
    static const QRegularExpression word(
        QStringLiteral("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?="), QRegularExpression::CaseInsensitiveOption);
    QByteArray decoded;
    bool any = false;
    auto it = word.globalMatch(QString::fromLatin1(value));
    while (it.hasNext()) {
        any = true;
        decoded += QByteArray::fromBase64(it.next().captured(1).toLatin1());
    }
    return any ? QString::fromUtf8(decoded) : QString::fromUtf8(value);
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString valueAfter(const QString& body, const QString& label)
{
    for (const QString& line : body.split(QLatin1Char('\n'))) {
        if (line.startsWith(label))
            return line.mid(label.size()).trimmed();
    }
    return {};
}

} // namespace

Mail parseMail(const QByteArray& raw)
{
    Mail mail;
    QByteArray text = raw;
    text.replace("\r\n", "\n");
    const qsizetype split = text.indexOf("\n\n");
    const QByteArray head = split >= 0 ? text.left(split) : text;
    const QByteArray body = split >= 0 ? text.mid(split + 2) : QByteArray();
    QByteArray lastName;
    for (const QByteArray& line : head.split('\n')) {
        if ((line.startsWith(' ') || line.startsWith('\t')) && !lastName.isEmpty()) {
            mail.headers[lastName] += ' ' + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        lastName = line.left(colon).trimmed().toLower();
        mail.headers.insert(lastName, line.mid(colon + 1).trimmed());
    }
    mail.to = QString::fromLatin1(mail.headers.value("to"));
    mail.subject = decodeEncodedWords(mail.headers.value("subject"));
    if (mail.headers.value("content-transfer-encoding").toLower() == "base64") {
        QByteArray joined = body;
        joined.replace('\n', "");
        mail.body = QString::fromUtf8(QByteArray::fromBase64(joined));
    } else {
        mail.body = QString::fromUtf8(body);
    }
    mail.body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return mail;
}

QString otpFromMail(const Mail& mail)
{
    return valueAfter(mail.body, QStringLiteral("ワンタイムパスワード："));
}

QString passwordFromMail(const Mail& mail)
{
    return valueAfter(mail.body, QStringLiteral("ログインパスワード : "));
}

QString userIdFromMail(const Mail& mail)
{
    return valueAfter(mail.body, QStringLiteral("ユーザID : "));
}

SmtpSink::~SmtpSink()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

bool SmtpSink::start()
{
    m_port = freePort();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    m_process.setProcessEnvironment(environment);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    // Debian's interpreter: the python3 first on PATH may not see python3-aiosmtpd.
    m_process.start(QStringLiteral("/usr/bin/python3"),
        {QStringLiteral("-u"), QStringLiteral("-m"), QStringLiteral("aiosmtpd"), QStringLiteral("-n"),
            QStringLiteral("-l"), QStringLiteral("127.0.0.1:%1").arg(m_port)});
    if (!m_process.waitForStarted(5000))
        return false;
    for (int i = 0; i < 100; ++i) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(100)) {
            probe.waitForReadyRead(1000); // the 220 greeting
            probe.write("QUIT\r\n");
            probe.waitForBytesWritten(500);
            return true;
        }
        QThread::msleep(50);
    }
    return false;
}

QList<Mail> SmtpSink::mails()
{
    m_output += m_process.readAll();
    QList<Mail> list;
    static const QByteArray begin = "---------- MESSAGE FOLLOWS ----------\n";
    static const QByteArray end = "------------ END MESSAGE ------------";
    qsizetype from = 0;
    for (;;) {
        const qsizetype start = m_output.indexOf(begin, from);
        if (start < 0)
            break;
        const qsizetype stop = m_output.indexOf(end, start);
        if (stop < 0)
            break;
        list.append(parseMail(m_output.mid(start + begin.size(), stop - start - begin.size())));
        from = stop + end.size();
    }
    return list;
}

QList<Mail> SmtpSink::waitForMails(int count, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QList<Mail> list = mails();
    while (list.size() < count && timer.elapsed() < timeoutMs) {
        m_process.waitForReadyRead(100);
        list = mails();
    }
    return list;
}

QString testDatabaseKind()
{
    return qEnvironmentVariable("IKKATSU_TEST_DATABASE") == QLatin1String("postgresql") ? QStringLiteral("postgresql")
                                                                                        : QStringLiteral("sqlite");
}

QString newPostgresDatabase()
{
    QString admin = qEnvironmentVariable("IKKATSU_TEST_PG_URL");
    if (admin.isEmpty())
        admin = QString::fromUtf8(readAll(QStringLiteral(IKKATSU_BINARY_DIR "/pgtest/url"))).trimmed();
    const QUrl url(admin);
    if (admin.isEmpty() || !url.isValid()) {
        qWarning("no PostgreSQL test cluster: run the postgresql_cluster_start fixture (ctest does)");
        return {};
    }
    const QString name = QStringLiteral("ikkatsu_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    const QString connection = QStringLiteral("test-admin-") + name;
    bool created = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        if (db.open()) {
            QSqlQuery query(db);
            created = query.exec(QStringLiteral("CREATE DATABASE ") + name + QStringLiteral(" TEMPLATE template0"));
            if (!created)
                qWarning("CREATE DATABASE failed: %s", qPrintable(query.lastError().text()));
            db.close();
        } else {
            qWarning("cannot reach the PostgreSQL test cluster: %s", qPrintable(db.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (!created)
        return {};
    QUrl database = url;
    database.setPath(QLatin1Char('/') + name);
    return database.toString();
}

TestServer::TestServer(const TestServer* shareWith)
{
    if (shareWith) {
        m_sharedDir = shareWith->dataDir();
        m_databaseUrl = shareWith->databaseUrl();
    } else if (testDatabaseKind() == QLatin1String("postgresql")) {
        m_databaseUrl = newPostgresDatabase();
    }
}

TestServer::TestServer(const QString& databaseUrl)
    : m_databaseUrl(databaseUrl)
{ }

void TestServer::useFront(const QString& baseUrl, const QByteArray& caPem, const QStringList& outboxDirs)
{
    m_baseUrl = baseUrl;
    m_trustedPem = caPem;
    m_outboxDirs = outboxDirs;
}

void TestServer::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

TestServer::~TestServer()
{
    stop();
}

QStringList TestServer::commonArgs() const
{
    QStringList args {QStringLiteral("--data-dir"), dataDir()};
    if (!m_databaseUrl.isEmpty())
        args << QStringLiteral("--database") << m_databaseUrl;
    if (m_publicPort != 0) {
        const QString address = QStringLiteral("127.0.0.1:%1").arg(m_publicPort);
        args << QStringLiteral("--listen") << address << QStringLiteral("--public-url")
             << QStringLiteral("http://%1/").arg(address);
    }
    return args;
}

bool TestServer::usePublicAddress()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return false;
    m_publicPort = probe.serverPort();
    return true;
}

bool TestServer::initAdmin(const QString& adminId, const QString& password, const QString& email)
{
    if (testDatabaseKind() == QLatin1String("postgresql") && m_databaseUrl.isEmpty())
        return false;
    const ToolRun run = runTool(builtBinary(QStringLiteral("ikkatsu-server")),
        QStringList {QStringLiteral("init"), QStringLiteral("--admin-id"), adminId, QStringLiteral("--admin-email"),
            email, QStringLiteral("--password-stdin")}
            + commonArgs(),
        password.toUtf8() + '\n', 30000);
    if (run.exitCode != 0)
        qWarning("init failed: %s", qPrintable(run.all()));
    return run.exitCode == 0;
}

bool TestServer::start(const QStringList& extraArgs)
{
    if (testDatabaseKind() == QLatin1String("postgresql") && m_databaseUrl.isEmpty())
        return false; // never fall back to SQLite silently in the PostgreSQL variant
    // Tests log in far more often than people do: the login rate limits are lifted unless a test sets them.
    // Most tests upload B-B signatures their own code makes: the server asks for B-B unless a test sets --level
    // (the flows of the desktop and the CLI batch run at the product's default, B-LTA).
    const QStringList unlimited {QStringLiteral("--rate-per-address"), QStringLiteral("1000000"),
        QStringLiteral("--rate-per-account"), QStringLiteral("1000000"), QStringLiteral("--level"),
        QStringLiteral("B-B")};
    m_process.start(builtBinary(QStringLiteral("ikkatsu-server")),
        QStringList {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} + commonArgs()
            + unlimited + extraArgs);
    if (!m_process.waitForStarted(5000))
        return false;
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    static const QRegularExpression listening(QStringLiteral("listening on (http://[0-9.]+:[0-9]+)"));
    while (timer.elapsed() < 15000 && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(100);
        out += m_process.readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(out));
        if (match.hasMatch()) {
            m_baseUrl = match.captured(1);
            return true;
        }
    }
    qWarning("server did not start: %s %s", out.constData(), log().constData());
    return false;
}

int TestServer::waitForExit(int ms)
{
    if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(ms))
        return -1;
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void TestServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

Reply TestServer::request(const QByteArray& method, const QString& path, const QByteArray& body, const QString& token,
    const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_baseUrl + path));
    request.setTransferTimeout(30000);
    if (!m_trustedPem.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromData(m_trustedPem, QSsl::Pem));
        request.setSslConfiguration(tls);
    }
    if (!body.isEmpty() || method == "POST" || method == "PATCH")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    for (const auto& header : headers)
        request.setRawHeader(header.first, header.second);
    QNetworkReply* reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Below 100: the connection failed (refused, cut, timed out) rather than the server answering an HTTP error. A
    // download cut after its head looks like a short 200 otherwise.
    if (reply->error() != QNetworkReply::NoError && reply->error() < QNetworkReply::ContentAccessDenied)
        qWarning("%s %s: %s", method.constData(), qPrintable(path), qPrintable(reply->errorString()));
    result.body = reply->readAll();
    result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.code = result.json.value(QStringLiteral("code")).toString();
    for (const auto& header : reply->rawHeaderPairs())
        result.headers.insert(header.first.toLower(), header.second);
    delete reply;
    return result;
}

Reply TestServer::post(const QString& path, const QJsonObject& json, const QString& token)
{
    return request("POST", path, QJsonDocument(json).toJson(QJsonDocument::Compact), token);
}

Reply TestServer::get(const QString& path, const QString& token)
{
    return request("GET", path, {}, token);
}

QList<Mail> TestServer::outboxMails()
{
    QList<Mail> list;
    // Names start with a millisecond UTC timestamp, so name order is sending order (across hosts too).
    QMap<QString, QString> files;
    for (const QString& directory : m_outboxDirs.isEmpty() ? QStringList {outboxDir()} : m_outboxDirs) {
        const QDir dir(directory);
        for (const QString& name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name))
            files.insert(name + QLatin1Char('\n') + directory, dir.filePath(name));
    }
    for (const QString& path : std::as_const(files))
        list.append(parseMail(readAll(path)));
    return list;
}

QByteArray makeCsrWithOpenssl(const QString& directory, const QStringList& keyArgs)
{
    const QString key = QDir(directory).filePath(QStringLiteral("key.pem"));
    const QString csr = QDir(directory).filePath(QStringLiteral("req.der"));
    const ToolRun run = runTool(QStringLiteral("openssl"),
        QStringList {QStringLiteral("req"), QStringLiteral("-new")} + keyArgs
            + QStringList {QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-subj"),
                QStringLiteral("/CN=ignored by the server"), QStringLiteral("-outform"), QStringLiteral("DER"),
                QStringLiteral("-out"), csr});
    if (run.exitCode != 0) {
        qWarning("openssl req failed: %s", qPrintable(run.all()));
        return {};
    }
    return readAll(csr);
}

} // namespace ikkatsu::test
