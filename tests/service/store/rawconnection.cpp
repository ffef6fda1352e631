#include "rawconnection.h"

using namespace Qt::Literals::StringLiterals;

namespace storetest {

Cell RawConnection::scalar(const QString &sql)
{
    const Rows rows = query(sql);
    return rows.isEmpty() || rows.front().isEmpty() ? Cell::null() : rows.front().front();
}

QStringList RawConnection::columnNames(const QString &tableName)
{
    QStringList names;
    for (const ColumnInfo &column : columnInfo(tableName))
        names.append(column.name);
    return names;
}

qint64 RawConnection::lsn(const QString &metadataTable, const QString &tableName)
{
    const Cell cell = scalar(
        u"SELECT lsn FROM %1 WHERE tablename = %2"_s.arg(metadataTable, sqlLiteral(tableName)));
    return cell.type == SQLITE_INTEGER ? cell.integer : -99;
}

QStringList splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    QChar quote;
    for (const QChar c : sql) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u';') {
            if (!current.trimmed().isEmpty())
                statements.append(current.trimmed());
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

QString sqlLiteral(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', u"''"_s);
    return u'\'' + quoted + u'\'';
}

} // namespace storetest
