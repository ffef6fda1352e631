#include "postgresvalues.h"

#include "service/store/sqlservertype.h"
#include "service/store/valueparsing.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
// The n of a type mapped to varchar(n); 0 when unlimited or not a character type.
qsizetype characterLimit(const SqlServerType &type)
{
    using Base = SqlServerType::Base;
    const bool character = type.base == Base::Char || type.base == Base::VarChar ||
                           type.base == Base::NChar || type.base == Base::NVarChar;
    return character && type.length > 0 ? type.length : 0;
}

} // namespace

QString postgresBindValue(const SqlServerType &type, const CellValue &value, QVariant &bound)
{
    if (value.isNull) {
        bound = QVariant(QMetaType::fromType<QString>()); // a typed NULL
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
        // 17 significant digits name exactly this double; PostgreSQL reads it back to it.
        bound = QString::number(number, 'g', 17);
        return {};
    }
    case SqlServerType::ValueKind::Decimal: {
        if (!isDecimalText(value.text))
            return invalid;
        // numeric(p,s) would round extra decimals away; a value is stored exactly or refused.
        const qsizetype point = value.text.indexOf(u'.');
        const qsizetype decimals = point < 0 ? 0 : value.text.size() - point - 1;
        const bool money =
            type.base == SqlServerType::Base::Money || type.base == SqlServerType::Base::SmallMoney;
        const int scale = money ? 4 : (type.hasScale ? type.scale : 0);
        if (decimals > scale)
            return u"more than the %1 decimals of %2"_s.arg(scale).arg(type.normalized());
        const int precision = money ? (type.base == SqlServerType::Base::Money ? 19 : 10)
                                    : (type.precision > 0 ? type.precision : 18);
        QStringView digits = QStringView(value.text).left(point < 0 ? value.text.size() : point);
        if (digits.startsWith(u'-'))
            digits = digits.mid(1);
        while (digits.size() > 1 && digits.front() == u'0')
            digits = digits.mid(1);
        if (digits != u"0" && digits.size() > precision - scale)
            return u"more than the %1 digits before the point of %2"_s.arg(precision - scale)
                .arg(type.normalized());
        bound = value.text;
        return {};
    }
    case SqlServerType::ValueKind::Binary: {
        QByteArray bytes;
        if (!decodeBase64Strict(value.text, bytes))
            return invalid;
        // Not null even when empty: an empty binary value stays empty, not NULL.
        bound = bytes.isEmpty() ? QByteArray("", 0) : bytes;
        return {};
    }
    case SqlServerType::ValueKind::Text:
        if (value.text.contains(QChar(u'\0')))
            return u"the text holds the character U+0000, which PostgreSQL cannot store in a "
                   "text column"_s;
        if (const qsizetype limit = characterLimit(type); limit > 0) {
            // Checked here, not by the server, so that the refusal names the row and column.
            qsizetype characters = 0;
            for (auto it = value.text.cbegin(); it != value.text.cend(); ++it) {
                if (!it->isLowSurrogate())
                    ++characters; // PostgreSQL counts code points
            }
            if (characters > limit)
                return u"longer than the %1 characters of %2"_s.arg(limit).arg(type.normalized());
        }
        bound = value.text.isNull() ? u""_s : value.text; // a null QString would bind NULL
        return {};
    }
    return invalid;
}

} // namespace ms
