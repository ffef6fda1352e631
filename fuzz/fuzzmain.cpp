#include "targets/fuzztargets.h"

// MS_FUZZ_ENTRY names the target of this executable (fuzz/CMakeLists.txt sets it).
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return ms::fuzz::MS_FUZZ_ENTRY(data, size);
}
