#pragma once

#include "service/store/readaccess.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>

namespace ms {

/// How a mirror column's values are compared with the source's: Exact keeps the storage class
/// and bytes as they are; the others bring both sides to one canonical form first, for a target
/// type that holds the value exactly but not its spelling (PostgreSQL's numeric, date and time
/// types, uuid). A boolean column reads as the integer 0 or 1 and is then compared exactly.
enum class ValueForm { Exact, Decimal, Temporal, Uuid };

/// `value` in `form`: Decimal drops a sign of zero, leading zeros and trailing fractional
/// zeros ("-0.50" -> "-0.5", "-0.00" -> "0"); Temporal writes the date and time apart with
/// 'T' and drops trailing fractional zeros ("2020-01-02 03:04:05.120" -> "2020-01-02T03:04:05.12");
/// Uuid folds to lower case. Only text in the form's syntax changes: anything else (another
/// storage class, malformed text) is returned as it is, so that it still differs.
QVariant comparableValue(ValueForm form, const QVariant &value);

struct MirrorColumn
{
    QString name;
    ValueForm form = ValueForm::Exact;
};

/// A read-only look at one tenant's mirror for the Verifier: its metadata rows and its tables'
/// rows, each value as a storage class (null, qint64, double, QString, QByteArray) that compares
/// with the source's. One thread; throws ms::Error when the mirror cannot be read.
class MirrorContentReader
{
public:
    virtual ~MirrorContentReader() = default;
    /// Empty when the mirror exists, else why not ("The mirror file ... does not exist").
    virtual QString missingReason() = 0;
    /// The metadata table as named in the mirror.
    virtual QString metadataTable() const = 0;
    virtual bool tableExists(const QString &table) = 0;
    /// The metadata rows: table name -> recorded LSN.
    virtual QHash<QString, qint64> recordedLsns() = 0;
    /// The table's columns in their order in the mirror.
    virtual QList<MirrorColumn> columns(const QString &table) = 0;
    /// Every row of the table, `columns` (as columns() named them) in that order.
    virtual void forEachRow(const QString &table, const QList<MirrorColumn> &columns,
                            const std::function<void(QList<QVariant> &&)> &visit) = 0;
};

/// The reader for `access`: the SQLite file through the sqlite3 API (exact storage classes), or
/// a QPSQL connection to the tenant's schema. Connects on first use. Throws ms::Error(Server)
/// for a driver it cannot read.
std::unique_ptr<MirrorContentReader> createMirrorContentReader(const ReadAccess &access,
                                                               const QString &tenant);

} // namespace ms
