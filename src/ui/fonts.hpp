// The UI font: DejaVu Sans (Latin, Latin Extended-A, Cyrillic, punctuation),
// because place names in articles about Ukraine and Russia arrive in both
// scripts. Without the TTF, Dear ImGui's built-in font (ASCII only) is used.
#pragma once

#include <imgui.h>

#include <filesystem>
#include <string>

namespace muster::ui {

// Where DejaVuSans.ttf is looked for: $MUSTER_UI_FONT if set, else
// font_file("DejaVuSans.ttf") (render/font_files.hpp).
std::filesystem::path ui_font_file();

struct LoadedFont {
    ImFont* font = nullptr;
    bool fallback = false;  // true: built-in font; `warning` says why
    std::string warning;
};

// Adds the UI font at size_px (physical pixels) to the current ImGui context's
// atlas; without the file, the built-in font, with warn_font_missing().
LoadedFont load_ui_font(float size_px);

}  // namespace muster::ui
