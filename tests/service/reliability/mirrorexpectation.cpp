#include "mirrorexpectation.h"

#include "service/common/error.h"
#include "service/simulator/sourcedatabase.h"

using namespace Qt::Literals::StringLiterals;

namespace crashtest {

void MirrorExpectation::beginCycle(ms::SourceDatabase &source)
{
    m_cycleLsn = source.currentLsn();
    if (!m_sourceAt.contains(m_cycleLsn))
        m_sourceAt.insert(m_cycleLsn, readSource(source));
    forgetUnreferencedSources();
}

void MirrorExpectation::callStarting(SentCall call)
{
    if (m_inFlight)
        throw ms::serverError(u"a call started while another was in flight"_s);
    m_inFlight = std::move(call);
}

void MirrorExpectation::callAnswered()
{
    if (!m_inFlight)
        return;
    const SentCall call = std::move(*m_inFlight);
    m_inFlight.reset();
    accept(call);
}

void MirrorExpectation::accept(const SentCall &call)
{
    applyCall(m_answered, call, currentSource(), m_schemas);
    if (call.operation == ms::SoapOperation::Wipe)
        m_sentSinceLsn.remove(call.wipedTable);
    if (call.operation == ms::SoapOperation::TableSchema) {
        for (const QString &table : call.schemaTables) {
            if (m_answered.tables.value(table).lsn < 0)
                m_sentSinceLsn.remove(table);
        }
    }
    for (const ms::RowBatch &batch : call.batches) {
        if (batch.lsn) {
            m_sentSinceLsn.remove(batch.tableName);
        } else {
            for (const QString &key : keysSentFor(call, batch.tableName, m_schemas))
                m_sentSinceLsn[batch.tableName].insert(key);
        }
    }
}

// Rows of a table that records LSN L are the source's as of L, except rows sent since, which the
// cycle may already have brought ahead (to the source's current state). This does not use the
// calls' order, only the source: a second, independent look at the killed mirror.
QStringList MirrorExpectation::lsnProblems(const MirrorImage &image) const
{
    QStringList problems;
    const MirrorImage &now = currentSource();
    for (auto table = image.tables.cbegin(); table != image.tables.cend(); ++table) {
        if (table->lsn < 0)
            continue;
        const auto then = m_sourceAt.constFind(table->lsn);
        if (then == m_sourceAt.cend()) {
            problems.append(
                u"%1 records LSN %2, which no cycle sent"_s.arg(table.key()).arg(table->lsn));
            continue;
        }
        QSet<QString> ahead = m_sentSinceLsn.value(table.key());
        if (m_inFlight) {
            for (const QString &key : keysSentFor(*m_inFlight, table.key(), m_schemas))
                ahead.insert(key);
        }
        const TableImage &was = then->tables.value(table.key());
        const TableImage &is = now.tables.value(table.key());
        QSet<QString> keys(was.rows.keyBegin(), was.rows.keyEnd());
        for (auto key = table->rows.keyBegin(); key != table->rows.keyEnd(); ++key)
            keys.insert(*key);
        qint64 wrong = 0;
        QString example;
        for (const QString &key : std::as_const(keys)) {
            const auto have = table->rows.constFind(key);
            auto matches = [&](const TableImage &state) {
                const auto want = state.rows.constFind(key);
                if (want == state.rows.cend() || have == table->rows.cend())
                    return want == state.rows.cend() && have == table->rows.cend();
                return sameRow(*want, *have);
            };
            if (matches(was) || (ahead.contains(key) && matches(is)))
                continue;
            if (wrong++ == 0)
                example = key;
        }
        if (wrong > 0)
            problems.append(
                u"%1 records LSN %2, but %3 of its rows are not the source's as of "
                "that LSN (e.g. key [%4]): the LSN is ahead of its rows"_s.arg(table.key())
                    .arg(table->lsn)
                    .arg(wrong)
                    .arg(example));
    }
    return problems;
}

MirrorExpectation::Verdict MirrorExpectation::judgeKilled(const MirrorImage &image)
{
    Verdict verdict;
    verdict.problems = lsnProblems(image);
    const QStringList withoutCall = differences(m_answered, image);
    QStringList withCall;
    if (withoutCall.isEmpty()) {
        verdict.consistent = true;
        verdict.inFlight = m_inFlight ? InFlight::Absent : InFlight::None;
    } else if (m_inFlight) {
        MirrorImage applied = m_answered;
        applyCall(applied, *m_inFlight, currentSource(), m_schemas);
        withCall = differences(applied, image);
        if (withCall.isEmpty()) {
            verdict.consistent = true;
            verdict.inFlight = InFlight::Present;
            accept(*m_inFlight);
        }
    }
    if (!verdict.consistent)
        verdict.problems.append(u"the mirror is not the state after a whole number of calls.\n"
                                "  Without the call in flight: "_s +
                                withoutCall.join(u"\n    "_s) + u"\n  With it: "_s +
                                (m_inFlight ? withCall.join(u"\n    "_s) : u"(no call)"_s));
    verdict.consistent = verdict.consistent && verdict.problems.isEmpty();
    m_inFlight.reset();
    forgetUnreferencedSources();
    return verdict;
}

void MirrorExpectation::forgetUnreferencedSources()
{
    // Keep the source states that a recorded LSN can still refer to.
    QSet<qint64> referenced{m_cycleLsn};
    for (const TableImage &table : std::as_const(m_answered.tables))
        referenced.insert(table.lsn);
    m_sourceAt.removeIf([&](const auto &it) { return !referenced.contains(it.key()); });
}

} // namespace crashtest
