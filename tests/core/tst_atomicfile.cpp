// AtomicFile: readers see the old content or the complete new one; nothing is left behind on failure.
#include "common/AtomicFile.h"

#include "TestSupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace ikkatsu;

class TestAtomicFile : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QStringList entries() const { return QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name); }

private slots:
    void init()
    {
        for (const QString& name : entries())
            QFile::remove(m_dir.filePath(name));
    }

    void commitReplacesAtomicallyWithMode()
    {
        const QString target = m_dir.filePath(QStringLiteral("key.p12"));
        QVERIFY(test::writeAll(target, QByteArrayLiteral("old")));
        auto file = AtomicFile::create(target, 0600);
        QVERIFY(file.ok());
        QVERIFY(file->write(QByteArrayLiteral("new content")).ok());
        QCOMPARE(test::readAll(target), QByteArrayLiteral("old")); // not visible before commit
        QVERIFY(file->writeAt(0, "N", 1).ok());
        QVERIFY(file->commit().ok());
        QCOMPARE(test::readAll(target), QByteArrayLiteral("New content"));
        struct stat info
        {
        };
        QCOMPARE(::stat(QFile::encodeName(target).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
        QCOMPARE(entries(), QStringList {QStringLiteral("key.p12")});
    }

    void destroyedWithoutCommitLeavesNothing()
    {
        const QString target = m_dir.filePath(QStringLiteral("out.pdf"));
        {
            auto file = AtomicFile::create(target);
            QVERIFY(file.ok());
            QVERIFY(file->write(QByteArrayLiteral("half")).ok());
        }
        QVERIFY(entries().isEmpty());
    }

    void commitAllCommitsEveryFile()
    {
        std::vector<AtomicFile> files;
        for (int i = 0; i < 5; ++i) {
            auto file = AtomicFile::create(m_dir.filePath(QStringLiteral("f%1.pdf").arg(i)));
            QVERIFY(file.ok());
            QVERIFY(file->write(QByteArray::number(i)).ok());
            files.push_back(std::move(file).value());
        }
        QList<AtomicFile*> pointers;
        for (auto& file : files)
            pointers.append(&file);
        const QList<Status> results = AtomicFile::commitAll(pointers);
        QCOMPARE(results.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(results[i].ok());
            QCOMPARE(test::readAll(m_dir.filePath(QStringLiteral("f%1.pdf").arg(i))), QByteArray::number(i));
        }
        QCOMPARE(entries().size(), 5);
    }

    void commitAllReportsAFailedRenameAndKeepsTheOthers()
    {
        auto good = AtomicFile::create(m_dir.filePath(QStringLiteral("good.pdf")));
        const QString blockedDir = m_dir.filePath(QStringLiteral("gone"));
        QVERIFY(QDir().mkpath(blockedDir));
        auto bad = AtomicFile::create(blockedDir + QStringLiteral("/bad.pdf"));
        QVERIFY(good.ok() && bad.ok());
        QVERIFY(good->write(QByteArrayLiteral("g")).ok());
        QVERIFY(bad->write(QByteArrayLiteral("b")).ok());
        // The target directory is replaced by a file after the temporary was made: that rename must fail.
        QVERIFY(QFile::remove(bad->temporaryPath()));
        QVERIFY(QDir(blockedDir).removeRecursively());
        const QList<Status> results = AtomicFile::commitAll({&*good, &*bad});
        QVERIFY(results[0].ok());
        QVERIFY(!results[1].ok());
        QCOMPARE(results[1].error().code, ErrorCode::OutputWriteFailed);
        QCOMPARE(test::readAll(m_dir.filePath(QStringLiteral("good.pdf"))), QByteArrayLiteral("g"));
    }

    void createFailsInMissingDirectory()
    {
        auto file = AtomicFile::create(m_dir.filePath(QStringLiteral("no/such/dir/x.pdf")));
        QVERIFY(!file.ok());
        QCOMPARE(file.error().code, ErrorCode::OutputWriteFailed);
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
