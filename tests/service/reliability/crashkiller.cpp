#include "crashkiller.h"

#include "service/simulator/simsqlite.h"

#include <signal.h>

using namespace Qt::Literals::StringLiterals;

namespace crashtest {

namespace {
// Changes whenever another connection commits to the file (SQLite's PRAGMA data_version).
qint64 dataVersion(ms::sim::SqliteConnection &db)
{
    auto q = db.prepare(u"PRAGMA data_version"_s);
    q.step();
    return q.integer(0);
}
} // namespace

CrashKiller::~CrashKiller()
{
    disarm();
}

void CrashKiller::arm(qint64 pid, Trigger trigger, std::chrono::microseconds delay,
                      const QString &watchedDatabase)
{
    disarm();
    m_fired = false;
    m_onCommit = false;
    m_cancel = false;
    if (trigger == Trigger::AfterFirstCommit) {
        m_watch = std::make_unique<ms::sim::SqliteConnection>(
            watchedDatabase, ms::sim::SqliteConnection::Mode::ReadOnly);
        m_baseVersion = dataVersion(*m_watch);
    }
    const auto deadline = std::chrono::steady_clock::now() + delay;
    m_thread = std::thread([this, pid, trigger, deadline] { run(pid, trigger, deadline); });
}

void CrashKiller::disarm()
{
    if (m_thread.joinable()) {
        {
            std::lock_guard lock(m_mutex);
            m_cancel = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    m_watch.reset();
}

bool CrashKiller::cancelled()
{
    std::lock_guard lock(m_mutex);
    return m_cancel;
}

void CrashKiller::run(qint64 pid, Trigger trigger, std::chrono::steady_clock::time_point deadline)
{
    if (trigger == Trigger::AfterFirstCommit) {
        // Busy polling: the window between two commits of one call can be a fraction of a
        // millisecond, and this runs only while one call is in flight. A watch that fails to
        // read the file falls back to the deadline: the kill is what counts.
        try {
            while (std::chrono::steady_clock::now() < deadline) {
                if (cancelled())
                    return;
                if (dataVersion(*m_watch) != m_baseVersion) {
                    ::kill(pid_t(pid), SIGKILL);
                    m_onCommit = true;
                    m_fired = true;
                    return;
                }
            }
        } catch (...) {
        }
    }
    std::unique_lock lock(m_mutex);
    if (m_wake.wait_until(lock, deadline, [this] { return m_cancel; }))
        return;
    // Under the lock: once disarm() has taken it, no kill can follow.
    ::kill(pid_t(pid), SIGKILL);
    m_fired = true;
}

} // namespace crashtest
