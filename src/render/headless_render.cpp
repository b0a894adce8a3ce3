#include "render/headless_render.hpp"

#include "platform/offscreen_surface.hpp"
#include "render/attribution.hpp"
#include "render/map_renderer.hpp"
#include "ui/imgui_layer.hpp"

#include <algorithm>
#include <chrono>
#include <memory>

namespace muster {
namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Credit text grows with the image, within reason: 11 px on small images,
// 14 px at 1080 lines, at most 40 px.
float attribution_size_px(PixelSize size) {
    return std::clamp(static_cast<float>(std::min(size.width * 9 / 16, size.height)) / 77.0f, 11.0f, 40.0f);
}

// Multisampling multiplies the framebuffer's memory: keep it under 1 GiB so a
// 16384x16384 poster does not need 4 GiB (it is then drawn without it).
int affordable_samples(PixelSize size, int wanted) {
    constexpr double budget_bytes = 1024.0 * 1024.0 * 1024.0;
    const double bytes_per_sample = 4.0 * size.width * size.height;
    return std::clamp(static_cast<int>(budget_bytes / bytes_per_sample), 1, std::max(wanted, 1));
}

}  // namespace

HeadlessRender render_map_headless(const HeadlessRenderRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    OffscreenSurface surface(request.size, affordable_samples(request.size, request.samples));
    MapRenderer renderer(request.style, DetailLoading::blocking);
    std::unique_ptr<ui::ImGuiLayer> text;
    const float text_px = attribution_size_px(request.size);
    if (request.attribution) text = std::make_unique<ui::ImGuiLayer>(text_px);

    HeadlessRender result;
    result.camera = request.bbox ? Camera::fit(*request.bbox, request.size) : Camera::world_view(request.size);
    result.setup_ms = ms_since(start);

    const auto draw_start = std::chrono::steady_clock::now();
    surface.make_current();
    surface.bind_framebuffer();
    renderer.draw(result.camera);
    if (text) {
        text->begin_headless_frame(request.size);
        draw_attribution(ImGui::GetForegroundDrawList(), text->font().font, text_px,
                         ImVec2(static_cast<float>(request.size.width), static_cast<float>(request.size.height)));
        text->render();
    }
    result.image = surface.read_pixels();
    result.draw_ms = ms_since(draw_start);
    return result;
}

}  // namespace muster
