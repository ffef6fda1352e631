#pragma once

// A connection of the test's own to a tenant's mirror, separate from the store's, that reads
// (and, for the documented manual commands and the partner's own tables, writes) behind the
// store's back the way a person with the database's shell would. Test thread only.

#include "cell.h"

#include <QStringList>

namespace storetest {

/// One column of a table as the database itself describes it.
struct ColumnInfo
{
    QString name;
    QString type; ///< SQLite: the declared type; PostgreSQL: format_type(), "numeric(10,2)"
    bool notNull = false;
    Cell defaultValue;   ///< the default's DDL text as the database prints it; NULL when none
    int keyPosition = 0; ///< 1-based position in the primary key; 0 when not a key column
    bool operator==(const ColumnInfo &) const = default;
};

class RawConnection
{
    Q_DISABLE_COPY_MOVE(RawConnection)
public:
    RawConnection() = default;
    virtual ~RawConnection() = default;

    /// Runs one or more statements separated by ';' outside quotes, in autocommit mode unless the
    /// SQL itself says BEGIN; stops at the first failure: false with lastError().
    virtual bool exec(const QString &sql) = 0;
    const QString &lastError() const { return m_lastError; }

    /// Every row of one query (empty, with a warning and lastError(), when it fails).
    virtual Rows query(const QString &sql) = 0;
    Cell scalar(const QString &sql);

    /// The columns of a table of the mirror (its exact name), in table order.
    virtual QList<ColumnInfo> columnInfo(const QString &tableName) = 0;
    QStringList columnNames(const QString &tableName);

    /// The tables (not views) of the mirror under their exact names, sorted: the mirrored ones,
    /// the metadata table and any partner's own.
    virtual QStringList tableNames() = 0;
    bool hasTable(const QString &tableName) { return tableNames().contains(tableName); }

    /// The recorded LSN of a mirrored table; -99 when there is no metadata row. metadataTable is
    /// the documented, unquoted name ("Cust1234_mirroring").
    qint64 lsn(const QString &metadataTable, const QString &tableName);

    /// The whole mirror as text: every object's definition, then every table's rows in storage
    /// order, so that "nothing changed" is one comparison.
    virtual QString dump() = 0;

protected:
    QString m_lastError;
};

/// SQL text with ';' separated statements split outside '...' and "..." (for drivers that run
/// one statement at a time); empty statements dropped.
QStringList splitStatements(const QString &sql);

/// 'text' with quotes doubled, for names the tests themselves chose.
QString sqlLiteral(const QString &text);

} // namespace storetest
