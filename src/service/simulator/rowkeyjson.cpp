#include "rowkeyjson.h"

#include <QStringList>

#include <charconv>

using namespace Qt::Literals::StringLiterals;

namespace ms {

using StorageClass = sim::SqliteStatement::StorageClass;

RowKeyJson::RowKeyJson(sim::SqliteConnection &db, QList<int> keyColumns)
    : m_db(db), m_keyColumns(std::move(keyColumns))
{}

QByteArrayView RowKeyJson::of(const sim::SqliteStatement &row)
{
    m_text.resize(2 + 21 * m_keyColumns.size());
    char *p = m_text.data();
    *p++ = '[';
    for (qsizetype k = 0; k < m_keyColumns.size(); ++k) {
        const int column = m_keyColumns.at(k);
        if (row.storageClass(column) != StorageClass::Integer)
            return throughSqlite(row);
        if (k > 0)
            *p++ = ',';
        p = std::to_chars(p, m_text.data() + m_text.size(), row.integer(column)).ptr;
    }
    *p++ = ']';
    return QByteArrayView(m_text.constData(), p - m_text.constData());
}

QByteArrayView RowKeyJson::throughSqlite(const sim::SqliteStatement &row)
{
    if (!m_jsonArray) {
        QStringList parameters;
        for (qsizetype k = 0; k < m_keyColumns.size(); ++k)
            parameters.append(u"?"_s);
        m_jsonArray.emplace(m_db.prepare(u"SELECT json_array(%1)"_s.arg(parameters.join(u", "_s))));
    }
    sim::SqliteStatement &q = *m_jsonArray;
    q.reset();
    for (qsizetype k = 0; k < m_keyColumns.size(); ++k) {
        const int column = m_keyColumns.at(k);
        const int index = int(k) + 1;
        // Each value bound in its storage class, so json_array sees what it saw in the row.
        switch (row.storageClass(column)) {
        case StorageClass::Null:
            q.bindNull(index);
            break;
        case StorageClass::Integer:
            q.bind(index, row.integer(column));
            break;
        case StorageClass::Real:
            q.bind(index, row.real(column));
            break;
        case StorageClass::Text:
            q.bindUtf8(index, row.textUtf8(column));
            break;
        case StorageClass::Blob:
            q.bind(index, row.blob(column));
            break;
        }
    }
    q.step(); // json_array refuses a blob, as it did in the scan
    m_text = q.textUtf8(0).toByteArray();
    return QByteArrayView(m_text);
}

} // namespace ms
