#include "soaprequestwriter.h"

#include "rowdatarequestwriter.h"
#include "soapnames.h"
#include "soapxmlwriter.h"

namespace ms {

namespace names = soapnames;

QByteArray writeAuthenticateRequest(const QString &signedToken, const AuthenticateRequest &request)
{
    SoapXmlWriter writer;
    writer.beginEnvelope(&signedToken);
    writer.beginMessage(names::requestElement(SoapOperation::Authenticate));
    writer.textElement(names::kClientState, request.clientState);
    return writer.finish();
}

QByteArray writeTableSchemaRequest(const QString &signedToken, const TableSchemaRequest &request)
{
    SoapXmlWriter writer;
    writer.beginEnvelope(&signedToken);
    writer.beginMessage(names::requestElement(SoapOperation::TableSchema), /*withXsi=*/true);
    writer.textElement(names::kClientState, request.clientState);
    writer.beginElement(names::kTables);
    for (const TableSchema &table : request.tables) {
        writer.beginElement(names::kTableSchema);
        writer.textElement(names::kTableName, table.tableName);
        writer.beginElement(names::kColumns);
        for (const ColumnSchema &column : table.columns) {
            writer.beginElement(names::kColumnSchema);
            writer.textElement(names::kName, column.name);
            writer.textElement(names::kDataType, column.dataType);
            writer.booleanElement(names::kIsNullable, column.isNullable);
            if (column.defaultValue)
                writer.textElement(names::kDefaultValue, *column.defaultValue);
            else
                writer.nilElement(names::kDefaultValue);
            writer.endElement();
        }
        writer.endElement();
        writer.beginElement(names::kPrimaryKey);
        for (const QString &column : table.primaryKey)
            writer.textElement(names::kColumn, column);
        writer.endElement();
        writer.endElement();
    }
    writer.endElement();
    return writer.finish();
}

QByteArray writeWipeRequest(const QString &signedToken, const WipeRequest &request)
{
    SoapXmlWriter writer;
    writer.beginEnvelope(&signedToken);
    writer.beginMessage(names::requestElement(SoapOperation::Wipe));
    writer.textElement(names::kClientState, request.clientState);
    writer.textElement(names::kTableName, request.tableName);
    return writer.finish();
}

QByteArray writeRowDataRequest(const QString &signedToken, const RowDataRequest &request)
{
    RowDataRequestWriter writer(signedToken, request.clientState);
    for (const RowBatch &batch : request.batches) {
        writer.beginBatch(batch.tableName, batch.columns);
        for (const RowBatch::Row &row : batch.rows)
            writer.row(row.operation, row.lsn, row.values);
        writer.endBatch(batch.lsn);
    }
    return writer.finish();
}

QByteArray writeReplicationCompletedRequest(const QString &signedToken,
                                            const ReplicationCompletedRequest &request)
{
    SoapXmlWriter writer;
    writer.beginEnvelope(&signedToken);
    writer.beginMessage(names::requestElement(SoapOperation::ReplicationCompleted));
    writer.textElement(names::kClientState, request.clientState);
    writer.beginElement(names::kSummary);
    for (const TableCounts &table : request.summary) {
        writer.beginElement(names::kTableSummary);
        writer.textElement(names::kTableName, table.tableName);
        writer.int64Element(names::kInserted, table.inserted);
        writer.int64Element(names::kUpdated, table.updated);
        writer.int64Element(names::kDeleted, table.deleted);
        writer.endElement();
    }
    writer.endElement();
    return writer.finish();
}

} // namespace ms
