#include "render/headless_render.hpp"

#include "export/png_writer.hpp"
#include "platform/offscreen_surface.hpp"
#include "render/attribution.hpp"
#include "render/map_renderer.hpp"
#include "render/overlay.hpp"
#include "render/overlay_fonts.hpp"
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

float overlay_size_scale(PixelSize size) {
    const float lines = static_cast<float>(std::min(size.width * 9 / 16, size.height));
    return std::clamp(lines / 1080.0f, 1.0f, 4.0f);
}

HeadlessRender render_map_headless(const HeadlessRenderRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    OffscreenSurface surface(request.size, affordable_samples(request.size, request.samples));
    MapRenderer renderer(request.style, DetailLoading::blocking);
    renderer.set_scenario(request.scenario);
    const bool overlay = renderer.overlay().active();
    const float scale = overlay_size_scale(request.size);

    std::unique_ptr<ui::ImGuiLayer> text;
    const float text_px = attribution_size_px(request.size);
    if (request.attribution || overlay) text = std::make_unique<ui::ImGuiLayer>(text_px);
    // Added before the first frame: the ImGui backend builds its font texture then.
    const OverlayFonts fonts = overlay ? load_overlay_fonts(scale) : OverlayFonts{};

    HeadlessRender result;
    if (request.bbox)
        result.camera = Camera::fit(*request.bbox, request.size, request.projection);
    else if (overlay)
        result.camera = fit_scenario(*request.scenario, request.size, 110.0 * scale, request.projection);
    else
        result.camera = Camera::world_view(request.size, request.projection);
    result.setup_ms = ms_since(start);

    const auto draw_start = std::chrono::steady_clock::now();
    surface.make_current();
    surface.bind_framebuffer();
    renderer.draw(result.camera, scale);
    if (text) {
        text->begin_headless_frame(request.size);
        if (overlay) {
            renderer.draw_overlay(ImGui::GetBackgroundDrawList(), fonts, OverlayScale{scale, 1.0f});
            result.overlay = renderer.overlay().layout();
        }
        if (request.attribution)
            draw_attribution(ImGui::GetForegroundDrawList(), text->font().font, text_px,
                             ImVec2(static_cast<float>(request.size.width), static_cast<float>(request.size.height)));
        text->render();
    }
    result.image = surface.read_pixels();
    result.draw_ms = ms_since(draw_start);
    return result;
}

HeadlessRender render_scenario_png(const scenario::Scenario& scenario, const HeadlessRenderRequest& request,
                                   const std::filesystem::path& png) {
    HeadlessRenderRequest with_scenario = request;
    with_scenario.scenario = &scenario;
    HeadlessRender render = render_map_headless(with_scenario);
    write_png(render.image, png);
    return render;
}

}  // namespace muster
