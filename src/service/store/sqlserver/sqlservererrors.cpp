#include "sqlservererrors.h"

#include <QSqlError>
#include <QStringList>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
// The native SQL Server error numbers (or SQLSTATEs) QODBC reports, ';' separated when the
// driver gave several diagnostic records.
QStringList errorCodes(const QSqlError &error)
{
    QStringList codes = error.nativeErrorCode().split(u';', Qt::SkipEmptyParts);
    for (QString &code : codes)
        code = code.trimmed();
    return codes;
}
} // namespace

Error::Kind classifySqlServerError(const QSqlError &error)
{
    // SQL Server error numbers that are the request's fault: 515 NULL into NOT NULL, 2601/2627
    // duplicate key, 547 constraint, 8152/2628 string or binary data truncated, 220/232/8115
    // arithmetic overflow, 8114/245/8169/241/242/295/296/298 a value that does not convert,
    // 8672 one key twice in a MERGE.
    static const QStringList clientNumbers = {u"515"_s,  u"2601"_s, u"2627"_s, u"547"_s,  u"8152"_s,
                                              u"2628"_s, u"220"_s,  u"232"_s,  u"8115"_s, u"8114"_s,
                                              u"245"_s,  u"8169"_s, u"241"_s,  u"242"_s,  u"295"_s,
                                              u"296"_s,  u"298"_s,  u"8672"_s};
    const QStringList codes = errorCodes(error);
    const bool requestAtFault = std::any_of(codes.begin(), codes.end(), [](const QString &code) {
        return clientNumbers.contains(code);
    });
    return requestAtFault ? Error::Kind::Client : Error::Kind::Server;
}

bool isSqlServerConnectionFailure(const QSqlError &error)
{
    // FreeTDS's own numbers: 20002 connection failed, 20003 timeout, 20004 read failed,
    // 20006 write failed, 20009 unable to connect, 20017 unexpected EOF; SQLSTATE class 08.
    static const QStringList connectionNumbers = {u"20002"_s, u"20003"_s, u"20004"_s,
                                                  u"20006"_s, u"20009"_s, u"20017"_s};
    if (error.type() == QSqlError::ConnectionError)
        return true;
    const QStringList codes = errorCodes(error);
    if (codes.isEmpty())
        return true; // the server reports every error with a number; none: no server
    for (const QString &code : codes) {
        if (connectionNumbers.contains(code) || code.startsWith(u"08"_s))
            return true;
    }
    return false;
}

} // namespace ms
