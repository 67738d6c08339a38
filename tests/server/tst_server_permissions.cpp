// PUT /api/v1/admin/files/{fileId}/permissions over real HTTP: administrators only, signed signers kept and first
// (E3012, E3013), unknown users and users named twice refused (E3014, E3015) with nothing changed, a valid change
// seen by the users' own My Page and the next signature, and the audit trail's file.permissions_changed.
#include "FileSteps.h"
#include "PdfFixtures.h"
#include "TestSupport.h"

#include <QJsonDocument>
#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::test;

class TestServerPermissions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void onlyAdministrators();
    void signedSignerStaysFirst();
    void badUsersChangeNothing();
    void malformedBodies();
    void validChangeIsSeenEverywhere();
    void lastSignerRemovedMakesTheFileSigned();

private:
    Reply put(const QString& fileId, const QJsonObject& body, const QString& token);
    QJsonObject fileAsAdmin(const QString& fileId);
    // A file signed by m_a, waiting for m_b; m_v may view it.
    QString signedByA();
    void expectRefused(const QString& fileId, const QJsonObject& body, int status, const QString& code);

    TestServer m_server;
    QString m_admin;
    QString m_folder;
    SigningUser m_a;
    SigningUser m_b;
    SigningUser m_c;
    SigningUser m_v;
    QByteArray m_pdf;
    int m_serial = 0;
};

Reply TestServerPermissions::put(const QString& fileId, const QJsonObject& body, const QString& token)
{
    return m_server.request("PUT", QStringLiteral("/api/v1/admin/files/%1/permissions").arg(fileId),
        QJsonDocument(body).toJson(QJsonDocument::Compact), token, {{"Content-Type", "application/json"}});
}

QJsonObject TestServerPermissions::fileAsAdmin(const QString& fileId)
{
    return m_server.get(QStringLiteral("/api/v1/admin/files/") + fileId, m_admin)
        .json.value(QStringLiteral("file"))
        .toObject();
}

QString TestServerPermissions::signedByA()
{
    const QString id = registerFile(m_server, m_admin, m_folder, QStringLiteral("権限%1.pdf").arg(++m_serial), m_pdf,
        {m_v.account.userId}, {m_a.account.userId, m_b.account.userId}, true);
    if (id.isEmpty())
        return id;
    if (uploadSigned(m_server, m_a.token, id, 1, signAs(m_a, m_pdf)).status != 200)
        return {};
    return id;
}

void TestServerPermissions::expectRefused(
    const QString& fileId, const QJsonObject& body, int status, const QString& code)
{
    const QJsonObject before = fileAsAdmin(fileId);
    const Reply reply = put(fileId, body, m_admin);
    QVERIFY2(reply.status == status && reply.code == code, reply.body.constData());
    QCOMPARE(fileAsAdmin(fileId), before);
}

void TestServerPermissions::initTestCase()
{
    m_admin = startWithAdmin(m_server);
    QVERIFY(!m_admin.isEmpty());
    m_a = newUser(m_server, m_admin, QStringLiteral("a@permissions.example"));
    m_b = newUser(m_server, m_admin, QStringLiteral("b@permissions.example"));
    m_c = newUser(m_server, m_admin, QStringLiteral("c@permissions.example"));
    m_v = newUser(m_server, m_admin, QStringLiteral("v@permissions.example"), false);
    for (const SigningUser* user : {&m_a, &m_b, &m_c, &m_v})
        QVERIFY(!user->token.isEmpty());
    m_folder = createFolder(m_server, m_admin, QStringLiteral("権限テスト"));
    QVERIFY(!m_folder.isEmpty());
    m_pdf = minimalPdf();
}

void TestServerPermissions::onlyAdministrators()
{
    const QString id = signedByA();
    QVERIFY(!id.isEmpty());
    const QJsonObject body {{QStringLiteral("viewers"), QJsonArray {}},
        {QStringLiteral("signers"), QJsonArray {m_a.account.userId, m_c.account.userId}}};
    const QJsonObject before = fileAsAdmin(id);
    QCOMPARE(put(id, body, m_a.token).status, 403);
    QCOMPARE(put(id, body, QString()).status, 401);
    QCOMPARE(fileAsAdmin(id), before);
}

