#include "core/paths.hpp"

#include "core/error.hpp"

#include <cstdlib>
#include <string>
#include <system_error>
#include <vector>

namespace muster {
namespace fs = std::filesystem;

namespace {

bool holds_geodata(const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / "geodata" / "muster.gpkg", ec);
}

fs::path env_path(const char* name) {
    const char* value = std::getenv(name);
    return value && *value ? fs::path(value) : fs::path();
}

// <prefix>/share/muster beside an installed <prefix>/bin/muster, wherever
// the prefix was moved to after `cmake --install --prefix`.
fs::path share_dir_beside_executable() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return exe.parent_path().parent_path() / "share" / "muster";
}

}  // namespace

fs::path data_root() {
    // An explicit MUSTER_DATA_DIR is obeyed or refused, never silently passed over.
    if (auto env = env_path("MUSTER_DATA_DIR"); !env.empty()) {
        if (holds_geodata(env)) return env;
        throw Error((env / "geodata" / "muster.gpkg").string() +
                    ": not found (MUSTER_DATA_DIR must name a folder holding geodata/, shaders/ and assets/)");
    }
    std::vector<fs::path> candidates;
    candidates.emplace_back(MUSTER_SOURCE_DIR);
    if (auto beside = share_dir_beside_executable(); !beside.empty()) candidates.push_back(beside);
    candidates.emplace_back(MUSTER_INSTALL_DATADIR);
    for (const auto& dir : candidates)
        if (holds_geodata(dir)) return dir;

    std::string looked;
    for (const auto& dir : candidates) looked += (looked.empty() ? "" : ", ") + (dir / "geodata").string();
    throw Error("geodata/muster.gpkg not found (looked in " + looked +
                "); set MUSTER_DATA_DIR or run tools/build-geodata.sh");
}

fs::path shader_path(std::string_view file_name) { return data_root() / "shaders" / file_name; }
fs::path asset_path(std::string_view file_name) { return data_root() / "assets" / file_name; }
fs::path geodata_path(std::string_view file_name) { return data_root() / "geodata" / file_name; }
fs::path default_geopackage() { return geodata_path("muster.gpkg"); }

fs::path derived_dir() {
    if (auto env = env_path("MUSTER_DERIVED_DIR"); !env.empty()) return env;
    std::error_code ec;
    const fs::path build_dir(MUSTER_BUILD_DERIVED_DIR);
    if (fs::is_directory(build_dir, ec)) return build_dir;
    if (auto beside = share_dir_beside_executable(); fs::is_directory(beside / "derived", ec)) return beside / "derived";
    return fs::path(MUSTER_INSTALL_DATADIR) / "derived";
}

bool is_within(const std::filesystem::path& path, const std::filesystem::path& folder) {
    auto p = path.begin();
    for (auto f = folder.begin(); f != folder.end(); ++f, ++p) {
        if (f->empty()) continue;  // a trailing separator
        if (p == path.end() || *p != *f) return false;
    }
    return true;
}

}  // namespace muster
