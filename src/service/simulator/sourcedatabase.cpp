#include "sourcedatabase.h"

#include "rowkeyjson.h"
#include "sourcecolumntype.h"
#include "wirevalue.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
QString operationCode(RowOperation op)
{
    return rowOperationName(op);
}

void requireIdentifier(const QString &name)
{
    if (!isValidSqlIdentifier(name))
        throw clientError(u"\"%1\" is not a valid table or column name"_s.arg(name));
}

QString columnList(const TableSchema &schema, const QString &prefix = {})
{
    QStringList names;
    for (const ColumnSchema &column : schema.columns)
        names.append(prefix + quoteIdentifier(column.name));
    return names.join(u", "_s);
}

QString keyOrder(const TableSchema &schema)
{
    QStringList names;
    for (const QString &key : schema.primaryKey)
        names.append(quoteIdentifier(key));
    return names.join(u", "_s);
}

QList<QVariant> readRow(const sim::SqliteStatement &q, int first, int count)
{
    QList<QVariant> values;
    values.reserve(count);
    for (int i = 0; i < count; ++i)
        values.append(q.value(first + i));
    return values;
}
} // namespace

SourceDatabase::SourceDatabase(const QString &path) : m_db(path)
{
    m_db.exec(u"PRAGMA journal_mode = WAL"_s);
    m_db.exec(u"CREATE TABLE IF NOT EXISTS ms_schema (table_name TEXT NOT NULL, ordinal INTEGER "
              "NOT NULL, column_name TEXT NOT NULL, data_type TEXT NOT NULL, is_nullable INTEGER "
              "NOT NULL, default_value TEXT, key_ordinal INTEGER, PRIMARY KEY (table_name, "
              "ordinal))"_s);
    m_db.exec(u"CREATE TABLE IF NOT EXISTS ms_tables (table_name TEXT PRIMARY KEY, position "
              "INTEGER NOT NULL)"_s);
    m_db.exec(u"CREATE TABLE IF NOT EXISTS ms_changes (lsn INTEGER PRIMARY KEY AUTOINCREMENT, "
              "table_name TEXT NOT NULL, operation TEXT NOT NULL, key_json TEXT NOT NULL, "
              "changed_at INTEGER NOT NULL)"_s);
    m_db.exec(u"CREATE INDEX IF NOT EXISTS ms_changes_by_table ON ms_changes (table_name, lsn)"_s);
    m_db.exec(u"CREATE TABLE IF NOT EXISTS ms_tracking (key TEXT PRIMARY KEY, value INTEGER)"_s);
    m_db.exec(
        u"INSERT OR IGNORE INTO ms_tracking VALUES ('enabled', 1), ('oldest_valid_lsn', 0)"_s);
}

QList<TableSchema> SourceDatabase::tables()
{
    QList<TableSchema> result;
    auto q = m_db.prepare(u"SELECT table_name FROM ms_tables ORDER BY position"_s);
    while (q.step())
        result.append(table(q.text(0)));
    return result;
}

bool SourceDatabase::hasTable(const QString &name)
{
    auto q = m_db.prepare(u"SELECT 1 FROM ms_tables WHERE table_name = ?"_s);
    q.bind(1, name);
    return q.step();
}

TableSchema SourceDatabase::table(const QString &name)
{
    // Every row operation needs the schema; reading it each time made generation slow.
    const auto cached = m_schemas.constFind(name);
    if (cached != m_schemas.constEnd())
        return *cached;
    TableSchema schema;
    schema.tableName = name;
    auto q = m_db.prepare(u"SELECT column_name, data_type, is_nullable, default_value, key_ordinal "
                          "FROM ms_schema WHERE table_name = ? ORDER BY ordinal"_s);
    q.bind(1, name);
    QMap<qint64, QString> keys;
    while (q.step()) {
        ColumnSchema column;
        column.name = q.text(0);
        column.dataType = q.text(1);
        column.isNullable = q.integer(2) != 0;
        if (!q.isNull(3))
            column.defaultValue = q.text(3);
        if (!q.isNull(4))
            keys.insert(q.integer(4), column.name);
        schema.columns.append(column);
    }
    if (schema.columns.isEmpty())
        throw clientError(u"The source has no table \"%1\""_s.arg(name));
    schema.primaryKey = keys.values();
    m_schemas.insert(name, schema);
    return schema;
}

