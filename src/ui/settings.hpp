// What the viewer remembers between runs, in the user's configuration
// folder: $XDG_CONFIG_HOME/muster/ (or ~/.config/muster/ when that is unset
// or not absolute, as the XDG Base Directory specification says).
//
//   settings.json  recent files, side column width and visibility, the
//                  graticule and Inspector toggles (this file)
//   imgui.ini      Dear ImGui's window layout (Inspector position and size),
//                  loaded and saved by the viewer
//
// A missing settings file gives the defaults silently; a broken one (not
// JSON, a field of the wrong type) gives the defaults for what is broken and
// one warning line naming the file. Writing is atomic (core/atomic_file.hpp).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace muster::ui {

// Most recent files remembered (File -> Open recent).
inline constexpr std::size_t max_recent_files = 10;

struct Settings {
    std::vector<std::filesystem::path> recent_files;  // most recent first, absolute
    float side_panel_width = 440.0f;                  // points
    bool show_side_panels = true;
    bool graticule = true;
    bool show_inspector = true;
    friend bool operator==(const Settings&, const Settings&) = default;
};

// $XDG_CONFIG_HOME/muster, else $HOME/.config/muster; empty when neither
// variable gives an absolute path (nothing is then read or written).
std::filesystem::path config_folder();

// Reads settings.json in `folder`. Problems are appended to warnings as one
// line each ("FOLDER/settings.json: not valid JSON (...); using defaults")
// and never thrown.
Settings load_settings(const std::filesystem::path& folder, std::vector<std::string>& warnings);

// Writes settings.json in `folder`, creating the folder. Throws muster::Error
// "PATH: cannot write (...)".
void save_settings(const Settings& settings, const std::filesystem::path& folder);

// Dear ImGui's window layout: loads FOLDER/imgui.ini when it exists (call
// before the first frame); saves it atomically, creating the folder (throws
// muster::Error "PATH: cannot write (...)"). Nothing happens for an empty folder.
void load_window_layout(const std::filesystem::path& folder);
void save_window_layout(const std::filesystem::path& folder);

// Puts `file` (made absolute) first in the list, dropping an earlier entry of
// it and anything past max_recent_files.
void remember_recent(std::vector<std::filesystem::path>& recent, const std::filesystem::path& file);

}  // namespace muster::ui
