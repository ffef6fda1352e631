#pragma once

#include <QHash>
#include <QString>
#include <QVariantList>

// The readers' SQL text and how it is spelled for the database behind a connection. Kept apart
// from the statements themselves (keysetsql, readercatalogsql) so that each of those reads the
// same way on every target and the targets differ only in columnexpressions.
namespace ms {

struct SqlText
{
    QString sql;
    QVariantList binds;
};

/// How the reader's SQL is spelled for the database behind a connection.
struct ReaderDialect
{
    /// SqlServer: T-SQL over QODBC and FreeTDS ([ ] quoting, TOP, no row-value comparison).
    enum class Kind { Sqlite, Postgres, SqlServer };
    Kind kind = Kind::Sqlite;
    /// PostgreSQL: format_type() of the page's table's columns, by name; SQL Server: the
    /// TYPE_NAME() of their system types. Picks the expression that shows a value in the
    /// protocol's text form (timestamps with a 'T' and their own fraction digits, booleans as
    /// 0/1, numeric exactly) and the key expression that comes back as a value that binds back
    /// exactly (text rather than a millisecond QDateTime).
    QHash<QString, QString> columnTypes;
};

} // namespace ms
