// Request bodies against the real server: uploads are spooled to disk while they arrive (the server's memory does not
// grow with 320 MB in flight), spool files disappear however a request ends, and the head alone decides refusals
// (413, 411, 400, Expect: 100-continue).
#include "FileSteps.h"
#include "PdfFixtures.h"
#include "RawHttp.h"
#include "TestConfig.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>
#include <QtTest>

#include <memory>

using namespace ikkatsu::test;

namespace {

// Writes `bytes` a MiB at a time, so that neither side's buffers hold more than that.
bool sendRaw(QTcpSocket& socket, QByteArrayView bytes)
{
    for (qsizetype offset = 0; offset < bytes.size(); offset += 1 << 20) {
        socket.write(bytes.sliced(offset, std::min<qsizetype>(1 << 20, bytes.size() - offset)).toByteArray());
        while (socket.bytesToWrite() > 0) {
            if (!socket.waitForBytesWritten(10000))
                return false;
        }
    }
    return true;
}

// A field of /proc/PID/status in KiB ("VmRSS", "VmHWM"), -1 when unreadable.
qint64 procStatusKib(qint64 pid, const QByteArray& field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// The spool files of request bodies the server holds now.
QStringList spoolFiles(const TestServer& server)
{
    return QDir(server.dataDir() + QStringLiteral("/files/incoming"))
        .entryList({QStringLiteral(".body.*.tmp")}, QDir::Files | QDir::Hidden);
}

// Every temporary anywhere under the file store (spooled bodies, staged versions).
QStringList temporaries(const TestServer& server)
{
    QStringList found;
    QDirIterator it(server.dataDir() + QStringLiteral("/files"), {QStringLiteral("*.tmp")}, QDir::Files | QDir::Hidden,
        QDirIterator::Subdirectories);
    while (it.hasNext())
        found.append(it.next());
    return found;
}

bool waitFor(const std::function<bool()>& condition, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > ms)
            return false;
        QThread::msleep(50);
    }
    return true;
}

} // namespace

class TestServerUploadBody : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void refusalsComeWithTheHead();
    void expectContinue();
    void spoolFilesGoWithTheirRequest();
    void uploadsInFlightDoNotHoldMemory();

private:
    TestServer m_server;
    QString m_admin;
    SigningUser m_signer;
    QString m_folder;
};

void TestServerUploadBody::initTestCase()
{
    m_admin = startWithAdmin(m_server);
    QVERIFY(!m_admin.isEmpty());
    m_signer = newUser(m_server, m_admin, QStringLiteral("spool@files.example"));
    QVERIFY(!m_signer.token.isEmpty());
    m_folder = createFolder(m_server, m_admin, QStringLiteral("spool"));
    QVERIFY(!m_folder.isEmpty());
}

