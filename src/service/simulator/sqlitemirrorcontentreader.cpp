#include "sqlitemirrorcontentreader.h"

#include "service/common/identifiers.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace ms {

SqliteMirrorContentReader::SqliteMirrorContentReader(QString path, const QString &tenant)
    : m_path(std::move(path)), m_metadataTable(metadataTableName(tenant))
{}

sim::SqliteConnection &SqliteMirrorContentReader::mirror()
{
    if (!m_mirror)
        m_mirror.emplace(m_path);
    return *m_mirror;
}

QString SqliteMirrorContentReader::missingReason()
{
    // Checked before opening: opening read-write would create an empty file.
    if (!QFileInfo::exists(m_path))
        return u"The mirror file %1 does not exist"_s.arg(m_path);
    return {};
}

bool SqliteMirrorContentReader::tableExists(const QString &table)
{
    return mirror().tableExists(table);
}

QHash<QString, qint64> SqliteMirrorContentReader::recordedLsns()
{
    QHash<QString, qint64> lsns;
    auto q =
        mirror().prepare(u"SELECT tablename, lsn FROM %1"_s.arg(quoteIdentifier(m_metadataTable)));
    while (q.step())
        lsns.insert(q.text(0), q.integer(1));
    return lsns;
}

QList<MirrorColumn> SqliteMirrorContentReader::columns(const QString &table)
{
    QList<MirrorColumn> columns;
    auto q = mirror().prepare(u"SELECT name FROM pragma_table_info(?) ORDER BY cid"_s);
    q.bind(1, table);
    while (q.step())
        columns.append({q.text(0), ValueForm::Exact});
    return columns;
}

void SqliteMirrorContentReader::forEachRow(const QString &table, const QList<MirrorColumn> &columns,
                                           const std::function<void(QList<QVariant> &&)> &visit)
{
    QStringList quoted;
    for (const MirrorColumn &column : columns)
        quoted.append(quoteIdentifier(column.name));
    auto q =
        mirror().prepare(u"SELECT %1 FROM %2"_s.arg(quoted.join(u", "_s), quoteIdentifier(table)));
    while (q.step()) {
        QList<QVariant> row;
        row.reserve(q.columnCount());
        for (int c = 0; c < q.columnCount(); ++c)
            row.append(q.value(c));
        visit(std::move(row));
    }
}

} // namespace ms
