#include "identifiers.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
bool isAsciiLetter(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
}
bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool matches(QStringView s, qsizetype maxLength, bool underscoreFirst)
{
    if (s.isEmpty() || s.size() > maxLength)
        return false;
    if (!isAsciiLetter(s.front()) && !(underscoreFirst && s.front() == u'_'))
        return false;
    for (QChar c : s.mid(1)) {
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != u'_')
            return false;
    }
    return true;
}
} // namespace

bool isValidTenantId(QStringView tenant)
{
    return matches(tenant, 64, false);
}
bool isValidSqlIdentifier(QStringView name)
{
    return matches(name, 128, true);
}

QString quoteIdentifier(QStringView name)
{
    QString quoted = name.toString();
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString mirrorDatabaseName(QStringView tenant)
{
    return u"Mirror_"_s + tenant.toString();
}
QString metadataTableName(QStringView tenant)
{
    return tenant.toString() + u"_mirroring"_s;
}

} // namespace ms
