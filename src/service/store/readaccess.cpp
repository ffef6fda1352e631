#include "readaccess.h"

#include <QSqlDatabase>

namespace ms {

void configureServerConnection(QSqlDatabase &db, const ReadAccess &access)
{
    db.setDatabaseName(access.databaseName);
    db.setHostName(access.host);
    if (access.port > 0)
        db.setPort(access.port);
    db.setUserName(access.user);
    db.setPassword(access.password);
    db.setConnectOptions(access.connectOptions);
}

} // namespace ms
