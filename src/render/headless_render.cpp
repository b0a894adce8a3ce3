#include "render/headless_render.hpp"

#include "core/error.hpp"
#include "export/png_writer.hpp"
#include "platform/headless_context.hpp"
#include "platform/offscreen_surface.hpp"
#include "render/overlay.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>

namespace muster {
namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

MapImageJob job_for(const HeadlessRenderRequest& request) {
    MapImageJob job;
    job.camera = request_camera(request);
    job.scenario = request.scenario;
    job.style = request.style;
    job.layers = request.layers;
    job.scale = request.scale > 0 ? request.scale : overlay_size_scale(request.size);
    job.samples = request.samples;
    job.smooth_lines = request.smooth_lines;
    job.furniture = request.furniture;
    job.furniture.attribution = request.attribution;
    job.max_tile = request.max_tile;
    return job;
}

}  // namespace

float overlay_size_scale(PixelSize size) {
    const float lines = static_cast<float>(std::min(size.width * 9 / 16, size.height));
    return std::clamp(lines / 1080.0f, 1.0f, 4.0f);
}

Camera request_camera(const HeadlessRenderRequest& request) {
    if (request.bbox) return Camera::fit(*request.bbox, request.size, request.projection);
    const float scale = request.scale > 0 ? request.scale : overlay_size_scale(request.size);
    if (request.centre) {
        Camera camera(request.size, request.projection);
        camera.set_zoom(request.zoom + std::log2(static_cast<double>(scale)));
        camera.set_centre(*request.centre);
        return camera;
    }
    if (request.scenario && has_overlay_content(*request.scenario))
        return fit_scenario(*request.scenario, request.size, 110.0 * scale, request.projection);
    if (const auto layers = user_layers_extent(request.layers))
        return fit_extent(*layers, request.size, 60.0 * scale, 1.0, request.projection);
    return Camera::world_view(request.size, request.projection);
}

MapImageInfo render_map_headless_to(const HeadlessRenderRequest& request, RowSink& sink, Camera* camera) {
    if (request.size.width < 1 || request.size.height < 1 || request.size.width > OffscreenSurface::max_side ||
        request.size.height > OffscreenSurface::max_side)
        throw Error("image " + std::to_string(request.size.width) + "x" + std::to_string(request.size.height) +
                    ": each side must be 1.." + std::to_string(OffscreenSurface::max_side));
    const auto context = platform::create_headless_context();
    context->make_current();
    const MapImageJob job = job_for(request);
    if (camera) *camera = job.camera;
    return render_map_image(job, sink);
}

HeadlessRender render_map_headless(const HeadlessRenderRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    ImageSink sink;
    HeadlessRender result;
    const MapImageInfo info = render_map_headless_to(request, sink, &result.camera);
    result.image = std::move(sink.image());
    result.overlay = info.overlay;
    result.legend = info.legend;
    result.title = info.title;
    result.draw_ms = info.draw_ms + info.read_ms;
    result.setup_ms = ms_since(start) - result.draw_ms - info.encode_ms;
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
