#include "postgresmirrorcontentreader.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
enum class Reading { Integer, Boolean, Double, Bytes, Text };

Reading readingOf(const QString &type)
{
    if (type == u"int2" || type == u"int4" || type == u"int8")
        return Reading::Integer;
    if (type == u"bool")
        return Reading::Boolean;
    if (type == u"float4" || type == u"float8")
        return Reading::Double;
    if (type == u"bytea")
        return Reading::Bytes;
    return Reading::Text;
}

ValueForm formOf(const QString &type)
{
    if (type == u"numeric")
        return ValueForm::Decimal;
    if (type == u"date" || type == u"time" || type == u"timestamp" || type == u"timetz" ||
        type == u"timestamptz")
        return ValueForm::Temporal;
    if (type == u"uuid")
        return ValueForm::Uuid;
    return ValueForm::Exact;
}

double doubleFromText(const QString &text, bool *ok)
{
    // PostgreSQL's spellings of the values QString::toDouble does not read.
    *ok = true;
    if (text == u"Infinity")
        return std::numeric_limits<double>::infinity();
    if (text == u"-Infinity")
        return -std::numeric_limits<double>::infinity();
    if (text == u"NaN")
        return std::numeric_limits<double>::quiet_NaN();
    return text.toDouble(ok);
}

// The value as the source would hold it; text that does not read as its type stays text, so that
// it shows up as a difference rather than as a wrong number.
QVariant storedValue(Reading reading, const QString &text)
{
    bool ok = false;
    switch (reading) {
    case Reading::Integer: {
        const qint64 number = text.toLongLong(&ok);
        return ok ? QVariant::fromValue(number) : QVariant(text);
    }
    case Reading::Boolean:
        if (text == u"true")
            return QVariant::fromValue(qint64(1));
        if (text == u"false")
            return QVariant::fromValue(qint64(0));
        return text;
    case Reading::Double: {
        const double number = doubleFromText(text, &ok);
        return ok ? QVariant::fromValue(number) : QVariant(text);
    }
    case Reading::Bytes: {
        const QByteArray bytes = QByteArray::fromHex(text.toLatin1());
        return bytes.isEmpty() ? QVariant(QByteArray("")) : QVariant(bytes); // empty, not NULL
    }
    case Reading::Text:
        break;
    }
    return text;
}
} // namespace

PostgresMirrorContentReader::PostgresMirrorContentReader(ReadAccess access, const QString &tenant)
    : m_access(std::move(access)), m_metadataTable(metadataTableName(tenant).toLower())
{}

sim::PostgresConnection &PostgresMirrorContentReader::mirror()
{
    if (!m_mirror)
        m_mirror.emplace(m_access, u"verifying the mirror"_s);
    return *m_mirror;
}

QString PostgresMirrorContentReader::qualified(const QString &table) const
{
    return quoteIdentifier(m_access.schema) + u'.' + quoteIdentifier(table);
}

QString PostgresMirrorContentReader::missingReason()
{
    QSqlQuery q = mirror().run(u"SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?"_s,
                               {m_access.schema});
    if (!q.next())
        return u"The mirror schema %1 does not exist in PostgreSQL database %2"_s.arg(
            m_access.schema, m_access.databaseName);
    return {};
}

bool PostgresMirrorContentReader::tableExists(const QString &table)
{
    return mirror().tableExists(m_access.schema, table);
}

QHash<QString, qint64> PostgresMirrorContentReader::recordedLsns()
{
    QHash<QString, qint64> lsns;
    QSqlQuery q = mirror().run(u"SELECT tablename, lsn FROM %1"_s.arg(qualified(m_metadataTable)));
    while (q.next())
        lsns.insert(q.value(0).toString(), q.value(1).toLongLong());
    return lsns;
}

QList<MirrorColumn> PostgresMirrorContentReader::columns(const QString &table)
{
    QSqlQuery q = mirror().run(
        u"SELECT a.attname, t.typname FROM pg_catalog.pg_attribute a "
        "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
        "WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped "
        "ORDER BY a.attnum"_s,
        {m_access.schema, table});
    QList<MirrorColumn> columns;
    QHash<QString, QString> types;
    while (q.next()) {
        const QString type = q.value(1).toString();
        columns.append({q.value(0).toString(), formOf(type)});
        types.insert(columns.back().name, type);
    }
    m_types.insert(table, types);
    return columns;
}

void PostgresMirrorContentReader::forEachRow(const QString &table,
                                             const QList<MirrorColumn> &columns,
                                             const std::function<void(QList<QVariant> &&)> &visit)
{
    if (!m_types.contains(table))
        this->columns(table);
    const QHash<QString, QString> typeOf = m_types.value(table);
    QList<Reading> readings;
    QStringList select;
    for (const MirrorColumn &column : columns) {
        const Reading reading = readingOf(typeOf.value(column.name));
        readings.append(reading);
        const QString name = quoteIdentifier(column.name);
        // Text for everything: what the server prints is exact for every mapped type, and it
        // keeps the driver's own conversions (numeric to double, bytea escapes) out of the way.
        select.append(reading == Reading::Bytes ? u"encode(%1, 'hex')"_s.arg(name)
                                                : name + u"::text"_s);
    }
    QSqlQuery q = mirror().run(u"SELECT %1 FROM %2"_s.arg(select.join(u", "_s), qualified(table)));
    while (q.next()) {
        QList<QVariant> row;
        row.reserve(readings.size());
        for (int c = 0; c < readings.size(); ++c)
            row.append(q.isNull(c) ? QVariant()
                                   : storedValue(readings.at(c), q.value(c).toString()));
        visit(std::move(row));
    }
}

} // namespace ms
