#include "sqlservervalues.h"

#include "service/store/columndefault.h"
#include "service/store/sqlservertype.h"
#include "service/store/valueparsing.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
bool isCharacter(const SqlServerType &type)
{
    using Base = SqlServerType::Base;
    return type.base == Base::Char || type.base == Base::VarChar || type.base == Base::NChar ||
           type.base == Base::NVarChar;
}

bool isUnicode(const SqlServerType &type)
{
    using Base = SqlServerType::Base;
    return type.base == Base::NChar || type.base == Base::NVarChar || type.base == Base::NText;
}

QVariant nullOf(SqlServerType::ValueKind kind)
{
    switch (kind) {
    case SqlServerType::ValueKind::Integer:
        return QVariant(QMetaType::fromType<qint64>());
    case SqlServerType::ValueKind::Real:
        return QVariant(QMetaType::fromType<double>());
    case SqlServerType::ValueKind::Binary:
        return QVariant(QMetaType::fromType<QByteArray>());
    case SqlServerType::ValueKind::Decimal:
    case SqlServerType::ValueKind::Text:
        break;
    }
    return QVariant(QMetaType::fromType<QString>());
}

// Converting text to decimal(p,s) rounds extra decimals away; a value is stored exactly or
// refused, naming the row.
QString checkDecimal(const SqlServerType &type, const QString &text)
{
    const qsizetype point = text.indexOf(u'.');
    const qsizetype decimals = point < 0 ? 0 : text.size() - point - 1;
    const bool money =
        type.base == SqlServerType::Base::Money || type.base == SqlServerType::Base::SmallMoney;
    const int scale = money ? 4 : (type.hasScale ? type.scale : 0);
    if (decimals > scale)
        return u"more than the %1 decimals of %2"_s.arg(scale).arg(type.normalized());
    const int precision = money ? (type.base == SqlServerType::Base::Money ? 19 : 10)
                                : (type.precision > 0 ? type.precision : 18);
    QStringView digits = QStringView(text).left(point < 0 ? text.size() : point);
    if (digits.startsWith(u'-'))
        digits = digits.mid(1);
    while (digits.size() > 1 && digits.front() == u'0')
        digits = digits.mid(1);
    if (digits != u"0" && digits.size() > precision - scale)
        return u"more than the %1 digits before the point of %2"_s.arg(precision - scale)
            .arg(type.normalized());
    return {};
}

QString stringLiteral(QString text, bool unicode)
{
    text.replace(u'\'', u"''"_s);
    return (unicode ? u"N'"_s : u"'"_s) + text + u'\'';
}
} // namespace

QString bindSqlServerValue(const SqlServerType &type, const CellValue &value, QVariant &bound)
{
    if (value.isNull) {
        bound = nullOf(type.valueKind());
        return {};
    }
    const QString invalid = u"not a valid %1 value"_s.arg(type.normalized());
    switch (type.valueKind()) {
    case SqlServerType::ValueKind::Integer: {
        qint64 number = 0;
        if (!parseInteger(value.text, type.minimum(), type.maximum(), number))
            return invalid;
        if (type.base == SqlServerType::Base::Bit)
            bound = number != 0;
        else
            bound = number;
        return {};
    }
    case SqlServerType::ValueKind::Real: {
        double number = 0;
        if (!parseReal(value.text, number))
            return invalid;
        bound = number; // SQL_DOUBLE: the same 64 bits as float(53)
        return {};
    }
    case SqlServerType::ValueKind::Decimal: {
        if (!isDecimalText(value.text))
            return invalid;
        if (const QString refusal = checkDecimal(type, value.text); !refusal.isEmpty())
            return refusal;
        bound = value.text;
        return {};
    }
    case SqlServerType::ValueKind::Binary: {
        QByteArray bytes;
        if (!decodeBase64Strict(value.text, bytes))
            return invalid;
        bound = bytes.isEmpty() ? QByteArray("", 0) : bytes; // empty stays empty, not NULL
        return {};
    }
    case SqlServerType::ValueKind::Text:
        // n counts UTF-16 code units for nchar/nvarchar (bytes for char/varchar, which the
        // server checks itself under ANSI_WARNINGS); checked here so the refusal names the row.
        if (isCharacter(type) && type.length > 0 && value.text.size() > type.length)
            return u"longer than the %1 characters of %2"_s.arg(type.length).arg(type.normalized());
        bound = value.text.isNull() ? u""_s : value.text; // a null QString would bind NULL
        return {};
    }
    return invalid;
}

QString sqlServerDefaultLiteral(const ColumnSchema &column)
{
    const SqlServerType type = SqlServerType::parse(column.dataType);
    const std::optional<QString> value = constantDefaultValue(column, type);
    if (!value)
        return {};
    if (const std::optional<QString> number = canonicalNumberDefault(type, *value))
        return *number;
    switch (type.valueKind()) {
    case SqlServerType::ValueKind::Integer:
    case SqlServerType::ValueKind::Real:
        break; // handled above
    case SqlServerType::ValueKind::Decimal:
        return isDecimalText(*value) ? *value : QString();
    case SqlServerType::ValueKind::Binary:
        return {};
    case SqlServerType::ValueKind::Text:
        break;
    }
    return stringLiteral(*value, isUnicode(type));
}

} // namespace ms
