#include "wirevalue.h"

#include "service/soap/wirerowvalues.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace ms {

CellValue toWireValue(const QVariant &stored)
{
    if (!stored.isValid() || stored.isNull())
        return CellValue{QString(), true};
    switch (stored.metaType().id()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
        return CellValue{QString::number(stored.toLongLong()), false};
    case QMetaType::Double:
        return CellValue{QString::number(stored.toDouble(), 'g', QLocale::FloatingPointShortest),
                         false};
    case QMetaType::QByteArray:
        return CellValue{QString::fromLatin1(stored.toByteArray().toBase64()), false};
    default:
        return CellValue{stored.toString(), false};
    }
}

void appendWireValue(WireRowValues &row, const sim::SqliteStatement &statement, int column)
{
    using StorageClass = sim::SqliteStatement::StorageClass;
    switch (statement.storageClass(column)) {
    case StorageClass::Null:
        row.appendNull();
        break;
    case StorageClass::Integer:
        row.appendInteger(statement.integer(column));
        break;
    case StorageClass::Real:
        row.appendReal(statement.real(column));
        break;
    case StorageClass::Text:
        // Not copied: the row is written before the statement steps on.
        row.appendTextView(statement.textUtf8(column));
        break;
    case StorageClass::Blob:
        row.appendBase64(statement.blobBytes(column));
        break;
    }
}

QString describeValue(const QVariant &stored)
{
    if (!stored.isValid() || stored.isNull())
        return u"NULL"_s;
    switch (stored.metaType().id()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
        return u"integer "_s + QString::number(stored.toLongLong());
    case QMetaType::Double:
        return u"real "_s + QString::number(stored.toDouble(), 'g', 17);
    case QMetaType::QByteArray:
        return u"blob(%1 bytes) %2"_s.arg(stored.toByteArray().size())
            .arg(QString::fromLatin1(stored.toByteArray().left(12).toHex()));
    default: {
        QString text = stored.toString();
        const bool cut = text.size() > 60;
        text = text.left(60);
        // Make invisible differences (CR, padding, control characters) visible.
        QString shown;
        for (QChar c : std::as_const(text)) {
            if (c.unicode() < 0x20)
                shown += u"\\x%1"_s.arg(c.unicode(), 2, 16, QChar(u'0'));
            else
                shown += c;
        }
        return u"text \""_s + shown + (cut ? u"\"..."_s : u"\""_s);
    }
    }
}

} // namespace ms
