#pragma once

// Shared by the model tests: a data directory with SQLite mirrors made through the store (so
// tables are the store's STRICT mirror tables with their metadata rows), filled in bulk through
// a raw sqlite3 connection in one transaction. Test thread only.

#include "service/common/protocoltypes.h"
#include "service/store/mirrorstore.h"
#include "service/store/sqlitemirrorbackend.h"

#include <QTemporaryDir>
#include <QTest>
#include <QVariant>

#include <sqlite3.h>

#include <functional>
#include <memory>

namespace modeltest {

using namespace Qt::Literals::StringLiterals;

inline ms::ColumnSchema col(const QString &name, const QString &type, bool nullable = true)
{
    return ms::ColumnSchema{name, type, nullable, std::nullopt};
}

/// person(id int key, name nvarchar(50) null, score float null, photo varbinary(max) null,
/// city nvarchar(30) null)
inline ms::TableSchema personSchema()
{
    return ms::TableSchema{u"person"_s,
                           {col(u"id"_s, u"int"_s, false), col(u"name"_s, u"nvarchar(50)"_s),
                            col(u"score"_s, u"float"_s), col(u"photo"_s, u"varbinary(max)"_s),
                            col(u"city"_s, u"nvarchar(30)"_s)},
                           {u"id"_s}};
}

class MirrorDir final
{
public:
    MirrorDir() : backend(dir.path()) {}

    /// Creates the tenant's mirror with these tables (through the store: metadata included).
    void createTables(const QString &tenant, const QList<ms::TableSchema> &tables)
    {
        backend.open(tenant)->applySchema(tables);
    }

    /// Inserts rows (one value per column, invalid QVariant = NULL) in one transaction.
    void insertRows(const QString &tenant, const QString &table, const QStringList &columns,
                    qint64 count, const std::function<QVariantList(qint64)> &rowAt)
    {
        sqlite3 *db = nullptr;
        const QByteArray path = backend.mirrorPath(tenant).toUtf8();
        QCOMPARE(sqlite3_open(path.constData(), &db), SQLITE_OK);
        const auto closer = qScopeGuard([db] { sqlite3_close(db); });
        QStringList marks;
        for (qsizetype i = 0; i < columns.size(); ++i)
            marks.append(u"?"_s);
        const QByteArray sql = u"INSERT INTO \"%1\" (\"%2\") VALUES (%3)"_s
                                   .arg(table, columns.join(u"\", \""_s), marks.join(u", "_s))
                                   .toUtf8();
        QCOMPARE(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_stmt *statement = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, sql.constData(), -1, &statement, nullptr), SQLITE_OK);
        const auto finalizer = qScopeGuard([statement] { sqlite3_finalize(statement); });
        for (qint64 n = 0; n < count; ++n) {
            const QVariantList values = rowAt(n);
            for (int i = 0; i < values.size(); ++i) {
                const QVariant &v = values.at(i);
                if (!v.isValid() || v.isNull()) {
                    sqlite3_bind_null(statement, i + 1);
                } else if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int) {
                    sqlite3_bind_int64(statement, i + 1, v.toLongLong());
                } else if (v.typeId() == QMetaType::Double) {
                    sqlite3_bind_double(statement, i + 1, v.toDouble());
                } else if (v.typeId() == QMetaType::QByteArray) {
                    const QByteArray bytes = v.toByteArray();
                    sqlite3_bind_blob(statement, i + 1, bytes.constData(), int(bytes.size()),
                                      SQLITE_TRANSIENT);
                } else {
                    const QByteArray text = v.toString().toUtf8();
                    sqlite3_bind_text(statement, i + 1, text.constData(), int(text.size()),
                                      SQLITE_TRANSIENT);
                }
            }
            QCOMPARE(sqlite3_step(statement), SQLITE_DONE);
            sqlite3_reset(statement);
        }
        QCOMPARE(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
    }

    QTemporaryDir dir;
    ms::SqliteMirrorBackend backend;
};

inline QStringList columnNames(const ms::TableSchema &schema)
{
    QStringList names;
    for (const ms::ColumnSchema &column : schema.columns)
        names.append(column.name);
    return names;
}

} // namespace modeltest