void TestServerUploadBody::refusalsComeWithTheHead()
{
    // A length beyond the upload limit: 413 E5009 at once, not one byte of the body sent.
    auto big = rawConnect(m_server);
    QVERIFY(big);
    QVERIFY(sendRaw(*big, uploadHead(QStringLiteral("f1"), m_signer.token, qint64(1) << 30)));
    bool closed = false;
    QByteArray answer = readUntilClosed(*big, 5000, &closed);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    QVERIFY(answer.contains("E5009"));
    QVERIFY(closed);
    // The same on a route with the small limit (1 MiB).
    auto login = rawConnect(m_server);
    QVERIFY(login);
    QVERIFY(sendRaw(*login, "POST /api/v1/auth/login HTTP/1.1\r\nHost: h\r\nContent-Length: 2000000\r\n\r\n{"));
    answer = readUntilClosed(*login, 5000);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    // Chunked bodies are refused: 411 E5022.
    auto chunked = rawConnect(m_server);
    QVERIFY(chunked);
    QVERIFY(sendRaw(*chunked,
        "PUT /api/v1/files/f1/content HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFF\r\n"));
    answer = readUntilClosed(*chunked, 5000, &closed);
    QVERIFY2(answer.startsWith("HTTP/1.1 411"), answer.constData());
    QVERIFY(answer.contains("E5022"));
    QVERIFY(closed);
    // Malformed heads: 400 E5007 and the connection closes.
    for (const QByteArray& bad : {QByteArray("GET /api/v1/health HTTP/1.1\r\nHost: h\r\nX: a\r\n folded\r\n\r\n"),
             QByteArray("GET /api/v1/health HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"),
             QByteArray("GET /api/v1/health HTTP/1.1\nHost: h\n\n"), QByteArray("GET /api/v1/health\r\n\r\n"),
             QByteArray("GET /api/v1/health HTTP/1.1\r\n\r\n")}) {
        auto socket = rawConnect(m_server);
        QVERIFY(socket);
        QVERIFY(sendRaw(*socket, bad));
        answer = readUntilClosed(*socket, 5000, &closed);
        QVERIFY2(answer.startsWith("HTTP/1.1 400") && answer.contains("E5007"), QByteArray(bad + answer).constData());
        QVERIFY(closed);
    }
    // A malformed or oversized request pipelined behind a good one (on a worker): the good one's answer comes first.
    for (const QByteArray& second : {QByteArray("GET /api/v1/health HTTP/1.1\r\n\r\n"),
             QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: h\r\nContent-Length: 9000000\r\n\r\n{")}) {
        auto pipelined = rawConnect(m_server);
        QVERIFY(pipelined);
        QVERIFY(sendRaw(*pipelined, QByteArray("GET /api/v1/ready HTTP/1.1\r\nHost: h\r\n\r\n" + second)));
        answer = readUntilClosed(*pipelined, 5000, &closed);
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY2(answer.contains("HTTP/1.1 400") || answer.contains("HTTP/1.1 413"), answer.constData());
        QVERIFY(closed);
    }
    QVERIFY(temporaries(m_server).isEmpty());
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/health")).status, 200);
}

void TestServerUploadBody::expectContinue()
{
    const QByteArray pdf = minimalPdf();
    const QString id
        = registerFile(m_server, m_admin, m_folder, QStringLiteral("expect.pdf"), pdf, {}, {m_signer.account.userId});
    QVERIFY(!id.isEmpty());
    const QByteArray signedPdf = signAs(m_signer, pdf);
    QVERIFY(!signedPdf.isEmpty());
    // A request that will be taken: 100 Continue, then the body, then the final answer.
    auto socket = rawConnect(m_server);
    QVERIFY(socket);
    QVERIFY(sendRaw(*socket, uploadHead(id, m_signer.token, signedPdf.size(), "Expect: 100-continue\r\n")));
    QVERIFY(socket->waitForReadyRead(3000));
    QByteArray interim = socket->readAll();
    QCOMPARE(interim, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    QVERIFY(sendRaw(*socket, signedPdf));
    QByteArray answer = readOneAnswer(*socket, 10000);
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(300).constData());
    // Refused at the head: the final answer at once, no 100, and the connection closes.
    const QList<QPair<QByteArray, QByteArray>> refused {
        {uploadHead(id, m_signer.token, qint64(1) << 30, "Expect: 100-continue\r\n"), "HTTP/1.1 413"},
        {"PUT /api/v1/nowhere HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n",
            "HTTP/1.1 404"}};
    for (const auto& [head, status] : refused) {
        auto other = rawConnect(m_server);
        QVERIFY(other);
        QVERIFY(sendRaw(*other, head));
        bool closed = false;
        answer = readUntilClosed(*other, 5000, &closed);
        QVERIFY2(answer.startsWith(status), answer.constData());
        QVERIFY(!answer.contains("100 Continue"));
        QVERIFY(closed);
    }
}

void TestServerUploadBody::spoolFilesGoWithTheirRequest()
{
    QTemporaryDir dir;
    const QString large = dir.filePath(QStringLiteral("large.pdf"));
    QVERIFY(writeLargePdf(large, 4 << 20));
    const QByteArray pdf = readAll(large);
    const QString id
        = registerFile(m_server, m_admin, m_folder, QStringLiteral("spool.pdf"), pdf, {}, {m_signer.account.userId});
    QVERIFY(!id.isEmpty());
    const QByteArray signedPdf = signAs(m_signer, pdf);
    QVERIFY(!signedPdf.isEmpty());
    QVERIFY(spoolFiles(m_server).isEmpty());

    // Half a body: its spool file exists, private; the client dies, the file goes.
    for (int round = 0; round < 3; ++round) {
        auto socket = rawConnect(m_server);
        QVERIFY(socket);
        QVERIFY(sendRaw(*socket,
            QByteArray(uploadHead(id, m_signer.token, signedPdf.size()) + signedPdf.left(signedPdf.size() / 2))));
        QVERIFY(waitFor([this] { return spoolFiles(m_server).size() == 1; }, 3000));
        const QFileInfo spool(m_server.dataDir() + QStringLiteral("/files/incoming/") + spoolFiles(m_server).first());
        QCOMPARE(spool.permissions() & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser),
            QFile::ReadOwner | QFile::WriteOwner);
        if (round == 0)
            socket->abort(); // reset
        else if (round == 1)
            socket->disconnectFromHost(); // orderly close
        else
            socket.reset();
        QVERIFY2(waitFor([this] { return spoolFiles(m_server).isEmpty(); }, 3000),
            qPrintable(spoolFiles(m_server).join(QLatin1Char(' '))));
    }
    // A refused upload (not the stored version plus a signature) leaves nothing either.
    QByteArray wrong = signedPdf;
    wrong[10] = 'X';
    const Reply refused = uploadSigned(m_server, m_signer.token, id, 1, wrong);
    QCOMPARE(refused.code, QStringLiteral("E4206"));
    // An accepted one is linked into the store: no temporary left, the stored version is exactly the body.
    const Reply accepted = uploadSigned(m_server, m_signer.token, id, 1, signedPdf);
    QCOMPARE(accepted.status, 200);
    QVERIFY2(temporaries(m_server).isEmpty(), qPrintable(temporaries(m_server).join(QLatin1Char(' '))));
    const Reply download = downloadFile(m_server, m_signer.token, id);
    QCOMPARE(versionOf(download), 2);
    QCOMPARE(download.body, signedPdf);

    // A spool file a killed process left behind is removed at the next start.
    m_server.stop();
    const QString leftover = m_server.dataDir() + QStringLiteral("/files/incoming/.body.0123456789abcdef.tmp");
    QVERIFY(writeAll(leftover, "left behind"));
    QVERIFY(m_server.start());
    QVERIFY(!QFileInfo::exists(leftover));
}

void TestServerUploadBody::uploadsInFlightDoNotHoldMemory()
{
    // Eight: 320 MB in flight is five times the growth allowed, and sixteen (640 MB) took the test past its five
    // minutes on a loaded two-core machine (every upload is checked whole by the server).
    constexpr int kUploads = 8;
    QTemporaryDir dir;
    const QString large = dir.filePath(QStringLiteral("large.pdf"));
    QVERIFY(writeLargePdf(large, 40 << 20));
    const QByteArray pdf = readAll(large);
    QStringList ids;
    for (int i = 0; i < kUploads; ++i) {
        ids.append(registerFile(
            m_server, m_admin, m_folder, QStringLiteral("大容量%1.pdf").arg(i), pdf, {}, {m_signer.account.userId}));
        QVERIFY(!ids.last().isEmpty());
    }
    // The same stored version everywhere, so one signed upload fits every file.
    const QByteArray signedPdf = signAs(m_signer, pdf);
    QVERIFY(!signedPdf.isEmpty());
    const qint64 pid = m_server.processId();
    // The peak so far (registrations decode their JSON in memory) is forgotten: VmHWM restarts from VmRSS.
    QFile clearRefs(QStringLiteral("/proc/%1/clear_refs").arg(pid));
    QVERIFY(clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1);
    clearRefs.close();
    const qint64 baselineKib = procStatusKib(pid, "VmRSS");
    QVERIFY(baselineKib > 0);

    // Every body sent but its last KiB: 8 × 40 MB in flight at once.
    const qsizetype held = signedPdf.size() - 1024;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < kUploads; ++i) {
        auto socket = rawConnect(m_server);
        QVERIFY(socket);
        QVERIFY(sendRaw(*socket, uploadHead(ids.at(i), m_signer.token, signedPdf.size())));
        QVERIFY(sendRaw(*socket, QByteArrayView(signedPdf).first(held / 2)));
        sockets.push_back(std::move(socket));
    }
    QThread::msleep(500); // a pause mid-body
    for (int i = 0; i < kUploads; ++i)
        QVERIFY(sendRaw(*sockets.at(i), QByteArrayView(signedPdf).sliced(held / 2, held - held / 2)));
    // Two more that die mid-body.
    for (int i = 0; i < 2; ++i) {
        auto socket = rawConnect(m_server);
        QVERIFY(socket);
        QVERIFY(sendRaw(*socket, uploadHead(ids.at(i), m_signer.token, signedPdf.size())));
        QVERIFY(sendRaw(*socket, QByteArrayView(signedPdf).first(8 << 20)));
        socket->abort();
    }
    const qint64 inFlight = qint64(kUploads) * held;
    const qint64 peakKib = procStatusKib(pid, "VmHWM");
    const qint64 rssKib = procStatusKib(pid, "VmRSS");
    qInfo("%lld MB in flight: VmRSS %lld -> %lld KiB, peak %lld KiB (growth %lld KiB)", inFlight >> 20, baselineKib,
        rssKib, peakKib, peakKib - baselineKib);
    QVERIFY2(peakKib - baselineKib < (64 << 10),
        qPrintable(QStringLiteral("the server grew by %1 KiB with %2 MB in flight")
                       .arg(peakKib - baselineKib)
                       .arg(inFlight >> 20)));
    QVERIFY(waitFor([&] { return spoolFiles(m_server).size() == kUploads; }, 5000)); // the dead ones' are gone

    // Then they finish: each file is at its signed version, exactly the bytes sent.
    for (int i = 0; i < kUploads; ++i)
        QVERIFY(sendRaw(*sockets.at(i), QByteArrayView(signedPdf).sliced(held)));
    const QByteArray sha = QCryptographicHash::hash(signedPdf, QCryptographicHash::Sha256).toHex();
    for (int i = 0; i < kUploads; ++i) {
        const QByteArray answer = readOneAnswer(*sockets.at(i), 120000);
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(300).constData());
        const Reply detail = m_server.get(QStringLiteral("/api/v1/files/") + ids.at(i), m_signer.token);
        QCOMPARE(detail.status, 200);
        const QJsonObject file = detail.json.value(QStringLiteral("file")).toObject();
        QCOMPARE(file.value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(file.value(QStringLiteral("sha256")).toString().toLatin1(), sha);
    }
    const qint64 afterKib = procStatusKib(pid, "VmRSS");
    qInfo("after the %d uploads were checked and stored: VmRSS %lld KiB", kUploads, afterKib);
    const Reply download = downloadFile(m_server, m_signer.token, ids.last());
    QCOMPARE(download.headers.value("x-ikkatsu-sha256"), sha);
    const QString path = dir.filePath(QStringLiteral("signed.pdf"));
    QVERIFY(writeAll(path, download.body));
    const ToolRun sig = pdfsig(path);
    QVERIFY2(sig.all().contains(QStringLiteral("Signature is Valid")), qPrintable(sig.all()));
    const ToolRun check = qpdfCheck(path);
    QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
    QVERIFY2(temporaries(m_server).isEmpty(), qPrintable(temporaries(m_server).join(QLatin1Char(' '))));
}

QTEST_GUILESS_MAIN(TestServerUploadBody)
#include "tst_server_uploadbody.moc"
