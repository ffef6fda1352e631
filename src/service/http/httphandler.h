#pragma once

#include "httprequest.h"
#include "httpresponder.h"

#include <functional>

namespace ms {

/// Called in the server's thread for each complete request; answer now or later, from any
/// thread, through the responder. Requests of one connection reach it one at a time, in order.
using HttpHandler = std::function<void(HttpRequest request, HttpResponder responder)>;

} // namespace ms
