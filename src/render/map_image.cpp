#include "render/map_image.hpp"

#include "core/error.hpp"
#include "platform/framebuffer_target.hpp"
#include "render/map_renderer.hpp"
#include "render/overlay_fonts.hpp"
#include "ui/imgui_layer.hpp"

#include <epoxy/gl.h>
// (epoxy first: the imgui backends must not pull in another GL header before it)
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace muster {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string size_text(PixelSize size) { return std::to_string(size.width) + "x" + std::to_string(size.height); }

// How the image is cut: tiles of at most tile.width columns, bands of
// tile.height rows (the last ones smaller).
struct TilePlan {
    PixelSize tile;
    int samples = 1;
};

TilePlan plan_tiles(PixelSize image, int samples, int max_tile, const GlImageLimits& limits) {
    if (image.width > limits.max_viewport || image.height > limits.max_viewport)
        throw Error("image " + size_text(image) + ": larger than this OpenGL's viewport limit (" +
                    std::to_string(limits.max_viewport) + ")");
    int side = limits.max_renderbuffer;
    if (max_tile > 0) side = std::min(side, max_tile);
    TilePlan plan;
    plan.samples = std::clamp(samples, 1, limits.max_samples);
    plan.tile.width = std::min(image.width, side);
    // Rows per band within the budget: the band itself, the tile's
    // multisampled buffer and its resolved copy.
    for (;;) {
        const double bytes_per_row = 4.0 * image.width + 4.0 * plan.tile.width * (plan.samples + 1);
        const int rows = static_cast<int>(map_image_memory_budget / bytes_per_row);
        if (rows >= 64 || plan.samples == 1) {
            plan.tile.height = std::clamp(rows, 1, std::min(image.height, side));
            break;
        }
        plan.samples = std::max(1, plan.samples / 2);  // a poster's width: fewer samples, not tiny bands
    }
    // Whole GeoTIFF tiles (256 rows) per band when bands are that tall.
    if (plan.tile.height > 256 && plan.tile.height < image.height) plan.tile.height -= plan.tile.height % 256;
    return plan;
}

// Dear ImGui context of its own for the export's text, the caller's back
// afterwards (the window keeps drawing its panels with its own).
class ExportImGui {
public:
    ExportImGui(float scale, bool overlay) : previous_(ImGui::GetCurrentContext()) {
        ImGui::SetCurrentContext(nullptr);
        layer_ = std::make_unique<ui::ImGuiLayer>(13.0f * scale);
        // Before the atlas is built: by load_overlay_fonts, or the first frame.
        furniture_fonts = add_furniture_fonts(scale);
        if (overlay) overlay_fonts = load_overlay_fonts(scale);
    }
    ~ExportImGui() {
        layer_.reset();
        ImGui::SetCurrentContext(previous_);
    }
    ExportImGui(const ExportImGui&) = delete;
    ExportImGui& operator=(const ExportImGui&) = delete;

    void begin_frame(PixelSize size) { layer_->begin_headless_frame(size); }

    FurnitureFonts furniture_fonts;
    OverlayFonts overlay_fonts;

private:
    ImGuiContext* previous_;
    std::unique_ptr<ui::ImGuiLayer> layer_;
};

// The frame's draw data through one tile's window: ImGui's OpenGL backend
// sets the viewport to DisplaySize and projects from DisplayPos.
void render_imgui_tile(ImDrawData* draw_data, const ImageTile& tile) {
    draw_data->DisplayPos = ImVec2(static_cast<float>(tile.x), static_cast<float>(tile.y));
    draw_data->DisplaySize = ImVec2(static_cast<float>(tile.width), static_cast<float>(tile.height));
    draw_data->FramebufferScale = ImVec2(1.0f, 1.0f);
    ImGui_ImplOpenGL3_RenderDrawData(draw_data);
}

}  // namespace

