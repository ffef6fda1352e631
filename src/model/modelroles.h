#pragma once

#include <Qt>

namespace ms {

/// Custom item-data roles shared by the models of this folder and the ui's delegates.
enum ModelRole : int {
    /// Qt::UserRole itself carries the raw value: QByteArray for binary cells, the plain value
    /// otherwise (qlonglong, double, QString; an invalid QVariant for NULL).
    RawValueRole = Qt::UserRole,
    IsNullRole = Qt::UserRole + 1,   ///< bool: the cell is SQL NULL (distinct from empty text)
    SortRole = Qt::UserRole + 2,     ///< numbers as numbers, times as QDateTime: for proxies
    DetailsRole = Qt::UserRole + 3,  ///< QString: the event's multi-line details
    SeverityRole = Qt::UserRole + 4, ///< int(ms::Severity): the ui maps it to an icon
    TenantRole = Qt::UserRole + 5,   ///< QString: the row's tenant id
    StateRole = Qt::UserRole + 6,    ///< int(ms::TenantStatus::State) of a tenant row
    LoadedRole = Qt::UserRole + 7,   ///< bool: false while the row is still a placeholder
};

} // namespace ms
