// The administrator's 印 boxes over real HTTP (SQLite and PostgreSQL): placed as empty signature fields in a new
// version (qpdf clean), each signer signs into their own box with a visible seal (pdfsig valid, red pixels inside the
// box by pdftoppm); hostile bodies, callers and uploads refused with their codes and the stored file unchanged.
#include "FileSteps.h"
#include "PdfFixtures.h"
#include "TestSupport.h"

#include "api/FileDto.h"
#include "pdf/PdfReader.h"
#include "pdf/PdfSigner.h"
#include "pdf/SealAppearance.h"
#include "pdf/SignatureFields.h"

#include <QElapsedTimer>
#include <QImage>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::test;

namespace {

QJsonObject box(const QString& userId, int page, double x1, double y1, double x2, double y2)
{
    return {{QStringLiteral("userId"), userId}, {QStringLiteral("page"), page},
        {QStringLiteral("rect"), QJsonArray {x1, y1, x2, y2}}};
}

QByteArray boxesBody(const QJsonArray& boxes)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("boxes"), boxes}}).toJson(QJsonDocument::Compact);
}

bool isVermilion(QRgb c)
{
    return qRed(c) > 170 && qGreen(c) < 110 && qBlue(c) < 140;
}

} // namespace

class TestServerSignatureBoxes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void placeThenEachSignerFillsTheirOwn();
    void hostilePlacementsRefused_data();
    void hostilePlacementsRefused();
    void placedBoxIsPermanent();
    void otherCallersRefused();
    void placingAfterAFirstSignature();
    void lockedFilesRefused();
    void boxesAtRegistrationLandInVersionOne();
    void badBoxesAtRegistrationRefuseTheirFile_data();
    void badBoxesAtRegistrationRefuseTheirFile();
    void placementsAreAudited();

private:
    QString newFile(const QString& name, const QStringList& signers, const QStringList& viewers = {});
    Reply putBoxes(const QString& token, const QString& fileId, const QByteArray& body);
    QJsonArray boxes(const QString& fileId);
    int versionOf(const QString& fileId);
    QByteArray current(const SigningUser& user, const QString& fileId, int* version);
    // `pdf` signed by `user` with a round seal: into `field`, or as a new field at `rect` on `page`.
    QByteArray signSealed(const SigningUser& user, const QByteArray& pdf, const QString& field, int page = 1,
        std::array<double, 4> rect = {40, 40, 120, 120});
    int redPixelsIn(const QString& pdf, int page, const std::array<double, 4>& rect);

    QTemporaryDir m_dir;
    TestServer m_server;
    QString m_admin;
    SigningUser m_s1;
    SigningUser m_s2;
    SigningUser m_viewer;
    SigningUser m_outsider;
    QString m_folder;
    QByteArray m_pdf;
    std::shared_ptr<const pdf::SealAppearance> m_seal;
    int m_placements = 0; // successful PUTs, for the audit check
};

QString TestServerSignatureBoxes::newFile(const QString& name, const QStringList& signers, const QStringList& viewers)
{
    return registerFile(m_server, m_admin, m_folder, name, m_pdf, viewers, signers);
}

Reply TestServerSignatureBoxes::putBoxes(const QString& token, const QString& fileId, const QByteArray& body)
{
    return m_server.request("PUT", QStringLiteral("/api/v1/admin/files/%1/signature-boxes").arg(fileId), body, token,
        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
}

QJsonArray TestServerSignatureBoxes::boxes(const QString& fileId)
{
    const Reply reply = m_server.get(QStringLiteral("/api/v1/admin/files/%1/signature-boxes").arg(fileId), m_admin);
    if (reply.status != 200)
        qWarning("GET signature-boxes: %d %s", reply.status, reply.body.constData());
    return reply.json.value(QStringLiteral("boxes")).toArray();
}

int TestServerSignatureBoxes::versionOf(const QString& fileId)
{
    const Reply reply = m_server.get(QStringLiteral("/api/v1/admin/files/") + fileId, m_admin);
    return reply.json.value(QStringLiteral("file")).toObject().value(QStringLiteral("version")).toInt(-1);
}

QByteArray TestServerSignatureBoxes::current(const SigningUser& user, const QString& fileId, int* version)
{
    const Reply download = downloadFile(m_server, user.token, fileId);
    *version = test::versionOf(download);
    return download.body;
}

QByteArray TestServerSignatureBoxes::signSealed(
    const SigningUser& user, const QByteArray& pdf, const QString& field, int page, std::array<double, 4> rect)
{
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("in.pdf"));
    const QString output = dir.filePath(QStringLiteral("out.pdf"));
    if (!writeAll(input, pdf))
        return {};
    CadesSigner signer(*user.key, {user.certificate, user.ca});
    SignatureOptions options;
    options.reason = QStringLiteral("承認");
    options.seal = m_seal;
    if (field.isEmpty()) {
        options.sealPage = page;
        options.sealRect = rect;
    } else {
        options.fieldName = field;
    }
    auto signedFile = PdfSigner::signFile(input, output, signer, options);
    if (!signedFile) {
        qWarning("signing failed: %s", qPrintable(signedFile.error().detail));
        return {};
    }
    return readAll(output);
}

