// 操作履歴 over real HTTP: every administrator action leaves one row that the read endpoint finds, filters and paging
// work, non-administrators and bad filters are refused, the CSV reads back, and the database refuses edits.
#include "FileSteps.h"
#include "PdfFixtures.h"
#include "TestSupport.h"
#include "db/Database.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::test;

class TestServerAudit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyAdminActionIsRecorded();
    void noSecretIsRecorded();
    void filtersAndPaging();
    void nonAdministratorsAreRefused();
    void badFiltersAreRefused();
    void csvExportReadsBackAndIsRecorded();
    void trailIsAppendOnly();

private:
    // The rows of /admin/audit for `query` (all on one page).
    QJsonArray entries(const QString& query, int* total = nullptr);
    // The one row of `event` about `subject` (or, with an empty subject, whose detail contains `detailPart`).
    QJsonObject findRow(const QString& event, const QString& subject, const QString& detailPart = {});
    QList<QStringList> parseCsv(const QByteArray& csv);

    TestServer m_server;
    QString m_admin;
    TestUser m_user;
    SigningUser m_signer;
    QString m_folderId;
    QStringList m_fileIds;
    QStringList m_secrets; // what must never appear in the trail
};

QJsonArray TestServerAudit::entries(const QString& query, int* total)
{
    const Reply reply = m_server.get(QStringLiteral("/api/v1/admin/audit?limit=500") + query, m_admin);
    if (reply.status != 200)
        qWarning("audit list failed: %d %s", reply.status, reply.body.constData());
    if (total)
        *total = reply.json.value(QStringLiteral("total")).toInt(-1);
    return reply.json.value(QStringLiteral("entries")).toArray();
}

QJsonObject TestServerAudit::findRow(const QString& event, const QString& subject, const QString& detailPart)
{
    QString query = QStringLiteral("&event=") + event;
    if (!subject.isEmpty())
        query += QStringLiteral("&subjectUser=") + subject;
    QList<QJsonObject> found;
    for (const QJsonValue& value : entries(query)) {
        const QJsonObject row = value.toObject();
        if (row.value(QStringLiteral("detail")).toString().contains(detailPart))
            found.append(row);
    }
    if (found.size() != 1) {
        qWarning("%lld rows of %s about %s", qlonglong(found.size()), qPrintable(event), qPrintable(subject));
        return {};
    }
    return found.first();
}

void TestServerAudit::initTestCase()
{
    m_admin = startWithAdmin(m_server);
    QVERIFY(!m_admin.isEmpty());
    m_secrets << QStringLiteral("admin-password-1");

    // User administration: register, edit, lock, unlock, disable, enable, reset the password.
    m_user = registerUser(m_server, m_admin, kAdminEmail, QStringLiteral("audited@audit.example"));
    QVERIFY(!m_user.userId.isEmpty() && !m_user.password.isEmpty());
    m_secrets << m_user.password;
    const QString userPath = QStringLiteral("/api/v1/admin/users/") + m_user.userId;
    QCOMPARE(m_server
                 .request("PATCH", userPath,
                     QJsonDocument(QJsonObject {{QStringLiteral("company"), QStringLiteral("監査 株式会社")},
                                       {QStringLiteral("maySign"), false}})
                         .toJson(),
                     m_admin, {{"Content-Type", "application/json"}})
                 .status,
        200);
    for (const char* action : {"lock", "unlock", "disable", "enable"})
        QCOMPARE(m_server.post(userPath + QLatin1Char('/') + QLatin1String(action), {}, m_admin).status, 200);
    QCOMPARE(m_server.post(userPath + QStringLiteral("/reset-password"), {}, m_admin).status, 200);
    for (const Mail& mail : m_server.outboxMails()) {
        if (!passwordFromMail(mail).isEmpty())
            m_secrets << passwordFromMail(mail);
        if (!otpFromMail(mail).isEmpty())
            m_secrets << otpFromMail(mail);
    }

    // A user with a certificate, which the administrator revokes.
    m_signer = newUser(m_server, m_admin, QStringLiteral("signer@audit.example"));
    QVERIFY(!m_signer.token.isEmpty() && !m_signer.serial.isEmpty());
    QCOMPARE(m_server
                 .post(QStringLiteral("/api/v1/admin/certificates/%1/revoke").arg(m_signer.serial),
                     {{QStringLiteral("reason"), 1}}, m_admin)
                 .status,
        200);

    // Files: a folder, two files in one registration, a version download, the results CSV.
    m_folderId = createFolder(m_server, m_admin, QStringLiteral("監査部"));
    QVERIFY(!m_folderId.isEmpty());
    const QByteArray pdf = minimalPdf();
    const Reply registered = registerFiles(m_server, m_admin, m_folderId,
        {newFileJson(QStringLiteral("契約書.pdf"), pdf, {m_user.userId}, {m_signer.account.userId}),
            newFileJson(QStringLiteral("見積書.pdf"), pdf, {m_user.userId, m_signer.account.userId}, {})});
    QCOMPARE(registered.status, 201);
    for (const QJsonValue& value : registered.json.value(QStringLiteral("results")).toArray())
        m_fileIds
            << value.toObject().value(QStringLiteral("file")).toObject().value(QStringLiteral("fileId")).toString();
    QCOMPARE(m_fileIds.size(), 2);
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/admin/files/%1/versions/1/content").arg(m_fileIds.first()), m_admin)
                 .status,
        200);
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/admin/results/csv?action=register"), m_admin).status, 200);
}

