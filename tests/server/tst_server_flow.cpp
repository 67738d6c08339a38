// The manual's journey end to end over real HTTP and real SMTP: register → both mails → login → OTP → CSR →
// certificate checked by the openssl tool → revocation in the CRL.
#include "ServerHarness.h"
#include "TestSupport.h"
#include "crypto/Certificate.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace ikkatsu::test;

class TestServerFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void registrationSendsBothMails();
    void userLogsInWithMailedOtp();
    void certificateSetupIssuesVerifiableCertificate();
    void badCertificateRequestsAreRefused();
    void revokedCertificateAppearsInCrl();
    void viewOnlyUserCannotGetCertificate();

private:
    Mail lastMailTo(const QString& address, int expectedTotal);
    QString loginWithOtp(const QString& userId, const QString& password, const QString& email);
    QString opensslText(const QStringList& args, int* exitCode = nullptr);

    SmtpSink m_smtp;
    TestServer m_server;
    QTemporaryDir m_work;
    int m_mailCount = 0;
    QString m_adminToken;
    QString m_userId;
    QString m_userPassword;
    QString m_userToken;
    QString m_serial;
    QString m_caPem;
    QString m_certificatePem;

    const QString m_adminEmail = QStringLiteral("admin@example.test");
    const QString m_userEmail = QStringLiteral("taro@example.test");
};

Mail TestServerFlow::lastMailTo(const QString& address, int expectedTotal)
{
    const QList<Mail> mails = m_smtp.waitForMails(expectedTotal);
    m_mailCount = static_cast<int>(mails.size());
    for (qsizetype i = mails.size() - 1; i >= 0; --i) {
        if (mails.at(i).to == address)
            return mails.at(i);
    }
    return {};
}

QString TestServerFlow::loginWithOtp(const QString& userId, const QString& password, const QString& email)
{
    const Reply login = m_server.post(QStringLiteral("/api/v1/auth/login"),
        {{QStringLiteral("userId"), userId}, {QStringLiteral("password"), password}});
    if (login.status != 200)
        return {};
    const Mail mail = lastMailTo(email, m_mailCount + 1);
    const QString otp = otpFromMail(mail);
    const Reply session = m_server.post(QStringLiteral("/api/v1/auth/otp"),
        {{QStringLiteral("attemptId"), login.json.value(QStringLiteral("attemptId"))}, {QStringLiteral("otp"), otp}});
    return session.json.value(QStringLiteral("token")).toString();
}

QString TestServerFlow::opensslText(const QStringList& args, int* exitCode)
{
    const ToolRun run = runTool(QStringLiteral("openssl"), args);
    if (exitCode)
        *exitCode = run.exitCode;
    return run.all();
}

void TestServerFlow::initTestCase()
{
    QVERIFY(m_work.isValid());
    QVERIFY2(m_smtp.start(), "python3-aiosmtpd must be installed (scripts/setup-deps)");
    QVERIFY(m_server.initAdmin(QStringLiteral("admin"), QStringLiteral("admin-password-1"), m_adminEmail));
    QVERIFY(m_server.start({QStringLiteral("--smtp-url"), QStringLiteral("smtp://127.0.0.1:%1").arg(m_smtp.port()),
        QStringLiteral("--smtp-starttls"), QStringLiteral("false"), QStringLiteral("--service-name"),
        QStringLiteral("テスト電子署名"), QStringLiteral("--service-provider"), QStringLiteral("Test Provider KK"),
        QStringLiteral("--public-url"), QStringLiteral("https://sign.example.test/")}));
    m_adminToken = loginWithOtp(QStringLiteral("admin"), QStringLiteral("admin-password-1"), m_adminEmail);
    QVERIFY(!m_adminToken.isEmpty());
    // The CA was created on first start; its key is readable by the owner only.
    const QFileInfo caKey(m_server.dataDir() + QStringLiteral("/ca/ca-key.pem"));
    QVERIFY(caKey.exists());
    QCOMPARE(int(caKey.permissions() & 0x00ff), 0);
}

