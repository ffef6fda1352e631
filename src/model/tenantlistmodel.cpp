#include "tenantlistmodel.h"

#include "modelroles.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace ms {

TenantListModel::TenantListModel(TenantRegistry &registry, MirrorBackend &backend, QObject *parent)
    : QAbstractTableModel(parent), m_reader(MirrorReader::start(backend, &registry)),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    connect(m_reader.get(), &MirrorReader::tenantsReady, this, &TenantListModel::onTenants,
            Qt::QueuedConnection);
    connect(
        m_reader.get(), &MirrorReader::failed, this,
        [this](quint64 generation, const QString &message) {
            if (generation == m_generation)
                Q_EMIT errorOccurred(message);
        },
        Qt::QueuedConnection);
    m_coalesce.setInterval(CoalesceMs);
    m_coalesce.setSingleShot(true);
    connect(&m_coalesce, &QTimer::timeout, this, &TenantListModel::flushChanged);
}

TenantListModel::~TenantListModel()
{
    m_reader->discardBefore(++m_generation);
}

void TenantListModel::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

void TenantListModel::refresh()
{
    m_reader->discardBefore(++m_generation);
    m_reader->requestTenants(m_generation);
}

int TenantListModel::rowOf(const QString &tenant) const
{
    for (qsizetype row = 0; row < m_tenants.size(); ++row) {
        if (m_tenants.at(row).status.tenant == tenant)
            return int(row);
    }
    return -1;
}

// Rows are kept in place where possible so that a view keeps its selection across refreshes.
void TenantListModel::onTenants(quint64 generation, const QList<TenantSummary> &tenants)
{
    if (generation != m_generation)
        return;
    QSet<QString> incoming;
    for (const TenantSummary &summary : tenants)
        incoming.insert(summary.status.tenant);
    for (int row = int(m_tenants.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(m_tenants.at(row).status.tenant)) {
            beginRemoveRows({}, row, row);
            m_tenants.removeAt(row);
            endRemoveRows();
        }
    }
    for (const TenantSummary &summary : tenants) {
        const int row = rowOf(summary.status.tenant);
        if (row >= 0) {
            TenantSummary merged = summary;
            // A call noted after the reader looked at the registry is newer than its answer.
            const QDateTime noted = m_tenants.at(row).status.lastCallAt;
            if (noted.isValid() &&
                (!merged.status.lastCallAt.isValid() || noted > merged.status.lastCallAt)) {
                merged.status.lastCallAt = noted;
                merged.status.lastOperation = m_tenants.at(row).status.lastOperation;
            }
            m_tenants[row] = merged;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else {
            const int at = int(m_tenants.size());
            beginInsertRows({}, at, at);
            m_tenants.append(summary);
            endInsertRows();
        }
    }
    Q_EMIT refreshed();
}

void TenantListModel::noteCall(const CallRecord &call)
{
    if (call.tenant.isEmpty())
        return;
    int row = rowOf(call.tenant);
    if (row < 0) {
        TenantSummary summary;
        summary.status.tenant = call.tenant;
        summary.status.firstSeen = call.time;
        row = int(m_tenants.size());
        beginInsertRows({}, row, row);
        m_tenants.append(summary);
        endInsertRows();
    }
    TenantStatus &status = m_tenants[row].status;
    if (!status.lastCallAt.isValid() || call.time >= status.lastCallAt) {
        status.lastCallAt = call.time;
        status.lastOperation = call.operation;
    }
    if (call.operation == u"Authenticate"_s && call.ok)
        status.cycleStartedAt = call.time;
    if (call.operation == u"ReplicationCompleted"_s && call.ok)
        status.lastCompletedAt = call.time;
    if (!call.ok) {
        status.lastFailureAt = call.time;
        status.lastFailure = call.error;
    }
    m_changed.insert(call.tenant);
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void TenantListModel::flushChanged()
{
    const QSet<QString> changed = std::exchange(m_changed, {});
    for (const QString &tenant : changed) {
        const int row = rowOf(tenant);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

QString TenantListModel::outcome(const TenantSummary &summary) const
{
    const TenantStatus &status = summary.status;
    if (status.lastFailureAt.isValid() &&
        (!status.lastCompletedAt.isValid() || status.lastFailureAt > status.lastCompletedAt))
        return tr("Failed: %1").arg(status.lastFailure);
    if (status.lastCompletedAt.isValid())
        return tr("Completed");
    if (status.cycleStartedAt.isValid())
        return tr("In progress");
    return tr("None yet");
}

QString TenantListModel::stateTitle(TenantStatus::State state)
{
    switch (state) {
    case TenantStatus::State::NeverCompleted:
        return tr("never completed");
    case TenantStatus::State::Receiving:
        return tr("receiving");
    case TenantStatus::State::Ok:
        return tr("OK");
    case TenantStatus::State::Error:
        return tr("error");
    case TenantStatus::State::Paused:
        return tr("paused");
    }
    return {};
}

int TenantListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tenants.size());
}

int TenantListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TenantListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TenantSummary &summary = m_tenants.at(index.row());
    const TenantStatus &status = summary.status;
    const QDateTime lastCycle =
        status.lastCompletedAt.isValid() ? status.lastCompletedAt : status.cycleStartedAt;
    const QLocale locale;
    if (role == TenantRole)
        return status.tenant;
    if (role == StateRole)
        return int(status.stateAt(m_clock()));
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case Tenant:
            return status.tenant;
        case Status:
            return stateTitle(status.stateAt(m_clock()));
        case LastCycle:
            return lastCycle.isValid()
                       ? locale.toString(lastCycle.toLocalTime(), QLocale::ShortFormat)
                       : QString();
        case Outcome:
            return outcome(summary);
        case Tables:
            return summary.hasMirror ? locale.toString(summary.tables) : QString();
        case Rows:
            return summary.hasMirror ? locale.toString(summary.rows) : QString();
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == SortRole) {
        switch (Column(index.column())) {
        case Tenant:
            return status.tenant;
        case Status:
            return int(status.stateAt(m_clock()));
        case LastCycle:
            return lastCycle;
        case Outcome:
            return outcome(summary);
        case Tables:
            return summary.tables;
        case Rows:
            return summary.rows;
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == Outcome && !status.lastFailure.isEmpty())
        return status.lastFailure;
    if (role == Qt::TextAlignmentRole && (index.column() == Tables || index.column() == Rows))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant TenantListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Tenant:
        return tr("Tenant");
    case Status:
        return tr("Status");
    case LastCycle:
        return tr("Last cycle");
    case Outcome:
        return tr("Outcome");
    case Tables:
        return tr("Tables");
    case Rows:
        return tr("Rows");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace ms
