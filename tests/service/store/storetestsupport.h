#pragma once

// Shared by the store tests: schema and row builders, and a raw sqlite3 connection of its own
// that reads (and, for the documented manual commands, writes) a mirror file behind the store's
// back, the way a person with the sqlite3 shell would. Test thread only.

#include "service/common/error.h"
#include "service/common/protocoltypes.h"
#include "service/store/mirrorstore.h"
#include "service/store/sqlitemirrorbackend.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <functional>
#include <optional>

namespace storetest {

using namespace Qt::Literals::StringLiterals;

inline ms::ColumnSchema col(const QString &name, const QString &type, bool nullable = true,
                            std::optional<QString> defaultValue = std::nullopt)
{
    return ms::ColumnSchema{name, type, nullable, std::move(defaultValue)};
}

inline ms::TableSchema table(const QString &name, QList<ms::ColumnSchema> columns,
                             QStringList primaryKey)
{
    return ms::TableSchema{name, std::move(columns), std::move(primaryKey)};
}

/// contact(contact_id int key, name nvarchar(254) NOT NULL default (''), updated datetime null)
inline ms::TableSchema contactSchema()
{
    return table(u"contact"_s,
                 {col(u"contact_id"_s, u"int"_s, false),
                  col(u"name"_s, u"nvarchar(254)"_s, false, u"('')"_s),
                  col(u"updated"_s, u"datetime"_s, true)},
                 {u"contact_id"_s});
}

/// One value list; std::nullopt is NULL (xsi:nil).
inline QList<ms::CellValue> vals(std::initializer_list<std::optional<QString>> values)
{
    QList<ms::CellValue> result;
    for (const auto &value : values)
        result.append(value ? ms::CellValue{*value, false} : ms::CellValue{QString(), true});
    return result;
}

inline ms::RowBatch::Row row(ms::RowOperation op, QList<ms::CellValue> values,
                             std::optional<qint64> lsn = std::nullopt)
{
    return ms::RowBatch::Row{op, lsn, std::move(values)};
}

inline ms::RowBatch batch(const QString &tableName, QStringList columns,
                          QList<ms::RowBatch::Row> rows, std::optional<qint64> lsn)
{
    return ms::RowBatch{tableName, std::move(columns), std::move(rows), lsn};
}

/// Streams the batches through one RowData transaction and commits it.
inline QList<ms::TableCounts> sendRowData(ms::MirrorStore &store,
                                          const QList<ms::RowBatch> &batches)
{
    const auto transaction = store.beginRowData();
    for (const ms::RowBatch &b : batches) {
        transaction->beginBatch(b.tableName, b.columns);
        for (const ms::RowBatch::Row &r : b.rows)
            transaction->row(r.operation, r.lsn, r.values);
        transaction->endBatch(b.lsn);
    }
    return transaction->commit();
}

/// The kind of the ms::Error that f throws; nullopt when it throws none (or something else).
inline std::optional<ms::Error::Kind> errorKindOf(const std::function<void()> &f,
                                                  QString *message = nullptr)
{
    try {
        f();
    } catch (const ms::Error &error) {
        if (message)
            *message = error.message();
        return error.kind();
    }
    return std::nullopt;
}

/// One value as sqlite3 returns it, with its storage class (SQLITE_INTEGER, ..., SQLITE_NULL).
struct Cell
{
    int type = SQLITE_NULL;
    qint64 integer = 0;
    double real = 0;
    QString text;
    QByteArray blob;

