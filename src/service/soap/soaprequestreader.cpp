#include "soaprequestreader.h"

#include "rowdatabodyreader.h"
#include "soapenvelope.h"
#include "soapfields.h"
#include "soapnames.h"
#include "xmlcursor.h"

#include <stdexcept>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace names = soapnames;
using soapfields::missingElement;

SoapRequestReader::SoapRequestReader(QByteArrayView body)
    : m_cursor(std::make_unique<XmlCursor>(body))
{}

SoapRequestReader::~SoapRequestReader() = default;

void SoapRequestReader::readEnvelopeStart()
{
    if (m_state != State::Fresh)
        throw std::logic_error("SoapRequestReader::readEnvelopeStart called twice");
    enterSoapBody(*m_cursor, &m_signedToken);
    const auto op = m_cursor->namespaceUri() == names::kMirroringNs
                        ? names::operationFromRequestElement(m_cursor->localName())
                        : std::nullopt;
    if (!op) {
        throw m_cursor->error(u"the SOAP Body holds %1, which is not a request this endpoint "
                              "knows"_s.arg(m_cursor->elementDisplayName()));
    }
    m_operation = *op;
    m_state = State::InBody;
}

void SoapRequestReader::checkWellFormedSoFar() const
{
    m_cursor->checkWellFormedSoFar();
}

void SoapRequestReader::expect(SoapOperation op)
{
    if (m_state != State::InBody || m_operation != op)
        throw std::logic_error("SoapRequestReader: read*() does not match the request");
    m_state = State::Done;
}

void SoapRequestReader::finish()
{
    leaveSoapBody(*m_cursor);
}

AuthenticateRequest SoapRequestReader::readAuthenticate()
{
    expect(SoapOperation::Authenticate);
    AuthenticateRequest request;
    while (m_cursor->nextChildElement()) {
        if (m_cursor->isElement(names::kMirroringNs, names::kClientState))
            request.clientState = soapfields::readString(*m_cursor);
        else
            m_cursor->skipElement();
    }
    finish();
    return request;
}

namespace {
ColumnSchema readColumnSchema(XmlCursor &cursor)
{
    ColumnSchema column;
    bool haveName = false, haveType = false, haveNullable = false, haveDefault = false;
    while (cursor.nextChildElement()) {
        if (cursor.isElement(names::kMirroringNs, names::kName)) {
            column.name = cursor.readText();
            haveName = true;
        } else if (cursor.isElement(names::kMirroringNs, names::kDataType)) {
            column.dataType = cursor.readText();
            haveType = true;
        } else if (cursor.isElement(names::kMirroringNs, names::kIsNullable)) {
            column.isNullable = soapfields::readBoolean(cursor, names::kIsNullable);
            haveNullable = true;
        } else if (cursor.isElement(names::kMirroringNs, names::kDefaultValue)) {
            column.defaultValue = soapfields::readNillableString(cursor);
            haveDefault = true;
        } else {
            cursor.skipElement();
        }
    }
    const QString parent = u"ColumnSchema '%1'"_s.arg(column.name);
    const auto require = [&](bool have, QLatin1StringView name) {
        if (!have)
            throw cursor.error(u"%1 lacks its required element %2"_s.arg(parent, name));
    };
    require(haveName, names::kName);
    require(haveType, names::kDataType);
    require(haveNullable, names::kIsNullable);
    require(haveDefault, names::kDefaultValue);
    return column;
}

QStringList readPrimaryKey(XmlCursor &cursor)
{
    QStringList key;
    while (cursor.nextChildElement()) {
        if (cursor.isElement(names::kMirroringNs, names::kColumn))
            key.append(cursor.readText());
        else
            cursor.skipElement();
    }
    return key;
}

TableSchema readTableSchemaElement(XmlCursor &cursor)
{
    TableSchema table;
    bool haveName = false, haveColumns = false, haveKey = false;
    while (cursor.nextChildElement()) {
        if (cursor.isElement(names::kMirroringNs, names::kTableName)) {
            table.tableName = cursor.readText();
            haveName = true;
        } else if (cursor.isElement(names::kMirroringNs, names::kColumns)) {
            haveColumns = true;
            while (cursor.nextChildElement()) {
                if (cursor.isElement(names::kMirroringNs, names::kColumnSchema))
                    table.columns.append(readColumnSchema(cursor));
                else
                    cursor.skipElement();
            }
        } else if (cursor.isElement(names::kMirroringNs, names::kPrimaryKey)) {
            table.primaryKey = readPrimaryKey(cursor);
            haveKey = true;
        } else {
            cursor.skipElement();
        }
    }
    const QString parent = u"TableSchema '%1'"_s.arg(table.tableName);
    const auto require = [&](bool have, QLatin1StringView name) {
        if (!have)
            throw cursor.error(u"%1 lacks its required element %2"_s.arg(parent, name));
    };
    require(haveName, names::kTableName);
    require(haveColumns, names::kColumns);
    // A missing PrimaryKey is refused here; an empty one is the store's to refuse (s:Client).
    require(haveKey, names::kPrimaryKey);
    return table;
}

TableCounts readTableSummary(XmlCursor &cursor)
{
    TableCounts counts;
    bool haveName = false, haveInserted = false, haveUpdated = false, haveDeleted = false;
    while (cursor.nextChildElement()) {
        if (cursor.isElement(names::kMirroringNs, names::kTableName)) {
            counts.tableName = cursor.readText();
            haveName = true;
        } else if (cursor.isElement(names::kMirroringNs, names::kInserted)) {
            counts.inserted = soapfields::readInt64(cursor, names::kInserted);
            haveInserted = true;
        } else if (cursor.isElement(names::kMirroringNs, names::kUpdated)) {
            counts.updated = soapfields::readInt64(cursor, names::kUpdated);
            haveUpdated = true;
        } else if (cursor.isElement(names::kMirroringNs, names::kDeleted)) {
            counts.deleted = soapfields::readInt64(cursor, names::kDeleted);
            haveDeleted = true;
        } else {
            cursor.skipElement();
        }
    }
    for (const auto &[have, name] :
         {std::pair{haveName, names::kTableName}, std::pair{haveInserted, names::kInserted},
          std::pair{haveUpdated, names::kUpdated}, std::pair{haveDeleted, names::kDeleted}}) {
        if (!have)
            throw missingElement(cursor, name, names::kTableSummary);
    }
    return counts;
}
} // namespace