void TestServerPermissions::signedSignerStaysFirst()
{
    const QString id = signedByA();
    QVERIFY(!id.isEmpty());
    const QString a = m_a.account.userId;
    const QString b = m_b.account.userId;
    const QString v = m_v.account.userId;
    // Removed, or placed after someone who has not signed: refused.
    expectRefused(id, {{QStringLiteral("viewers"), QJsonArray {v}}, {QStringLiteral("signers"), QJsonArray {b}}}, 409,
        QStringLiteral("E3012"));
    expectRefused(id, {{QStringLiteral("viewers"), QJsonArray {}}, {QStringLiteral("signers"), QJsonArray {}}}, 409,
        QStringLiteral("E3012"));
    expectRefused(id, {{QStringLiteral("viewers"), QJsonArray {v}}, {QStringLiteral("signers"), QJsonArray {b, a}}},
        409, QStringLiteral("E3013"));
    // Made a mere viewer: removed as a signer.
    expectRefused(id, {{QStringLiteral("viewers"), QJsonArray {a}}, {QStringLiteral("signers"), QJsonArray {b}}}, 409,
        QStringLiteral("E3012"));
}

void TestServerPermissions::badUsersChangeNothing()
{
    const QString id = signedByA();
    QVERIFY(!id.isEmpty());
    const QString a = m_a.account.userId;
    const QString b = m_b.account.userId;
    const QJsonObject unknown {{QStringLiteral("viewers"), QJsonArray {QStringLiteral("nobody-here")}},
        {QStringLiteral("signers"), QJsonArray {a}}};
    const Reply reply = put(id, unknown, m_admin);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.code, QStringLiteral("E3014"));
    QVERIFY2(reply.body.contains("(user ID: nobody-here)"), reply.body.constData());
    expectRefused(id, {{QStringLiteral("viewers"), QJsonArray {}}, {QStringLiteral("signers"), QJsonArray {a, b, b}}},
        400, QStringLiteral("E3015"));
    expectRefused(id, {{QStringLiteral("viewers"), QJsonArray {b}}, {QStringLiteral("signers"), QJsonArray {a, b}}},
        400, QStringLiteral("E3015"));
    // Hostile IDs are just unknown users: no SQL, no crash.
    expectRefused(id,
        {{QStringLiteral("viewers"), QJsonArray {QStringLiteral("x' OR '1'='1")}},
            {QStringLiteral("signers"), QJsonArray {a}}},
        400, QStringLiteral("E3014"));
    const Reply missing = put(QStringLiteral("f-no-such-file"),
        {{QStringLiteral("viewers"), QJsonArray {}}, {QStringLiteral("signers"), QJsonArray {}}}, m_admin);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.code, QStringLiteral("E3002"));
}

void TestServerPermissions::malformedBodies()
{
    const QString id = signedByA();
    QVERIFY(!id.isEmpty());
    const QString a = m_a.account.userId;
    // An omitted list is not "nobody".
    expectRefused(id, {{QStringLiteral("signers"), QJsonArray {a}}}, 400, QStringLiteral("E5007"));
    expectRefused(id, {{QStringLiteral("viewers"), QJsonArray {}}}, 400, QStringLiteral("E5007"));
    expectRefused(id, {{QStringLiteral("viewers"), QStringLiteral("x")}, {QStringLiteral("signers"), QJsonArray {a}}},
        400, QStringLiteral("E5007"));
    expectRefused(id, {{QStringLiteral("viewers"), QJsonArray {42}}, {QStringLiteral("signers"), QJsonArray {a}}}, 400,
        QStringLiteral("E5007"));
    expectRefused(id,
        {{QStringLiteral("viewers"), QJsonArray {}}, {QStringLiteral("signers"), QJsonArray {a}},
            {QStringLiteral("signOrdered"), QStringLiteral("yes")}},
        400, QStringLiteral("E5007"));
    QJsonArray many;
    for (int i = 0; i < 51; ++i)
        many.append(QStringLiteral("u%1").arg(i));
    expectRefused(id, {{QStringLiteral("viewers"), QJsonArray {}}, {QStringLiteral("signers"), many}}, 400,
        QStringLiteral("E5007"));
    const Reply notJson = m_server.request("PUT", QStringLiteral("/api/v1/admin/files/%1/permissions").arg(id),
        QByteArrayLiteral("{viewers:"), m_admin, {{"Content-Type", "application/json"}});
    QCOMPARE(notJson.status, 400);
}

