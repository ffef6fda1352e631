#pragma once

#include "service/common/error.h"

class QSqlError;

namespace ms {

/// How a QODBC error from SQL Server through FreeTDS reads, by its native error numbers.

/// Client for what is the request's fault (NOT NULL, duplicate key, a value too long, out of
/// range or not convertible), Server for everything else.
Error::Kind classifySqlServerError(const QSqlError &error);

/// Whether the server could not be reached or the connection broke (FreeTDS's 200xx numbers,
/// SQLSTATE 08, a connection error, or no number at all).
bool isSqlServerConnectionFailure(const QSqlError &error);

} // namespace ms
