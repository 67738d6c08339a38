// core's ApiClient against the real server: every file, folder and 処理結果 call the desktop app will make,
// including a batch-signing round (download → sign → upload) and the version conflict a stale upload meets.
#include "FileSteps.h"
#include "PdfFixtures.h"
#include "TestSupport.h"
#include "client/ApiClient.h"

#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::test;
using client::ApiClient;
using client::waitFor;

class TestServerApiClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void administratorCalls();
    void myPageAndSigning();
    void resultsAndCsv();

private:
    TestServer m_server;
    QString m_adminToken;
    SigningUser m_user;
    SigningUser m_other;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<ApiClient> m_client;
    QString m_folderId;
    QString m_fileId;
};

void TestServerApiClient::initTestCase()
{
    m_adminToken = startWithAdmin(m_server);
    QVERIFY(!m_adminToken.isEmpty());
    m_user = newUser(m_server, m_adminToken, QStringLiteral("client@api.example"));
    m_other = newUser(m_server, m_adminToken, QStringLiteral("other@api.example"));
    QVERIFY(!m_user.token.isEmpty() && !m_other.token.isEmpty());
    m_admin = std::make_unique<ApiClient>(QUrl(m_server.baseUrl()));
    m_admin->setSessionToken(m_adminToken);
    m_client = std::make_unique<ApiClient>(QUrl(m_server.baseUrl()));
    m_client->setSessionToken(m_user.token);
    m_client->setUserAgent(QByteArrayLiteral("Ikkatsu/0.1.0 (desktop; test)"));
}

void TestServerApiClient::administratorCalls()
{
    auto folder = waitFor(m_admin->createFolder(QStringLiteral("100%資料_2025")));
    QVERIFY(folder.ok());
    m_folderId = folder->folderId;
    auto again = waitFor(m_admin->createFolder(QStringLiteral("100%資料_2025")));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::DuplicateFileName);
    // The same call as a user is refused.
    auto notAdmin = waitFor(m_client->createFolder(QStringLiteral("mine")));
    QCOMPARE(notAdmin.error().code, ErrorCode::AdminOnly);

    api::NewFile file;
    file.name = QStringLiteral("報告書_最終.pdf");
    file.content = minimalPdf();
    file.signers = {m_other.account.userId, m_user.account.userId};
    file.signOrdered = false;
    api::NewFile bad = file;
    bad.name = QStringLiteral("../x.pdf");
    auto outcomes = waitFor(m_admin->registerFiles(m_folderId, {file, bad}));
    QVERIFY(outcomes.ok());
    QCOMPARE(outcomes->size(), 2);
    QVERIFY(outcomes->at(0).file.has_value());
    QVERIFY(!outcomes->at(1).file.has_value());
    QCOMPARE(outcomes->at(1).code, ErrorCode::FileNameInvalid);
    m_fileId = outcomes->at(0).file->fileId;
    QCOMPARE(outcomes->at(0).file->requiredSigners, 2);

    auto folders = waitFor(m_admin->folders());
    QVERIFY(folders.ok());
    QCOMPARE(folders->size(), 1);
    QCOMPARE(folders->first().fileCount, 1);
    auto all = waitFor(m_admin->adminFiles(m_folderId, 0, 50));
    QVERIFY(all.ok());
    QCOMPARE(all->total, 1);
    auto detail = waitFor(m_admin->adminFileDetail(m_fileId));
    QVERIFY(detail.ok());
    QCOMPARE(detail->signers.size(), 2);
    QCOMPARE(detail->signers.first().userId, m_other.account.userId);
    auto noFolder = waitFor(m_admin->registerFiles(QStringLiteral("dmissing"), {file}));
    QCOMPARE(noFolder.error().code, ErrorCode::FolderNotFound);
}

