// The map as an image of any size up to 16384x16384, drawn in tiles when
// the OpenGL limits (GL_MAX_RENDERBUFFER_SIZE, memory) are smaller than the
// image, and handed to a RowSink a band of rows at a time, so an encoder
// streams it to disk and memory stays bounded by a band, not the image.
//
// Each tile is drawn with the whole image's viewport shifted under the
// tile's framebuffer (MapRenderer::draw_tile) and the same Dear ImGui draw
// data (overlay and furniture) shown through the tile's window, so a tiled
// image is the untiled one: same geometry at the same pixels, save for
// rounding in the rasteriser's snapping after each tile's offset (on Mesa
// llvmpipe about 0.03% of pixels, on 1-pixel outlines and anti-aliased
// edges; tests/test_export_image.cpp).
//
// Works in whatever OpenGL 3.3 context is current: a headless one
// (render_map_headless, `muster render`) or the viewer's window (exports
// from the window). It makes its own framebuffer, MapRenderer and Dear ImGui
// context, and gives the caller's ImGui context back when done.
#pragma once

#include "export/row_sink.hpp"
#include "render/camera.hpp"
#include "render/country_mesh.hpp"
#include "render/layers.hpp"
#include "render/map_furniture.hpp"
#include "render/overlay.hpp"
#include "render/style.hpp"
#include "scenario/scenario.hpp"
#include "scenario/timeline.hpp"

#include <optional>

namespace muster {

class MapRenderer;

struct MapImageJob {
    Camera camera;  // the view; camera.viewport() is the image size
    // Drawn over the map; not owned, read during the call. nullptr: plain map.
    const scenario::Scenario* scenario = nullptr;
    // The moment of a dated scenario drawn; none: its own current time
    // (OverlayRenderer::set_scenario). The window's exports give the slider's.
    std::optional<scenario::Days> time;
    MapStyle style;
    LayerSettings layers;  // what is drawn, how opaque, and the user's vector files
    float scale = 1.0f;  // pixels per point: symbols, text, lines, furniture
    // Anti-aliasing. Smooth lines: outlines drawn anti-aliased cover the
    // fills' stair steps at a fraction of multisampling's cost on a software
    // rasteriser (muster bench export: 4x multisampling made a 3840x2160
    // Ukraine view 5x slower). Multisampling (samples > 1) smooths fills
    // and thick lines too; wanted where a GPU makes it cheap.
    bool smooth_lines = true;
    int samples = 1;
    FurnitureOptions furniture;
    // Largest tile side, 0: as large as OpenGL and the memory budget allow.
    // Tests set it small to force tiling.
    int max_tile = 0;
    std::optional<Lod> detail;  // draw this level whatever the zoom (benchmarks)
    // A renderer to draw with, whose meshes stay loaded between images
    // (benchmarks, batches); it must belong to the current context. null: a
    // fresh one, loading the meshes it needs.
    MapRenderer* renderer = nullptr;
};

struct MapImageInfo {
    OverlayLayout overlay;  // where symbols and labels went
    LegendContent legend;   // what the legend listed (empty without one)
    ScreenBox title;        // the title plate's corner, margin included (empty without a title)
    PixelSize tile;         // the largest tile drawn
    int tiles = 0;
    int bands = 0;          // groups of rows handed to the sink
    int samples = 1;
    double draw_ms = 0.0;      // drawing, including loading meshes on first use
    double read_ms = 0.0;      // resolving and reading pixels back
    double encode_ms = 0.0;    // inside the sink
};

// Memory the tiles may take (framebuffers and one band of rows).
inline constexpr double map_image_memory_budget = 128.0 * 1024 * 1024;

// Throws muster::Error when the image is larger than this OpenGL's viewport
// limit or a framebuffer cannot be had, and passes on the sink's errors.
MapImageInfo render_map_image(const MapImageJob& job, RowSink& sink);

}  // namespace muster
