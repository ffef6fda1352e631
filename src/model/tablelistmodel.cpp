#include "tablelistmodel.h"

#include "modelroles.h"

#include <QLocale>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace ms {
namespace {

constexpr int HashDigits = 8;

} // namespace

TableListModel::TableListModel(MirrorBackend &backend, QObject *parent)
    : QAbstractTableModel(parent), m_reader(MirrorReader::start(backend))
{
    connect(m_reader.get(), &MirrorReader::tablesReady, this, &TableListModel::onTables,
            Qt::QueuedConnection);
    connect(m_reader.get(), &MirrorReader::rowCountsReady, this, &TableListModel::onRowCounts,
            Qt::QueuedConnection);
    connect(
        m_reader.get(), &MirrorReader::failed, this,
        [this](quint64 generation, const QString &message) {
            if (generation == m_generation)
                Q_EMIT errorOccurred(message);
        },
        Qt::QueuedConnection);
}

TableListModel::~TableListModel()
{
    m_reader->discardBefore(++m_generation);
}

void TableListModel::setTenant(const QString &tenant)
{
    if (tenant != m_tenant) {
        beginResetModel();
        m_tables.clear();
        m_tenant = tenant;
        endResetModel();
    }
    refresh();
}

void TableListModel::refresh()
{
    m_reader->discardBefore(++m_generation);
    if (m_tenant.isEmpty()) {
        if (!m_tables.isEmpty()) {
            beginResetModel();
            m_tables.clear();
            endResetModel();
        }
        return;
    }
    m_reader->requestTables(m_generation, m_tenant);
}

int TableListModel::rowOf(const QString &tableName) const
{
    for (qsizetype row = 0; row < m_tables.size(); ++row) {
        if (m_tables.at(row).table.tableName == tableName)
            return int(row);
    }
    return -1;
}

// Updated in place (row counts kept until the new ones arrive) so that selection and scroll
// position survive a refresh.
void TableListModel::onTables(quint64 generation, const QString &tenant,
                              const QList<TableSummary> &tables)
{
    if (generation != m_generation || tenant != m_tenant)
        return;
    QSet<QString> incoming;
    for (const TableSummary &summary : tables)
        incoming.insert(summary.table.tableName);
    for (int row = int(m_tables.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(m_tables.at(row).table.tableName)) {
            beginRemoveRows({}, row, row);
            m_tables.removeAt(row);
            endRemoveRows();
        }
    }
    for (const TableSummary &summary : tables) {
        const int row = rowOf(summary.table.tableName);
        if (row >= 0) {
            const qint64 rows = m_tables.at(row).rows;
            m_tables[row] = summary;
            m_tables[row].rows = rows;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else {
            const int at = int(m_tables.size());
            beginInsertRows({}, at, at);
            m_tables.append(summary);
            endInsertRows();
        }
    }
}

void TableListModel::onRowCounts(quint64 generation, const QString &tenant, const RowCounts &counts)
{
    if (generation != m_generation || tenant != m_tenant)
        return;
    for (qsizetype row = 0; row < m_tables.size(); ++row) {
        TableSummary &summary = m_tables[row];
        const qint64 rows = counts.value(summary.table.tableName, -1);
        if (rows != summary.rows) {
            summary.rows = rows;
            Q_EMIT dataChanged(index(int(row), Rows), index(int(row), Rows));
        }
    }
    Q_EMIT refreshed();
}

int TableListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tables.size());
}

int TableListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TableListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TableSummary &summary = m_tables.at(index.row());
    const MirroredTable &table = summary.table;
    const QLocale locale;
    const auto count = [&](qint64 value) {
        return locale.toString(value);
    };
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case Table:
            return table.tableName;
        case Lsn:
            return table.lsn;
        case SchemaHash:
            return table.schemaHash.left(HashDigits);
        case Rows:
            return summary.rows < 0 ? u"\u2026"_s : count(summary.rows);
        case LastChange:
            return table.lastChange.isValid()
                       ? locale.toString(table.lastChange.toLocalTime(), QLocale::ShortFormat)
                       : QString();
        case Inserted:
            return count(table.lastInserted);
        case Updated:
            return count(table.lastUpdated);
        case Deleted:
            return count(table.lastDeleted);
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == SortRole) {
        switch (Column(index.column())) {
        case Table:
            return table.tableName;
        case Lsn:
            return table.lsn;
        case SchemaHash:
            return table.schemaHash;
        case Rows:
            return summary.rows;
        case LastChange:
            return table.lastChange;
        case Inserted:
            return table.lastInserted;
        case Updated:
            return table.lastUpdated;
        case Deleted:
            return table.lastDeleted;
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == SchemaHash)
        return table.schemaHash;
    if (role == Qt::TextAlignmentRole && index.column() != Table && index.column() != SchemaHash &&
        index.column() != LastChange)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant TableListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Table:
        return tr("Table");
    case Lsn:
        return tr("LSN");
    case SchemaHash:
        return tr("Schema hash");
    case Rows:
        return tr("Rows");
    case LastChange:
        return tr("Last change");
    case Inserted:
        return tr("Inserted");
    case Updated:
        return tr("Updated");
    case Deleted:
        return tr("Deleted");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace ms
