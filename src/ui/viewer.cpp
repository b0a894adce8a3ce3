#include "ui/viewer.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "export/image_file.hpp"
#include "export/png_writer.hpp"
#include "platform/sdl_window_surface.hpp"
#include "render/attribution.hpp"
#include "render/headless_render.hpp"
#include "render/map_furniture.hpp"
#include "render/map_image.hpp"
#include "render/map_renderer.hpp"
#include "render/overlay.hpp"
#include "render/overlay_fonts.hpp"
#include "ui/about_panel.hpp"
#include "ui/article_panel.hpp"
#include "ui/entities_panel.hpp"
#include "ui/export_dialog.hpp"
#include "ui/imgui_layer.hpp"
#include "ui/map_input.hpp"
#include "ui/map_links.hpp"
#include "ui/measure_tool.hpp"
#include "ui/menu_bar.hpp"
#include "ui/search_box.hpp"
#include "ui/status_bar.hpp"
#include "ui/view_state.hpp"

#include <epoxy/gl.h>
// (epoxy before the imgui backends)
#include <backends/imgui_impl_sdl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <exception>
#include <numeric>
#include <optional>
#include <string>

namespace muster::ui {
namespace {

constexpr float ui_font_points = 15.0f;
constexpr int frames_after_input = 3;          // let ImGui settle hover/animation states
constexpr int loading_poll_ms = 100;           // while a finer level loads in the background
constexpr std::size_t frame_time_window = 30;  // frames averaged for the status bar
constexpr double fly_to_fraction = 0.3;         // of the remaining way per frame: eases out
constexpr float side_min_width = 260.0f;        // points: narrower, the tables are unreadable
constexpr float side_max_share = 0.45f;         // of the window: the map keeps the larger part
constexpr float article_share = 0.55f;          // of the column's height, over the entities
constexpr float search_box_reserved_pt = 48.0f; // the search box at the map's top right (search_box.cpp)

// Dear ImGui's SDL2 platform backend for the lifetime of a window.
class ImGuiSdlBinding {
public:
    explicit ImGuiSdlBinding(const SdlWindowSurface& surface) {
        ImGui_ImplSDL2_InitForOpenGL(surface.sdl_window(), surface.gl_context());
    }
    ~ImGuiSdlBinding() { ImGui_ImplSDL2_Shutdown(); }
    ImGuiSdlBinding(const ImGuiSdlBinding&) = delete;
    ImGuiSdlBinding& operator=(const ImGuiSdlBinding&) = delete;
};

class FrameClock {
public:
    void start() { start_ = std::chrono::steady_clock::now(); }
    void stop() {
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
        recent_.push_back(ms);
        if (recent_.size() > frame_time_window) recent_.pop_front();
        all_.push_back(ms);
    }
    [[nodiscard]] double recent_mean() const {
        return recent_.empty() ? 0.0 : std::accumulate(recent_.begin(), recent_.end(), 0.0) / recent_.size();
    }
    void report(PixelSize size) const {
        if (all_.empty()) return;
        std::vector<double> sorted = all_;
        std::sort(sorted.begin(), sorted.end());
        // The first frame loads meshes and builds the font atlas: report it apart.
        const double first = all_.front();
        const std::vector<double> rest(all_.begin() + 1, all_.end());
        const double mean = rest.empty() ? first : std::accumulate(rest.begin(), rest.end(), 0.0) / rest.size();
        std::fprintf(stderr, "muster view: %zu frames at %dx%d: first %.1f ms, then mean %.1f ms, median %.1f ms, max %.1f ms\n",
                     all_.size(), size.width, size.height, first, mean, sorted[sorted.size() / 2], sorted.back());
    }

private:
    std::chrono::steady_clock::time_point start_;
    std::deque<double> recent_;
    std::vector<double> all_;
};

// The gazetteer for the search box, loaded on the first search (memory-
// mapping the index takes milliseconds, but a viewer that never searches
// should not pay for it, nor for building it when the index is missing).
class LazyGazetteer {
public:
    // Candidates for name; none when the gazetteer cannot load (see failure()).
    std::vector<Candidate> lookup(std::string_view name, std::size_t limit) {
        if (!tried_) {
            tried_ = true;
            try {
                gazetteer_.emplace(Gazetteer::load());
            } catch (const std::exception& error) {
                failure_ = std::string("search unavailable: ") + error.what();
            }
        }
        return gazetteer_ ? gazetteer_->lookup(name, limit) : std::vector<Candidate>{};
    }
    // Why searching finds nothing: empty while the gazetteer loads fine.
    [[nodiscard]] const std::string& failure() const { return failure_; }

private:
    bool tried_ = false;
    std::optional<Gazetteer> gazetteer_;
    std::string failure_;
};

// Feeds SDL events to ImGui; returns whether any arrived. Waits up to
// wait_ms for the first one (0: just polls).
bool pump_events(ViewState& state, int wait_ms) {
    SDL_Event event;
    bool any = false;
    if (wait_ms > 0 && !SDL_WaitEventTimeout(&event, wait_ms)) return false;
    if (wait_ms > 0) {
        any = true;
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_QUIT) state.quit_requested = true;
    }
    while (SDL_PollEvent(&event)) {
        any = true;
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_QUIT) state.quit_requested = true;
    }
    return any;
}