void SourceDatabase::writeSchemaRows(const TableSchema &schema)
{
    m_schemas.remove(schema.tableName);
    auto del = m_db.prepare(u"DELETE FROM ms_schema WHERE table_name = ?"_s);
    del.bind(1, schema.tableName);
    del.run();
    auto ins = m_db.prepare(u"INSERT INTO ms_schema VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    for (qsizetype i = 0; i < schema.columns.size(); ++i) {
        const ColumnSchema &column = schema.columns.at(i);
        ins.reset();
        ins.bind(1, schema.tableName);
        ins.bind(2, qint64(i));
        ins.bind(3, column.name);
        ins.bind(4, column.dataType);
        ins.bind(5, qint64(column.isNullable));
        if (column.defaultValue)
            ins.bind(6, *column.defaultValue);
        else
            ins.bindNull(6);
        const qsizetype keyIndex = schema.primaryKey.indexOf(column.name);
        if (keyIndex >= 0)
            ins.bind(7, qint64(keyIndex));
        else
            ins.bindNull(7);
        ins.run();
    }
}

void SourceDatabase::createTable(const TableSchema &schema)
{
    requireIdentifier(schema.tableName);
    if (schema.primaryKey.isEmpty())
        throw clientError(u"Table %1 needs a primary key"_s.arg(schema.tableName));
    QStringList definitions;
    for (const ColumnSchema &column : schema.columns) {
        requireIdentifier(column.name);
        // Affinity only, no NOT NULL: the source must hold what SQL Server holds, and the
        // generator honours nullability itself.
        definitions.append(quoteIdentifier(column.name) + u' ' +
                           SourceColumnType::parse(column.dataType).sqliteDeclaration());
    }
    definitions.append(u"PRIMARY KEY (%1)"_s.arg(keyOrder(schema)));
    m_db.exec(u"CREATE TABLE %1 (%2)"_s.arg(quoteIdentifier(schema.tableName),
                                            definitions.join(u", "_s)));
    writeSchemaRows(schema);
    auto pos = m_db.prepare(u"INSERT INTO ms_tables VALUES (?, (SELECT coalesce(max(position), 0) "
                            "+ 1 FROM ms_tables))"_s);
    pos.bind(1, schema.tableName);
    pos.run();
    createTriggers(schema);
}

QString SourceDatabase::keyJsonExpression(const TableSchema &schema, const QString &prefix) const
{
    QStringList parts;
    for (const QString &key : schema.primaryKey)
        parts.append(prefix + quoteIdentifier(key));
    return u"json_array(%1)"_s.arg(parts.join(u", "_s));
}

void SourceDatabase::createTriggers(const TableSchema &schema)
{
    const QString table = quoteIdentifier(schema.tableName);
    // The table name is a validated identifier, so it can be a literal inside the trigger.
    const QString literal = u"'"_s + schema.tableName + u"'"_s;
    const QString when = u"WHEN (SELECT value FROM ms_tracking WHERE key = 'enabled') = 1"_s;
    const QString log = u"INSERT INTO ms_changes (table_name, operation, key_json, changed_at) "
                        "VALUES (%1, '%2', %3, CAST(strftime('%s', 'now') AS INTEGER));"_s;
    const struct
    {
        const char *event;
        RowOperation op;
        const char *row;
    } triggers[] = {{"INSERT", RowOperation::Insert, "NEW."},
                    {"UPDATE", RowOperation::Update, "NEW."},
                    {"DELETE", RowOperation::Delete, "OLD."}};
    for (const auto &t : triggers) {
        const QString event = QLatin1StringView(t.event);
        const QString name = quoteIdentifier(u"ms_track_"_s + schema.tableName + u'_' + event);
        m_db.exec(u"CREATE TRIGGER %1 AFTER %2 ON %3 %4 BEGIN %5 END"_s.arg(
            name, event, table, when,
            log.arg(literal, operationCode(t.op),
                    keyJsonExpression(schema, QLatin1StringView(t.row)))));
    }
}

void SourceDatabase::dropTable(const QString &name)
{
    requireIdentifier(name);
    m_schemas.remove(name);
    m_db.exec(u"DROP TABLE %1"_s.arg(quoteIdentifier(name)));
    for (const QString &sql : {u"DELETE FROM ms_schema WHERE table_name = ?"_s,
                               u"DELETE FROM ms_tables WHERE table_name = ?"_s,
                               u"DELETE FROM ms_changes WHERE table_name = ?"_s}) {
        auto q = m_db.prepare(sql);
        q.bind(1, name);
        q.run();
    }
}

