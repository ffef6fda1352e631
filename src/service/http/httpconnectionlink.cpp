#include "httpconnectionlink.h"

#include "httpconnection.h"

namespace ms {

void HttpConnectionLink::detach()
{
    QMutexLocker locker(&m_mutex);
    m_connection = nullptr;
}

void HttpConnectionLink::post(quint64 sequence, HttpResponse response)
{
    // Posting under the lock keeps the connection alive until the event is queued; Qt removes
    // events still queued for an object when it is destroyed.
    QMutexLocker locker(&m_mutex);
    if (!m_connection)
        return;
    HttpConnection *connection = m_connection;
    QMetaObject::invokeMethod(
        connection,
        [connection, sequence, response = std::move(response)]() mutable {
            connection->deliverResponse(sequence, std::move(response));
        },
        Qt::QueuedConnection);
}

} // namespace ms
