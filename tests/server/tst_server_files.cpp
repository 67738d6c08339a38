// Folders and files over real HTTP: registration checks, who sees what (also by guessing IDs), every My Page filter
// combination of the manual, dates, partial names, sorting, paging, and downloads with their version tag.
#include "FileSteps.h"
#include "PdfFixtures.h"
#include "TestSupport.h"
#include "api/FileDto.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace ikkatsu::test;

namespace {

// The focal user's view of one file, as the test arranges it.
struct Expected
{
    QString name;
    QString folder;
    bool signer = false;
    bool processed = false;
    QString status; // unsigned / signing / signed
};

// Moves a file's registration back in time as if it had been registered then: the file and each of its permissions
// (which carry a copy of the time for My Page) alike.
bool setRegisteredAt(TestServer& server, const QString& fileId, qint64 seconds)
{
    bool ok = false;
    queryServerDatabase(
        server, QStringLiteral("UPDATE files SET registered_at = ? WHERE file_id = ?"), {seconds, fileId}, &ok);
    if (!ok)
        return false;
    queryServerDatabase(server, QStringLiteral("UPDATE file_permissions SET registered_at = ? WHERE file_id = ?"),
        {seconds, fileId}, &ok);
    return ok;
}

} // namespace

class TestServerFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void registrationRefusesBadInput();
    void registrationRecordsRegistrantAndDate();
    void usersSeeOnlyTheirFiles();
    void everyManualFilterCombination();
    void registrationDateRange();
    void partialNamesAreLiteral();
    void sortingAndPaging();
    void badQueriesAreRefused();
    void downloadCarriesVersionTag();
    void administratorsDownloadAnyVersion();
    void upgradeCopiesRegistrationTimes();

private:
    QSet<QString> namesOf(const QJsonArray& files) const;
    QString idOf(const QString& name) const { return m_ids.value(name); }

    TestServer m_server;
    QString m_admin;
    SigningUser m_a; // the focal user
    SigningUser m_b;
    SigningUser m_c;
    SigningUser m_outsider;
    QString m_contracts;
    QString m_drawings;
    QString m_reports;
    QHash<QString, QString> m_ids;
    QList<Expected> m_expected;
};

QSet<QString> TestServerFiles::namesOf(const QJsonArray& files) const
{
    QSet<QString> names;
    for (const QJsonValue& file : files)
        names.insert(file.toObject().value(QStringLiteral("name")).toString());
    return names;
}

void TestServerFiles::initTestCase()
{
    m_admin = startWithAdmin(m_server, {QStringLiteral("--max-file-bytes"), QStringLiteral("200000")});
    QVERIFY(!m_admin.isEmpty());
    m_a = newUser(m_server, m_admin, QStringLiteral("a@files.example"));
    m_b = newUser(m_server, m_admin, QStringLiteral("b@files.example"));
    m_c = newUser(m_server, m_admin, QStringLiteral("c@files.example"), false);
    m_outsider = newUser(m_server, m_admin, QStringLiteral("o@files.example"), false);
    for (const SigningUser* user : {&m_a, &m_b, &m_c, &m_outsider})
        QVERIFY(!user->token.isEmpty());
    m_contracts = createFolder(m_server, m_admin, QStringLiteral("契約書"));
    m_drawings = createFolder(m_server, m_admin, QStringLiteral("図面_2024"));
    m_reports = createFolder(m_server, m_admin, QStringLiteral("100%資料"));
    QVERIFY(!m_contracts.isEmpty() && !m_drawings.isEmpty() && !m_reports.isEmpty());

    const QByteArray pdf = minimalPdf();
    const QString a = m_a.account.userId;
    const QString b = m_b.account.userId;
    const QString c = m_c.account.userId;
    struct Plan
    {
        QString folder;
        QString name;
        QStringList viewers;
        QStringList signers;
        bool ordered;
    };
    const QList<Plan> plans = {
        {m_contracts, QStringLiteral("売買契約書.pdf"), {}, {a, b}, false},
        {m_contracts, QStringLiteral("賃貸契約書.pdf"), {a}, {}, false},
        {m_drawings, QStringLiteral("平面図A.pdf"), {}, {a}, false},
        {m_drawings, QStringLiteral("立面図.pdf"), {a}, {b}, false},
        {m_reports, QStringLiteral("報告書_最終.pdf"), {c}, {b, a}, true},
        {m_contracts, QStringLiteral("他人のファイル.pdf"), {c}, {b}, false},
    };
    for (const Plan& plan : plans) {
        const QString id
            = registerFile(m_server, m_admin, plan.folder, plan.name, pdf, plan.viewers, plan.signers, plan.ordered);
        QVERIFY2(!id.isEmpty(), qPrintable(plan.name));
        m_ids.insert(plan.name, id);
    }
    // B signs 売買契約書 (→ 署名中), A signs 平面図A (→ 署名済, A 処理済), A views 賃貸契約書 (viewer → 処理済).
    const QByteArray signedByB = signAs(m_b, pdf);
    QCOMPARE(uploadSigned(m_server, m_b.token, idOf(QStringLiteral("売買契約書.pdf")), 1, signedByB).status, 200);
    QCOMPARE(uploadSigned(m_server, m_a.token, idOf(QStringLiteral("平面図A.pdf")), 1, signAs(m_a, pdf)).status, 200);
    QCOMPARE(downloadFile(m_server, m_a.token, idOf(QStringLiteral("賃貸契約書.pdf"))).status, 200);
    // A signer who only looks stays 未処理.
    QCOMPARE(downloadFile(m_server, m_a.token, idOf(QStringLiteral("報告書_最終.pdf"))).status, 200);

    m_expected = {
        {QStringLiteral("売買契約書.pdf"), QStringLiteral("契約書"), true, false, QStringLiteral("signing")},
        {QStringLiteral("賃貸契約書.pdf"), QStringLiteral("契約書"), false, true, QStringLiteral("unsigned")},
        {QStringLiteral("平面図A.pdf"), QStringLiteral("図面_2024"), true, true, QStringLiteral("signed")},
        {QStringLiteral("立面図.pdf"), QStringLiteral("図面_2024"), false, false, QStringLiteral("unsigned")},
        {QStringLiteral("報告書_最終.pdf"), QStringLiteral("100%資料"), true, false, QStringLiteral("unsigned")},
    };
}