void TestServerFlow::registrationSendsBothMails()
{
    const Reply registered = m_server.post(QStringLiteral("/api/v1/admin/users"),
        {{QStringLiteral("userName"), QStringLiteral("受信者 太郎")},
            {QStringLiteral("company"), QStringLiteral("AAA 株式会社")},
            {QStringLiteral("nameRoman"), QStringLiteral("Taro Jushinsha")},
            {QStringLiteral("companyRoman"), QStringLiteral("AAA Corporation")}, {QStringLiteral("email"), m_userEmail},
            {QStringLiteral("loginExpiresAt"), QStringLiteral("2030-03-31")},
            {QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("maySign"), true}},
        m_adminToken);
    QCOMPARE(registered.status, 201);
    QVERIFY(registered.json.value(QStringLiteral("mailDelivered")).toBool());
    const QJsonObject user = registered.json.value(QStringLiteral("user")).toObject();
    m_userId = user.value(QStringLiteral("userId")).toString();
    QVERIFY(!m_userId.isEmpty());
    QVERIFY(!registered.body.contains("password")); // the password travels only in mail ②

    const QList<Mail> mails = m_smtp.waitForMails(m_mailCount + 2);
    QCOMPARE(mails.size(), m_mailCount + 2);
    m_mailCount = static_cast<int>(mails.size());
    const Mail& notice = mails.at(mails.size() - 2);
    const Mail& credentials = mails.at(mails.size() - 1);

    // ① to the user, as in the manual.
    QCOMPARE(notice.to, m_userEmail);
    QCOMPARE(notice.subject, QStringLiteral("【テスト電子署名】ユーザ登録のご連絡"));
    QVERIFY(notice.headers.value("subject").startsWith("=?UTF-8?B?"));
    QVERIFY(notice.body.startsWith(QStringLiteral("受信者 太郎 様\n")));
    QVERIFY(notice.body.contains(QStringLiteral("の 管理者 様 (以下、管理者と呼びます) により")));
    QVERIFY(notice.body.contains(QStringLiteral("テスト電子署名のユーザ登録が行われましたので、")));
    QVERIFY(notice.body.contains(QStringLiteral("ユーザID : 管理者にお問い合わせ下さい。")));
    QVERIFY(notice.body.contains(QStringLiteral("ログインパスワード : 管理者にお問い合わせ下さい。")));
    QVERIFY(notice.body.contains(QStringLiteral("ログイン有効期限 : 2030年03月31日 23:59")));
    QVERIFY(notice.body.contains(QStringLiteral("ログインサイト\nhttps://sign.example.test/")));
    QVERIFY(!notice.body.contains(m_userId));

    // ② to the administrator with ID, initial password and expiry.
    QCOMPARE(credentials.to, m_adminEmail);
    QCOMPARE(credentials.subject, QStringLiteral("【テスト電子署名】ユーザ登録のご連絡"));
    QVERIFY(credentials.body.contains(QStringLiteral("受信者 太郎 様のユーザ登録が完了いたしました。")));
    QVERIFY(credentials.body.contains(QStringLiteral("以下のユーザID・パスワード情報を利用者様にお知らせください。")));
    QCOMPARE(userIdFromMail(credentials), m_userId);
    m_userPassword = passwordFromMail(credentials);
    QVERIFY(m_userPassword.size() >= 8);
    QVERIFY(credentials.body.contains(QStringLiteral("ログイン有効期限 : 2030年03月31日 23:59")));
    QVERIFY(credentials.body.contains(QStringLiteral("【重要】")));
}

