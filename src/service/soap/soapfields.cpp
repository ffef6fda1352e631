#include "soapfields.h"

#include "soapvalues.h"
#include "xmlcursor.h"

using namespace Qt::Literals::StringLiterals;

namespace ms::soapfields {

namespace {
void skipNil(XmlCursor &cursor)
{
    // A nil element is empty; anything inside it carries nothing.
    cursor.skipElement();
}
} // namespace

Error missingElement(const XmlCursor &cursor, QLatin1StringView name, QLatin1StringView parent)
{
    return cursor.error(u"%1 lacks its required element %2"_s.arg(parent, name));
}

QString readString(XmlCursor &cursor)
{
    if (cursor.isNil()) {
        skipNil(cursor);
        return {};
    }
    return cursor.readText();
}

std::optional<QString> readNillableString(XmlCursor &cursor)
{
    if (cursor.isNil()) {
        skipNil(cursor);
        return std::nullopt;
    }
    return cursor.readText();
}

qint64 readInt64(XmlCursor &cursor, QLatin1StringView name)
{
    QString scratch;
    const auto value = readNillableInt64(cursor, name, scratch);
    if (!value)
        throw cursor.error(u"%1 must not be nil"_s.arg(name));
    return *value;
}

std::optional<qint64> readNillableInt64(XmlCursor &cursor, QLatin1StringView name, QString &scratch)
{
    if (cursor.isNil()) {
        skipNil(cursor);
        return std::nullopt;
    }
    cursor.readText(scratch);
    const auto value = soapvalues::parseInt64(scratch);
    if (!value) {
        throw cursor.error(u"%1 must be a 64-bit integer, not '%2'"_s.arg(name, scratch.left(40)));
    }
    return value;
}

bool readBoolean(XmlCursor &cursor, QLatin1StringView name)
{
    const QString text = cursor.readText();
    const auto value = soapvalues::parseBoolean(text);
    if (!value)
        throw cursor.error(u"%1 must be true or false, not '%2'"_s.arg(name, text.left(40)));
    return *value;
}

} // namespace ms::soapfields
