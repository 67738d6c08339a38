// The CLI's client side against the real server: log in with password and mailed OTP, run the certificate setup
// into a local key store, and check the store with the openssl tool.
#include "FileSteps.h"
#include "LoginSteps.h"
#include "PdfFixtures.h"
#include "ServerHarness.h"
#include "TestSigner.h"
#include "TestSupport.h"
#include "crypto/KeyStore.h"
#include "pdf/PdfSigner.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::test;

class TestCliAccount : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void certificateSetupCreatesKeyStore();
    void batchSignsEveryFileWaitingForMe();
    void mismatchedPinWritesNothing();
    void wrongOtpIsReported();

private:
    // Runs the CLI, feeding the password first and the OTP once its mail is in the outbox, then `pins`.
    ToolRun runCli(const QStringList& args, const QString& password, bool wrongOtp, const QList<QByteArray>& pins);

    TestServer m_server;
    QTemporaryDir m_dir;
    TestUser m_user;
    QString m_adminToken;
};

void TestCliAccount::initTestCase()
{
    QVERIFY(m_server.initAdmin(
        QStringLiteral("admin"), QStringLiteral("admin-password-1"), QStringLiteral("admin@example.test")));
    QVERIFY(m_server.start());
    const QString adminToken = fullLogin(
        m_server, QStringLiteral("admin"), QStringLiteral("admin-password-1"), QStringLiteral("admin@example.test"));
    m_adminToken = adminToken;
    m_user
        = registerUser(m_server, adminToken, QStringLiteral("admin@example.test"), QStringLiteral("cli@example.test"));
    QVERIFY(!m_user.password.isEmpty());
}