void SourceDatabase::addColumn(const QString &tableName, const ColumnSchema &column,
                               const QVariant &fill)
{
    TableSchema schema = table(tableName);
    requireIdentifier(column.name);
    m_db.exec(u"ALTER TABLE %1 ADD COLUMN %2 %3"_s.arg(
        quoteIdentifier(tableName), quoteIdentifier(column.name),
        SourceColumnType::parse(column.dataType).sqliteDeclaration()));
    if (fill.isValid()) {
        // SQL Server fills existing rows with the default; do that without logging changes.
        auto tracking = m_db.prepare(u"SELECT value FROM ms_tracking WHERE key = 'enabled'"_s);
        tracking.step();
        const bool wasTracking = tracking.integer(0) != 0;
        setTracking(false);
        auto q = m_db.prepare(u"UPDATE %1 SET %2 = ?"_s.arg(quoteIdentifier(tableName),
                                                            quoteIdentifier(column.name)));
        q.bindVariant(1, fill);
        q.run();
        setTracking(wasTracking);
    }
    schema.columns.append(column);
    writeSchemaRows(schema);
}

void SourceDatabase::rebuildTable(
    const TableSchema &schema,
    const std::function<QList<QVariant>(const QList<QVariant> &)> &convert)
{
    const TableSchema old = table(schema.tableName);
    QList<QList<QVariant>> rows;
    {
        auto q = m_db.prepare(
            u"SELECT %1 FROM %2"_s.arg(columnList(old), quoteIdentifier(old.tableName)));
        while (q.step())
            rows.append(convert(readRow(q, 0, int(old.columns.size()))));
    }
    qint64 position = 0;
    {
        // Finalized before DROP TABLE: SQLite refuses to drop while a read is pending.
        auto pos = m_db.prepare(u"SELECT position FROM ms_tables WHERE table_name = ?"_s);
        pos.bind(1, old.tableName);
        pos.step();
        position = pos.integer(0);
    }
    m_db.exec(u"DROP TABLE %1"_s.arg(quoteIdentifier(old.tableName)));
    auto del = m_db.prepare(u"DELETE FROM ms_tables WHERE table_name = ?"_s);
    del.bind(1, old.tableName);
    del.run();
    createTable(schema);
    auto keep = m_db.prepare(u"UPDATE ms_tables SET position = ? WHERE table_name = ?"_s);
    keep.bind(1, position);
    keep.bind(2, schema.tableName);
    keep.run();
    setTracking(false);
    for (const QList<QVariant> &row : rows)
        insertRow(schema.tableName, row);
    setTracking(true);
}

void SourceDatabase::snapshotTo(const QString &path)
{
    sim::SqliteConnection copy(path);
    m_db.backupTo(copy);
}

void SourceDatabase::restoreFrom(const QString &path)
{
    sim::SqliteConnection copy(path, sim::SqliteConnection::Mode::ReadOnly);
    copy.backupTo(m_db);
    m_schemas.clear();
}

void SourceDatabase::setTracking(bool enabled)
{
    m_db.exec(enabled ? u"UPDATE ms_tracking SET value = 1 WHERE key = 'enabled'"_s
                      : u"UPDATE ms_tracking SET value = 0 WHERE key = 'enabled'"_s);
}

qint64 SourceDatabase::currentLsn()
{
    // sqlite_sequence keeps the highest LSN ever handed out, even once the log is pruned.
    if (!m_db.tableExists(u"sqlite_sequence"_s))
        return 0;
    auto q = m_db.prepare(u"SELECT seq FROM sqlite_sequence WHERE name = 'ms_changes'"_s);
    return q.step() ? q.integer(0) : 0;
}

qint64 SourceDatabase::oldestValidLsn()
{
    auto q = m_db.prepare(u"SELECT value FROM ms_tracking WHERE key = 'oldest_valid_lsn'"_s);
    q.step();
    return q.integer(0);
}

