#pragma once

#include "keysetsql.h"

#include "service/store/mirrorstore.h"
#include "service/store/readaccess.h"

#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace ms {

/// One reader's own connection to one tenant's mirror, opened from MirrorBackend::readAccess():
/// SQLite opens the file read-only with PRAGMA query_only; PostgreSQL makes every transaction of
/// the session read-only and sets search_path to the tenant's schema, so that
/// `select * from contact` works as in SSMS; SQL Server (QODBC, FreeTDS) connects to the
/// tenant's own database, and runs the Query pane's text in a transaction always rolled back
/// (readercatalogsql.cpp says why that is the guard there). Owned by the thread that opened it;
/// only interrupt() may be called from another thread.
class ReaderConnection final
{
    Q_DISABLE_COPY_MOVE(ReaderConnection)
public:
    /// Opens the connection under the unique name; throws ms::Error(Server) with the reason.
    ReaderConnection(const ReadAccess &access, const QString &tenant, const QString &name);
    ~ReaderConnection();

    QSqlDatabase database() const;
    ReaderDialect::Kind kind() const { return m_kind; }
    bool isPostgres() const { return m_kind == ReaderDialect::Kind::Postgres; }
    /// PostgreSQL or SQL Server: a connection that may break or outlive its mirror.
    bool isServer() const { return m_kind != ReaderDialect::Kind::Sqlite; }
    /// False once the mirror file was deleted or remade (SQLite) or the server connection broke:
    /// the caller opens a new one.
    bool isCurrent() const;
    /// Stops the statement running on this connection (sqlite3_interrupt / PQcancel; nothing on
    /// SQL Server, see the .cpp). Any thread, while the owner keeps the connection open.
    void interrupt();

    /// The mirror's metadata rows, ordered by table name (as MirrorStore::tables()).
    QList<MirroredTable> tables() const;
    /// Names of the tables that exist in the mirror (a metadata row may outlive its table).
    QStringList presentTables() const;
    /// The dialect for reading the table: on a server with its columns' types.
    ReaderDialect dialectFor(const QString &table) const;
    /// Around text people typed (the Query pane): on PostgreSQL a read-only transaction, on SQL
    /// Server a transaction, that endUserStatement() always rolls back. Nothing on SQLite
    /// (query_only holds). beginUserStatement() throws ms::Error(Server) when it cannot start
    /// one: the text never runs without it.
    void beginUserStatement();
    void endUserStatement();

private:
    void openSqlite(const ReadAccess &access);
    void openPostgres(const ReadAccess &access);
    void openSqlServer(const ReadAccess &access);
    /// Opens m_name through `driver` as `configure` sets it up and runs the session setup of
    /// m_kind; the reason when it could not (fails at once without the driver).
    QString openServer(const QString &driver, const QString &driverMissing,
                       const std::function<void(QSqlDatabase &)> &configure);
    void fail(const QString &reason);

    QString m_name;
    QString m_tenant;
    /// SQLite: the mirror file; PostgreSQL: the tenant's schema; SQL Server: dbo
    QString m_location;
    quint64 m_device = 0, m_inode = 0;
    ReaderDialect::Kind m_kind = ReaderDialect::Kind::Sqlite;
    void *m_sqlite = nullptr;   ///< sqlite3*
    void *m_pgCancel = nullptr; ///< PGcancel*
};

} // namespace ms
