#include "sourcecolumntype.h"

#include "service/common/error.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace ms {

SourceColumnType SourceColumnType::parse(QStringView text)
{
    static const QRegularExpression pattern(
        uR"(^\s*([a-z0-9]+)\s*(?:\(\s*(max|\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(text.toString());
    if (!match.hasMatch())
        throw clientError(u"Unknown SQL Server type \"%1\""_s.arg(text));
    const QString name = match.captured(1).toLower();
    const QString arg1 = match.captured(2).toLower();
    const bool hasArg = !arg1.isEmpty();
    const int number = arg1 == "max"_L1 ? -1 : arg1.toInt();
    const int second = match.captured(3).isEmpty() ? 0 : match.captured(3).toInt();

    struct Entry
    {
        QLatin1StringView name;
        Kind kind;
    };
    static const Entry entries[] = {
        {"bit"_L1, Kind::Bit},
        {"tinyint"_L1, Kind::TinyInt},
        {"smallint"_L1, Kind::SmallInt},
        {"int"_L1, Kind::Int},
        {"bigint"_L1, Kind::BigInt},
        {"decimal"_L1, Kind::Decimal},
        {"numeric"_L1, Kind::Numeric},
        {"money"_L1, Kind::Money},
        {"smallmoney"_L1, Kind::SmallMoney},
        {"float"_L1, Kind::Float},
        {"real"_L1, Kind::Real},
        {"date"_L1, Kind::Date},
        {"time"_L1, Kind::Time},
        {"datetime"_L1, Kind::DateTime},
        {"datetime2"_L1, Kind::DateTime2},
        {"smalldatetime"_L1, Kind::SmallDateTime},
        {"datetimeoffset"_L1, Kind::DateTimeOffset},
        {"char"_L1, Kind::Char},
        {"varchar"_L1, Kind::VarChar},
        {"nchar"_L1, Kind::NChar},
        {"nvarchar"_L1, Kind::NVarChar},
        {"text"_L1, Kind::Text},
        {"ntext"_L1, Kind::NText},
        {"binary"_L1, Kind::Binary},
        {"varbinary"_L1, Kind::VarBinary},
        {"image"_L1, Kind::Image},
        {"uniqueidentifier"_L1, Kind::UniqueIdentifier},
    };
    for (const Entry &entry : entries) {
        if (entry.name != name)
            continue;
        SourceColumnType type;
        type.kind = entry.kind;
        switch (entry.kind) {
        case Kind::Decimal:
        case Kind::Numeric:
            type.precision = hasArg ? number : 18;
            type.scale = second;
            break;
        case Kind::Time:
        case Kind::DateTime2:
        case Kind::DateTimeOffset:
            type.precision = hasArg ? number : 7;
            break;
        case Kind::Char:
        case Kind::NChar:
        case Kind::Binary:
        case Kind::VarChar:
        case Kind::NVarChar:
        case Kind::VarBinary:
            type.length = hasArg ? number : 1;
            break;
        default:
            break;
        }
        return type;
    }
    throw clientError(u"Unknown SQL Server type \"%1\""_s.arg(text));
}

SourceColumnType::Storage SourceColumnType::storage() const
{
    switch (kind) {
    case Kind::Bit:
    case Kind::TinyInt:
    case Kind::SmallInt:
    case Kind::Int:
    case Kind::BigInt:
        return Storage::Integer;
    case Kind::Float:
    case Kind::Real:
        return Storage::Real;
    case Kind::Binary:
    case Kind::VarBinary:
    case Kind::Image:
        return Storage::Blob;
    default:
        return Storage::Text;
    }
}

QString SourceColumnType::sqliteDeclaration() const
{
    switch (storage()) {
    case Storage::Integer:
        return u"INTEGER"_s;
    case Storage::Real:
        return u"REAL"_s;
    case Storage::Blob:
        return u"BLOB"_s;
    case Storage::Text:
        break;
    }
    return u"TEXT"_s;
}

bool SourceColumnType::isCharacter() const
{
    switch (kind) {
    case Kind::Char:
    case Kind::VarChar:
    case Kind::NChar:
    case Kind::NVarChar:
    case Kind::Text:
    case Kind::NText:
        return true;
    default:
        return false;
    }
}

bool SourceColumnType::isUnicode() const
{
    return kind == Kind::NChar || kind == Kind::NVarChar || kind == Kind::NText;
}

} // namespace ms