// Home: the scenario's places and borders, or the world without one; framed
// in the part of the window the side column leaves free.
Camera home_camera(const ViewState& state, PixelSize drawable, float pixel_ratio) {
    if (!has_overlay_content(state.scenario)) return Camera::world_view(drawable);
    const int left = static_cast<int>(state.map_left_px);
    const PixelSize free_area{std::max(drawable.width - left, 1), drawable.height};
    const Camera fitted = fit_scenario(state.scenario, free_area, 110.0 * pixel_ratio);
    Camera camera(drawable);
    camera.set_zoom(fitted.zoom());
    return camera_centred_on(camera, fitted.centre(), state.map_left_px);
}

Camera initial_camera(const ViewerOptions& options, const ViewState& state, PixelSize drawable, float pixel_ratio) {
    return options.bbox ? Camera::fit(*options.bbox, drawable) : home_camera(state, drawable, pixel_ratio);
}

// The side column shows only when there is something to read in it.
bool side_column_visible(const ViewState& state) {
    return state.show_side_panels && (!state.scenario.sources.empty() || !state.scenario.places.empty());
}

// Pixels the side column covers, clamping its width to the window.
void update_map_left(ViewState& state, float window_width_pt, float pixel_ratio) {
    state.side_panel_width =
        std::clamp(state.side_panel_width, side_min_width, std::max(side_min_width, window_width_pt * side_max_share));
    state.map_left_px = side_column_visible(state) ? static_cast<double>(state.side_panel_width) * pixel_ratio : 0.0;
}

constexpr ImGuiWindowFlags side_flags =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;

// Article above Entities down the left edge; the Article's right edge
// resizes the column (its width is read back into state).
void draw_side_column(ViewState& state) {
    if (!side_column_visible(state)) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float height = viewport->WorkSize.y - status_bar_height();
    const float article_height = std::round(height * article_share);
    const float max_width = std::max(side_min_width, viewport->WorkSize.x * side_max_share);
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(ImVec2(state.side_panel_width, article_height));
    ImGui::SetNextWindowSizeConstraints(ImVec2(side_min_width, article_height), ImVec2(max_width, article_height));
    if (ImGui::Begin("Article", nullptr, side_flags)) draw_article_text(state);
    state.side_panel_width = ImGui::GetWindowWidth();
    ImGui::End();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x, viewport->WorkPos.y + article_height));
    ImGui::SetNextWindowSize(ImVec2(state.side_panel_width, height - article_height));
    if (ImGui::Begin("Entities", nullptr, side_flags | ImGuiWindowFlags_NoResize)) draw_entities_tables(state);
    ImGui::End();
}