// pdftoppm at 72 dpi: one pixel per point, y from the top.
int TestServerSignatureBoxes::redPixelsIn(const QString& pdf, int page, const std::array<double, 4>& rect)
{
    const QString prefix = m_dir.filePath(QStringLiteral("render-%1").arg(page));
    const ToolRun run = runTool(QStringLiteral("pdftoppm"),
        {QStringLiteral("-r"), QStringLiteral("72"), QStringLiteral("-png"), QStringLiteral("-singlefile"),
            QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"), QString::number(page), pdf, prefix});
    if (run.exitCode != 0)
        return -1;
    const QImage image = QImage(prefix + QStringLiteral(".png")).convertToFormat(QImage::Format_RGB32);
    const int height = image.height();
    const QRect inside {QPoint(static_cast<int>(rect[0]), height - static_cast<int>(rect[3])),
        QPoint(static_cast<int>(rect[2]) - 1, height - static_cast<int>(rect[1]) - 1)};
    int red = 0;
    int outside = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (!isVermilion(image.pixel(x, y)))
                continue;
            if (inside.adjusted(-2, -2, 2, 2).contains(x, y))
                ++red;
            else
                ++outside;
        }
    }
    return outside == 0 ? red : -outside;
}

void TestServerSignatureBoxes::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_admin = startWithAdmin(m_server);
    QVERIFY(!m_admin.isEmpty());
    m_s1 = newUser(m_server, m_admin, QStringLiteral("s1@boxes.example"));
    m_s2 = newUser(m_server, m_admin, QStringLiteral("s2@boxes.example"));
    m_viewer = newUser(m_server, m_admin, QStringLiteral("v@boxes.example"));
    m_outsider = newUser(m_server, m_admin, QStringLiteral("o@boxes.example"));
    for (const SigningUser* user : {&m_s1, &m_s2, &m_viewer, &m_outsider})
        QVERIFY(!user->token.isEmpty());
    m_folder = createFolder(m_server, m_admin, QStringLiteral("印影配置"));
    QVERIFY(!m_folder.isEmpty());
    PdfFixtureOptions options;
    options.pages = 3;
    m_pdf = minimalPdf(options); // A4 pages
    pdf::SealSpec spec;
    spec.style = pdf::SealStyle::Round;
    spec.name = QStringLiteral("試験");
    spec.signingTime = QDateTime::currentDateTimeUtc();
    auto seal = pdf::SealAppearance::build(spec);
    QVERIFY2(seal, qPrintable(seal ? QString() : seal.error().detail));
    m_seal = *seal;
}