void TestServerFlow::userLogsInWithMailedOtp()
{
    QVERIFY(!m_userPassword.isEmpty());
    const Reply login = m_server.post(QStringLiteral("/api/v1/auth/login"),
        {{QStringLiteral("userId"), m_userId}, {QStringLiteral("password"), m_userPassword}});
    QCOMPARE(login.status, 200);
    QVERIFY(!login.body.contains("otp\":")); // the OTP goes by mail only
    const Mail mail = lastMailTo(m_userEmail, m_mailCount + 1);
    QCOMPARE(mail.subject, QStringLiteral("【テスト電子署名】ワンタイムパスワードのご連絡"));
    QVERIFY(mail.body.startsWith(QStringLiteral("受信者 太郎 様\n")));
    QVERIFY(
        mail.body.contains(QStringLiteral("操作者の本人確認認証のための、ワンタイムパスワードをご連絡いたします。")));
    QVERIFY(mail.body.contains(QStringLiteral("*このパスワードを認証用画面に入力してください。")));
    const QString otp = otpFromMail(mail);
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9]{6}$")).match(otp).hasMatch(), qPrintable(otp));

    const Reply session = m_server.post(QStringLiteral("/api/v1/auth/otp"),
        {{QStringLiteral("attemptId"), login.json.value(QStringLiteral("attemptId"))}, {QStringLiteral("otp"), otp}});
    QCOMPARE(session.status, 200);
    m_userToken = session.json.value(QStringLiteral("token")).toString();
    QVERIFY(m_userToken.size() >= 43); // 256 bits
    QCOMPARE(session.json.value(QStringLiteral("certificateSetupDone")).toBool(), false);
    QCOMPARE(session.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("userName")).toString(),
        QStringLiteral("受信者 太郎"));
}

void TestServerFlow::certificateSetupIssuesVerifiableCertificate()
{
    QVERIFY(!m_userToken.isEmpty());
    const QByteArray csr = makeCsrWithOpenssl(m_work.path(),
        {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:P-256")});
    QVERIFY(!csr.isEmpty());
    const Reply issued = m_server.post(QStringLiteral("/api/v1/certificate-setup"),
        {{QStringLiteral("sign"), true}, {QStringLiteral("csr"), QString::fromLatin1(csr.toBase64())}}, m_userToken);
    QCOMPARE(issued.status, 201);
    const QJsonObject certificate = issued.json.value(QStringLiteral("certificate")).toObject();
    m_serial = certificate.value(QStringLiteral("serialNumber")).toString();
    QVERIFY(m_serial.size() >= 32);
    const QJsonObject subject = certificate.value(QStringLiteral("subject")).toObject();
    QCOMPARE(subject.value(QStringLiteral("commonName")).toString(), QStringLiteral("Taro Jushinsha"));
    QCOMPARE(subject.value(QStringLiteral("companyUnit")).toString(), QStringLiteral("AAA Corporation"));
    QCOMPARE(subject.value(QStringLiteral("serviceUnit")).toString(), QStringLiteral("テスト電子署名"));
    QCOMPARE(subject.value(QStringLiteral("organization")).toString(), QStringLiteral("Test Provider KK"));
    QCOMPARE(subject.value(QStringLiteral("country")).toString(), QStringLiteral("JP"));
    const QDateTime notAfter
        = QDateTime::fromString(certificate.value(QStringLiteral("notAfter")).toString(), Qt::ISODate);
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().daysTo(notAfter) - 730) <= 1);

    // The client reads the same fields back from the certificate itself (本人情報 shows them from the key store).
    const QByteArray issuedDer
        = QByteArray::fromBase64(certificate.value(QStringLiteral("certificate")).toString().toLatin1());
    const auto parsed = ikkatsu::Certificate::fromDer(issuedDer);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->subject().companyUnit, QStringLiteral("AAA Corporation"));
    QCOMPARE(parsed->subject().serviceUnit, QStringLiteral("テスト電子署名"));
    QVERIFY(parsed->subjectText().startsWith(QStringLiteral("CN=Taro Jushinsha,OU=AAA Corporation,OU=")));

    const QString der = m_work.filePath(QStringLiteral("cert.der"));
    QVERIFY(writeAll(der, issuedDer));
    m_certificatePem = m_work.filePath(QStringLiteral("cert.pem"));
    int rc = -1;
    opensslText({QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), der,
                    QStringLiteral("-out"), m_certificatePem},
        &rc);
    QCOMPARE(rc, 0);
    const Reply ca = m_server.get(QStringLiteral("/api/v1/ca/certificate"));
    QCOMPARE(ca.status, 200);
    QCOMPARE(ca.contentType, QByteArrayLiteral("application/pkix-cert"));
    const QString caDer = m_work.filePath(QStringLiteral("ca.der"));
    QVERIFY(writeAll(caDer, ca.body));
    m_caPem = m_work.filePath(QStringLiteral("ca.pem"));
    opensslText({QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), caDer,
                    QStringLiteral("-out"), m_caPem},
        &rc);
    QCOMPARE(rc, 0);

    const QString verify
        = opensslText({QStringLiteral("verify"), QStringLiteral("-CAfile"), m_caPem, m_certificatePem}, &rc);
    QCOMPARE(rc, 0);
    QVERIFY2(verify.contains(QStringLiteral(": OK")), qPrintable(verify));

    const QString text
        = opensslText({QStringLiteral("x509"), QStringLiteral("-in"), m_certificatePem, QStringLiteral("-noout"),
            QStringLiteral("-text"), QStringLiteral("-nameopt"), QStringLiteral("RFC2253,-esc_msb")});
    QVERIFY2(text.contains(QStringLiteral(
                 "Subject: CN=Taro Jushinsha,OU=AAA Corporation,OU=テスト電子署名,O=Test Provider KK,C=JP")),
        qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Digital Signature, Non Repudiation")));
    QVERIFY(text.contains(QStringLiteral("CA:FALSE")));
    QVERIFY(text.contains(QStringLiteral("URI:https://sign.example.test/api/v1/ca/crl")));
    QVERIFY(text.contains(m_serial.left(2) + QLatin1Char(':')) || text.contains(m_serial.toLower().left(2)));

    // The certificate carries the key the client generated: the server only saw the CSR.
    const QString certificateKey = opensslText({QStringLiteral("x509"), QStringLiteral("-in"), m_certificatePem,
        QStringLiteral("-noout"), QStringLiteral("-pubkey")});
    const QString localKey = opensslText({QStringLiteral("pkey"), QStringLiteral("-in"),
        m_work.filePath(QStringLiteral("key.pem")), QStringLiteral("-pubout")});
    QCOMPARE(certificateKey, localKey);

    const Reply me = m_server.get(QStringLiteral("/api/v1/me"), m_userToken);
    QCOMPARE(me.status, 200);
    QVERIFY(me.json.value(QStringLiteral("certificateSetupDone")).toBool());
    QCOMPARE(me.json.value(QStringLiteral("certificate")).toObject().value(QStringLiteral("serialNumber")).toString(),
        m_serial);
}

