// RequestParser without sockets: well-formed requests and their framing, and every kind of malformed or oversized head
// with the status and error code the server answers.
#include "http/RequestParser.h"

#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::server;

namespace {

struct Outcome
{
    QList<RequestHead> heads;
    QList<QByteArray> bodies;
    int completed = 0;
    bool failed = false;
    ErrorCode error = ErrorCode::BadRequest;
};

// Feeds `bytes` in pieces of `step` bytes (0: all at once) and collects what the parser reports.
Outcome parse(const QByteArray& bytes, qsizetype step = 0, RequestParser::Limits limits = {})
{
    RequestParser parser(limits);
    Outcome outcome;
    if (step <= 0)
        step = std::max<qsizetype>(1, bytes.size());
    for (qsizetype offset = 0; offset < bytes.size() || offset == 0; offset += step) {
        QByteArrayView input = QByteArrayView(bytes).sliced(offset, std::min(step, bytes.size() - offset));
        for (;;) {
            QByteArrayView data;
            const RequestParser::Event event = parser.next(&input, &data);
            if (event == RequestParser::Event::NeedMore)
                break;
            if (event == RequestParser::Event::Head) {
                outcome.heads.append(parser.head());
                outcome.bodies.append(QByteArray());
            } else if (event == RequestParser::Event::Body) {
                outcome.bodies.last() += data.toByteArray();
            } else if (event == RequestParser::Event::Complete) {
                ++outcome.completed;
            } else {
                outcome.failed = true;
                outcome.error = parser.error();
                return outcome;
            }
        }
        if (bytes.isEmpty())
            break;
    }
    return outcome;
}

QByteArray request(const QByteArray& requestLine, const QByteArray& headers = "Host: example\r\n")
{
    return requestLine + "\r\n" + headers + "\r\n";
}

} // namespace

class TestHttpParser : public QObject
{
    Q_OBJECT

private slots:
    void wellFormedRequest();
    void bodiesAndPipelining();
    void connectionAndExpect();
    void malformed_data();
    void malformed();
    void headLimits();
    void refusedTransferEncoding();
};

void TestHttpParser::wellFormedRequest()
{
    const QByteArray bytes = "\r\nGET /api/v1/files?q=%E5%A5%91 HTTP/1.1\r\nHost: example\r\nX-Name:  \tvalue  \r\n"
                             "X-Utf8: \xe5\xa5\x91\r\nAuthorization: Bearer abc\r\n\r\n";
    for (const qsizetype step : {0, 1, 7}) {
        const Outcome outcome = parse(bytes, step);
        QVERIFY(!outcome.failed);
        QCOMPARE(outcome.heads.size(), 1);
        QCOMPARE(outcome.completed, 1);
        const RequestHead& head = outcome.heads.first();
        QCOMPARE(head.method, QByteArray("GET"));
        QCOMPARE(head.target, QByteArray("/api/v1/files?q=%E5%A5%91"));
        QCOMPARE(head.minorVersion, 1);
        QCOMPARE(head.value("x-name"), QByteArray("value"));
        QCOMPARE(head.value("x-utf8"), QByteArray("\xe5\xa5\x91")); // obs-text is allowed in values
        QCOMPARE(head.value("authorization"), QByteArray("Bearer abc"));
        QCOMPARE(head.contentLength, 0);
        QVERIFY(head.keepAlive);
        QCOMPARE(head.headBytes, bytes.size());
    }
    // OPTIONS * is the one target that is not a path.
    QVERIFY(!parse(request("OPTIONS * HTTP/1.1")).failed);
}

void TestHttpParser::bodiesAndPipelining()
{
    const QByteArray bytes = "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
                             "PUT /b HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n"
                             "GET /c HTTP/1.1\r\nHost: h\r\n\r\n";
    for (const qsizetype step : {0, 1, 3, 64}) {
        const Outcome outcome = parse(bytes, step);
        QVERIFY(!outcome.failed);
        QCOMPARE(outcome.heads.size(), 3);
        QCOMPARE(outcome.completed, 3);
        QCOMPARE(outcome.bodies.at(0), QByteArray("hello"));
        QCOMPARE(outcome.heads.at(0).contentLength, 5);
        QCOMPARE(outcome.bodies.at(1), QByteArray());
        QCOMPARE(outcome.heads.at(2).target, QByteArray("/c"));
    }
    // The body is exactly Content-Length bytes: what follows is the next request, however it looks.
    const Outcome next = parse("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nabGARBAGE\r\n\r\n");
    QCOMPARE(next.bodies.first(), QByteArray("ab"));
    QVERIFY(next.failed);
    QCOMPARE(next.error, ErrorCode::BadRequest);
    // An unfinished body is not complete.
    const Outcome partial = parse("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc");
    QCOMPARE(partial.completed, 0);
    QCOMPARE(partial.bodies.first(), QByteArray("abc"));
}

