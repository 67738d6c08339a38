// 印影 settings over real HTTP (SQLite and PostgreSQL): defaults from the profile, save and read back, each user
// sees only their own, hostile bodies refused with their codes and nothing stored, every change audited.
#include "FileSteps.h"
#include "TestSupport.h"

#include <QJsonDocument>
#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::test;

class TestServerSeal : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultsComeFromTheProfile();
    void savedSettingsReadBack();
    void eachUserHasTheirOwn();
    void withoutSessionRefused();
    void badInputsRefused_data();
    void badInputsRefused();
    void changesAreAudited();

private:
    Reply put(const QString& token, const QByteArray& body);
    QJsonObject seal(const QString& token);

    TestServer m_server;
    QString m_admin;
    TestUser m_user;
    QString m_token;
    TestUser m_other;
    QString m_otherToken;
};

Reply TestServerSeal::put(const QString& token, const QByteArray& body)
{
    return m_server.request("PUT", QStringLiteral("/api/v1/me/seal"), body, token,
        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
}

QJsonObject TestServerSeal::seal(const QString& token)
{
    const Reply reply = m_server.get(QStringLiteral("/api/v1/me/seal"), token);
    if (reply.status != 200)
        qWarning("GET /me/seal: %d %s", reply.status, reply.body.constData());
    return reply.json;
}

void TestServerSeal::initTestCase()
{
    m_admin = startWithAdmin(m_server);
    QVERIFY(!m_admin.isEmpty());
    m_user = registerUser(m_server, m_admin, kAdminEmail, QStringLiteral("seal@seal.example"));
    QVERIFY(!m_user.userId.isEmpty());
    m_token = fullLogin(m_server, m_user.userId, m_user.password, m_user.email);
    QVERIFY(!m_token.isEmpty());
    m_other = registerUser(m_server, m_admin, kAdminEmail, QStringLiteral("other@seal.example"));
    m_otherToken = fullLogin(m_server, m_other.userId, m_other.password, m_other.email);
    QVERIFY(!m_otherToken.isEmpty());
}

void TestServerSeal::defaultsComeFromTheProfile()
{
    const QJsonObject reply = seal(m_token);
    const QJsonObject settings = reply.value(QStringLiteral("seal")).toObject();
    QCOMPARE(settings.value(QStringLiteral("style")).toString(), QStringLiteral("none"));
    QCOMPARE(settings.value(QStringLiteral("page")).toString(), QStringLiteral("last"));
    QCOMPARE(settings.value(QStringLiteral("corner")).toString(), QStringLiteral("bottom-right"));
    QCOMPARE(settings.value(QStringLiteral("text")).toString(), QString());
    // registerUser names everyone 「試験 利用者」 of 「試験 株式会社」: the family name is 試験.
    QCOMPARE(reply.value(QStringLiteral("defaultText")).toString(), QStringLiteral("試験"));
    QCOMPARE(reply.value(QStringLiteral("defaultCompany")).toString(), QStringLiteral("試験 株式会社"));
    QCOMPARE(reply.value(QStringLiteral("fieldName")).toString(), m_user.userId);
}

void TestServerSeal::savedSettingsReadBack()
{
    const QByteArray body = R"({"style":"round","text":" 𠮷田 ","page":"first","corner":"top-left"})";
    const Reply saved = put(m_token, body);
    if (saved.status != 200)
        qWarning("%s\n%s", saved.body.constData(), m_server.log().right(3000).constData());
    QCOMPARE(saved.status, 200);
    const QJsonObject stored = seal(m_token).value(QStringLiteral("seal")).toObject();
    QCOMPARE(stored.value(QStringLiteral("style")).toString(), QStringLiteral("round"));
    QCOMPARE(stored.value(QStringLiteral("text")).toString(), QStringLiteral("𠮷田")); // trimmed; beyond the BMP
    QCOMPARE(stored.value(QStringLiteral("page")).toString(), QStringLiteral("first"));
    QCOMPARE(stored.value(QStringLiteral("corner")).toString(), QStringLiteral("top-left"));
    QCOMPARE(saved.json.value(QStringLiteral("seal")).toObject(), stored);

    // Saved again: one row per user, replaced.
    QCOMPARE(put(m_token, R"({"style":"date","company":"一括商事","page":"last","corner":"bottom-left"})").status, 200);
    const QJsonObject replaced = seal(m_token).value(QStringLiteral("seal")).toObject();
    QCOMPARE(replaced.value(QStringLiteral("style")).toString(), QStringLiteral("date"));
    QCOMPARE(replaced.value(QStringLiteral("text")).toString(), QString());
    QCOMPARE(replaced.value(QStringLiteral("company")).toString(), QStringLiteral("一括商事"));
    const auto rows = queryServerDatabase(
        m_server, QStringLiteral("SELECT COUNT(*) FROM user_seals WHERE user_id = ?"), {m_user.userId});
    QCOMPARE(rows.value(0).value(0).toInt(), 1);
}

void TestServerSeal::eachUserHasTheirOwn()
{
    QCOMPARE(put(m_otherToken, R"({"style":"square","page":"last","corner":"bottom-right"})").status, 200);
    QCOMPARE(seal(m_token).value(QStringLiteral("seal")).toObject().value(QStringLiteral("style")).toString(),
        QStringLiteral("date"));
    QCOMPARE(seal(m_otherToken).value(QStringLiteral("seal")).toObject().value(QStringLiteral("style")).toString(),
        QStringLiteral("square"));
    // No path names another user: a user ID in the body is refused as an unknown field.
    const Reply smuggled = put(m_otherToken,
        QStringLiteral(R"({"style":"none","page":"last","corner":"bottom-right","userId":"%1"})")
            .arg(m_user.userId)
            .toUtf8());
    QCOMPARE(smuggled.status, 400);
    QCOMPARE(smuggled.code, QStringLiteral("E5007"));
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/me/seal/") + m_user.userId, m_otherToken).status, 404);
}

void TestServerSeal::withoutSessionRefused()
{
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/me/seal")).status, 401);
    const Reply anonymous = put(QString(), R"({"style":"round","page":"last","corner":"bottom-right"})");
    QCOMPARE(anonymous.status, 401);
    QCOMPARE(
        put(QStringLiteral("not-a-token"), R"({"style":"round","page":"last","corner":"bottom-right"})").status, 401);
}

void TestServerSeal::badInputsRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const QByteArray tail = R"(,"page":"last","corner":"bottom-right"})";
    QTest::newRow("unknown style") << QByteArray(R"({"style":"circle")" + tail) << 422 << "E4220";
    QTest::newRow("style case") << QByteArray(R"({"style":"Round")" + tail) << 422 << "E4220";
    QTest::newRow("style missing") << QByteArray(R"({"page":"last","corner":"bottom-right"})") << 400 << "E5007";
    QTest::newRow("style number") << QByteArray(R"({"style":1)" + tail) << 400 << "E5007";
    QTest::newRow("unknown page") << QByteArray(R"({"style":"round","page":"middle","corner":"bottom-right"})") << 400
                                  << "E3016";
    QTest::newRow("unknown corner") << QByteArray(R"({"style":"round","page":"last","corner":"centre"})") << 400
                                    << "E3016";
    QTest::newRow("round name too long") << QByteArray(R"({"style":"round","text":"長谷川部長")" + tail) << 422
                                         << "E4221";
    QTest::newRow("control character") << QByteArray(R"({"style":"text","text":"山田\u0007太郎")" + tail) << 422
                                       << "E4221";
    QTest::newRow("bidi override") << QByteArray(R"({"style":"text","text":"山田\u202e太郎")" + tail) << 422 << "E4221";
    QTest::newRow("lone surrogate") << QByteArray(R"({"style":"round","text":"\ud842")" + tail) << 422 << "E4221";
    QTest::newRow("huge text") << QByteArray(R"({"style":"none","text":")" + QByteArray(5000, 'a') + '"' + tail) << 422
                               << "E4221";
    QTest::newRow("square company too long")
        << QByteArray(R"({"style":"square","company":"一二三四五六七八九十一二三四五六七")" + tail) << 422 << "E4221";
    QTest::newRow("text array") << QByteArray(R"({"style":"round","text":["山"])" + tail) << 400 << "E5007";
    QTest::newRow("not json") << QByteArray("style=round") << 400 << "E5007";
    QTest::newRow("json array") << QByteArray(R"(["round"])") << 400 << "E5007";
}