void TestServerFiles::registrationRefusesBadInput()
{
    const QByteArray pdf = minimalPdf();
    const QString a = m_a.account.userId;
    QTemporaryDir dir;
    const QString plain = dir.filePath(QStringLiteral("plain.pdf"));
    const QString encrypted = dir.filePath(QStringLiteral("encrypted.pdf"));
    QVERIFY(writeAll(plain, pdf));
    QVERIFY2(runQpdf(plain, encrypted,
                 {QStringLiteral("--encrypt"), QStringLiteral("user"), QStringLiteral("owner"), QStringLiteral("256"),
                     QStringLiteral("--")})
                 .isEmpty(),
        "qpdf --encrypt");
    PdfFixtureOptions big;
    big.padding = QByteArray(250000, 'x');

    struct Case
    {
        QString name;
        QByteArray content;
        QStringList viewers;
        QStringList signers;
        QString code;
    };
    const QList<Case> cases = {
        {QStringLiteral("../../etc/passwd"), pdf, {a}, {}, QStringLiteral("E3005")},
        {QStringLiteral("sub\\dir.pdf"), pdf, {a}, {}, QStringLiteral("E3005")},
        {QStringLiteral("tab\there.pdf"), pdf, {a}, {}, QStringLiteral("E3005")},
        {QStringLiteral("nul") + QChar(0) + QStringLiteral(".pdf"), pdf, {a}, {}, QStringLiteral("E3005")},
        {QStringLiteral(".hidden.pdf"), pdf, {a}, {}, QStringLiteral("E3005")},
        {QStringLiteral("a<b>.pdf"), pdf, {a}, {}, QStringLiteral("E3005")},
        {QStringLiteral("invoice") + QChar(0x202E) + QStringLiteral("fdp.exe"), pdf, {a}, {}, QStringLiteral("E3005")},
        {QStringLiteral(" lead.pdf"), pdf, {a}, {}, QStringLiteral("E3005")},
        {QString(201, QLatin1Char('x')), pdf, {a}, {}, QStringLiteral("E3005")},
        {QString(), pdf, {a}, {}, QStringLiteral("E3005")},
        {QStringLiteral("text.pdf"), QByteArrayLiteral("just some text, not a PDF"), {a}, {}, QStringLiteral("E3007")},
        {QStringLiteral("empty.pdf"), QByteArray(), {a}, {}, QStringLiteral("E3007")},
        {QStringLiteral("encrypted.pdf"), readAll(encrypted), {a}, {}, QStringLiteral("E4002")},
        {QStringLiteral("big.pdf"), minimalPdf(big), {a}, {}, QStringLiteral("E3006")},
        {QStringLiteral("unknown-user.pdf"), pdf, {QStringLiteral("nobody")}, {}, QStringLiteral("E5007")},
        {QStringLiteral("twice.pdf"), pdf, {a}, {a}, QStringLiteral("E5007")},
        {QStringLiteral("cannot-sign.pdf"), pdf, {}, {m_c.account.userId}, QStringLiteral("E2208")},
    };
    QJsonArray files;
    for (const Case& item : cases)
        files.append(newFileJson(item.name, item.content, item.viewers, item.signers));
    // One good file in the same batch is stored; the batch answers 200 because some were refused.
    files.append(newFileJson(QStringLiteral("良いファイル.pdf"), pdf, {a}, {}));
    const Reply reply = registerFiles(m_server, m_admin, m_drawings, files);
    QCOMPARE(reply.status, 200);
    const QJsonArray results = reply.json.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), cases.size() + 1);
    for (qsizetype i = 0; i < cases.size(); ++i)
        QVERIFY2(results.at(i).toObject().value(QStringLiteral("code")).toString() == cases.at(i).code,
            qPrintable(QStringLiteral("%1: %2").arg(i).arg(
                QString::fromUtf8(QJsonDocument(results.at(i).toObject()).toJson()))));
    QVERIFY(results.last().toObject().value(QStringLiteral("file")).isObject());
    QCOMPARE(reply.json.value(QStringLiteral("created")).toInt(), 1);
    m_ids.insert(QStringLiteral("良いファイル.pdf"),
        results.last().toObject().value(QStringLiteral("file")).toObject().value(QStringLiteral("fileId")).toString());
    m_expected.append(
        {QStringLiteral("良いファイル.pdf"), QStringLiteral("図面_2024"), false, false, QStringLiteral("unsigned")});

    const Reply duplicate
        = registerFiles(m_server, m_admin, m_contracts, {newFileJson(QStringLiteral("売買契約書.pdf"), pdf, {a}, {})});
    QCOMPARE(duplicate.json.value(QStringLiteral("results")).toArray().first().toObject().value(QStringLiteral("code")),
        QStringLiteral("E3008"));
    const Reply folderTwice = m_server.post(
        QStringLiteral("/api/v1/admin/folders"), {{QStringLiteral("name"), QStringLiteral("契約書")}}, m_admin);
    QCOMPARE(folderTwice.status, 409);
    QCOMPARE(folderTwice.code, QStringLiteral("E3008"));
    const Reply badFolder = m_server.post(
        QStringLiteral("/api/v1/admin/folders"), {{QStringLiteral("name"), QStringLiteral("a/b")}}, m_admin);
    QCOMPARE(badFolder.code, QStringLiteral("E3005"));
    const Reply noFolder = registerFiles(
        m_server, m_admin, QStringLiteral("dnothere"), {newFileJson(QStringLiteral("x.pdf"), pdf, {a}, {})});
    QCOMPARE(noFolder.status, 404);
    QCOMPARE(noFolder.code, QStringLiteral("E3001"));
    // Users cannot register.
    const Reply notAdmin
        = registerFiles(m_server, m_a.token, m_drawings, {newFileJson(QStringLiteral("x.pdf"), pdf, {a}, {})});
    QCOMPARE(notAdmin.status, 403);
    QCOMPARE(notAdmin.code, QStringLiteral("E1401"));
    // Malformed batches.
    for (const QByteArray& body : {QByteArrayLiteral("{\"folderId\":\"x\",\"files\":[]}"),
             QByteArrayLiteral("{\"folderId\":\"x\",\"files\":[{\"name\":\"a.pdf\",\"content\":\"!!!\"}]}"),
             QByteArrayLiteral(
                 "{\"folderId\":\"x\",\"files\":[{\"name\":\"a.pdf\",\"content\":\"\",\"viewers\":[1]}]}")}) {
        const Reply malformed = m_server.request("POST", QStringLiteral("/api/v1/admin/files"), body, m_admin);
        QCOMPARE(malformed.status, 400);
        QCOMPARE(malformed.code, QStringLiteral("E5007"));
    }
    // Nothing refused left a row behind: the drawings folder holds the four stored files only.
    const Reply listed = m_server.get(QStringLiteral("/api/v1/admin/files?folderId=") + m_drawings, m_admin);
    QCOMPARE(listed.json.value(QStringLiteral("total")).toInt(), 3);
}