void TestHttpParser::connectionAndExpect()
{
    QVERIFY(!parse(request("GET / HTTP/1.1", "Host: h\r\nConnection: Close\r\n")).heads.first().keepAlive);
    QVERIFY(!parse(request("GET / HTTP/1.1", "Host: h\r\nConnection: upgrade, close\r\n")).heads.first().keepAlive);
    QVERIFY(!parse(request("GET / HTTP/1.0", "")).heads.first().keepAlive); // 1.0: no Host needed, closes
    QVERIFY(parse(request("GET / HTTP/1.0", "Connection: keep-alive\r\n")).heads.first().keepAlive);
    const Outcome expect
        = parse(request("PUT /x HTTP/1.1", "Host: h\r\nExpect: 100-Continue\r\nContent-Length: 3\r\n"));
    QVERIFY(expect.heads.first().expectContinue);
    QCOMPARE(expect.completed, 0); // waits for the body
    QVERIFY(!parse(request("PUT /x HTTP/1.1", "Host: h\r\nExpect: other\r\n")).heads.first().expectContinue);
}

void TestHttpParser::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const int bad = 400;
    const QString badCode = QStringLiteral("E5007");
    // Request lines.
    QTest::newRow("two spaces") << request("GET  / HTTP/1.1") << bad << badCode;
    QTest::newRow("trailing space") << request("GET / HTTP/1.1 ") << bad << badCode;
    QTest::newRow("tab separator") << request("GET\t/ HTTP/1.1") << bad << badCode;
    QTest::newRow("HTTP/0.9") << request("GET /") << bad << badCode;
    QTest::newRow("HTTP/2.0") << request("GET / HTTP/2.0") << bad << badCode;
    QTest::newRow("lower-case version") << request("GET / http/1.1") << bad << badCode;
    QTest::newRow("method not a token") << request("G@T / HTTP/1.1") << bad << badCode;
    QTest::newRow("absolute form") << request("GET http://evil/ HTTP/1.1") << bad << badCode;
    QTest::newRow("asterisk for GET") << request("GET * HTTP/1.1") << bad << badCode;
    QTest::newRow("control in target") << request("GET /a\x01z HTTP/1.1") << bad << badCode;
    QTest::newRow("non-ASCII target") << request("GET /\xe5\xa5\x91 HTTP/1.1") << bad << badCode;
    QTest::newRow("NUL in request line") << request(QByteArray("GET /\0 HTTP/1.1", 16)) << bad << badCode;
    // Line ends and injection.
    QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: h\n\n") << bad << badCode;
    QTest::newRow("bare CR") << QByteArray("GET / HTTP/1.1\rHost: h\r\n\r\n") << bad << badCode;
    QTest::newRow("CR injected in value")
        << request("GET / HTTP/1.1", "Host: h\r\nX: a\rX-Admin: 1\r\n") << bad << badCode;
    QTest::newRow("NUL in value") << request("GET / HTTP/1.1", QByteArray("Host: h\r\nX: a\0b\r\n", 17)) << bad
                                  << badCode;
    QTest::newRow("DEL in value") << request("GET / HTTP/1.1", "Host: h\r\nX: a\x7f\r\n") << bad << badCode;
    QTest::newRow("vertical tab in value") << request("GET / HTTP/1.1", "Host: h\r\nX: a\x0b\r\n") << bad << badCode;
    // Header syntax.
    QTest::newRow("obs-fold") << request("GET / HTTP/1.1", "Host: h\r\nX: a\r\n b\r\n") << bad << badCode;
    QTest::newRow("obs-fold tab") << request("GET / HTTP/1.1", "Host: h\r\nX: a\r\n\tb\r\n") << bad << badCode;
    QTest::newRow("space before colon") << request("GET / HTTP/1.1", "Host : h\r\n") << bad << badCode;
    QTest::newRow("empty name") << request("GET / HTTP/1.1", "Host: h\r\n: v\r\n") << bad << badCode;
    QTest::newRow("no colon") << request("GET / HTTP/1.1", "Host: h\r\nNoColon\r\n") << bad << badCode;
    QTest::newRow("name with slash") << request("GET / HTTP/1.1", "Host: h\r\nX/Y: v\r\n") << bad << badCode;
    // Framing.
    QTest::newRow("two equal lengths") << request(
        "POST / HTTP/1.1", "Host: h\r\nContent-Length: 3\r\nContent-Length: 3\r\n")
                                       << bad << badCode;
    QTest::newRow("conflicting lengths") << request(
        "POST / HTTP/1.1", "Host: h\r\nContent-Length: 3\r\nContent-Length: 30\r\n")
                                         << bad << badCode;
    QTest::newRow("length list") << request("POST / HTTP/1.1", "Host: h\r\nContent-Length: 3, 3\r\n") << bad << badCode;
    QTest::newRow("negative length") << request("POST / HTTP/1.1", "Host: h\r\nContent-Length: -1\r\n") << bad
                                     << badCode;
    QTest::newRow("plus length") << request("POST / HTTP/1.1", "Host: h\r\nContent-Length: +3\r\n") << bad << badCode;
    QTest::newRow("hex length") << request("POST / HTTP/1.1", "Host: h\r\nContent-Length: 0x10\r\n") << bad << badCode;
    QTest::newRow("empty length") << request("POST / HTTP/1.1", "Host: h\r\nContent-Length:\r\n") << bad << badCode;
    QTest::newRow("overflowing length") << request(
        "POST / HTTP/1.1", "Host: h\r\nContent-Length: 99999999999999999999\r\n")
                                        << bad << badCode;
    QTest::newRow("no Host in 1.1") << request("GET / HTTP/1.1", "X: y\r\n") << bad << badCode;
    QTest::newRow("two Hosts") << request("GET / HTTP/1.1", "Host: a\r\nHost: b\r\n") << bad << badCode;
    // Transfer codings: refused as a whole, whatever the chunks would say.
    const int lengthRequired = 411;
    const QString teCode = QStringLiteral("E5022");
    QTest::newRow("chunked") << request("POST / HTTP/1.1", "Host: h\r\nTransfer-Encoding: chunked\r\n")
            + "5\r\nhello\r\n0\r\n\r\n"
                             << lengthRequired << teCode;
    QTest::newRow("huge chunk size") << request("POST / HTTP/1.1", "Host: h\r\nTransfer-Encoding: chunked\r\n")
            + "FFFFFFFFFFFFFFFFFFFFFFFF\r\n"
                                     << lengthRequired << teCode;
    QTest::newRow("chunked and length") << request("POST / HTTP/1.1",
                                               "Host: h\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n")
            + "hello" << lengthRequired << teCode;
    QTest::newRow("gzip coding") << request("POST / HTTP/1.1", "Host: h\r\nTransfer-Encoding: gzip\r\n")
                                 << lengthRequired << teCode;
}

