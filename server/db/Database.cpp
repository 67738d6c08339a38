// Per-thread Qt SQL connections and the numbered migrations; SQL here is kept portable to PostgreSQL.
#include "db/Database.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QThread>
#include <QUuid>

namespace ikkatsu::server {

Q_LOGGING_CATEGORY(lcDatabase, "ikkatsu.server.database")

namespace {

// Every migration is a list of statements applied in one transaction; numbers are forever.
// Portable SQL only: BIGINT for times (Unix seconds), INTEGER 0/1 for flags, TEXT for text and PEM.
const QList<QStringList>& migrations()
{
    static const QList<QStringList> list = {
        // 1: accounts, login attempts with their one-time passwords, sessions, certificates, audit log.
        {
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
    } else {
        return makeError(ErrorCode::DatabaseError, QStringLiteral("unsupported database URL (only sqlite:PATH)"));
    }
    database->m_prefix = QStringLiteral("ikkatsu-db-") + QUuid::createUuid().toString(QUuid::Id128) + QLatin1Char('-');
    IKK_TRY(database->migrate());
    return database;
}

Database::~Database()
{
    QMutexLocker lock(&m_namesMutex);
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
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return makeError(
            ErrorCode::DatabaseError, QStringLiteral("cannot open database: ") + sqlErrorText(db.lastError()));
    {
        QMutexLocker lock(&m_namesMutex);
        m_connectionNames.append(name);
    }
    QSqlQuery query(db);
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"}) {
        if (!query.exec(QString::fromLatin1(pragma)))
            return makeError(ErrorCode::DatabaseError, sqlErrorText(query.lastError()));
    }
    return db;
}

Result<QSqlDatabase> Database::connection()
{
    const QString name = m_prefix + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()), 16);
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
        if (db.open())
            return db;
        return makeError(ErrorCode::DatabaseError, sqlErrorText(db.lastError()));
    }
    return openConnection(name);
}

Result<QSqlQuery> Database::exec(const QString& sql, const QVariantList& binds)
{
    auto db = connection();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    if (!query.prepare(sql)) {
        qCWarning(lcDatabase) << "prepare failed:" << sqlErrorText(query.lastError());
        return makeError(ErrorCode::DatabaseError, sqlErrorText(query.lastError()));
    }
    for (const QVariant& value : binds)
        query.addBindValue(value);
    if (!query.exec()) {
        qCWarning(lcDatabase) << "query failed:" << sqlErrorText(query.lastError());
        return makeError(ErrorCode::DatabaseError, sqlErrorText(query.lastError()));
    }
    return query;
}

Result<int> Database::execCount(const QString& sql, const QVariantList& binds)
{
    auto query = exec(sql, binds);
    if (!query)
        return query.error();
    return query->numRowsAffected();
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
        for (const QString& statement : migrations().at(i))
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
        auto rolledBack = m_database.exec(QStringLiteral("ROLLBACK"));
        Q_UNUSED(rolledBack);
    }
}

Status WriteTransaction::begin()
{
    IKK_TRY(m_database.exec(m_database.beginWriteStatement()));
    m_open = true;
    return {};
}

Status WriteTransaction::commit()
{
    IKK_TRY(m_database.exec(QStringLiteral("COMMIT")));
    m_open = false;
    return {};
}

} // namespace ikkatsu::server