TableSchemaRequest SoapRequestReader::readTableSchema()
{
    expect(SoapOperation::TableSchema);
    TableSchemaRequest request;
    bool haveTables = false;
    while (m_cursor->nextChildElement()) {
        if (m_cursor->isElement(names::kMirroringNs, names::kClientState)) {
            request.clientState = soapfields::readString(*m_cursor);
        } else if (m_cursor->isElement(names::kMirroringNs, names::kTables)) {
            haveTables = true;
            while (m_cursor->nextChildElement()) {
                if (m_cursor->isElement(names::kMirroringNs, names::kTableSchema))
                    request.tables.append(readTableSchemaElement(*m_cursor));
                else
                    m_cursor->skipElement();
            }
        } else {
            m_cursor->skipElement();
        }
    }
    if (!haveTables) {
        throw missingElement(*m_cursor, names::kTables,
                             names::requestElement(SoapOperation::TableSchema));
    }
    finish();
    return request;
}

WipeRequest SoapRequestReader::readWipe()
{
    expect(SoapOperation::Wipe);
    WipeRequest request;
    bool haveName = false;
    while (m_cursor->nextChildElement()) {
        if (m_cursor->isElement(names::kMirroringNs, names::kClientState)) {
            request.clientState = soapfields::readString(*m_cursor);
        } else if (m_cursor->isElement(names::kMirroringNs, names::kTableName)) {
            request.tableName = m_cursor->readText();
            haveName = true;
        } else {
            m_cursor->skipElement();
        }
    }
    if (!haveName)
        throw missingElement(*m_cursor, names::kTableName,
                             names::requestElement(SoapOperation::Wipe));
    finish();
    return request;
}

RowDataRequestHead SoapRequestReader::readRowData(RowDataSink &sink)
{
    expect(SoapOperation::RowData);
    RowDataBodyReader reader(*m_cursor, sink);
    RowDataRequestHead head = reader.read();
    finish();
    return head;
}

ReplicationCompletedRequest SoapRequestReader::readReplicationCompleted()
{
    expect(SoapOperation::ReplicationCompleted);
    ReplicationCompletedRequest request;
    bool haveSummary = false;
    while (m_cursor->nextChildElement()) {
        if (m_cursor->isElement(names::kMirroringNs, names::kClientState)) {
            request.clientState = soapfields::readString(*m_cursor);
        } else if (m_cursor->isElement(names::kMirroringNs, names::kSummary)) {
            haveSummary = true;
            while (m_cursor->nextChildElement()) {
                if (m_cursor->isElement(names::kMirroringNs, names::kTableSummary))
                    request.summary.append(readTableSummary(*m_cursor));
                else
                    m_cursor->skipElement();
            }
        } else {
            m_cursor->skipElement();
        }
    }
    if (!haveSummary) {
        throw missingElement(*m_cursor, names::kSummary,
                             names::requestElement(SoapOperation::ReplicationCompleted));
    }
    finish();
    return request;
}

} // namespace ms
