// One map image without a window: offscreen surface, base map, scenario
// overlay, attribution, read-back. What `muster render` and the tests use; the
// window draws the same MapRenderer into its own surface.
#pragma once

#include "core/geo.hpp"
#include "render/camera.hpp"
#include "render/overlay.hpp"
#include "render/rgba_image.hpp"
#include "render/style.hpp"
#include "scenario/scenario.hpp"

#include <filesystem>
#include <optional>

namespace muster {

struct HeadlessRenderRequest {
    PixelSize size{1920, 1080};
    // none: fit_scenario() when the scenario has places or borders, else Camera::world_view
    std::optional<Extent> bbox;
    // The map's projection (render/projection.hpp); nullptr: Web Mercator.
    ProjectionPtr projection;
    // Drawn over the map (render/overlay.hpp); not owned, only read during
    // the call. nullptr or an empty scenario: the plain map.
    const scenario::Scenario* scenario = nullptr;
    MapStyle style;
    int samples = 4;           // multisampling: smooth coastlines; interiors keep exact colours
    bool attribution = true;   // "Natural Earth · GeoNames (CC-BY)" bottom right
};

struct HeadlessRender {
    RgbaImage image;
    Camera camera;  // the view drawn, for converting places to pixels
    OverlayLayout overlay;  // where the scenario's symbols and labels went (empty without one)
    double setup_ms = 0.0;  // context, shaders, font atlas
    double draw_ms = 0.0;   // meshes (first use loads them), drawing, read-back
};

// Throws muster::Error when no OpenGL context, shader or mesh can be had.
HeadlessRender render_map_headless(const HeadlessRenderRequest& request);

// Pixels per point of the overlay's symbols and text in an image of this
// size: 1 up to 1920x1080, growing with larger images (a 3840x2160 poster
// gets 2), so a poster looks like a briefing slide, not a stamp collection.
float overlay_size_scale(PixelSize size);

// The scenario over the map, written to a PNG (atomically, see png_writer):
// what `muster render INPUT -o out.png` does. request.scenario is ignored
// (scenario is used); without request.bbox the view fits the scenario.
// Returns the render (camera, timings). Throws muster::Error.
HeadlessRender render_scenario_png(const scenario::Scenario& scenario, const HeadlessRenderRequest& request,
                                   const std::filesystem::path& png);

}  // namespace muster
