// One map image without a window: offscreen surface, base map, scenario
// overlay, attribution, read-back. What `muster render` and the tests use; the
// window draws the same MapRenderer into its own surface.
#pragma once

#include "core/geo.hpp"
#include "render/camera.hpp"
#include "render/layers.hpp"
#include "render/map_furniture.hpp"
#include "render/map_image.hpp"
#include "render/overlay.hpp"
#include "render/rgba_image.hpp"
#include "render/style.hpp"
#include "scenario/scenario.hpp"

#include <filesystem>
#include <optional>

namespace muster {

struct HeadlessRenderRequest {
    PixelSize size{1920, 1080};
    // none: fit_scenario() when the scenario has places or borders, else the
    // visible user layers' features (fit_extent), else Camera::world_view
    std::optional<Extent> bbox;
    // Without a bbox: the map centred here at this web-map zoom at one pixel
    // per point (a scenario's camera, render/scenario_look.hpp); images at a
    // larger size scale zoom in by log2 of it, so they show the same area.
    std::optional<LatLon> centre;
    double zoom = 0.0;
    // The map's projection (render/projection.hpp); nullptr: Web Mercator.
    ProjectionPtr projection;
    // Drawn over the map (render/overlay.hpp); not owned, only read during
    // the call. nullptr or an empty scenario: the plain map.
    const scenario::Scenario* scenario = nullptr;
    MapStyle style;
    LayerSettings layers;      // what is drawn, how opaque, and the user's vector files
    int samples = 1;           // multisampling (see MapImageJob); interiors keep exact colours either way
    bool smooth_lines = true;  // anti-aliased outlines, as exports draw them
    bool attribution = true;   // "Natural Earth · GeoNames (CC-BY)" bottom right
    // Title, legend, scale bar, north arrow (furniture.attribution is
    // replaced by `attribution` above).
    FurnitureOptions furniture;
    // Pixels per point of symbols, text and furniture; 0: overlay_size_scale(size).
    float scale = 0.0f;
    int max_tile = 0;  // see MapImageJob::max_tile
};

struct HeadlessRender {
    RgbaImage image;
    Camera camera;  // the view drawn, for converting places to pixels
    OverlayLayout overlay;  // where the scenario's symbols and labels went (empty without one)
    LegendContent legend;   // what the legend listed (furniture.legend; empty without one)
    ScreenBox title;        // the title plate's corner, margin included (empty without a title)
    double setup_ms = 0.0;  // context, shaders, font atlas
    double draw_ms = 0.0;   // meshes (first use loads them), drawing, read-back
};

// Throws muster::Error when no OpenGL context, shader or mesh can be had.
HeadlessRender render_map_headless(const HeadlessRenderRequest& request);

// Pixels per point of the overlay's symbols and text in an image of this
// size: 1 up to 1920x1080, growing with larger images (a 3840x2160 poster
// gets 2), so a poster looks like a briefing slide, not a stamp collection.
float overlay_size_scale(PixelSize size);

// The view a request asks for: its bbox, else its centre and zoom, else the
// scenario's places, else the world.
Camera request_camera(const HeadlessRenderRequest& request);

// Runs the rendering in a fresh headless OpenGL context (SDL offscreen, or
// EGL surfaceless) and hands the rows to sink: the streaming path of
// `muster render`. Returns the camera drawn in `camera`.
MapImageInfo render_map_headless_to(const HeadlessRenderRequest& request, RowSink& sink, Camera* camera = nullptr);

// The scenario over the map, written to a PNG (atomically, see png_writer):
// what `muster render INPUT -o out.png` does. request.scenario is ignored
// (scenario is used); without request.bbox the view fits the scenario.
// Returns the render (camera, timings). Throws muster::Error.
HeadlessRender render_scenario_png(const scenario::Scenario& scenario, const HeadlessRenderRequest& request,
                                   const std::filesystem::path& png);

}  // namespace muster