// map_size, window_size: drawable pixels of the map's part and of the
// whole window, for the export dialog's sizes.
void draw_panels(ViewState& state, const PlaceLookup& lookup, PixelSize map_size, PixelSize window_size) {
    draw_menu_bar(state);
    draw_status_bar(state);
    draw_side_column(state);
    draw_search_box(state, lookup);
    draw_about_panel(state);
    draw_export_dialog(state, state.export_dialog.content == ExportContent::window ? window_size : map_size);
    draw_data_export_dialog(state);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    draw_attribution(ImGui::GetBackgroundDrawList(), ImGui::GetFont(), ImGui::GetFontSize() * 0.85f,
                     ImVec2(viewport->WorkPos.x + viewport->WorkSize.x,
                            viewport->WorkPos.y + viewport->WorkSize.y - status_bar_height()));
}

void copy_frame_info(ViewState& state, const MapRenderer& renderer) {
    const auto& frame = renderer.last_frame();
    state.detail_wanted = frame.wanted;
    state.detail_drawn = frame.drawn;
    state.detail_loading = frame.loading;
    state.overlay_loading = renderer.overlay().loading();
    state.notice = renderer.detail_failure();
}

// --search and --measure (screenshots): the search already run, the
// measure tool on with both points.
void apply_tool_options(const ViewerOptions& options, ViewState& state, const PlaceLookup& lookup) {
    if (!options.search.empty()) {
        const std::size_t length = std::min(options.search.size(), state.search.text.size() - 1);
        std::copy_n(options.search.begin(), length, state.search.text.begin());
        state.search.searched = state.search.text.data();
        state.search.hits = search_places(lookup, state.search.searched);
        state.search.open = true;
    }
    if (options.measure) {
        state.measure.active = true;
        state.measure.a = options.measure->first;
        state.measure.b = options.measure->second;
    }
}


// ------------------------------------------------------------------ exports

// The part of the window the map shows, in drawable pixels: right of the
// side column, between the menu bar and the status bar.
struct MapArea {
    double x = 0, y = 0, width = 1, height = 1;
    [[nodiscard]] PixelSize size() const {
        return {std::max(1, static_cast<int>(std::lround(width))), std::max(1, static_cast<int>(std::lround(height)))};
    }
};

MapArea map_area(const ViewState& state, PixelSize drawable, float ratio) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    MapArea area;
    area.x = state.map_left_px;
    area.y = viewport->WorkPos.y * ratio;
    area.width = std::max(1.0, drawable.width - area.x);
    area.height = std::max(1.0, (viewport->WorkPos.y + viewport->WorkSize.y - status_bar_height()) * ratio - area.y);
    return area;
}

// Legend and scale bar over the map in the window (View menu), inside the
// map's part of the window; the window draws its attribution itself.
void draw_window_furniture(const ViewState& state, const MapArea& area, float ratio, const FurnitureFonts& fonts,
                           const OverlayLayout& overlay) {
    if (!state.show_legend && !state.show_scale_bar) return;
    FurnitureOptions options;
    options.legend = state.show_legend;
    options.scale_bar = state.show_scale_bar;
    options.attribution = false;
    const LegendContent legend = state.show_legend ? legend_content(state.scenario, state.style.overlay) : LegendContent{};
    const FurnitureFrame frame{ImVec2(static_cast<float>(area.x / ratio), static_cast<float>(area.y / ratio)),
                               ImVec2(static_cast<float>((area.x + area.width) / ratio),
                                      static_cast<float>((area.y + area.height) / ratio)),
                               OverlayScale{ratio, ratio}, &overlay, search_box_reserved_pt};
    draw_map_furniture(ImGui::GetBackgroundDrawList(), options, legend, state.camera, fonts, state.style, frame);
}

