#include "httpresponder.h"

#include "httpconnectionlink.h"
#include "service/common/logging.h"

#include <atomic>

namespace ms {

/// The state every copy of one responder shares.
class HttpResponseSlot final
{
    Q_DISABLE_COPY_MOVE(HttpResponseSlot)
public:
    HttpResponseSlot(std::shared_ptr<HttpConnectionLink> link, quint64 sequence)
        : m_link(std::move(link)), m_sequence(sequence)
    {}

    ~HttpResponseSlot()
    {
        if (!m_answered.exchange(true)) {
            qCWarning(lcHttp) << "a request was dropped without an answer; sending 500";
            m_link->post(m_sequence, plainTextResponse(500, "The request was not answered."));
        }
    }

    void respond(HttpResponse response)
    {
        if (m_answered.exchange(true))
            return;
        m_link->post(m_sequence, std::move(response));
    }

    bool isPending() const { return !m_answered.load(); }

private:
    std::shared_ptr<HttpConnectionLink> m_link;
    quint64 m_sequence;
    std::atomic_bool m_answered{false};
};

HttpResponder::HttpResponder(std::shared_ptr<HttpConnectionLink> link, quint64 sequence)
    : m_slot(std::make_shared<HttpResponseSlot>(std::move(link), sequence))
{}

void HttpResponder::respond(HttpResponse response) const
{
    if (m_slot)
        m_slot->respond(std::move(response));
}

bool HttpResponder::isPending() const
{
    return m_slot && m_slot->isPending();
}

} // namespace ms
