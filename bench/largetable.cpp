#include "largetable.h"

#include "service/common/error.h"
#include "service/store/mirrorstore.h"
#include "service/store/sqlitemirrorbackend.h"

#include <QScopeGuard>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace ms::bench {

namespace {
ColumnSchema column(const QString &name, const QString &type, bool nullable = true)
{
    return ColumnSchema{name, type, nullable, std::nullopt};
}

void check(sqlite3 *db, int rc, int expected, const char *what)
{
    if (rc != expected)
        throw serverError(
            u"%1: %2"_s.arg(QString::fromLatin1(what), QString::fromUtf8(sqlite3_errmsg(db))));
}
} // namespace

TableSchema LargeMirror::largeTable()
{
    return TableSchema{u"person"_s,
                       {column(u"id"_s, u"int"_s, false), column(u"name"_s, u"nvarchar(50)"_s),
                        column(u"score"_s, u"float"_s), column(u"city"_s, u"nvarchar(30)"_s),
                        column(u"registered"_s, u"datetime"_s),
                        column(u"photo"_s, u"varbinary(max)"_s)},
                       {u"id"_s}};
}

TableSchema LargeMirror::smallTable()
{
    return TableSchema{u"note"_s,
                       {column(u"id"_s, u"int"_s, false), column(u"text"_s, u"nvarchar(200)"_s)},
                       {u"id"_s}};
}

void LargeMirror::create(const QString &dataDir, const QString &tenant, qint64 rows)
{
    SqliteMirrorBackend backend(dataDir);
    backend.open(tenant)->applySchema({largeTable(), smallTable()});

    sqlite3 *db = nullptr;
    if (sqlite3_open(backend.mirrorPath(tenant).toUtf8().constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        throw serverError(u"Cannot open the mirror of %1"_s.arg(tenant));
    }
    const auto closer = qScopeGuard([db] { sqlite3_close(db); });
    check(db, sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), SQLITE_OK, "BEGIN");
    sqlite3_stmt *insert = nullptr;
    check(db,
          sqlite3_prepare_v2(db,
                             "INSERT INTO person(id, name, score, city, registered, photo) "
                             "VALUES (?, ?, ?, ?, ?, ?)",
                             -1, &insert, nullptr),
          SQLITE_OK, "prepare");
    const auto finalizer = qScopeGuard([insert] { sqlite3_finalize(insert); });
    const QByteArray photo(24, '\x5a');
    for (qint64 n = 1; n <= rows; ++n) {
        const QByteArray name = "name " + QByteArray::number(n * 7919 % 1000003);
        const QByteArray city = "city " + QByteArray::number(n % 40);
        const QByteArray registered = "2024-" + QByteArray::number(10 + n % 3) + "-1" +
                                      QByteArray::number(n % 10) + "T10:00:00";
        sqlite3_bind_int64(insert, 1, n);
        if (n % 7 == 0)
            sqlite3_bind_null(insert, 2);
        else
            sqlite3_bind_text(insert, 2, name.constData(), int(name.size()), SQLITE_TRANSIENT);
        sqlite3_bind_double(insert, 3, double(n) / 8);
        sqlite3_bind_text(insert, 4, city.constData(), int(city.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 5, registered.constData(), int(registered.size()),
                          SQLITE_TRANSIENT);
        if (n % 3 == 0)
            sqlite3_bind_blob(insert, 6, photo.constData(), int(photo.size()), SQLITE_STATIC);
        else
            sqlite3_bind_null(insert, 6);
        check(db, sqlite3_step(insert), SQLITE_DONE, "insert");
        sqlite3_reset(insert);
    }
    check(db,
          sqlite3_exec(db, "INSERT INTO note(id, text) VALUES (1, 'one'), (2, 'two'), (3, 'three')",
                       nullptr, nullptr, nullptr),
          SQLITE_OK, "insert note");
    check(db, sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK, "COMMIT");
}

} // namespace ms::bench
