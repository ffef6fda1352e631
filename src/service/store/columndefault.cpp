#include "columndefault.h"

#include "sqlservertype.h"
#include "valueparsing.h"

namespace ms {

namespace {
// Index of the parenthesis closing the one at 'open', skipping string literals; -1 if none.
qsizetype matchingParen(QStringView text, qsizetype open)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = open; i < text.size(); ++i) {
        const QChar c = text[i];
        if (inString) {
            if (c == u'\'')
                inString = false; // a doubled '' re-enters on the next character
        } else if (c == u'\'') {
            inString = true;
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')' && --depth == 0) {
            return i;
        }
    }
    return -1;
}

std::optional<QString> parseStringLiteral(QStringView text)
{
    if (text.startsWith(u'N') || text.startsWith(u'n'))
        text = text.mid(1);
    if (text.size() < 2 || text.front() != u'\'' || text.back() != u'\'')
        return std::nullopt;
    const QStringView body = text.mid(1, text.size() - 2);
    QString value;
    value.reserve(body.size());
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (body[i] == u'\'') {
            if (i + 1 >= body.size() || body[i + 1] != u'\'')
                return std::nullopt; // a lone quote: more than one literal
            ++i;
        } else if (body[i].isNull()) {
            return std::nullopt; // cannot be written into SQL text
        }
        value.append(body[i]);
    }
    return value;
}

bool isNumberLiteral(QStringView text)
{
    double ignored = 0;
    if (text.startsWith(u'+'))
        text = text.mid(1);
    return parseReal(text, ignored);
}
} // namespace

std::optional<ConstantDefault> parseConstantDefault(QStringView text)
{
    text = text.trimmed();
    while (text.startsWith(u'(') && matchingParen(text, 0) == text.size() - 1)
        text = text.mid(1, text.size() - 2).trimmed();
    if (isNumberLiteral(text)) {
        const QStringView number = text.startsWith(u'+') ? text.mid(1) : text;
        return ConstantDefault{ConstantDefault::Kind::Number, number.toString()};
    }
    if (auto string = parseStringLiteral(text))
        return ConstantDefault{ConstantDefault::Kind::String, *string};
    return std::nullopt;
}

std::optional<QString> constantDefaultValue(const ColumnSchema &column, const SqlServerType &type)
{
    if (!column.defaultValue)
        return std::nullopt;
    const auto constant = parseConstantDefault(*column.defaultValue);
    if (!constant)
        return std::nullopt;
    const QString &value = constant->value;
    switch (type.valueKind()) {
    case SqlServerType::ValueKind::Integer: {
        qint64 ignored = 0;
        if (!parseInteger(value, type.minimum(), type.maximum(), ignored))
            return std::nullopt;
        break;
    }
    case SqlServerType::ValueKind::Real: {
        double ignored = 0;
        if (!parseReal(value, ignored))
            return std::nullopt;
        break;
    }
    case SqlServerType::ValueKind::Decimal:
        if (!isDecimalText(value))
            return std::nullopt;
        break;
    case SqlServerType::ValueKind::Binary:
        return std::nullopt;
    case SqlServerType::ValueKind::Text:
        break;
    }
    return value;
}

std::optional<QString> canonicalNumberDefault(const SqlServerType &type, const QString &value)
{
    switch (type.valueKind()) {
    case SqlServerType::ValueKind::Integer: {
        qint64 number = 0;
        parseInteger(value, type.minimum(), type.maximum(), number);
        return QString::number(number);
    }
    case SqlServerType::ValueKind::Real: {
        double number = 0;
        parseReal(value, number);
        return QString::number(number, 'g', 17);
    }
    default:
        return std::nullopt;
    }
}

} // namespace ms