void TestServerFlow::badCertificateRequestsAreRefused()
{
    QVERIFY(!m_userToken.isEmpty());
    QTemporaryDir dir;
    const QByteArray weak = makeCsrWithOpenssl(dir.path(), {QStringLiteral("-newkey"), QStringLiteral("rsa:1024")});
    QVERIFY(!weak.isEmpty());
    Reply reply = m_server.post(QStringLiteral("/api/v1/certificate-setup"),
        {{QStringLiteral("sign"), true}, {QStringLiteral("csr"), QString::fromLatin1(weak.toBase64())}}, m_userToken);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.code, QStringLiteral("E2209"));

    // No proof of possession: a CSR whose signature does not match its key.
    QByteArray forged = makeCsrWithOpenssl(dir.path(),
        {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:P-256")});
    forged[forged.size() - 3] = static_cast<char>(forged.at(forged.size() - 3) ^ 0x5a);
    reply = m_server.post(QStringLiteral("/api/v1/certificate-setup"),
        {{QStringLiteral("sign"), true}, {QStringLiteral("csr"), QString::fromLatin1(forged.toBase64())}}, m_userToken);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.code, QStringLiteral("E2202"));

    for (const QString& csr :
        {QStringLiteral("not base64 at all!"), QString::fromLatin1(QByteArray("garbage").toBase64())}) {
        reply = m_server.post(QStringLiteral("/api/v1/certificate-setup"),
            {{QStringLiteral("sign"), true}, {QStringLiteral("csr"), csr}}, m_userToken);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.code, QStringLiteral("E2202"));
    }
    // Nothing was issued by the refusals: the current certificate is unchanged.
    const Reply me = m_server.get(QStringLiteral("/api/v1/me"), m_userToken);
    QCOMPARE(me.json.value(QStringLiteral("certificate")).toObject().value(QStringLiteral("serialNumber")).toString(),
        m_serial);
}

