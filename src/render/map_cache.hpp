// The map kept as an image while nothing it shows changes, as map tools keep
// a layer's rendering. Playing the timeline over a still view changes the
// countries' role colours, hatched areas and border lines only when a unit
// appears, leaves or arrives somewhere new (OverlayRenderer::revision()),
// and the laid-out symbols, halos and labels only then or when a strength
// shown changes (OverlayRenderer::prepare_marks()); units under way move
// every frame. So a frame:
//   the base map     drawn into an image of its own when it changed
//   laid-out marks   drawn over a copy of that image when either changed
//                    (through Dear ImGui's OpenGL backend, as the window
//                    draws them)
//   then             that image copied into the bound framebuffer
//                    (glBlitFramebuffer: a copy, no rasterising), and the
//                    figures under way drawn over it into the caller's list
// The copy is exactly the pixels drawing would give.
//
// The map is the same when the camera (centre, zoom, viewport, projection),
// the pixels per point, the style, the layers and the overlay's revision
// are, and the last draw had every level of detail it wanted (none still
// loading). Multisampled targets are drawn into directly, every frame. The
// renderer must draw only through the cache (its overlay reads the camera
// of its last draw).
#pragma once

#include "render/camera.hpp"
#include "render/layers.hpp"
#include "render/map_renderer.hpp"
#include "render/overlay_fonts.hpp"
#include "render/style.hpp"

#include <imgui.h>

#include <cstdint>
#include <optional>

namespace muster {

class MapCache {
public:
    MapCache() = default;
    ~MapCache();  // needs the renderer's GL context current
    MapCache(const MapCache&) = delete;
    MapCache& operator=(const MapCache&) = delete;

    // What renderer.draw(camera, ui_scale) and then renderer.draw_overlay()
    // would give, into the bound framebuffer: the map and the laid-out marks
    // from the kept images when they did not change, the figures under way
    // into `moving` (an ImDrawList of the current ImGui frame, drawn over the
    // framebuffer). Needs a current ImGui frame.
    void draw_with_overlay(MapRenderer& renderer, const Camera& camera, float ui_scale, ImDrawList* moving,
                           const OverlayFonts& fonts, OverlayScale scale);

    // Whether the last call copied the kept map, and the kept marks.
    [[nodiscard]] bool reused_map() const { return reused_map_; }
    [[nodiscard]] bool reused_marks() const { return reused_marks_; }

    // Forget the images: the next call draws.
    void clear() { kept_map_.reset(), kept_marks_.reset(); }

private:
    // What an image of the map shows.
    struct Shown {
        MapPoint centre;
        double zoom = 0.0;
        PixelSize viewport{0, 0};
        const void* projection = nullptr;
        float ui_scale = 1.0f;
        MapStyle style;
        LayerSettings layers;
        std::uint64_t revision = 0;
    };
    // What the marks over it show, besides.
    struct Marks {
        std::uint64_t revision = 0;
        const void* fonts = nullptr;
        OverlayScale scale;
    };
    struct Image {
        unsigned framebuffer = 0, colour = 0;
    };
    static bool same(const Shown& a, const Shown& b);
    // Draws the map into map_ when it changed; whether it was kept.
    bool update_map(MapRenderer& renderer, const Camera& camera, float ui_scale);
    void resize(PixelSize size);
    void release();

    std::optional<Shown> kept_map_;     // what map_ shows
    std::optional<Marks> kept_marks_;   // what marks_ shows over it
    Image map_, marks_;
    PixelSize size_{0, 0};
    bool reused_map_ = false, reused_marks_ = false;
};

}  // namespace muster