void TestHttpParser::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(QString, code);
    // Whole and byte by byte: the same refusal.
    for (const qsizetype step : {0, 1}) {
        const Outcome outcome = parse(bytes, step);
        QVERIFY2(outcome.failed, bytes.toPercentEncoding(" :/\r\n").constData());
        QCOMPARE(errorHttpStatus(outcome.error), status);
        QCOMPARE(errorCodeText(outcome.error), code);
    }
}

void TestHttpParser::headLimits()
{
    const RequestParser::Limits limits {1024, 10};
    // Exactly at the byte limit is fine; one more is 431 E5014, also while the head is unfinished.
    QByteArray head = "GET / HTTP/1.1\r\nHost: h\r\nX: ";
    head += QByteArray(1024 - head.size() - 4, 'a') + "\r\n\r\n";
    QCOMPARE(head.size(), 1024);
    QVERIFY(!parse(head, 0, limits).failed);
    head.insert(30, 'a');
    Outcome over = parse(head, 0, limits);
    QVERIFY(over.failed);
    QCOMPARE(errorCodeText(over.error), QStringLiteral("E5014"));
    QCOMPARE(errorHttpStatus(over.error), 431);
    over = parse("GET / HTTP/1.1\r\nX: " + QByteArray(2000, 'a'), 0, limits);
    QVERIFY(over.failed);
    QCOMPARE(errorHttpStatus(over.error), 431);
    // Blank lines before the request line count too (no endless stream of CRLF).
    over = parse(QByteArray(2000, '\r').replace("\r", "\r\n"), 0, limits);
    QVERIFY(over.failed);
    QCOMPARE(errorHttpStatus(over.error), 431);
    // Field count: Host plus 9 is the limit, one more is 431.
    QByteArray fields = "Host: h\r\n";
    for (int i = 0; i < 9; ++i)
        fields += "X-" + QByteArray::number(i) + ": 1\r\n";
    QVERIFY(!parse(request("GET / HTTP/1.1", fields), 0, limits).failed);
    fields += "X-last: 1\r\n";
    const Outcome many = parse(request("GET / HTTP/1.1", fields), 0, limits);
    QVERIFY(many.failed);
    QCOMPARE(errorCodeText(many.error), QStringLiteral("E5014"));
    // After an error nothing more is consumed.
    RequestParser parser(limits);
    QByteArrayView input("GET / HTTP/1.1\nHost: h\r\n\r\n");
    QByteArrayView data;
    QCOMPARE(parser.next(&input, &data), RequestParser::Event::Error);
    const qsizetype left = input.size();
    QCOMPARE(parser.next(&input, &data), RequestParser::Event::Error);
    QCOMPARE(input.size(), left);
}

void TestHttpParser::refusedTransferEncoding()
{
    // Refused at the head: not one byte of a (possibly endless) chunked body is read.
    RequestParser parser;
    const QByteArray bytes = request("POST / HTTP/1.1", "Host: h\r\nTransfer-Encoding: chunked\r\n") + "FFFFFFFF\r\n";
    QByteArrayView input(bytes);
    QByteArrayView data;
    QCOMPARE(parser.next(&input, &data), RequestParser::Event::Error);
    QCOMPARE(input.size(), qsizetype(10));
    QCOMPARE(parser.error(), ErrorCode::LengthRequired);
}

QTEST_GUILESS_MAIN(TestHttpParser)
#include "tst_http_parser.moc"
