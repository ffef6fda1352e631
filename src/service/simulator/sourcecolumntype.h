#pragma once

#include <QString>

// The SQL Server column types of PROTOCOL.md, parsed once so that the generator, the source
// database and the verifier agree on how a value is stored and how it travels. Deliberately
// independent of the store's parser: the simulator relies on PROTOCOL.md only.
namespace ms {

struct SourceColumnType
{
    enum class Kind {
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
    /// How the simulator's SQLite source holds a value of this type.
    enum class Storage { Integer, Real, Text, Blob };

    Kind kind = Kind::Int;
    int length = 0;    ///< char/binary length; -1 for (max)
    int precision = 0; ///< decimal/numeric precision; time/datetime2/datetimeoffset fraction digits
    int scale = 0;     ///< decimal/numeric scale

    /// Parses "nvarchar(254)", "DECIMAL(18, 4)", "varbinary(max)"; throws ms::Error if unknown.
    static SourceColumnType parse(QStringView text);
    Storage storage() const;
    /// The SQLite column type that gives `storage()` affinity (never NUMERIC).
    QString sqliteDeclaration() const;
    bool isCharacter() const;
    bool isUnicode() const;
};

} // namespace ms
