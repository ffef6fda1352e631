#pragma once

// Small value types that cross from MirrorReader's thread to the GUI thread in queued signals.

#include "service/state/tenantstatus.h"
#include "service/store/mirrorstore.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QVariant>

#include <chrono>

namespace ms {

/// One column filter of a contents view. Text "=abc" matches the value exactly; any other
/// text matches values containing it (case-insensitive for ASCII, as SQLite's LIKE).
struct ColumnFilter
{
    int column = -1; ///< index into PageQuery::columns
    QString text;
    bool operator==(const ColumnFilter &) const = default;
};

/// What to read of one mirrored table: columns, order and filters. Names are validated with
/// ms::isValidSqlIdentifier and quoted before they reach SQL; filter texts are always bound.
struct PageQuery
{
    QString tenant;
    QString table;
    QStringList columns;    ///< selected columns, in display order
    QStringList keyColumns; ///< the primary key; empty = the table's rowid
    int sortColumn = -1;    ///< index into columns; -1 = by key only
    Qt::SortOrder order = Qt::AscendingOrder;
    QList<ColumnFilter> filters; ///< empty texts are ignored
    bool operator==(const PageQuery &) const = default;
};

/// Where a page starts. Key values are those of the order: (sort column value, key...).
struct PageStart
{
    enum class Kind { First, After, AtOrAfter, Offset };
    Kind kind = Kind::First;
    QVariantList key;  ///< After: the previous page's last key; AtOrAfter: the page's first key
    qint64 offset = 0; ///< Offset only: the fallback when no key near the page is known yet
};

/// A page of rows as read: values are qlonglong, double, QString, QByteArray, or an invalid
/// QVariant for NULL.
struct RowPage
{
    qint64 firstRow = 0;      ///< the row number of rows[0] in the whole ordered result
    QList<QVariantList> rows; ///< one value per PageQuery::columns entry
    QVariantList lastKey;     ///< the order key of the last row (for the next page's start)
};

/// A mirror's table list row plus its current row count (-1 while unknown).
struct TableSummary
{
    MirroredTable table;
    qint64 rows = -1;
};

/// One line of the tenant list: registry state, and what its mirror holds.
struct TenantSummary
{
    TenantStatus status;
    bool hasMirror = false;
    int tables = 0;
    qint64 rows = 0;
};

/// The answer to a read-only query of the Query pane.
struct QueryResult
{
    QStringList columns;
    QList<QVariantList> rows;
    bool truncated = false; ///< more rows existed than the row limit
    QString error;          ///< empty on success; the text to show inline
    std::chrono::microseconds elapsed{0};
};

using RowCounts = QHash<QString, qint64>;

/// Registers the types above for queued connections; idempotent, any thread.
void registerReaderTypes();

} // namespace ms

Q_DECLARE_METATYPE(ms::PageQuery)
Q_DECLARE_METATYPE(ms::RowPage)
Q_DECLARE_METATYPE(ms::TableSummary)
Q_DECLARE_METATYPE(ms::TenantSummary)
Q_DECLARE_METATYPE(ms::QueryResult)
