// 処理結果 over real HTTP: users see their own trail, administrators everyone's with filters, the CSV export is read
// back by Python's csv module (BOM, Japanese, quotes, commas, formula guard), and the database refuses edits.
#include "FileSteps.h"
#include "PdfFixtures.h"
#include "TestSupport.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace ikkatsu::test;

class TestServerResults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void usersSeeTheirOwnTrail();
    void administratorsFilterEveryone();
    void csvExportReadsBack();
    void trailIsAppendOnly();

private:
    // Rows of a CSV as Python's csv module reads it (utf-8-sig strips the BOM), plus whether a BOM was there.
    QList<QStringList> parseCsv(const QByteArray& csv);

    TestServer m_server;
    QString m_admin;
    SigningUser m_signer;
    SigningUser m_viewer;
    QString m_fileId;
    QString m_trickyId;
    const QString m_tricky = QStringLiteral("見積書「特急」, 第2版.pdf");
};

void TestServerResults::initTestCase()
{
    m_admin = startWithAdmin(m_server);
    QVERIFY(!m_admin.isEmpty());
    m_signer = newUser(m_server, m_admin, QStringLiteral("signer@results.example"));
    m_viewer = newUser(m_server, m_admin, QStringLiteral("viewer@results.example"), false);
    QVERIFY(!m_signer.token.isEmpty() && !m_viewer.token.isEmpty());
    const QString folder = createFolder(m_server, m_admin, QStringLiteral("経理部"));
    const QByteArray pdf = minimalPdf();
    m_fileId = registerFile(m_server, m_admin, folder, QStringLiteral("請求書.pdf"), pdf, {m_viewer.account.userId},
        {m_signer.account.userId});
    m_trickyId = registerFile(m_server, m_admin, folder, m_tricky, pdf, {m_viewer.account.userId}, {});
    const QString formulaId = registerFile(
        m_server, m_admin, folder, QStringLiteral("=HYPERLINK(1).pdf"), pdf, {m_viewer.account.userId}, {});
    QVERIFY(!m_fileId.isEmpty() && !m_trickyId.isEmpty() && !formulaId.isEmpty());
    // The viewer looks twice at 請求書 and once at each other file; the signer fails once, then signs.
    for (const QString& id : {m_fileId, m_fileId, m_trickyId, formulaId})
        QCOMPARE(m_server
                     .request("GET", QStringLiteral("/api/v1/files/%1/content").arg(id), {}, m_viewer.token,
                         {{"User-Agent", "Ikkatsu/0.1.0 (desktop; \"Windows 11\", ja-JP)"}})
                     .status,
            200);
    QCOMPARE(uploadSigned(m_server, m_signer.token, m_fileId, 1, pdf).code, QStringLiteral("E4206"));
    QCOMPARE(uploadSigned(m_server, m_signer.token, m_fileId, 1, signAs(m_signer, pdf)).status, 200);
}