    static Cell null() { return {}; }
    static Cell ofInt(qint64 v) { return {SQLITE_INTEGER, v, 0, {}, {}}; }
    static Cell ofReal(double v) { return {SQLITE_FLOAT, 0, v, {}, {}}; }
    static Cell ofText(const QString &v) { return {SQLITE_TEXT, 0, 0, v, {}}; }
    static Cell ofBlob(const QByteArray &v) { return {SQLITE_BLOB, 0, 0, {}, v}; }
    bool operator==(const Cell &) const = default;
};

inline char *toString(const Cell &cell)
{
    QString text;
    switch (cell.type) {
    case SQLITE_NULL:
        text = u"NULL"_s;
        break;
    case SQLITE_INTEGER:
        text = u"INTEGER "_s + QString::number(cell.integer);
        break;
    case SQLITE_FLOAT:
        text = u"REAL "_s + QString::number(cell.real, 'g', 17);
        break;
    case SQLITE_TEXT:
        text = u"TEXT '"_s + cell.text + u'\'';
        break;
    default:
        text = u"BLOB x'"_s + QString::fromLatin1(cell.blob.toHex()) + u'\'';
    }
    return qstrdup(text.toUtf8().constData());
}

using Rows = QList<QList<Cell>>;

/// A plain sqlite3 connection to a mirror file, separate from the store's.
class RawDb
{
    Q_DISABLE_COPY_MOVE(RawDb)
public:
    explicit RawDb(const QString &path, bool writable = true)
    {
        const int flags = writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr) != SQLITE_OK)
            qFatal("cannot open %s", qPrintable(path));
        sqlite3_busy_timeout(m_db, 2000);
    }
    ~RawDb() { sqlite3_close_v2(m_db); }
    sqlite3 *handle() const { return m_db; }

    /// Runs sql (statements separated by ';'); false with lastError() on failure.
    bool exec(const QString &sql)
    {
        char *error = nullptr;
        const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &error);
        m_lastError = error ? QString::fromUtf8(error) : QString();
        sqlite3_free(error);
        return rc == SQLITE_OK;
    }
    const QString &lastError() const { return m_lastError; }

    /// Every row of one query, texts read as UTF-8 with their full byte length.
    Rows query(const QString &sql)
    {
        sqlite3_stmt *stmt = nullptr;
        Rows rows;
        if (sqlite3_prepare_v2(m_db, sql.toUtf8().constData(), -1, &stmt, nullptr) != SQLITE_OK) {
            qWarning("prepare failed: %s: %s", qPrintable(sql), sqlite3_errmsg(m_db));
            return rows;
        }
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            QList<Cell> cells;
            for (int i = 0; i < sqlite3_column_count(stmt); ++i)
                cells.append(cellAt(stmt, i));
            rows.append(cells);
        }
        sqlite3_finalize(stmt);
        return rows;
    }

    Cell scalar(const QString &sql)
    {
        const Rows rows = query(sql);
        return rows.isEmpty() || rows.front().isEmpty() ? Cell::null() : rows.front().front();
    }

    /// The column names of a table, in table order.
    QStringList columnNames(const QString &tableName)
    {
        QStringList names;
        for (const auto &r : query(u"SELECT name FROM pragma_table_info('%1')"_s.arg(tableName)))
            names.append(r.front().text);
        return names;
    }

    bool hasTable(const QString &tableName)
    {
        return scalar(u"SELECT count(*) FROM sqlite_schema WHERE type='table' AND name='%1'"_s.arg(
                          tableName))
                   .integer == 1;
    }

    qint64 lsn(const QString &metadataTable, const QString &tableName)
    {
        const Cell cell =
            scalar(u"SELECT lsn FROM \"%1\" WHERE tablename='%2'"_s.arg(metadataTable, tableName));
        return cell.type == SQLITE_INTEGER ? cell.integer : -99;
    }

    /// The whole file as text: every schema object, then every table's rows in rowid order.
    QString dump()
    {
        QString text;
        QStringList tables;
        for (const auto &r : query(u"SELECT type, name, sql FROM sqlite_schema ORDER BY name"_s)) {
            text += r[0].text + u'|' + r[1].text + u'|' + r[2].text + u'\n';
            if (r[0].text == u"table"_s)
                tables.append(r[1].text);
        }
        for (const QString &t : tables) {
            text += u"== "_s + t + u'\n';
            for (const auto &r : query(u"SELECT * FROM \"%1\" ORDER BY rowid"_s.arg(t))) {
                for (const Cell &cell : r) {
                    char *shown = toString(cell);
                    text += QString::fromUtf8(shown) + u" | "_s;
                    delete[] shown;
                }
                text += u'\n';
            }
        }
        return text;
    }

private:
    static Cell cellAt(sqlite3_stmt *stmt, int i)
    {
        switch (sqlite3_column_type(stmt, i)) {
        case SQLITE_INTEGER:
            return Cell::ofInt(sqlite3_column_int64(stmt, i));
        case SQLITE_FLOAT:
            return Cell::ofReal(sqlite3_column_double(stmt, i));
        case SQLITE_TEXT: {
            const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(stmt, i));
            return Cell::ofText(QString::fromUtf8(data, sqlite3_column_bytes(stmt, i)));
        }
        case SQLITE_BLOB: {
            const auto *data = static_cast<const char *>(sqlite3_column_blob(stmt, i));
            return Cell::ofBlob(QByteArray(data ? data : "", sqlite3_column_bytes(stmt, i)));
        }
        default:
            return Cell::null();
        }
    }

    sqlite3 *m_db = nullptr;
    QString m_lastError;
};

/// A fresh data directory with tenant Cust1234's mirror open.
struct Fixture
{
    QTemporaryDir dir;
    ms::SqliteMirrorBackend backend{dir.path()};
    std::unique_ptr<ms::MirrorStore> store = backend.open(u"Cust1234"_s);
    QString path() const { return backend.mirrorPath(u"Cust1234"_s); }
    static QString metadataTable() { return u"Cust1234_mirroring"_s; }
};

} // namespace storetest

Q_DECLARE_METATYPE(storetest::Cell)
Q_DECLARE_METATYPE(ms::TableSchema)
Q_DECLARE_METATYPE(ms::RowBatch)
