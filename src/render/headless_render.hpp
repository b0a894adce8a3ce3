// One map image without a window: offscreen surface, base map, attribution,
// read-back. What `muster render` and the tests use; the window draws the same
// MapRenderer into its own surface.
#pragma once

#include "core/geo.hpp"
#include "render/camera.hpp"
#include "render/rgba_image.hpp"
#include "render/style.hpp"

#include <optional>

namespace muster {

struct HeadlessRenderRequest {
    PixelSize size{1920, 1080};
    std::optional<Extent> bbox;  // none: Camera::world_view
    MapStyle style;
    int samples = 4;           // multisampling: smooth coastlines; interiors keep exact colours
    bool attribution = true;   // "Natural Earth · GeoNames (CC-BY)" bottom right
};

struct HeadlessRender {
    RgbaImage image;
    Camera camera;  // the view drawn, for converting places to pixels
    double setup_ms = 0.0;  // context, shaders, font atlas
    double draw_ms = 0.0;   // meshes (first use loads them), drawing, read-back
};

// Throws muster::Error when no OpenGL context, shader or mesh can be had.
HeadlessRender render_map_headless(const HeadlessRenderRequest& request);

}  // namespace muster