void TestServerAudit::everyAdminActionIsRecorded()
{
    const auto check = [&](const QString& event, const QString& subject, const QString& detailPart) {
        const QJsonObject row = findRow(event, subject, detailPart);
        QVERIFY2(!row.isEmpty(), qPrintable(event));
        QCOMPARE(row.value(QStringLiteral("actor")).toString(), QStringLiteral("admin"));
        QCOMPARE(row.value(QStringLiteral("subjectUser")).toString(), subject);
        QCOMPARE(row.value(QStringLiteral("remote")).toString(), QStringLiteral("127.0.0.1"));
        QVERIFY(!row.value(QStringLiteral("eventId")).toString().isEmpty());
        const QDateTime at = QDateTime::fromString(row.value(QStringLiteral("occurredAt")).toString(), Qt::ISODate);
        QVERIFY(qAbs(at.secsTo(QDateTime::currentDateTimeUtc())) < 600);
    };
    check(QStringLiteral("user.registered"), m_user.userId, QStringLiteral("role=user"));
    check(QStringLiteral("user.edited"), m_user.userId, QStringLiteral("company"));
    QVERIFY(findRow(QStringLiteral("user.edited"), m_user.userId)
                .value(QStringLiteral("detail"))
                .toString()
                .contains(QStringLiteral("maySign")));
    check(QStringLiteral("user.locked"), m_user.userId, {});
    check(QStringLiteral("user.unlocked"), m_user.userId, {});
    check(QStringLiteral("user.disabled"), m_user.userId, {});
    check(QStringLiteral("user.enabled"), m_user.userId, {});
    check(QStringLiteral("user.password_reset"), m_user.userId, {});
    check(QStringLiteral("certificate.revoked"), m_signer.account.userId,
        QStringLiteral("serial=%1 reason=1").arg(m_signer.serial));
    check(QStringLiteral("folder.created"), QString(), QStringLiteral("folder=%1 name=監査部").arg(m_folderId));
    // One row per file, with its ID, name and how many viewers and signers it got.
    check(QStringLiteral("file.registered"), QString(),
        QStringLiteral("file=%1 name=契約書.pdf viewers=1 signers=1").arg(m_fileIds.at(0)));
    check(QStringLiteral("file.registered"), QString(),
        QStringLiteral("file=%1 name=見積書.pdf viewers=2 signers=0").arg(m_fileIds.at(1)));
    QCOMPARE(entries(QStringLiteral("&event=file.registered")).size(), 2);
    check(QStringLiteral("file.version_downloaded"), QString(),
        QStringLiteral("file=%1 version=1").arg(m_fileIds.first()));
    check(QStringLiteral("results.exported"), QString(), QStringLiteral("action=register"));
    // Listing the trail is not recorded (the listing calls above wrote nothing).
    QCOMPARE(entries(QStringLiteral("&event=audit.")).size(), 0);
}

