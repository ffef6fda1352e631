#pragma once

#include "service/store/readaccess.h"

#include <QString>
#include <QStringList>

namespace ms {

class SourceDatabase;

struct VerifyReport
{
    QStringList differences; ///< one readable line each, at most the limit given to run()
    qint64 differenceCount = 0;
    qint64 tablesCompared = 0;
    qint64 rowsCompared = 0;
    bool matched() const { return differenceCount == 0; }
};

/// Compares a mirror with the source: the same tables (by metadata row), columns in the same
/// order, the same rows by primary key, every value in the same storage class with the same
/// bytes (doubles bit-equal), and each table's recorded LSN equal to the source's. On PostgreSQL
/// a value is compared as the column's type holds it (MirrorContentReader: numeric, date/time
/// and uuid in canonical form, boolean as 0/1, bytea by bytes); SQLite mirrors exactly.
/// One thread; opens the mirror itself (the file, or its own connection) and only reads it.
class Verifier final
{
public:
    /// The SQLite mirror file.
    Verifier(SourceDatabase &source, QString mirrorPath, QString tenant);
    /// The mirror as MirrorBackend::readAccess(tenant) describes it (SQLite or PostgreSQL).
    Verifier(SourceDatabase &source, ReadAccess mirror, QString tenant);
    VerifyReport run(int maxReported = 50);

private:
    SourceDatabase &m_source;
    ReadAccess m_mirror;
    QString m_tenant;
};

} // namespace ms