void TestServerFlow::revokedCertificateAppearsInCrl()
{
    QVERIFY(!m_serial.isEmpty());
    const Reply refused = m_server.post(QStringLiteral("/api/v1/admin/certificates/%1/revoke").arg(m_serial),
        {{QStringLiteral("reason"), 1}}, m_userToken);
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.code, QStringLiteral("E1401"));

    const Reply revoked = m_server.post(QStringLiteral("/api/v1/admin/certificates/%1/revoke").arg(m_serial),
        {{QStringLiteral("reason"), 1}}, m_adminToken);
    QCOMPARE(revoked.status, 200);
    QVERIFY(revoked.json.value(QStringLiteral("certificate")).toObject().value(QStringLiteral("revoked")).toBool());

    const Reply crl = m_server.get(QStringLiteral("/api/v1/ca/crl"));
    QCOMPARE(crl.status, 200);
    QCOMPARE(crl.contentType, QByteArrayLiteral("application/pkix-crl"));
    const QString crlDer = m_work.filePath(QStringLiteral("crl.der"));
    QVERIFY(writeAll(crlDer, crl.body));
    int rc = -1;
    const QString text = opensslText(
        {QStringLiteral("crl"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), crlDer,
            QStringLiteral("-text"), QStringLiteral("-noout"), QStringLiteral("-CAfile"), m_caPem},
        &rc);
    QCOMPARE(rc, 0);
    QVERIFY2(text.contains(QStringLiteral("verify OK")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Serial Number: ") + m_serial), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Key Compromise")));

    const QString crlPem = m_work.filePath(QStringLiteral("crl.pem"));
    opensslText({QStringLiteral("crl"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), crlDer,
                    QStringLiteral("-out"), crlPem},
        &rc);
    QCOMPARE(rc, 0);
    const QString verify
        = opensslText({QStringLiteral("verify"), QStringLiteral("-crl_check"), QStringLiteral("-CRLfile"), crlPem,
                          QStringLiteral("-CAfile"), m_caPem, m_certificatePem},
            &rc);
    QVERIFY(rc != 0);
    QVERIFY2(verify.contains(QStringLiteral("certificate revoked")), qPrintable(verify));
}

void TestServerFlow::viewOnlyUserCannotGetCertificate()
{
    const Reply registered = m_server.post(QStringLiteral("/api/v1/admin/users"),
        {{QStringLiteral("userName"), QStringLiteral("閲覧 花子")},
            {QStringLiteral("company"), QStringLiteral("BBB 株式会社")},
            {QStringLiteral("nameRoman"), QStringLiteral("Hanako Etsuran")},
            {QStringLiteral("companyRoman"), QStringLiteral("BBB Inc")},
            {QStringLiteral("email"), QStringLiteral("hanako@example.test")},
            {QStringLiteral("loginExpiresAt"), QStringLiteral("2030-01-01T00:00:00Z")},
            {QStringLiteral("maySign"), false}},
        m_adminToken);
    QCOMPARE(registered.status, 201);
    const Mail credentials = lastMailTo(m_adminEmail, m_mailCount + 2);
    const QString userId
        = registered.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("userId")).toString();
    QCOMPARE(userIdFromMail(credentials), userId);
    const QString token = loginWithOtp(userId, passwordFromMail(credentials), QStringLiteral("hanako@example.test"));
    QVERIFY(!token.isEmpty());
    QTemporaryDir dir;
    const QByteArray csr = makeCsrWithOpenssl(dir.path(), {QStringLiteral("-newkey"), QStringLiteral("rsa:2048")});
    Reply reply = m_server.post(QStringLiteral("/api/v1/certificate-setup"),
        {{QStringLiteral("sign"), true}, {QStringLiteral("csr"), QString::fromLatin1(csr.toBase64())}}, token);
    QCOMPARE(reply.status, 403);
    QCOMPARE(reply.code, QStringLiteral("E2208"));
    reply = m_server.post(QStringLiteral("/api/v1/certificate-setup"), {{QStringLiteral("sign"), false}}, token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("signing")).toBool(), false);
    const Reply me = m_server.get(QStringLiteral("/api/v1/me"), token);
    QVERIFY(me.json.value(QStringLiteral("certificateSetupDone")).toBool());
    QVERIFY(me.json.value(QStringLiteral("certificate")).isNull());
}

QTEST_GUILESS_MAIN(TestServerFlow)
#include "tst_server_flow.moc"
