// TLS: the server speaks HTTPS with --tls-cert/--tls-key, refuses plain HTTP on a public address unless told,
// and a client that trusts the certificate gets answers while one that does not is refused.
#include "TestSupport.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

using namespace ikkatsu::test;

namespace {

struct Answer
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
};

Answer get(const QUrl& url, const QList<QSslCertificate>& trusted)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setTransferTimeout(15000);
    if (!trusted.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(trusted);
        request.setSslConfiguration(ssl);
    }
    QNetworkReply* reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Answer answer {
        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->error(), reply->readAll()};
    delete reply;
    return answer;
}

} // namespace

class TestServerTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        const ToolRun cert = runTool(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                QStringLiteral("-keyout"), path(QStringLiteral("tls.key")), QStringLiteral("-out"),
                path(QStringLiteral("tls.crt")), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY2(cert.exitCode == 0, qPrintable(cert.all()));
    }

    void servesHttpsWithTheGivenCertificate()
    {
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(builtBinary(QStringLiteral("ikkatsu-server")),
            {QStringLiteral("--data-dir"), path(QStringLiteral("data")), QStringLiteral("--listen"),
                QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-cert"), path(QStringLiteral("tls.crt")),
                QStringLiteral("--tls-key"), path(QStringLiteral("tls.key"))});
        QVERIFY(server.waitForStarted());
        QString baseUrl;
        const QRegularExpression listening(QStringLiteral("listening on (https://[0-9.]+:[0-9]+)"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto match = listening.match(QString::fromUtf8(server.peek(1 << 16)));
                baseUrl = match.captured(1);
                return match.hasMatch();
            }(),
            20000);

        QFile pem(path(QStringLiteral("tls.crt")));
        QVERIFY(pem.open(QIODevice::ReadOnly));
        const QList<QSslCertificate> trusted = QSslCertificate::fromDevice(&pem);
        QCOMPARE(trusted.size(), 1);

        const Answer ok = get(QUrl(baseUrl + QStringLiteral("/api/v1/health")), trusted);
        QCOMPARE(ok.error, QNetworkReply::NoError);
        QCOMPARE(ok.status, 200);

        // A client that does not trust the certificate never reaches the API.
        const Answer untrusted = get(QUrl(baseUrl + QStringLiteral("/api/v1/health")), {});
        QCOMPARE(untrusted.status, 0);
        QVERIFY(untrusted.error != QNetworkReply::NoError);

        // Plain HTTP on the TLS port gets no API answer either.
        QString plainUrl = baseUrl;
        plainUrl.replace(QStringLiteral("https://"), QStringLiteral("http://"));
        const Answer plain = get(QUrl(plainUrl + QStringLiteral("/api/v1/health")), {});
        QVERIFY(plain.status != 200);

        QCOMPARE(get(QUrl(baseUrl + QStringLiteral("/api/v1/health")), trusted).status, 200); // still serving
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
    }

    void refusesPlainHttpOnAPublicAddress()
    {
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(builtBinary(QStringLiteral("ikkatsu-server")),
            {QStringLiteral("--data-dir"), path(QStringLiteral("data2")), QStringLiteral("--listen"),
                QStringLiteral("0.0.0.0:0")});
        QVERIFY(server.waitForFinished(20000));
        QVERIFY(server.exitCode() != 0);
        QVERIFY2(server.readAll().contains("E"), "the refusal carries an error code");
    }
};

QTEST_GUILESS_MAIN(TestServerTls)
#include "tst_server_tls.moc"
