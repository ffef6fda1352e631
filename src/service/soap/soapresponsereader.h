#pragma once

#include "service/common/protocoltypes.h"

#include <QByteArrayView>

// The endpoint's responses, read on the simulator side. Each throws ms::Error(Client) on
// malformed XML or a missing element, and ms::SoapFaultError when the body is a SOAP Fault.
// Pure functions, any thread.
namespace ms {

AuthenticateResponse readAuthenticateResponse(QByteArrayView body);
TableSchemaResponse readTableSchemaResponse(QByteArrayView body);
StatusResponse readWipeResponse(QByteArrayView body);
RowDataResponse readRowDataResponse(QByteArrayView body);
StatusResponse readReplicationCompletedResponse(QByteArrayView body);

} // namespace ms