void TestServerResults::usersSeeTheirOwnTrail()
{
    const Reply mine = m_server.get(QStringLiteral("/api/v1/results"), m_viewer.token);
    QCOMPARE(mine.status, 200);
    QCOMPARE(mine.json.value(QStringLiteral("total")).toInt(), 4);
    const QJsonArray rows = mine.json.value(QStringLiteral("results")).toArray();
    for (const QJsonValue& row : rows) {
        const QJsonObject result = row.toObject();
        QCOMPARE(result.value(QStringLiteral("userId")).toString(), m_viewer.account.userId);
        QCOMPARE(result.value(QStringLiteral("action")).toString(), QStringLiteral("view"));
        QCOMPARE(result.value(QStringLiteral("client")).toString(),
            QStringLiteral("Ikkatsu/0.1.0 (desktop; \"Windows 11\", ja-JP)"));
        QCOMPARE(result.value(QStringLiteral("folderName")).toString(), QStringLiteral("経理部"));
    }
    // Newest first.
    for (qsizetype i = 1; i < rows.size(); ++i)
        QVERIFY(rows.at(i - 1).toObject().value(QStringLiteral("occurredAt")).toString()
            >= rows.at(i).toObject().value(QStringLiteral("occurredAt")).toString());
    // Someone else's trail is for administrators only; the CSV too.
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/results?userId=") + m_signer.account.userId, m_viewer.token).code,
        QStringLiteral("E1401"));
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/admin/results"), m_viewer.token).code, QStringLiteral("E1401"));
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/admin/results/csv"), m_viewer.token).code, QStringLiteral("E1401"));
    const Reply signer = m_server.get(QStringLiteral("/api/v1/results"), m_signer.token);
    QCOMPARE(signer.json.value(QStringLiteral("total")).toInt(), 2);
    const QJsonArray signerRows = signer.json.value(QStringLiteral("results")).toArray();
    QCOMPARE(signerRows.at(0).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("ok"));
    QCOMPARE(signerRows.at(0).toObject().value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(signerRows.at(1).toObject().value(QStringLiteral("errorCode")).toString(), QStringLiteral("E4206"));
    // Paging.
    const Reply page = m_server.get(QStringLiteral("/api/v1/results?limit=3&offset=3"), m_viewer.token);
    QCOMPARE(page.json.value(QStringLiteral("results")).toArray().size(), 1);
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/results?limit=501"), m_viewer.token).code, QStringLiteral("E5007"));
    QCOMPARE(
        m_server.get(QStringLiteral("/api/v1/results?outcome=maybe"), m_viewer.token).code, QStringLiteral("E5007"));
}

void TestServerResults::administratorsFilterEveryone()
{
    const auto total = [&](const QString& query) {
        return m_server.get(QStringLiteral("/api/v1/admin/results") + query, m_admin)
            .json.value(QStringLiteral("total"))
            .toInt(-1);
    };
    QCOMPARE(total(QString()), 3 + 4 + 2); // three registrations, four views, two signing attempts
    QCOMPARE(total(QStringLiteral("?action=register")), 3);
    QCOMPARE(total(QStringLiteral("?action=view")), 4);
    QCOMPARE(total(QStringLiteral("?action=sign&outcome=ok")), 1);
    QCOMPARE(total(QStringLiteral("?outcome=failed")), 1);
    QCOMPARE(total(QStringLiteral("?userId=") + m_viewer.account.userId), 4);
    QCOMPARE(total(QStringLiteral("?userId=admin&action=register")), 3);
    QCOMPARE(total(QStringLiteral("?name=") + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("請求")))),
        1 + 2 + 2);
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(9 * 3600)).date();
    QCOMPARE(total(QStringLiteral("?from=") + today.toString(Qt::ISODate)), 9);
    QCOMPARE(total(QStringLiteral("?from=") + today.addDays(1).toString(Qt::ISODate)), 0);
    QCOMPARE(total(QStringLiteral("?to=") + today.addDays(-1).toString(Qt::ISODate)), 0);
    QCOMPARE(total(QStringLiteral("?to=") + today.toString(Qt::ISODate)), 9);
}

QList<QStringList> TestServerResults::parseCsv(const QByteArray& csv)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("results.csv"));
    if (!writeAll(path, csv))
        return {};
    const ToolRun run = runTool(QStringLiteral("/usr/bin/python3"),
        {QStringLiteral("-c"),
            QStringLiteral("import csv, json, sys\n"
                           "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
                           "    print(json.dumps(list(csv.reader(f, strict=True))))\n"),
            path});
    if (run.exitCode != 0) {
        qWarning("python csv failed: %s", qPrintable(run.all()));
        return {};
    }
    QList<QStringList> rows;
    for (const QJsonValue& row : QJsonDocument::fromJson(run.out).array()) {
        QStringList cells;
        for (const QJsonValue& cell : row.toArray())
            cells.append(cell.toString());
        rows.append(cells);
    }
    return rows;
}

