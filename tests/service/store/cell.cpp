#include "cell.h"

using namespace Qt::Literals::StringLiterals;

namespace storetest {

QString describe(const Cell &cell)
{
    switch (cell.type) {
    case SQLITE_NULL:
        return u"NULL"_s;
    case SQLITE_INTEGER:
        return u"INTEGER "_s + QString::number(cell.integer);
    case SQLITE_FLOAT:
        return u"REAL "_s + QString::number(cell.real, 'g', 17);
    case SQLITE_TEXT:
        return u"TEXT '"_s + cell.text + u'\'';
    default:
        return u"BLOB x'"_s + QString::fromLatin1(cell.blob.toHex()) + u'\'';
    }
}

char *toString(const Cell &cell)
{
    return qstrdup(describe(cell).toUtf8().constData());
}

} // namespace storetest
