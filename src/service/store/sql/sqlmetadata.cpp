#include "sqlmetadata.h"

#include "sqldialect.h"
#include "sqlsession.h"

#include "service/store/schemajson.h"

#include <QDateTime>
#include <QSqlRecord>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace ms {

SqlMetadata::SqlMetadata(SqlSession &session, QString tenant)
    : m_session(session), m_tenant(std::move(tenant))
{}

QString SqlMetadata::tableName() const
{
    return m_session.dialect().metadataTableName(m_tenant);
}

QList<MirroredTable> SqlMetadata::readAll()
{
    QSqlQuery query = m_session.run(m_session.dialect().selectMetadataQuery(m_tenant), {},
                                    u"reading %1"_s.arg(tableName()));
    QList<MirroredTable> rows;
    while (query.next()) {
        MirroredTable row;
        row.tableName = query.value(0).toString();
        row.schemaHash = query.value(1).toString();
        row.lsn = query.value(2).toLongLong();
        if (auto schema = schemaFromJson(query.value(3).toString()))
            row.schema = *schema;
        if (!query.isNull(4))
            row.lastChange = query.value(4).toDateTime().toUTC();
        row.lastInserted = query.value(5).toLongLong();
        row.lastUpdated = query.value(6).toLongLong();
        row.lastDeleted = query.value(7).toLongLong();
        rows.append(row);
    }
    return rows;
}

std::optional<MirroredTable> SqlMetadata::read(const QString &name)
{
    for (MirroredTable &row : readAll()) {
        if (row.tableName == name)
            return std::move(row);
    }
    return std::nullopt;
}

void SqlMetadata::write(const TableSchema &schema, const QString &hash, qint64 lsn)
{
    m_session.run(m_session.dialect().upsertMetadataStatement(m_tenant),
                  {schema.tableName, hash, lsn, schemaToJson(schema)},
                  u"recording the schema of %1"_s.arg(schema.tableName));
}

void SqlMetadata::setLsn(const QString &name, qint64 lsn)
{
    m_session.run(m_session.dialect().setLsnStatement(m_tenant), {lsn, name},
                  u"recording the LSN of %1"_s.arg(name));
}

void SqlMetadata::touch(const QString &name)
{
    m_session.run(m_session.dialect().touchStatement(m_tenant), {name},
                  u"recording the change time of %1"_s.arg(name));
}

void SqlMetadata::remove(const QString &name)
{
    m_session.run(m_session.dialect().deleteMetadataStatement(m_tenant), {name},
                  u"removing the metadata row of %1"_s.arg(name));
}

void SqlMetadata::setCycleCounts(const QList<TableCounts> &summary)
{
    m_session.exec(m_session.dialect().clearCountsStatement(m_tenant),
                   u"clearing the last cycle's counts"_s);
    QSqlQuery update = m_session.prepare(m_session.dialect().setCountsStatement(m_tenant),
                                         u"recording the cycle's counts"_s);
    for (const TableCounts &counts : summary) {
        update.bindValue(0, counts.inserted);
        update.bindValue(1, counts.updated);
        update.bindValue(2, counts.deleted);
        update.bindValue(3, counts.tableName);
        m_session.execute(update, u"recording the cycle's counts of %1"_s.arg(counts.tableName));
    }
}

} // namespace ms