void TestServerSignatureBoxes::placeThenEachSignerFillsTheirOwn()
{
    const QString id = newFile(QStringLiteral("二者契約.pdf"), {m_s1.account.userId, m_s2.account.userId});
    QVERIFY(!id.isEmpty());
    QCOMPARE(boxes(id), QJsonArray());

    const std::array<double, 4> r1 {100, 100, 200, 200};
    const std::array<double, 4> r2 {350, 600, 450, 700};
    QElapsedTimer timer;
    timer.start();
    const Reply placed = putBoxes(m_admin, id,
        boxesBody({box(m_s1.account.userId, 1, r1[0], r1[1], r1[2], r1[3]),
            box(m_s2.account.userId, 2, r2[0], r2[1], r2[2], r2[3])}));
    QVERIFY2(placed.status == 200, placed.body.constData());
    qInfo("PUT of two boxes answered in %lld ms", timer.elapsed());
    ++m_placements;
    const QJsonArray answered = placed.json.value(QStringLiteral("boxes")).toArray();
    QCOMPARE(answered.size(), 2);
    QCOMPARE(answered, boxes(id));
    QJsonObject first = answered.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("userId")).toString(), m_s1.account.userId);
    QCOMPARE(first.value(QStringLiteral("page")).toInt(), 1);
    QCOMPARE(first.value(QStringLiteral("rect")).toArray(), (QJsonArray {100, 100, 200, 200}));
    QCOMPARE(first.value(QStringLiteral("filled")).toBool(), false);
    QCOMPARE(versionOf(id), 2);

    // Version 2: the registered document plus two empty fields, clean for qpdf, no signature yet.
    int version = 0;
    const QByteArray v2 = current(m_s1, id, &version);
    QCOMPARE(version, 2);
    QVERIFY(v2.startsWith(m_pdf));
    const QString v2Path = m_dir.filePath(QStringLiteral("v2.pdf"));
    QVERIFY(writeAll(v2Path, v2));
    const ToolRun check = qpdfCheck(v2Path);
    QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
    auto reader = pdf::PdfReader::open(v2Path);
    QVERIFY(reader);
    auto fields = pdf::listSignatureFields(**reader);
    QVERIFY(fields);
    QCOMPARE(int(fields->size()), 2);
    QVERIFY(!fields->at(0).filled && !fields->at(1).filled);

    // s2 signs at a place of their own while a box waits for them: refused, nothing stored.
    const QByteArray elsewhere = signSealed(m_s2, v2, QString(), 3);
    QVERIFY(!elsewhere.isEmpty());
    Reply refused = uploadSigned(m_server, m_s2.token, id, 2, elsewhere);
    QCOMPARE(refused.status, 422);
    QCOMPARE(refused.code, QStringLiteral("E4229"));
    // s1 signs into s2's box: refused.
    const QByteArray intoOthers = signSealed(m_s1, v2, m_s2.account.userId);
    QVERIFY(!intoOthers.isEmpty());
    refused = uploadSigned(m_server, m_s1.token, id, 2, intoOthers);
    QCOMPARE(refused.status, 422);
    QCOMPARE(refused.code, QStringLiteral("E4230"));
    QCOMPARE(versionOf(id), 2);
    QCOMPARE(current(m_s1, id, &version), v2);

    // Each into their own box.
    const QByteArray bySigner1 = signSealed(m_s1, v2, m_s1.account.userId);
    Reply accepted = uploadSigned(m_server, m_s1.token, id, 2, bySigner1);
    QVERIFY2(accepted.status == 200, accepted.body.constData());
    const QByteArray v3 = current(m_s2, id, &version);
    QCOMPARE(version, 3);
    accepted = uploadSigned(m_server, m_s2.token, id, 3, signSealed(m_s2, v3, m_s2.account.userId));
    QVERIFY2(accepted.status == 200, accepted.body.constData());

    const QJsonArray after = boxes(id);
    QCOMPARE(after.size(), 2);
    for (const QJsonValue& value : after)
        QVERIFY(value.toObject().value(QStringLiteral("filled")).toBool());

    const QString finalPath = m_dir.filePath(QStringLiteral("final.pdf"));
    QVERIFY(writeAll(finalPath, current(m_s1, id, &version)));
    QCOMPARE(version, 4);
    const ToolRun sig = pdfsig(finalPath);
    QVERIFY2(sig.all().count(QStringLiteral("Signature is Valid.")) == 2, qPrintable(sig.all()));
    QVERIFY2(qpdfCheck(finalPath).exitCode == 0, qPrintable(qpdfCheck(finalPath).all()));
    const int red1 = redPixelsIn(finalPath, 1, r1);
    const int red2 = redPixelsIn(finalPath, 2, r2);
    qInfo("vermilion pixels inside the boxes: %d (page 1), %d (page 2); none outside", red1, red2);
    QVERIFY2(red1 > 200, qPrintable(QString::number(red1)));
    QVERIFY2(red2 > 200, qPrintable(QString::number(red2)));
}

