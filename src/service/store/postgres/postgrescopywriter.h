#pragma once

#include "service/store/sql/sqlbulkwriter.h"

#include <QByteArray>
#include <QHash>

struct pg_conn;
struct pg_result;

namespace ms {

class SqlSession;

/// Upserts through COPY: rows go in PostgreSQL's text format into a temporary staging table
/// (created once per table and column list, dropped at the end of the transaction), then one
/// INSERT ... SELECT ... ON CONFLICT moves them. Measured on loopback PostgreSQL 15 against
/// 1000-row multi-row statements through QPSQL: ~3x faster (20,000 rows of 5 columns: 0.4-0.6 s
/// against 1.2-2.1 s on a loaded 2-core machine); QPSQL spends most of the difference
/// formatting every bound value into an EXECUTE statement's text. Uses libpq on the session's
/// own connection (QSqlDriver::handle()); same thread as the session.
class PostgresCopyWriter final : public SqlBulkWriter
{
public:
    explicit PostgresCopyWriter(SqlSession &session);

    int minimumRows() const override;
    void upsert(const QString &tenant, const QString &table, const QStringList &columns,
                const QStringList &keyColumns, const QVariantList &values, int rowCount) override;

private:
    QString stagingTable(const QString &tenant, const QString &table, const QStringList &columns);
    void copy(const QString &staging, const QStringList &columns, const QVariantList &values);
    [[noreturn]] void fail(const QString &what);
    [[noreturn]] void failWith(pg_result *result, const QString &what);

    SqlSession &m_session;
    pg_conn *m_connection = nullptr;
    QHash<QString, QString> m_staging; ///< by table and columns: the staging table's name
    QByteArray m_buffer;
};

} // namespace ms
