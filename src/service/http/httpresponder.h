#pragma once

#include "httpresponse.h"

#include <memory>

namespace ms {

class HttpConnectionLink;
class HttpResponseSlot;

/// A one-shot handle that answers one request, later and from any thread. Copyable and
/// thread-safe: the first respond() of any copy wins, later calls and calls after the connection
/// closed are dropped quietly. If every copy is destroyed unanswered the client gets a 500, so a
/// forgotten request never hangs its connection.
class HttpResponder
{
public:
    HttpResponder() = default; ///< answers nothing
    HttpResponder(std::shared_ptr<HttpConnectionLink> link, quint64 sequence);

    void respond(HttpResponse response) const;
    /// True until a copy has responded (or for a default-constructed responder, never).
    bool isPending() const;

private:
    std::shared_ptr<HttpResponseSlot> m_slot;
};

} // namespace ms
