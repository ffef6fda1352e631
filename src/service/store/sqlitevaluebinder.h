#pragma once

#include "sqlservertype.h"

#include "service/common/protocoltypes.h"

#include <QByteArray>

namespace ms {

class SqliteStatement;

/// Turns one column's RowData values into SQLite values of that column's storage class and binds
/// them: integers and bit as INTEGER, float/real as the nearest double, binary from base64 as
/// BLOB, everything else as TEXT exactly as received. One per column of a prepared statement;
/// not thread-safe.
class SqliteValueBinder final
{
public:
    explicit SqliteValueBinder(const SqlServerType &type);

    /// Binds value (NULL too) at the 1-based index, from buffers of this binder that the next
    /// bind() reuses: step the statement before binding again. False, binding nothing, when the
    /// text is not a valid value of the type.
    bool bind(SqliteStatement &statement, int index, const CellValue &value);
    /// The same from UTF-8: text columns bind the bytes as they are (value must outlive the
    /// step), the other kinds are read as bind() reads them.
    bool bind(SqliteStatement &statement, int index, const Utf8CellValue &value);

    const SqlServerType &type() const { return m_type; }

private:
    SqlServerType m_type;
    SqlServerType::ValueKind m_kind;
    qint64 m_minimum;
    qint64 m_maximum;
    bool bindNonNull(SqliteStatement &statement, int index, QStringView text);
    void bindText(SqliteStatement &statement, int index, QStringView text);
    // View: QStringView or QByteArrayView (UTF-8); the parsers take both.
    template <typename View> bool bindInteger(SqliteStatement &statement, int index, View text);
    template <typename View> bool bindReal(SqliteStatement &statement, int index, View text);
    template <typename View> bool bindBinary(SqliteStatement &statement, int index, View text);

    QByteArray m_blob; ///< the decoded bytes of the last binary value, bound without a copy
    QByteArray m_utf8; ///< the last text value in UTF-8, bound without a copy
};

/// "INTEGER", "REAL", "TEXT" or "BLOB": the STRICT column type for a SQL Server type.
QString sqliteColumnType(const SqlServerType &type);

} // namespace ms
