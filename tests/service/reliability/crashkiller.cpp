#include "crashkiller.h"

#include "service/simulator/simsqlite.h"

#include <signal.h>
#include <sys/prctl.h>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

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
        // Polling every 10 µs (timer slack cut to 1 µs) rather than spinning: on a loaded
        // machine the scheduler wakes a thread that sleeps promptly, while a spinning one has
        // used up its share and waits for milliseconds, longer than the window between two
        // commits of one call. A watch that fails to read the file falls back to the deadline:
        // the kill is what counts.
        ::prctl(PR_SET_TIMERSLACK, 1000UL, 0UL, 0UL, 0UL);
        try {
            auto version = m_watch->prepare(u"PRAGMA data_version"_s);
            while (std::chrono::steady_clock::now() < deadline) {
                if (cancelled())
                    return;
                version.step();
                const qint64 now = version.integer(0);
                version.reset();
                if (now != m_baseVersion) {
                    ::kill(pid_t(pid), SIGKILL);
                    m_onCommit = true;
                    m_fired = true;
                    return;
                }
                std::this_thread::sleep_for(10us);
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
