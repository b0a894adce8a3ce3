// Where muster's text faces come from: DejaVu Sans, from Debian's
// fonts-dejavu-core (/usr/share/fonts/truetype/dejavu/), or from the folder
// MUSTER_FONT_DIR names. muster ships no font file of its own; without
// DejaVu the UI, map labels and map furniture fall back to the font compiled
// into Dear ImGui (ProggyClean: ASCII only, so accented and Cyrillic letters
// show as '?'), and one warning line says which file is missing and what to
// install.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace muster {

// $MUSTER_FONT_DIR when set, else /usr/share/fonts/truetype/dejavu.
std::filesystem::path font_folder();

// font_folder() / name, e.g. font_file("DejaVuSans.ttf").
std::filesystem::path font_file(std::string_view name);

// The warning for a missing face, "FILE not found; text falls back to ..."
// (no prefix).
std::string missing_font_warning(const std::filesystem::path& file);

// Prints "muster: warning: " + missing_font_warning(file) to stderr, once
// per process however many faces are missing.
void warn_font_missing(const std::filesystem::path& file);

}  // namespace muster
