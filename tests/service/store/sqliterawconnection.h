#pragma once

#include "rawconnection.h"

#include <sqlite3.h>

namespace storetest {

/// A plain sqlite3 connection to a mirror file (created when writable and missing), the way the
/// sqlite3 shell would open it. Texts are read as UTF-8 with their full byte length.
class SqliteRawConnection final : public RawConnection
{
public:
    explicit SqliteRawConnection(const QString &path, bool writable = true);
    ~SqliteRawConnection() override;

    bool exec(const QString &sql) override;
    Rows query(const QString &sql) override;
    QList<ColumnInfo> columnInfo(const QString &tableName) override;
    QStringList tableNames() override;
    QString dump() override;

private:
    sqlite3 *m_db = nullptr;
};

} // namespace storetest
