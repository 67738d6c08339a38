// The desktop's log file: one escaped line per message, private, rotated within its size, safe from many threads.
#include "common/LogFile.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

using namespace ikkatsu;

namespace {

Q_LOGGING_CATEGORY(lcTest, "ikkatsu.test")

QByteArrayList linesOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArrayList lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestLogFile : public QObject
{
    Q_OBJECT
private slots:
    void cleanup() { uninstallLogFile(); }

    void oneEscapedLinePerMessageInAPrivateFile()
    {
        QTemporaryDir dir;
        LogFileOptions options;
        options.directory = dir.filePath(QStringLiteral("logs"));
        const Result<QString> path = installLogFile(options);
        QVERIFY(path);
        QCOMPARE(*path, QDir(options.directory).filePath(QStringLiteral("ikkatsu.log")));
        // A file name or a server's answer may carry a newline: it must not start a forged line of its own.
        qCWarning(lcTest).noquote() << "E4208 申請書01.pdf\n2026-01-01T00:00:00.000Z INFO ikkatsu.ui: forged\x1b[31m";
        qCInfo(lcTest) << "second";
        uninstallLogFile();
        const QByteArrayList lines = linesOf(*path);
        QCOMPARE(lines.size(), 2);
        static const QRegularExpression shape(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (WARN|INFO) ikkatsu\\.test: "));
        QVERIFY2(shape.match(QString::fromUtf8(lines[0])).hasMatch(), lines[0].constData());
        QVERIFY2(lines[0].contains("E4208 申請書01.pdf\\n2026-01-01"), lines[0].constData());
        QVERIFY2(lines[0].endsWith("forged\\x1b[31m"), lines[0].constData());
        QVERIFY(lines[1].contains(" INFO ikkatsu.test: second"));
        struct stat info
        {
        };
        QCOMPARE(::stat(QFile::encodeName(*path).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
        QCOMPARE(::stat(QFile::encodeName(options.directory).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0700u);
        // After uninstalling, nothing more is written.
        qCWarning(lcTest) << "after";
        QCOMPARE(linesOf(*path).size(), 2);
    }

    void rotatesWithinItsSize()
    {
        QTemporaryDir dir;
        LogFileOptions options;
        options.directory = dir.path();
        options.maxBytes = 2048;
        options.keptFiles = 2;
        QVERIFY(installLogFile(options));
        const QByteArray filler(100, 'x');
        for (int i = 0; i < 200; ++i)
            qCDebug(lcTest).noquote() << i << filler;
        uninstallLogFile();
        const QStringList files = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files,
            QStringList(
                {QStringLiteral("ikkatsu.1.log"), QStringLiteral("ikkatsu.2.log"), QStringLiteral("ikkatsu.log")}));
        for (const QString& name : files)
            QVERIFY2(QFileInfo(dir.filePath(name)).size() <= options.maxBytes, qPrintable(name));
        // The newest message is in the current file, the older ones in .1 then .2.
        QVERIFY(linesOf(dir.filePath(QStringLiteral("ikkatsu.log"))).last().contains(": 199 xxx"));
        QVERIFY(!linesOf(dir.filePath(QStringLiteral("ikkatsu.2.log"))).isEmpty());
    }

    void manyThreadsWriteWholeLines()
    {
        QTemporaryDir dir;
        LogFileOptions options;
        options.directory = dir.path();
        QVERIFY(installLogFile(options));
        constexpr int kThreads = 4;
        constexpr int kEach = 50;
        QList<QThread*> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.append(QThread::create([t] {
                for (int i = 0; i < kEach; ++i)
                    qCDebug(lcTest).noquote() << QStringLiteral("thread %1 message %2 end").arg(t).arg(i);
            }));
            threads.last()->start();
        }
        for (QThread* thread : threads) {
            QVERIFY(thread->wait(30000));
            delete thread;
        }
        uninstallLogFile();
        const QByteArrayList lines = linesOf(dir.filePath(QStringLiteral("ikkatsu.log")));
        QCOMPARE(lines.size(), kThreads * kEach);
        for (const QByteArray& line : lines)
            QVERIFY2(line.contains(" DEBUG ikkatsu.test: thread ") && line.endsWith(" end"), line.constData());
    }

    void unwritableDirectoryIsAClearError()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("plain-file"));
        QFile plain(file);
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        LogFileOptions options;
        options.directory = file + QStringLiteral("/logs"); // under a file: cannot exist
        const Result<QString> path = installLogFile(options);
        QVERIFY(!path);
        QCOMPARE(path.error().code, ErrorCode::OutputWriteFailed);
    }

    void desktopAppWritesItsLogDir()
    {
        // The real app, offscreen: --log-dir gets ikkatsu.log with the start line.
        QTemporaryDir dir;
        const QString logs = dir.filePath(QStringLiteral("logs"));
        QProcess app;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        app.setProcessEnvironment(environment);
        app.start(test::builtBinary(QStringLiteral("ikkatsu")),
            {QStringLiteral("--log-dir"), logs, QStringLiteral("--screenshot"),
                dir.filePath(QStringLiteral("shot.png"))});
        QVERIFY(app.waitForFinished(60000));
        QCOMPARE(app.exitCode(), 0);
        const QByteArrayList lines = linesOf(QDir(logs).filePath(QStringLiteral("ikkatsu.log")));
        QVERIFY(!lines.isEmpty());
        QVERIFY2(lines.first().contains(" INFO default: ikkatsu ") && lines.first().contains(" started, log "),
            lines.first().constData());
    }
};

QTEST_GUILESS_MAIN(TestLogFile)
#include "tst_logfile.moc"
