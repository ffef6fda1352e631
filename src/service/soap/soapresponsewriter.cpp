#include "soapresponsewriter.h"

#include "soapnames.h"
#include "soapxmlwriter.h"

namespace ms {

namespace names = soapnames;

namespace {
QByteArray writeStatusResponse(SoapOperation op, const StatusResponse &response)
{
    SoapXmlWriter writer;
    writer.beginEnvelope();
    writer.beginMessage(names::responseElement(op));
    writer.booleanElement(names::kIsSuccessful, response.isSuccessful);
    writer.textElement(names::kErrorMessage, response.errorMessage);
    writer.textElement(names::kClientState, response.clientState);
    return writer.finish();
}
} // namespace

QByteArray writeAuthenticateResponse(const AuthenticateResponse &response)
{
    SoapXmlWriter writer;
    writer.beginEnvelope();
    writer.beginMessage(names::responseElement(SoapOperation::Authenticate));
    writer.booleanElement(names::kIsSuccessful, response.isSuccessful);
    writer.textElement(names::kErrorMessage, response.errorMessage);
    writer.textElement(names::kSignedApplicationToken, response.signedApplicationToken);
    writer.int64Element(names::kSupportedInterfaces, response.supportedInterfaces);
    writer.textElement(names::kSuperOfficeMirroringBuild, response.superOfficeMirroringBuild);
    writer.textElement(names::kClientState, response.clientState);
    writer.textElement(names::kAdditionalInformationJson, response.additionalInformationJson);
    return writer.finish();
}

QByteArray writeTableSchemaResponse(const TableSchemaResponse &response)
{
    SoapXmlWriter writer;
    writer.beginEnvelope();
    writer.beginMessage(names::responseElement(SoapOperation::TableSchema));
    writer.beginElement(names::kTables);
    for (const TableState &table : response.tables) {
        writer.beginElement(names::kTableState);
        writer.textElement(names::kTableName, table.tableName);
        writer.int64Element(names::kLsn, table.lsn);
        writer.textElement(names::kSchemaChange, schemaChangeName(table.schemaChange));
        writer.endElement();
    }
    writer.endElement();
    writer.textElement(names::kClientState, response.clientState);
    return writer.finish();
}

QByteArray writeWipeResponse(const StatusResponse &response)
{
    return writeStatusResponse(SoapOperation::Wipe, response);
}

QByteArray writeRowDataResponse(const RowDataResponse &response)
{
    SoapXmlWriter writer;
    writer.beginEnvelope();
    writer.beginMessage(names::responseElement(SoapOperation::RowData));
    writer.beginElement(names::kTables);
    for (const TableCounts &table : response.tables) {
        writer.beginElement(names::kTableState);
        writer.textElement(names::kTableName, table.tableName);
        writer.int64Element(names::kLsn, table.lsn);
        writer.int64Element(names::kInserted, table.inserted);
        writer.int64Element(names::kUpdated, table.updated);
        writer.int64Element(names::kDeleted, table.deleted);
        writer.endElement();
    }
    writer.endElement();
    writer.textElement(names::kClientState, response.clientState);
    return writer.finish();
}

QByteArray writeReplicationCompletedResponse(const StatusResponse &response)
{
    return writeStatusResponse(SoapOperation::ReplicationCompleted, response);
}

QByteArray writeFault(const SoapFault &fault)
{
    SoapXmlWriter writer;
    writer.beginEnvelope();
    writer.fault(fault);
    return writer.finish();
}

} // namespace ms
