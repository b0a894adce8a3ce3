#include "script/sandbox_folders.hpp"

#include "core/error.hpp"
#include "core/paths.hpp"

#include <string>
#include <system_error>

namespace muster::script {
namespace fs = std::filesystem;

namespace {

fs::path canonical_folder(const fs::path& folder) {
    std::error_code ec;
    const fs::path resolved = fs::canonical(folder, ec);
    if (ec || !fs::is_directory(resolved, ec)) throw Error(folder.string() + ": not a folder");
    return resolved;
}

// Where `path` leads from `base`: symbolic links in the part that exists
// are followed, "." and ".." in the rest resolved by name.
fs::path resolve(std::string_view path, const fs::path& base) {
    const fs::path given(path);
    std::error_code ec;
    fs::path resolved = fs::weakly_canonical(given.is_absolute() ? given : base / given, ec);
    if (ec) resolved = (given.is_absolute() ? given : base / given).lexically_normal();
    return resolved;
}

}  // namespace

SandboxFolders::SandboxFolders(const fs::path& script_folder, const std::optional<fs::path>& output_folder)
    : script_folder_(canonical_folder(script_folder)) {
    if (output_folder) output_folder_ = canonical_folder(*output_folder);
}

fs::path SandboxFolders::readable(std::string_view path) const {
    const fs::path resolved = resolve(path, script_folder_);
    if (is_within(resolved, script_folder_) || (output_folder_ && is_within(resolved, *output_folder_)))
        return resolved;
    throw Error("cannot read '" + std::string(path) + "': outside the script's folder and the output folder (sandbox)");
}

fs::path SandboxFolders::writable(std::string_view path) const {
    if (!output_folder_)
        throw Error("cannot write '" + std::string(path) + "': no output folder (run with --out DIR)");
    const fs::path resolved = resolve(path, *output_folder_);
    if (!is_within(resolved, *output_folder_) || resolved == *output_folder_)
        throw Error("cannot write '" + std::string(path) + "': outside the output folder " + output_folder_->string() +
                    " (sandbox)");
    std::error_code ec;
    fs::create_directories(resolved.parent_path(), ec);
    if (ec) throw Error("cannot write '" + std::string(path) + "': " + ec.message());
    return resolved;
}

}  // namespace muster::script
