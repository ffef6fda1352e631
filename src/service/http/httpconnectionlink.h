#pragma once

#include "httpresponse.h"

#include <QMutex>

namespace ms {

class HttpConnection;

/// Shared by a connection and the responders of its requests, so that any thread can post a
/// response while the connection exists and is quietly ignored afterwards.
class HttpConnectionLink final
{
    Q_DISABLE_COPY_MOVE(HttpConnectionLink)
public:
    explicit HttpConnectionLink(HttpConnection *connection) : m_connection(connection) {}

    /// Connection thread, from the connection's destructor: later posts are dropped.
    void detach();
    /// Any thread: queues the response to the connection's thread, if it still exists.
    void post(quint64 sequence, HttpResponse response);

private:
    QMutex m_mutex;
    HttpConnection *m_connection; // guarded by m_mutex
};

} // namespace ms