void TestServerSignatureBoxes::hostilePlacementsRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    // Filled in by the test: S1, S2, VIEWER, OUTSIDER stand for the user IDs.
    const auto one = [](const QJsonObject& b) { return boxesBody({b}); };
    QTest::newRow("viewer without sign permission")
        << one(box(QStringLiteral("VIEWER"), 1, 10, 10, 100, 100)) << 422 << "E3017";
    QTest::newRow("user without any permission")
        << one(box(QStringLiteral("OUTSIDER"), 1, 10, 10, 100, 100)) << 422 << "E3017";
    QTest::newRow("unknown user") << one(box(QStringLiteral("nobody-here"), 1, 10, 10, 100, 100)) << 422 << "E3017";
    QTest::newRow("page 0") << one(box(QStringLiteral("S1"), 0, 10, 10, 100, 100)) << 400 << "E3016";
    QTest::newRow("page beyond") << one(box(QStringLiteral("S1"), 4, 10, 10, 100, 100)) << 422 << "E4223";
    QTest::newRow("huge page") << one(box(QStringLiteral("S1"), 999999, 10, 10, 100, 100)) << 422 << "E4223";
    QTest::newRow("rect outside the page") << one(box(QStringLiteral("S1"), 1, 550, 10, 650, 100)) << 422 << "E4222";
    QTest::newRow("rect below the page") << one(box(QStringLiteral("S1"), 1, 10, -50, 100, 40)) << 422 << "E4222";
    QTest::newRow("rect inverted") << one(box(QStringLiteral("S1"), 1, 100, 100, 10, 10)) << 400 << "E3016";
    QTest::newRow("rect too small") << one(box(QStringLiteral("S1"), 1, 10, 10, 20, 20)) << 400 << "E3016";
    QTest::newRow("rect huge") << one(box(QStringLiteral("S1"), 1, 0, 0, 1e300, 1e300)) << 400 << "E3016";
    QTest::newRow("duplicate signer") << boxesBody(
        {box(QStringLiteral("S1"), 1, 10, 10, 100, 100), box(QStringLiteral("S1"), 2, 10, 10, 100, 100)})
                                      << 400 << "E3016";
    QTest::newRow("one good, one bad") << boxesBody(
        {box(QStringLiteral("S1"), 1, 10, 10, 100, 100), box(QStringLiteral("S2"), 9, 10, 10, 100, 100)})
                                       << 422 << "E4223";
    QJsonArray many;
    for (int i = 0; i < 101; ++i)
        many.append(box(QStringLiteral("user%1").arg(i), 1, 10, 10, 100, 100));
    QTest::newRow("too many boxes") << boxesBody(many) << 400 << "E3016";
    QTest::newRow("no boxes") << boxesBody({}) << 400 << "E3016";
    QTest::newRow("malformed JSON") << QByteArray(R"({"boxes":[{"userId":)") << 400 << "E5007";
    QTest::newRow("not an object") << QByteArray(R"([1,2])") << 400 << "E5007";
    QTest::newRow("boxes not array") << QByteArray(R"({"boxes":{}})") << 400 << "E5007";
    QTest::newRow("extra key") << QByteArray(R"({"boxes":[],"fileId":"x"})") << 400 << "E5007";
    QTest::newRow("box not object") << QByteArray(R"({"boxes":["S1"]})") << 400 << "E5007";
    QTest::newRow("unknown box key") << QByteArray(
        R"({"boxes":[{"userId":"S1","page":1,"rect":[10,10,100,100],"fieldName":"x"}]})")
                                     << 400 << "E5007";
    QTest::newRow("page string") << QByteArray(R"({"boxes":[{"userId":"S1","page":"1","rect":[10,10,100,100]}]})")
                                 << 400 << "E3016";
    QTest::newRow("page fraction") << QByteArray(R"({"boxes":[{"userId":"S1","page":1.5,"rect":[10,10,100,100]}]})")
                                   << 400 << "E3016";
    QTest::newRow("rect three numbers") << QByteArray(R"({"boxes":[{"userId":"S1","page":1,"rect":[10,10,100]}]})")
                                        << 400 << "E3016";
    QTest::newRow("rect strings") << QByteArray(
        R"({"boxes":[{"userId":"S1","page":1,"rect":["10","10","100","100"]}]})")
                                  << 400 << "E3016";
    QTest::newRow("user ID number") << QByteArray(R"({"boxes":[{"userId":7,"page":1,"rect":[10,10,100,100]}]})") << 400
                                    << "E5007";
    QTest::newRow("user ID too long") << one(box(QString(65, QLatin1Char('a')), 1, 10, 10, 100, 100)) << 400 << "E5007";
    QTest::newRow("huge body") << QByteArray(R"({"boxes":[],"pad":")" + QByteArray(100000, 'x') + "\"}") << 413
                               << "E5009";
}

