// Where file versions live: in the database (1 MiB chunk rows, one row per distinct content) or in the data directory,
// damage found on reading, and `ikkatsu-server migrate-files` both ways — idempotent, resumable, verifying digests.
#include "FileSteps.h"
#include "PdfFixtures.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>
#include <QtTest>

using namespace ikkatsu::test;

namespace {

QString sha256Of(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// A PDF of about `size` bytes whose padding is random, so that no two calls give the same content.
QByteArray paddedPdf(qsizetype size)
{
    QByteArray padding(size / 2, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(padding.data()), padding.size() / 4);
    PdfFixtureOptions options;
    options.padding = padding;
    return minimalPdf(options);
}

// The version files under <data-dir>/files (not temporaries).
QStringList storedFiles(const QString& dataDir)
{
    QStringList found;
    QDirIterator it(
        dataDir + QStringLiteral("/files"), {QStringLiteral("*.pdf")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.contains(QStringLiteral("/staging/")))
            found.append(QFileInfo(path).completeBaseName());
    }
    return found;
}

int scalar(TestServer& server, const QString& sql, const QVariantList& binds = {})
{
    const QList<QVariantList> rows = queryServerDatabase(server, sql, binds);
    return rows.isEmpty() ? -1 : rows.first().value(0).toInt();
}

ToolRun migrate(TestServer& server, const QStringList& flags)
{
    return runTool(builtBinary(QStringLiteral("ikkatsu-server")),
        QStringList {QStringLiteral("migrate-files")} + flags + server.commonArgs(), {}, 120000);
}

} // namespace

class TestServerFileStore : public QObject
{
    Q_OBJECT

private slots:
    void versionsLiveWhereTheDatabaseSays();
    void damagedVersionIsRefused();
    void downloadMemoryDoesNotGrowWithTheFile();
    void migrationBothWays();
    void migrationRefusesBadInput();
};

void TestServerFileStore::versionsLiveWhereTheDatabaseSays()
{
    TestServer server;
    const QString admin = startWithAdmin(server);
    QVERIFY(!admin.isEmpty());
    const bool postgres = testDatabaseKind() == QLatin1String("postgresql");
    SigningUser signer = newUser(server, admin, QStringLiteral("s@store.example"));
    QVERIFY(!signer.token.isEmpty());
    const QString folder = createFolder(server, admin, QStringLiteral("容量"));
    const QByteArray big = paddedPdf(2'600'000); // three chunks
    const QString first
        = registerFile(server, admin, folder, QStringLiteral("big.pdf"), big, {}, {signer.account.userId});
    const QString twin
        = registerFile(server, admin, folder, QStringLiteral("twin.pdf"), big, {}, {signer.account.userId});
    QVERIFY(!first.isEmpty() && !twin.isEmpty());

    const QString digest = sha256Of(big);
    if (postgres) {
        // Content-addressed in the database: one content row for both files, its bytes in 1 MiB chunks, no file.
        QCOMPARE(
            scalar(server, QStringLiteral("SELECT COUNT(*) FROM file_contents WHERE content_sha256 = ?"), {digest}), 1);
        QCOMPARE(
            scalar(server, QStringLiteral("SELECT COUNT(*) FROM file_blobs WHERE content_sha256 = ?"), {digest}), 3);
        QCOMPARE(scalar(server, QStringLiteral("SELECT MAX(LENGTH(bytes)) FROM file_blobs")), 1 << 20);
        QCOMPARE(storedFiles(server.dataDir()), QStringList());
    } else {
        QCOMPARE(storedFiles(server.dataDir()), QStringList {digest});
        QCOMPARE(scalar(server, QStringLiteral("SELECT COUNT(*) FROM file_contents")), 0);
    }

    const Reply download = downloadFile(server, signer.token, first);
    QCOMPARE(download.status, 200);
    QVERIFY(download.body == big);
    QCOMPARE(download.headers.value("x-ikkatsu-sha256"), digest.toLatin1());

    // A signed upload becomes version 2 in the same store; the twin keeps version 1's bytes.
    const QByteArray signedPdf = signAs(signer, big);
    QVERIFY(!signedPdf.isEmpty());
    QCOMPARE(uploadSigned(server, signer.token, first, 1, signedPdf).status, 200);
    QVERIFY(downloadFile(server, signer.token, first).body == signedPdf);
    QVERIFY(downloadFile(server, signer.token, twin).body == big);
    if (postgres) {
        QCOMPARE(scalar(server, QStringLiteral("SELECT COUNT(*) FROM file_contents")), 2);
        QCOMPARE(scalar(server, QStringLiteral("SELECT SUM(LENGTH(bytes)) FROM file_blobs WHERE content_sha256 = ?"),
                     {sha256Of(signedPdf)}),
            int(signedPdf.size()));
        QCOMPARE(storedFiles(server.dataDir()), QStringList());
    } else {
        QCOMPARE(storedFiles(server.dataDir()).size(), 2);
    }
    // Nothing is left in the staging area once the versions are stored.
    QDirIterator leftovers(server.dataDir() + QStringLiteral("/files"), {QStringLiteral("*.tmp")}, QDir::Files,
        QDirIterator::Subdirectories);
    QVERIFY(!leftovers.hasNext());
}

void TestServerFileStore::damagedVersionIsRefused()
{
    TestServer server;
    const QString admin = startWithAdmin(server);
    QVERIFY(!admin.isEmpty());
    SigningUser viewer = newUser(server, admin, QStringLiteral("v@store.example"), false);
    const QString folder = createFolder(server, admin, QStringLiteral("損傷"));
    const QByteArray pdf = paddedPdf(1'200'000);
    const QString id = registerFile(server, admin, folder, QStringLiteral("d.pdf"), pdf, {viewer.account.userId}, {});
    QVERIFY(!id.isEmpty());
    QCOMPARE(downloadFile(server, viewer.token, id).status, 200);
    if (testDatabaseKind() == QLatin1String("postgresql")) {
        // Same length, other bytes: only the digest can tell.
        bool ok = false;
        queryServerDatabase(server,
            QStringLiteral("UPDATE file_blobs SET bytes = overlay(bytes placing '\\x00'::bytea from 100 for 1) "
                           "WHERE content_sha256 = ? AND chunk_no = 1"),
            {sha256Of(pdf)}, &ok);
        QVERIFY(ok);
    } else {
        const QString path = server.dataDir() + QStringLiteral("/files/") + sha256Of(pdf).left(2) + QLatin1Char('/')
            + sha256Of(pdf).mid(2, 2) + QLatin1Char('/') + sha256Of(pdf) + QStringLiteral(".pdf");
        QVERIFY(QFile::resize(path, pdf.size() - 1));
    }
    const Reply damaged = downloadFile(server, viewer.token, id);
    QCOMPARE(damaged.status, 500);
    QCOMPARE(damaged.code, QStringLiteral("E5020"));
}

static qint64 residentKiB(qint64 pid)
{
    const QByteArray status = readAll(QStringLiteral("/proc/%1/status").arg(pid));
    const qsizetype at = status.indexOf("VmRSS:");
    return at < 0 ? -1
                  : status.mid(at + 6, status.indexOf('\n', at) - at - 6).trimmed().split(' ').first().toLongLong();
}

void TestServerFileStore::downloadMemoryDoesNotGrowWithTheFile()
{
    // 48 MB: above glibc's largest mmap threshold (32 MiB), so a buffer of the whole file would show in the RSS
    // while it lives and leave it when freed.
    TestServer server;
    const QString admin = startWithAdmin(server, {QStringLiteral("--keep-alive-timeout"), QStringLiteral("2")});
    QVERIFY(!admin.isEmpty());
    SigningUser viewer = newUser(server, admin, QStringLiteral("big@store.example"), false);
    const QString folder = createFolder(server, admin, QStringLiteral("大容量"));
    const QByteArray pdf = paddedPdf(48'000'000);
    const QString id
        = registerFile(server, admin, folder, QStringLiteral("huge.pdf"), pdf, {viewer.account.userId}, {});
    QVERIFY(!id.isEmpty());
    QThread::msleep(300);
    const qint64 before = residentKiB(server.processId());
    QVERIFY(before > 0);
    // A client reading at 16 MB/s: the server must hand the file out as it goes, not build it up first.
    QTemporaryDir dir;
    QProcess curl;
    curl.start(QStringLiteral("curl"),
        {QStringLiteral("-s"), QStringLiteral("--limit-rate"), QStringLiteral("16M"), QStringLiteral("-H"),
            QStringLiteral("Authorization: Bearer ") + viewer.token, QStringLiteral("-o"),
            dir.filePath(QStringLiteral("out.pdf")),
            server.baseUrl() + QStringLiteral("/api/v1/files/%1/content").arg(id)});
    qint64 peak = before;
    while (!curl.waitForFinished(20))
        peak = std::max(peak, residentKiB(server.processId()));
    QCOMPARE(curl.exitCode(), 0);
    QVERIFY(readAll(dir.filePath(QStringLiteral("out.pdf"))) == pdf);
    qInfo("server RSS %lld KiB before the download, at most %lld KiB during it (file %lld KiB)", before, peak,
        qint64(pdf.size() / 1024));
    QVERIFY2((peak - before) * 1024 < pdf.size() / 4, qPrintable(QStringLiteral("grew %1 KiB").arg(peak - before)));

    // A client that asks and then stops reading is cut after the keep-alive time, and the server answers others.
    QTcpSocket stalled;
    stalled.setReadBufferSize(64 << 10); // Qt stops taking bytes from the kernel, the window closes
    const QUrl base(server.baseUrl());
    stalled.connectToHost(base.host(), quint16(base.port()));
    QVERIFY(stalled.waitForConnected(5000));
    stalled.write("GET /api/v1/files/" + id.toLatin1() + "/content HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + viewer.token.toLatin1() + "\r\n\r\n");
    QVERIFY(stalled.waitForBytesWritten(5000));
    QTest::qWait(6000);
    QCOMPARE(server.get(QStringLiteral("/api/v1/health")).status, 200);
    stalled.setReadBufferSize(0);
    qint64 received = 0;
    while (stalled.state() == QAbstractSocket::ConnectedState && stalled.waitForReadyRead(3000))
        received += stalled.readAll().size();
    received += stalled.readAll().size();
    QVERIFY2(received < pdf.size(), qPrintable(QStringLiteral("%1 bytes").arg(received)));
}

void TestServerFileStore::migrationBothWays()
{
    TestServer server;
    // The store that existed before: versions in the data directory, whatever the database.
    const QStringList directory {QStringLiteral("--file-store"), QStringLiteral("directory")};
    const QStringList database {QStringLiteral("--file-store"), QStringLiteral("database")};
    const QString admin = startWithAdmin(server, directory);
    QVERIFY(!admin.isEmpty());
    SigningUser signer = newUser(server, admin, QStringLiteral("m@store.example"));
    QVERIFY(!signer.token.isEmpty());
    const QString folder = createFolder(server, admin, QStringLiteral("移行"));
    QList<QByteArray> pdfs {paddedPdf(1'500'000), paddedPdf(30'000), paddedPdf(3'000)};
    QStringList ids;
    for (int i = 0; i < pdfs.size(); ++i) {
        ids.append(registerFile(
            server, admin, folder, QStringLiteral("m%1.pdf").arg(i), pdfs.at(i), {}, {signer.account.userId}));
        QVERIFY(!ids.last().isEmpty());
    }
    const QByteArray signedPdf = signAs(signer, pdfs.at(0));
    QCOMPARE(uploadSigned(server, signer.token, ids.at(0), 1, signedPdf).status, 200);
    server.stop();
    QCOMPARE(storedFiles(server.dataDir()).size(), 4);

    // A damaged source version stops nothing else but fails the run, and --delete-source then deletes nothing.
    const QString victim = server.dataDir() + QStringLiteral("/files/") + sha256Of(pdfs.at(2)).left(2)
        + QLatin1Char('/') + sha256Of(pdfs.at(2)).mid(2, 2) + QLatin1Char('/') + sha256Of(pdfs.at(2))
        + QStringLiteral(".pdf");
    QByteArray tampered = pdfs.at(2);
    tampered[100] = tampered.at(100) ^ 1;
    QVERIFY(writeAll(victim, tampered));
    ToolRun run = migrate(server, {QStringLiteral("--to-database"), QStringLiteral("--delete-source")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.all().contains(QStringLiteral("E5020")), qPrintable(run.all()));
    QVERIFY2(run.all().contains(QStringLiteral("4 version(s): 3 copied, 0 already there, 1 failed, 0 source")),
        qPrintable(run.all()));
    QCOMPARE(storedFiles(server.dataDir()).size(), 4);
    QCOMPARE(scalar(server, QStringLiteral("SELECT COUNT(*) FROM file_contents")), 3);

    // Repaired, the run resumes: the three are verified and skipped, the fourth copied, then the sources go.
    QVERIFY(writeAll(victim, pdfs.at(2)));
    run = migrate(server, {QStringLiteral("--to-database"), QStringLiteral("--delete-source")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    QVERIFY2(run.all().contains(QStringLiteral("4 version(s): 1 copied, 3 already there, 0 failed, 4 source")),
        qPrintable(run.all()));
    QCOMPARE(storedFiles(server.dataDir()), QStringList());
    QCOMPARE(scalar(server, QStringLiteral("SELECT COUNT(*) FROM file_contents")), 4);
    // Idempotent: again, nothing to do (and the sources are gone, so nothing to delete).
    run = migrate(server, {QStringLiteral("--to-database")});
    QVERIFY2(
        run.all().contains(QStringLiteral("4 version(s): 0 copied, 4 already there, 0 failed")), qPrintable(run.all()));

    QVERIFY(server.start(database));
    QVERIFY(downloadFile(server, signer.token, ids.at(0)).body == signedPdf);
    for (int i = 1; i < pdfs.size(); ++i)
        QVERIFY(downloadFile(server, signer.token, ids.at(i)).body == pdfs.at(i));
    const Reply first
        = server.request("GET", QStringLiteral("/api/v1/admin/files/%1/versions/1/content").arg(ids.at(0)), {}, admin);
    QCOMPARE(first.status, 200);
    QVERIFY(first.body == pdfs.at(0));
    server.stop();

    // And back into the directory.
    run = migrate(server, {QStringLiteral("--to-directory"), QStringLiteral("--delete-source")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    QVERIFY2(run.all().contains(QStringLiteral("4 version(s): 4 copied, 0 already there, 0 failed, 4 source")),
        qPrintable(run.all()));
    QCOMPARE(scalar(server, QStringLiteral("SELECT COUNT(*) FROM file_contents")), 0);
    QCOMPARE(scalar(server, QStringLiteral("SELECT COUNT(*) FROM file_blobs")), 0);
    QCOMPARE(storedFiles(server.dataDir()).size(), 4);
    QVERIFY(server.start(directory));
    QVERIFY(downloadFile(server, signer.token, ids.at(0)).body == signedPdf);
    for (int i = 1; i < pdfs.size(); ++i)
        QVERIFY(downloadFile(server, signer.token, ids.at(i)).body == pdfs.at(i));
}

void TestServerFileStore::migrationRefusesBadInput()
{
    TestServer server;
    QVERIFY(server.initAdmin(QStringLiteral("admin"), QStringLiteral("admin-password-1"), kAdminEmail));
    QCOMPARE(migrate(server, {}).exitCode, 2);
    QCOMPARE(migrate(server, {QStringLiteral("--to-database"), QStringLiteral("--to-directory")}).exitCode, 2);
    QCOMPARE(migrate(server, {QStringLiteral("--to-database"), QStringLiteral("--bogus")}).exitCode, 1);
    const ToolRun empty = migrate(server, {QStringLiteral("--to-directory")});
    QCOMPARE(empty.exitCode, 0);
    QVERIFY(empty.all().contains(QStringLiteral("0 version(s)")));
}

QTEST_GUILESS_MAIN(TestServerFileStore)
#include "tst_server_filestore.moc"
