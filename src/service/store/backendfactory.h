#pragma once

#include "databasetarget.h"
#include "mirrorbackend.h"

#include <memory>

namespace ms {

/// The backend for the target. Connects to nothing: a server that cannot be reached shows up
/// as ms::Error Server on the first open() (so `serve` starts and answers each call with a
/// fault). Throws ms::Error Server for a target this build cannot serve.
std::unique_ptr<MirrorBackend> createMirrorBackend(const DatabaseTarget &target);

} // namespace ms
