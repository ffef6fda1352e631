#pragma once

#include "rowfactory.h"
#include "simrandom.h"

#include <QString>

namespace ms {

class SourceDatabase;

/// Changes a source database the way users and SuperOffice upgrades do: random inserts,
/// updates (some rows several times) and deletes, and schema changes. Every row change goes
/// through the change log. Deterministic for a seed; one thread; does not own the source.
class Mutator final
{
public:
    struct Summary
    {
        qint64 inserted = 0;
        qint64 updated = 0;
        qint64 deleted = 0;
    };

    Mutator(SourceDatabase &source, quint64 seed);

    /// `count` random row changes in one transaction, tables weighted like the demo's.
    Summary applyChanges(qint64 count);
    /// Appends a nullable nvarchar column (a compatible change: the mirror alters the table).
    QString addCompatibleColumn(const QString &table);
    /// Gives a non-key column another type and new values of it (incompatible: recreated).
    void changeColumnType(const QString &table, const QString &column, const QString &newType);
    /// Creates a small user-defined table with some rows; returns its name.
    QString createTable();
    void dropTable(const QString &table);

private:
    void insertOne(const TableSchema &schema);
    qint64 nextSequence(const TableSchema &schema);
    SourceDatabase &m_source;
    SimRandom m_random;
    RowFactory m_rows;
};

} // namespace ms
