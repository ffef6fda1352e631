#pragma once

// Shared by the store tests: schema and row builders, and (mirrorfixture.h) the backend under
// test with a raw connection of the test's own that reads and writes behind the store's back.
// Test thread only.

#include "service/common/error.h"
#include "service/common/protocoltypes.h"
#include "service/store/mirrorstore.h"

#include "cell.h"
#include "mirrorfixture.h"
#include "rawconnection.h"

#include <QTest>

#include <functional>
#include <optional>

namespace storetest {

using namespace Qt::Literals::StringLiterals;

inline ms::ColumnSchema col(const QString &name, const QString &type, bool nullable = true,
                            std::optional<QString> defaultValue = std::nullopt)
{
    return ms::ColumnSchema{name, type, nullable, std::move(defaultValue)};
}

inline ms::TableSchema table(const QString &name, QList<ms::ColumnSchema> columns,
                             QStringList primaryKey)
{
    return ms::TableSchema{name, std::move(columns), std::move(primaryKey)};
}

/// contact(contact_id int key, name nvarchar(254) NOT NULL default (''), updated datetime null)
inline ms::TableSchema contactSchema()
{
    return table(u"contact"_s,
                 {col(u"contact_id"_s, u"int"_s, false),
                  col(u"name"_s, u"nvarchar(254)"_s, false, u"('')"_s),
                  col(u"updated"_s, u"datetime"_s, true)},
                 {u"contact_id"_s});
}

/// One value list; std::nullopt is NULL (xsi:nil).
inline QList<ms::CellValue> vals(std::initializer_list<std::optional<QString>> values)
{
    QList<ms::CellValue> result;
    for (const auto &value : values)
        result.append(value ? ms::CellValue{*value, false} : ms::CellValue{QString(), true});
    return result;
}

inline ms::RowBatch::Row row(ms::RowOperation op, QList<ms::CellValue> values,
                             std::optional<qint64> lsn = std::nullopt)
{
    return ms::RowBatch::Row{op, lsn, std::move(values)};
}

inline ms::RowBatch batch(const QString &tableName, QStringList columns,
                          QList<ms::RowBatch::Row> rows, std::optional<qint64> lsn)
{
    return ms::RowBatch{tableName, std::move(columns), std::move(rows), lsn};
}

/// Streams the batches through one RowData transaction and commits it. A store that takes UTF-8
/// values (serve's path) gets every other row as UTF-8 (the first of each batch included), the
/// others as QString, so that both ways are checked by every suite.
inline QList<ms::TableCounts> sendRowData(ms::MirrorStore &store,
                                          const QList<ms::RowBatch> &batches)
{
    const auto transaction = store.beginRowData();
    const bool utf8 = transaction->takesUtf8Values();
    for (const ms::RowBatch &b : batches) {
        transaction->beginBatch(b.tableName, b.columns);
        for (qsizetype i = 0; i < b.rows.size(); ++i) {
            const ms::RowBatch::Row &r = b.rows[i];
            if (!utf8 || i % 2) {
                transaction->row(r.operation, r.lsn, r.values);
                continue;
            }
            QList<ms::Utf8CellValue> values(r.values.size());
            for (qsizetype v = 0; v < r.values.size(); ++v)
                values[v] = ms::Utf8CellValue{r.values[v].text.toUtf8(), r.values[v].isNull};
            transaction->rowUtf8(r.operation, r.lsn, values);
        }
        transaction->endBatch(b.lsn);
    }
    return transaction->commit();
}

/// The kind of the ms::Error that f throws; nullopt when it throws none (or something else).
inline std::optional<ms::Error::Kind> errorKindOf(const std::function<void()> &f,
                                                  QString *message = nullptr)
{
    try {
        f();
    } catch (const ms::Error &error) {
        if (message)
            *message = error.message();
        return error.kind();
    }
    return std::nullopt;
}

/// text with "<ctx>" replaced by the tenant and "<ctx-lower>" by its lower case: for _data rows,
/// which are made before the test's random tenant exists.
inline QString forTenant(QString text, const QString &tenant)
{
    return text.replace(u"<ctx-lower>"_s, tenant.toLower()).replace(u"<ctx>"_s, tenant);
}

} // namespace storetest

Q_DECLARE_METATYPE(storetest::Cell)
Q_DECLARE_METATYPE(ms::TableSchema)
Q_DECLARE_METATYPE(ms::RowBatch)
