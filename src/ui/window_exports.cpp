#include "ui/window_exports.hpp"

#include "core/error.hpp"
#include "export/image_file.hpp"
#include "export/png_writer.hpp"
#include "render/headless_render.hpp"
#include "render/map_image.hpp"
#include "ui/export_dialog.hpp"
#include "ui/status_bar.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

namespace muster::ui {
namespace {

constexpr float search_box_reserved_pt = 48.0f;  // the search box at the map's top right (search_box.cpp)

// The camera of a map-only export: the map area's view, scaled by the
// dialog's factor, or fitted into its exact pixels.
Camera export_camera(const ViewState& state, const MapArea& area, PixelSize size) {
    const ExportDialogState& dialog = state.export_dialog;
    // In the map's plane, so any projection exports what the area shows.
    const MapPoint centre = state.camera.to_plane({area.x + area.width / 2, area.y + area.height / 2});
    const double magnify = dialog.sizing == ExportSizing::scale
                               ? static_cast<double>(dialog.scale)
                               : std::min(size.width / std::max(area.width, 1.0), size.height / std::max(area.height, 1.0));
    Camera camera(size, state.camera.projection_ptr());
    camera.set_zoom(state.camera.zoom() + std::log2(magnify));
    camera.set_centre_point(centre);
    return camera;
}

void export_map_image(const ViewState& state, const MapArea& area, float ratio) {
    const ExportDialogState& dialog = state.export_dialog;
    const std::filesystem::path path(dialog.path.data());
    const ImageFormat format = image_format_for(path).value_or(ImageFormat::png);
    const PixelSize size = export_image_size(dialog, area.size());
    MapImageJob job;
    job.camera = export_camera(state, area, size);
    job.scenario = &state.scenario;
    job.time = shown_time(state);  // the moment the window shows
    job.style = state.style;
    job.scale = dialog.sizing == ExportSizing::scale ? ratio * static_cast<float>(dialog.scale)
                                                     : std::max(ratio, overlay_size_scale(size));
    if (dialog.title) job.furniture.title = dialog.title_text.data();
    job.furniture.legend = dialog.legend;
    job.furniture.scale_bar = dialog.scale_bar;
    job.furniture.north_arrow = dialog.north_arrow;
    ImageFileOptions options;
    options.jpeg.quality = dialog.jpeg_quality;
    options.georeference = map_geotransform(job.camera);
    options.crs = job.camera.projection_ptr();
    write_image_file(path, format, options, [&](RowSink& sink) { render_map_image(job, sink); });
}

void export_window_image(const ViewState& state, GlSurface& surface) {
    const std::filesystem::path path(state.export_dialog.path.data());
    ImageFileOptions options;
    options.jpeg.quality = state.export_dialog.jpeg_quality;
    const RgbaImage image = surface.read_pixels();
    write_image_file(path, image_format_for(path).value_or(ImageFormat::png), options,
                     [&](RowSink& sink) { write_image_rows(image, sink); });
}

}  // namespace

MapArea map_area(const ViewState& state, PixelSize drawable, float ratio) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    MapArea area;
    area.x = state.map_left_px;
    area.y = viewport->WorkPos.y * ratio;
    area.width = std::max(1.0, drawable.width - area.x - state.map_right_px);  // a docked Inspector is not map
    area.height = std::max(1.0, (viewport->WorkPos.y + viewport->WorkSize.y - status_bar_height()) * ratio - area.y);
    return area;
}

void draw_window_furniture(const ViewState& state, const MapArea& area, float ratio, const FurnitureFonts& fonts,
                           MapRenderer& renderer) {
    if (!state.show_legend && !state.show_scale_bar) return;
    FurnitureOptions options;
    options.legend = state.show_legend;
    options.scale_bar = state.show_scale_bar;
    options.attribution = false;
    const scenario::TimelineFrame* moment = state.timeline.frame ? &*state.timeline.frame : nullptr;
    const OverlayLayout& overlay = renderer.overlay().layout();
    LegendContent legend;
    if (state.show_legend) {
        // What the map's part shows, panels left out: camera pixels.
        const ScreenBox shown{static_cast<float>(area.x), static_cast<float>(area.y),
                              static_cast<float>(area.x + area.width), static_cast<float>(area.y + area.height)};
        const LegendView view{&state.camera, shown, &overlay, &renderer.presence(shown)};
        legend = legend_content(state.scenario, state.style.overlay, moment, &view);
    }
    const FurnitureFrame frame{ImVec2(static_cast<float>(area.x / ratio), static_cast<float>(area.y / ratio)),
                               ImVec2(static_cast<float>((area.x + area.width) / ratio),
                                      static_cast<float>((area.y + area.height) / ratio)),
                               OverlayScale{ratio, ratio}, &overlay, search_box_reserved_pt};
    draw_map_furniture(ImGui::GetBackgroundDrawList(), options, legend, state.camera, fonts, state.style, frame);
}

void run_due_exports(ViewState& state, GlSurface& surface, const MapArea& area, float ratio, bool export_due,
                     bool screenshot_due) {
    if (screenshot_due) {
        state.screenshot_requested = false;
        const std::filesystem::path path = pictures_folder() / timestamped_name(std::chrono::system_clock::now(), ".png");
        try {
            write_png(surface.read_pixels(), path);
            state.status_message = "Saved screenshot " + path.string();
        } catch (const Error& e) {
            state.status_message = e.what();
        }
    }
    if (!export_due) return;
    ExportDialogState& dialog = state.export_dialog;
    dialog.requested = false;
    try {
        if (dialog.content == ExportContent::window)
            export_window_image(state, surface);
        else
            export_map_image(state, area, ratio);
        state.status_message = "Saved " + std::string(dialog.path.data());
    } catch (const Error& e) {
        dialog.error = e.what();
        dialog.open = true;  // show why, with the choices still there
        state.status_message = e.what();
    }
    surface.make_current();
    surface.bind_framebuffer();
}

void apply_export_options(bool show_dialog, const std::optional<std::filesystem::path>& export_map, ViewState& state) {
    if (!show_dialog && !export_map) return;
    open_image_export(state);
    if (!export_map) return;
    std::fill(state.export_dialog.path.begin(), state.export_dialog.path.end(), '\0');
    const std::string path = export_map->string();
    std::copy_n(path.begin(), std::min(path.size(), state.export_dialog.path.size() - 1), state.export_dialog.path.begin());
    state.export_dialog.open = false;
    state.export_dialog.requested = true;
    state.export_dialog.north_arrow = true;
}


}  // namespace muster::ui
