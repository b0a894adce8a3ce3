#include "ui/viewer.hpp"

#include "core/atomic_file.hpp"
#include "export/png_writer.hpp"
#include "platform/sdl_window_surface.hpp"
#include "render/attribution.hpp"
#include "render/map_renderer.hpp"
#include "render/overlay.hpp"
#include "render/overlay_fonts.hpp"
#include "ui/about_panel.hpp"
#include "ui/article_panel.hpp"
#include "ui/entities_panel.hpp"
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
    const ProjectionPtr& projection = state.camera.projection_ptr();
    if (!has_overlay_content(state.scenario)) return Camera::world_view(drawable, projection);
    const int left = static_cast<int>(state.map_left_px);
    const PixelSize free_area{std::max(drawable.width - left, 1), drawable.height};
    const Camera fitted = fit_scenario(state.scenario, free_area, 110.0 * pixel_ratio, projection);
    Camera camera(drawable, projection);
    camera.set_zoom(fitted.zoom());
    return camera_centred_on(camera, fitted.centre(), state.map_left_px);
}

Camera initial_camera(const ViewerOptions& options, const ViewState& state, PixelSize drawable, float pixel_ratio) {
    return options.bbox ? Camera::fit(*options.bbox, drawable, state.camera.projection_ptr())
                        : home_camera(state, drawable, pixel_ratio);
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

void draw_panels(ViewState& state, const PlaceLookup& lookup) {
    draw_menu_bar(state);
    draw_status_bar(state);
    draw_side_column(state);
    draw_search_box(state, lookup);
    draw_about_panel(state);
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
    // Added to the atlas before the first frame, when the backend builds its font texture.
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
    const float width_pt = static_cast<float>(surface.drawable_size().width) / surface.pixel_ratio();
    update_map_left(state, width_pt, surface.pixel_ratio());
    state.camera = Camera(surface.drawable_size(), options.projection);
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

        clock.start();
        ImGui_ImplSDL2_NewFrame();
        imgui.begin_frame();
        state.camera.set_viewport(surface.drawable_size());
        const float ratio = surface.pixel_ratio();
        update_map_left(state, ImGui::GetIO().DisplaySize.x, ratio);
        handle_map_input(state, ratio);
        handle_measure_input(state, ratio);
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
        draw_measure(ImGui::GetBackgroundDrawList(), state, ratio);
        draw_panels(state, lookup);
        // After the panels, which may set hovered; the background list still draws under them.
        draw_map_links(ImGui::GetBackgroundDrawList(), state, renderer.overlay().layout(), ratio, hovered_on_map);
        imgui.render();

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
