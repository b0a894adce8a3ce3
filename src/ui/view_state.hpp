// Everything the map window shows, in one place. Panels are functions that
// draw from this state each frame and write the user's intent back into it;
// no widget keeps its own copy (Dear ImGui's model).
#pragma once

#include "core/geo.hpp"
#include "render/camera.hpp"
#include "render/country_mesh.hpp"
#include "render/style.hpp"
#include "scenario/scenario.hpp"

#include <optional>
#include <string>

namespace muster::ui {

struct ViewState {
    Camera camera;
    MapStyle style;
    // What the map shows over the base map; empty: the plain map. The
    // renderer copies what it draws, so edits here show on the next frame.
    scenario::Scenario scenario;

    // Pointer over the map (not over a panel), in lon/lat.
    std::optional<LatLon> cursor;
    // A drag that began on the map keeps panning even over panels.
    bool dragging_map = false;

    // What the renderer did last frame, for the status bar.
    Lod detail_wanted = Lod::coarse_110m;
    Lod detail_drawn = Lod::coarse_110m;
    bool detail_loading = false;
    bool overlay_loading = false;  // base-map city labels still being read
    double frame_ms = 0.0;  // mean over recent frames: map + UI + present

    // Requests from menus and shortcuts, acted on by the main loop.
    bool show_about = false;
    bool quit_requested = false;
    bool reset_view_requested = false;

    std::string notice;  // one-line message shown in the status bar (e.g. a failed detail level)
};

}  // namespace muster::ui
