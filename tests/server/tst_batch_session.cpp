// core's BatchSession (the one batch pipeline of the desktop and the CLI) against the real server: transfers in
// flight bounded, each file signed or untouched, a cancel made deterministic by holding the uploads at the source,
// a wrong PIN that changes nothing, a refusal in the middle that leaves the others, and downloads for signing that
// are not a 閲覧 in 処理結果.
#include "FileSteps.h"
#include "HeldUploads.h"
#include "PdfFixtures.h"
#include "TestSupport.h"
#include "client/ApiClient.h"
#include "client/BatchSession.h"
#include "client/ServerBatchSource.h"
#include "crypto/KeyStore.h"

#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::test;
using client::BatchSession;

using Source = test::HeldUploads<client::ServerBatchSource>;

class TestBatchSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void signsEveryFileWithTransfersInFlight();
    void cancelMeetsHeldUploads();
    void wrongPinChangesNothing();
    void refusalInTheMiddleLeavesTheOthers();
    void downloadForSigningIsNotAView();

private:
    // `count` new files for the user alone in a new folder; their IDs.
    QStringList newFiles(const QString& folderName, int count, const QStringList& signers = {});
    QList<client::BatchFile> batchFiles(const QStringList& ids) const;
    // Runs `session` from check() to finished() with `pin`; false if the unlock failed.
    bool runToEnd(BatchSession& session, const QString& pin);
    QList<QVariantList> resultRows(const QString& action);

    TestServer m_server;
    QString m_adminToken;
    SigningUser m_user;
    SigningUser m_second;
    QTemporaryDir m_dir;
    QString m_keyStore;
    const QString m_pin = QStringLiteral("Batch2024");
    std::unique_ptr<client::ApiClient> m_client;
    int m_folders = 0;
};

void TestBatchSession::initTestCase()
{
    // B-B keeps the test on the pipeline; the levels have their own tests (tst_server_tsa, the UI server flow).
    m_adminToken = startWithAdmin(m_server, {QStringLiteral("--level"), QStringLiteral("B-B")});
    QVERIFY(!m_adminToken.isEmpty());
    m_user = newUser(m_server, m_adminToken, QStringLiteral("batch@session.example"));
    m_second = newUser(m_server, m_adminToken, QStringLiteral("second@session.example"));
    QVERIFY(!m_user.token.isEmpty() && !m_second.token.isEmpty());
    m_keyStore = m_dir.filePath(QStringLiteral("batch.p12"));
    QVERIFY(
        KeyStore::create(m_keyStore, *m_user.key, {m_user.certificate, m_user.ca}, SecureBuffer::fromString(m_pin)));
    m_client = std::make_unique<client::ApiClient>(QUrl(m_server.baseUrl()));
    m_client->setSessionToken(m_user.token);
}

QStringList TestBatchSession::newFiles(const QString& folderName, int count, const QStringList& signers)
{
    const QString folder = createFolder(m_server, m_adminToken, folderName + QString::number(++m_folders));
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        ids.append(registerFile(m_server, m_adminToken, folder, QStringLiteral("書類%1.pdf").arg(i), minimalPdf(), {},
            signers.isEmpty() ? QStringList {m_user.account.userId} : signers));
        if (ids.last().isEmpty())
            return {};
    }
    return ids;
}

QList<client::BatchFile> TestBatchSession::batchFiles(const QStringList& ids) const
{
    QList<client::BatchFile> files;
    for (const QString& id : ids)
        files.append({id, id, true, false, true});
    return files;
}

bool TestBatchSession::runToEnd(BatchSession& session, const QString& pin)
{
    QSignalSpy checked(&session, &BatchSession::checked);
    session.check();
    if (!checked.wait(60000))
        return false;
    QSignalSpy finished(&session, &BatchSession::finished);
    bool failed = false;
    connect(&session, &BatchSession::unlockFailed, this, [&failed] { failed = true; });
    SignatureOptions options;
    options.signingTime = QDateTime::currentDateTimeUtc();
    session.sign(m_keyStore, SecureBuffer::fromString(pin), options);
    QElapsedTimer clock;
    clock.start();
    while (finished.isEmpty() && !failed && clock.elapsed() < 120000)
        QTest::qWait(20);
    return !finished.isEmpty();
}