void TestServerFiles::registrationRecordsRegistrantAndDate()
{
    const Reply detail
        = m_server.get(QStringLiteral("/api/v1/admin/files/") + idOf(QStringLiteral("報告書_最終.pdf")), m_admin);
    QCOMPARE(detail.status, 200);
    const QJsonObject file = detail.json.value(QStringLiteral("file")).toObject();
    QCOMPARE(file.value(QStringLiteral("registeredBy")).toString(), QStringLiteral("admin"));
    const QDateTime registered
        = QDateTime::fromString(file.value(QStringLiteral("registeredAt")).toString(), Qt::ISODate);
    QVERIFY(qAbs(registered.secsTo(QDateTime::currentDateTimeUtc())) < 600);
    QCOMPARE(file.value(QStringLiteral("signOrdered")).toBool(), true);
    const QJsonArray signers = file.value(QStringLiteral("signers")).toArray();
    QCOMPARE(signers.size(), 2);
    QCOMPARE(signers.at(0).toObject().value(QStringLiteral("userId")).toString(), m_b.account.userId);
    QCOMPARE(signers.at(1).toObject().value(QStringLiteral("position")).toInt(), 2);
    QCOMPARE(file.value(QStringLiteral("viewers")).toArray().first().toString(), m_c.account.userId);
    // The registration is in 処理結果.
    const Reply results
        = m_server.get(QStringLiteral("/api/v1/admin/results?action=register&name=%E5%A0%B1%E5%91%8A"), m_admin);
    QCOMPARE(results.json.value(QStringLiteral("total")).toInt(), 1);
}

