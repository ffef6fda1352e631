#pragma once

#include "simrandom.h"
#include "sourcecolumntype.h"

#include <QVariant>

namespace ms {

/// Random but realistic values for every SQL Server type, in the storage class the source keeps
/// them in (qint64, double, QString, QByteArray; a null QVariant is NULL). Text holds Nordic,
/// German, CJK and emoji characters, XML specials, control characters and CR on purpose.
/// Not thread-safe; deterministic for the SimRandom it is given.
class ValueGenerator final
{
public:
    explicit ValueGenerator(SimRandom &random) : m_random(random) {}

    /// A value for a column; NULL now and then when the column is nullable.
    QVariant value(const SourceColumnType &type, bool nullable);
    /// A non-NULL value (also used for primary keys of text types).
    QVariant nonNullValue(const SourceColumnType &type);

private:
    QString decimalText(int integerDigits, int scale);
    QString fraction(int digits);
    QString dateText();
    QString timeText(int fractionDigits);
    QString characterText(const SourceColumnType &type);
    QString phrase(bool unicode, int maxLength);
    SimRandom &m_random;
};

/// Cuts to at most maxLength UTF-16 units without splitting a surrogate pair.
QString truncateUtf16(const QString &text, qsizetype maxLength);

} // namespace ms
