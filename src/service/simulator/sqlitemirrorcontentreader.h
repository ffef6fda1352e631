#pragma once

#include "mirrorcontentreader.h"
#include "simsqlite.h"

#include <optional>

namespace ms {

/// A SQLite mirror file read through the sqlite3 API, so that every value keeps its storage
/// class and bytes (QtSql would convert). Every column is compared Exact. Opens the file on
/// first use and never creates it.
class SqliteMirrorContentReader final : public MirrorContentReader
{
public:
    SqliteMirrorContentReader(QString path, const QString &tenant);

    QString missingReason() override;
    QString metadataTable() const override { return m_metadataTable; }
    bool tableExists(const QString &table) override;
    QHash<QString, qint64> recordedLsns() override;
    QList<MirrorColumn> columns(const QString &table) override;
    void forEachRow(const QString &table, const QList<MirrorColumn> &columns,
                    const std::function<void(QList<QVariant> &&)> &visit) override;

private:
    sim::SqliteConnection &mirror();

    QString m_path;
    QString m_metadataTable;
    std::optional<sim::SqliteConnection> m_mirror;
};

} // namespace ms
