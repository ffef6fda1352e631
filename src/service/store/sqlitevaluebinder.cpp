#include "sqlitevaluebinder.h"

#include "sqlitestatement.h"
#include "valueparsing.h"

#include <QStringEncoder>

using namespace Qt::Literals::StringLiterals;

namespace ms {

SqliteValueBinder::SqliteValueBinder(const SqlServerType &type)
    : m_type(type), m_kind(type.valueKind()), m_minimum(type.minimum()), m_maximum(type.maximum())
{}

bool SqliteValueBinder::bind(SqliteStatement &statement, int index, const CellValue &value)
{
    if (value.isNull) {
        statement.bindNull(index);
        return true;
    }
    switch (m_kind) {
    case SqlServerType::ValueKind::Integer: {
        qint64 number = 0;
        if (!parseInteger(value.text, m_minimum, m_maximum, number))
            return false;
        statement.bindInt64(index, number);
        return true;
    }
    case SqlServerType::ValueKind::Real: {
        double number = 0;
        if (!parseReal(value.text, number))
            return false;
        statement.bindDouble(index, number);
        return true;
    }
    case SqlServerType::ValueKind::Decimal:
        if (!isDecimalText(value.text))
            return false;
        bindText(statement, index, value.text);
        return true;
    case SqlServerType::ValueKind::Binary:
        if (!decodeBase64Strict(value.text, m_blob))
            return false;
        statement.bindBlobStatic(index, m_blob);
        return true;
    case SqlServerType::ValueKind::Text:
        bindText(statement, index, value.text);
        return true;
    }
    return false;
}

void SqliteValueBinder::bindText(SqliteStatement &statement, int index, QStringView text)
{
    // Converted here into a buffer reused row after row: bound as UTF-16, SQLite would allocate a
    // UTF-8 copy of every value (the database encoding), which issue #8's write path feels.
    QStringEncoder encoder(QStringEncoder::Utf8, QStringConverter::Flag::Stateless);
    m_utf8.resize(encoder.requiredSpace(text.size()));
    const char *end = encoder.appendToBuffer(m_utf8.data(), text);
    statement.bindUtf8Static(index, m_utf8.constData(), end - m_utf8.constData());
}

QString sqliteColumnType(const SqlServerType &type)
{
    switch (type.valueKind()) {
    case SqlServerType::ValueKind::Integer:
        return u"INTEGER"_s;
    case SqlServerType::ValueKind::Real:
        return u"REAL"_s;
    case SqlServerType::ValueKind::Binary:
        return u"BLOB"_s;
    case SqlServerType::ValueKind::Decimal:
    case SqlServerType::ValueKind::Text:
        break;
    }
    // Decimal too: NUMERIC affinity would keep only about 15 significant digits.
    return u"TEXT"_s;
}

} // namespace ms