void TestServerFiles::usersSeeOnlyTheirFiles()
{
    int total = -1;
    QVERIFY(listFiles(m_server, m_outsider.token, QString(), &total).isEmpty());
    QCOMPARE(total, 0);
    const QSet<QString> mine = namesOf(listFiles(m_server, m_a.token, QStringLiteral("?limit=200")));
    QVERIFY(!mine.contains(QStringLiteral("他人のファイル.pdf")));
    QCOMPARE(mine.size(), 6); // five arranged, plus 良いファイル.pdf
    // Guessing IDs: a file of someone else answers exactly like a file that does not exist.
    const QString foreign = idOf(QStringLiteral("他人のファイル.pdf"));
    const Reply missing = m_server.get(QStringLiteral("/api/v1/files/fdoesnotexist"), m_a.token);
    for (const QString& path : QStringList {QStringLiteral("/api/v1/files/") + foreign,
             QStringLiteral("/api/v1/files/") + foreign + QStringLiteral("/content")}) {
        const Reply reply = m_server.get(path, m_a.token);
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.code, QStringLiteral("E3002"));
        QCOMPARE(reply.body, missing.body);
    }
    const Reply upload = uploadSigned(m_server, m_a.token, foreign, 1, signAs(m_a, minimalPdf()));
    QCOMPARE(upload.status, 404);
    QCOMPARE(upload.code, QStringLiteral("E3002"));
    // The outsider cannot reach any file by ID either, and nothing was recorded in their trail.
    for (const QString& id : std::as_const(m_ids)) {
        QCOMPARE(
            m_server.get(QStringLiteral("/api/v1/files/") + id + QStringLiteral("/content"), m_outsider.token).status,
            404);
    }
    QCOMPARE(
        m_server.get(QStringLiteral("/api/v1/results"), m_outsider.token).json.value(QStringLiteral("total")).toInt(),
        0);
    // Admin lists need the admin role.
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/admin/files"), m_a.token).code, QStringLiteral("E1401"));
    // And no token at all.
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/files")).code, QStringLiteral("E1201"));
}

