// The platform layer under AtomicFile, PdfReader and the digest: exclusive creation, positioned I/O, in-kernel
// copy, exact permissions, atomic replace, and system errors instead of silent failures.
#include "platform/NativeFile.h"
#include "platform/NativePath.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace ikkatsu;
using platform::NativeFile;
using platform::nativePath;

class TestNativeFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char* name) const { return m_dir.filePath(QString::fromUtf8(name)); }

private slots:
    void createExclusiveRefusesAnExistingFile()
    {
        NativeFile file;
        QCOMPARE(NativeFile::createExclusive(nativePath(path("once")), 0600, &file), 0);
        NativeFile again;
        const int error = NativeFile::createExclusive(nativePath(path("once")), 0600, &again);
        QVERIFY(error != 0);
        QVERIFY(NativeFile::isAlreadyExists(error));
        QVERIFY(!again.isOpen());
        QVERIFY(!QString::fromStdString(platform::systemErrorText(error)).isEmpty());
    }

    void permissionsAreExactDespiteTheUmask()
    {
        const mode_t previous = ::umask(077);
        NativeFile file;
        const int error = NativeFile::createExclusive(nativePath(path("shared")), 0644, &file);
        ::umask(previous);
        QCOMPARE(error, 0);
        QCOMPARE(file.permissions(), 0644u);
        QCOMPARE(QFileInfo(path("shared")).permissions() & QFileDevice::ReadOther, QFileDevice::ReadOther);
    }

    void positionedWritesAndReads()
    {
        NativeFile file;
        QCOMPARE(NativeFile::createExclusive(nativePath(path("io")), 0600, &file), 0);
        QCOMPARE(file.writeAt("hello world", 11, 0), 0);
        QCOMPARE(file.writeAt("W", 1, 6), 0);
        std::int64_t size = 0;
        QCOMPARE(file.size(&size), 0);
        QCOMPARE(size, std::int64_t(11));
        QCOMPARE(file.close(), 0);

        NativeFile reader;
        QCOMPARE(NativeFile::openForReading(nativePath(path("io")), &reader), 0);
        char buffer[32] = {};
        int error = 0;
        QCOMPARE(reader.readAt(buffer, 5, 6, &error), std::int64_t(5));
        QCOMPARE(QByteArray(buffer, 5), QByteArrayLiteral("World"));
        // Past the end: fewer bytes, then none; never an error.
        QCOMPARE(reader.readAt(buffer, 32, 8, &error), std::int64_t(3));
        QCOMPARE(reader.readAt(buffer, 32, 11, &error), std::int64_t(0));
        QCOMPARE(error, 0);
    }

    void copyFromAppendsARange()
    {
        QVERIFY(QFile(path("io")).exists());
        NativeFile source;
        QCOMPARE(NativeFile::openForReading(nativePath(path("io")), &source), 0);
        NativeFile target;
        QCOMPARE(NativeFile::createExclusive(nativePath(path("copy")), 0600, &target), 0);
        QCOMPARE(target.writeAt(">", 1, 0), 0);
        QCOMPARE(target.copyFrom(source, 6, 5, 1), 0);
        QCOMPARE(target.flush(), 0);
        QCOMPARE(target.flushFileSystem(), 0);
        QCOMPARE(target.close(), 0);
        QFile copy(path("copy"));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), QByteArrayLiteral(">World"));
        // A range beyond the source's end is an error, not a short file.
        NativeFile shortTarget;
        QCOMPARE(NativeFile::createExclusive(nativePath(path("short")), 0600, &shortTarget), 0);
        QVERIFY(shortTarget.copyFrom(source, 6, 50, 0) != 0);
    }

    void replaceIsAtomicAndErrorsAreReported()
    {
        QCOMPARE(NativeFile::replace(nativePath(path("copy")), nativePath(path("io"))), 0);
        QVERIFY(!QFile::exists(path("copy")));
        QFile replaced(path("io"));
        QVERIFY(replaced.open(QIODevice::ReadOnly));
        QCOMPARE(replaced.readAll(), QByteArrayLiteral(">World"));
        NativeFile::syncDirectory(nativePath(m_dir.path()));

        NativeFile missing;
        const int error = NativeFile::openForReading(nativePath(path("missing")), &missing);
        QVERIFY(error != 0);
        QVERIFY(!missing.isOpen());
        QVERIFY(NativeFile::remove(nativePath(path("missing"))) != 0);
        QVERIFY(NativeFile::replace(nativePath(path("missing")), nativePath(path("io"))) != 0);
        QVERIFY(QFile::exists(path("io")));
        const Error described = platform::fileError(
            ErrorCode::InputFileUnreadable, QStringLiteral("cannot open"), path("missing"), error);
        QCOMPARE(described.code, ErrorCode::InputFileUnreadable);
        QVERIFY(described.detail.contains(path("missing")));
    }

    void movedFileKeepsItsHandle()
    {
        NativeFile file;
        QCOMPARE(NativeFile::createExclusive(nativePath(path("moved")), 0600, &file), 0);
        NativeFile moved(std::move(file));
        QVERIFY(!file.isOpen());
        QVERIFY(moved.isOpen());
        QCOMPARE(moved.writeAt("x", 1, 0), 0);
        QCOMPARE(moved.close(), 0);
        QCOMPARE(moved.close(), 0); // closing twice is harmless
    }
};

QTEST_GUILESS_MAIN(TestNativeFile)
#include "tst_nativefile.moc"
