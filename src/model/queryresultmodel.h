#pragma once

#include "mirrorreader.h"

#include <QAbstractTableModel>

namespace ms {

/// The Query pane's result: one read-only SQL statement on a tenant's mirror, run through its
/// own MirrorReader (read-only connection, PRAGMA query_only=1) with a row limit. GUI thread only.
class QueryResultModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueryResultModel)
public:
    static constexpr int DefaultRowLimit = 1000;

    /// backend must outlive the model.
    explicit QueryResultModel(MirrorBackend &backend, QObject *parent = nullptr);
    ~QueryResultModel() override;

    /// Starts the query; a running one is abandoned. finished() follows.
    void run(const QString &tenant, const QString &sql, int rowLimit = DefaultRowLimit);
    /// Interrupts the running query (finished() reports the interruption as its error).
    void cancel();
    bool isRunning() const { return m_running; }

    /// Empty when the last query succeeded.
    QString error() const { return m_result.error; }
    std::chrono::microseconds elapsed() const { return m_result.elapsed; }
    /// The last query had more rows than the limit.
    bool isTruncated() const { return m_result.truncated; }
    const QueryResult &result() const { return m_result; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void runningChanged(bool running);
    /// The query ended: rows, or error() set.
    void finished();

private:
    void onResult(quint64 generation, const QueryResult &result);
    void onFailed(quint64 generation, const QString &message);

    MirrorReaderPtr m_reader;
    quint64 m_generation = 0;
    bool m_running = false;
    QueryResult m_result;
};

} // namespace ms
