#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>

namespace ms::ui {

/// Runs work on QtConcurrent's pool and calls done(result) on context's thread when it ends.
/// If context is destroyed first, done is never called (work still runs to its end, so it must
/// own everything it touches: capture by value). Call from context's thread.
template <typename Work, typename Done> void runAsync(QObject *context, Work work, Done done)
{
    using Result = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         done(watcher->result());
                         watcher->deleteLater();
                     });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace ms::ui
