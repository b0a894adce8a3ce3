// The base map kept as an image while nothing it shows changes, as map
// tools keep a layer's rendering: playing the timeline over a still view
// redraws symbols and labels every frame, but the countries, their role
// colours, the hatched areas and the border lines only when a unit appears,
// leaves or arrives somewhere new (OverlayRenderer::revision()). A frame
// whose map is the same as the last one copies the kept image into the
// bound framebuffer (glBlitFramebuffer: a copy, no rasterising) instead of
// drawing the map again; the copy is exactly the pixels drawing would give.
//
// The map is the same when the camera (centre, zoom, viewport, projection),
// the pixels per point, the style, the layers the map pass draws (graticule,
// countries, borders, areas, annotations' areas, user layers, border
// features) and the overlay's revision are, and the last draw had every
// level of detail it wanted (none still loading). Multisampled targets are
// drawn into directly, every frame.
#pragma once

#include "render/camera.hpp"
#include "render/layers.hpp"
#include "render/map_renderer.hpp"
#include "render/style.hpp"

#include <cstdint>
#include <optional>

namespace muster {

class MapCache {
public:
    MapCache() = default;
    ~MapCache();  // needs the renderer's GL context current
    MapCache(const MapCache&) = delete;
    MapCache& operator=(const MapCache&) = delete;

    // renderer.draw(camera, ui_scale) into the bound framebuffer, or the
    // image kept from the last call when that would draw the same map.
    void draw(MapRenderer& renderer, const Camera& camera, float ui_scale = 1.0f);

    // Whether the last draw() copied the kept image.
    [[nodiscard]] bool reused() const { return reused_; }

    // Forget the image: the next draw() draws.
    void clear() { kept_.reset(); }

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
    static bool same(const Shown& a, const Shown& b);
    void release();

    std::optional<Shown> kept_;  // what the kept image shows
    unsigned framebuffer_ = 0, colour_ = 0;
    PixelSize size_{0, 0};
    bool reused_ = false;
};

}  // namespace muster