void TestServerResults::csvExportReadsBack()
{
    const Reply csv = m_server.get(QStringLiteral("/api/v1/admin/results/csv"), m_admin);
    QCOMPARE(csv.status, 200);
    QVERIFY(csv.contentType.startsWith("text/csv"));
    QVERIFY(csv.contentType.contains("utf-8"));
    QVERIFY(csv.headers.value("content-disposition").startsWith("attachment"));
    QVERIFY(csv.body.startsWith("\xEF\xBB\xBF"));
    QVERIFY(csv.body.contains("\r\n"));
    const QList<QStringList> rows = parseCsv(csv.body);
    QCOMPARE(rows.size(), 1 + 9);
    QCOMPARE(rows.first(),
        QStringList({QStringLiteral("日時"), QStringLiteral("ユーザID"), QStringLiteral("ユーザ名"),
            QStringLiteral("フォルダ名"), QStringLiteral("ファイル名"), QStringLiteral("処理"), QStringLiteral("結果"),
            QStringLiteral("エラーコード"), QStringLiteral("版"), QStringLiteral("クライアント"),
            QStringLiteral("接続元"), QStringLiteral("ファイルID")}));
    int views = 0;
    int failed = 0;
    bool trickySeen = false;
    bool formulaGuarded = false;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows.at(i);
        QCOMPARE(row.size(), 12);
        // Japan time, to the second.
        QVERIFY2(
            QDateTime::fromString(row.at(0), QStringLiteral("yyyy/MM/dd HH:mm:ss")).isValid(), qPrintable(row.at(0)));
        QCOMPARE(row.at(3), QStringLiteral("経理部"));
        views += row.at(5) == QStringLiteral("ファイル閲覧");
        if (row.at(6) == QStringLiteral("失敗")) {
            ++failed;
            QCOMPARE(row.at(7), QStringLiteral("E4206"));
            QCOMPARE(row.at(5), QStringLiteral("電子署名"));
        }
        trickySeen = trickySeen || row.at(4) == m_tricky;
        if (row.at(5) == QStringLiteral("ファイル閲覧"))
            QCOMPARE(row.at(9), QStringLiteral("Ikkatsu/0.1.0 (desktop; \"Windows 11\", ja-JP)"));
        formulaGuarded = formulaGuarded || row.at(4) == QStringLiteral("'=HYPERLINK(1).pdf");
        QVERIFY(!row.at(4).startsWith(QLatin1Char('=')));
    }
    QCOMPARE(views, 4);
    QCOMPARE(failed, 1);
    QVERIFY(trickySeen);
    QVERIFY(formulaGuarded);
    // The first data row is the oldest; the times in the CSV are Japan time of the JSON's UTC times.
    const Reply json = m_server.get(QStringLiteral("/api/v1/admin/results?limit=500"), m_admin);
    const QJsonArray list = json.json.value(QStringLiteral("results")).toArray();
    const QDateTime oldest
        = QDateTime::fromString(list.last().toObject().value(QStringLiteral("occurredAt")).toString(), Qt::ISODate);
    QCOMPARE(rows.at(1).at(0), oldest.toTimeZone(QTimeZone(9 * 3600)).toString(QStringLiteral("yyyy/MM/dd HH:mm:ss")));

    // A user's own CSV holds only their rows, and filters apply.
    const Reply own = m_server.get(QStringLiteral("/api/v1/results/csv?action=view"), m_viewer.token);
    QCOMPARE(own.status, 200);
    const QList<QStringList> ownRows = parseCsv(own.body);
    QCOMPARE(ownRows.size(), 1 + 4);
    for (qsizetype i = 1; i < ownRows.size(); ++i)
        QCOMPARE(ownRows.at(i).at(1), m_viewer.account.userId);
}

void TestServerResults::trailIsAppendOnly()
{
    bool ok = true;
    queryServerDatabase(m_server, QStringLiteral("UPDATE processing_results SET outcome = 'ok'"), {}, &ok);
    QVERIFY(!ok);
    queryServerDatabase(m_server, QStringLiteral("DELETE FROM processing_results"), {}, &ok);
    QVERIFY(!ok);
    const QList<QVariantList> count = queryServerDatabase(m_server,
        QStringLiteral("SELECT COUNT(*) FROM processing_results WHERE outcome = ?"), {QStringLiteral("failed")}, &ok);
    QVERIFY(ok);
    QCOMPARE(count.first().first().toInt(), 1);
}

QTEST_GUILESS_MAIN(TestServerResults)
#include "tst_server_results.moc"