ToolRun TestCliAccount::runCli(
    const QStringList& args, const QString& password, bool wrongOtp, const QList<QByteArray>& pins)
{
    ToolRun run;
    QProcess process;
    // The manual's Japanese wording is what this test reads back.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("IKKATSU_LANGUAGE"), QStringLiteral("ja"));
    process.setProcessEnvironment(environment);
    process.start(test::builtBinary(QStringLiteral("ikkatsu-cli")), args);
    if (!process.waitForStarted(5000))
        return run;
    run.started = true;
    if (!password.isEmpty()) {
        const int mailsBefore = static_cast<int>(m_server.outboxMails().size());
        process.write(password.toUtf8() + '\n');
        QElapsedTimer timer;
        timer.start();
        while (m_server.outboxMails().size() == mailsBefore && timer.elapsed() < 10000
            && process.state() == QProcess::Running)
            process.waitForFinished(50);
        const QString otp = newestOtpFor(m_server, m_user.email);
        process.write(
            (wrongOtp ? QString::number((otp.toInt() + 1) % 1000000).rightJustified(6, QLatin1Char('0')) : otp).toUtf8()
            + '\n');
    }
    for (const QByteArray& pin : pins)
        process.write(pin + '\n');
    process.closeWriteChannel();
    process.waitForFinished(60000);
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

void TestCliAccount::certificateSetupCreatesKeyStore()
{
    const QString keyStore = m_dir.filePath(QStringLiteral("signing.p12"));
    const QString session = m_dir.filePath(QStringLiteral("session.json"));
    const ToolRun run = runCli({QStringLiteral("certificate-setup"), QStringLiteral("--server"), m_server.baseUrl(),
                                   QStringLiteral("--user"), m_user.userId, QStringLiteral("--password-stdin"),
                                   QStringLiteral("--otp-stdin"), QStringLiteral("--pin-stdin"),
                                   QStringLiteral("--key-store"), keyStore, QStringLiteral("--session-file"), session},
        m_user.password, false, {"Abc123xyz", "Abc123xyz"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    const QString output = QString::fromUtf8(run.out);
    QVERIFY(output.contains(QStringLiteral("証明書シリアルナンバー")));
    QVERIFY(output.contains(QStringLiteral("CN:発行対象者\t\tTest User")));
    QVERIFY(output.contains(QStringLiteral("署名用暗証コードの登録 完了")));
    QVERIFY(!output.contains(QStringLiteral("Abc123xyz")));
    QVERIFY(!run.all().contains(m_user.password));

    // Mode 0600: nothing for group (0x00f0) or others (0x000f).
    for (const QString& path : {keyStore, session}) {
        const QFileDevice::Permissions permissions = QFileInfo(path).permissions();
        QCOMPARE(int(permissions & 0x00ff), 0);
        QVERIFY(permissions.testFlag(QFileDevice::ReadOwner) && permissions.testFlag(QFileDevice::WriteOwner));
    }

    auto store = KeyStore::open(keyStore, SecureBuffer(std::string_view("Abc123xyz")));
    QVERIFY(store.ok());
    QCOMPARE(store->chain().size(), 2);
    QCOMPARE(store->certificate().subject().commonName, QStringLiteral("Test User"));
    QVERIFY(store->certificate().matchesKey(store->key()));
    QCOMPARE(KeyStore::open(keyStore, SecureBuffer(std::string_view("Wrong1234"))).error().code, ErrorCode::PinWrong);

    // Independently: openssl reads the store with the PIN, and the certificate chains to the server's CA.
    const QString certificatePem = m_dir.filePath(QStringLiteral("from-store.pem"));
    QVERIFY(writeAll(certificatePem, store->certificate().toPem()));
    const QString caPem = m_dir.filePath(QStringLiteral("ca.pem"));
    QVERIFY(writeAll(caPem, store->chain().at(1).toPem()));
    const ToolRun verify = runTool(
        QStringLiteral("openssl"), {QStringLiteral("verify"), QStringLiteral("-CAfile"), caPem, certificatePem});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.all()));
    const Reply ca = m_server.get(QStringLiteral("/api/v1/ca/certificate"));
    QCOMPARE(store->chain().at(1).toDer(), ca.body);
    const ToolRun pkcs12 = runTool(QStringLiteral("openssl"),
        {QStringLiteral("pkcs12"), QStringLiteral("-in"), keyStore, QStringLiteral("-passin"),
            QStringLiteral("pass:Abc123xyz"), QStringLiteral("-noout")});
    QVERIFY2(pkcs12.exitCode == 0, qPrintable(pkcs12.all()));
}

// `ikkatsu-cli batch` (after certificateSetupCreatesKeyStore): a wrong PIN uploads nothing; the right one signs every
// file waiting for the user, and only those, each valid under pdfsig on the server.
void TestCliAccount::batchSignsEveryFileWaitingForMe()
{
    const QString keyStore = m_dir.filePath(QStringLiteral("signing.p12"));
    const QString session = m_dir.filePath(QStringLiteral("session.json"));
    QVERIFY(QFileInfo::exists(keyStore));
    const QString folder = createFolder(m_server, m_adminToken, QStringLiteral("一括"));
    QVERIFY(!folder.isEmpty());
    QStringList mine;
    for (int i = 0; i < 4; ++i) {
        const QString id = registerFile(
            m_server, m_adminToken, folder, QStringLiteral("契約%1.pdf").arg(i), minimalPdf(), {}, {m_user.userId});
        QVERIFY(!id.isEmpty());
        mine.append(id);
    }
    const QString viewOnly
        = registerFile(m_server, m_adminToken, folder, QStringLiteral("参照.pdf"), minimalPdf(), {m_user.userId}, {});
    QVERIFY(!viewOnly.isEmpty());
    // Certified by its sender with "no changes allowed": the pre-flight refuses it before the PIN, the rest signs.
    TestSigner sender;
    QVERIFY(sender.create(QStringLiteral("Sender")));
    const QString plain = m_dir.filePath(QStringLiteral("plain.pdf"));
    const QString certified = m_dir.filePath(QStringLiteral("certified.pdf"));
    QVERIFY(writeAll(plain, minimalPdf()));
    SignatureOptions certify;
    certify.certify = 1;
    QVERIFY(PdfSigner::signFile(plain, certified, *sender.signer, certify));
    const QString locked = registerFile(
        m_server, m_adminToken, folder, QStringLiteral("確定済.pdf"), readAll(certified), {}, {m_user.userId});
    QVERIFY(!locked.isEmpty());
    const QStringList args {QStringLiteral("batch"), QStringLiteral("--server"), m_server.baseUrl(),
        QStringLiteral("--key-store"), keyStore, QStringLiteral("--pin-stdin"), QStringLiteral("--session-file"),
        session};

    // The CLI's own session (from the certificate setup) reads the files back as the user.
    const QString userToken
        = QJsonDocument::fromJson(readAll(session)).object().value(QStringLiteral("token")).toString();
    QVERIFY(!userToken.isEmpty());

    const ToolRun wrong = runCli(args, {}, false, {"Wrong1234"});
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.all().contains(QStringLiteral("E2003")), qPrintable(wrong.all()));
    for (const QString& id : mine)
        QCOMPARE(versionOf(downloadFile(m_server, userToken, id)), 1);

    const ToolRun run = runCli(args, {}, false, {"Abc123xyz"});
    QVERIFY2(run.exitCode == 1, qPrintable(run.all()));
    QVERIFY2(run.all().contains(QStringLiteral("署名 4 件、失敗 1 件")), qPrintable(run.all()));
    QVERIFY2(run.all().contains(QStringLiteral("確定済.pdf: E4005")), qPrintable(run.all()));
    QCOMPARE(versionOf(downloadFile(m_server, userToken, locked)), 1);
    for (const QString& id : mine) {
        const Reply signedFile = downloadFile(m_server, userToken, id);
        QCOMPARE(versionOf(signedFile), 2);
        const QString path = m_dir.filePath(QStringLiteral("signed.pdf"));
        QVERIFY(writeAll(path, signedFile.body));
        const ToolRun check = pdfsig(path);
        QVERIFY2(check.all().contains(QStringLiteral("Signature is Valid")), qPrintable(check.all()));
    }
    QCOMPARE(versionOf(downloadFile(m_server, userToken, viewOnly)), 1);
    // Only the locked file is left: refused again, and no PIN is read (an empty one would be E2003).
    const ToolRun again = runCli(args, {}, false, {});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.all().contains(QStringLiteral("確定済.pdf: E4005")), qPrintable(again.all()));
    QVERIFY2(!again.all().contains(QStringLiteral("E2003")), qPrintable(again.all()));
}

