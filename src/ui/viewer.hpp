// The interactive map window (`muster view`): an SDL2 window with an OpenGL
// 3.3 core context, the base map filling it, and Dear ImGui panels on top
// (menu bar, status bar, About box; one file per panel).
//
// The loop redraws while something changes (input, a detail level loading)
// and otherwise sleeps in SDL_WaitEventTimeout, so an idle window costs
// nothing on a software renderer.
#pragma once

#include "core/geo.hpp"
#include "render/projection.hpp"
#include "render/layers.hpp"
#include "scenario/scenario.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <utility>

namespace muster::ui {

struct ViewerOptions {
    std::optional<Extent> bbox;  // initial view; none: the whole world
    ProjectionPtr projection;    // initial projection; nullptr: Web Mercator
    PixelSize window{1600, 900}; // points; shrunk to fit the screen
    bool vsync = true;
    // For tests and screenshots: stop after this many frames (0: run until
    // the user quits), save the last frame as PNG, print frame times.
    int frames = 0;
    std::optional<std::filesystem::path> screenshot;
    bool timing = false;
    bool show_about = false;  // open Help -> About at start (screenshots)
    // For screenshots of the tools: run this search at start, leaving its
    // list open; turn the measure tool on with these two points.
    std::string search;
    std::optional<std::pair<LatLon, LatLon>> measure;
    // For screenshots of the Inspector and the dialogs: select this entity
    // at start ("place:p3", "figure:f1", "border:b1"); open a dialog
    // ("open", "save-as", "paste").
    std::string select;
    std::string dialog;
    // Run this script at start, writing into script_output (see script_menu.hpp).
    std::string script;
    std::string script_output;
    // For tests and screenshots of exports: open File -> Export image at
    // start; export the map alone (2x, title, legend, scale bar, north
    // arrow) to this file after the first frame.
    bool show_export_dialog = false;
    std::optional<std::filesystem::path> export_map;
    // What to show over the map (an opened article or scenario); the first
    // view frames it unless bbox is given.
    scenario::Scenario scenario;
    // Layers at start: the user's vector files (`--layer FILE`), and
    // whether the Layers panel is open.
    LayerSettings layers;
    bool show_layers = false;
    // The file it was opened from ("" for none), and whether that is a
    // scenario file (then File -> Save writes it) rather than an article.
    std::filesystem::path opened_file;
    bool opened_is_scenario = false;
    // For tests: answer "Restore unsaved changes?" at start ("restore" or
    // "discard") instead of asking; "" asks.
    std::string restore_autosave;
};

// True when an X11 or Wayland display is named in the environment.
bool display_available();

// Runs the window until quit; returns the exit status. Throws muster::Error
// (no context, shaders, meshes, unwritable screenshot path).
int run_viewer(const ViewerOptions& options);

}  // namespace muster::ui
