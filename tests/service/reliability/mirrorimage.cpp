#include "mirrorimage.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"
#include "service/simulator/simsqlite.h"
#include "service/simulator/sourcedatabase.h"
#include "service/simulator/wirevalue.h"

#include <QFileInfo>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace crashtest {

namespace {
constexpr QChar kKeySeparator = u'\x1f';

QString describeRow(const Row *row)
{
    if (!row)
        return u"absent"_s;
    // The first values only: a failure message must stay short enough to be printed whole.
    QStringList values;
    for (qsizetype i = 0; i < qMin<qsizetype>(row->size(), 3); ++i)
        values.append(ms::describeValue(row->at(i)).left(40));
    return u"("_s + values.join(u", "_s) + (row->size() > 3 ? u", ...)"_s : u")"_s);
}

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

QStringList columnsOf(ms::sim::SqliteConnection &mirror, const QString &table)
{
    QStringList columns;
    auto q = mirror.prepare(u"SELECT name FROM pragma_table_info(?) ORDER BY cid"_s);
    q.bind(1, table);
    while (q.step())
        columns.append(q.text(0));
    return columns;
}
} // namespace

QString keyText(const Row &row, const QList<qsizetype> &keyColumns)
{
    QStringList parts;
    for (qsizetype c : keyColumns)
        parts.append(ms::toWireValue(row.at(c)).text);
    return parts.join(kKeySeparator);
}

QString keyText(const QList<ms::CellValue> &values, const QList<qsizetype> &keyColumns)
{
    QStringList parts;
    for (qsizetype c : keyColumns)
        parts.append(values.at(c).text);
    return parts.join(kKeySeparator);
}

QList<qsizetype> keyPositions(const ms::TableSchema &schema, const QStringList &columns)
{
    QList<qsizetype> positions;
    for (const QString &key : schema.primaryKey) {
        const qsizetype position = columns.indexOf(key);
        if (position < 0)
            throw ms::serverError(
                u"%1: key column %2 is not among the columns"_s.arg(schema.tableName, key));
        positions.append(position);
    }
    return positions;
}

bool sameRow(const Row &a, const Row &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!sameValue(a.at(i), b.at(i)))
            return false;
    }
    return true;
}

MirrorImage readMirror(const QString &path, const QString &tenant,
                       const QHash<QString, ms::TableSchema> &schemas)
{
    MirrorImage image;
    if (!QFileInfo::exists(path))
        return image;
    ms::sim::SqliteConnection mirror(path, ms::sim::SqliteConnection::Mode::ReadOnly);
    const QString metadata = ms::metadataTableName(tenant);
    if (!mirror.tableExists(metadata))
        return image;
    // One read transaction, so that the image is one committed state of the file.
    mirror.exec(u"BEGIN"_s);
    {
        auto q =
            mirror.prepare(u"SELECT tablename, lsn FROM %1"_s.arg(ms::quoteIdentifier(metadata)));
        while (q.step())
            image.tables[q.text(0)].lsn = q.integer(1);
    }
    for (auto it = image.tables.begin(); it != image.tables.end(); ++it) {
        const QString &table = it.key();
        if (!mirror.tableExists(table))
            throw ms::serverError(u"%1 has a metadata row but no table"_s.arg(table));
        const QStringList columns = columnsOf(mirror, table);
        const auto schema = schemas.constFind(table);
        if (schema != schemas.constEnd()) {
            QStringList expected;
            for (const ms::ColumnSchema &column : schema->columns)
                expected.append(column.name);
            if (columns != expected)
                throw ms::serverError(
                    u"%1: the mirror's columns (%2) are not the source's (%3)"_s.arg(
                        table, columns.join(u", "_s), expected.join(u", "_s)));
        }
        const QList<qsizetype> keys =
            schema != schemas.constEnd() ? keyPositions(*schema, columns) : QList<qsizetype>{0};
        QStringList quoted;
        for (const QString &column : columns)
            quoted.append(ms::quoteIdentifier(column));
        auto q = mirror.prepare(
            u"SELECT %1 FROM %2"_s.arg(quoted.join(u", "_s), ms::quoteIdentifier(table)));
        while (q.step()) {
            Row row;
            row.reserve(q.columnCount());
            for (int c = 0; c < q.columnCount(); ++c)
                row.append(q.value(c));
            it->rows.insert(keyText(row, keys), row);
        }
    }
    mirror.exec(u"COMMIT"_s);
    return image;
}

MirrorImage readSource(ms::SourceDatabase &source)
{
    MirrorImage image;
    const qint64 lsn = source.currentLsn();
    for (const ms::TableSchema &schema : source.tables()) {
        QStringList columns;
        for (const ms::ColumnSchema &column : schema.columns)
            columns.append(column.name);
        const QList<qsizetype> keys = keyPositions(schema, columns);
        TableImage &table = image.tables[schema.tableName];
        table.lsn = lsn;
        source.forEachRow(schema.tableName, [&](const ms::SourceRow &row) {
            table.rows.insert(keyText(row.values, keys), row.values);
        });
    }
    return image;
}

QStringList differences(const MirrorImage &expected, const MirrorImage &actual, int limit)
{
    QStringList found;
    qint64 count = 0;
    auto add = [&](const QString &line) {
        if (count++ < limit)
            found.append(line);
    };
    QSet<QString> names;
    for (auto it = expected.tables.cbegin(); it != expected.tables.cend(); ++it)
        names.insert(it.key());
    for (auto it = actual.tables.cbegin(); it != actual.tables.cend(); ++it)
        names.insert(it.key());
    QStringList sorted = names.values();
    sorted.sort();
    for (const QString &name : std::as_const(sorted)) {
        const auto want = expected.tables.constFind(name);
        const auto have = actual.tables.constFind(name);
        if (want == expected.tables.cend()) {
            add(u"%1: in the mirror (LSN %2, %3 rows), not expected"_s.arg(name).arg(have->lsn).arg(
                have->rows.size()));
            continue;
        }
        if (have == actual.tables.cend()) {
            add(u"%1: expected (LSN %2, %3 rows), not in the mirror"_s.arg(name).arg(want->lsn).arg(
                want->rows.size()));
            continue;
        }
        if (want->lsn != have->lsn)
            add(u"%1: LSN %2 expected, the mirror records %3"_s.arg(name).arg(want->lsn).arg(
                have->lsn));
        qint64 rowDifferences = 0;
        QString first;
        for (auto row = want->rows.cbegin(); row != want->rows.cend(); ++row) {
            const auto other = have->rows.constFind(row.key());
            if (other == have->rows.cend() || !sameRow(*row, *other)) {
                if (rowDifferences++ == 0)
                    first = u"key [%1] expected %2, mirror %3"_s.arg(
                        row.key(), describeRow(&*row),
                        describeRow(other == have->rows.cend() ? nullptr : &*other));
            }
        }
        for (auto row = have->rows.cbegin(); row != have->rows.cend(); ++row) {
            if (!want->rows.contains(row.key()) && rowDifferences++ == 0)
                first = u"key [%1] expected absent, mirror %2"_s.arg(row.key(), describeRow(&*row));
        }
        if (rowDifferences > 0)
            add(u"%1: %2 of %3 expected rows differ (mirror has %4), e.g. %5"_s.arg(name)
                    .arg(rowDifferences)
                    .arg(want->rows.size())
                    .arg(have->rows.size())
                    .arg(first));
    }
    if (count > limit)
        found.append(u"... and %1 more"_s.arg(count - limit));
    return found;
}

} // namespace crashtest
