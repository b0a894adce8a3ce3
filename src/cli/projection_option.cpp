#include "cli/projection_option.hpp"

#include "core/error.hpp"

namespace muster::cli {

ProjectionPtr projection_option(const Args& args) {
    const auto text = args.value("--projection");
    if (!text) return nullptr;
    try {
        return make_projection(*text);
    } catch (const Error& error) {
        throw Error(args.message("--projection " + *text + ": " + error.what()));
    }
}

}  // namespace muster::cli
