// The server's database: one connection per worker thread, numbered schema migrations, SQLite or PostgreSQL (QPSQL).
#pragma once

#include "common/Result.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QWaitCondition>

#include <functional>
#include <memory>

namespace ikkatsu::server {

enum class SqlDialect { Sqlite, Postgres };

struct StatementSlot;

// The rows of one statement run by Database::exec. A prepared statement comes from the calling thread's cache and
// goes back to it, reset, when its rows are destroyed: while they live, the same SQL text gets a statement of its
// own, so nested loops over one query stay correct.
class SqlRows : public QSqlQuery
{
public:
    explicit SqlRows(QSqlQuery query, std::shared_ptr<StatementSlot> slot = {});
    SqlRows(SqlRows&& other) noexcept;
    SqlRows& operator=(SqlRows&& other) noexcept;
    ~SqlRows();

private:
    void giveBack();
    std::shared_ptr<StatementSlot> m_slot;
};

class Database
{
public:
    // `url` is "sqlite:PATH" or "postgresql://user[:password]@host[:port]/database". Opens, applies pending migrations,
    // and returns the handle shared by all threads.
    static Result<std::shared_ptr<Database>> open(const QString& url);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    SqlDialect dialect() const { return m_dialect; }
    // The calling thread's own connection, opened on first use (Qt SQL connections are bound to a thread).
    Result<QSqlDatabase> connection();
    int schemaVersion();
    // The readiness probe: a query on the calling thread's connection (reconnecting next time when it failed) and,
    // for SQLite, the file still there and accessible.
    Status ping();

    // Runs `sql` with positional `?` bindings on the calling thread's connection; DatabaseError on failure. A statement
    // with bindings is prepared once per connection and kept (SQLite's parser and PostgreSQL's PREPARE/DEALLOCATE
    // round trips were a third of a My Page request).
    Result<SqlRows> exec(const QString& sql, const QVariantList& binds = {});
    // Number of rows changed by an UPDATE/DELETE.
    Result<int> execCount(const QString& sql, const QVariantList& binds = {});

    // The statement that starts a write transaction: SQLite must take the write lock up front
    // (BEGIN IMMEDIATE), or two readers upgrading at once fail with SQLITE_BUSY instead of waiting.
    QString beginWriteStatement() const;
    // Whether a WriteTransaction on this database is open on the calling thread.
    bool inTransaction() const;
    // Appended to an ORDER BY text column so that both databases sort by code point, not by locale.
    QString textOrder() const;

    // A group commit (SQLite): runs `write` in one write transaction together with the writes other threads hand in
    // at the same moment, and returns once that transaction is durable (its WAL synced: one sync for the group) or
    // failed. Each write runs in a savepoint of its own: a write that fails is rolled back alone and gets its own
    // error, the others still commit. `write` runs on the thread leading the group, on that thread's connection
    // (inTransaction() is true there), while the calling thread waits; it must not open a transaction itself.
    // PostgreSQL: `write` runs in a transaction of its own on the calling thread (the server flushes concurrent
    // commits' WAL together already). Called inside an open WriteTransaction, `write` simply runs in it.
    Status writeInGroup(const std::function<Status()>& write, int* groupSize = nullptr);

private:
    struct GroupEntry;
    void commitGroup(const QList<GroupEntry*>& group);

    Database() = default;
    Result<QSqlDatabase> openConnection(const QString& name);
    QString connectionName() const;
    struct StatementCache;
    std::shared_ptr<StatementCache> statementCache(const QString& connectionName);
    // Drops the connection's prepared statements (before it closes: a statement must not outlive its connection).
    void dropStatements(const QString& connectionName);
    Status migrate();
    Status applyMigrations();

    SqlDialect m_dialect = SqlDialect::Sqlite;
    QString m_path; // SQLite file or PostgreSQL database name
    QString m_host;
    int m_port = 5432;
    QString m_user;
    QString m_password;
    QString m_prefix;
    QMutex m_namesMutex;
    QStringList m_connectionNames;
    QHash<QString, std::shared_ptr<StatementCache>> m_statementCaches; // by connection name, under m_namesMutex
    // writeInGroup: the writes waiting for a group, and whether a thread is committing one.
    QMutex m_groupMutex;
    QWaitCondition m_groupDone;
    QList<GroupEntry*> m_groupQueue;
    bool m_groupLeading = false;
};

// A write transaction on the calling thread's connection; rolls back unless commit() succeeded.
class WriteTransaction
{
public:
    explicit WriteTransaction(Database& database);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    Status begin();
    Status commit();

private:
    Database& m_database;
    bool m_open = false;
};

} // namespace ikkatsu::server