void SourceDatabase::pruneChangeLog(qint64 nowSecsSinceEpoch)
{
    const qint64 cutoff = nowSecsSinceEpoch - qint64(changeWindowDays) * 86400;
    auto last = m_db.prepare(u"SELECT max(lsn) FROM ms_changes WHERE changed_at < ?"_s);
    last.bind(1, cutoff);
    if (!last.step() || last.isNull(0))
        return;
    const qint64 prunedThrough = last.integer(0);
    auto del = m_db.prepare(u"DELETE FROM ms_changes WHERE lsn <= ?"_s);
    del.bind(1, prunedThrough);
    del.run();
    auto mark = m_db.prepare(
        u"UPDATE ms_tracking SET value = max(value, ?) WHERE key = 'oldest_valid_lsn'"_s);
    mark.bind(1, prunedThrough);
    mark.run();
}

void SourceDatabase::ageChangeLog(qint64 seconds)
{
    auto q = m_db.prepare(u"UPDATE ms_changes SET changed_at = changed_at - ?"_s);
    q.bind(1, seconds);
    q.run();
}

void SourceDatabase::insertRow(const QString &tableName, const QList<QVariant> &values)
{
    const TableSchema schema = table(tableName);
    QStringList marks(schema.columns.size(), u"?"_s);
    auto q = m_db.prepare(u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(
        quoteIdentifier(tableName), columnList(schema), marks.join(u", "_s)));
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindVariant(int(i + 1), values.at(i));
    q.run();
}

void SourceDatabase::updateRow(const QString &tableName, const QList<QVariant> &values)
{
    const TableSchema schema = table(tableName);
    QStringList sets;
    QStringList where;
    QList<QVariant> setValues;
    QList<QVariant> keyValues;
    for (qsizetype i = 0; i < schema.columns.size(); ++i) {
        const QString &name = schema.columns.at(i).name;
        if (schema.primaryKey.contains(name)) {
            where.append(quoteIdentifier(name) + u" = ?"_s);
            keyValues.append(values.at(i));
        } else {
            sets.append(quoteIdentifier(name) + u" = ?"_s);
            setValues.append(values.at(i));
        }
    }
    auto q = m_db.prepare(u"UPDATE %1 SET %2 WHERE %3"_s.arg(
        quoteIdentifier(tableName), sets.join(u", "_s), where.join(u" AND "_s)));
    int index = 1;
    for (const QVariant &v : std::as_const(setValues))
        q.bindVariant(index++, v);
    for (const QVariant &v : std::as_const(keyValues))
        q.bindVariant(index++, v);
    q.run();
}

void SourceDatabase::deleteRow(const QString &tableName, const QList<QVariant> &keyValues)
{
    const TableSchema schema = table(tableName);
    QStringList where;
    for (const QString &key : schema.primaryKey)
        where.append(quoteIdentifier(key) + u" = ?"_s);
    auto q = m_db.prepare(
        u"DELETE FROM %1 WHERE %2"_s.arg(quoteIdentifier(tableName), where.join(u" AND "_s)));
    for (qsizetype i = 0; i < keyValues.size(); ++i)
        q.bindVariant(int(i + 1), keyValues.at(i));
    q.run();
}

qint64 SourceDatabase::rowCount(const QString &tableName)
{
    requireIdentifier(tableName);
    auto q = m_db.prepare(u"SELECT count(*) FROM %1"_s.arg(quoteIdentifier(tableName)));
    q.step();
    return q.integer(0);
}

std::optional<QList<QVariant>> SourceDatabase::rowAt(const QString &tableName, qint64 index)
{
    const TableSchema schema = table(tableName);
    auto q = m_db.prepare(u"SELECT %1 FROM %2 ORDER BY %3 LIMIT 1 OFFSET ?"_s.arg(
        columnList(schema), quoteIdentifier(tableName), keyOrder(schema)));
    q.bind(1, index);
    if (!q.step())
        return std::nullopt;
    return readRow(q, 0, int(schema.columns.size()));
}

std::optional<QList<QVariant>> SourceDatabase::rowByKeyJson(const QString &tableName,
                                                            const QString &keyJson)
{
    const TableSchema schema = table(tableName);
    QStringList where;
    for (qsizetype i = 0; i < schema.primaryKey.size(); ++i)
        where.append(
            u"%1 = json_extract(?1, '$[%2]')"_s.arg(quoteIdentifier(schema.primaryKey.at(i)))
                .arg(i));
    auto q = m_db.prepare(u"SELECT %1 FROM %2 WHERE %3"_s.arg(
        columnList(schema), quoteIdentifier(tableName), where.join(u" AND "_s)));
    q.bind(1, keyJson);
    if (!q.step())
        return std::nullopt;
    return readRow(q, 0, int(schema.columns.size()));
}

