#pragma once

#include <QStringList>
#include <QVariantList>

namespace ms {

/// A server's faster way than multi-row statements to upsert many rows in the open transaction
/// (PostgreSQL: COPY into a staging table, then one INSERT ... SELECT ... ON CONFLICT). Made by
/// SqlDialect::createBulkWriter for one connection; same thread and lifetime as the RowData
/// transaction that uses it.
class SqlBulkWriter
{
public:
    virtual ~SqlBulkWriter() = default;
    /// The least rows for which write() is faster than one multi-row statement.
    virtual int minimumRows() const = 0;
    /// Upserts rowCount rows: values row after row (as SqlDialect::bindValue made them), columns
    /// in the listed order. An existing key is replaced. Throws ms::Error (Client when the
    /// server refuses a row, Server otherwise); the transaction is then unusable.
    virtual void upsert(const QString &tenant, const QString &table, const QStringList &columns,
                        const QStringList &keyColumns, const QVariantList &values,
                        int rowCount) = 0;
};

} // namespace ms
