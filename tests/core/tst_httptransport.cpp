// HttpResponseParser against good and hostile responses (whole and byte by byte), and HttpTransport against a real
// TCP server that answers as told: keep-alive, closes, silence, garbage (tests/support/ScriptedServer.h).
#include "ScriptedServer.h"
#include "client/HttpResponseParser.h"
#include "client/HttpTransport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace ikkatsu;
using namespace ikkatsu::client;
using namespace ikkatsu::test;

namespace {

struct Parsed
{
    Status status;
    bool complete = false;
    int code = 0;
    QByteArray body;
    bool keepAlive = false;
    QHash<QByteArray, QByteArray> headers;
};

// Feeds `bytes` in pieces of `step` bytes (0: whole), then a close if `close`.
Parsed parse(const QByteArray& bytes, qsizetype step = 0, bool close = false, bool head = false)
{
    HttpResponseParser parser(head);
    Parsed parsed;
    for (qsizetype at = 0; at < bytes.size() && parsed.status.ok();) {
        const qsizetype take = step == 0 ? bytes.size() : std::min(step, bytes.size() - at);
        parsed.status = parser.feed(QByteArrayView(bytes).sliced(at, take));
        at += take;
    }
    if (parsed.status.ok() && close)
        parsed.status = parser.closed();
    parsed.complete = parser.complete();
    parsed.code = parser.status();
    parsed.keepAlive = parser.keepAlive();
    parsed.headers = parser.headers();
    parsed.body = parser.takeBody();
    return parsed;
}

QByteArray ok(const QByteArray& body, const QByteArray& extra = {})
{
    return "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extra + "\r\n" + body;
}

// Sends and waits for the answer (at most 10 s).
Result<HttpAnswer> call(HttpTransport& transport, HttpCall request)
{
    std::optional<Result<HttpAnswer>> answer;
    QEventLoop loop;
    transport.send(std::move(request), [&](Result<HttpAnswer> got) {
        answer = std::move(got);
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    if (!answer)
        loop.exec();
    if (!answer)
        return makeError(ErrorCode::Unexpected, QStringLiteral("no answer in 10 s"));
    return *answer;
}

HttpCall get(const QUrl& url)
{
    HttpCall request;
    request.method = "GET";
    request.url = url;
    return request;
}

} // namespace

class TestHttpTransport : public QObject
{
    Q_OBJECT

private slots:
    void goodResponsesWholeAndByteByByte_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("close");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("length") << ok("hello") << false << 200 << QByteArray("hello") << true;
        QTest::newRow("empty body") << ok({}) << false << 200 << QByteArray() << true;
        QTest::newRow("chunked with extension and trailer") << QByteArray(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n1\r\n!\r\n0\r\nT: 1\r\n\r\n")
                                                            << false << 200 << QByteArray("hello!") << true;
        QTest::newRow("until close") << QByteArray("HTTP/1.1 200 OK\r\n\r\nrest of it") << true << 200
                                     << QByteArray("rest of it") << false;
        QTest::newRow("interim 100 first")
            << QByteArray("HTTP/1.1 100 Continue\r\n\r\n") + ok("x") << false << 200 << QByteArray("x") << true;
        QTest::newRow("connection close")
            << ok("x", "Connection: close\r\n") << false << 200 << QByteArray("x") << false;
        QTest::newRow("HTTP/1.0 closes") << QByteArray("HTTP/1.0 404 Not Found\r\nContent-Length: 2\r\n\r\nno") << false
                                         << 404 << QByteArray("no") << false;
        QTest::newRow("204 has no body") << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 9\r\n\r\n") << false
                                         << 204 << QByteArray() << true;
        QTest::newRow("bare LF lines") << QByteArray("HTTP/1.1 200 OK\nContent-Length: 1\n\nz") << false << 200
                                       << QByteArray("z") << true;
    }
    void goodResponsesWholeAndByteByByte()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, close);
        for (const qsizetype step : {qsizetype(0), qsizetype(1), qsizetype(7)}) {
            const Parsed parsed = parse(bytes, step, close);
            QVERIFY2(parsed.status.ok(), qPrintable(parsed.status.ok() ? QString() : parsed.status.error().detail));
            QVERIFY(parsed.complete);
            QTEST(parsed.code, "code");
            QTEST(parsed.body, "body");
            QTEST(parsed.keepAlive, "keepAlive");
        }
    }

