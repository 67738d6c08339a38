// Database::exec's kept statements on a real SQLite file and a real PostgreSQL database: nested uses of one SQL
// text, reuse with new values, failures, a closed connection, and other threads' own connections.
#include "ServerHarness.h"
#include "db/Database.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace ikkatsu;

class TestServerDatabase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString url = test::testDatabaseKind() == QLatin1String("postgresql")
            ? test::newPostgresDatabase()
            : QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("ikkatsu.sqlite3"));
        QVERIFY(!url.isEmpty());
        auto opened = server::Database::open(url);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().detail));
        m_db = *opened;
        QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE numbers (n INTEGER PRIMARY KEY, name TEXT NOT NULL)")));
        for (int n = 1; n <= 5; ++n)
            QVERIFY(m_db->exec(
                QStringLiteral("INSERT INTO numbers (n, name) VALUES (?, ?)"), {n, QStringLiteral("n%1").arg(n)}));
    }

    // While the rows of a statement live, the same SQL gets a statement of its own; the kept one comes back after.
    void sameSqlWhileItsRowsLive()
    {
        const QString sql = QStringLiteral("SELECT n, name FROM numbers WHERE n >= ? ORDER BY n");
        auto first = m_db->exec(sql, {4});
        QVERIFY(first);
        QStringList firstNames;
        while (first->next())
            firstNames << first->value(1).toString();
        auto second = m_db->exec(sql, {2}); // `first` still holds the kept statement
        QVERIFY(second);
        QStringList secondNames;
        while (second->next())
            secondNames << second->value(1).toString();
        QCOMPARE(firstNames.join(QLatin1Char(',')), QStringLiteral("n4,n5"));
        QCOMPARE(secondNames.join(QLatin1Char(',')), QStringLiteral("n2,n3,n4,n5"));
        first = m_db->exec(sql, {5}); // the move gives the kept statement back before taking it again
        QVERIFY(first && first->next());
        QCOMPARE(first->value(1).toString(), QStringLiteral("n5"));
        QVERIFY(!first->next());
    }

    // SQLite reads rows as they are stepped: a loop over one statement may run the same SQL inside it. (Qt's QPSQL
    // driver fetches forward-only rows one at a time from the connection, so any other query there drops them: on
    // PostgreSQL the server's code reads rows to the end before the next query, as before statements were kept.)
    void nestedLoopOverOneStatement()
    {
        if (m_db->dialect() != server::SqlDialect::Sqlite)
            QSKIP("forward-only QPSQL results end with the next query on the connection");
        const QString sql = QStringLiteral("SELECT n, name FROM numbers WHERE n >= ? ORDER BY n");
        auto outer = m_db->exec(sql, {1});
        QVERIFY(outer);
        QStringList seen;
        while (outer->next()) {
            const int n = outer->value(0).toInt();
            auto inner = m_db->exec(sql, {n});
            QVERIFY(inner);
            int count = 0;
            while (inner->next())
                ++count;
            QCOMPARE(count, 6 - n);
            seen << outer->value(1).toString();
        }
        QCOMPARE(seen.join(QLatin1Char(',')), QStringLiteral("n1,n2,n3,n4,n5"));
    }

    // A kept statement runs again with new values (and rows not read to the end leave nothing behind).
    void reuseBindsNewValues()
    {
        const QString sql = QStringLiteral("SELECT name FROM numbers WHERE n = ?");
        for (int round = 0; round < 3; ++round) {
            for (int n = 1; n <= 5; ++n) {
                auto rows = m_db->exec(sql, {n});
                QVERIFY(rows);
                QVERIFY(rows->next());
                QCOMPARE(rows->value(0).toString(), QStringLiteral("n%1").arg(n));
            }
        }
        // A write after half-read rows: SQLite would refuse it while a reader held the statement open mid-way in a
        // transaction that never ended; here each SqlRows gives its statement back reset.
        {
            auto partial = m_db->exec(QStringLiteral("SELECT n FROM numbers WHERE n > ? ORDER BY n"), {0});
            QVERIFY(partial && partial->next());
        }
        server::WriteTransaction transaction(*m_db);
        QVERIFY(transaction.begin());
        QVERIFY(m_db->exec(QStringLiteral("UPDATE numbers SET name = ? WHERE n = ?"), {QStringLiteral("five"), 5}));
        QVERIFY(transaction.commit());
        auto rows = m_db->exec(sql, {5});
        QVERIFY(rows && rows->next());
        QCOMPARE(rows->value(0).toString(), QStringLiteral("five"));
    }

    // A statement that failed is not kept: the same SQL works again once its cause is gone.
    void failedStatementIsNotKept()
    {
        const QString sql = QStringLiteral("INSERT INTO numbers (n, name) VALUES (?, ?)");
        QVERIFY(m_db->exec(sql, {10, QStringLiteral("ten")}));
        auto duplicate = m_db->exec(sql, {10, QStringLiteral("again")});
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().code, ErrorCode::DatabaseError);
        QVERIFY(m_db->exec(sql, {11, QStringLiteral("eleven")}));
        auto count = m_db->exec(QStringLiteral("SELECT COUNT(*) FROM numbers WHERE n >= ?"), {10});
        QVERIFY(count && count->next());
        QCOMPARE(count->value(0).toInt(), 2);
        QVERIFY(m_db->exec(QStringLiteral("DELETE FROM numbers WHERE n >= ?"), {10}));
    }

    // Every thread has its own connection and its own statements; they run the same SQL at once.
    void threadsKeepTheirOwn()
    {
        const QString sql = QStringLiteral("SELECT name FROM numbers WHERE n = ?");
        std::atomic_int wrong = 0;
        QList<QThread*> threads;
        for (int t = 0; t < 4; ++t) {
            threads << QThread::create([this, sql, &wrong] {
                for (int i = 0; i < 200; ++i) {
                    const int n = 1 + i % 4;
                    auto rows = m_db->exec(sql, {n});
                    if (!rows || !rows->next() || rows->value(0).toString() != QStringLiteral("n%1").arg(n))
                        ++wrong;
                }
            });
            threads.last()->start();
        }
        for (QThread* thread : std::as_const(threads)) {
            QVERIFY(thread->wait(60000));
            delete thread;
        }
        QCOMPARE(wrong.load(), 0);
    }

    // Past the cap the idle statements are dropped; everything still answers.
    void manyDistinctStatements()
    {
        for (int i = 0; i < 400; ++i) {
            auto rows = m_db->exec(QStringLiteral("SELECT %1 + n FROM numbers WHERE n = ?").arg(i), {1});
            QVERIFY(rows && rows->next());
            QCOMPARE(rows->value(0).toInt(), i + 1);
        }
    }

    void cleanupTestCase() { m_db.reset(); }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<server::Database> m_db;
};

QTEST_GUILESS_MAIN(TestServerDatabase)
#include "tst_server_database.moc"