void TestServerSignatureBoxes::hostilePlacementsRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    static QString id;
    if (id.isEmpty())
        id = newFile(
            QStringLiteral("敵対的.pdf"), {m_s1.account.userId, m_s2.account.userId}, {m_viewer.account.userId});
    QVERIFY(!id.isEmpty());
    body.replace("\"S1\"", QStringLiteral("\"%1\"").arg(m_s1.account.userId).toUtf8());
    body.replace("\"S2\"", QStringLiteral("\"%1\"").arg(m_s2.account.userId).toUtf8());
    body.replace("\"VIEWER\"", QStringLiteral("\"%1\"").arg(m_viewer.account.userId).toUtf8());
    body.replace("\"OUTSIDER\"", QStringLiteral("\"%1\"").arg(m_outsider.account.userId).toUtf8());
    const Reply refused = putBoxes(m_admin, id, body);
    QVERIFY2(refused.status == status, refused.body.constData());
    QCOMPARE(refused.code, code);
    QCOMPARE(versionOf(id), 1); // nothing stored
    QCOMPARE(boxes(id), QJsonArray());
}

void TestServerSignatureBoxes::placedBoxIsPermanent()
{
    const QString id = newFile(QStringLiteral("恒久.pdf"), {m_s1.account.userId, m_s2.account.userId});
    QCOMPARE(putBoxes(m_admin, id, boxesBody({box(m_s1.account.userId, 1, 10, 10, 100, 100)})).status, 200);
    ++m_placements;
    // Again for s1 (moved): refused; s2 alongside does not slip through.
    Reply again = putBoxes(m_admin, id,
        boxesBody({box(m_s2.account.userId, 1, 200, 10, 300, 100), box(m_s1.account.userId, 2, 10, 10, 100, 100)}));
    QCOMPARE(again.status, 409);
    QCOMPARE(again.code, QStringLiteral("E4228"));
    QCOMPARE(versionOf(id), 2);
    QCOMPARE(boxes(id).size(), 1);
    // A registered document with a form of its own (an indirect /AcroForm with a text field): the box joins it.
    PdfFixtureOptions options;
    options.form = PdfFixtureOptions::Form::IndirectAcroForm; // a field named Signature1
    const QString form = registerFile(
        m_server, m_admin, m_folder, QStringLiteral("様式.pdf"), minimalPdf(options), {}, {m_s1.account.userId});
    QVERIFY(!form.isEmpty());
    QCOMPARE(putBoxes(m_admin, form, boxesBody({box(m_s1.account.userId, 1, 300, 300, 400, 400)})).status, 200);
    ++m_placements;
    // Then s2 added later: the next version again.
    QCOMPARE(putBoxes(m_admin, id, boxesBody({box(m_s2.account.userId, 3, 10, 10, 100, 100)})).status, 200);
    ++m_placements;
    QCOMPARE(versionOf(id), 3);
    QCOMPARE(boxes(id).size(), 2);
}

void TestServerSignatureBoxes::otherCallersRefused()
{
    const QString id = newFile(QStringLiteral("権限.pdf"), {m_s1.account.userId});
    const QByteArray body = boxesBody({box(m_s1.account.userId, 1, 10, 10, 100, 100)});
    Reply reply = putBoxes(m_s1.token, id, body);
    QCOMPARE(reply.status, 403);
    QCOMPARE(reply.code, QStringLiteral("E1401"));
    reply = m_server.get(QStringLiteral("/api/v1/admin/files/%1/signature-boxes").arg(id), m_s1.token);
    QCOMPARE(reply.status, 403);
    QCOMPARE(putBoxes(QString(), id, body).status, 401);
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/admin/files/%1/signature-boxes").arg(id)).status, 401);
    reply = putBoxes(m_admin, QStringLiteral("f-no-such-file"), body);
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.code, QStringLiteral("E3002"));
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/admin/files/f-no-such-file/signature-boxes"), m_admin).status, 404);
    // A signer of another file is not a signer of this one.
    reply = putBoxes(m_admin, id, boxesBody({box(m_s2.account.userId, 1, 10, 10, 100, 100)}));
    QCOMPARE(reply.code, QStringLiteral("E3017"));
    QCOMPARE(versionOf(id), 1);
}