MapImageInfo render_map_image(const MapImageJob& job, RowSink& sink) {
    const PixelSize image = job.camera.viewport();
    const TilePlan plan = plan_tiles(image, job.samples, job.max_tile, query_gl_image_limits());
    MapImageInfo info;
    info.tile = plan.tile;
    info.samples = plan.samples;

    auto start = Clock::now();
    std::optional<MapRenderer> own_renderer;
    if (!job.renderer) own_renderer.emplace(job.style, DetailLoading::blocking);
    MapRenderer& renderer = job.renderer ? *job.renderer : *own_renderer;
    renderer.set_style(job.style);
    renderer.pin_detail(job.detail);
    renderer.smooth_lines(job.smooth_lines);
    renderer.set_scenario(job.scenario, job.time);
    renderer.set_layers(job.layers);
    const bool overlay = renderer.overlay().active();
    ExportImGui text(job.scale, overlay);
    FramebufferTarget target(plan.tile, plan.samples);
    std::vector<std::uint8_t> band(static_cast<std::size_t>(image.width) * 4 * static_cast<std::size_t>(plan.tile.height));
    const std::size_t stride = static_cast<std::size_t>(image.width) * 4;

    auto encode_start = Clock::now();
    sink.start(image);
    info.encode_ms += ms_since(encode_start);

    ImDrawData* draw_data = nullptr;
    for (int y = 0; y < image.height; y += plan.tile.height) {
        const int rows = std::min(plan.tile.height, image.height - y);
        for (int x = 0; x < image.width; x += plan.tile.width) {
            const ImageTile tile{x, y, std::min(plan.tile.width, image.width - x), rows};
            target.bind();
            renderer.draw_tile(job.camera, tile, job.scale);
            if (!draw_data) {
                // Once, after the first draw (the overlay lays out for the
                // level of detail drawn): symbols, labels and furniture.
                text.begin_frame(image);
                if (overlay && !job.furniture.title.empty()) {
                    // The title plate covers its corner: labels and symbols keep out of it.
                    const FurnitureFrame whole_frame{ImVec2(0, 0), ImVec2(static_cast<float>(image.width),
                                                                          static_cast<float>(image.height)),
                                                     OverlayScale{job.scale, 1.0f}};
                    const ImVec2 corner = title_plate_extent(job.furniture, text.furniture_fonts, whole_frame);
                    info.title = ScreenBox{0.0f, 0.0f, corner.x, corner.y};
                    MapStyle style = job.style;
                    style.overlay.covered_corner_width_pt = corner.x / job.scale;
                    style.overlay.covered_corner_height_pt = corner.y / job.scale;
                    renderer.set_style(style);
                }
                if (overlay) {
                    renderer.draw_overlay(ImGui::GetBackgroundDrawList(), text.overlay_fonts, OverlayScale{job.scale, 1.0f});
                    info.overlay = renderer.overlay().layout();
                }
                // The legend lists what this image shows (map_presence.hpp).
                const ScreenBox whole{0.0f, 0.0f, static_cast<float>(image.width), static_cast<float>(image.height)};
                LegendContent legend;
                if (job.scenario && job.furniture.legend) {
                    const LegendView view{&job.camera, whole, overlay ? &info.overlay : nullptr,
                                          &renderer.presence(whole)};
                    legend = legend_content(*job.scenario, job.style.overlay,
                                            renderer.overlay().frame() ? &*renderer.overlay().frame() : nullptr, &view);
                }
                info.legend = legend;
                const FurnitureFrame frame{ImVec2(0, 0), ImVec2(static_cast<float>(image.width), static_cast<float>(image.height)),
                                           OverlayScale{job.scale, 1.0f}, overlay ? &info.overlay : nullptr};
                draw_map_furniture(ImGui::GetForegroundDrawList(), job.furniture, legend, job.camera,
                                   text.furniture_fonts, job.style, frame);
                ImGui::Render();
                draw_data = ImGui::GetDrawData();
            }
            render_imgui_tile(draw_data, tile);
            info.draw_ms += ms_since(start);
            start = Clock::now();
            target.read(PixelSize{tile.width, tile.height}, band.data() + static_cast<std::size_t>(x) * 4, stride);
            info.read_ms += ms_since(start);
            ++info.tiles;
            start = Clock::now();
        }
        encode_start = Clock::now();
        sink.write_rows(band.data(), stride, rows);
        info.encode_ms += ms_since(encode_start);
        ++info.bands;
        start = Clock::now();
    }
    encode_start = Clock::now();
    sink.finish();
    info.encode_ms += ms_since(encode_start);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return info;
}

}  // namespace muster
