#include "verifier.h"

#include "simsqlite.h"
#include "sourcedatabase.h"
#include "wirevalue.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

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
    : m_source(source), m_mirrorPath(std::move(mirrorPath)), m_tenant(std::move(tenant))
{}

VerifyReport Verifier::run(int maxReported)
{
    VerifyReport report;
    Reporter differ(report, maxReported);
    if (!QFileInfo::exists(m_mirrorPath)) {
        differ.add(u"The mirror file %1 does not exist"_s.arg(m_mirrorPath));
        return report;
    }
    if (!isValidTenantId(m_tenant))
        throw clientError(u"\"%1\" is not a valid tenant id"_s.arg(m_tenant));
    sim::SqliteConnection mirror(m_mirrorPath);
    const QString metadata = metadataTableName(m_tenant);
    if (!mirror.tableExists(metadata)) {
        differ.add(u"The mirror has no metadata table %1"_s.arg(metadata));
        return report;
    }
    QHash<QString, qint64> mirroredLsn;
    {
        auto q = mirror.prepare(u"SELECT tablename, lsn FROM %1"_s.arg(quoteIdentifier(metadata)));
        while (q.step())
            mirroredLsn.insert(q.text(0), q.integer(1));
    }
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
        if (!mirror.tableExists(table.tableName)) {
            differ.add(u"%1: table missing in the mirror"_s.arg(table.tableName));
            continue;
        }
        ++report.tablesCompared;
        QStringList mirrorColumns;
        {
            auto q = mirror.prepare(u"SELECT name FROM pragma_table_info(?) ORDER BY cid"_s);
            q.bind(1, table.tableName);
            while (q.step())
                mirrorColumns.append(q.text(0));
        }
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
        QStringList quoted;
        for (const QString &name : std::as_const(sourceColumns))
            quoted.append(quoteIdentifier(name));
        QHash<QString, QList<QVariant>> mirrorRows;
        {
            auto q = mirror.prepare(
                u"SELECT %1 FROM %2"_s.arg(quoted.join(u", "_s), quoteIdentifier(table.tableName)));
            while (q.step()) {
                QList<QVariant> row;
                for (int c = 0; c < q.columnCount(); ++c)
                    row.append(q.value(c));
                mirrorRows.insert(keyText(row, keyColumns), row);
            }
        }
        m_source.forEachRow(table.tableName, [&](const SourceRow &source) {
            ++report.rowsCompared;
            const QString key = keyText(source.values, keyColumns);
            const auto it = mirrorRows.constFind(key);
            if (it == mirrorRows.constEnd()) {
                differ.add(u"%1 [%2]: row missing in the mirror"_s.arg(table.tableName, key));
                return;
            }
            for (qsizetype c = 0; c < source.values.size(); ++c) {
                if (!sameValue(source.values.at(c), it->at(c)))
                    differ.add(u"%1 [%2] %3: source %4, mirror %5"_s.arg(
                        table.tableName, key, sourceColumns.at(c),
                        describeValue(source.values.at(c)), describeValue(it->at(c))));
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
