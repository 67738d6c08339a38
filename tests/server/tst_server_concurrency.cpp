// Concurrency and crash safety with two server processes on one database: racing signers (exactly one wins, the
// other re-signs), 20 simultaneous uploads that lose nothing, and servers killed with SIGKILL mid-upload that keep
// the stored version intact and consistent with the database.
#include "FileSteps.h"
#include "PdfFixtures.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <vector>

using namespace ikkatsu;
using namespace ikkatsu::test;

namespace {

struct Upload
{
    QString baseUrl;
    QString token;
    QString fileId;
    int version = 0;
    QByteArray pdf;
};

// Sends every upload at once, each on its own connection, and waits for all answers.
QList<Reply> uploadAll(const QList<Upload>& uploads, int timeoutMs = 60000)
{
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    QList<QNetworkReply*> replies;
    int pending = static_cast<int>(uploads.size());
    QEventLoop loop;
    for (const Upload& upload : uploads) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        QNetworkRequest request(QUrl(upload.baseUrl + QStringLiteral("/api/v1/files/%1/content").arg(upload.fileId)));
        request.setTransferTimeout(timeoutMs);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/pdf"));
        request.setRawHeader("Authorization", "Bearer " + upload.token.toLatin1());
        request.setRawHeader("If-Match", '"' + QByteArray::number(upload.version) + '"');
        QNetworkReply* reply = managers.back()->put(request, upload.pdf);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&] {
            if (--pending == 0)
                loop.quit();
        });
        replies.append(reply);
    }
    if (pending > 0)
        loop.exec();
    QList<Reply> results;
    for (QNetworkReply* reply : replies) {
        Reply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.json = QJsonDocument::fromJson(result.body).object();
        result.code = result.json.value(QStringLiteral("code")).toString();
        results.append(result);
        delete reply;
    }
    return results;
}

QString sha256Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestServerConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void racingSignersOnTwoServers();
    void twentyConcurrentUploadsLoseNothing();
    void manySignersOfOneFile();
    void groupCommitKeepsEachUploadItsOwn();
    void killedMidUploadKeepsOldVersion();
    void cleanupTestCase();

private:
    // The file's row, its version rows, the stored bytes and a download all agree; returns the version.
    int checkConsistent(const QString& fileId);

    TestServer m_first;
    std::unique_ptr<TestServer> m_second;
    QString m_admin;
    QString m_folder;
    QList<SigningUser> m_users;
    QByteArray m_pdf;
};

void TestServerConcurrency::initTestCase()
{
    const QStringList args = {QStringLiteral("--workers"), QStringLiteral("6")};
    m_admin = startWithAdmin(m_first, args);
    QVERIFY(!m_admin.isEmpty());
    // A second process on the same data directory and database.
    m_second = std::make_unique<TestServer>(&m_first);
    QVERIFY(m_second->start(args));
    for (int i = 0; i < 20; ++i) {
        m_users.append(newUser(m_first, m_admin, QStringLiteral("signer%1@race.example").arg(i)));
        QVERIFY(!m_users.last().token.isEmpty());
    }
    m_folder = createFolder(m_first, m_admin, QStringLiteral("同時実行"));
    QVERIFY(!m_folder.isEmpty());
    m_pdf = minimalPdf();
}

void TestServerConcurrency::cleanupTestCase()
{
    m_second.reset();
}

