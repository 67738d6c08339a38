// The signed-upload rule over real HTTP, with real PDFs signed by core's PdfSigner under certificates from the
// server's CA: every refusal case has its own test and leaves the stored version as it was; status changes across
// three signers with and without a fixed order; the final file checked by pdfsig and qpdf.
#include "FileSteps.h"
#include "PdfFixtures.h"
#include "TestSupport.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::test;

class TestServerSigning : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void viewerMayNotSign();
    void staleVersionIsRefused();
    void missingOrBadVersionTag();
    void signingTwiceIsRefused();
    void notYourTurn();
    void uploadMustExtendStoredBytes();
    void exactlyOneNewSignature();
    void forgedUploadsAreRefused_data();
    void forgedUploadsAreRefused();
    void tamperedSignatureIsRefused_data();
    void tamperedSignatureIsRefused();
    void foreignCertificatesAreRefused();
    void revokedCertificateIsRefused();
    void refusalsAreInTheTrail();
    void statusAcrossThreeSigners_data();
    void statusAcrossThreeSigners();
    void encryptedDocuments_data();
    void encryptedDocuments();
    void documentNeedingAUserPasswordIsNotRegistered();

private:
    // m_pdf encrypted by the real qpdf with `encryptArgs`; empty on failure.
    QByteArray encryptedPdf(const QStringList& encryptArgs);

    QString newFile(const QStringList& viewers, const QStringList& signers, bool ordered = false);
    QJsonObject fileAsAdmin(const QString& fileId);
    // Uploads and expects the refusal; the stored version must be unchanged afterwards.
    void expectRefused(const SigningUser& user, const QString& fileId, int version, const QByteArray& pdf, int status,
        const QString& code);

    TestServer m_server;
    QString m_admin;
    QString m_folder;
    SigningUser m_s1;
    SigningUser m_s2;
    SigningUser m_s3;
    SigningUser m_viewer;
    QByteArray m_pdf;
    int m_serial = 0;
    QTemporaryDir m_dir;
};

void TestServerSigning::initTestCase()
{
    m_admin = startWithAdmin(m_server);
    QVERIFY(!m_admin.isEmpty());
    m_s1 = newUser(m_server, m_admin, QStringLiteral("s1@sign.example"));
    m_s2 = newUser(m_server, m_admin, QStringLiteral("s2@sign.example"));
    m_s3 = newUser(m_server, m_admin, QStringLiteral("s3@sign.example"));
    m_viewer = newUser(m_server, m_admin, QStringLiteral("v@sign.example"));
    for (const SigningUser* user : {&m_s1, &m_s2, &m_s3, &m_viewer})
        QVERIFY(!user->token.isEmpty());
    m_folder = createFolder(m_server, m_admin, QStringLiteral("署名テスト"));
    QVERIFY(!m_folder.isEmpty());
    PdfFixtureOptions options;
    options.pages = 2;
    options.form = PdfFixtureOptions::Form::IndirectAcroForm;
    m_pdf = minimalPdf(options);
}

QString TestServerSigning::newFile(const QStringList& viewers, const QStringList& signers, bool ordered)
{
    return registerFile(
        m_server, m_admin, m_folder, QStringLiteral("書類%1.pdf").arg(++m_serial), m_pdf, viewers, signers, ordered);
}

QJsonObject TestServerSigning::fileAsAdmin(const QString& fileId)
{
    return m_server.get(QStringLiteral("/api/v1/admin/files/") + fileId, m_admin)
        .json.value(QStringLiteral("file"))
        .toObject();
}

