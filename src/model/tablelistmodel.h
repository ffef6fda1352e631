#pragma once

#include "mirrorreader.h"

#include <QAbstractTableModel>

namespace ms {

/// The mirrored tables of one tenant with their metadata and row counts, refreshed
/// asynchronously through its own MirrorReader. GUI thread only.
class TableListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableListModel)
public:
    enum Column {
        Table,
        Lsn,
        SchemaHash,
        Rows,
        LastChange,
        Inserted,
        Updated,
        Deleted,
        ColumnCount
    };

    /// backend must outlive the model.
    explicit TableListModel(MirrorBackend &backend, QObject *parent = nullptr);
    ~TableListModel() override;

    /// Clears the list and loads the tenant's tables (empty = none).
    void setTenant(const QString &tenant);
    QString tenant() const { return m_tenant; }
    /// Reloads the list; rows of tables that still exist are updated in place.
    void refresh();

    /// row in [0, rowCount()).
    const TableSummary &summary(int row) const { return m_tables.at(row); }
    /// -1 when the table is not listed.
    int rowOf(const QString &tableName) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// A refresh (tables and row counts) has been applied.
    void refreshed();
    void errorOccurred(const QString &message);

private:
    void onTables(quint64 generation, const QString &tenant, const QList<TableSummary> &tables);
    void onRowCounts(quint64 generation, const QString &tenant, const RowCounts &counts);

    MirrorReaderPtr m_reader;
    QString m_tenant;
    quint64 m_generation = 0;
    QList<TableSummary> m_tables;
};

} // namespace ms