    void headersAreLowerCaseAndRepeatsJoined()
    {
        const Parsed parsed = parse(ok("", "ETag: \"2\"\r\nX-A: 1\r\nx-a: 2\r\n"));
        QVERIFY(parsed.status.ok());
        QCOMPARE(parsed.headers.value("etag"), QByteArray("\"2\""));
        QCOMPARE(parsed.headers.value("x-a"), QByteArray("1, 2"));
    }

    void answerToHeadHasNoBody()
    {
        const Parsed parsed = parse("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", 0, false, true);
        QVERIFY(parsed.status.ok());
        QVERIFY(parsed.complete);
    }

    void hostileResponsesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("close");
        QTest::addColumn<QString>("why");
        QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n") << false << "status line";
        QTest::newRow("http/2 line") << QByteArray("HTTP/2 200\r\n\r\n") << false << "status line";
        QTest::newRow("short code") << QByteArray("HTTP/1.1 20 OK\r\n\r\n") << false << "status code";
        QTest::newRow("letters in code") << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n") << false << "status code";
        QTest::newRow("code glued to reason") << QByteArray("HTTP/1.1 200OK\r\n\r\n") << false << "status code";
        QTest::newRow("two lengths") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nx")
                                     << false << "two different";
        QTest::newRow("negative length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n") << false
                                         << "Content-Length";
        QTest::newRow("length and chunked")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n") << false
            << "both";
        QTest::newRow("gzip coding") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
                                     << false << "transfer coding";
        QTest::newRow("bad chunk size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                        << false << "chunk size";
        QTest::newRow("huge chunk size") << QByteArray(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n")
                                         << false << "chunk size";
        QTest::newRow("chunk longer than said")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n0\r\n\r\n") << false
            << "chunk longer";
        QTest::newRow("folded field") << QByteArray("HTTP/1.1 200 OK\r\n X: 1\r\n\r\n") << false << "name";
        QTest::newRow("space in name") << QByteArray("HTTP/1.1 200 OK\r\nBad Name: 1\r\n\r\n") << false << "name";
        QTest::newRow("CR inside a field") << QByteArray("HTTP/1.1 200 OK\r\nX: a\rb\r\n\r\n") << false << "control";
        QTest::newRow("NUL inside a field")
            << QByteArray("HTTP/1.1 200 OK\r\nX: a\0b\r\n\r\n", 26) << false << "control";
        QTest::newRow("switching protocols")
            << QByteArray("HTTP/1.1 101 Switching Protocols\r\n\r\n") << false << "switch";
        QTest::newRow("bytes after the response") << ok("x") + "HTTP/1.1 200 OK\r\n" << false << "after the response";
        QTest::newRow("closed in the body") << ok("hello").chopped(2) << true << "middle";
        QTest::newRow("closed in the head") << QByteArray("HTTP/1.1 200 OK\r\nContent-Le") << true << "middle";
        QTest::newRow("closed at once") << QByteArray() << true << "without a response";
        QTest::newRow("head too large") << "HTTP/1.1 200 OK\r\nX: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n"
                                        << false << "head larger";
        QByteArray many = "HTTP/1.1 200 OK\r\n";
        for (int i = 0; i < 101; ++i)
            many += "X" + QByteArray::number(i) + ": 1\r\n";
        QTest::newRow("too many fields") << many + "\r\n" << false << "header fields";
    }
    void hostileResponsesAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, close);
        QFETCH(QString, why);
        for (const qsizetype step : {qsizetype(0), qsizetype(1)}) {
            const Parsed parsed = parse(bytes, step, close);
            QVERIFY2(!parsed.status.ok(), qPrintable(QStringLiteral("accepted, step %1").arg(step)));
            QCOMPARE(parsed.status.error().code, ErrorCode::ProtocolMismatch);
            QVERIFY2(parsed.status.error().detail.contains(why), qPrintable(parsed.status.error().detail));
        }
    }

    void bodyOverTheLimitIsRefusedBeforeItArrives()
    {
        HttpResponseParser::Limits limits;
        limits.maxBodyBytes = 1000;
        HttpResponseParser parser(false, limits);
        const Status fed = parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 1001\r\n\r\n");
        QVERIFY(!fed.ok());
        QVERIFY(fed.error().detail.contains(QLatin1String("over the limit")));
        HttpResponseParser chunked(false, limits);
        QVERIFY(chunked.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3e8\r\n").ok());
        QVERIFY(!chunked.feed(QByteArray(QByteArray(1000, 'a') + "\r\n1\r\n")).ok());
    }

    void sequentialRequestsShareOneConnection()
    {
        ScriptedServer server([](QTcpSocket* socket, const QByteArray& request, int index) {
            QVERIFY(request.startsWith("PUT /x?a=b%20c HTTP/1.1\r\nHost: 127.0.0.1:"));
            QVERIFY(request.contains("\r\nIf-Match: \"1\"\r\nContent-Length: 4\r\n\r\nbody"));
            socket->write(ok("answer " + QByteArray::number(index), "ETag: \"2\"\r\n"));
        });
        HttpTransport transport;
        for (int i = 0; i < 5; ++i) {
            HttpCall request;
            request.method = "PUT";
            request.url = server.url(QStringLiteral("/x?a=b%20c"));
            request.headers = {{"If-Match", "\"1\""}};
            request.body = "body";
            auto answer = call(transport, request);
            QVERIFY2(answer.ok(), qPrintable(answer.ok() ? QString() : answer.error().detail));
            QCOMPARE(answer->status, 200);
            QCOMPARE(answer->body, "answer " + QByteArray::number(i));
            QCOMPARE(answer->headers.value("etag"), QByteArray("\"2\""));
        }
        QCOMPARE(server.accepted, 1);
        QCOMPARE(transport.connectionCount(), 1);
    }

    void concurrentRequestsStayWithinTheLimit()
    {
        QList<QTcpSocket*> held;
        QList<int> indexes;
        ScriptedServer server([&](QTcpSocket* socket, const QByteArray&, int index) {
            held.append(socket);
            indexes.append(index);
        });
        HttpTransport transport;
        transport.setMaxConnectionsPerServer(3);
        int answered = 0;
        for (int i = 0; i < 10; ++i)
            transport.send(get(server.url()), [&](Result<HttpAnswer> answer) { answered += answer.ok() ? 1 : 100; });
        QTRY_COMPARE(server.requests.size(), 3);
        QTest::qWait(100);
        QCOMPARE(server.requests.size(), 3); // the other seven wait for a free connection
        QCOMPARE(server.accepted, 3);
        // Answering one lets exactly one more through, on the same connection.
        while (answered < 10) {
            QTRY_VERIFY(!held.isEmpty());
            held.takeFirst()->write(ok("x"));
            const int before = answered;
            QTRY_COMPARE(answered, before + 1);
        }
        QCOMPARE(server.accepted, 3);
        QCOMPARE(server.requests.size(), 10);
    }

    void answerNeverComesInsideSend()
    {
        HttpTransport transport;
        bool inside = true;
        bool answeredInside = false;
        bool answered = false;
        HttpCall request = get(QUrl(QStringLiteral("ftp://127.0.0.1/x")));
        transport.send(request, [&](Result<HttpAnswer> answer) {
            answeredInside = inside;
            answered = true;
            QVERIFY(!answer.ok());
            QCOMPARE(answer.error().code, ErrorCode::ServerUnreachable);
        });
        inside = false;
        QTRY_VERIFY(answered);
        QVERIFY(!answeredInside);
    }

    void headerInjectionIsRefused()
    {
        ScriptedServer server([](QTcpSocket* socket, const QByteArray&, int) { socket->write(ok("x")); });
        HttpTransport transport;
        HttpCall request = get(server.url());
        request.headers = {{"Authorization", "Bearer a\r\nX-Admin: yes"}};
        auto answer = call(transport, request);
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().code, ErrorCode::BadRequest);
        QTest::qWait(50);
        QCOMPARE(server.requests.size(), 0);
    }

    void keptConnectionClosedByTheServerIsReplacedOnce()
    {
        // The server answers and then closes the kept connection quietly (its idle timeout), without Connection:
        // close; the next request must go out on a new connection and be answered.
        ScriptedServer server([](QTcpSocket* socket, const QByteArray&, int) {
            socket->write(ok("x"));
            socket->flush();
            QTimer::singleShot(50, socket, [socket] { socket->disconnectFromHost(); });
        });
        HttpTransport transport;
        QVERIFY(call(transport, get(server.url())).ok());
        QTRY_COMPARE(server.open, 0);
        auto second = call(transport, get(server.url()));
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().detail));
        QCOMPARE(server.accepted, 2);
    }

    void requestClosedWithoutAnswerIsSentAgainOnlyOnAKeptConnection()
    {
        // Request 0 answered; request 1 (on the kept connection) gets a close without an answer: sent once more,
        // and that one (request 2, a new connection) too: the second failure is the caller's.
        ScriptedServer server([](QTcpSocket* socket, const QByteArray&, int index) {
            if (index == 0)
                socket->write(ok("x"));
            else
                socket->abort();
        });
        HttpTransport transport;
        QVERIFY(call(transport, get(server.url())).ok());
        auto failed = call(transport, get(server.url()));
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, ErrorCode::ServerUnreachable);
        QCOMPARE(server.requests.size(), 3);
        QCOMPARE(server.accepted, 2);
    }

    void silentServerTimesOut()
    {
        ScriptedServer server([](QTcpSocket*, const QByteArray&, int) {});
        HttpTransport transport;
        transport.setTimeoutMs(300);
        QElapsedTimer clock;
        clock.start();
        auto answer = call(transport, get(server.url()));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().code, ErrorCode::NetworkTimeout);
        QVERIFY(clock.elapsed() >= 250);
        QCOMPARE(transport.connectionCount(), 0);
    }

    void slowButMovingAnswerDoesNotTimeOut()
    {
        // 8 pieces 100 ms apart: 800 ms in all with a 300 ms timeout, which counts silence, not the whole answer.
        ScriptedServer server([](QTcpSocket* socket, const QByteArray&, int) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\n");
            for (int i = 1; i <= 8; ++i)
                QTimer::singleShot(100 * i, socket, [socket] { socket->write("a"); });
        });
        HttpTransport transport;
        transport.setTimeoutMs(300);
        auto answer = call(transport, get(server.url()));
        QVERIFY2(answer.ok(), qPrintable(answer.ok() ? QString() : answer.error().detail));
        QCOMPARE(answer->body, QByteArray(8, 'a'));
    }

    void garbageAnswerIsAProtocolErrorAndTheConnectionIsDropped()
    {
        ScriptedServer server([](QTcpSocket* socket, const QByteArray&, int) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 5\r\n\r\nhello");
        });
        HttpTransport transport;
        auto answer = call(transport, get(server.url()));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().code, ErrorCode::ProtocolMismatch);
        QCOMPARE(transport.connectionCount(), 0);
    }

    void refusedPortIsUnreachable()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        HttpTransport transport;
        auto answer = call(transport, get(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port))));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().code, ErrorCode::ServerUnreachable);
    }

    void bodyEndedByTheCloseIsAnswered()
    {
        ScriptedServer server([](QTcpSocket* socket, const QByteArray&, int) {
            socket->write("HTTP/1.1 200 OK\r\n\r\nall of it");
            socket->disconnectFromHost();
        });
        HttpTransport transport;
        auto answer = call(transport, get(server.url()));
        QVERIFY2(answer.ok(), qPrintable(answer.ok() ? QString() : answer.error().detail));
        QCOMPARE(answer->body, QByteArray("all of it"));
    }
};

QTEST_GUILESS_MAIN(TestHttpTransport)
#include "tst_httptransport.moc"