void SourceDatabase::scanInKeyOrder(
    const QString &tableName,
    const std::function<void(const sim::SqliteStatement &, std::optional<qint64>)> &visit)
{
    const TableSchema schema = table(tableName);
    // Keyed by the key JSON's UTF-8 bytes: a lookup per row then needs no QString.
    QHash<QByteArray, qint64> lastLsn;
    {
        auto q = m_db.prepare(
            u"SELECT key_json, max(lsn) FROM ms_changes WHERE table_name = ? GROUP BY key_json"_s);
        q.bind(1, tableName);
        while (q.step())
            lastLsn.insert(q.textUtf8(0).toByteArray(), q.integer(1));
    }
    auto q = m_db.prepare(u"SELECT %1 FROM %2 ORDER BY %3"_s.arg(
        columnList(schema), quoteIdentifier(tableName), keyOrder(schema)));
    // The key JSON is only needed when some row has a logged change.
    QList<int> keyColumns;
    for (const QString &key : schema.primaryKey) {
        for (qsizetype c = 0; c < schema.columns.size(); ++c) {
            if (schema.columns.at(c).name == key)
                keyColumns.append(int(c));
        }
    }
    RowKeyJson keyJson(m_db, keyColumns);
    while (q.step()) {
        std::optional<qint64> lsn;
        if (!lastLsn.isEmpty()) {
            const QByteArrayView key = keyJson.of(q);
            const auto it = lastLsn.constFind(QByteArray::fromRawData(key.data(), key.size()));
            if (it != lastLsn.constEnd())
                lsn = *it;
        }
        visit(q, lsn);
    }
}

void SourceDatabase::forEachRow(const QString &tableName,
                                const std::function<void(const SourceRow &)> &visit)
{
    const int columns = int(table(tableName).columns.size());
    SourceRow row;
    scanInKeyOrder(tableName, [&](const sim::SqliteStatement &q, std::optional<qint64> lsn) {
        row.lsn = lsn;
        row.values = readRow(q, 0, columns);
        visit(row);
    });
}

void SourceDatabase::forEachWireRow(const QString &tableName,
                                    const std::function<void(const SourceWireRow &)> &visit)
{
    const int columns = int(table(tableName).columns.size());
    SourceWireRow row;
    scanInKeyOrder(tableName, [&](const sim::SqliteStatement &q, std::optional<qint64> lsn) {
        row.lsn = lsn;
        row.values.clear();
        for (int c = 0; c < columns; ++c)
            appendWireValue(row.values, q, c);
        visit(row);
    });
}

QList<SourceRow> SourceDatabase::changesAfter(const TableSchema &schema, qint64 afterLsn)
{
    QList<ChangeLogEntry> entries;
    {
        auto q = m_db.prepare(u"SELECT lsn, operation, key_json FROM ms_changes WHERE table_name "
                              "= ? AND lsn > ? ORDER BY lsn"_s);
        q.bind(1, schema.tableName);
        q.bind(2, afterLsn);
        while (q.step())
            entries.append(ChangeLogEntry{
                q.integer(0), rowOperationFromName(q.text(1)).value_or(RowOperation::Update),
                q.text(2)});
    }
    QList<SourceRow> rows;
    for (const NetChange &change : netChanges(entries)) {
        SourceRow row;
        row.lsn = change.lastLsn;
        const auto current = rowByKeyJson(schema.tableName, change.keyJson);
        row.operation = wireOperation(change.firstOperation, current.has_value());
        if (current) {
            row.values = *current;
        } else {
            // A Delete carries the key; the other columns go as NULL.
            auto q = m_db.prepare(u"SELECT value FROM json_each(?) ORDER BY key"_s);
            q.bind(1, change.keyJson);
            QList<QVariant> keys;
            while (q.step())
                keys.append(q.value(0));
            row.values = QList<QVariant>(schema.columns.size());
            for (qsizetype k = 0; k < schema.primaryKey.size() && k < keys.size(); ++k) {
                for (qsizetype c = 0; c < schema.columns.size(); ++c) {
                    if (schema.columns.at(c).name == schema.primaryKey.at(k))
                        row.values[c] = keys.at(k);
                }
            }
        }
        rows.append(row);
    }
    return rows;
}

} // namespace ms