// The camera of a map-only export: the map area's view, scaled by the
// dialog's factor, or fitted into its exact pixels.
Camera export_camera(const ViewState& state, const MapArea& area, PixelSize size) {
    const ExportDialogState& dialog = state.export_dialog;
    const LatLon centre = state.camera.to_lonlat({area.x + area.width / 2, area.y + area.height / 2});
    if (dialog.sizing == ExportSizing::scale) {
        Camera camera(size);
        camera.set_zoom(state.camera.zoom() + std::log2(static_cast<double>(dialog.scale)));
        camera.set_centre(centre);
        return camera;
    }
    const LatLon top_left = state.camera.to_lonlat({area.x, area.y});
    const LatLon bottom_right = state.camera.to_lonlat({area.x + area.width, area.y + area.height});
    Extent extent{top_left.lon, bottom_right.lat, bottom_right.lon, top_left.lat};
    if (extent.max_lon <= extent.min_lon) extent.max_lon += 360.0;  // across the antimeridian
    return extent.valid() ? Camera::fit(extent, size) : Camera::world_view(size);
}

void export_map_image(const ViewState& state, const MapArea& area, float ratio) {
    const ExportDialogState& dialog = state.export_dialog;
    const std::filesystem::path path(dialog.path.data());
    const ImageFormat format = image_format_for(path).value_or(ImageFormat::png);
    const PixelSize size = export_image_size(dialog, area.size());
    MapImageJob job;
    job.camera = export_camera(state, area, size);
    job.scenario = &state.scenario;
    job.style = state.style;
    job.scale = dialog.sizing == ExportSizing::scale ? ratio * static_cast<float>(dialog.scale)
                                                     : std::max(ratio, overlay_size_scale(size));
    if (dialog.title) job.furniture.title = dialog.title_text.data();
    job.furniture.legend = dialog.legend;
    job.furniture.scale_bar = dialog.scale_bar;
    job.furniture.north_arrow = dialog.north_arrow;
    ImageFileOptions options;
    options.jpeg.quality = dialog.jpeg_quality;
    options.georeference = web_mercator_geotransform(job.camera);
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

// Runs the dialog's export (after a frame without the dialog) and F12's
// screenshot; says in the status bar what was saved, or why not.
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

// --export-dialog and --export-map (tests, screenshots): the dialog open at
// start, or a map-only export at twice the map's size after the first frame.
void apply_export_options(const ViewerOptions& options, ViewState& state) {
    if (!options.show_export_dialog && !options.export_map) return;
    open_image_export(state);
    if (!options.export_map) return;
    std::fill(state.export_dialog.path.begin(), state.export_dialog.path.end(), '\0');
    const std::string path = options.export_map->string();
    std::copy_n(path.begin(), std::min(path.size(), state.export_dialog.path.size() - 1), state.export_dialog.path.begin());
    state.export_dialog.open = false;
    state.export_dialog.requested = true;
    state.export_dialog.north_arrow = true;
}

}  // namespace

bool display_available() {
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 && *x11) || (wayland && *wayland);
}

