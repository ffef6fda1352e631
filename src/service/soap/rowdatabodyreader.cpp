#include "rowdatabodyreader.h"

#include "soapfields.h"
#include "soapnames.h"
#include "soapvalues.h"
#include "xmlcursor.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace names = soapnames;

RowDataBodyReader::RowDataBodyReader(XmlCursor &cursor, RowDataSink &sink)
    : m_cursor(cursor), m_sink(sink), m_utf8(sink.takesUtf8Values())
{}

RowDataRequestHead RowDataBodyReader::read()
{
    RowDataRequestHead head;
    bool haveBatches = false;
    while (m_cursor.nextChildElement()) {
        if (m_cursor.isElement(names::kMirroringNs, names::kClientState)) {
            head.clientState = soapfields::readString(m_cursor);
        } else if (m_cursor.isElement(names::kMirroringNs, names::kBatches) && !haveBatches) {
            haveBatches = true;
            readBatches();
        } else {
            m_cursor.skipElement();
        }
    }
    if (!haveBatches)
        throw soapfields::missingElement(m_cursor, names::kBatches,
                                         names::requestElement(SoapOperation::RowData));
    return head;
}

QString RowDataBodyReader::batchPosition() const
{
    return u"RowData batch %1 (table '%2')"_s.arg(QString::number(m_batchNumber), m_tableName);
}

QString RowDataBodyReader::rowPosition() const
{
    return u"%1, row %2"_s.arg(batchPosition(), QString::number(m_rowNumber));
}

void RowDataBodyReader::readBatches()
{
    while (m_cursor.nextChildElement()) {
        if (m_cursor.isElement(names::kMirroringNs, names::kRowBatch))
            readBatch();
        else
            m_cursor.skipElement();
    }
}

void RowDataBodyReader::readBatch()
{
    ++m_batchNumber;
    m_rowNumber = 0;
    m_tableName.clear();
    m_columns.clear();
    bool haveTable = false;
    bool haveColumns = false;
    bool haveRows = false;
    bool haveLsn = false;
    std::optional<qint64> lsn;
    while (m_cursor.nextChildElement()) {
        if (m_cursor.isElement(names::kMirroringNs, names::kTableName) && !haveTable) {
            m_tableName = m_cursor.readText();
            haveTable = true;
        } else if (m_cursor.isElement(names::kMirroringNs, names::kColumns) && !haveColumns) {
            readColumns();
            haveColumns = true;
        } else if (m_cursor.isElement(names::kMirroringNs, names::kRows)) {
            if (haveRows)
                throw m_cursor.error(u"%1 has a second Rows element"_s.arg(batchPosition()));
            if (!haveTable || !haveColumns) {
                // Rows stream out as they are read, so the sink needs the batch's table and
                // columns first.
                throw m_cursor.error(
                    u"%1: TableName and Columns must come before Rows"_s.arg(batchPosition()));
            }
            haveRows = true;
            m_sink.beginBatch(m_tableName, m_columns);
            readRows();
        } else if (m_cursor.isElement(names::kMirroringNs, names::kLsn) && !haveLsn) {
            lsn = soapfields::readNillableInt64(m_cursor, names::kLsn, m_scratch);
            haveLsn = true;
        } else {
            m_cursor.skipElement();
        }
    }
    const auto requireElement = [&](bool have, QLatin1StringView name) {
        if (!have) {
            throw m_cursor.error(u"%1 lacks its required element %2"_s.arg(batchPosition(), name));
        }
    };
    requireElement(haveTable, names::kTableName);
    requireElement(haveColumns, names::kColumns);
    requireElement(haveRows, names::kRows);
    requireElement(haveLsn, names::kLsn);
    m_sink.endBatch(lsn);
}

void RowDataBodyReader::readColumns()
{
    while (m_cursor.nextChildElement()) {
        if (m_cursor.isElement(names::kMirroringNs, names::kColumn))
            m_columns.append(m_cursor.readText());
        else
            m_cursor.skipElement();
    }
    if (m_utf8) {
        m_utf8Values.resize(m_columns.size());
        m_utf8Storage.resize(m_columns.size());
    } else
        m_values.resize(m_columns.size());
}

void RowDataBodyReader::readRows()
{
    while (m_cursor.nextChildElement()) {
        if (m_cursor.isElement(names::kMirroringNs, names::kRow))
            readRow();
        else
            m_cursor.skipElement();
    }
}

