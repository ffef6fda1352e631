#include "queryresultmodel.h"

#include "modelroles.h"
#include "tablecontentsmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace ms {

QueryResultModel::QueryResultModel(MirrorBackend &backend, QObject *parent)
    : QAbstractTableModel(parent), m_reader(MirrorReader::start(backend))
{
    connect(m_reader.get(), &MirrorReader::queryReady, this, &QueryResultModel::onResult,
            Qt::QueuedConnection);
    connect(m_reader.get(), &MirrorReader::failed, this, &QueryResultModel::onFailed,
            Qt::QueuedConnection);
}

QueryResultModel::~QueryResultModel()
{
    m_reader->discardBefore(++m_generation);
}

void QueryResultModel::run(const QString &tenant, const QString &sql, int rowLimit)
{
    m_reader->discardBefore(++m_generation);
    m_reader->requestQuery(m_generation, tenant, sql, std::max(1, rowLimit));
    if (!m_running) {
        m_running = true;
        Q_EMIT runningChanged(true);
    }
}

void QueryResultModel::cancel()
{
    if (!m_running)
        return;
    // A new floor skips or interrupts the query; its answer would be stale, so report here.
    m_reader->discardBefore(++m_generation);
    QueryResult result;
    result.error = tr("The query was canceled.");
    onResult(m_generation, result);
}

void QueryResultModel::onResult(quint64 generation, const QueryResult &result)
{
    if (generation != m_generation)
        return;
    beginResetModel();
    m_result = result;
    endResetModel();
    m_running = false;
    Q_EMIT runningChanged(false);
    Q_EMIT finished();
}

void QueryResultModel::onFailed(quint64 generation, const QString &message)
{
    QueryResult result;
    result.error = message;
    onResult(generation, result);
}

int QueryResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.rows.size());
}

int QueryResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.columns.size());
}

QVariant QueryResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariantList &row = m_result.rows.at(index.row());
    const QVariant value = index.column() < row.size() ? row.at(index.column()) : QVariant();
    const bool isNull = !value.isValid() || value.isNull();
    switch (role) {
    case Qt::DisplayRole:
        if (isNull)
            return tr("NULL");
        if (value.typeId() == QMetaType::QByteArray)
            return TableContentsModel::binaryDisplay(value.toByteArray());
        return value.toString();
    case Qt::FontRole:
        if (isNull) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        return isNull ? QVariant(QBrush(QColor(Qt::gray))) : QVariant();
    case RawValueRole:
        return value;
    case IsNullRole:
        return isNull;
    default:
        return {};
    }
}

QVariant QueryResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return section >= 0 && section < m_result.columns.size() ? m_result.columns.at(section)
                                                             : QVariant();
}

} // namespace ms