void TestServerFiles::everyManualFilterCombination()
{
    const QStringList myStatuses = {QStringLiteral("unprocessed"), QStringLiteral("processed"), QStringLiteral("all")};
    const QStringList targets = {QStringLiteral("all"), QStringLiteral("view"), QStringLiteral("sign")};
    const QStringList statuses
        = {QStringLiteral("all"), QStringLiteral("unsigned"), QStringLiteral("signing"), QStringLiteral("signed")};
    int combinations = 0;
    for (const QString& myStatus : myStatuses) {
        for (const QString& target : targets) {
            for (const QString& status : statuses) {
                QSet<QString> expected;
                for (const Expected& file : std::as_const(m_expected)) {
                    if (myStatus != QLatin1String("all") && file.processed != (myStatus == QLatin1String("processed")))
                        continue;
                    if (target != QLatin1String("all") && file.signer != (target == QLatin1String("sign")))
                        continue;
                    if (status != QLatin1String("all") && file.status != status)
                        continue;
                    expected.insert(file.folder + QLatin1Char('/') + file.name);
                }
                const QString query = QStringLiteral("?myStatus=%1&target=%2&signatureStatus=%3&limit=200")
                                          .arg(myStatus, target, status);
                int total = -1;
                const QJsonArray files = listFiles(m_server, m_a.token, query, &total);
                QSet<QString> got;
                for (const QJsonValue& value : files) {
                    const QJsonObject file = value.toObject();
                    got.insert(file.value(QStringLiteral("folderName")).toString() + QLatin1Char('/')
                        + file.value(QStringLiteral("name")).toString());
                    // Each row's own fields agree with the filter it passed.
                    if (myStatus != QLatin1String("all"))
                        QCOMPARE(file.value(QStringLiteral("myStatus")).toString(), myStatus);
                    if (status != QLatin1String("all"))
                        QCOMPARE(file.value(QStringLiteral("status")).toString(), status);
                }
                QVERIFY2(got == expected, qPrintable(query));
                QCOMPARE(total, expected.size());
                ++combinations;
            }
        }
    }
    QCOMPARE(combinations, 36);
    // myTurn: A may sign 売買契約書 now (unordered) but not 報告書_最終 (B signs first).
    for (const QJsonValue& value :
        listFiles(m_server, m_a.token, QStringLiteral("?target=sign&myStatus=unprocessed"))) {
        const QJsonObject file = value.toObject();
        QCOMPARE(file.value(QStringLiteral("myTurn")).toBool(),
            file.value(QStringLiteral("name")).toString() == QStringLiteral("売買契約書.pdf"));
    }
}

void TestServerFiles::registrationDateRange()
{
    // Move 立面図 into the manual's example period: 2019年3月1日 09:30 Japan time.
    const qint64 march = QDateTime(QDate(2019, 3, 1), QTime(9, 30), QTimeZone(9 * 3600)).toSecsSinceEpoch();
    QVERIFY(setRegisteredAt(m_server, idOf(QStringLiteral("立面図.pdf")), march));
    // Another one at the very end of 2019-05-29 (Japan) — inside the range — and one a second later — outside.
    const qint64 lastSecond = QDateTime(QDate(2019, 5, 29), QTime(23, 59, 59), QTimeZone(9 * 3600)).toSecsSinceEpoch();
    QVERIFY(setRegisteredAt(m_server, idOf(QStringLiteral("賃貸契約書.pdf")), lastSecond));
    QVERIFY(setRegisteredAt(m_server, idOf(QStringLiteral("報告書_最終.pdf")), lastSecond + 1));
    QCOMPARE(
        namesOf(listFiles(m_server, m_a.token, QStringLiteral("?registeredFrom=2019-02-28&registeredTo=2019-05-29"))),
        QSet<QString>({QStringLiteral("立面図.pdf"), QStringLiteral("賃貸契約書.pdf")}));
    QCOMPARE(
        namesOf(listFiles(m_server, m_a.token, QStringLiteral("?registeredFrom=2019-03-02&registeredTo=2019-05-30"))),
        QSet<QString>({QStringLiteral("賃貸契約書.pdf"), QStringLiteral("報告書_最終.pdf")}));
    QCOMPARE(namesOf(listFiles(m_server, m_a.token, QStringLiteral("?registeredTo=2019-02-28"))), QSet<QString>());
    const QString today = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(9 * 3600)).date().toString(Qt::ISODate);
    QCOMPARE(listFiles(m_server, m_a.token, QStringLiteral("?registeredFrom=") + today).size(), 3);
    // Combined with the other filters.
    QCOMPARE(namesOf(listFiles(m_server, m_a.token,
                 QStringLiteral("?registeredFrom=2019-02-28&registeredTo=2019-05-29&target=view&myStatus=processed"))),
        QSet<QString>({QStringLiteral("賃貸契約書.pdf")}));
}

