#include "render/font_files.hpp"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace muster {

std::filesystem::path font_folder() {
    if (const char* chosen = std::getenv("MUSTER_FONT_DIR"); chosen && *chosen) return chosen;
    return "/usr/share/fonts/truetype/dejavu";
}

std::filesystem::path font_file(std::string_view name) { return font_folder() / name; }

std::string missing_font_warning(const std::filesystem::path& file) {
    return file.string() +
           " not found; text falls back to Dear ImGui's built-in font (ASCII only: accented and Cyrillic letters "
           "show as '?'); install fonts-dejavu-core";
}

void warn_font_missing(const std::filesystem::path& file) {
    // The window, its map labels and an export each look for their faces:
    // the user needs to hear about it once.
    static std::atomic<bool> warned{false};
    if (warned.exchange(true)) return;
    std::fprintf(stderr, "muster: warning: %s\n", missing_font_warning(file).c_str());
}

}  // namespace muster
