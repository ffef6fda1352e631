#include "mirrorcontentreader.h"

#include "postgresmirrorcontentreader.h"
#include "sqlitemirrorcontentreader.h"

#include "service/common/error.h"

#include <QRegularExpression>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
// "-007.500" -> "-7.5", "-0.00" -> "0"; not a plain decimal: unchanged.
QString canonicalDecimal(const QString &text)
{
    static const QRegularExpression decimal(u"^(-?)(\\d+)(?:\\.(\\d+))?$"_s);
    const QRegularExpressionMatch m = decimal.match(text);
    if (!m.hasMatch())
        return text;
    QString whole = m.captured(2);
    QString fraction = m.captured(3);
    while (whole.size() > 1 && whole.front() == u'0')
        whole.remove(0, 1);
    while (!fraction.isEmpty() && fraction.back() == u'0')
        fraction.chop(1);
    const bool zero = whole == u"0" && fraction.isEmpty();
    return (zero ? QString() : m.captured(1)) + whole +
           (fraction.isEmpty() ? QString() : u'.' + fraction);
}

// "2020-01-02 03:04:05.120" and "2020-01-02T03:04:05.12" -> "2020-01-02T03:04:05.12";
// "03:04:05.000" -> "03:04:05". A date alone, or anything else: unchanged.
QString canonicalTemporal(const QString &text)
{
    static const QRegularExpression temporal(
        u"^(?:(\\d{4}-\\d{2}-\\d{2})[ T])?(\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d+))?$"_s);
    const QRegularExpressionMatch m = temporal.match(text);
    if (!m.hasMatch())
        return text;
    QString fraction = m.captured(3);
    while (!fraction.isEmpty() && fraction.back() == u'0')
        fraction.chop(1);
    const QString date = m.captured(1);
    return (date.isEmpty() ? QString() : date + u'T') + m.captured(2) +
           (fraction.isEmpty() ? QString() : u'.' + fraction);
}

QString canonicalUuid(const QString &text)
{
    const bool plain = text.size() == 36 && !QUuid::fromString(text).isNull();
    return plain ? text.toLower() : text;
}
} // namespace

QVariant comparableValue(ValueForm form, const QVariant &value)
{
    if (form == ValueForm::Exact || value.isNull() || value.metaType().id() != QMetaType::QString)
        return value;
    const QString text = value.toString();
    switch (form) {
    case ValueForm::Decimal:
        return canonicalDecimal(text);
    case ValueForm::Temporal:
        return canonicalTemporal(text);
    case ValueForm::Uuid:
        return canonicalUuid(text);
    case ValueForm::Exact:
        break;
    }
    return value;
}

std::unique_ptr<MirrorContentReader> createMirrorContentReader(const ReadAccess &access,
                                                               const QString &tenant)
{
    if (access.driver == u"QSQLITE")
        return std::make_unique<SqliteMirrorContentReader>(access.databaseName, tenant);
    if (access.driver == u"QPSQL")
        return std::make_unique<PostgresMirrorContentReader>(access, tenant);
    throw serverError(u"The simulator cannot verify mirrors read through %1"_s.arg(access.driver));
}

} // namespace ms
