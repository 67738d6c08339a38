// `ikkatsu-server demo-seed`: the demo accounts, folders and PDFs the README's first command shows, idempotent.
#include "FileSteps.h"
#include "ServerHarness.h"
#include "TestSupport.h"

#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::test;

class TestServerDemoSeed : public QObject
{
    Q_OBJECT

private slots:
    void seedsAccountsFoldersAndFilesOnce();
};

void TestServerDemoSeed::seedsAccountsFoldersAndFilesOnce()
{
    TestServer server;
    const QString binary = builtBinary(QStringLiteral("ikkatsu-server"));
    const ToolRun first = runTool(binary, QStringList {QStringLiteral("demo-seed")} + server.commonArgs());
    QVERIFY2(first.exitCode == 0, qPrintable(first.all()));
    QVERIFY2(
        first.all().contains(QStringLiteral("folder 建築確認申請: 4 demo file(s) added")), qPrintable(first.all()));
    // Again: nothing is added twice, and it still succeeds.
    const ToolRun second = runTool(binary, QStringList {QStringLiteral("demo-seed")} + server.commonArgs());
    QVERIFY2(second.exitCode == 0, qPrintable(second.all()));
    QVERIFY2(
        second.all().contains(QStringLiteral("folder 工事請負契約: 0 demo file(s) added")), qPrintable(second.all()));
    QVERIFY(!second.all().contains(QStringLiteral("password: demo-user-password")));

    QVERIFY(server.start());
    const QString token = fullLogin(server, QStringLiteral("demo-user"), QStringLiteral("demo-user-password"),
        QStringLiteral("demo-user@demo.ikkatsu.example"));
    QVERIFY(!token.isEmpty());
    int total = 0;
    const QJsonArray files = listFiles(server, token, QStringLiteral("?limit=200"), &total);
    QCOMPARE(total, 10);
    int toSign = 0;
    int twoSigners = 0;
    for (const QJsonValue& value : files) {
        const QJsonObject file = value.toObject();
        toSign += file.value(QStringLiteral("myPermission")).toString() == QLatin1String("sign") ? 1 : 0;
        twoSigners += file.value(QStringLiteral("requiredSigners")).toInt() == 2 ? 1 : 0;
    }
    QCOMPARE(toSign, 9);
    QCOMPARE(twoSigners, 3);

    // Each PDF is well-formed for qpdf, and its /Info title is the Japanese name.
    QTemporaryDir dir;
    for (const QJsonValue& value : files) {
        const QJsonObject file = value.toObject();
        const Reply download = downloadFile(server, token, file.value(QStringLiteral("fileId")).toString());
        QCOMPARE(download.status, 200);
        const QString path = dir.filePath(QStringLiteral("demo.pdf"));
        QVERIFY(writeAll(path, download.body));
        const ToolRun check = qpdfCheck(path);
        QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
        const ToolRun info = runTool(QStringLiteral("pdfinfo"), {path});
        const QString title = file.value(QStringLiteral("name")).toString().chopped(4);
        QVERIFY2(info.all().contains(QStringLiteral("Title:")) && info.all().contains(title), qPrintable(info.all()));
    }
}

QTEST_GUILESS_MAIN(TestServerDemoSeed)
#include "tst_server_demo_seed.moc"