void TestServerApiClient::myPageAndSigning()
{
    api::FileListFilter filter;
    filter.myStatus = api::MyStatus::Unprocessed;
    filter.target = api::FileListFilter::Target::Sign;
    filter.signatureStatus = api::SignatureStatus::Unsigned;
    filter.folderName = QStringLiteral("100%資料_");
    filter.fileName = QStringLiteral("報告書_");
    filter.registeredFrom = QDate::currentDate().addMonths(-3);
    filter.registeredTo = QDate::currentDate().addDays(1);
    filter.sort = api::FileListFilter::Sort::Name;
    filter.descending = false;
    auto page = waitFor(m_client->listFiles(filter));
    QVERIFY2(page.ok(), page.ok() ? "" : qPrintable(page.error().detail));
    QCOMPARE(page->total, 1);
    QCOMPARE(page->files.first().fileId, m_fileId);
    QCOMPARE(page->files.first().myPermission, api::Permission::Sign);
    QVERIFY(page->files.first().myTurn);
    filter.fileName = QStringLiteral("報告書%");
    auto none = waitFor(m_client->listFiles(filter));
    QVERIFY(none.ok());
    QCOMPARE(none->total, 0);
    QVERIFY(none->files.isEmpty());

    // Both signers download version 1; the other one uploads first, so ours is stale: E3009, then re-sign.
    auto mine = waitFor(m_client->downloadFile(m_fileId));
    QVERIFY(mine.ok());
    QCOMPARE(mine->version, 1);
    QCOMPARE(uploadSigned(m_server, m_other.token, m_fileId, 1, signAs(m_other, mine->bytes)).status, 200);
    auto stale = waitFor(m_client->uploadSignedFile(m_fileId, mine->version, signAs(m_user, mine->bytes)));
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().code, ErrorCode::VersionConflict);
    auto fresh = waitFor(m_client->downloadFile(m_fileId));
    QVERIFY(fresh.ok());
    QCOMPARE(fresh->version, 2);
    auto accepted = waitFor(m_client->uploadSignedFile(m_fileId, fresh->version, signAs(m_user, fresh->bytes)));
    QVERIFY2(accepted.ok(), accepted.ok() ? "" : qPrintable(accepted.error().codeText()));
    QCOMPARE(accepted->version, 3);
    QCOMPARE(accepted->status, api::SignatureStatus::Signed);
    QCOMPARE(accepted->myStatus, api::MyStatus::Processed);
    QCOMPARE(accepted->signatureCount, 2);
    auto detail = waitFor(m_client->fileDetail(m_fileId));
    QVERIFY(detail.ok());
    QCOMPARE(detail->signers.size(), 2);
    QVERIFY(detail->signers.at(0).hasSigned && detail->signers.at(1).hasSigned);
    auto missing = waitFor(m_client->fileDetail(QStringLiteral("fnothing")));
    QCOMPARE(missing.error().code, ErrorCode::FileNotFound);
}

void TestServerApiClient::resultsAndCsv()
{
    api::ResultFilter filter;
    filter.action = api::ProcessingResult::Action::Sign;
    auto mine = waitFor(m_client->results(filter));
    QVERIFY(mine.ok());
    QCOMPARE(mine->total, 2);
    QCOMPARE(mine->results.at(0).succeeded, true);
    QCOMPARE(mine->results.at(1).errorCode, QStringLiteral("E3009"));
    QCOMPARE(mine->results.at(0).client, QStringLiteral("Ikkatsu/0.1.0 (desktop; test)"));
    auto csv = waitFor(m_client->resultsCsv(filter));
    QVERIFY(csv.ok());
    QVERIFY(csv->startsWith("\xEF\xBB\xBF"));
    QCOMPARE(csv->count("\r\n"), 3);
    api::ResultFilter everyone;
    everyone.userId = m_other.account.userId;
    auto theirs = waitFor(m_admin->allResults(everyone));
    QVERIFY(theirs.ok());
    QCOMPARE(theirs->total, 1);
    auto allCsv = waitFor(m_admin->allResultsCsv(api::ResultFilter()));
    QVERIFY(allCsv.ok());
    QVERIFY(allCsv->contains("報告書_最終.pdf"));
    // A user asking for everyone's trail is refused.
    auto refused = waitFor(m_client->allResults(everyone));
    QCOMPARE(refused.error().code, ErrorCode::AdminOnly);
}

QTEST_GUILESS_MAIN(TestServerApiClient)
#include "tst_server_apiclient.moc"
