#pragma once

#include "service/common/protocoltypes.h"

#include <QLatin1StringView>

// Every namespace and element name of the wire format (PROTOCOL.md), in one place so that
// adjusting to the official WSDL is a change to this file only. Safe from any thread.
namespace ms::soapnames {

using L1 = QLatin1StringView;

inline constexpr L1 kSoapEnvNs("http://schemas.xmlsoap.org/soap/envelope/");
inline constexpr L1 kMirroringNs("http://www.superoffice.com/online/mirroring/0.1");
inline constexpr L1 kXsiNs("http://www.w3.org/2001/XMLSchema-instance");
/// SOAPAction = prefix + operation name (PROTOCOL.md, Transport).
inline constexpr L1
    kSoapActionPrefix("http://www.superoffice.com/online/mirroring/0.1/IMirroringClientService/");

// Prefixes we write; readers never look at prefixes.
inline constexpr L1 kSoapEnvPrefix("s");
inline constexpr L1 kXsiPrefix("xsi");

// SOAP 1.1 envelope (kSoapEnvNs) and its unqualified fault children.
inline constexpr L1 kEnvelope("Envelope");
inline constexpr L1 kHeader("Header");
inline constexpr L1 kBody("Body");
inline constexpr L1 kFault("Fault");
inline constexpr L1 kMustUnderstand("mustUnderstand");
inline constexpr L1 kFaultCode("faultcode");
inline constexpr L1 kFaultString("faultstring");
inline constexpr L1 kFaultCodeClient("Client");
inline constexpr L1 kFaultCodeServer("Server");

// xsi:nil
inline constexpr L1 kNil("nil");

// Message elements (kMirroringNs).
inline constexpr L1 kSignedToken("SignedToken");
inline constexpr L1 kClientState("ClientState");
inline constexpr L1 kIsSuccessful("IsSuccessful");
inline constexpr L1 kErrorMessage("ErrorMessage");
inline constexpr L1 kSignedApplicationToken("SignedApplicationToken");
inline constexpr L1 kSupportedInterfaces("SupportedInterfaces");
inline constexpr L1 kSuperOfficeMirroringBuild("SuperOfficeMirroringBuild");
inline constexpr L1 kAdditionalInformationJson("AdditionalInformationJson");
inline constexpr L1 kTables("Tables");
inline constexpr L1 kTableSchema("TableSchema");
inline constexpr L1 kTableName("TableName");
inline constexpr L1 kColumns("Columns");
inline constexpr L1 kColumnSchema("ColumnSchema");
inline constexpr L1 kName("Name");
inline constexpr L1 kDataType("DataType");
inline constexpr L1 kIsNullable("IsNullable");
inline constexpr L1 kDefaultValue("DefaultValue");
inline constexpr L1 kPrimaryKey("PrimaryKey");
inline constexpr L1 kColumn("Column");
inline constexpr L1 kTableState("TableState");
inline constexpr L1 kLsn("Lsn");
inline constexpr L1 kSchemaChange("SchemaChange");
inline constexpr L1 kBatches("Batches");
inline constexpr L1 kRowBatch("RowBatch");
inline constexpr L1 kRows("Rows");
inline constexpr L1 kRow("Row");
inline constexpr L1 kOperation("Operation");
inline constexpr L1 kValues("Values");
inline constexpr L1 kValue("V");
inline constexpr L1 kInserted("Inserted");
inline constexpr L1 kUpdated("Updated");
inline constexpr L1 kDeleted("Deleted");
inline constexpr L1 kSummary("Summary");
inline constexpr L1 kTableSummary("TableSummary");

/// Unqualified attribute on <V>: enc="base64" carries a string XML 1.0 cannot.
inline constexpr L1 kEncoding("enc");
inline constexpr L1 kEncodingBase64("base64");

constexpr L1 requestElement(SoapOperation op)
{
    switch (op) {
    case SoapOperation::Authenticate:
        return L1("AuthenticateRequest");
    case SoapOperation::TableSchema:
        return L1("TableSchemaRequest");
    case SoapOperation::Wipe:
        return L1("WipeRequest");
    case SoapOperation::RowData:
        return L1("RowDataRequest");
    case SoapOperation::ReplicationCompleted:
        return L1("ReplicationCompletedRequest");
    }
    return {};
}

constexpr L1 responseElement(SoapOperation op)
{
    switch (op) {
    case SoapOperation::Authenticate:
        return L1("AuthenticateResponse");
    case SoapOperation::TableSchema:
        return L1("TableSchemaResponse");
    case SoapOperation::Wipe:
        return L1("WipeResponse");
    case SoapOperation::RowData:
        return L1("RowDataResponse");
    case SoapOperation::ReplicationCompleted:
        return L1("ReplicationCompletedResponse");
    }
    return {};
}

inline constexpr SoapOperation kAllOperations[] = {
    SoapOperation::Authenticate, SoapOperation::TableSchema, SoapOperation::Wipe,
    SoapOperation::RowData, SoapOperation::ReplicationCompleted};

/// The operation whose request element has this local name (in kMirroringNs).
inline std::optional<SoapOperation> operationFromRequestElement(QStringView localName)
{
    for (SoapOperation op : kAllOperations) {
        if (localName == requestElement(op))
            return op;
    }
    return std::nullopt;
}

/// The SOAPAction's operation part (after kSoapActionPrefix).
constexpr L1 actionName(SoapOperation op)
{
    switch (op) {
    case SoapOperation::Authenticate:
        return L1("Authenticate");
    case SoapOperation::TableSchema:
        return L1("TableSchema");
    case SoapOperation::Wipe:
        return L1("Wipe");
    case SoapOperation::RowData:
        return L1("RowData");
    case SoapOperation::ReplicationCompleted:
        return L1("ReplicationCompleted");
    }
    return {};
}

} // namespace ms::soapnames