QList<QVariantList> TestBatchSession::resultRows(const QString& action)
{
    return queryServerDatabase(m_server,
        QStringLiteral("SELECT file_id, outcome FROM processing_results WHERE user_id = ? AND action = ?"),
        {m_user.account.userId, action});
}

void TestBatchSession::signsEveryFileWithTransfersInFlight()
{
    const QStringList ids = newFiles(QStringLiteral("並行"), 12);
    QCOMPARE(ids.size(), 12);
    Source source(m_client.get());
    BatchSession::Options options;
    options.transfersInFlight = 3;
    BatchSession session(&source, batchFiles(ids), options);
    QVERIFY(runToEnd(session, m_pin));
    QCOMPARE(session.countIn(BatchSession::Stage::Done), 12);
    QVERIFY(session.pendingFileIds().isEmpty());
    // Downloaded with purpose=sign: the user's 処理結果 has the twelve signatures and no 閲覧.
    QVERIFY(resultRows(QStringLiteral("view")).isEmpty());
    QCOMPARE(resultRows(QStringLiteral("sign")).size(), 12);
    // Bounded, and actually parallel: three transfers at a time, never more.
    QCOMPARE(source.downloads, 12);
    QCOMPARE(source.maxDownloadsInFlight, 3);
    QCOMPARE(source.uploads, 12);
    QVERIFY2(source.maxUploadsInFlight <= 3 && source.maxUploadsInFlight >= 1,
        qPrintable(QString::number(source.maxUploadsInFlight)));
    for (int i = 0; i < ids.size(); ++i) {
        QCOMPARE(session.file(i).after, api::SignatureStatus::Signed);
        QVERIFY(session.file(i).download.localPath.isEmpty()); // the private copy is gone
        const Reply file = downloadFile(m_server, m_user.token, ids.at(i));
        QCOMPARE(versionOf(file), 2);
        if (i == 0) {
            const QString path = m_dir.filePath(QStringLiteral("first.pdf"));
            QVERIFY(writeAll(path, file.body));
            const ToolRun check = pdfsig(path);
            QVERIFY2(check.all().contains(QStringLiteral("Signature is Valid")), qPrintable(check.all()));
        }
    }
}

// Twelve files, three uploads in flight, all three held at the source: a cancel then leaves exactly the nine that
// were waiting for their turn, and the three already sent finish as the server answers them.
void TestBatchSession::cancelMeetsHeldUploads()
{
    const QStringList ids = newFiles(QStringLiteral("取消"), 12);
    QCOMPARE(ids.size(), 12);
    Source source(m_client.get());
    source.holdUploads = true;
    BatchSession::Options options;
    options.transfersInFlight = 3;
    BatchSession session(&source, batchFiles(ids), options);
    QSignalSpy checked(&session, &BatchSession::checked);
    session.check();
    QVERIFY(checked.wait(60000));
    QSignalSpy finished(&session, &BatchSession::finished);
    SignatureOptions signature;
    signature.signingTime = QDateTime::currentDateTimeUtc();
    session.sign(m_keyStore, SecureBuffer::fromString(m_pin), signature);
    // Every file signed; three uploads sent (and held), nine waiting for a slot.
    QTRY_COMPARE_WITH_TIMEOUT(session.countIn(BatchSession::Stage::Uploading), 12, 60000);
    QCOMPARE(source.heldCount(), 3);
    session.cancel();
    QCOMPARE(session.countIn(BatchSession::Stage::Cancelled), 9);
    QVERIFY(finished.isEmpty()); // the three sent are still under way
    source.release();
    QVERIFY(finished.wait(30000));
    QCOMPARE(session.countIn(BatchSession::Stage::Done), 3);
    QCOMPARE(session.countIn(BatchSession::Stage::Cancelled), 9);
    QCOMPARE(source.uploads, 3); // nothing was sent after the cancel
    QCOMPARE(session.pendingFileIds().size(), 9);
    for (int i = 0; i < ids.size(); ++i) {
        const Reply file = downloadFile(m_server, m_user.token, ids.at(i));
        if (session.file(i).stage == BatchSession::Stage::Done) {
            QCOMPARE(versionOf(file), 2);
        } else {
            QCOMPARE(session.file(i).error.code, ErrorCode::Cancelled);
            QCOMPARE(versionOf(file), 1);
            QCOMPARE(file.body, minimalPdf());
        }
    }
}