void TestServerAudit::noSecretIsRecorded()
{
    // Passwords (the administrator's, the initial and the reset ones) and one-time passwords, against every detail.
    QVERIFY(m_secrets.size() >= 4);
    const QJsonArray all = entries(QString());
    QVERIFY(!all.isEmpty());
    for (const QJsonValue& value : all) {
        const QString detail = value.toObject().value(QStringLiteral("detail")).toString();
        for (const QString& secret : std::as_const(m_secrets)) {
            QVERIFY(!secret.isEmpty());
            QVERIFY2(!detail.contains(secret), qPrintable(value.toObject().value(QStringLiteral("event")).toString()));
        }
    }
}

void TestServerAudit::filtersAndPaging()
{
    int total = 0;
    const QJsonArray all = entries(QString(), &total);
    QVERIFY(total > 15);
    QCOMPARE(all.size(), total);
    // Newest first (times to the second; equal times keep any order).
    for (qsizetype i = 1; i < all.size(); ++i)
        QVERIFY(all.at(i - 1).toObject().value(QStringLiteral("occurredAt")).toString()
            >= all.at(i).toObject().value(QStringLiteral("occurredAt")).toString());
    // Event: one name exactly (user.locked is not user.locked_out), or a group ending in a dot.
    int groupTotal = 0;
    for (const QJsonValue& value : entries(QStringLiteral("&event=user."), &groupTotal))
        QVERIFY(value.toObject().value(QStringLiteral("event")).toString().startsWith(QStringLiteral("user.")));
    QVERIFY(groupTotal >= 9); // bootstrap, 2 registrations, edit, lock, unlock, disable, enable, reset
    QCOMPARE(entries(QStringLiteral("&event=user.locked")).size(), 1);
    QCOMPARE(entries(QStringLiteral("&event=user.lock")).size(), 0);
    QCOMPARE(entries(QStringLiteral("&event=login.success&subjectUser=") + m_user.userId).size(), 0);
    // Actor and subject user.
    for (const QJsonValue& value : entries(QStringLiteral("&actor=") + m_signer.account.userId))
        QCOMPARE(value.toObject().value(QStringLiteral("actor")).toString(), m_signer.account.userId);
    QVERIFY(!entries(QStringLiteral("&actor=") + m_signer.account.userId).isEmpty());
    int aboutUser = 0;
    const QJsonArray userRows = entries(QStringLiteral("&actor=admin&subjectUser=") + m_user.userId, &aboutUser);
    QCOMPARE(aboutUser, 7); // registered, edited, locked, unlocked, disabled, enabled, password reset
    QCOMPARE(userRows.size(), 7);
    QCOMPARE(entries(QStringLiteral("&actor=nobody")).size(), 0);
    // Dates, Japan time.
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(9 * 3600)).date();
    int todayTotal = 0;
    entries(QStringLiteral("&from=%1&to=%1").arg(today.toString(Qt::ISODate)), &todayTotal);
    QCOMPARE(todayTotal, total);
    int futureTotal = -1;
    entries(QStringLiteral("&from=") + today.addDays(1).toString(Qt::ISODate), &futureTotal);
    QCOMPARE(futureTotal, 0);
    int pastTotal = -1;
    entries(QStringLiteral("&to=") + today.addDays(-1).toString(Qt::ISODate), &pastTotal);
    QCOMPARE(pastTotal, 0);
    // Paging: pages of 3 cover the same rows as one page, with the total on every page.
    QStringList paged;
    for (int offset = 0; offset < total; offset += 3) {
        const Reply page = m_server.get(QStringLiteral("/api/v1/admin/audit?limit=3&offset=%1").arg(offset), m_admin);
        QCOMPARE(page.json.value(QStringLiteral("total")).toInt(), total);
        QCOMPARE(page.json.value(QStringLiteral("offset")).toInt(), offset);
        QCOMPARE(page.json.value(QStringLiteral("limit")).toInt(), 3);
        for (const QJsonValue& value : page.json.value(QStringLiteral("entries")).toArray())
            paged << value.toObject().value(QStringLiteral("eventId")).toString();
    }
    QCOMPARE(paged.size(), total);
    QStringList whole;
    for (const QJsonValue& value : all)
        whole << value.toObject().value(QStringLiteral("eventId")).toString();
    QCOMPARE(paged, whole);
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/admin/audit?limit=500&offset=") + QString::number(total), m_admin)
                 .json.value(QStringLiteral("entries"))
                 .toArray()
                 .size(),
        0);
}

