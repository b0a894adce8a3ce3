#include "core/local_path.hpp"

#include "core/error.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace muster {

bool is_remote_or_virtual(std::string_view path) {
    return path.starts_with("/vsi") || path.find("://") != std::string_view::npos;
}

void require_local_path(std::string_view path, const std::string& shown, std::string_view kind) {
    if (is_remote_or_virtual(path))
        throw Error(shown + ": not a local file (muster reads " + std::string(kind) +
                    " on this machine, never over a network)");
}

void require_readable_local_file(const std::filesystem::path& path, const std::string& shown, std::string_view kind) {
    require_local_path(path.string(), shown, kind);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw Error(shown + ": cannot read (" + std::strerror(EISDIR) + ")");
    std::ifstream probe(path, std::ios::binary);
    if (!probe) throw Error(shown + ": cannot read (" + std::strerror(errno) + ")");
}

}  // namespace muster
