#include "sqliterawconnection.h"

#include <QtDebug>

using namespace Qt::Literals::StringLiterals;

namespace storetest {

namespace {

Cell cellAt(sqlite3_stmt *stmt, int i)
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

} // namespace

SqliteRawConnection::SqliteRawConnection(const QString &path, bool writable)
{
    const int flags = writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr) != SQLITE_OK) {
        m_lastError = QString::fromUtf8(sqlite3_errmsg(m_db));
        qWarning("cannot open %s: %s", qPrintable(path), qPrintable(m_lastError));
    }
    sqlite3_busy_timeout(m_db, 2000);
}

SqliteRawConnection::~SqliteRawConnection()
{
    sqlite3_close_v2(m_db);
}

bool SqliteRawConnection::exec(const QString &sql)
{
    char *error = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &error);
    m_lastError = error ? QString::fromUtf8(error) : QString();
    sqlite3_free(error);
    return rc == SQLITE_OK;
}

Rows SqliteRawConnection::query(const QString &sql)
{
    sqlite3_stmt *stmt = nullptr;
    Rows rows;
    if (sqlite3_prepare_v2(m_db, sql.toUtf8().constData(), -1, &stmt, nullptr) != SQLITE_OK) {
        m_lastError = QString::fromUtf8(sqlite3_errmsg(m_db));
        qWarning("prepare failed: %s: %s", qPrintable(sql), qPrintable(m_lastError));
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

QList<ColumnInfo> SqliteRawConnection::columnInfo(const QString &tableName)
{
    QList<ColumnInfo> result;
    const Rows rows =
        query(u"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(%1)"_s.arg(
            sqlLiteral(tableName)));
    for (const auto &r : rows)
        result.append({r[0].text, r[1].text, r[2].integer != 0, r[3], int(r[4].integer)});
    return result;
}

QStringList SqliteRawConnection::tableNames()
{
    QStringList names;
    for (const auto &r : query(u"SELECT name FROM sqlite_schema WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"_s))
        names.append(r.front().text);
    return names;
}

QString SqliteRawConnection::dump()
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
            for (const Cell &cell : r)
                text += describe(cell) + u" | "_s;
            text += u'\n';
        }
    }
    return text;
}

} // namespace storetest