void TestServerAudit::nonAdministratorsAreRefused()
{
    for (const QString& path : {QStringLiteral("/api/v1/admin/audit"), QStringLiteral("/api/v1/admin/audit/csv")}) {
        const Reply refused = m_server.get(path, m_signer.token);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.code, QStringLiteral("E1401"));
        QVERIFY(refused.json.value(QStringLiteral("entries")).isUndefined());
        QCOMPARE(m_server.get(path).code, QStringLiteral("E1201"));
    }
    // Each refusal itself is in the trail, with the path that was asked for.
    QStringList refusedPaths;
    for (const QJsonValue& value : entries(QStringLiteral("&event=admin.refused&actor=") + m_signer.account.userId))
        refusedPaths << value.toObject().value(QStringLiteral("detail")).toString();
    refusedPaths.sort();
    QCOMPARE(
        refusedPaths, QStringList({QStringLiteral("/api/v1/admin/audit"), QStringLiteral("/api/v1/admin/audit/csv")}));
}

void TestServerAudit::badFiltersAreRefused()
{
    const QStringList bad = {QStringLiteral("from=2026-13-01"), QStringLiteral("from=2026/01/01"),
        QStringLiteral("to=yesterday"), QStringLiteral("from=2026-02-02&to=2026-02-01"), QStringLiteral("limit=501"),
        QStringLiteral("limit=0"), QStringLiteral("offset=-1"), QStringLiteral("offset=x"),
        QStringLiteral("event=User.Locked"), QStringLiteral("event=user.%25"), QStringLiteral("event=.user"),
        QStringLiteral("event=user..locked"), QStringLiteral("actor=") + QString(65, QLatin1Char('a')),
        QStringLiteral("subjectUser=%01"), QStringLiteral("page=2"), QStringLiteral("pageSize=10")};
    for (const QString& query : bad) {
        for (const QString& path :
            {QStringLiteral("/api/v1/admin/audit?"), QStringLiteral("/api/v1/admin/audit/csv?")}) {
            const Reply reply = m_server.get(path + query, m_admin);
            QVERIFY2(reply.status == 400 && reply.code == QStringLiteral("E5007"),
                qPrintable(path + query + QLatin1Char(' ') + QString::fromUtf8(reply.body)));
            QVERIFY(!reply.json.value(QStringLiteral("message")).toString().isEmpty());
        }
    }
    // A refused export is not recorded as an export.
    QCOMPARE(entries(QStringLiteral("&event=audit.exported")).size(), 0);
}

QList<QStringList> TestServerAudit::parseCsv(const QByteArray& csv)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.csv"));
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