void TestServerSignatureBoxes::placingAfterAFirstSignature()
{
    const QString id = newFile(QStringLiteral("途中配置.pdf"), {m_s1.account.userId, m_s2.account.userId});
    QCOMPARE(uploadSigned(m_server, m_s1.token, id, 1, signAs(m_s1, m_pdf)).status, 200);
    // s1 has signed: no box for them any more.
    Reply reply = putBoxes(m_admin, id, boxesBody({box(m_s1.account.userId, 1, 10, 10, 100, 100)}));
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.code, QStringLiteral("E3018"));
    const std::array<double, 4> r {300, 300, 400, 400};
    reply = putBoxes(m_admin, id, boxesBody({box(m_s2.account.userId, 1, r[0], r[1], r[2], r[3])}));
    QVERIFY2(reply.status == 200, reply.body.constData());
    ++m_placements;
    int version = 0;
    const QByteArray v3 = current(m_s2, id, &version);
    QCOMPARE(version, 3);
    const QString v3Path = m_dir.filePath(QStringLiteral("after-first.pdf"));
    QVERIFY(writeAll(v3Path, v3));
    const ToolRun first = pdfsig(v3Path);
    QVERIFY2(first.all().count(QStringLiteral("Signature is Valid.")) == 1, qPrintable(first.all()));
    QVERIFY2(qpdfCheck(v3Path).exitCode == 0, qPrintable(qpdfCheck(v3Path).all()));
    // The server's own verdict of the first signature still holds (My Page would show it broken otherwise).
    const Reply accepted = uploadSigned(m_server, m_s2.token, id, 3, signSealed(m_s2, v3, m_s2.account.userId));
    QVERIFY2(accepted.status == 200, accepted.body.constData());
    const QString finalPath = m_dir.filePath(QStringLiteral("after-first-final.pdf"));
    QVERIFY(writeAll(finalPath, current(m_s1, id, &version)));
    const ToolRun both = pdfsig(finalPath);
    QVERIFY2(both.all().count(QStringLiteral("Signature is Valid.")) == 2, qPrintable(both.all()));
    QVERIFY(redPixelsIn(finalPath, 1, r) > 200);
}

void TestServerSignatureBoxes::lockedFilesRefused()
{
    // Signed by every signer: closed.
    const QString done = newFile(QStringLiteral("完了.pdf"), {m_s1.account.userId});
    QCOMPARE(uploadSigned(m_server, m_s1.token, done, 1, signAs(m_s1, m_pdf)).status, 200);
    Reply reply = putBoxes(m_admin, done, boxesBody({box(m_s1.account.userId, 1, 10, 10, 100, 100)}));
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.code, QStringLiteral("E3019"));
    QCOMPARE(versionOf(done), 2);
    // Certified with DocMDP /P 1: no change at all.
    PdfFixtureOptions options;
    options.docMdpPermission = 1;
    const QString certified = registerFile(m_server, m_admin, m_folder, QStringLiteral("認証済.pdf"),
        minimalPdf(options), {}, {m_s1.account.userId, m_s2.account.userId});
    if (certified.isEmpty())
        QSKIP("the server refuses the certification stub at registration");
    reply = putBoxes(m_admin, certified, boxesBody({box(m_s2.account.userId, 1, 10, 10, 100, 100)}));
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.code, QStringLiteral("E4005"));
    QCOMPARE(versionOf(certified), 1);
}

