#pragma once

#include "mirrorstore.h"

namespace ms {

class SqliteConnection;

/// The tenant's metadata table "<ctx>_mirroring" in one mirror file: one row per mirrored table.
/// Never caches: people edit the table by hand (PROTOCOL.md's invalidate and hard reset).
/// Same thread rules as the connection, which must outlive it.
class SqliteMetadata final
{
    Q_DISABLE_COPY_MOVE(SqliteMetadata)
public:
    struct Row
    {
        MirroredTable table;
        QString schemaJson; ///< as stored; table.schema is empty when it does not parse
    };

    SqliteMetadata(SqliteConnection &connection, const QString &tenant);

    const QString &tableName() const { return m_tableName; }
    /// Creates the table when absent, and adds columns of ours a hand-made one lacks.
    void ensureTable();

    /// Exact (case-sensitive) name, as the protocol compares names.
    std::optional<Row> read(const QString &tableName);
    /// Ordered by table name.
    QList<Row> readAll();
    std::optional<qint64> lsn(const QString &tableName);

    /// Inserts or replaces the row's schema, hash and LSN; last change = now.
    void write(const TableSchema &schema, const QString &hash, qint64 lsn);
    /// Sets the LSN; last change = now.
    void setLsn(const QString &tableName, qint64 lsn);
    /// Last change = now.
    void touch(const QString &tableName);
    void remove(const QString &tableName);
    /// Every row's last cycle counts: those of the summary, 0 for tables it does not name.
    void setCycleCounts(const QList<TableCounts> &summary);

private:
    QString now() const;

    SqliteConnection &m_connection;
    QString m_tableName;
    QString m_quoted;
};

} // namespace ms
