#pragma once

#include "service/store/mirrorstore.h"

namespace ms {

class SqlSession;

/// The tenant's metadata table on a SQL server: one row per mirrored table. Never caches:
/// people edit it by hand (PROTOCOL.md's invalidate and hard reset). Same thread rules as the
/// session, which must outlive it.
class SqlMetadata final
{
    Q_DISABLE_COPY_MOVE(SqlMetadata)
public:
    SqlMetadata(SqlSession &session, QString tenant);

    /// The table's name as the server holds it.
    QString tableName() const;

    /// Ordered by table name (binary order).
    QList<MirroredTable> readAll();
    /// Exact (case-sensitive) name, as the protocol compares names.
    std::optional<MirroredTable> read(const QString &tableName);

    /// Inserts or replaces the row's schema, hash and LSN; last change = now.
    void write(const TableSchema &schema, const QString &hash, qint64 lsn);
    void setLsn(const QString &tableName, qint64 lsn);
    void touch(const QString &tableName);
    void remove(const QString &tableName);
    /// Every row's last cycle counts: those of the summary, 0 for tables it does not name.
    void setCycleCounts(const QList<TableCounts> &summary);

private:
    SqlSession &m_session;
    QString m_tenant;
};

} // namespace ms