// Boxes given with the registration (api::NewFile::boxes, as ApiClient sends them) are in version 1 itself: no
// version 2, both fields empty in the stored bytes, and the signer fills theirs.
void TestServerSignatureBoxes::boxesAtRegistrationLandInVersionOne()
{
    api::NewFile file;
    file.name = QStringLiteral("登録時配置.pdf");
    file.content = m_pdf;
    file.signers = QStringList {m_s1.account.userId, m_s2.account.userId};
    const std::array<double, 4> r1 {100, 100, 200, 200};
    file.boxes.append(api::SignatureBox {m_s1.account.userId, 1, r1, false});
    file.boxes.append(api::SignatureBox {m_s2.account.userId, 3, {300, 600, 400, 700}, false});
    api::NewFile plain;
    plain.name = QStringLiteral("登録時配置なし.pdf");
    plain.content = m_pdf;
    plain.signers = QStringList {m_s1.account.userId};
    const Reply reply = registerFiles(m_server, m_admin, m_folder, {file.toJson(), plain.toJson()});
    QVERIFY2(reply.status == 201, reply.body.constData());
    ++m_placements;
    const QJsonArray results = reply.json.value(QStringLiteral("results")).toArray();
    const QString id
        = results.at(0).toObject().value(QStringLiteral("file")).toObject().value(QStringLiteral("fileId")).toString();
    const QString plainId
        = results.at(1).toObject().value(QStringLiteral("file")).toObject().value(QStringLiteral("fileId")).toString();
    QVERIFY(!id.isEmpty() && !plainId.isEmpty());
    QCOMPARE(versionOf(id), 1);
    QCOMPARE(boxes(id).size(), 2);
    QCOMPARE(boxes(plainId), QJsonArray());
    const Reply second = m_server.get(QStringLiteral("/api/v1/admin/files/%1/versions/2/content").arg(id), m_admin);
    QCOMPARE(second.status, 404);
    const Reply first = m_server.get(QStringLiteral("/api/v1/admin/files/%1/versions/1/content").arg(id), m_admin);
    QCOMPARE(first.status, 200);
    QVERIFY(first.body.startsWith(m_pdf) && first.body.size() > m_pdf.size());
    const QString v1Path = m_dir.filePath(QStringLiteral("registered-v1.pdf"));
    QVERIFY(writeAll(v1Path, first.body));
    QVERIFY2(qpdfCheck(v1Path).exitCode == 0, qPrintable(qpdfCheck(v1Path).all()));
    auto reader = pdf::PdfReader::open(v1Path);
    QVERIFY(reader);
    auto fields = pdf::listSignatureFields(**reader);
    QVERIFY(fields);
    QCOMPARE(int(fields->size()), 2);
    QCOMPARE(fields->at(0).name, m_s1.account.userId);
    QCOMPARE(fields->at(0).page, 1);
    QCOMPARE(fields->at(1).page, 3);
    QVERIFY(!fields->at(0).filled && !fields->at(1).filled);
    // The registration's audit entry names the boxes.
    const Reply trail = m_server.get(QStringLiteral("/api/v1/admin/audit?limit=500&event=file.registered"), m_admin);
    bool named = false;
    for (const QJsonValue& row : trail.json.value(QStringLiteral("entries")).toArray()) {
        const QString detail = row.toObject().value(QStringLiteral("detail")).toString();
        named
            = named || (detail.contains(id) && detail.contains(QStringLiteral("boxes=%1@p1").arg(m_s1.account.userId)));
    }
    QVERIFY2(named, trail.body.constData());

    // s1 signs elsewhere: refused (their box waits); into their box: version 2.
    int version = 0;
    const QByteArray v1 = current(m_s1, id, &version);
    QCOMPARE(version, 1);
    const Reply elsewhere = uploadSigned(m_server, m_s1.token, id, 1, signSealed(m_s1, v1, QString(), 2));
    QCOMPARE(elsewhere.code, QStringLiteral("E4229"));
    const Reply accepted = uploadSigned(m_server, m_s1.token, id, 1, signSealed(m_s1, v1, m_s1.account.userId));
    QVERIFY2(accepted.status == 200, accepted.body.constData());
    QCOMPARE(versionOf(id), 2);
    const QString signedPath = m_dir.filePath(QStringLiteral("registered-v2.pdf"));
    QVERIFY(writeAll(signedPath, current(m_s2, id, &version)));
    QVERIFY2(
        pdfsig(signedPath).all().contains(QStringLiteral("Signature is Valid.")), qPrintable(pdfsig(signedPath).all()));
    QVERIFY(redPixelsIn(signedPath, 1, r1) > 200);
}

void TestServerSignatureBoxes::badBoxesAtRegistrationRefuseTheirFile_data()
{
    QTest::addColumn<QJsonValue>("boxes");
    QTest::addColumn<QString>("pdf"); // "plain", "taken" (a field named S1 exists), "certified" (DocMDP /P 1)
    QTest::addColumn<QString>("code");
    const auto one = [](const QString& user, int page, double x1, double y1, double x2, double y2) {
        return QJsonValue(QJsonArray {box(user, page, x1, y1, x2, y2)});
    };
    const QString s1 = QStringLiteral("S1");
    QTest::newRow("viewer") << one(QStringLiteral("VIEWER"), 1, 10, 10, 100, 100) << "plain"
                            << "E3017";
    QTest::newRow("unknown user") << one(QStringLiteral("nobody-here"), 1, 10, 10, 100, 100) << "plain"
                                  << "E3017";
    QTest::newRow("page 0") << one(s1, 0, 10, 10, 100, 100) << "plain"
                            << "E3016";
    QTest::newRow("page beyond") << one(s1, 4, 10, 10, 100, 100) << "plain"
                                 << "E4223";
    QTest::newRow("rect outside") << one(s1, 1, 550, 10, 650, 100) << "plain"
                                  << "E4222";
    QTest::newRow("rect too small") << one(s1, 1, 10, 10, 20, 20) << "plain"
                                    << "E3016";
    QTest::newRow("duplicate signer") << QJsonValue(QJsonArray {box(s1, 1, 10, 10, 100, 100),
        box(s1, 2, 10, 10, 100, 100)}) << "plain"
                                      << "E3016";
    QJsonArray many;
    for (int i = 0; i < 101; ++i)
        many.append(box(s1, 1, 10, 10, 100, 100));
    QTest::newRow("too many") << QJsonValue(many) << "plain"
                              << "E3016";
    QTest::newRow("one good, one bad") << QJsonValue(
        QJsonArray {box(s1, 1, 10, 10, 100, 100), box(QStringLiteral("S2"), 9, 10, 10, 100, 100)})
                                       << "plain"
                                       << "E4223";
    QTest::newRow("name taken") << one(s1, 1, 10, 10, 100, 100) << "taken"
                                << "E4228";
    QTest::newRow("certified P=1") << one(s1, 1, 10, 10, 100, 100) << "certified"
                                   << "E4005";
    QTest::newRow("box not an object") << QJsonValue(QJsonArray {s1}) << "plain"
                                       << "E5007";
    QTest::newRow("boxes not a list") << QJsonValue(QJsonObject {}) << "plain"
                                      << "request E5007";
}