void TestCliAccount::mismatchedPinWritesNothing()
{
    // Reuses the saved session: no password or OTP this time.
    const QString keyStore = m_dir.filePath(QStringLiteral("second.p12"));
    const ToolRun run = runCli({QStringLiteral("certificate-setup"), QStringLiteral("--server"), m_server.baseUrl(),
                                   QStringLiteral("--pin-stdin"), QStringLiteral("--key-store"), keyStore,
                                   QStringLiteral("--session-file"), m_dir.filePath(QStringLiteral("session.json"))},
        QString(), false, {"Abc123xyz", "Abc123xyZ"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.all().contains(QStringLiteral("E2002")), qPrintable(run.all()));
    QVERIFY(!QFileInfo::exists(keyStore));
    const ToolRun shortPin
        = runCli({QStringLiteral("certificate-setup"), QStringLiteral("--server"), m_server.baseUrl(),
                     QStringLiteral("--pin-stdin"), QStringLiteral("--key-store"), keyStore,
                     QStringLiteral("--session-file"), m_dir.filePath(QStringLiteral("session.json"))},
            QString(), false, {"12345", "12345"});
    QVERIFY2(shortPin.all().contains(QStringLiteral("E2001")), qPrintable(shortPin.all()));
    QVERIFY(!QFileInfo::exists(keyStore));
}

void TestCliAccount::wrongOtpIsReported()
{
    const ToolRun run
        = runCli({QStringLiteral("login"), QStringLiteral("--server"), m_server.baseUrl(), QStringLiteral("--user"),
                     m_user.userId, QStringLiteral("--password-stdin"), QStringLiteral("--otp-stdin"),
                     QStringLiteral("--session-file"), m_dir.filePath(QStringLiteral("other-session.json"))},
            m_user.password, true, {});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.all().contains(QStringLiteral("E1101")), qPrintable(run.all()));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("other-session.json"))));
}

QTEST_GUILESS_MAIN(TestCliAccount)
#include "tst_cli_account.moc"
