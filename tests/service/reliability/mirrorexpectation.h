#pragma once

#include "sentcall.h"

#include <QSet>

#include <optional>

namespace ms {
class SourceDatabase;
}

namespace crashtest {

/// What the mirror may hold while the task's calls reach an endpoint that can die at any moment:
/// the state after every answered call, the one call in flight, per table the keys sent since it
/// last recorded an LSN (rows that may be ahead of it), and the source's rows as of each LSN a
/// cycle sent. One thread.
class MirrorExpectation final
{
public:
    enum class InFlight { None, Present, Absent };
    struct Verdict
    {
        bool consistent = false;
        InFlight inFlight = InFlight::None;
        QStringList problems; ///< when !consistent: why, for a person
    };

    explicit MirrorExpectation(QHash<QString, ms::TableSchema> schemas)
        : m_schemas(std::move(schemas))
    {}

    /// A cycle is about to run on the source as it is now (rows are read once per source LSN).
    void beginCycle(ms::SourceDatabase &source);
    /// Throws ms::Error when a call is already in flight.
    void callStarting(SentCall call);
    void callAnswered();

    const MirrorImage &answered() const { return m_answered; }
    const std::optional<SentCall> &inFlight() const { return m_inFlight; }

    /// Judges the image of a mirror whose endpoint was killed: it must equal the state after the
    /// answered calls, with the call in flight wholly applied or not at all, and no table may
    /// record an LSN whose rows it does not hold. Afterwards nothing is in flight and the model
    /// follows what the mirror was found to hold.
    Verdict judgeKilled(const MirrorImage &image);

private:
    const MirrorImage &currentSource() const { return *m_sourceAt.constFind(m_cycleLsn); }
    void accept(const SentCall &call);
    QStringList lsnProblems(const MirrorImage &image) const;
    void forgetUnreferencedSources();

    QHash<QString, ms::TableSchema> m_schemas;
    MirrorImage m_answered;
    std::optional<SentCall> m_inFlight;
    QHash<QString, QSet<QString>> m_sentSinceLsn;
    QMap<qint64, MirrorImage> m_sourceAt;
    qint64 m_cycleLsn = -1;
};

} // namespace crashtest
