#pragma once

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace ms::sim {
class SqliteConnection;
}

namespace crashtest {

/// Sends SIGKILL to a process from a thread of its own, so that the kill lands while the caller's
/// thread is blocked in a call to that process. One kill armed at a time; arm() and disarm() from
/// one thread.
class CrashKiller final
{
public:
    enum class Trigger {
        AfterDelay,       ///< at a moment `delay` after arm()
        AfterFirstCommit, ///< as soon as another connection commits to the watched SQLite file
    };

    CrashKiller() = default;
    ~CrashKiller();
    CrashKiller(const CrashKiller &) = delete;
    CrashKiller &operator=(const CrashKiller &) = delete;

    /// AfterFirstCommit reads the file's data_version before returning (so a commit that comes
    /// after arm() is seen) and falls back to the delay when no commit comes.
    void arm(qint64 pid, Trigger trigger, std::chrono::microseconds delay,
             const QString &watchedDatabase = {});
    /// Stops an armed kill that has not fired and waits for its thread.
    void disarm();
    bool fired() const { return m_fired.load(); }
    /// Whether the last kill followed a commit it saw (AfterFirstCommit only).
    bool firedOnCommit() const { return m_onCommit.load(); }

private:
    bool cancelled();
    void run(qint64 pid, Trigger trigger, std::chrono::steady_clock::time_point deadline);

    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_cancel = false;
    std::atomic_bool m_fired = false;
    std::atomic_bool m_onCommit = false;
    std::unique_ptr<ms::sim::SqliteConnection> m_watch;
    qint64 m_baseVersion = 0;
};

} // namespace crashtest