void TestServerSeal::badInputsRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    const QJsonObject before = seal(m_token);
    const Reply refused = put(m_token, body);
    QCOMPARE(refused.status, status);
    QCOMPARE(refused.code, code);
    QCOMPARE(seal(m_token), before); // nothing stored
}

void TestServerSeal::changesAreAudited()
{
    const Reply trail = m_server.get(
        QStringLiteral("/api/v1/admin/audit?limit=500&event=seal.changed&actor=") + m_user.userId, m_admin);
    QCOMPARE(trail.status, 200);
    const QJsonArray rows = trail.json.value(QStringLiteral("entries")).toArray();
    QCOMPARE(rows.size(), 2); // the two saves of savedSettingsReadBack; refusals change nothing
    QStringList details;
    for (const QJsonValue& row : rows) {
        QCOMPARE(row.toObject().value(QStringLiteral("subjectUser")).toString(), m_user.userId);
        details << row.toObject().value(QStringLiteral("detail")).toString();
    }
    QVERIFY2(
        details.contains(QStringLiteral("style=round page=first corner=top-left")), qPrintable(details.join(u'|')));
    QVERIFY(details.contains(QStringLiteral("style=date page=last corner=bottom-left")));
}

QTEST_GUILESS_MAIN(TestServerSeal)
#include "tst_server_seal.moc"
