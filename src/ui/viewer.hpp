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
    // What to show over the map (an opened article or scenario); the first
    // view frames it unless bbox is given.
    scenario::Scenario scenario;
};

// True when an X11 or Wayland display is named in the environment.
bool display_available();

// Runs the window until quit; returns the exit status. Throws muster::Error
// (no context, shaders, meshes, unwritable screenshot path).
int run_viewer(const ViewerOptions& options);

}  // namespace muster::ui