int TestServerConcurrency::checkConsistent(const QString& fileId)
{
    bool ok = false;
    const QList<QVariantList> row = queryServerDatabase(m_first,
        QStringLiteral(
            "SELECT version, content_sha256, size, signature_count, signed_count FROM files WHERE file_id = ?"),
        {fileId}, &ok);
    if (!ok || row.size() != 1)
        return -1;
    const int version = row.first().at(0).toInt();
    const QString sha = row.first().at(1).toString();
    const qint64 size = row.first().at(2).toLongLong();
    const int signatures = row.first().at(3).toInt();
    const QList<QVariantList> versions = queryServerDatabase(m_first,
        QStringLiteral("SELECT version, content_sha256, size FROM file_versions WHERE file_id = ? ORDER BY version"),
        {fileId}, &ok);
    if (!ok || versions.size() != version || versions.last().at(1).toString() != sha)
        return -2;
    // Every version's bytes are stored (on disk with SQLite, in file_blobs with PostgreSQL), intact, and each is a
    // prefix of the next.
    QByteArray previous;
    for (const QVariantList& v : versions) {
        const QString digest = v.at(1).toString();
        QByteArray bytes;
        if (testDatabaseKind() == QLatin1String("postgresql")) {
            for (const QVariantList& chunk : queryServerDatabase(m_first,
                     QStringLiteral("SELECT bytes FROM file_blobs WHERE content_sha256 = ? ORDER BY chunk_no"),
                     {digest}))
                bytes += chunk.first().toByteArray();
        } else {
            bytes = readAll(m_first.dataDir()
                + QStringLiteral("/files/%1/%2/%3.pdf").arg(digest.left(2), digest.mid(2, 2), digest));
        }
        if (bytes.size() != v.at(2).toLongLong() || sha256Hex(bytes) != digest || !bytes.startsWith(previous))
            return -3;
        previous = bytes;
    }
    if (previous.size() != size)
        return -4;
    // pdfsig finds as many valid signatures as the database counts.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("current.pdf"));
    writeAll(path, previous);
    if (pdfsig(path).all().count(QStringLiteral("Signature is Valid.")) != signatures)
        return -5;
    return version;
}

void TestServerConcurrency::racingSignersOnTwoServers()
{
    for (int round = 0; round < 4; ++round) {
        SigningUser& a = m_users[0];
        SigningUser& b = m_users[1];
        const QString id = registerFile(m_first, m_admin, m_folder, QStringLiteral("競合%1.pdf").arg(round), m_pdf, {},
            {a.account.userId, b.account.userId});
        QVERIFY(!id.isEmpty());
        const QList<Reply> answers = uploadAll({{m_first.baseUrl(), a.token, id, 1, signAs(a, m_pdf)},
            {m_second->baseUrl(), b.token, id, 1, signAs(b, m_pdf)}});
        const int wins = int(answers.at(0).status == 200) + int(answers.at(1).status == 200);
        QCOMPARE(wins, 1);
        const int loserIndex = answers.at(0).status == 200 ? 1 : 0;
        QCOMPARE(answers.at(loserIndex).status, 409);
        QCOMPARE(answers.at(loserIndex).code, QStringLiteral("E3009"));
        // The loser downloads the new version, signs it and uploads: both signatures end up in the file.
        SigningUser& loser = loserIndex == 0 ? a : b;
        TestServer& server = loserIndex == 0 ? m_first : *m_second;
        const Reply current = downloadFile(server, loser.token, id);
        QCOMPARE(versionOf(current), 2);
        const Reply second = uploadSigned(server, loser.token, id, 2, signAs(loser, current.body));
        QVERIFY2(second.status == 200, second.body.constData());
        QCOMPARE(second.json.value(QStringLiteral("file")).toObject().value(QStringLiteral("status")).toString(),
            QStringLiteral("signed"));
        QCOMPARE(checkConsistent(id), 3);
        const Reply final = downloadFile(m_first, a.token, id);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("both.pdf"));
        QVERIFY(writeAll(path, final.body));
        const ToolRun sig = pdfsig(path);
        QCOMPARE(sig.all().count(QStringLiteral("Signature is Valid.")), 2);
        QCOMPARE(qpdfCheck(path).exitCode, 0);
    }
}

