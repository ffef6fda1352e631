#include "sqlservertype.h"

#include "service/common/error.h"

#include <QStringList>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
enum class Args { None, Length, LengthOrMax, Fraction, PrecisionScale, FloatBits };

struct TypeInfo
{
    SqlServerType::Base base;
    QLatin1StringView name;
    Args args;
};

using B = SqlServerType::Base;
constexpr TypeInfo kTypes[] = {
    {B::Bit, "bit"_L1, Args::None},
    {B::TinyInt, "tinyint"_L1, Args::None},
    {B::SmallInt, "smallint"_L1, Args::None},
    {B::Int, "int"_L1, Args::None},
    {B::BigInt, "bigint"_L1, Args::None},
    {B::Decimal, "decimal"_L1, Args::PrecisionScale},
    {B::Numeric, "numeric"_L1, Args::PrecisionScale},
    {B::Money, "money"_L1, Args::None},
    {B::SmallMoney, "smallmoney"_L1, Args::None},
    {B::Float, "float"_L1, Args::FloatBits},
    {B::Real, "real"_L1, Args::None},
    {B::Date, "date"_L1, Args::None},
    {B::Time, "time"_L1, Args::Fraction},
    {B::DateTime, "datetime"_L1, Args::None},
    {B::DateTime2, "datetime2"_L1, Args::Fraction},
    {B::SmallDateTime, "smalldatetime"_L1, Args::None},
    {B::DateTimeOffset, "datetimeoffset"_L1, Args::Fraction},
    {B::Char, "char"_L1, Args::Length},
    {B::VarChar, "varchar"_L1, Args::LengthOrMax},
    {B::NChar, "nchar"_L1, Args::Length},
    {B::NVarChar, "nvarchar"_L1, Args::LengthOrMax},
    {B::Text, "text"_L1, Args::None},
    {B::NText, "ntext"_L1, Args::None},
    {B::Binary, "binary"_L1, Args::Length},
    {B::VarBinary, "varbinary"_L1, Args::LengthOrMax},
    {B::Image, "image"_L1, Args::None},
    {B::UniqueIdentifier, "uniqueidentifier"_L1, Args::None},
};

const TypeInfo &infoOf(B base)
{
    for (const TypeInfo &info : kTypes) {
        if (info.base == base)
            return info;
    }
    Q_UNREACHABLE();
}

// A small decimal number without sign or leading '+': SQL Server's type arguments.
int parseArgument(QStringView text, int max)
{
    if (text.isEmpty() || text.size() > 5)
        return -1;
    int value = 0;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value <= max ? value : -1;
}
} // namespace

QString SqlServerType::normalize(QStringView text)
{
    QString result;
    result.reserve(text.size());
    for (QChar c : text) {
        if (!c.isSpace())
            result.append(c.toLower());
    }
    return result;
}

SqlServerType SqlServerType::parse(QStringView text)
{
    const QString norm = normalize(text);
    const auto refuse = [&](const QString &why) {
        return clientError(u"Unsupported column data type '%1': %2"_s.arg(text.toString(), why));
    };
    const qsizetype open = norm.indexOf(u'(');
    const QStringView name = open < 0 ? QStringView(norm) : QStringView(norm).left(open);
    QStringList args;
    if (open >= 0) {
        if (!norm.endsWith(u')'))
            throw refuse(u"unbalanced parentheses"_s);
        args = norm.mid(open + 1, norm.size() - open - 2).split(u',');
    }
    const TypeInfo *info = nullptr;
    for (const TypeInfo &candidate : kTypes) {
        if (name == candidate.name)
            info = &candidate;
    }
    if (!info)
        throw refuse(u"not a SQL Server type the mirror knows"_s);

    SqlServerType type;
    type.base = info->base;
    if (open < 0)
        return type;
    const auto single = [&](int max, bool allowMax) {
        if (args.size() != 1)
            throw refuse(u"expected one argument"_s);
        if (allowMax && args.front() == u"max"_s)
            return -1;
        const int value = parseArgument(args.front(), max);
        if (value < (info->args == Args::Fraction ? 0 : 1))
            throw refuse(u"argument out of range"_s);
        return value;
    };
    type.hasLength = info->args != Args::PrecisionScale;
    switch (info->args) {
    case Args::None:
        throw refuse(u"this type takes no arguments"_s);
    case Args::Length:
        type.length = single(8000, false);
        break;
    case Args::LengthOrMax:
        type.length = single(8000, true);
        break;
    case Args::Fraction:
        type.length = single(7, false);
        break;
    case Args::FloatBits:
        type.length = single(53, false);
        break;
    case Args::PrecisionScale: {
        if (args.size() > 2)
            throw refuse(u"expected (precision) or (precision,scale)"_s);
        type.precision = parseArgument(args.front(), 38);
        type.hasScale = args.size() == 2;
        type.scale = type.hasScale ? parseArgument(args.back(), 38) : 0;
        if (type.precision < 1 || type.scale < 0 || type.scale > type.precision)
            throw refuse(u"precision must be 1 to 38 and scale 0 to precision"_s);
        break;
    }
    }
    return type;
}

QString SqlServerType::normalized() const
{
    const TypeInfo &info = infoOf(base);
    QString text = info.name;
    switch (info.args) {
    case Args::None:
        break;
    case Args::Length:
    case Args::LengthOrMax:
    case Args::Fraction:
    case Args::FloatBits:
        if (hasLength)
            text += length == -1 ? u"(max)"_s : u'(' + QString::number(length) + u')';
        break;
    case Args::PrecisionScale:
        if (precision > 0 && hasScale)
            text += u"(%1,%2)"_s.arg(precision).arg(scale);
        else if (precision > 0)
            text += u"(%1)"_s.arg(precision);
        break;
    }
    return text;
}

SqlServerType::ValueKind SqlServerType::valueKind() const
{
    switch (base) {
    case Base::Bit:
    case Base::TinyInt:
    case Base::SmallInt:
    case Base::Int:
    case Base::BigInt:
        return ValueKind::Integer;
    case Base::Float:
    case Base::Real:
        return ValueKind::Real;
    case Base::Decimal:
    case Base::Numeric:
    case Base::Money:
    case Base::SmallMoney:
        return ValueKind::Decimal;
    case Base::Binary:
    case Base::VarBinary:
    case Base::Image:
        return ValueKind::Binary;
    default:
        return ValueKind::Text;
    }
}

qint64 SqlServerType::minimum() const
{
    switch (base) {
    case Base::Bit:
    case Base::TinyInt:
        return 0;
    case Base::SmallInt:
        return std::numeric_limits<qint16>::min();
    case Base::Int:
        return std::numeric_limits<qint32>::min();
    default:
        return std::numeric_limits<qint64>::min();
    }
}

qint64 SqlServerType::maximum() const
{
    switch (base) {
    case Base::Bit:
        return 1;
    case Base::TinyInt:
        return 255;
    case Base::SmallInt:
        return std::numeric_limits<qint16>::max();
    case Base::Int:
        return std::numeric_limits<qint32>::max();
    default:
        return std::numeric_limits<qint64>::max();
    }
}

} // namespace ms