void TestServerFiles::partialNamesAreLiteral()
{
    const auto names = [&](const QString& query) { return namesOf(listFiles(m_server, m_a.token, query)); };
    const auto encoded = [](const QString& text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); };
    QCOMPARE(names(QStringLiteral("?folder=") + encoded(QStringLiteral("契約"))),
        QSet<QString>({QStringLiteral("売買契約書.pdf"), QStringLiteral("賃貸契約書.pdf")}));
    // "_" and "%" are characters, not wildcards.
    QCOMPARE(names(QStringLiteral("?folder=") + encoded(QStringLiteral("_"))),
        QSet<QString>(
            {QStringLiteral("平面図A.pdf"), QStringLiteral("立面図.pdf"), QStringLiteral("良いファイル.pdf")}));
    QCOMPARE(names(QStringLiteral("?folder=") + encoded(QStringLiteral("%"))),
        QSet<QString>({QStringLiteral("報告書_最終.pdf")}));
    QCOMPARE(names(QStringLiteral("?name=") + encoded(QStringLiteral("_最終"))),
        QSet<QString>({QStringLiteral("報告書_最終.pdf")}));
    QCOMPARE(names(QStringLiteral("?name=") + encoded(QStringLiteral("\\"))), QSet<QString>());
    // Width and case are folded: full-width "ａ" finds "A".
    QCOMPARE(names(QStringLiteral("?name=") + encoded(QStringLiteral("平面図ａ"))),
        QSet<QString>({QStringLiteral("平面図A.pdf")}));
    QCOMPARE(names(QStringLiteral("?name=") + encoded(QStringLiteral(".PDF"))).size(), 6);
    // Folder and file name together.
    QCOMPARE(names(QStringLiteral("?folder=") + encoded(QStringLiteral("契約")) + QStringLiteral("&name=")
                 + encoded(QStringLiteral("賃貸"))),
        QSet<QString>({QStringLiteral("賃貸契約書.pdf")}));
    QCOMPARE(names(QStringLiteral("?folder=") + encoded(QStringLiteral("図面")) + QStringLiteral("&name=")
                 + encoded(QStringLiteral("契約"))),
        QSet<QString>());
    // SQL in a name is just text.
    QCOMPARE(names(QStringLiteral("?name=") + encoded(QStringLiteral("' OR 1=1 --"))), QSet<QString>());
    // The client's own query builder encodes what QUrlQuery would not.
    ikkatsu::api::FileListFilter filter;
    filter.folderName = QStringLiteral("100%資");
    filter.fileName = QStringLiteral("報告書_");
    filter.limit = 200;
    QCOMPARE(names(QLatin1Char('?') + filter.toQuery().toString(QUrl::FullyEncoded)),
        QSet<QString>({QStringLiteral("報告書_最終.pdf")}));
}

void TestServerFiles::sortingAndPaging()
{
    const auto column = [](const QJsonArray& files, const QString& key) {
        QStringList values;
        for (const QJsonValue& file : files)
            values.append(file.toObject().value(key).toVariant().toString());
        return values;
    };
    QJsonArray all = listFiles(m_server, m_a.token, QStringLiteral("?sort=name&order=asc&limit=200"));
    QStringList names = column(all, QStringLiteral("name"));
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(names, sorted);
    QStringList descending = column(
        listFiles(m_server, m_a.token, QStringLiteral("?sort=name&order=desc&limit=200")), QStringLiteral("name"));
    std::reverse(descending.begin(), descending.end());
    QCOMPARE(descending, sorted);
    const QStringList folders
        = column(listFiles(m_server, m_a.token, QStringLiteral("?sort=folder&order=asc&limit=200")),
            QStringLiteral("folderName"));
    QStringList foldersSorted = folders;
    std::sort(foldersSorted.begin(), foldersSorted.end());
    QCOMPARE(folders, foldersSorted);
    const QStringList dates
        = column(listFiles(m_server, m_a.token, QStringLiteral("?sort=registeredAt&order=desc&limit=200")),
            QStringLiteral("registeredAt"));
    QStringList datesSorted = dates;
    std::sort(datesSorted.begin(), datesSorted.end(), std::greater<>());
    QCOMPARE(dates, datesSorted);
    const QStringList statuses = column(
        listFiles(m_server, m_a.token, QStringLiteral("?sort=status&order=asc&limit=200")), QStringLiteral("status"));
    const QStringList rank = {QStringLiteral("unsigned"), QStringLiteral("signing"), QStringLiteral("signed")};
    for (qsizetype i = 1; i < statuses.size(); ++i)
        QVERIFY(rank.indexOf(statuses.at(i - 1)) <= rank.indexOf(statuses.at(i)));
    const QStringList mine
        = column(listFiles(m_server, m_a.token, QStringLiteral("?sort=myStatus&order=desc&limit=200")),
            QStringLiteral("myStatus"));
    QCOMPARE(mine.first(), QStringLiteral("processed"));
    QCOMPARE(mine.last(), QStringLiteral("unprocessed"));

    // Pages of two put together are the whole list, in the same order, for every sort.
    for (const QString& sort : {QStringLiteral("name"), QStringLiteral("folder"), QStringLiteral("registeredAt"),
             QStringLiteral("status"), QStringLiteral("myStatus")}) {
        const QJsonArray whole = listFiles(m_server, m_a.token, QStringLiteral("?sort=%1&limit=200").arg(sort));
        QStringList paged;
        int total = -1;
        for (int offset = 0; offset < 10; offset += 2) {
            const QJsonArray page = listFiles(
                m_server, m_a.token, QStringLiteral("?sort=%1&limit=2&offset=%2").arg(sort).arg(offset), &total);
            QVERIFY(page.size() <= 2);
            // Every page carries the total: those with rows from the page's own query, the one past the end (8)
            // from a count of its own.
            QCOMPARE(total, 6);
            paged += column(page, QStringLiteral("fileId"));
        }
        QCOMPARE(paged, column(whole, QStringLiteral("fileId")));
    }
    QCOMPARE(listFiles(m_server, m_a.token, QStringLiteral("?offset=6")).size(), 0);
}

