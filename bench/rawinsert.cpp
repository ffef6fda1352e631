#include "rawinsert.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"

#include <QElapsedTimer>

#include <sqlite3.h>

#include <memory>
#include <variant>

using namespace Qt::Literals::StringLiterals;

namespace ms::bench {
namespace {

using Db = std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)>;
using Stmt = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;
using Value =
    std::variant<std::monostate, qint64, double, QByteArray /*text*/, std::vector<char> /*blob*/>;

Db openDb(const QString &path)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
        sqlite3_close_v2(db);
        throw serverError(u"Cannot open %1"_s.arg(path));
    }
    return Db(db, &sqlite3_close_v2);
}

void exec(sqlite3 *db, const QByteArray &sql)
{
    char *error = nullptr;
    if (sqlite3_exec(db, sql.constData(), nullptr, nullptr, &error) != SQLITE_OK) {
        const QString message = QString::fromUtf8(error);
        sqlite3_free(error);
        throw serverError(u"%1: %2"_s.arg(QString::fromUtf8(sql), message));
    }
}

Stmt prepare(sqlite3 *db, const QByteArray &sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                           nullptr) != SQLITE_OK)
        throw serverError(
            u"%1: %2"_s.arg(QString::fromUtf8(sql), QString::fromUtf8(sqlite3_errmsg(db))));
    return Stmt(stmt, &sqlite3_finalize);
}

/// The mirror's CREATE TABLE text and its columns' declared types, as the store wrote them.
struct TableDdl
{
    QByteArray createSql;
    QList<QByteArray> columnTypes;
};

TableDdl readDdl(sqlite3 *db, const QString &table)
{
    TableDdl ddl;
    auto master = prepare(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1");
    const QByteArray name = table.toUtf8();
    sqlite3_bind_text(master.get(), 1, name.constData(), int(name.size()), SQLITE_STATIC);
    if (sqlite3_step(master.get()) != SQLITE_ROW)
        throw serverError(u"The store created no table %1"_s.arg(table));
    ddl.createSql = reinterpret_cast<const char *>(sqlite3_column_text(master.get(), 0));
    auto info = prepare(db, "SELECT upper(type) FROM pragma_table_info(?1) ORDER BY cid");
    sqlite3_bind_text(info.get(), 1, name.constData(), int(name.size()), SQLITE_STATIC);
    while (sqlite3_step(info.get()) == SQLITE_ROW)
        ddl.columnTypes.append(reinterpret_cast<const char *>(sqlite3_column_text(info.get(), 0)));
    return ddl;
}

Value toStorageClass(const CellValue &cell, const QByteArray &type)
{
    if (cell.isNull)
        return std::monostate{};
    if (type == "INTEGER")
        return cell.text.toLongLong();
    if (type == "REAL")
        return cell.text.toDouble();
    if (type == "BLOB") {
        const QByteArray bytes = QByteArray::fromBase64(cell.text.toLatin1());
        return std::vector<char>(bytes.begin(), bytes.end());
    }
    return cell.text.toUtf8();
}

void bind(sqlite3_stmt *stmt, int index, const Value &value)
{
    if (const auto *i = std::get_if<qint64>(&value))
        sqlite3_bind_int64(stmt, index, *i);
    else if (const auto *d = std::get_if<double>(&value))
        sqlite3_bind_double(stmt, index, *d);
    else if (const auto *t = std::get_if<QByteArray>(&value))
        sqlite3_bind_text(stmt, index, t->constData(), int(t->size()), SQLITE_STATIC);
    else if (const auto *b = std::get_if<std::vector<char>>(&value))
        sqlite3_bind_blob(stmt, index, b->empty() ? "" : b->data(), int(b->size()), SQLITE_STATIC);
    else
        sqlite3_bind_null(stmt, index);
}

} // namespace

Measurement measureRawInsert(const BenchData &data, const QString &ddlSource,
                             const QString &targetPath)
{
    Db source = openDb(ddlSource);
    Db target = openDb(targetPath);
    exec(target.get(), "PRAGMA journal_mode=WAL");
    exec(target.get(), "PRAGMA synchronous=NORMAL");

    struct Prepared
    {
        Stmt insert{nullptr, &sqlite3_finalize};
        std::vector<std::vector<Value>> rows;
    };
    std::vector<Prepared> tables;
    for (const BenchTable &table : data.tables) {
        const TableDdl ddl = readDdl(source.get(), table.schema.tableName);
        exec(target.get(), ddl.createSql);
        QStringList names, params;
        for (int i = 0; i < table.schema.columns.size(); ++i) {
            names.append(quoteIdentifier(table.schema.columns[i].name));
            params.append(u"?%1"_s.arg(i + 1));
        }
        Prepared prepared;
        prepared.insert = prepare(target.get(), u"INSERT INTO %1(%2) VALUES(%3)"_s
                                                    .arg(quoteIdentifier(table.schema.tableName),
                                                         names.join(u','), params.join(u','))
                                                    .toUtf8());
        prepared.rows.reserve(table.rows.size());
        for (const auto &row : table.rows) {
            std::vector<Value> values;
            values.reserve(row.size());
            for (qsizetype c = 0; c < row.size(); ++c)
                values.push_back(toStorageClass(row[c], ddl.columnTypes.value(c)));
            prepared.rows.push_back(std::move(values));
        }
        tables.push_back(std::move(prepared));
    }

    QElapsedTimer clock;
    clock.start();
    exec(target.get(), "BEGIN");
    for (Prepared &table : tables) {
        sqlite3_stmt *stmt = table.insert.get();
        for (const auto &row : table.rows) {
            for (size_t c = 0; c < row.size(); ++c)
                bind(stmt, int(c + 1), row[c]);
            if (sqlite3_step(stmt) != SQLITE_DONE)
                throw serverError(u"Raw insert failed: %1"_s.arg(
                    QString::fromUtf8(sqlite3_errmsg(target.get()))));
            sqlite3_reset(stmt);
        }
    }
    exec(target.get(), "COMMIT");
    Measurement m;
    m.name = u"(a) raw sqlite3"_s;
    m.seconds = clock.nsecsElapsed() / 1e9;
    m.rows = data.rowCount();
    m.bytes = data.payloadBytes();
    return m;
}

} // namespace ms::bench