void TestServerAudit::csvExportReadsBackAndIsRecorded()
{
    const int exportsBefore = entries(QStringLiteral("&event=audit.exported")).size();
    const Reply csv = m_server.get(
        QStringLiteral("/api/v1/admin/audit/csv?event=user.&subjectUser=") + m_user.userId + QStringLiteral("&limit=1"),
        m_admin);
    QCOMPARE(csv.status, 200);
    QVERIFY(csv.contentType.startsWith("text/csv"));
    QVERIFY(csv.headers.value("content-disposition").startsWith("attachment"));
    QVERIFY(csv.body.startsWith("\xEF\xBB\xBF"));
    const QList<QStringList> rows = parseCsv(csv.body);
    QCOMPARE(rows.first(),
        QStringList({QStringLiteral("日時"), QStringLiteral("操作"), QStringLiteral("操作者"),
            QStringLiteral("対象ユーザ"), QStringLiteral("内容"), QStringLiteral("接続元"), QStringLiteral("ID")}));
    // Paging is ignored: every user.* row about the user, oldest first.
    QCOMPARE(rows.size(), 1 + 7);
    QCOMPARE(rows.at(1).at(1), QStringLiteral("user.registered"));
    QCOMPARE(rows.last().at(1), QStringLiteral("user.password_reset"));
    for (qsizetype i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows.at(i).size(), 7);
        QCOMPARE(rows.at(i).at(2), QStringLiteral("admin"));
        QCOMPARE(rows.at(i).at(3), m_user.userId);
        QVERIFY2(QDateTime::fromString(rows.at(i).at(0), QStringLiteral("yyyy/MM/dd HH:mm:ss")).isValid(),
            qPrintable(rows.at(i).at(0)));
    }
    // The export is recorded, with the filter it used, after its own rows were read.
    const QJsonArray exports = entries(QStringLiteral("&event=audit.exported"));
    QCOMPARE(exports.size(), exportsBefore + 1);
    const QJsonObject row = exports.first().toObject();
    QCOMPARE(row.value(QStringLiteral("actor")).toString(), QStringLiteral("admin"));
    QCOMPARE(row.value(QStringLiteral("subjectUser")).toString(), m_user.userId);
    QVERIFY(row.value(QStringLiteral("detail")).toString().contains(QStringLiteral("event=user.")));
}

void TestServerAudit::trailIsAppendOnly()
{
    const QString url = m_server.databaseUrl().isEmpty()
        ? QStringLiteral("sqlite:") + m_server.dataDir() + QStringLiteral("/ikkatsu.sqlite3")
        : m_server.databaseUrl();
    auto database = server::Database::open(url);
    QVERIFY2(database.ok(), database.ok() ? "" : qPrintable(database.error().detail));
    server::Database& db = **database;
    const auto count = [&] {
        auto rows = db.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
        return rows && rows->next() ? rows->value(0).toInt() : -1;
    };
    const int before = count();
    const auto nullActors = [&] {
        auto rows = db.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor IS NULL"));
        return rows && rows->next() ? rows->value(0).toInt() : -1;
    };
    const int unknownActors = nullActors();
    QVERIFY(before > 15);
    // The server's own Database, with the server's own privileges: the triggers refuse every edit.
    const auto update = db.exec(
        QStringLiteral("UPDATE audit_log SET detail = 'forged' WHERE event = ?"), {QStringLiteral("user.locked")});
    QVERIFY(!update.ok());
    QCOMPARE(update.error().code, ErrorCode::DatabaseError);
    QVERIFY2(update.error().detail.contains(QStringLiteral("append-only")), qPrintable(update.error().detail));
    QVERIFY(!db.exec(QStringLiteral("UPDATE audit_log SET actor = NULL")).ok());
    QVERIFY(!db.exec(QStringLiteral("DELETE FROM audit_log WHERE event = ?"), {QStringLiteral("user.locked")}).ok());
    QVERIFY(!db.exec(QStringLiteral("DELETE FROM audit_log")).ok());
    if (db.dialect() == server::SqlDialect::Postgres)
        QVERIFY(!db.exec(QStringLiteral("TRUNCATE audit_log")).ok());
    QCOMPARE(count(), before);
    QCOMPARE(nullActors(), unknownActors);
    auto forged = db.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE detail = 'forged'"));
    QVERIFY(forged && forged->next());
    QCOMPARE(forged->value(0).toInt(), 0);
    // Appending still works (it is how the server writes).
    QVERIFY(db.exec(QStringLiteral("INSERT INTO audit_log (event_id, occurred_at, event) VALUES (?, ?, ?)"),
                  {QStringLiteral("test-row"), QDateTime::currentMSecsSinceEpoch(), QStringLiteral("test.appended")})
                .ok());
    QCOMPARE(count(), before + 1);
    QVERIFY(db.schemaVersion() >= 3);
    // A second route to the same database file or cluster, as any SQL tool would use, is refused the same way.
    bool ok = true;
    queryServerDatabase(m_server, QStringLiteral("DELETE FROM audit_log"), {}, &ok);
    QVERIFY(!ok);
}

QTEST_GUILESS_MAIN(TestServerAudit)
#include "tst_server_audit.moc"
