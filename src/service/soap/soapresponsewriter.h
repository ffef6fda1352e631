#pragma once

#include "service/common/protocoltypes.h"

#include <QByteArray>

// The endpoint's responses as SOAP 1.1 envelopes (PROTOCOL.md). Pure functions, any thread.
namespace ms {

QByteArray writeAuthenticateResponse(const AuthenticateResponse &response);
QByteArray writeTableSchemaResponse(const TableSchemaResponse &response);
QByteArray writeWipeResponse(const StatusResponse &response);
QByteArray writeRowDataResponse(const RowDataResponse &response);
QByteArray writeReplicationCompletedResponse(const StatusResponse &response);
/// A SOAP 1.1 Fault, faultcode s:Client or s:Server, faultstring the reason.
QByteArray writeFault(const SoapFault &fault);

} // namespace ms