void TestServerSigning::expectRefused(
    const SigningUser& user, const QString& fileId, int version, const QByteArray& pdf, int status, const QString& code)
{
    const QJsonObject before = fileAsAdmin(fileId);
    const Reply reply = uploadSigned(m_server, user.token, fileId, version, pdf);
    QVERIFY2(reply.status == status && reply.code == code, reply.body.constData());
    const QJsonObject after = fileAsAdmin(fileId);
    QCOMPARE(after.value(QStringLiteral("version")), before.value(QStringLiteral("version")));
    QCOMPARE(after.value(QStringLiteral("sha256")), before.value(QStringLiteral("sha256")));
    QCOMPARE(after.value(QStringLiteral("signedCount")), before.value(QStringLiteral("signedCount")));
    QCOMPARE(after.value(QStringLiteral("status")), before.value(QStringLiteral("status")));
}

void TestServerSigning::viewerMayNotSign()
{
    const QString id = newFile({m_viewer.account.userId}, {m_s1.account.userId});
    expectRefused(m_viewer, id, 1, signAs(m_viewer, m_pdf), 403, QStringLiteral("E3004"));
}

void TestServerSigning::staleVersionIsRefused()
{
    const QString id = newFile({}, {m_s1.account.userId, m_s2.account.userId});
    const QByteArray fromV1ByS2 = signAs(m_s2, m_pdf);
    QCOMPARE(uploadSigned(m_server, m_s1.token, id, 1, signAs(m_s1, m_pdf)).status, 200);
    // S2 signed version 1, which is no longer current.
    expectRefused(m_s2, id, 1, fromV1ByS2, 409, QStringLiteral("E3009"));
    // A version from the future is stale too.
    const Reply current = downloadFile(m_server, m_s2.token, id);
    QCOMPARE(versionOf(current), 2);
    expectRefused(m_s2, id, 3, signAs(m_s2, current.body), 409, QStringLiteral("E3009"));
    // Re-downloaded and signed anew, it goes through.
    QCOMPARE(uploadSigned(m_server, m_s2.token, id, 2, signAs(m_s2, current.body)).status, 200);
}