void TestServerConcurrency::twentyConcurrentUploadsLoseNothing()
{
    QList<Upload> uploads;
    QStringList ids;
    for (int i = 0; i < 20; ++i) {
        const SigningUser& user = m_users.at(i);
        const QString id = registerFile(
            m_first, m_admin, m_folder, QStringLiteral("一斉%1.pdf").arg(i), m_pdf, {}, {user.account.userId});
        QVERIFY(!id.isEmpty());
        ids.append(id);
        uploads.append({i % 2 ? m_second->baseUrl() : m_first.baseUrl(), user.token, id, 1, signAs(user, m_pdf)});
    }
    const QList<Reply> answers = uploadAll(uploads);
    for (qsizetype i = 0; i < answers.size(); ++i)
        QVERIFY2(answers.at(i).status == 200, answers.at(i).body.constData());
    for (const QString& id : std::as_const(ids))
        QCOMPARE(checkConsistent(id), 2);
    // Every success is in 処理結果, exactly once.
    const Reply trail = m_first.get(
        QStringLiteral("/api/v1/admin/results?action=sign&outcome=ok&limit=500&name=%E4%B8%80%E6%96%89"), m_admin);
    QCOMPARE(trail.json.value(QStringLiteral("total")).toInt(), 20);
}

void TestServerConcurrency::manySignersOfOneFile()
{
    // Eight signers of one file race; each round every one who has not signed yet tries on the version they saw.
    // Exactly one upload per round can win, the others get 409 and retry; at the end all eight are in the file.
    QStringList signerIds;
    for (int i = 0; i < 8; ++i)
        signerIds.append(m_users.at(i).account.userId);
    const QString id = registerFile(m_first, m_admin, m_folder, QStringLiteral("全員署名.pdf"), m_pdf, {}, signerIds);
    QVERIFY(!id.isEmpty());
    QList<int> remaining {0, 1, 2, 3, 4, 5, 6, 7};
    int rounds = 0;
    while (!remaining.isEmpty() && rounds < 20) {
        ++rounds;
        const Reply current = downloadFile(m_first, m_users.at(remaining.first()).token, id);
        const int version = versionOf(current);
        QList<Upload> uploads;
        for (int index : std::as_const(remaining))
            uploads.append({index % 2 ? m_second->baseUrl() : m_first.baseUrl(), m_users.at(index).token, id, version,
                signAs(m_users.at(index), current.body)});
        const QList<Reply> answers = uploadAll(uploads);
        int wins = 0;
        QList<int> next;
        for (qsizetype i = 0; i < answers.size(); ++i) {
            if (answers.at(i).status == 200) {
                ++wins;
            } else {
                QCOMPARE(answers.at(i).code, QStringLiteral("E3009"));
                next.append(remaining.at(i));
            }
        }
        QCOMPARE(wins, 1);
        remaining = next;
    }
    QVERIFY(remaining.isEmpty());
    QCOMPARE(checkConsistent(id), 9);
    const QJsonObject file = m_first.get(QStringLiteral("/api/v1/admin/files/") + id, m_admin)
                                 .json.value(QStringLiteral("file"))
                                 .toObject();
    QCOMPARE(file.value(QStringLiteral("signedCount")).toInt(), 8);
    QCOMPARE(file.value(QStringLiteral("status")).toString(), QStringLiteral("signed"));
}