void TestServerFiles::badQueriesAreRefused()
{
    for (const QString& query : QStringList {QStringLiteral("?limit=0"), QStringLiteral("?limit=201"),
             QStringLiteral("?offset=-1"), QStringLiteral("?myStatus=done"), QStringLiteral("?target=everything"),
             QStringLiteral("?signatureStatus=half"), QStringLiteral("?registeredFrom=2019-13-01"),
             QStringLiteral("?registeredTo=yesterday"), QStringLiteral("?sort=size"), QStringLiteral("?order=up"),
             QStringLiteral("?colour=red"), QStringLiteral("?name=") + QString(201, QLatin1Char('x')),
             QStringLiteral("?name=a%01b")}) {
        const Reply reply = m_server.get(QStringLiteral("/api/v1/files") + query, m_a.token);
        QVERIFY2(reply.status == 400, qPrintable(query));
        QCOMPARE(reply.code, QStringLiteral("E5007"));
    }
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/files?limit=200"), m_a.token).status, 200);
}

void TestServerFiles::downloadCarriesVersionTag()
{
    const QString id = idOf(QStringLiteral("平面図A.pdf"));
    const Reply download = downloadFile(m_server, m_a.token, id);
    QCOMPARE(download.status, 200);
    QCOMPARE(download.contentType, QByteArrayLiteral("application/pdf"));
    QCOMPARE(versionOf(download), 2); // registered as 1, signed once
    QCOMPARE(download.headers.value("x-ikkatsu-sha256"),
        QCryptographicHash::hash(download.body, QCryptographicHash::Sha256).toHex());
    QVERIFY(download.body.startsWith(minimalPdf()));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("signed.pdf"));
    QVERIFY(writeAll(path, download.body));
    QVERIFY2(pdfsig(path).all().contains(QLatin1String("Signature is Valid.")), qPrintable(pdfsig(path).all()));
    // Every download is a view in 処理結果, with the version viewed and the client.
    const Reply before = m_server.get(QStringLiteral("/api/v1/results?action=view"), m_a.token);
    const int views = before.json.value(QStringLiteral("total")).toInt();
    QCOMPARE(m_server
                 .request("GET", QStringLiteral("/api/v1/files/%1/content").arg(id), {}, m_a.token,
                     {{"User-Agent", "Ikkatsu-Test/1.0"}})
                 .status,
        200);
    const Reply after = m_server.get(QStringLiteral("/api/v1/results?action=view"), m_a.token);
    QCOMPARE(after.json.value(QStringLiteral("total")).toInt(), views + 1);
    const QJsonObject newest = after.json.value(QStringLiteral("results")).toArray().first().toObject();
    QCOMPARE(newest.value(QStringLiteral("fileName")).toString(), QStringLiteral("平面図A.pdf"));
    QCOMPARE(newest.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(newest.value(QStringLiteral("client")).toString(), QStringLiteral("Ikkatsu-Test/1.0"));
    QCOMPARE(newest.value(QStringLiteral("remote")).toString(), QStringLiteral("127.0.0.1"));
}

