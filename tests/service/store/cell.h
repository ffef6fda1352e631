#pragma once

// One stored value as the store tests compare it, whatever the backend: the storage class that
// SQLite reports (SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB, SQLITE_NULL), which the
// PostgreSQL raw connection maps its column types onto (see postgresrawconnection.h).

#include <QByteArray>
#include <QList>
#include <QString>

#include <sqlite3.h>

namespace storetest {

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

/// "INTEGER 5", "TEXT 'x'", ...: QTest prints this when a comparison fails, and dumps use it.
QString describe(const Cell &cell);

/// For QCOMPARE's failure messages; the caller (QTest) deletes it.
char *toString(const Cell &cell);

using Rows = QList<QList<Cell>>;

} // namespace storetest