void TestServerConcurrency::groupCommitKeepsEachUploadItsOwn()
{
    // On SQLite, uploads reaching the commit together share one transaction (the log says "group of N"); inside it,
    // the loser of two uploads on the same version is refused alone and the others commit. All go to one process so
    // that they can meet in one group; a round is repeated (on new files) until one group held several uploads. On
    // PostgreSQL every upload commits its own transaction (the server groups WAL flushes): the same outcome is
    // required.
    const bool grouped = testDatabaseKind() != QLatin1String("postgresql");
    int largestGroup = 0;
    for (int round = 0; round < (grouped ? 4 : 1) && largestGroup < 2; ++round) {
        m_first.log();
        QList<Upload> uploads;
        QStringList alone;
        QStringList raced;
        for (int i = 0; i < 12; ++i) {
            const SigningUser& user = m_users.at(i);
            const QString id = registerFile(m_first, m_admin, m_folder,
                QStringLiteral("一括確定%1-%2.pdf").arg(round).arg(i), m_pdf, {}, {user.account.userId});
            QVERIFY(!id.isEmpty());
            alone.append(id);
            uploads.append({m_first.baseUrl(), user.token, id, 1, signAs(user, m_pdf)});
        }
        // Three pairs of signers racing on version 1 of a file each, in among the others.
        for (int pair = 0; pair < 3; ++pair) {
            const SigningUser& a = m_users.at(12 + 2 * pair);
            const SigningUser& b = m_users.at(13 + 2 * pair);
            const QString id
                = registerFile(m_first, m_admin, m_folder, QStringLiteral("一括競合%1-%2.pdf").arg(round).arg(pair),
                    m_pdf, {}, {a.account.userId, b.account.userId});
            QVERIFY(!id.isEmpty());
            raced.append(id);
            uploads.insert(4 * pair + 1, {m_first.baseUrl(), a.token, id, 1, signAs(a, m_pdf)});
            uploads.insert(4 * pair + 3, {m_first.baseUrl(), b.token, id, 1, signAs(b, m_pdf)});
        }
        const QList<Reply> answers = uploadAll(uploads);
        QHash<QString, int> wins;
        for (qsizetype i = 0; i < answers.size(); ++i) {
            const QString& id = uploads.at(i).fileId;
            if (alone.contains(id)) {
                QVERIFY2(answers.at(i).status == 200, answers.at(i).body.constData());
                ++wins[id];
            } else if (answers.at(i).status == 200) {
                ++wins[id];
            } else {
                QCOMPARE(answers.at(i).status, 409);
                QCOMPARE(answers.at(i).code, QStringLiteral("E3009"));
            }
        }
        for (const QString& id : alone + raced) {
            QCOMPARE(wins.value(id), 1);
            QCOMPARE(checkConsistent(id), 2);
        }
        // Each accepted upload is in 処理結果 once; each refused one as a failure, with the version it signed.
        bool ok = false;
        const QList<QVariantList> trail = queryServerDatabase(m_first,
            QStringLiteral(
                "SELECT outcome, version FROM processing_results WHERE action = 'sign' AND file_name LIKE ?"),
            {QString(QStringLiteral("一括%") + QString::number(round) + QStringLiteral("-%"))}, &ok);
        QVERIFY(ok);
        int accepted = 0;
        int refused = 0;
        for (const QVariantList& row : trail) {
            const bool success = row.at(0).toString() == QLatin1String("ok");
            QCOMPARE(row.at(1).toInt(), success ? 2 : 1);
            ++(success ? accepted : refused);
        }
        QCOMPARE(accepted, 15);
        QCOMPARE(refused, 3);
        const QByteArray log = m_first.log();
        static const QRegularExpression group(QStringLiteral("group of (\\d+)"));
        for (auto it = group.globalMatch(QString::fromUtf8(log)); it.hasNext();)
            largestGroup = std::max(largestGroup, it.next().captured(1).toInt());
    }
    if (grouped)
        QVERIFY2(largestGroup >= 2, "no two uploads were ever committed in one group");
}

