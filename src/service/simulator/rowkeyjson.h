#pragma once

#include "simsqlite.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace ms {

/// The key JSON of a row being scanned: the text json_array(<key columns>) gives, which is how
/// the change-log triggers name a row (SourceDatabase). A key of integers is written here
/// ("[12]", "[3,4]": json_array writes an integer as its decimal text); any other key is
/// handed to SQLite's json_array on its values, so the text is always SQLite's own. Computing
/// json_array in the scan cost about 1,500 instructions per row (issue #8). One thread.
class RowKeyJson final
{
public:
    /// keyColumns: the key's columns in the scanned statement, in key order.
    RowKeyJson(sim::SqliteConnection &db, QList<int> keyColumns);

    /// The key JSON of the statement's current row; valid until the next call.
    QByteArrayView of(const sim::SqliteStatement &row);

private:
    QByteArrayView throughSqlite(const sim::SqliteStatement &row);

    sim::SqliteConnection &m_db;
    const QList<int> m_keyColumns;
    QByteArray m_text;
    std::optional<sim::SqliteStatement> m_jsonArray; // prepared on first use
};

} // namespace ms
