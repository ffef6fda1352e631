#include "verifier.h"

#include "mirrorcontentreader.h"
#include "sourcedatabase.h"
#include "wirevalue.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"

#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {

bool sameValue(const QVariant &a, const QVariant &b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() && b.isNull();
    if (a.metaType() != b.metaType())
        return false;
    if (a.metaType().id() == QMetaType::Double)
        return a.toDouble() == b.toDouble();
    return a == b;
}

// A key as text that keeps the storage class, so 1 and '1' differ.
QString keyText(const QList<QVariant> &row, const QList<qsizetype> &keyColumns)
{
    QStringList parts;
    for (qsizetype c : keyColumns)
        parts.append(describeValue(row.at(c)));
    return parts.join(u", "_s);
}

class Reporter
{
public:
    Reporter(VerifyReport &report, int limit) : m_report(report), m_limit(limit) {}
    void add(const QString &line)
    {
        if (m_report.differenceCount++ < m_limit)
            m_report.differences.append(line);
    }

private:
    VerifyReport &m_report;
    int m_limit;
};

} // namespace

Verifier::Verifier(SourceDatabase &source, QString mirrorPath, QString tenant)
    : m_source(source), m_tenant(std::move(tenant))
{
    m_mirror.driver = u"QSQLITE"_s;
    m_mirror.databaseName = std::move(mirrorPath);
}

Verifier::Verifier(SourceDatabase &source, ReadAccess mirror, QString tenant)
    : m_source(source), m_mirror(std::move(mirror)), m_tenant(std::move(tenant))
{}

VerifyReport Verifier::run(int maxReported)
{
    VerifyReport report;
    Reporter differ(report, maxReported);
    const std::unique_ptr<MirrorContentReader> mirror =
        createMirrorContentReader(m_mirror, m_tenant);
    if (const QString missing = mirror->missingReason(); !missing.isEmpty()) {
        differ.add(missing);
        return report;
    }
    if (!isValidTenantId(m_tenant))
        throw clientError(u"\"%1\" is not a valid tenant id"_s.arg(m_tenant));
    const QString metadata = mirror->metadataTable();
    if (!mirror->tableExists(metadata)) {
        differ.add(u"The mirror has no metadata table %1"_s.arg(metadata));
        return report;
    }
    const QHash<QString, qint64> mirroredLsn = mirror->recordedLsns();
    const qint64 sourceLsn = m_source.currentLsn();
    const QList<TableSchema> tables = m_source.tables();
    QSet<QString> sourceNames;
    for (const TableSchema &table : tables) {
        sourceNames.insert(table.tableName);
        if (!mirroredLsn.contains(table.tableName)) {
            differ.add(u"%1: no metadata row in the mirror"_s.arg(table.tableName));
            continue;
        }
        if (mirroredLsn.value(table.tableName) != sourceLsn)
            differ.add(u"%1: mirror records LSN %2, the source is at %3"_s.arg(table.tableName)
                           .arg(mirroredLsn.value(table.tableName))
                           .arg(sourceLsn));
        if (!mirror->tableExists(table.tableName)) {
            differ.add(u"%1: table missing in the mirror"_s.arg(table.tableName));
            continue;
        }
        ++report.tablesCompared;
        const QList<MirrorColumn> columns = mirror->columns(table.tableName);
        QStringList mirrorColumns;
        for (const MirrorColumn &column : columns)
            mirrorColumns.append(column.name);
        QStringList sourceColumns;
        QList<qsizetype> keyColumns;
        for (qsizetype c = 0; c < table.columns.size(); ++c) {
            sourceColumns.append(table.columns.at(c).name);
            if (table.primaryKey.contains(table.columns.at(c).name))
                keyColumns.append(c);
        }
        if (mirrorColumns != sourceColumns) {
            differ.add(u"%1: columns differ: source (%2), mirror (%3)"_s.arg(
                table.tableName, sourceColumns.join(u", "_s), mirrorColumns.join(u", "_s)));
            continue;
        }
        // Both sides in the column's form, so that keys match and values compare. A SQLite
        // mirror has only Exact columns: its rows are compared as read.
        const bool exact = std::all_of(columns.cbegin(), columns.cend(), [](const MirrorColumn &c) {
            return c.form == ValueForm::Exact;
        });
        const auto comparable = [&columns, exact](QList<QVariant> row) {
            for (qsizetype c = 0; !exact && c < row.size(); ++c)
                row[c] = comparableValue(columns.at(c).form, row.at(c));
            return row;
        };
        QHash<QString, QList<QVariant>> mirrorRows;
        mirror->forEachRow(table.tableName, columns, [&](QList<QVariant> &&row) {
            QList<QVariant> value = comparable(std::move(row));
            mirrorRows.insert(keyText(value, keyColumns), std::move(value));
        });
        m_source.forEachRow(table.tableName, [&](const SourceRow &sourceRow) {
            ++report.rowsCompared;
            const QList<QVariant> source = comparable(sourceRow.values);
            const QString key = keyText(source, keyColumns);
            const auto it = mirrorRows.constFind(key);
            if (it == mirrorRows.constEnd()) {
                differ.add(u"%1 [%2]: row missing in the mirror"_s.arg(table.tableName, key));
                return;
            }
            for (qsizetype c = 0; c < source.size(); ++c) {
                if (!sameValue(source.at(c), it->at(c)))
                    differ.add(u"%1 [%2] %3: source %4, mirror %5"_s.arg(
                        table.tableName, key, sourceColumns.at(c), describeValue(source.at(c)),
                        describeValue(it->at(c))));
            }
            mirrorRows.erase(it);
        });
        for (auto it = mirrorRows.constBegin(); it != mirrorRows.constEnd(); ++it)
            differ.add(u"%1 [%2]: row in the mirror that the source does not have"_s.arg(
                table.tableName, it.key()));
    }
    for (auto it = mirroredLsn.constBegin(); it != mirroredLsn.constEnd(); ++it) {
        if (!sourceNames.contains(it.key()))
            differ.add(u"%1: mirrored, but the source has no such table"_s.arg(it.key()));
    }
    return report;
}

} // namespace ms
