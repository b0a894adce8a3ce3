#include "ui/fonts.hpp"

#include "render/font_files.hpp"

#include <cstdlib>
#include <system_error>

namespace muster::ui {
namespace {

// Zero-terminated pairs of first,last code points; Dear ImGui keeps the pointer.
const ImWchar* glyph_ranges() {
    static const ImWchar ranges[] = {
        0x0020, 0x00FF,  // Basic Latin, Latin-1 (degree sign, middle dot)
        0x0100, 0x017F,  // Latin Extended-A (Polish, Czech, Turkish names)
        0x0400, 0x052F,  // Cyrillic and Cyrillic Supplement
        0x2000, 0x206F,  // General Punctuation (dashes, ellipsis, thin spaces)
        0x2190, 0x21FF,  // Arrows
        0,
    };
    return ranges;
}

}  // namespace

std::filesystem::path ui_font_file() {
    if (const char* chosen = std::getenv("MUSTER_UI_FONT"); chosen && *chosen) return chosen;
    return font_file("DejaVuSans.ttf");
}

LoadedFont load_ui_font(float size_px) {
    ImGuiIO& io = ImGui::GetIO();
    const std::filesystem::path file = ui_font_file();
    std::error_code ec;
    if (std::filesystem::is_regular_file(file, ec)) {
        ImFontConfig config;
        config.OversampleH = 2;  // crisper small text on llvmpipe's bilinear sampling
        if (ImFont* font = io.Fonts->AddFontFromFileTTF(file.c_str(), size_px, &config, glyph_ranges()))
            return {font, false, ""};
    }
    warn_font_missing(file);
    ImFontConfig config;
    config.SizePixels = size_px;
    return {io.Fonts->AddFontDefault(&config), true, missing_font_warning(file)};
}

}  // namespace muster::ui
