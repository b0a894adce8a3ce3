// The viewer's exports as its main loop runs them (the dialogs that ask
// for them are export_dialog.hpp): the map's part of the window, the
// legend and scale bar drawn over it (View menu), File -> Export image run a
// frame after it was asked for, and F12's screenshot.
#pragma once

#include "platform/gl_surface.hpp"
#include "render/map_furniture.hpp"
#include "render/map_renderer.hpp"
#include "render/overlay.hpp"
#include "ui/view_state.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>

namespace muster::ui {

// The part of the window the map shows, in drawable pixels: right of the
// side column, between the menu bar and the status bar.
struct MapArea {
    double x = 0, y = 0, width = 1, height = 1;
    [[nodiscard]] PixelSize size() const {
        return {std::max(1, static_cast<int>(std::lround(width))), std::max(1, static_cast<int>(std::lround(height)))};
    }
};

MapArea map_area(const ViewState& state, PixelSize drawable, float ratio);

// Legend and scale bar over the map in the window (View -> Legend, Scale
// bar), inside the map's part; the window draws its attribution itself.
// The legend lists what the map's part shows (MapRenderer::presence).
void draw_window_furniture(const ViewState& state, const MapArea& area, float ratio, const FurnitureFonts& fonts,
                           MapRenderer& renderer);

// Runs the dialog's export (export_due: asked for last frame, so this frame
// no longer shows the dialog) and F12's screenshot (screenshot_due); says
// in the status bar what was saved, or why not. Call after the frame is
// drawn and before it is presented.
void run_due_exports(ViewState& state, GlSurface& surface, const MapArea& area, float ratio, bool export_due,
                     bool screenshot_due);

// --export-dialog and --export-map (tests, screenshots): the dialog open at
// start, or a map-only export at twice the map's size after the first frame.
void apply_export_options(bool show_dialog, const std::optional<std::filesystem::path>& export_map, ViewState& state);

}  // namespace muster::ui