void TestServerConcurrency::killedMidUploadKeepsOldVersion()
{
    // A large document, so that an upload takes long enough to be cut at different stages: while the body
    // arrives, while the server inspects it, while it writes the new version.
    QTemporaryDir dir;
    const QString large = dir.filePath(QStringLiteral("large.pdf"));
    QVERIFY(writeLargePdf(large, 12 << 20));
    const QByteArray original = readAll(large);
    QStringList signerIds;
    for (int i = 0; i < 10; ++i)
        signerIds.append(m_users.at(i).account.userId);
    const QString id = registerFile(m_first, m_admin, m_folder, QStringLiteral("大容量.pdf"), original, {}, signerIds);
    QVERIFY(!id.isEmpty());
    m_second->stop();

    // One upload uncut, to learn how long the whole takes on this machine; then cuts spread over that time.
    int signer = 0;
    qint64 fullMs = 0;
    // Most cuts near the end, where the server inspects, writes and commits (the body arrives first).
    QList<double> fractions {-1.0, 0.05, 0.3, 0.5, 0.65, 0.75, 0.85, 0.92, 1.0, 1.5};
    int committed = 0;
    for (const double fraction : fractions) {
        const int before = checkConsistent(id);
        QVERIFY2(before > 0, qPrintable(QString::number(before)));
        const Reply current = downloadFile(m_first, m_users.at(signer).token, id);
        QCOMPARE(versionOf(current), before);
        const QByteArray signedPdf = signAs(m_users.at(signer), current.body);
        QVERIFY(!signedPdf.isEmpty());

        // curl as the client: it streams the body fast, so the cuts also land in the server's own work.
        const QString body = dir.filePath(QStringLiteral("signed.pdf"));
        QVERIFY(writeAll(body, signedPdf));
        QProcess curl;
        curl.start(QStringLiteral("curl"),
            {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                QStringLiteral("%{http_code}"), QStringLiteral("-X"), QStringLiteral("PUT"), QStringLiteral("-H"),
                QStringLiteral("Content-Type: application/pdf"), QStringLiteral("-H"), QStringLiteral("Expect:"),
                QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + m_users.at(signer).token,
                QStringLiteral("-H"), QStringLiteral("If-Match: \"%1\"").arg(before), QStringLiteral("--data-binary"),
                QLatin1Char('@') + body, m_first.baseUrl() + QStringLiteral("/api/v1/files/%1/content").arg(id)});
        QVERIFY(curl.waitForStarted(5000));
        QElapsedTimer timer;
        timer.start();
        const int delayMs = fraction < 0 ? 0 : int(fraction * double(fullMs));
        if (fraction < 0) {
            QVERIFY(curl.waitForFinished(60000));
            fullMs = timer.elapsed();
        } else if (fraction > 1.0) {
            // The last cut comes after the answer, whatever the machine's load: it must find the commit done.
            QVERIFY(curl.waitForFinished(60000));
            m_first.kill();
        } else {
            QTest::qWait(delayMs);
            m_first.kill();
            QVERIFY(curl.state() == QProcess::NotRunning || curl.waitForFinished(10000));
        }
        const bool answered = curl.readAllStandardOutput() == "200";
        if (fraction < 0) {
            QVERIFY(answered);
            QCOMPARE(checkConsistent(id), before + 1);
            signer = (signer + 1) % 10;
            qInfo("uncut upload of %lld bytes: %lld ms", qint64(signedPdf.size()), fullMs);
            continue;
        }

        QVERIFY(m_first.start({QStringLiteral("--workers"), QStringLiteral("6")}));
        const int after = checkConsistent(id);
        // Either untouched or completely the new version; an answer of success always means committed.
        QVERIFY2(after == before || after == before + 1, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
        if (answered)
            QCOMPARE(after, before + 1);
        const Reply download = downloadFile(m_first, m_users.at(signer).token, id);
        QCOMPARE(download.body, after == before ? current.body : signedPdf);
        if (after == before + 1) {
            ++committed;
            signer = (signer + 1) % 10;
        }
        qInfo("killed after %d ms: version %d -> %d%s", delayMs, before, after, answered ? " (answered)" : "");
    }
    // The cuts hit both sides of the commit: the last one always after it, the early ones (5 % of the uncut time)
    // before it on a machine of any speed.
    QVERIFY(committed >= 1);
    QVERIFY(committed < fractions.size() - 1);
    // The old bytes were never touched: version 1 is still the registered document.
    QCOMPARE(
        m_first.request("GET", QStringLiteral("/api/v1/admin/files/%1/versions/1/content").arg(id), {}, m_admin).body,
        original);
    QVERIFY(m_second->start({QStringLiteral("--workers"), QStringLiteral("6")}));
}

QTEST_GUILESS_MAIN(TestServerConcurrency)
#include "tst_server_concurrency.moc"
