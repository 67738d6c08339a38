// Per-thread Qt SQL connections and the numbered migrations; SQL here is portable between SQLite and PostgreSQL
// except for the few statements a migration lists per dialect.
#include "db/Database.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <optional>

namespace ikkatsu::server {

Q_LOGGING_CATEGORY(lcDatabase, "ikkatsu.server.database")

namespace {

// Prepared statements kept per connection. Beyond this many, the idle ones are dropped at once: SQL texts are built
// from a fixed set of pieces, so a full cache means an unusual mix, not a working set worth tracking.
constexpr qsizetype kMaxStatements = 160;

// The database whose WriteTransaction is open on this thread (connections are per thread, so transactions are too).
thread_local const Database* t_openTransaction = nullptr;

// Migration 2. Times: seconds, except processing_results.occurred_at (milliseconds, for ordering within a batch).
// name_fold columns hold NFKC + case-folded names, so that partial-match search behaves the same on both databases
// (SQLite's LIKE folds ASCII only, PostgreSQL's LIKE folds nothing). files.status and file_permissions.processed
// are kept in step by the code that signs and views, so that the My Page list filters without aggregating.
QStringList fileSchemaStatements()
{
    return {
        QStringLiteral("CREATE TABLE folders ("
                       " folder_id TEXT PRIMARY KEY,"
                       " name TEXT NOT NULL UNIQUE,"
                       " name_fold TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL,"
                       " created_by TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE files ("
                       " file_id TEXT PRIMARY KEY,"
                       " folder_id TEXT NOT NULL REFERENCES folders(folder_id),"
                       " name TEXT NOT NULL,"
                       " name_fold TEXT NOT NULL,"
                       " registered_at BIGINT NOT NULL,"
                       " registered_by TEXT NOT NULL,"
                       " version INTEGER NOT NULL,"
                       " content_sha256 TEXT NOT NULL,"
                       " size BIGINT NOT NULL,"
                       " signature_count INTEGER NOT NULL,"
                       " sign_ordered INTEGER NOT NULL,"
                       " required_signers INTEGER NOT NULL,"
                       " signed_count INTEGER NOT NULL DEFAULT 0,"
                       " status INTEGER NOT NULL CHECK (status IN (0, 1, 2)),"
                       " updated_at BIGINT NOT NULL,"
                       " UNIQUE (folder_id, name))"),
        QStringLiteral("CREATE INDEX files_registered ON files(registered_at)"),
        QStringLiteral("CREATE TABLE file_versions ("
                       " file_id TEXT NOT NULL REFERENCES files(file_id),"
                       " version INTEGER NOT NULL,"
                       " content_sha256 TEXT NOT NULL,"
                       " size BIGINT NOT NULL,"
                       " signature_count INTEGER NOT NULL,"
                       " created_at BIGINT NOT NULL,"
                       " created_by TEXT NOT NULL,"
                       " PRIMARY KEY (file_id, version))"),
        QStringLiteral("CREATE TABLE file_permissions ("
                       " file_id TEXT NOT NULL REFERENCES files(file_id),"
                       " user_id TEXT NOT NULL REFERENCES users(user_id),"
                       " kind TEXT NOT NULL CHECK (kind IN ('view', 'sign')),"
                       " sign_position INTEGER,"
                       " processed INTEGER NOT NULL DEFAULT 0,"
                       " processed_at BIGINT,"
                       " first_viewed_at BIGINT,"
                       " signed_version INTEGER,"
                       " PRIMARY KEY (file_id, user_id))"),
        QStringLiteral("CREATE INDEX file_permissions_user ON file_permissions(user_id, processed)"),
        QStringLiteral("CREATE TABLE processing_results ("
                       " result_id TEXT PRIMARY KEY,"
                       " occurred_at BIGINT NOT NULL,"
                       " user_id TEXT NOT NULL,"
                       " user_name TEXT NOT NULL,"
                       " file_id TEXT,"
                       " folder_name TEXT,"
                       " file_name TEXT,"
                       " action TEXT NOT NULL,"
                       " outcome TEXT NOT NULL,"
                       " error_code TEXT,"
                       " version INTEGER,"
                       " client TEXT,"
                       " remote TEXT)"),
        QStringLiteral("CREATE INDEX processing_results_user ON processing_results(user_id, occurred_at)"),
        QStringLiteral("CREATE INDEX processing_results_time ON processing_results(occurred_at)"),
    };
}

// The audit trail is append-only in the database itself, not only by convention of the code.
QStringList fileSchemaSqliteStatements()
{
    return {
        QStringLiteral("CREATE TRIGGER processing_results_no_update BEFORE UPDATE ON processing_results "
                       "BEGIN SELECT RAISE(ABORT, 'processing_results is append-only'); END"),
        QStringLiteral("CREATE TRIGGER processing_results_no_delete BEFORE DELETE ON processing_results "
                       "BEGIN SELECT RAISE(ABORT, 'processing_results is append-only'); END"),
    };
}

QStringList fileSchemaPostgresStatements()
{
    return {
        QStringLiteral("CREATE FUNCTION ikkatsu_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                       "$$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$"),
        QStringLiteral("CREATE TRIGGER processing_results_append_only BEFORE UPDATE OR DELETE ON processing_results "
                       "FOR EACH ROW EXECUTE FUNCTION ikkatsu_append_only()"),
    };
}

// Migration 3: the administrators' audit trail (操作履歴) becomes append-only in the database as well, like
// processing_results in 2, and gets the indexes its filters by actor and subject use. audit_log.occurred_at is in
// milliseconds (ServerContext::audit has always written it so).
QStringList auditTrailStatements()
{
    return {
        QStringLiteral("CREATE INDEX audit_log_actor ON audit_log(actor, occurred_at)"),
        QStringLiteral("CREATE INDEX audit_log_subject ON audit_log(subject_user, occurred_at)"),
    };
}

QStringList auditTrailSqliteStatements()
{
    return {
        QStringLiteral("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                       "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
        QStringLiteral("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
                       "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
    };
}

QStringList auditTrailPostgresStatements()
{
    // ikkatsu_append_only() comes from migration 2. TRUNCATE fires no row trigger, so it gets its own.
    return {
        QStringLiteral("CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
                       "FOR EACH ROW EXECUTE FUNCTION ikkatsu_append_only()"),
        QStringLiteral("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
                       "FOR EACH STATEMENT EXECUTE FUNCTION ikkatsu_append_only()"),
    };
}

// Every migration is a list of statements applied in one transaction; numbers are forever.
// Portable SQL: BIGINT for times (Unix seconds, or milliseconds where the column says so), INTEGER 0/1 for flags,
// TEXT for text and PEM. What cannot be portable (triggers) goes into the per-dialect lists.
struct Migration
{
    QStringList statements;
    QStringList sqliteOnly;
    QStringList postgresOnly;
};

const QList<Migration>& migrations()
{
    static const QList<Migration> list = {
        // 1: accounts, login attempts with their one-time passwords, sessions, certificates, audit log.
        {{
             QStringLiteral("CREATE TABLE users ("
                            " user_id TEXT PRIMARY KEY,"
                            " user_name TEXT NOT NULL,"
                            " company TEXT NOT NULL,"
                            " name_roman TEXT NOT NULL,"
                            " company_roman TEXT NOT NULL,"
                            " email TEXT NOT NULL,"
                            " login_expires_at BIGINT NOT NULL,"
                            " role TEXT NOT NULL CHECK (role IN ('user', 'admin')),"
                            " may_sign INTEGER NOT NULL,"
                            " password_hash TEXT NOT NULL,"
                            " must_change_password INTEGER NOT NULL DEFAULT 0,"
                            " failed_logins INTEGER NOT NULL DEFAULT 0,"
                            " locked INTEGER NOT NULL DEFAULT 0,"
                            " disabled INTEGER NOT NULL DEFAULT 0,"
                            " signing_choice TEXT,"
                            " created_at BIGINT NOT NULL,"
                            " created_by TEXT,"
                            " updated_at BIGINT NOT NULL,"
                            " password_changed_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE login_attempts ("
                            " attempt_id TEXT PRIMARY KEY,"
                            " user_id TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,"
                            " otp_hash TEXT NOT NULL,"
                            " created_at BIGINT NOT NULL,"
                            " otp_expires_at BIGINT NOT NULL,"
                            " wrong_tries INTEGER NOT NULL DEFAULT 0,"
                            " used INTEGER NOT NULL DEFAULT 0,"
                            " last_sent_at BIGINT NOT NULL,"
                            " send_count INTEGER NOT NULL DEFAULT 1,"
                            " remote TEXT)"),
             QStringLiteral("CREATE INDEX login_attempts_user ON login_attempts(user_id)"),
             QStringLiteral("CREATE TABLE sessions ("
                            " token_hash TEXT PRIMARY KEY,"
                            " user_id TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,"
                            " created_at BIGINT NOT NULL,"
                            " last_seen_at BIGINT NOT NULL,"
                            " absolute_expires_at BIGINT NOT NULL,"
                            " revoked INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE INDEX sessions_user ON sessions(user_id)"),
             QStringLiteral("CREATE TABLE certificates ("
                            " serial TEXT PRIMARY KEY,"
                            " user_id TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,"
                            " subject TEXT NOT NULL,"
                            " not_before BIGINT NOT NULL,"
                            " not_after BIGINT NOT NULL,"
                            " pem TEXT NOT NULL,"
                            " issued_at BIGINT NOT NULL,"
                            " revoked_at BIGINT,"
                            " revocation_reason INTEGER)"),
             QStringLiteral("CREATE INDEX certificates_user ON certificates(user_id)"),
             QStringLiteral("CREATE TABLE audit_log ("
                            " event_id TEXT PRIMARY KEY,"
                            " occurred_at BIGINT NOT NULL,"
                            " actor TEXT,"
                            " subject_user TEXT,"
                            " event TEXT NOT NULL,"
                            " detail TEXT,"
                            " remote TEXT)"),
             QStringLiteral("CREATE INDEX audit_log_time ON audit_log(occurred_at)"),
         },
            {}, {}},
        // 2: folders, files with their immutable versions, per-user view/sign permissions, processing results.
        {fileSchemaStatements(), fileSchemaSqliteStatements(), fileSchemaPostgresStatements()},
        // 3: the audit trail refuses UPDATE and DELETE.
        {auditTrailStatements(), auditTrailSqliteStatements(), auditTrailPostgresStatements()},
        // 4: login rate-limit counters (fixed windows), shared by every server host on this database.
        {{QStringLiteral("CREATE TABLE rate_limits ("
                         " bucket TEXT PRIMARY KEY,"
                         " window_start BIGINT NOT NULL,"
                         " hits INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX rate_limits_window ON rate_limits(window_start)")},
            {}, {}},
        // 5: serials of the timestamp tokens the TSA issued (RFC 3161 §2.4.2: unique per token).
        {{
             QStringLiteral("CREATE TABLE tsa_tokens ("
                            " serial TEXT PRIMARY KEY,"
                            " gen_time BIGINT NOT NULL,"
                            " imprint TEXT NOT NULL,"
                            " requester TEXT,"
                            " remote TEXT)"),
             QStringLiteral("CREATE INDEX tsa_tokens_time ON tsa_tokens(gen_time)"),
         },
            {}, {}},
        // 6: each user's 印影 settings (本人情報); no row means the defaults (invisible signature, last page, bottom
        // right). Texts are the user's own; empty ones are filled from the profile when the seal is drawn.
        {{QStringLiteral("CREATE TABLE user_seals ("
                         " user_id TEXT PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE,"
                         " style TEXT NOT NULL CHECK (style IN ('none', 'round', 'date', 'square', 'text')),"
                         " seal_text TEXT NOT NULL,"
                         " company TEXT NOT NULL,"
                         " page TEXT NOT NULL CHECK (page IN ('first', 'last')),"
                         " corner TEXT NOT NULL"
                         " CHECK (corner IN ('bottom-right', 'bottom-left', 'top-right', 'top-left')),"
                         " updated_at BIGINT NOT NULL)")},
            {}, {}},
        // 7: file versions in the database (the store of every host on one PostgreSQL; see FileStore): one
        // file_contents row per distinct SHA-256, its bytes in 1 MiB file_blobs rows. Only the binary type differs.
        {{QStringLiteral("CREATE TABLE file_contents ("
                         " content_sha256 TEXT PRIMARY KEY,"
                         " size BIGINT NOT NULL,"
                         " chunk_count INTEGER NOT NULL,"
                         " created_at BIGINT NOT NULL)")},
            {QStringLiteral("CREATE TABLE file_blobs ("
                            " content_sha256 TEXT NOT NULL REFERENCES file_contents(content_sha256) ON DELETE CASCADE,"
                            " chunk_no INTEGER NOT NULL,"
                            " bytes BLOB NOT NULL,"
                            " PRIMARY KEY (content_sha256, chunk_no))")},
            {QStringLiteral("CREATE TABLE file_blobs ("
                            " content_sha256 TEXT NOT NULL REFERENCES file_contents(content_sha256) ON DELETE CASCADE,"
                            " chunk_no INTEGER NOT NULL,"
                            " bytes BYTEA NOT NULL,"
                            " PRIMARY KEY (content_sha256, chunk_no))"),
                // PDFs are mostly compressed already: store the chunks out of line without trying to compress them.
                QStringLiteral("ALTER TABLE file_blobs ALTER COLUMN bytes SET STORAGE EXTERNAL")}},
        // 8: My Page reads a user's permissions from the index alone (kind and sign position included), instead of
        // one table lookup per permission; it replaces file_permissions_user, whose columns are its prefix.
        {{QStringLiteral("CREATE INDEX file_permissions_page"
                         " ON file_permissions(user_id, processed, file_id, kind, sign_position)"),
             QStringLiteral("DROP INDEX file_permissions_user")},
            {}, {}},
        // 9: each permission carries its file's registration time (copied when the permission is made; a file's
        // registered_at never changes), so that My Page's default query (my unprocessed files of the last months,
        // newest first) is one range of the index, already in order, and joins files only for the rows it returns:
        // before, every unprocessed permission of the user (200 in the benchmark) was looked up in files to test its
        // date, and PostgreSQL spent 1.3 ms of CPU on a request.
        {{QStringLiteral("ALTER TABLE file_permissions ADD COLUMN registered_at BIGINT NOT NULL DEFAULT 0"),
             QStringLiteral("UPDATE file_permissions SET registered_at = "
                            "(SELECT f.registered_at FROM files f WHERE f.file_id = file_permissions.file_id)"),
             QStringLiteral("DROP INDEX file_permissions_page"),
             QStringLiteral("CREATE INDEX file_permissions_page ON file_permissions"
                            "(user_id, processed, registered_at, file_id, kind, sign_position)")},
            // SQLite cannot drop a column default; PostgreSQL refuses a permission made without the time.
            {}, {QStringLiteral("ALTER TABLE file_permissions ALTER COLUMN registered_at DROP DEFAULT")}},
        // 10: when a one-time password was last sent, in milliseconds: in whole seconds, a resend interval of N let a
        // resend through after N-1 seconds and a little (sent at 10.99, asked at 12.01 with N = 2).
        {{QStringLiteral("ALTER TABLE login_attempts RENAME COLUMN last_sent_at TO last_sent_ms"),
             QStringLiteral("UPDATE login_attempts SET last_sent_ms = last_sent_ms * 1000")},
            {}, {}},
    };
    return list;
}

QString sqlErrorText(const QSqlError& error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

} // namespace

Result<std::shared_ptr<Database>> Database::open(const QString& url)
{
    std::shared_ptr<Database> database(new Database);
    if (url.startsWith(QLatin1String("sqlite:"))) {
        database->m_dialect = SqlDialect::Sqlite;
        database->m_path = url.mid(7);
        if (database->m_path.isEmpty())
            return makeError(ErrorCode::DatabaseError, QStringLiteral("empty SQLite path"));
        QDir().mkpath(QFileInfo(database->m_path).absolutePath());
    } else if (url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://"))) {
        const QUrl parsed(url, QUrl::StrictMode);
        const QString name = parsed.path().mid(1);
        if (!parsed.isValid() || parsed.host().isEmpty() || name.isEmpty() || name.contains(QLatin1Char('/')))
            return makeError(ErrorCode::DatabaseError,
                QStringLiteral("a PostgreSQL URL looks like postgresql://user@host:5432/database"));
        database->m_dialect = SqlDialect::Postgres;
        database->m_host = parsed.host();
        database->m_port = parsed.port(5432);
        database->m_user = parsed.userName();
        // A password in the URL works but shows in the process list; libpq also reads PGPASSWORD and ~/.pgpass.
        database->m_password = parsed.password();
        database->m_path = name;
    } else {
        return makeError(ErrorCode::DatabaseError,
            QStringLiteral("unsupported database URL (sqlite:PATH or postgresql://user@host:port/database)"));
    }
    database->m_prefix = QStringLiteral("ikkatsu-db-") + QUuid::createUuid().toString(QUuid::Id128) + QLatin1Char('-');
    IKK_TRY(database->migrate());
    return database;
}

// One cached statement; `query` is empty while its rows are out.
struct StatementSlot
{
    std::optional<QSqlQuery> query;
    bool dropped = false; // the cache let go of it: the rows must not come back
};

// A connection's statements by SQL text; used by the connection's own thread only.
struct Database::StatementCache
{
    QHash<QString, std::shared_ptr<StatementSlot>> statements;

    void dropAll()
    {
        for (const auto& slot : std::as_const(statements)) {
            slot->dropped = true;
            slot->query.reset();
        }
        statements.clear();
    }
};

SqlRows::SqlRows(QSqlQuery query, std::shared_ptr<StatementSlot> slot)
    : QSqlQuery(std::move(query))
    , m_slot(std::move(slot))
{ }

SqlRows::SqlRows(SqlRows&& other) noexcept
    : QSqlQuery(std::move(other))
    , m_slot(std::move(other.m_slot))
{ }

SqlRows& SqlRows::operator=(SqlRows&& other) noexcept
{
    if (this != &other) {
        giveBack();
        QSqlQuery::operator=(std::move(other));
        m_slot = std::move(other.m_slot);
    }
    return *this;
}

SqlRows::~SqlRows()
{
    giveBack();
}

void SqlRows::giveBack()
{
    const std::shared_ptr<StatementSlot> slot = std::move(m_slot);
    if (!slot || slot->dropped)
        return;
    // Reset, so that the statement holds no read snapshot (SQLite) or open portal (PostgreSQL) while it waits.
    finish();
    slot->query.emplace(std::move(static_cast<QSqlQuery&>(*this)));
}

Database::~Database()
{
    QMutexLocker lock(&m_namesMutex);
    for (const auto& cache : std::as_const(m_statementCaches))
        cache->dropAll();
    m_statementCaches.clear();
    for (const QString& name : std::as_const(m_connectionNames)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

Result<QSqlDatabase> Database::openConnection(const QString& name)
{
    const bool sqlite = m_dialect == SqlDialect::Sqlite;
    QSqlDatabase db = QSqlDatabase::addDatabase(sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
    db.setDatabaseName(m_path);
    if (sqlite) {
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        db.setHostName(m_host);
        db.setPort(m_port);
        db.setUserName(m_user);
        db.setPassword(m_password);
        db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=ikkatsu-server"));
    }
    if (!db.open()) {
        const QString text = sqlErrorText(db.lastError());
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return makeError(ErrorCode::DatabaseError, QStringLiteral("cannot open database: ") + text);
    }
    {
        QMutexLocker lock(&m_namesMutex);
        m_connectionNames.append(name);
    }
    QSqlQuery query(db);
    // The file is read through each connection's own 16 MiB page cache, not mapped: after any commit every other
    // connection drops its mapping (munmap, a TLB flush on every core) and faults the pages in again, which cost a
    // fifth of the server's CPU under uploads and did not make My Page faster either (docs/architecture.md).
    const QList<const char*> setup = sqlite
        ? QList<const char*> {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL",
            "PRAGMA mmap_size=0", "PRAGMA cache_size=-16384"}
        : QList<const char*> {"SET TIME ZONE 'UTC'", "SET client_min_messages TO WARNING"};
    for (const char* statement : setup) {
        if (!query.exec(QString::fromLatin1(statement)))
            return makeError(ErrorCode::DatabaseError, sqlErrorText(query.lastError()));
    }
    return db;
}

QString Database::connectionName() const
{
    return m_prefix + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()), 16);
}

std::shared_ptr<Database::StatementCache> Database::statementCache(const QString& connectionName)
{
    QMutexLocker lock(&m_namesMutex);
    auto& cache = m_statementCaches[connectionName];
    if (!cache)
        cache = std::make_shared<StatementCache>();
    return cache;
}

void Database::dropStatements(const QString& connectionName)
{
    QMutexLocker lock(&m_namesMutex);
    if (auto cache = m_statementCaches.take(connectionName))
        cache->dropAll();
}

Result<QSqlDatabase> Database::connection()
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
        dropStatements(name); // prepared on the connection that was closed
        if (db.open())
            return db;
        return makeError(ErrorCode::DatabaseError, sqlErrorText(db.lastError()));
    }
    return openConnection(name);
}

Status Database::ping()
{
    if (m_dialect == SqlDialect::Sqlite) {
        // An open SQLite handle keeps working on a file that was removed or replaced; the operator's file counts.
        const QFileInfo file(m_path);
        if (!file.exists() || !file.isReadable() || !file.isWritable())
            return makeError(ErrorCode::DatabaseError, QStringLiteral("the SQLite file is missing or not accessible"));
    }
    auto query = exec(QStringLiteral("SELECT MAX(version) FROM schema_version"));
    if (query)
        return {};
    // Qt keeps a connection whose server went away "open"; close it so that the next use connects again.
    auto db = connection();
    if (db) {
        dropStatements(connectionName());
        db->close();
    }
    return query.error();
}

Result<SqlRows> Database::exec(const QString& sql, const QVariantList& binds)
{
    auto db = connection();
    if (!db)
        return db.error();
    if (binds.isEmpty()) {
        // Unprepared: PostgreSQL cannot PREPARE transaction control or DDL, and nothing needs binding here.
        QSqlQuery query(*db);
        query.setForwardOnly(true);
        if (!query.exec(sql)) {
            qCWarning(lcDatabase) << "query failed:" << sqlErrorText(query.lastError());
            return makeError(ErrorCode::DatabaseError, sqlErrorText(query.lastError()));
        }
        return SqlRows(std::move(query));
    }
    const std::shared_ptr<StatementCache> cache = statementCache(connectionName());
    std::shared_ptr<StatementSlot> slot = cache->statements.value(sql);
    std::optional<QSqlQuery> query;
    if (slot && slot->query) {
        query.swap(slot->query);
    } else {
        query.emplace(*db);
        query->setForwardOnly(true);
        if (!query->prepare(sql)) {
            qCWarning(lcDatabase) << "prepare failed:" << sqlErrorText(query->lastError());
            return makeError(ErrorCode::DatabaseError, sqlErrorText(query->lastError()));
        }
        if (slot) {
            slot.reset(); // its statement is out (a nested use of the same SQL): this one is not kept
        } else {
            if (cache->statements.size() >= kMaxStatements)
                cache->dropAll();
            slot = std::make_shared<StatementSlot>();
            cache->statements.insert(sql, slot);
        }
    }
    for (qsizetype i = 0; i < binds.size(); ++i)
        query->bindValue(int(i), binds.at(i));
    if (!query->exec()) {
        qCWarning(lcDatabase) << "query failed:" << sqlErrorText(query->lastError());
        const Error error = makeError(ErrorCode::DatabaseError, sqlErrorText(query->lastError()));
        // A statement that failed is not trusted again (PostgreSQL may have lost it with the transaction).
        if (slot) {
            slot->dropped = true;
            cache->statements.remove(sql);
        }
        return error;
    }
    return SqlRows(std::move(*query), slot);
}

Result<int> Database::execCount(const QString& sql, const QVariantList& binds)
{
    auto query = exec(sql, binds);
    if (!query)
        return query.error();
    return query->numRowsAffected();
}

QString Database::textOrder() const
{
    // Byte order on both: SQLite compares text with memcmp, PostgreSQL would otherwise use the locale.
    return m_dialect == SqlDialect::Postgres ? QStringLiteral(" COLLATE \"C\"") : QString();
}

QString Database::beginWriteStatement() const
{
    return m_dialect == SqlDialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
}

int Database::schemaVersion()
{
    auto query = exec(QStringLiteral("SELECT MAX(version) FROM schema_version"));
    if (!query || !query->next())
        return 0;
    return query->value(0).toInt();
}

Status Database::migrate()
{
    // Several server processes may start at once on one PostgreSQL: a session lock makes them migrate in turn
    // (SQLite's BEGIN IMMEDIATE already serialises them there).
    const bool postgres = m_dialect == SqlDialect::Postgres;
    if (postgres)
        IKK_TRY(exec(QStringLiteral("SELECT pg_advisory_lock(7151900001)")));
    const Status done = applyMigrations();
    if (postgres) {
        auto unlocked = exec(QStringLiteral("SELECT pg_advisory_unlock(7151900001)"));
        Q_UNUSED(unlocked);
    }
    return done;
}

Status Database::applyMigrations()
{
    IKK_TRY(exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                " version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)")));
    for (qsizetype i = 0; i < migrations().size(); ++i) {
        const int version = static_cast<int>(i) + 1;
        WriteTransaction transaction(*this);
        IKK_TRY(transaction.begin());
        // Re-read inside the write lock: another server process may have migrated meanwhile.
        auto current = exec(QStringLiteral("SELECT COUNT(*) FROM schema_version WHERE version = ?"), {version});
        if (!current)
            return current.error();
        const bool applied = current->next() && current->value(0).toInt() > 0;
        current->finish();
        if (applied)
            continue;
        const Migration& migration = migrations().at(i);
        for (const QString& statement : migration.statements)
            IKK_TRY(exec(statement));
        for (const QString& statement : m_dialect == SqlDialect::Sqlite ? migration.sqliteOnly : migration.postgresOnly)
            IKK_TRY(exec(statement));
        IKK_TRY(exec(QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"),
            {version, QDateTime::currentSecsSinceEpoch()}));
        IKK_TRY(transaction.commit());
        qCInfo(lcDatabase) << "applied schema migration" << version;
    }
    return {};
}

WriteTransaction::WriteTransaction(Database& database)
    : m_database(database)
{ }

WriteTransaction::~WriteTransaction()
{
    if (m_open) {
        t_openTransaction = nullptr;
        auto rolledBack = m_database.exec(QStringLiteral("ROLLBACK"));
        Q_UNUSED(rolledBack);
    }
}

Status WriteTransaction::begin()
{
    IKK_TRY(m_database.exec(m_database.beginWriteStatement()));
    m_open = true;
    t_openTransaction = &m_database;
    return {};
}

Status WriteTransaction::commit()
{
    IKK_TRY(m_database.exec(QStringLiteral("COMMIT")));
    m_open = false;
    t_openTransaction = nullptr;
    return {};
}

bool Database::inTransaction() const
{
    return t_openTransaction == this;
}

struct Database::GroupEntry
{
    const std::function<Status()>* write = nullptr;
    Status result;
    int groupSize = 0;
    bool done = false;
};

Status Database::writeInGroup(const std::function<Status()>& write, int* groupSize)
{
    if (inTransaction())
        return write();
    if (m_dialect == SqlDialect::Postgres) {
        // PostgreSQL groups commits itself: one WAL flush serves every backend committing at that moment. A group here
        // would run the uploads' statements one after another on one connection instead of in parallel on several,
        // and each statement is a round trip: measured, bench/batch-sign-server.sh got slower (50 → 46 files/s).
        if (groupSize)
            *groupSize = 1;
        WriteTransaction transaction(*this);
        IKK_TRY(transaction.begin());
        IKK_TRY(write());
        return transaction.commit();
    }
    // Leader and followers: whoever finds no group being committed takes every write waiting (its own among them)
    // and commits them; the others wait meanwhile and so form the next group. No timer: a write alone is committed
    // at once, and groups grow only while a commit is under way.
    static constexpr qsizetype kMaxGroup = 64;
    GroupEntry mine;
    mine.write = &write;
    QMutexLocker lock(&m_groupMutex);
    m_groupQueue.append(&mine);
    while (!mine.done) {
        if (m_groupLeading) {
            m_groupDone.wait(&m_groupMutex);
            continue;
        }
        m_groupLeading = true;
        const QList<GroupEntry*> group = m_groupQueue.mid(0, kMaxGroup);
        m_groupQueue.remove(0, group.size());
        lock.unlock();
        commitGroup(group);
        lock.relock();
        for (GroupEntry* entry : group) {
            entry->groupSize = int(group.size());
            entry->done = true;
        }
        m_groupLeading = false;
        m_groupDone.wakeAll();
    }
    if (groupSize)
        *groupSize = mine.groupSize;
    return mine.result;
}

void Database::commitGroup(const QList<GroupEntry*>& group)
{
    // Nothing of the group is committed: every write that had succeeded gets this error.
    auto failAll = [&group](const Error& error) {
        for (GroupEntry* entry : group) {
            if (entry->result.ok())
                entry->result = error;
        }
    };
    const bool sqlite = m_dialect == SqlDialect::Sqlite;
    // In WAL mode synchronous=NORMAL syncs only at checkpoints; FULL syncs the WAL at this COMMIT, once for the group,
    // so an answered write survives a power cut too. Other transactions keep NORMAL.
    if (sqlite) {
        auto full = exec(QStringLiteral("PRAGMA synchronous=FULL"));
        if (!full) {
            failAll(full.error());
            return;
        }
    }
    [&] {
        WriteTransaction transaction(*this);
        if (auto begun = transaction.begin(); !begun) {
            failAll(begun.error());
            return;
        }
        for (GroupEntry* entry : group) {
            if (auto saved = exec(QStringLiteral("SAVEPOINT group_write")); !saved) {
                failAll(saved.error());
                return; // the transaction rolls back
            }
            entry->result = (*entry->write)();
            if (!entry->result.ok()) {
                auto undone = exec(QStringLiteral("ROLLBACK TO SAVEPOINT group_write"));
                if (!undone) {
                    failAll(undone.error());
                    return;
                }
            }
            if (auto released = exec(QStringLiteral("RELEASE SAVEPOINT group_write")); !released) {
                failAll(released.error());
                return;
            }
        }
        if (auto committed = transaction.commit(); !committed)
            failAll(committed.error());
    }();
    if (sqlite) {
        auto normal = exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        Q_UNUSED(normal);
    }
}

} // namespace ikkatsu::server
