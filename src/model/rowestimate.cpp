#include "rowestimate.h"

#include "readerconnection.h"
#include "readersql.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

qint64 estimatedRows(const ReaderConnection &db, const QString &table)
{
    if (!isValidSqlIdentifier(table))
        return -1;
    try {
        if (db.kind() == ReaderDialect::Kind::Postgres) {
            // The session's search_path is the tenant's schema. reltuples is -1 until the table
            // was first analyzed (PostgreSQL 14 on), 0 on older servers: no guess either way.
            QSqlQuery query = execPrepared(
                db.database(), {u"SELECT reltuples FROM pg_catalog.pg_class WHERE oid = "
                                u"to_regclass(CAST(? AS text))"_s,
                                {quoteIdentifier(table)}});
            const double tuples = query.next() ? query.value(0).toDouble() : -1;
            return tuples > 0 ? qint64(tuples + 0.5) : -1;
        }
        if (db.kind() != ReaderDialect::Kind::Sqlite)
            return -1;
        // One step down the table's b-tree. The store's tables are rowid tables whose rowids
        // count up from 1 and stay with a row through its updates (upserts, not REPLACE), so
        // this is the row count until rows are deleted, and more than it after.
        QSqlQuery query = execPrepared(
            db.database(), {u"SELECT max(_rowid_) FROM %1"_s.arg(quoteIdentifier(table)), {}});
        return query.next() && !query.isNull(0) ? query.value(0).toLongLong() : -1;
    } catch (const Error &) {
        return -1; // e.g. a WITHOUT ROWID table made by hand: the count will say
    }
}

} // namespace ms
