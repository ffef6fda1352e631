#include "demosourcegenerator.h"

#include "demoschema.h"
#include "rowfactory.h"
#include "sourcedatabase.h"

#include "service/common/error.h"

#include <QFile>

using namespace Qt::Literals::StringLiterals;

namespace ms {

void DemoSourceGenerator::generate(const QString &path, qint64 totalRows) const
{
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        if (QFile::exists(path + suffix) && !QFile::remove(path + suffix))
            throw serverError(u"Cannot replace %1"_s.arg(path + suffix));
    }
    SourceDatabase source(path);
    SimRandom random(m_seed);
    RowFactory rows(random);
    const QList<DemoTable> tables = demoTables();
    int totalWeight = 0;
    for (const DemoTable &table : tables)
        totalWeight += table.weight;

    // Shares by weight, the rounding remainder to the first (biggest) tables, so that the
    // total is what was asked for; every table gets a few rows even when that is exceeded.
    QList<qint64> counts;
    qint64 assigned = 0;
    for (const DemoTable &table : tables) {
        counts.append(totalRows * table.weight / totalWeight);
        assigned += counts.constLast();
    }
    for (qsizetype i = 0; assigned < totalRows; i = (i + 1) % counts.size(), ++assigned)
        ++counts[i];

    source.begin();
    for (qsizetype t = 0; t < tables.size(); ++t) {
        const DemoTable &table = tables.at(t);
        source.setTracking(false);
        source.createTable(table.schema);
        const qint64 count = qMax<qint64>(3, counts.at(t));
        // The newest sixth was written after change tracking was switched on.
        const qint64 untracked = count - count / 6;
        for (qint64 i = 0; i < count; ++i) {
            if (i == untracked)
                source.setTracking(true);
            source.insertRow(table.schema.tableName, rows.newRow(table.schema, i + 1));
        }
    }
    source.setTracking(true);
    source.commit();
}

} // namespace ms
