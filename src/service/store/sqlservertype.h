#pragma once

#include <QString>

namespace ms {

/// A column's SQL Server data type as TableSchema sends it ("nvarchar(254)", "decimal(38,10)").
/// A plain value, usable from any thread.
struct SqlServerType
{
    enum class Base {
        Bit,
        TinyInt,
        SmallInt,
        Int,
        BigInt,
        Decimal,
        Numeric,
        Money,
        SmallMoney,
        Float,
        Real,
        Date,
        Time,
        DateTime,
        DateTime2,
        SmallDateTime,
        DateTimeOffset,
        Char,
        VarChar,
        NChar,
        NVarChar,
        Text,
        NText,
        Binary,
        VarBinary,
        Image,
        UniqueIdentifier,
    };
    /// How a value of the type arrives and must be checked (PROTOCOL.md, RowData values).
    enum class ValueKind { Integer, Real, Decimal, Binary, Text };

    Base base = Base::Int;
    bool hasLength = false; ///< whether char(n), binary(n), float(n), time(n)... had an argument
    int length = 0;         ///< that n; -1 for (max)
    int precision = 0;      ///< p of decimal(p,s); 0 if absent
    bool hasScale = false;
    int scale = 0; ///< s of decimal(p,s)

    /// Case-insensitive, whitespace allowed anywhere ("Decimal ( 38, 10 )"); an unknown type or
    /// bad arguments throw ms::Error Client.
    static SqlServerType parse(QStringView text);
    /// The text in lower case without whitespace: what the schema hash covers.
    static QString normalize(QStringView text);

    /// Canonical lower-case text without spaces, e.g. "decimal(38,10)", "varchar(max)".
    QString normalized() const;
    ValueKind valueKind() const;
    /// Inclusive range of an integer type (bit: 0..1).
    qint64 minimum() const;
    qint64 maximum() const;

    bool operator==(const SqlServerType &) const = default;
};

} // namespace ms
