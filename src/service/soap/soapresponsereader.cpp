#include "soapresponsereader.h"

#include "soapenvelope.h"
#include "soapfaulterror.h"
#include "soapfields.h"
#include "soapnames.h"
#include "xmlcursor.h"

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace names = soapnames;

namespace {

struct Field
{
    QLatin1StringView name;
    std::function<void()> read; // consumes the element at the cursor
    bool seen = false;
};

/// Reads the children of the element at the cursor into fields (all required, unknown ones
/// skipped), then checks each was present.
void readFields(XmlCursor &cursor, QLatin1StringView parent, std::initializer_list<Field> list)
{
    std::vector<Field> fields(list);
    while (cursor.nextChildElement()) {
        auto it = std::find_if(fields.begin(), fields.end(), [&](const Field &f) {
            return !f.seen && cursor.isElement(names::kMirroringNs, f.name);
        });
        if (it == fields.end()) {
            cursor.skipElement();
            continue;
        }
        it->read();
        it->seen = true;
    }
    for (const Field &field : fields) {
        if (!field.seen)
            throw soapfields::missingElement(cursor, field.name, parent);
    }
}

[[noreturn]] void throwFault(XmlCursor &cursor)
{
    SoapFault fault;
    bool haveCode = false;
    while (cursor.nextChildElement()) {
        // faultcode and faultstring are unqualified; their namespace is not checked so that a
        // peer that qualifies them is still understood.
        if (cursor.localName() == names::kFaultCode) {
            const QString code = cursor.readText().trimmed();
            // A QName such as "s:Client" or "s:Client.Authentication"; the prefix is the
            // envelope's by SOAP 1.1, so only the local part is looked at.
            const QStringView local = QStringView(code).sliced(code.indexOf(u':') + 1);
            fault.code = local.startsWith(names::kFaultCodeClient) ? SoapFault::Code::Client
                                                                   : SoapFault::Code::Server;
            haveCode = true;
        } else if (cursor.localName() == names::kFaultString) {
            fault.reason = cursor.readText();
        } else {
            cursor.skipElement();
        }
    }
    if (!haveCode)
        throw soapfields::missingElement(cursor, names::kFaultCode, names::kFault);
    throw SoapFaultError(std::move(fault));
}

/// Enters the Body and checks it holds op's response (or throws the fault it holds).
void enterResponse(XmlCursor &cursor, SoapOperation op)
{
    enterSoapBody(cursor, nullptr);
    if (cursor.isElement(names::kSoapEnvNs, names::kFault))
        throwFault(cursor);
    if (!cursor.isElement(names::kMirroringNs, names::responseElement(op))) {
        throw cursor.error(u"the SOAP Body holds %1 where %2 was expected"_s.arg(
            cursor.elementDisplayName(), names::responseElement(op)));
    }
}

template <typename Item>
void readList(XmlCursor &cursor, QLatin1StringView itemName, QList<Item> &out,
              const std::function<Item(XmlCursor &)> &readItem)
{
    while (cursor.nextChildElement()) {
        if (cursor.isElement(names::kMirroringNs, itemName))
            out.append(readItem(cursor));
        else
            cursor.skipElement();
    }
}

StatusResponse readStatusResponse(QByteArrayView body, SoapOperation op)
{
    XmlCursor cursor(body);
    enterResponse(cursor, op);
    StatusResponse response;
    readFields(cursor, names::responseElement(op),
               {{names::kIsSuccessful,
                 [&] {
                     response.isSuccessful = soapfields::readBoolean(cursor, names::kIsSuccessful);
                 }},
                {names::kErrorMessage,
                 [&] {
                     response.errorMessage = soapfields::readString(cursor);
                 }},
                {names::kClientState, [&] {
                     response.clientState = soapfields::readString(cursor);
                 }}});
    leaveSoapBody(cursor);
    return response;
}

} // namespace