int run_viewer(const ViewerOptions& options) {
    if (options.screenshot) check_writable(*options.screenshot);
    WindowOptions window;
    window.title = "muster";
    window.size = options.window;
    window.vsync = options.vsync;
    SdlWindowSurface surface(window);
    ImGuiLayer imgui(ui_font_points, surface.pixel_ratio());
    if (imgui.font().fallback) std::fprintf(stderr, "muster view: warning: %s\n", imgui.font().warning.c_str());
    ImGuiSdlBinding sdl_binding(surface);
    // Added to the atlas before the first frame, when the backend builds its
    // font texture (furniture first: load_overlay_fonts builds the atlas).
    const FurnitureFonts furniture_fonts = add_furniture_fonts(surface.pixel_ratio());
    const OverlayFonts map_fonts = load_overlay_fonts(surface.pixel_ratio());
    MapRenderer renderer(MapStyle{}, DetailLoading::background);

    ViewState state;
    state.scenario = options.scenario;
    state.show_about = options.show_about;
    LazyGazetteer gazetteer;
    const PlaceLookup lookup = [&](std::string_view name, std::size_t limit) {
        return gazetteer.lookup(name, limit);
    };
    apply_tool_options(options, state, lookup);
    apply_export_options(options, state);
    const float width_pt = static_cast<float>(surface.drawable_size().width) / surface.pixel_ratio();
    update_map_left(state, width_pt, surface.pixel_ratio());
    state.camera = initial_camera(options, state, surface.drawable_size(), surface.pixel_ratio());
    FrameClock clock;
    int busy_frames = frames_after_input;
    for (int frame = 1; !state.quit_requested; ++frame) {
        const bool free_running = options.frames > 0;
        const bool loading = state.detail_loading || state.overlay_loading;
        const bool flying = state.camera_target.has_value() || state.zoom_target.has_value();
        const int wait_ms = free_running || flying || busy_frames > 0 ? 0 : loading ? loading_poll_ms : 1000;
        if (pump_events(state, wait_ms)) busy_frames = frames_after_input;
        if (state.quit_requested) break;

        // Requested last frame: run after this one, which no longer shows the dialog or menu.
        const bool export_due = state.export_dialog.requested;
        const bool screenshot_due = state.screenshot_requested;
        clock.start();
        ImGui_ImplSDL2_NewFrame();
        imgui.begin_frame();
        state.camera.set_viewport(surface.drawable_size());
        const float ratio = surface.pixel_ratio();
        update_map_left(state, ImGui::GetIO().DisplaySize.x, ratio);
        handle_map_input(state, ratio);
        handle_measure_input(state, ratio);
        handle_export_keys(state);
        if (state.dragging_map) state.camera_target.reset(), state.zoom_target.reset();  // the user takes over
        if (state.reset_view_requested) {
            state.camera = home_camera(state, surface.drawable_size(), ratio);
            state.reset_view_requested = false;
        }
        // Hover is rebuilt each frame by whichever view has the pointer.
        state.hovered = {};
        // A click in measure mode places a point; it must not select too.
        if (!state.measure.active) update_map_hover(state, renderer.overlay().layout(), ratio);
        const bool hovered_on_map = !state.hovered.empty();
        step_fly_to(state, fly_to_fraction);
        step_zoom_to(state, fly_to_fraction);
        renderer.set_style(state.style);
        renderer.set_scenario(&state.scenario);
        surface.make_current();
        surface.bind_framebuffer();
        renderer.draw(state.camera, ratio);
        // Symbols and labels under the panels; ImGui works in points, the camera in pixels.
        renderer.draw_overlay(ImGui::GetBackgroundDrawList(), map_fonts, OverlayScale{ratio, ratio});
        copy_frame_info(state, renderer);
        if (state.notice.empty()) state.notice = gazetteer.failure();
        const MapArea area = map_area(state, surface.drawable_size(), ratio);
        draw_window_furniture(state, area, ratio, furniture_fonts, renderer.overlay().layout());
        draw_measure(ImGui::GetBackgroundDrawList(), state, ratio);
        draw_panels(state, lookup, area.size(), surface.drawable_size());
        // After the panels, which may set hovered; the background list still draws under them.
        draw_map_links(ImGui::GetBackgroundDrawList(), state, renderer.overlay().layout(), ratio, hovered_on_map);
        imgui.render();
        run_due_exports(state, surface, area, ratio, export_due, screenshot_due);

        const bool last = options.frames > 0 && frame >= options.frames;
        if (last && options.screenshot) write_png(surface.read_pixels(), *options.screenshot);
        surface.present();
        clock.stop();
        state.frame_ms = clock.recent_mean();
        busy_frames = std::max(busy_frames - 1, 0);
        if (last) break;
    }
    if (options.timing) clock.report(surface.drawable_size());
    return 0;
}

}  // namespace muster::ui