void RowDataBodyReader::readRow()
{
    ++m_rowNumber;
    std::optional<RowOperation> operation;
    bool haveLsn = false;
    std::optional<qint64> lsn;
    bool haveValues = false;
    while (m_cursor.nextChildElement()) {
        if (m_cursor.isElement(names::kMirroringNs, names::kOperation) && !operation) {
            m_cursor.readText(m_scratch);
            operation = rowOperationFromName(QStringView(m_scratch).trimmed());
            if (!operation) {
                throw m_cursor.error(
                    u"%1: Operation must be Insert, Update or Delete, not '%2'"_s.arg(
                        rowPosition(), m_scratch.left(40)));
            }
        } else if (m_cursor.isElement(names::kMirroringNs, names::kLsn) && !haveLsn) {
            haveLsn = true;
            if (m_cursor.isNil()) {
                m_cursor.skipElement();
                continue;
            }
            m_cursor.readText(m_scratch);
            lsn = soapvalues::parseInt64(m_scratch);
            if (!lsn) {
                throw m_cursor.error(u"%1: Lsn must be a 64-bit integer, not '%2'"_s.arg(
                    rowPosition(), m_scratch.left(40)));
            }
        } else if (m_cursor.isElement(names::kMirroringNs, names::kValues) && !haveValues) {
            haveValues = true;
            const qsizetype count = readValues();
            if (count != m_columns.size()) {
                throw m_cursor.error(u"%1 has %2 values for %3 columns"_s.arg(
                    rowPosition(), QString::number(count), QString::number(m_columns.size())));
            }
        } else {
            m_cursor.skipElement();
        }
    }
    const auto requireElement = [&](bool have, QLatin1StringView name) {
        if (!have)
            throw m_cursor.error(u"%1 lacks its required element %2"_s.arg(rowPosition(), name));
    };
    requireElement(operation.has_value(), names::kOperation);
    requireElement(haveLsn, names::kLsn);
    requireElement(haveValues, names::kValues);
    if (m_utf8)
        m_sink.rowUtf8(*operation, lsn, m_utf8Values);
    else
        m_sink.row(*operation, lsn, m_values);
}

qsizetype RowDataBodyReader::readValues()
{
    qsizetype count = 0;
    while (m_cursor.nextChildElement()) {
        if (!m_cursor.isElement(names::kMirroringNs, names::kValue)) {
            m_cursor.skipElement();
            continue;
        }
        if (count == m_columns.size()) {
            throw m_cursor.error(u"%1 has more values than its %2 columns"_s.arg(
                rowPosition(), QString::number(m_columns.size())));
        }
        if (m_utf8)
            readValue(m_utf8Values[count], m_utf8Storage[count]);
        else
            readValue(m_values[count]);
        ++count;
    }
    return count;
}

bool RowDataBodyReader::isBase64()
{
    const QStringView encoding = m_cursor.attribute(names::kEncoding);
    if (encoding.isEmpty())
        return false;
    if (encoding != names::kEncodingBase64) {
        throw m_cursor.error(
            u"%1: unknown value encoding '%2'"_s.arg(rowPosition(), encoding.left(40)));
    }
    return true;
}

void RowDataBodyReader::readValue(CellValue &cell)
{
    if (m_cursor.isNil()) {
        cell.isNull = true;
        cell.text.resize(0);
        m_cursor.skipElement();
        return;
    }
    cell.isNull = false;
    if (!isBase64()) {
        m_cursor.readText(cell.text);
        return;
    }
    m_cursor.readText(m_scratch);
    if (!soapvalues::decodeBase64Utf8(m_scratch, cell.text))
        throw m_cursor.error(base64Refusal());
}

void RowDataBodyReader::readValue(Utf8CellValue &cell, QByteArray &storage)
{
    // The cell views its bytes (the sink's reference is valid for its call only): most values
    // are read from the document as they are, the others from this column's storage.
    if (m_cursor.isNil()) {
        cell.isNull = true;
        cell.utf8 = QByteArray::fromRawData("", 0);
        m_cursor.skipElement();
        return;
    }
    cell.isNull = false;
    if (!isBase64()) {
        const QByteArrayView text = m_cursor.readTextUtf8View(storage);
        cell.utf8 = QByteArray::fromRawData(text.data(), text.size());
        return;
    }
    const QByteArrayView base64 = m_cursor.readTextUtf8View(m_utf8Scratch);
    if (!soapvalues::decodeBase64Utf8(base64, storage, m_scratch))
        throw m_cursor.error(base64Refusal());
    cell.utf8 = QByteArray::fromRawData(storage.constData(), storage.size());
}

QString RowDataBodyReader::base64Refusal() const
{
    return u"%1: a value marked enc=\"base64\" is not valid base64 of UTF-8 text"_s.arg(
        rowPosition());
}

} // namespace ms
