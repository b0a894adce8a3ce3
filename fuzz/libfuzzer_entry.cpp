// libFuzzer's two entry points for one target, chosen at compile time
// (MUSTER_FUZZ_TARGET, set per executable in fuzz/CMakeLists.txt).
#include "fuzz/targets.hpp"

#include <cstdio>
#include <cstdlib>

namespace {

const muster::fuzz::Target& this_target() {
    static const muster::fuzz::Target* const target = muster::fuzz::find_target(MUSTER_FUZZ_TARGET);
    if (!target) {
        std::fprintf(stderr, "muster fuzz: no target named %s\n", MUSTER_FUZZ_TARGET);
        std::abort();
    }
    return *target;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    if (this_target().initialize) this_target().initialize();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    this_target().run(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