void TestServerFiles::administratorsDownloadAnyVersion()
{
    const QString id = idOf(QStringLiteral("平面図A.pdf"));
    const QString route = QStringLiteral("/api/v1/admin/files/%1/versions/%2/content");
    const Reply views = m_server.get(QStringLiteral("/api/v1/admin/results?action=view"), m_admin);
    const Reply first = m_server.get(route.arg(id).arg(1), m_admin);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.contentType, QByteArrayLiteral("application/pdf"));
    QCOMPARE(first.headers.value("x-ikkatsu-version"), QByteArrayLiteral("1"));
    QCOMPARE(first.body, minimalPdf()); // as registered
    const Reply second = m_server.get(route.arg(id).arg(2), m_admin);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.body, downloadFile(m_server, m_a.token, id).body); // the current, signed version
    QCOMPARE(second.headers.value("x-ikkatsu-sha256"),
        QCryptographicHash::hash(second.body, QCryptographicHash::Sha256).toHex());
    // An administrator's version download is not a view: only the user's download above is.
    const Reply after = m_server.get(QStringLiteral("/api/v1/admin/results?action=view"), m_admin);
    QCOMPARE(after.json.value(QStringLiteral("total")).toInt(), views.json.value(QStringLiteral("total")).toInt() + 1);

    QCOMPARE(m_server.get(route.arg(id).arg(3), m_admin).code, QStringLiteral("E3002"));
    QCOMPARE(m_server.get(route.arg(QStringLiteral("no-such-file")).arg(1), m_admin).code, QStringLiteral("E3002"));
    QCOMPARE(m_server.get(route.arg(id).arg(0), m_admin).code, QStringLiteral("E5007"));
    QCOMPARE(m_server.get(route.arg(id).arg(QStringLiteral("x")), m_admin).code, QStringLiteral("E5007"));
    // Users may not, even with permission on the file.
    QCOMPARE(m_server.get(route.arg(id).arg(1), m_a.token).code, QStringLiteral("E1401"));
}

void TestServerFiles::upgradeCopiesRegistrationTimes()
{
    // A database from before schema 9 (permissions without their file's registration time), with the dates the
    // earlier cases moved into 2019: the upgrade fills every permission from its file, and the lists are unchanged.
    const QString range = QStringLiteral("?registeredFrom=2019-02-28&registeredTo=2019-05-29");
    const QSet<QString> before = namesOf(listFiles(m_server, m_a.token, range));
    QVERIFY(!before.isEmpty());
    const QStringList sortedBefore = [&] {
        QStringList names;
        for (const QJsonValue& file : listFiles(m_server, m_a.token, QStringLiteral("?sort=registeredAt&order=asc")))
            names.append(file.toObject().value(QStringLiteral("name")).toString());
        return names;
    }();
    m_server.stop();
    for (const QString& sql : {QStringLiteral("DROP INDEX file_permissions_page"),
             QStringLiteral("ALTER TABLE file_permissions DROP COLUMN registered_at"),
             QStringLiteral("CREATE INDEX file_permissions_page"
                            " ON file_permissions(user_id, processed, file_id, kind, sign_position)"),
             QStringLiteral("DELETE FROM schema_version WHERE version = 9")}) {
        bool ok = false;
        queryServerDatabase(m_server, sql, {}, &ok);
        QVERIFY2(ok, qPrintable(sql));
    }
    QVERIFY(m_server.start());
    const QList<QVariantList> counts = queryServerDatabase(m_server,
        QStringLiteral("SELECT COUNT(*), SUM(CASE WHEN p.registered_at = f.registered_at THEN 1 ELSE 0 END) "
                       "FROM file_permissions p JOIN files f ON f.file_id = p.file_id"));
    QCOMPARE(counts.size(), 1);
    QVERIFY(counts.at(0).at(0).toInt() > 0);
    QCOMPARE(counts.at(0).at(1).toInt(), counts.at(0).at(0).toInt());
    QCOMPARE(namesOf(listFiles(m_server, m_a.token, range)), before);
    QStringList sortedAfter;
    for (const QJsonValue& file : listFiles(m_server, m_a.token, QStringLiteral("?sort=registeredAt&order=asc")))
        sortedAfter.append(file.toObject().value(QStringLiteral("name")).toString());
    QCOMPARE(sortedAfter, sortedBefore);
}

QTEST_GUILESS_MAIN(TestServerFiles)
#include "tst_server_files.moc"
