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
    return bindNonNull(statement, index, value.text);
}

bool SqliteValueBinder::bind(SqliteStatement &statement, int index, const Utf8CellValue &value)
{
    if (value.isNull) {
        statement.bindNull(index);
        return true;
    }
    // Parsed from the bytes as they came (no QString): the grammars are ASCII, so a non-ASCII
    // byte is refused just as its character would be.
    const QByteArrayView utf8 = value.utf8;
    switch (m_kind) {
    case SqlServerType::ValueKind::Integer:
        return bindInteger(statement, index, utf8);
    case SqlServerType::ValueKind::Real:
        return bindReal(statement, index, utf8);
    case SqlServerType::ValueKind::Decimal:
        if (!isDecimalText(utf8))
            return false;
        break;
    case SqlServerType::ValueKind::Binary:
        return bindBinary(statement, index, utf8);
    case SqlServerType::ValueKind::Text:
        break;
    }
    // Most values of the ingest: no QString and back, no copy.
    statement.bindUtf8Static(index, utf8.data(), utf8.size());
    return true;
}

bool SqliteValueBinder::bindNonNull(SqliteStatement &statement, int index, QStringView text)
{
    switch (m_kind) {
    case SqlServerType::ValueKind::Integer:
        return bindInteger(statement, index, text);
    case SqlServerType::ValueKind::Real:
        return bindReal(statement, index, text);
    case SqlServerType::ValueKind::Decimal:
        if (!isDecimalText(text))
            return false;
        bindText(statement, index, text);
        return true;
    case SqlServerType::ValueKind::Binary:
        return bindBinary(statement, index, text);
    case SqlServerType::ValueKind::Text:
        bindText(statement, index, text);
        return true;
    }
    return false;
}

template <typename View>
bool SqliteValueBinder::bindInteger(SqliteStatement &statement, int index, View text)
{
    qint64 number = 0;
    if (!parseInteger(text, m_minimum, m_maximum, number))
        return false;
    statement.bindInt64(index, number);
    return true;
}

template <typename View>
bool SqliteValueBinder::bindReal(SqliteStatement &statement, int index, View text)
{
    double number = 0;
    if (!parseReal(text, number))
        return false;
    statement.bindDouble(index, number);
    return true;
}

template <typename View>
bool SqliteValueBinder::bindBinary(SqliteStatement &statement, int index, View text)
{
    if (!decodeBase64Strict(text, m_blob))
        return false;
    statement.bindBlobStatic(index, m_blob);
    return true;
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
