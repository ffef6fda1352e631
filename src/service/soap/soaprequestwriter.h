#pragma once

#include "service/common/protocoltypes.h"

#include <QByteArray>

// The task's (simulator's) requests as SOAP 1.1 envelopes with the SignedToken header
// (PROTOCOL.md). For RowData bodies built batch by batch see RowDataRequestWriter.
// Pure functions, any thread.
namespace ms {

QByteArray writeAuthenticateRequest(const QString &signedToken, const AuthenticateRequest &request);
QByteArray writeTableSchemaRequest(const QString &signedToken, const TableSchemaRequest &request);
QByteArray writeWipeRequest(const QString &signedToken, const WipeRequest &request);
QByteArray writeRowDataRequest(const QString &signedToken, const RowDataRequest &request);
QByteArray writeReplicationCompletedRequest(const QString &signedToken,
                                            const ReplicationCompletedRequest &request);

} // namespace ms