AuthenticateResponse readAuthenticateResponse(QByteArrayView body)
{
    XmlCursor cursor(body);
    enterResponse(cursor, SoapOperation::Authenticate);
    AuthenticateResponse r;
    auto text = [&](QString &out) {
        return [&cursor, &out] {
            out = soapfields::readString(cursor);
        };
    };
    readFields(cursor, names::responseElement(SoapOperation::Authenticate),
               {{names::kIsSuccessful,
                 [&] {
                     r.isSuccessful = soapfields::readBoolean(cursor, names::kIsSuccessful);
                 }},
                {names::kErrorMessage, text(r.errorMessage)},
                {names::kSignedApplicationToken, text(r.signedApplicationToken)},
                {names::kSupportedInterfaces,
                 [&] {
                     const qint64 value =
                         soapfields::readInt64(cursor, names::kSupportedInterfaces);
                     if (value < INT_MIN || value > INT_MAX)
                         throw cursor.error(u"SupportedInterfaces is out of range"_s);
                     r.supportedInterfaces = int(value);
                 }},
                {names::kSuperOfficeMirroringBuild, text(r.superOfficeMirroringBuild)},
                {names::kClientState, text(r.clientState)},
                {names::kAdditionalInformationJson, text(r.additionalInformationJson)}});
    leaveSoapBody(cursor);
    return r;
}

TableSchemaResponse readTableSchemaResponse(QByteArrayView body)
{
    XmlCursor cursor(body);
    enterResponse(cursor, SoapOperation::TableSchema);
    TableSchemaResponse response;
    const std::function<TableState(XmlCursor &)> readState = [](XmlCursor &c) {
        TableState state;
        readFields(c, names::kTableState,
                   {{names::kTableName,
                     [&] {
                         state.tableName = c.readText();
                     }},
                    {names::kLsn,
                     [&] {
                         state.lsn = soapfields::readInt64(c, names::kLsn);
                     }},
                    {names::kSchemaChange, [&] {
                         const QString text = c.readText();
                         const auto change = schemaChangeFromName(QStringView(text).trimmed());
                         if (!change)
                             throw c.error(u"unknown SchemaChange '%1'"_s.arg(text.left(40)));
                         state.schemaChange = *change;
                     }}});
        return state;
    };
    readFields(cursor, names::responseElement(SoapOperation::TableSchema),
               {{names::kTables,
                 [&] {
                     readList(cursor, names::kTableState, response.tables, readState);
                 }},
                {names::kClientState, [&] {
                     response.clientState = soapfields::readString(cursor);
                 }}});
    leaveSoapBody(cursor);
    return response;
}

StatusResponse readWipeResponse(QByteArrayView body)
{
    return readStatusResponse(body, SoapOperation::Wipe);
}

RowDataResponse readRowDataResponse(QByteArrayView body)
{
    XmlCursor cursor(body);
    enterResponse(cursor, SoapOperation::RowData);
    RowDataResponse response;
    const std::function<TableCounts(XmlCursor &)> readCounts = [](XmlCursor &c) {
        TableCounts counts;
        readFields(c, names::kTableState,
                   {{names::kTableName,
                     [&] {
                         counts.tableName = c.readText();
                     }},
                    {names::kLsn,
                     [&] {
                         counts.lsn = soapfields::readInt64(c, names::kLsn);
                     }},
                    {names::kInserted,
                     [&] {
                         counts.inserted = soapfields::readInt64(c, names::kInserted);
                     }},
                    {names::kUpdated,
                     [&] {
                         counts.updated = soapfields::readInt64(c, names::kUpdated);
                     }},
                    {names::kDeleted, [&] {
                         counts.deleted = soapfields::readInt64(c, names::kDeleted);
                     }}});
        return counts;
    };
    readFields(cursor, names::responseElement(SoapOperation::RowData),
               {{names::kTables,
                 [&] {
                     readList(cursor, names::kTableState, response.tables, readCounts);
                 }},
                {names::kClientState, [&] {
                     response.clientState = soapfields::readString(cursor);
                 }}});
    leaveSoapBody(cursor);
    return response;
}

StatusResponse readReplicationCompletedResponse(QByteArrayView body)
{
    return readStatusResponse(body, SoapOperation::ReplicationCompleted);
}

} // namespace ms