void TestServerPermissions::validChangeIsSeenEverywhere()
{
    const QString id = signedByA();
    QVERIFY(!id.isEmpty());
    const QString a = m_a.account.userId;
    const QString b = m_b.account.userId;
    const QString c = m_c.account.userId;
    // b leaves the signers for the viewers, c signs after a; v loses the view permission.
    const Reply reply = put(id,
        {{QStringLiteral("viewers"), QJsonArray {b}}, {QStringLiteral("signers"), QJsonArray {a, c}},
            {QStringLiteral("signOrdered"), true}},
        m_admin);
    QVERIFY2(reply.status == 200, reply.body.constData());
    const QJsonObject file = fileAsAdmin(id);
    QCOMPARE(file.value(QStringLiteral("requiredSigners")).toInt(), 2);
    QCOMPARE(file.value(QStringLiteral("signedCount")).toInt(), 1);
    QCOMPARE(file.value(QStringLiteral("status")).toString(), QStringLiteral("signing"));
    const QJsonArray signers = file.value(QStringLiteral("signers")).toArray();
    QCOMPARE(signers.size(), 2);
    QCOMPARE(signers.at(0).toObject().value(QStringLiteral("userId")).toString(), a);
    QVERIFY(signers.at(0).toObject().value(QStringLiteral("signed")).toBool());
    QCOMPARE(signers.at(1).toObject().value(QStringLiteral("userId")).toString(), c);
    QCOMPARE(signers.at(1).toObject().value(QStringLiteral("position")).toInt(), 2);
    QCOMPARE(file.value(QStringLiteral("viewers")).toArray(), QJsonArray {b});
    // The new permissions (b's view, c's signature) carry the file's registration time, so that their My Page lists
    // of recent files show it.
    const QList<QVariantList> copied = queryServerDatabase(m_server,
        QStringLiteral("SELECT COUNT(*) FROM file_permissions p JOIN files f ON f.file_id = p.file_id "
                       "WHERE p.file_id = ? AND p.registered_at = f.registered_at"),
        {id});
    QVERIFY(!copied.isEmpty());
    QCOMPARE(copied.at(0).at(0).toInt(), 3);
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(9 * 3600)).date();
    const QString recent = QStringLiteral("?registeredFrom=%1&registeredTo=%2")
                               .arg(today.addDays(-1).toString(Qt::ISODate), today.addDays(1).toString(Qt::ISODate));
    for (const SigningUser* user : {&m_b, &m_c}) {
        bool listed = false;
        for (const QJsonValue& entry : listFiles(m_server, user->token, recent))
            listed = listed || entry.toObject().value(QStringLiteral("fileId")).toString() == id;
        QVERIFY2(listed, qPrintable(user->account.userId));
    }

    // The users' own view: v no longer sees it, b views it, c signs it next.
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/files/") + id, m_v.token).status, 404);
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/files/") + id, m_b.token).status, 200);
    const Reply current = downloadFile(m_server, m_c.token, id);
    QCOMPARE(current.status, 200);
    QCOMPARE(versionOf(current), 2);
    QCOMPARE(uploadSigned(m_server, m_c.token, id, 2, signAs(m_c, current.body)).status, 200);
    QCOMPARE(fileAsAdmin(id).value(QStringLiteral("status")).toString(), QStringLiteral("signed"));
    // b, no longer a signer, is refused.
    QCOMPARE(uploadSigned(m_server, m_b.token, id, 3, signAs(m_b, current.body)).status, 403);

    // Audited with the file's name and the new counts.
    const Reply trail
        = m_server.get(QStringLiteral("/api/v1/admin/audit?event=file.permissions_changed&limit=50"), m_admin);
    QCOMPARE(trail.status, 200);
    bool found = false;
    for (const QJsonValue& entry : trail.json.value(QStringLiteral("entries")).toArray()) {
        const QString detail = entry.toObject().value(QStringLiteral("detail")).toString();
        found = found
            || (detail.startsWith(QStringLiteral("file=") + id) && detail.contains(QStringLiteral("signers=2")));
    }
    QVERIFY2(found, trail.body.constData());
}

void TestServerPermissions::lastSignerRemovedMakesTheFileSigned()
{
    const QString id = signedByA();
    QVERIFY(!id.isEmpty());
    // Only a (who signed) remains: nothing is missing any more. signOrdered omitted keeps its value.
    const Reply reply = put(id,
        {{QStringLiteral("viewers"), QJsonArray {m_v.account.userId}},
            {QStringLiteral("signers"), QJsonArray {m_a.account.userId}}},
        m_admin);
    QVERIFY2(reply.status == 200, reply.body.constData());
    const QJsonObject file = fileAsAdmin(id);
    QCOMPARE(file.value(QStringLiteral("status")).toString(), QStringLiteral("signed"));
    QCOMPARE(file.value(QStringLiteral("requiredSigners")).toInt(), 1);
    QVERIFY(file.value(QStringLiteral("signOrdered")).toBool());
}

QTEST_GUILESS_MAIN(TestServerPermissions)
#include "tst_server_permissions.moc"