void TestBatchSession::wrongPinChangesNothing()
{
    const QStringList ids = newFiles(QStringLiteral("暗証"), 3);
    QCOMPARE(ids.size(), 3);
    Source source(m_client.get());
    BatchSession session(&source, batchFiles(ids));
    QSignalSpy checked(&session, &BatchSession::checked);
    session.check();
    QVERIFY(checked.wait(60000));
    std::optional<Error> unlockError;
    connect(&session, &BatchSession::unlockFailed, this, [&](const Error& error) { unlockError = error; });
    QSignalSpy started(&session, &BatchSession::signingStarted);
    session.sign(m_keyStore, SecureBuffer::fromString(QStringLiteral("Wrong2024")), {});
    QTRY_VERIFY_WITH_TIMEOUT(unlockError.has_value(), 30000);
    QCOMPARE(unlockError->code, ErrorCode::PinWrong);
    QCOMPARE(started.count(), 0);
    QCOMPARE(session.countIn(BatchSession::Stage::Waiting), 3);
    QCOMPARE(source.uploads, 0);
    // The right PIN afterwards signs them all.
    QSignalSpy finished(&session, &BatchSession::finished);
    session.sign(m_keyStore, SecureBuffer::fromString(m_pin), {});
    QVERIFY(finished.wait(60000));
    QCOMPARE(session.countIn(BatchSession::Stage::Done), 3);
}

// A co-signer signs one file between our download and our upload: that file alone is refused (E3009, settled: a
// resume would not retry it blindly), the others are signed.
void TestBatchSession::refusalInTheMiddleLeavesTheOthers()
{
    const QStringList ids = newFiles(QStringLiteral("競合"), 5, {m_user.account.userId, m_second.account.userId});
    QCOMPARE(ids.size(), 5);
    Source source(m_client.get());
    BatchSession session(&source, batchFiles(ids));
    QSignalSpy checked(&session, &BatchSession::checked);
    session.check();
    QVERIFY(checked.wait(60000));
    const Reply original = downloadFile(m_server, m_second.token, ids.at(2));
    QCOMPARE(uploadSigned(m_server, m_second.token, ids.at(2), 1, signAs(m_second, original.body)).status, 200);
    QSignalSpy finished(&session, &BatchSession::finished);
    session.sign(m_keyStore, SecureBuffer::fromString(m_pin), {});
    QVERIFY(finished.wait(60000));
    QCOMPARE(session.countIn(BatchSession::Stage::Done), 4);
    QCOMPARE(session.file(2).stage, BatchSession::Stage::Failed);
    QCOMPARE(session.file(2).error.code, ErrorCode::VersionConflict);
    QVERIFY(session.pendingFileIds().isEmpty());
    QCOMPARE(session.file(0).after, api::SignatureStatus::Signing); // the co-signer is still to sign those
}

void TestBatchSession::downloadForSigningIsNotAView()
{
    // A viewer may not fetch unrecorded: E3004, and nothing in anyone's trail.
    const QString folder = createFolder(m_server, m_adminToken, QStringLiteral("参照のみ"));
    const QString viewOnly = registerFile(
        m_server, m_adminToken, folder, QStringLiteral("参照.pdf"), minimalPdf(), {m_user.account.userId}, {});
    QVERIFY(!viewOnly.isEmpty());
    const QString path = api::apiPrefix() + QStringLiteral("/files/") + viewOnly + QStringLiteral("/content");
    const Reply refused = m_server.request("GET", path + QStringLiteral("?purpose=sign"), {}, m_user.token);
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.code, QStringLiteral("E3004"));
    QCOMPARE(m_server.request("GET", path + QStringLiteral("?purpose=peek"), {}, m_user.token).status, 400);
    const auto viewsOf = [&] {
        int views = 0;
        for (const QVariantList& row : resultRows(QStringLiteral("view")))
            views += row.value(0).toString() == viewOnly ? 1 : 0;
        return views;
    };
    QCOMPARE(viewsOf(), 0);
    // The same file viewed: one 閲覧.
    QCOMPARE(m_server.request("GET", path, {}, m_user.token).status, 200);
    QCOMPARE(viewsOf(), 1);
}

QTEST_GUILESS_MAIN(TestBatchSession)
#include "tst_batch_session.moc"