void TestServerSigning::missingOrBadVersionTag()
{
    const QString id = newFile({}, {m_s1.account.userId});
    const QByteArray signedPdf = signAs(m_s1, m_pdf);
    expectRefused(m_s1, id, 0, signedPdf, 400, QStringLiteral("E5007"));
    for (const QByteArray& tag :
        {QByteArrayLiteral("W/\"1\""), QByteArrayLiteral("\"one\""), QByteArrayLiteral("\"-1\"")}) {
        const Reply reply = m_server.request(
            "PUT", QStringLiteral("/api/v1/files/%1/content").arg(id), signedPdf, m_s1.token, {{"If-Match", tag}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.code, QStringLiteral("E5007"));
    }
    QCOMPARE(fileAsAdmin(id).value(QStringLiteral("version")).toInt(), 1);
}

void TestServerSigning::signingTwiceIsRefused()
{
    const QString id = newFile({}, {m_s1.account.userId, m_s2.account.userId});
    QCOMPARE(uploadSigned(m_server, m_s1.token, id, 1, signAs(m_s1, m_pdf)).status, 200);
    const Reply current = downloadFile(m_server, m_s1.token, id);
    expectRefused(m_s1, id, 2, signAs(m_s1, current.body), 409, QStringLiteral("E3010"));
}

void TestServerSigning::notYourTurn()
{
    const QString id = newFile({}, {m_s1.account.userId, m_s2.account.userId}, true);
    expectRefused(m_s2, id, 1, signAs(m_s2, m_pdf), 409, QStringLiteral("E3011"));
    QCOMPARE(uploadSigned(m_server, m_s1.token, id, 1, signAs(m_s1, m_pdf)).status, 200);
    const Reply current = downloadFile(m_server, m_s2.token, id);
    QCOMPARE(uploadSigned(m_server, m_s2.token, id, 2, signAs(m_s2, current.body)).status, 200);
}

void TestServerSigning::uploadMustExtendStoredBytes()
{
    const QString id = newFile({}, {m_s1.account.userId});
    PdfFixtureOptions other;
    other.pages = 3;
    // A different document, properly signed.
    expectRefused(m_s1, id, 1, signAs(m_s1, minimalPdf(other)), 422, QStringLiteral("E4206"));
    // The stored bytes themselves (nothing added), and less than them.
    expectRefused(m_s1, id, 1, m_pdf, 422, QStringLiteral("E4206"));
    expectRefused(m_s1, id, 1, m_pdf.left(m_pdf.size() - 10), 422, QStringLiteral("E4206"));
    // One byte of the original changed inside an otherwise good signed file.
    QByteArray changed = signAs(m_s1, m_pdf);
    changed[20] = changed[20] == 'x' ? 'y' : 'x';
    expectRefused(m_s1, id, 1, changed, 422, QStringLiteral("E4206"));
}

void TestServerSigning::exactlyOneNewSignature()
{
    const QString id = newFile({}, {m_s1.account.userId});
    // An incremental update without any signature.
    expectRefused(m_s1, id, 1, appendInfoUpdate(m_pdf, 1), 422, QStringLiteral("E4207"));
    // Two new signatures at once.
    expectRefused(m_s1, id, 1, signAs(m_s1, signAs(m_s1, m_pdf)), 422, QStringLiteral("E4207"));
    // A signature followed by an unsigned update: not a pure signature append.
    expectRefused(m_s1, id, 1, appendInfoUpdate(signAs(m_s1, m_pdf), 2), 422, QStringLiteral("E4210"));
    // Garbage appended after the stored bytes is not a PDF update.
    QByteArray garbage = m_pdf + QByteArrayLiteral("\n%% not an update\n");
    expectRefused(m_s1, id, 1, garbage, 422, QStringLiteral("E4207"));
}

void TestServerSigning::forgedUploadsAreRefused_data()
{
    QTest::addColumn<int>("forgery");
    QTest::newRow("page content replaced, then signed") << 0;
    QTest::newRow("Info replaced, then signed") << 1;
    QTest::newRow("annotation added, then signed") << 2;
    QTest::newRow("signed, then page content replaced") << 3;
    QTest::newRow("signed, then object freed") << 4;
    QTest::newRow("page added, then signed") << 5;
}

void TestServerSigning::forgedUploadsAreRefused()
{
    // The stored document: 1 catalog, 2 pages, 3 font, 4 Info, 5/6 page 1 and its content, 7/8 page 2, 9 a text
    // field, 10 the AcroForm. The forger has sign permission and the right If-Match.
    QFETCH(int, forgery);
    const QString id = newFile({}, {m_s1.account.userId});
    const QByteArray forged = "<< /Length 38 >>\nstream\nBT /F1 24 Tf 72 720 Td (FORGED) Tj ET\nendstream";
    const QByteArray page1 = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 6 0 R"
                             " /Resources << /Font << /F1 3 0 R >> >>";
    QByteArray upload;
    switch (forgery) {
    case 0:
        upload = signAs(m_s1, appendUpdate(m_pdf, {{6, forged}}));
        break;
    case 1:
        upload = signAs(m_s1, appendInfoUpdate(m_pdf, 1));
        break;
    case 2:
        upload = signAs(m_s1,
            appendUpdate(m_pdf,
                {{5, page1 + " /Annots [11 0 R] >>"},
                    {11, "<< /Type /Annot /Subtype /FreeText /Rect [72 700 400 740] /Contents (FORGED) >>"}}));
        break;
    case 3:
        upload = appendUpdate(signAs(m_s1, m_pdf), {{6, forged}});
        break;
    case 4: {
        const QByteArray pdf = signAs(m_s1, m_pdf);
        const qint64 prev = pdf.mid(pdf.lastIndexOf("startxref") + 9).trimmed().split('\n').first().toLongLong();
        upload = pdf + "xref\n3 1\n0000000000 00001 f\r\ntrailer\n<< /Size 20 /Root 1 0 R /Info 4 0 R /Prev "
            + QByteArray::number(prev) + " >>\nstartxref\n" + QByteArray::number(pdf.size()) + "\n%%EOF\n";
        break;
    }
    case 5:
        upload = signAs(m_s1,
            appendUpdate(m_pdf,
                {{2, "<< /Type /Pages /Kids [5 0 R 7 0 R 11 0 R] /Count 3 >>"},
                    {11, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 12 0 R >>"}, {12, forged}}));
        break;
    }
    QVERIFY(!upload.isEmpty());
    QVERIFY(upload.startsWith(m_pdf));
    expectRefused(m_s1, id, 1, upload, 422, QStringLiteral("E4210"));
    const Reply refused = uploadSigned(m_server, m_s1.token, id, 1, upload);
    QVERIFY2(refused.body.contains("object"), refused.body.constData()); // names what was changed
    // The honest upload still goes through afterwards.
    QCOMPARE(uploadSigned(m_server, m_s1.token, id, 1, signAs(m_s1, m_pdf)).status, 200);
}

void TestServerSigning::tamperedSignatureIsRefused_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("code");
    QTest::newRow("signature value") << QStringLiteral("value") << QStringLiteral("E4201");
    QTest::newRow("signed bytes") << QStringLiteral("digest") << QStringLiteral("E4202");
    QTest::newRow("byte range") << QStringLiteral("range") << QStringLiteral("E4203");
}

void TestServerSigning::tamperedSignatureIsRefused()
{
    QFETCH(QString, what);
    QFETCH(QString, code);
    const QString id = newFile({}, {m_s1.account.userId});
    QByteArray pdf = signAs(m_s1, m_pdf);
    QVERIFY(!pdf.isEmpty());
    const qsizetype tail = m_pdf.size(); // everything we touch lies in the new revision
    if (what == QLatin1String("value")) {
        // The last non-zero hex digits of /Contents hold the ECDSA signature value.
        const qsizetype contents = pdf.indexOf("/Contents <", tail) + 11;
        const qsizetype end = pdf.indexOf('>', contents);
        qsizetype last = end - 1;
        while (last > contents && pdf.at(last) == '0')
            --last;
        // Flip one bit of the nibble (hex case is not significant, so a mere case change would alter nothing).
        const qsizetype at = last - 8;
        const int nibble = QByteArray(1, pdf.at(at)).toInt(nullptr, 16);
        pdf[at] = QByteArray::number(nibble ^ 1, 16).toUpper().at(0);
    } else if (what == QLatin1String("digest")) {
        // A signed byte outside /Contents: the signing time /M.
        const qsizetype at = pdf.indexOf("/M (D:", tail) + 8;
        QVERIFY(at > tail + 8);
        pdf[at] = pdf.at(at) == '1' ? '2' : '1';
    } else {
        // /ByteRange no longer describes the gap around /Contents (same width, so offsets stay).
        const qsizetype at = pdf.indexOf("/ByteRange", tail);
        const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("/ByteRange\\s*\\[\\s*0\\s+(\\d+)"))
                                                  .match(QString::fromLatin1(pdf.mid(at, 80)));
        QVERIFY(match.hasMatch());
        const qsizetype digit = at + match.capturedEnd(1) - 1;
        pdf[digit] = pdf.at(digit) == '0' ? '1' : char(pdf.at(digit) - 1);
    }
    expectRefused(m_s1, id, 1, pdf, 422, code);
}

void TestServerSigning::foreignCertificatesAreRefused()
{
    const QString id = newFile({}, {m_s1.account.userId});
    // Someone else's certificate from our CA (with their key): valid, but not the uploader's.
    expectRefused(m_s1, id, 1, signAs(m_s2, m_pdf), 422, QStringLiteral("E4208"));
    // A self-signed certificate with the uploader's own names.
    auto key = PrivateKey::generate(KeyAlgorithm::EcdsaP256);
    QVERIFY(key.ok());
    auto selfSigned = createSelfSignedCertificate(*key, m_s1.certificate.subject(), 30);
    QVERIFY(selfSigned.ok());
    expectRefused(m_s1, id, 1, signWith(*key, {*selfSigned}, m_pdf), 422, QStringLiteral("E4208"));
}

void TestServerSigning::revokedCertificateIsRefused()
{
    SigningUser user = newUser(m_server, m_admin, QStringLiteral("revoked@sign.example"));
    QVERIFY(!user.token.isEmpty());
    const QString id = newFile({}, {user.account.userId});
    // Superseded by a new setup: the old certificate is revoked.
    SigningUser old = user;
    QVERIFY(renewCertificate(m_server, user));
    expectRefused(old, id, 1, signAs(old, m_pdf), 422, QStringLiteral("E2206"));
    // Revoked by the administrator.
    const Reply revoked
        = m_server.post(QStringLiteral("/api/v1/admin/certificates/%1/revoke").arg(user.serial), {}, m_admin);
    QCOMPARE(revoked.status, 200);
    expectRefused(user, id, 1, signAs(user, m_pdf), 422, QStringLiteral("E2206"));
    // A new certificate signs fine.
    QVERIFY(renewCertificate(m_server, user));
    QCOMPARE(uploadSigned(m_server, user.token, id, 1, signAs(user, m_pdf)).status, 200);
}

void TestServerSigning::refusalsAreInTheTrail()
{
    const QString id = newFile({}, {m_s3.account.userId});
    QCOMPARE(uploadSigned(m_server, m_s3.token, id, 1, m_pdf).code, QStringLiteral("E4206"));
    const Reply trail = m_server.get(QStringLiteral("/api/v1/results?action=sign&outcome=failed"), m_s3.token);
    QCOMPARE(trail.status, 200);
    const QJsonObject newest = trail.json.value(QStringLiteral("results")).toArray().first().toObject();
    QCOMPARE(newest.value(QStringLiteral("fileId")).toString(), id);
    QCOMPARE(newest.value(QStringLiteral("errorCode")).toString(), QStringLiteral("E4206"));
    QCOMPARE(newest.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
    // The administrator sees S1's refusals too (many by now), each with a code.
    const Reply all = m_server.get(
        QStringLiteral("/api/v1/admin/results?outcome=failed&limit=500&userId=") + m_s1.account.userId, m_admin);
    QVERIFY(all.json.value(QStringLiteral("total")).toInt() >= 12);
    for (const QJsonValue& row : all.json.value(QStringLiteral("results")).toArray())
        QVERIFY(row.toObject().value(QStringLiteral("errorCode")).toString().startsWith(QLatin1Char('E')));
}

void TestServerSigning::statusAcrossThreeSigners_data()
{
    QTest::addColumn<bool>("ordered");
    QTest::newRow("any order") << false;
    QTest::newRow("fixed order") << true;
}

void TestServerSigning::statusAcrossThreeSigners()
{
    QFETCH(bool, ordered);
    const QList<SigningUser*> signers = {&m_s1, &m_s2, &m_s3};
    const QString id
        = newFile({m_viewer.account.userId}, {m_s1.account.userId, m_s2.account.userId, m_s3.account.userId}, ordered);
    QCOMPARE(fileAsAdmin(id).value(QStringLiteral("status")).toString(), QStringLiteral("unsigned"));
    // Unordered: the last listed signs first. Ordered: the listed order, and any other is refused.
    const QList<int> sequence = ordered ? QList<int> {0, 1, 2} : QList<int> {2, 0, 1};
    const QStringList expected = {QStringLiteral("signing"), QStringLiteral("signing"), QStringLiteral("signed")};
    for (int step = 0; step < 3; ++step) {
        SigningUser& signer = *signers.at(sequence.at(step));
        if (ordered && step < 2) {
            SigningUser& later = *signers.at(sequence.at(step + 1));
            const Reply early = downloadFile(m_server, later.token, id);
            expectRefused(later, id, versionOf(early), signAs(later, early.body), 409, QStringLiteral("E3011"));
        }
        const Reply current = downloadFile(m_server, signer.token, id);
        QCOMPARE(versionOf(current), step + 1);
        const Reply accepted = uploadSigned(m_server, signer.token, id, step + 1, signAs(signer, current.body));
        QVERIFY2(accepted.status == 200, accepted.body.constData());
        const QJsonObject file = accepted.json.value(QStringLiteral("file")).toObject();
        QCOMPARE(file.value(QStringLiteral("version")).toInt(), step + 2);
        QCOMPARE(file.value(QStringLiteral("status")).toString(), expected.at(step));
        QCOMPARE(file.value(QStringLiteral("signedCount")).toInt(), step + 1);
        QCOMPARE(file.value(QStringLiteral("myStatus")).toString(), QStringLiteral("processed"));
        QCOMPARE(file.value(QStringLiteral("signatureCount")).toInt(), step + 1);
        // The viewer sees the same status in their list.
        const QJsonArray seen = listFiles(m_server, m_viewer.token,
            QStringLiteral("?signatureStatus=") + expected.at(step) + QStringLiteral("&limit=200"));
        bool found = false;
        for (const QJsonValue& row : seen)
            found = found || row.toObject().value(QStringLiteral("fileId")).toString() == id;
        QVERIFY(found);
    }
    const QJsonArray signerRows = fileAsAdmin(id).value(QStringLiteral("signers")).toArray();
    for (const QJsonValue& row : signerRows)
        QVERIFY(row.toObject().value(QStringLiteral("signed")).toBool());
    // The final file: three signatures, each valid under pdfsig, the last covering the whole document.
    const Reply final = downloadFile(m_server, m_viewer.token, id);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("final.pdf"));
    QVERIFY(writeAll(path, final.body));
    const ToolRun sig = pdfsig(path);
    QCOMPARE(sig.all().count(QStringLiteral("Signature is Valid.")), 3);
    QVERIFY(sig.all().contains(QLatin1String("Total document signed")));
    QCOMPARE(qpdfCheck(path).exitCode, 0);
    QVERIFY(final.body.startsWith(m_pdf));
}

QByteArray TestServerSigning::encryptedPdf(const QStringList& encryptArgs)
{
    const QString plain = m_dir.filePath(QStringLiteral("plain%1.pdf").arg(++m_serial));
    const QString out = m_dir.filePath(QStringLiteral("enc%1.pdf").arg(m_serial));
    if (!writeAll(plain, m_pdf))
        return {};
    const QString problem = runQpdf(
        plain, out, QStringList {QStringLiteral("--allow-weak-crypto"), QStringLiteral("--encrypt")} + encryptArgs);
    if (!problem.isEmpty())
        qWarning("qpdf: %s", qPrintable(problem));
    return readAll(out);
}

void TestServerSigning::encryptedDocuments_data()
{
    // Owner password only, as public bodies send them: anyone can open them, editing is restricted.
    QTest::addColumn<QStringList>("encrypt");
    QTest::newRow("RC4 128") << QStringList {QString(), QStringLiteral("owner"), QStringLiteral("128"),
        QStringLiteral("--use-aes=n"), QStringLiteral("--modify=form"), QStringLiteral("--")};
    QTest::newRow("AES-128") << QStringList {QString(), QStringLiteral("owner"), QStringLiteral("128"),
        QStringLiteral("--use-aes=y"), QStringLiteral("--modify=form"), QStringLiteral("--")};
    QTest::newRow("AES-256") << QStringList {QString(), QStringLiteral("owner"), QStringLiteral("256"),
        QStringLiteral("--modify=form"), QStringLiteral("--")};
}

void TestServerSigning::encryptedDocuments()
{
    // The server registers an encrypted document, reads its encrypted revisions when analysing an upload, refuses a
    // forged one and accepts two honest signatures in turn; the final file is valid for pdfsig and qpdf, still
    // encrypted the same way.
    QFETCH(QStringList, encrypt);
    const QByteArray pdf = encryptedPdf(encrypt);
    QVERIFY(pdf.contains("/Encrypt"));
    const QString id = registerFile(m_server, m_admin, m_folder, QStringLiteral("暗号化%1.pdf").arg(m_serial), pdf, {},
        {m_s1.account.userId, m_s2.account.userId});
    QVERIFY(!id.isEmpty());

    // Content replaced in an unsigned revision before the signature: the analysis must see through the encryption.
    // qpdf renumbers objects, so ask it which object holds page 1's content.
    const QString original = m_dir.filePath(QStringLiteral("original%1.pdf").arg(m_serial));
    QVERIFY(writeAll(original, pdf));
    const ToolRun pages = runTool(QStringLiteral("qpdf"), {QStringLiteral("--show-pages"), original});
    const QRegularExpressionMatch content
        = QRegularExpression(QStringLiteral("content:\\s*(\\d+) 0 R")).match(QString::fromUtf8(pages.out));
    QVERIFY2(content.hasMatch(), pages.out.constData());
    const QByteArray forged = "<< /Length 38 >>\nstream\nBT /F1 24 Tf 72 720 Td (FORGED) Tj ET\nendstream";
    const QByteArray forgery = signAs(m_s1, appendUpdate(pdf, {{content.captured(1).toInt(), forged}}));
    QVERIFY(forgery.startsWith(pdf));
    expectRefused(m_s1, id, 1, forgery, 422, QStringLiteral("E4210"));

    const QByteArray first = signAs(m_s1, pdf);
    QVERIFY(first.startsWith(pdf));
    QCOMPARE(uploadSigned(m_server, m_s1.token, id, 1, first).status, 200);
    const QByteArray second = signAs(m_s2, first);
    QVERIFY(second.startsWith(first));
    const Reply accepted = uploadSigned(m_server, m_s2.token, id, 2, second);
    QVERIFY2(accepted.status == 200, accepted.body.constData());
    const Reply stored = downloadFile(m_server, m_s1.token, id);
    QCOMPARE(stored.body, second);

    const QString file = m_dir.filePath(QStringLiteral("signed%1.pdf").arg(m_serial));
    QVERIFY(writeAll(file, second));
    const ToolRun pdfsig = runTool(QStringLiteral("pdfsig"), {file});
    QVERIFY2(pdfsig.exitCode == 0, pdfsig.out.constData());
    QCOMPARE(pdfsig.out.count("Signature is Valid."), 2);
    const ToolRun check = runTool(QStringLiteral("qpdf"), {QStringLiteral("--check"), file});
    QVERIFY2(check.exitCode == 0, check.out.constData());
    QCOMPARE(runTool(QStringLiteral("qpdf"), {QStringLiteral("--show-encryption"), file}).out,
        runTool(QStringLiteral("qpdf"), {QStringLiteral("--show-encryption"), original}).out);
}

void TestServerSigning::documentNeedingAUserPasswordIsNotRegistered()
{
    // The server must analyse every upload of a document, so it cannot keep one it cannot open: refused with E4002,
    // nothing registered.
    const QByteArray pdf = encryptedPdf(
        {QStringLiteral("user-secret"), QStringLiteral("owner"), QStringLiteral("256"), QStringLiteral("--")});
    QVERIFY(pdf.contains("/Encrypt"));
    const Reply reply = registerFiles(m_server, m_admin, m_folder,
        QJsonArray {newFileJson(QStringLiteral("パスワード付き.pdf"), pdf, {}, {m_s1.account.userId})});
    QVERIFY2(reply.body.contains("E4002"), reply.body.constData());
    const QJsonArray listed = listFiles(m_server, m_s1.token, QStringLiteral("?name=%E3%83%91%E3%82%B9"));
    QCOMPARE(listed.size(), 0);
}

QTEST_GUILESS_MAIN(TestServerSigning)
#include "tst_server_signing.moc"
