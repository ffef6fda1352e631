#pragma once

#include "mirrorreader.h"
#include "service/endpoint/callrecord.h"
#include "service/state/tenantstatus.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QTimer>

namespace ms {

/// Tenants known to the registry or having a mirror, with state and mirror size. refresh()
/// reads asynchronously; noteCall() updates a tenant live, coalesced to one dataChanged per
/// tenant per 250 ms tick. GUI thread only.
class TenantListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantListModel)
public:
    enum Column { Tenant, Status, LastCycle, Outcome, Tables, Rows, ColumnCount };
    static constexpr int CoalesceMs = 250;
    /// The state as shown to a person, translated (the service's names stay English for logs).
    static QString stateTitle(TenantStatus::State state);

    /// registry and backend must outlive the model.
    TenantListModel(TenantRegistry &registry, MirrorBackend &backend, QObject *parent = nullptr);
    ~TenantListModel() override;

    void refresh();
    /// A served call (from EndpointServer::callServed): marks the tenant receiving.
    void noteCall(const CallRecord &call);

    /// row in [0, rowCount()).
    const TenantSummary &summary(int row) const { return m_tenants.at(row); }
    QString tenant(int row) const { return m_tenants.at(row).status.tenant; }
    /// -1 when not listed.
    int rowOf(const QString &tenant) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Overridable clock for tests; defaults to QDateTime::currentDateTimeUtc.
    void setClock(std::function<QDateTime()> clock);

Q_SIGNALS:
    void refreshed();
    void errorOccurred(const QString &message);

private:
    void onTenants(quint64 generation, const QList<TenantSummary> &tenants);
    void flushChanged();
    QString outcome(const TenantSummary &summary) const;

    MirrorReaderPtr m_reader;
    quint64 m_generation = 0;
    QList<TenantSummary> m_tenants;
    QSet<QString> m_changed;
    QTimer m_coalesce;
    std::function<QDateTime()> m_clock;
};

} // namespace ms