// A refused box refuses its file with the box's code and stores nothing of it; the batch's other file goes on.
void TestServerSignatureBoxes::badBoxesAtRegistrationRefuseTheirFile()
{
    QFETCH(QJsonValue, boxes);
    QFETCH(QString, pdf);
    QFETCH(QString, code);
    QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("b"), boxes}}).toJson(QJsonDocument::Compact);
    body.replace("\"S1\"", QStringLiteral("\"%1\"").arg(m_s1.account.userId).toUtf8());
    body.replace("\"S2\"", QStringLiteral("\"%1\"").arg(m_s2.account.userId).toUtf8());
    body.replace("\"VIEWER\"", QStringLiteral("\"%1\"").arg(m_viewer.account.userId).toUtf8());
    QByteArray content = m_pdf;
    if (pdf == QLatin1String("taken")) {
        PdfFixtureOptions options;
        options.form = PdfFixtureOptions::Form::IndirectAcroForm; // text field 7 on page 5
        content = appendUpdate(minimalPdf(options),
            {{7,
                "<< /FT /Tx /T (" + m_s1.account.userId.toUtf8()
                    + ") /Type /Annot /Subtype /Widget /Rect [72 600 272 620] /F 4 /P 5 0 R >>"}});
    } else if (pdf == QLatin1String("certified")) {
        PdfFixtureOptions options;
        options.docMdpPermission = 1;
        content = minimalPdf(options);
    }
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    const QString badName = QStringLiteral("不正枠-%1.pdf").arg(tag);
    QJsonObject bad
        = newFileJson(badName, content, {m_viewer.account.userId}, {m_s1.account.userId, m_s2.account.userId}, false);
    bad.insert(QStringLiteral("boxes"), QJsonDocument::fromJson(body).object().value(QStringLiteral("b")));
    const QJsonObject good
        = newFileJson(QStringLiteral("同梱-%1.pdf").arg(tag), m_pdf, {}, {m_s1.account.userId}, false);
    const Reply reply = registerFiles(m_server, m_admin, m_folder, {bad, good});
    if (code == QLatin1String("request E5007")) {
        // Not a list at all: the request itself is malformed, as for any other field of a file.
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.code, QStringLiteral("E5007"));
        return;
    }
    QVERIFY2(reply.status == 200, reply.body.constData());
    QCOMPARE(reply.json.value(QStringLiteral("created")).toInt(), 1);
    const QJsonArray results = reply.json.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.at(0).toObject().value(QStringLiteral("code")).toString(), code);
    QVERIFY(!results.at(0).toObject().contains(QStringLiteral("file")));
    QVERIFY(results.at(1).toObject().contains(QStringLiteral("file")));
    // Nothing of the refused file was stored: its name is free.
    QVERIFY(!registerFile(m_server, m_admin, m_folder, badName, content, {}, {m_s1.account.userId}).isEmpty());
}

void TestServerSignatureBoxes::placementsAreAudited()
{
    const Reply trail
        = m_server.get(QStringLiteral("/api/v1/admin/audit?limit=500&event=file.signature_boxes_placed"), m_admin);
    QCOMPARE(trail.status, 200);
    const QJsonArray rows = trail.json.value(QStringLiteral("entries")).toArray();
    QCOMPARE(rows.size(), m_placements); // refusals place nothing and write no entry
    for (const QJsonValue& row : rows) {
        QCOMPARE(row.toObject().value(QStringLiteral("actor")).toString(), QStringLiteral("admin"));
        QVERIFY(row.toObject().value(QStringLiteral("detail")).toString().contains(QStringLiteral("boxes=")));
    }
}

QTEST_GUILESS_MAIN(TestServerSignatureBoxes)
#include "tst_server_signature_boxes.moc"
