#include "core/local_path.hpp"

#include "core/error.hpp"

namespace muster {

bool is_remote_or_virtual(std::string_view path) {
    return path.starts_with("/vsi") || path.find("://") != std::string_view::npos;
}

void require_local_path(std::string_view path, const std::string& shown, std::string_view kind) {
    if (is_remote_or_virtual(path))
        throw Error(shown + ": not a local file (muster reads " + std::string(kind) +
                    " on this machine, never over a network)");
}

}  // namespace muster
