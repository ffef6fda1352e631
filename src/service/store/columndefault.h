#pragma once

#include "service/common/protocoltypes.h"

#include <optional>

namespace ms {

struct SqlServerType;

/// A SQL Server default that is a constant literal: a number or a string in any parentheses.
struct ConstantDefault
{
    enum class Kind { Number, String };
    Kind kind = Kind::Number;
    QString value; ///< the number's text, or the string's content with '' unescaped
};

/// "((0))" → Number "0", "(N'a''b')" → String "a'b"; "(getdate())", "(1)+(2)", nil → nullopt.
std::optional<ConstantDefault> parseConstantDefault(QStringView sqlServerDefault);

/// The column's constant default as a RowData value text valid for its type (what the mirror
/// stores for it), or nullopt when there is none: nil, a function, or a literal the type cannot
/// hold (a binary column never has one).
std::optional<QString> constantDefaultValue(const ColumnSchema &column, const SqlServerType &type);

/// A number column's default value (from constantDefaultValue) in the form every backend reads
/// back as the same value: an integer in decimal, a float as the 17 significant digits that name
/// its double. nullopt for the other kinds, whose literals differ by backend.
std::optional<QString> canonicalNumberDefault(const SqlServerType &type, const QString &value);

} // namespace ms
