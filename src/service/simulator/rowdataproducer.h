#pragma once

#include "service/common/protocoltypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace ms {

class RowDataBatcher;
class SourceDatabase;

/// Builds a cycle's RowData bodies (reading the source, writing the XML) in a thread of its own,
/// so that the task's thread can have one call in flight while the next body is built: the two
/// costs overlap instead of adding up (issue #8). The calls themselves stay with the task's
/// thread, one at a time and in order. At most kQueuedBodies finished bodies wait; a producer
/// that gets that far ahead waits too.
///
/// The source belongs to the producer's thread from construction until next() has returned the
/// last step or this object is destroyed; the destructor stops the thread and waits for it.
class RowDataProducer final
{
public:
    static constexpr qsizetype kQueuedBodies = 2;

    /// What to send of one table.
    struct Table
    {
        TableSchema schema;
        bool repopulate = false; ///< every row; otherwise the changes after answeredLsn
        qint64 answeredLsn = -1;
    };

    /// Rows of one table counted into a step, per operation.
    struct Counts
    {
        qsizetype table = 0; ///< index into the tables given to the constructor
        qint64 inserted = 0;
        qint64 updated = 0;
        qint64 deleted = 0;
    };

    /// One RowData call, or (last) the end of the cycle's rows, with what the task reports
    /// about the reading done since the previous step.
    struct Step
    {
        QByteArray envelope;            ///< empty on the last step
        bool last = false;              ///< no more steps: every row was in an earlier one
        QList<qsizetype> tablesStarted; ///< tables whose reading began since the previous step
        QList<Counts> counts;           ///< the rows read since the previous step
        qsizetype table = -1;           ///< the table being read when the body was finished
        qint64 tableRows = 0;           ///< that table's rows read by then
        std::exception_ptr error;       ///< the producer failed (then also last)
    };

    struct Options
    {
        qsizetype batchSize = 1'000'000;
        QString clientState;
        std::function<QString()> makeToken; ///< called on the producer's thread, once per body
    };

    /// Starts reading at once. tableLsn goes on each table's last batch.
    RowDataProducer(SourceDatabase &source, QList<Table> tables, qint64 tableLsn, Options options);
    ~RowDataProducer();
    Q_DISABLE_COPY_MOVE(RowDataProducer)

    /// The next step in order, waiting for it; rethrows what made the producer fail. Not to be
    /// called again after the last step. Task's thread only.
    Step next();

private:
    struct Cancelled
    {};

    void run();
    void readTable(qsizetype index, RowDataBatcher &batcher);
    void count(qsizetype table, RowOperation op);
    /// Queues the step; waits while kQueuedBodies are queued (unless force); throws Cancelled
    /// once the consumer is gone.
    void push(Step &&step, bool force = false);

    SourceDatabase &m_source;
    const QList<Table> m_tables;
    const qint64 m_tableLsn;
    const Options m_options;

    // Producer's thread only: the step being gathered.
    Step m_pending;
    qsizetype m_table = -1;
    qint64 m_tableRows = 0;

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Step> m_queue; // guarded by m_mutex
    bool m_cancelled = false; // guarded by m_mutex
    std::thread m_thread;     // last: starts once everything above exists
};

} // namespace ms
