// The TSA, OCSP and CRL client (client/TimestampClient) against a scripted HTTP server: tokens from a real RFC 3161
// authority over one kept connection per thread, and every bad answer mapped to its code.
#include "ScriptedServer.h"
#include "TestPki.h"
#include "client/TimestampClient.h"
#include "crypto/Timestamp.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QThread>
#include <QtTest>

#include <memory>
#include <optional>
#include <vector>

using namespace ikkatsu;
using namespace ikkatsu::test;

Q_DECLARE_METATYPE(ikkatsu::ErrorCode)

namespace {

QByteArray digestOf(int i)
{
    return QCryptographicHash::hash(QByteArray("document " + QByteArray::number(i)), QCryptographicHash::Sha256);
}

QByteArray bodyOf(const QByteArray& request)
{
    return request.mid(request.indexOf("\r\n\r\n") + 4);
}

QByteArray reply(
    const QByteArray& status, const QByteArray& contentType, const QByteArray& body, const QByteArray& extra = {})
{
    QByteArray head = "HTTP/1.1 " + status + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (!contentType.isEmpty())
        head += "Content-Type: " + contentType + "\r\n";
    return head + extra + "\r\n" + body;
}

QString describe(const Error& error)
{
    return error.codeText() + QLatin1Char(' ') + error.detail;
}

} // namespace

class TestTimestampClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_pki.open(QStringLiteral("Client"))); }

    void tokensReuseOneConnectionPerThread()
    {
        ScriptedServer server([this](QTcpSocket* socket, const QByteArray& request, int) {
            auto answer = m_pki.tsa->respond(bodyOf(request));
            QVERIFY(answer && answer->granted);
            socket->write(reply("200 OK", "application/timestamp-reply", answer->response));
        });
        TimestampClientOptions options;
        options.url = server.url(QStringLiteral("/api/v1/tsa"));
        options.bearerToken = QStringLiteral("session-token");
        const CadesSigner::TimestampFetcher fetch = makeHttpTimestampFetcher(options);

        // Two signing threads, five timestamps each: one connection per thread, closed when its thread ends.
        for (int round = 1; round <= 2; ++round) {
            std::vector<std::optional<Result<QByteArray>>> tokens(5);
            std::unique_ptr<QThread> worker(QThread::create([&] {
                for (int i = 0; i < 5; ++i)
                    tokens[i] = fetch(digestOf(i));
            }));
            worker->start();
            QTRY_VERIFY_WITH_TIMEOUT(worker->isFinished(), 30000);
            for (int i = 0; i < 5; ++i) {
                QVERIFY(tokens[i]);
                const Result<QByteArray>& token = *tokens[i];
                QVERIFY2(token, qPrintable(token ? QString() : describe(token.error())));
                auto verified = verifyTimestampToken(*token, digestOf(i), {m_pki.caCertificate});
                QVERIFY2(verified, qPrintable(verified ? QString() : describe(verified.error())));
                QVERIFY(verified->trusted);
            }
            QCOMPARE(server.accepted, round);
            QTRY_COMPARE(server.open, 0); // the thread's transport went with the thread
        }
        QCOMPARE(server.requests.size(), 10);
        for (const QByteArray& request : std::as_const(server.requests)) {
            QVERIFY2(request.startsWith("POST /api/v1/tsa HTTP/1.1\r\n"), request.constData());
            QVERIFY(request.contains("\r\nContent-Type: application/timestamp-query\r\n"));
            QVERIFY(request.contains("\r\nAccept: application/timestamp-reply\r\n"));
            QVERIFY(request.contains("\r\nAuthorization: Bearer session-token\r\n"));
        }
    }

    void badTimestampAnswersGetTheirCode_data()
    {
        QTest::addColumn<QByteArray>("answer"); // empty: the connection is closed unanswered
        QTest::addColumn<ErrorCode>("code");
        const QByteArray type = "Content-Type: application/timestamp-reply\r\n";
        QTest::newRow("another content type")
            << reply("200 OK", "text/html", "<html></html>") << ErrorCode::TimestampResponseInvalid;
        QTest::newRow("no content type") << reply("200 OK", {}, "token") << ErrorCode::TimestampResponseInvalid;
        QTest::newRow("not a token") << reply("200 OK", "application/timestamp-reply", "garbage")
                                     << ErrorCode::TimestampResponseInvalid;
        QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n") << ErrorCode::TimestampResponseInvalid;
        QTest::newRow("two lengths") << QByteArray(
            "HTTP/1.1 200 OK\r\n" + type + "Content-Length: 2\r\nContent-Length: 3\r\n\r\nabc")
                                     << ErrorCode::TimestampResponseInvalid;
        QTest::newRow("length and chunked")
            << QByteArray("HTTP/1.1 200 OK\r\n" + type + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n")
            << ErrorCode::TimestampResponseInvalid;
        QTest::newRow("negative length") << QByteArray("HTTP/1.1 200 OK\r\n" + type + "Content-Length: -1\r\n\r\n")
                                         << ErrorCode::TimestampResponseInvalid;
        QTest::newRow("over 8 MiB") << QByteArray("HTTP/1.1 200 OK\r\n" + type + "Content-Length: 8388609\r\n\r\n")
                                    << ErrorCode::TimestampResponseInvalid;
        QTest::newRow("server error") << reply("500 Internal Server Error", "text/plain", "oops")
                                      << ErrorCode::TimestampFailed;
        QTest::newRow("no content") << reply("204 No Content", {}, {}) << ErrorCode::TimestampFailed;
        QTest::newRow("refused") << reply("403 Forbidden", "application/json", R"({"code":"E4307"})")
                                 << ErrorCode::TimestampNotAllowed;
        QTest::newRow("other 403") << reply("403 Forbidden", "application/json", R"({"code":"E1401"})")
                                   << ErrorCode::TimestampFailed;
        QTest::newRow("closed unanswered") << QByteArray() << ErrorCode::TimestampFailed;
        QTest::newRow("cut short") << QByteArray("HTTP/1.1 200 OK\r\n" + type + "Content-Length: 100\r\n\r\nab")
                                   << ErrorCode::TimestampFailed;
    }

    void badTimestampAnswersGetTheirCode()
    {
        QFETCH(QByteArray, answer);
        QFETCH(ErrorCode, code);
        const bool cutShort = QByteArray(QTest::currentDataTag()) == "cut short";
        ScriptedServer server([&](QTcpSocket* socket, const QByteArray&, int) {
            socket->write(answer);
            if (answer.isEmpty() || cutShort)
                socket->disconnectFromHost();
        });
        TimestampClientOptions options;
        options.url = server.url(QStringLiteral("/tsa"));
        auto token = makeHttpTimestampFetcher(options)(digestOf(1));
        QVERIFY(!token);
        QVERIFY2(token.error().code == code, qPrintable(describe(token.error())));
    }

    void silentTsaTimesOut()
    {
        ScriptedServer server([](QTcpSocket*, const QByteArray&, int) {});
        TimestampClientOptions options;
        options.url = server.url(QStringLiteral("/tsa"));
        options.timeoutMs = 300;
        QElapsedTimer clock;
        clock.start();
        auto token = makeHttpTimestampFetcher(options)(digestOf(1));
        QVERIFY(!token);
        QCOMPARE(token.error().code, ErrorCode::TimestampFailed);
        QVERIFY(clock.elapsed() < 5000);
    }

    void revocationFetchesAndTheirFailures()
    {
        QByteArray crlAnswer;
        ScriptedServer server([&](QTcpSocket* socket, const QByteArray& request, int) {
            if (request.startsWith("POST /ocsp "))
                socket->write(reply("200 OK", "application/ocsp-response", "ocsp:" + bodyOf(request)));
            else if (request.startsWith("POST /ocsp-garbage "))
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n");
            else if (request.startsWith("GET /crl "))
                socket->write(crlAnswer);
            else
                socket->write(reply("404 Not Found", "text/plain", "no"));
        });
        TimestampClientOptions options;
        options.bearerToken = QStringLiteral("session-token");
        const RevocationFetchers fetchers = makeHttpRevocationFetchers(options);
        const QString base = server.url(QString()).toString();

        auto ocsp = fetchers.ocsp(base + QStringLiteral("/ocsp"), "request");
        QVERIFY2(ocsp, qPrintable(ocsp ? QString() : describe(ocsp.error())));
        QCOMPARE(*ocsp, QByteArray("ocsp:request"));
        QVERIFY(server.requests.last().contains("\r\nContent-Type: application/ocsp-request\r\n"));
        QVERIFY(server.requests.last().contains("\r\nAccept: application/ocsp-response\r\n"));
        // A certificate names the URL: the session is not sent there.
        QVERIFY2(!server.requests.last().contains("Authorization"), server.requests.last().constData());
        QCOMPARE(
            fetchers.ocsp(base + QStringLiteral("/ocsp-garbage"), "request").error().code, ErrorCode::OcspUnavailable);
        QCOMPARE(fetchers.ocsp(base + QStringLiteral("/missing"), "request").error().code, ErrorCode::OcspUnavailable);

        crlAnswer = reply("200 OK", "application/pkix-crl", QByteArray(1 << 20, 'c'));
        auto crl = fetchers.crl(base + QStringLiteral("/crl"));
        QVERIFY2(crl, qPrintable(crl ? QString() : describe(crl.error())));
        QCOMPARE(crl->size(), 1 << 20);
        const QByteArray get = server.requests.last();
        QVERIFY2(get.startsWith("GET /crl HTTP/1.1\r\n"), get.constData());
        QVERIFY(get.contains("\r\nAccept: application/pkix-crl\r\n"));
        QVERIFY(!get.contains("Content-Length") && !get.contains("Content-Type") && !get.contains("Authorization"));
        crlAnswer = "HTTP/1.1 200 OK\r\nContent-Length: 8388609\r\n\r\n";
        QCOMPARE(fetchers.crl(base + QStringLiteral("/crl")).error().code, ErrorCode::CrlUnavailable);
        QCOMPARE(fetchers.crl(base + QStringLiteral("/missing")).error().code, ErrorCode::CrlUnavailable);

        // A certificate names these URLs: nothing but http(s) is opened.
        const int asked = int(server.requests.size());
        for (const QString& url : {QStringLiteral("file:///etc/passwd"), QStringLiteral("ftp://127.0.0.1/crl"),
                 QStringLiteral("not a url")}) {
            QCOMPARE(fetchers.ocsp(url, "request").error().code, ErrorCode::OcspUnavailable);
            QCOMPARE(fetchers.crl(url).error().code, ErrorCode::CrlUnavailable);
        }
        QCOMPARE(int(server.requests.size()), asked);
        QCOMPARE(server.accepted, 3); // the garbage and the oversized answer each cost their connection
    }

    void redirectsAreFollowedLikeBefore()
    {
        ScriptedServer target([this](QTcpSocket* socket, const QByteArray& request, int) {
            if (request.startsWith("POST /tsa ")) {
                auto answer = m_pki.tsa->respond(bodyOf(request));
                socket->write(reply("200 OK", "application/timestamp-reply", answer->response));
            } else {
                socket->write(reply("200 OK", "application/pkix-crl", "the crl"));
            }
        });
        const QByteArray elsewhere = target.url(QString()).toEncoded();
        ScriptedServer origin([&](QTcpSocket* socket, const QByteArray& request, int) {
            if (request.startsWith("POST /tsa "))
                socket->write(reply("307 Temporary Redirect", {}, {}, "Location: " + elsewhere + "/tsa\r\n"));
            else if (request.startsWith("GET /crl "))
                socket->write(reply("302 Found", {}, {}, "Location: " + elsewhere + "/crl\r\n"));
            else if (request.startsWith("GET /loop "))
                socket->write(reply("302 Found", {}, {}, "Location: /loop\r\n"));
            else
                socket->write(reply("301 Moved Permanently", {}, {}, "Location: file:///etc/passwd\r\n"));
        });
        TimestampClientOptions options;
        options.url = origin.url(QStringLiteral("/tsa"));
        options.bearerToken = QStringLiteral("session-token");

        auto token = makeHttpTimestampFetcher(options)(digestOf(2));
        QVERIFY2(token, qPrintable(token ? QString() : describe(token.error())));
        QVERIFY(verifyTimestampToken(*token, digestOf(2), {m_pki.caCertificate}));
        QVERIFY(target.requests.last().startsWith("POST /tsa HTTP/1.1\r\n"));
        // The session stays with the TSA's origin it was given for.
        QVERIFY(origin.requests.last().startsWith("POST /tsa HTTP/1.1\r\n"));
        QVERIFY(origin.requests.last().contains("\r\nAuthorization: Bearer session-token\r\n"));

        const RevocationFetchers fetchers = makeHttpRevocationFetchers(options);
        const QString base = origin.url(QString()).toString();
        auto crl = fetchers.crl(base + QStringLiteral("/crl"));
        QVERIFY2(crl, qPrintable(crl ? QString() : describe(crl.error())));
        QCOMPARE(*crl, QByteArray("the crl"));
        // Revocation data goes without it, at the origin too.
        QVERIFY(origin.requests.last().startsWith("GET /crl HTTP/1.1\r\n"));
        QVERIFY(!origin.requests.last().contains("Authorization"));
        for (const QByteArray& request : std::as_const(target.requests))
            QVERIFY2(!request.contains("Authorization"), request.constData());

        QCOMPARE(fetchers.crl(base + QStringLiteral("/elsewhere")).error().code, ErrorCode::CrlUnavailable);
        QCOMPARE(fetchers.crl(base + QStringLiteral("/loop")).error().code, ErrorCode::CrlUnavailable);
    }

private:
    TestPki m_pki;
};

QTEST_GUILESS_MAIN(TestTimestampClient)
#include "tst_timestampclient.moc"
