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
    if (m_kind == SqlServerType::ValueKind::Text) {
        // Most values of the ingest: no QString and back, no copy.
        statement.bindUtf8Static(index, value.utf8.constData(), value.utf8.size());
        return true;
    }
    // Numbers and base64 are ASCII: widened into a buffer reused row after row.
    const qsizetype size = value.utf8.size();
    m_text.resize(size);
    QChar *out = m_text.data();
    for (qsizetype i = 0; i < size; ++i) {
        const auto byte = static_cast<unsigned char>(value.utf8[i]);
        if (byte >= 0x80) {
            m_text = QString::fromUtf8(value.utf8);
            break;
        }
        out[i] = QChar(char16_t(byte));
    }
    return bindNonNull(statement, index, m_text);
}

bool SqliteValueBinder::bindNonNull(SqliteStatement &statement, int index, QStringView text)
{
    switch (m_kind) {
    case SqlServerType::ValueKind::Integer: {
        qint64 number = 0;
        if (!parseInteger(text, m_minimum, m_maximum, number))
            return false;
        statement.bindInt64(index, number);
        return true;
    }
    case SqlServerType::ValueKind::Real: {
        double number = 0;
        if (!parseReal(text, number))
            return false;
        statement.bindDouble(index, number);
        return true;
    }
    case SqlServerType::ValueKind::Decimal:
        if (!isDecimalText(text))
            return false;
        bindText(statement, index, text);
        return true;
    case SqlServerType::ValueKind::Binary:
        if (!decodeBase64Strict(text, m_blob))
            return false;
        statement.bindBlobStatic(index, m_blob);
        return true;
    case SqlServerType::ValueKind::Text:
        bindText(statement, index, text);
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
