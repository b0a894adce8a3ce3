#include "ui/viewer.hpp"

#include "core/atomic_file.hpp"
#include "export/png_writer.hpp"
#include "platform/sdl_window_surface.hpp"
#include "render/attribution.hpp"
#include "render/map_cache.hpp"
#include "render/map_furniture.hpp"
#include "render/map_renderer.hpp"
#include "render/overlay.hpp"
#include "render/overlay_fonts.hpp"
#include "render/scenario_look.hpp"
#include "ui/about_panel.hpp"
#include "ui/annotate_tool.hpp"
#include "ui/article_panel.hpp"
#include "ui/autosave.hpp"
#include "ui/document.hpp"
#include "ui/document_menu.hpp"
#include "ui/entities_panel.hpp"
#include "ui/file_browser.hpp"
#include "ui/export_dialog.hpp"
#include "ui/file_watch.hpp"
#include "ui/imgui_layer.hpp"
#include "ui/inspector_panel.hpp"
#include "ui/layers_panel.hpp"
#include "ui/map_input.hpp"
#include "ui/map_links.hpp"
#include "ui/measure_tool.hpp"
#include "ui/menu_bar.hpp"
#include "ui/paste_article.hpp"
#include "ui/scenario_view.hpp"
#include "ui/script_menu.hpp"
#include "ui/search_box.hpp"
#include "ui/settings.hpp"
#include "ui/status_bar.hpp"
#include "ui/timeline_panel.hpp"
#include "ui/view_state.hpp"
#include "ui/window_exports.hpp"

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

// Two fingers moving apart zoom in: SDL gives the change of their distance
// as a share of the touch surface's diagonal.
constexpr double pinch_zoom_per_unit = 8.0;

void handle_pinch(ViewState& state, const SDL_MultiGestureEvent& gesture) {
    if (gesture.numFingers != 2 || gesture.dDist == 0.0f) return;
    state.pinch_zoom += gesture.dDist * pinch_zoom_per_unit;
    // A touch screen's normalised position is the window's; a touchpad's has
    // no place on screen, so the pointer stands in (pinch_centre unset).
    if (SDL_GetTouchDeviceType(gesture.touchId) == SDL_TOUCH_DEVICE_DIRECT) {
        const PixelSize view = state.camera.viewport();
        state.pinch_centre = ScreenPoint{gesture.x * view.width, gesture.y * view.height};
    }
}

void handle_event(ViewState& state, SDL_Event& event) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_QUIT) state.quit_requested = true;
    if (event.type == SDL_MULTIGESTURE) handle_pinch(state, event.mgesture);
    if (event.type == SDL_DROPFILE && event.drop.file) {
        accept_dropped_file(state, event.drop.file);
        SDL_free(event.drop.file);
    }
}

// Feeds SDL events to ImGui; returns whether any arrived. Waits up to
// wait_ms for the first one (0: just polls).
bool pump_events(ViewState& state, int wait_ms) {
    SDL_Event event;
    bool any = false;
    if (wait_ms > 0 && !SDL_WaitEventTimeout(&event, wait_ms)) return false;
    if (wait_ms > 0) {
        any = true;
        handle_event(state, event);
    }
    while (SDL_PollEvent(&event)) {
        any = true;
        handle_event(state, event);
    }
    return any;
}

// ------------------------------------------------------------------ settings

Settings settings_of(const ViewState& state) {
    Settings settings;
    settings.recent_files = state.document.recent_files;
    settings.side_panel_width = state.side_panel_width;
    settings.show_side_panels = state.show_side_panels;
    settings.graticule = state.layers.graticule.visible;
    settings.show_inspector = state.show_inspector;
    return settings;
}

void apply_settings(ViewState& state, const Settings& settings) {
    state.document.recent_files = settings.recent_files;
    state.side_panel_width = settings.side_panel_width;
    state.show_side_panels = settings.show_side_panels;
    state.layers.graticule.visible = settings.graticule;
    state.show_inspector = settings.show_inspector;
}

// Settings and window layout are a convenience: failing to write them is
// a warning, never a reason to lose the session.
void store_settings(const ViewState& state, const std::filesystem::path& folder) {
    try {
        save_settings(settings_of(state), folder);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "muster view: warning: %s\n", error.what());
    }
}

void store_window_layout(const std::filesystem::path& folder) {
    try {
        save_window_layout(folder);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "muster view: warning: %s\n", error.what());
    }
}

// The document the window opens with: the file given on the command line
// (a scenario file is also where Save writes), or nothing.
void start_with(ViewState& state, const ViewerOptions& options) {
    start_document(state, options.scenario, options.opened_file,
                   !options.opened_file.empty() && options.opened_is_scenario);
    state.reset_view_requested = false;  // the first view is framed below, honouring --bbox
    if (!options.opened_file.empty()) {
        remember_recent(state.document.recent_files, options.opened_file);
        state.document.settings_changed = true;
    }
}

// A monotonic clock in seconds, for the file watch and autosave.
double seconds_now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Autosave into the settings folder; a copy left by a run that ended with
// unsaved edits is offered back (or, for tests, the answer is given).
void start_autosave(ViewState& state, const std::filesystem::path& config, const std::string& answer) {
    state.autosave.folder = autosave_folder(config);
    if (!offer_restore(state)) return;
    if (answer == "restore") restore_autosave(state);
    if (answer == "discard") discard_autosave(state);
}

// Home: the scenario's camera, else its places and borders, else the user
// layers, else the world; framed in the part of the window the side column (and a docked
// Inspector) leave free.
Camera home_camera(const ViewState& state, PixelSize drawable, float pixel_ratio) {
    if (auto kept = scenario_home_camera(state, drawable, pixel_ratio)) return *kept;  // the scenario's own camera
    const ProjectionPtr& projection = state.camera.projection_ptr();
    const auto layers = user_layers_extent(state.layers);
    if (!has_overlay_content(state.scenario) && !layers) return Camera::world_view(drawable, projection);
    const int left = static_cast<int>(state.map_left_px), right = static_cast<int>(state.map_right_px);
    const PixelSize free_area{std::max(drawable.width - left - right, 1), drawable.height};
    const Camera fitted = has_overlay_content(state.scenario)
                              ? fit_scenario(state.scenario, free_area, 110.0 * pixel_ratio, projection)
                              : fit_extent(*layers, free_area, 60.0 * pixel_ratio, 1.0, projection);
    Camera camera(drawable, projection);
    camera.set_zoom(fitted.zoom());
    return camera_centred_on(camera, fitted.centre(), state.map_left_px, state.map_right_px);
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

// map_size, window_size: drawable pixels of the map's part and of the
// whole window, for the export dialog's sizes.
void draw_panels(ViewState& state, const PlaceLookup& lookup, float pixel_ratio, PixelSize map_size,
                 PixelSize window_size) {
    draw_menu_bar(state);
    draw_status_bar(state);
    draw_side_column(state);
    draw_search_box(state, lookup);
    draw_layers_panel(state);
    draw_timeline_panel(state);
    draw_inspector(state, lookup, pixel_ratio);
    draw_about_panel(state);
    draw_document_dialogs(state);
    draw_restore_prompt(state);
    draw_script_window(state);
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
    // Other notices (a dropped file that could not be read) stay until replaced.
    if (!renderer.detail_failure().empty()) state.notice = renderer.detail_failure();
}

// The style the map is drawn in: the user's, with the strips the menu bar,
// status bar and docked panels cover kept free of labels and symbols.
MapStyle drawn_style(const ViewState& state, float pixel_ratio) {
    MapStyle style = styled(state.style, state.scenario.style);  // the scenario's colours and scales
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    style.overlay.covered_top_pt = viewport->WorkPos.y - viewport->Pos.y;
    style.overlay.covered_bottom_pt =
        status_bar_height() + (timeline_panel_visible(state) ? timeline_panel_height() : 0.0f);
    style.overlay.covered_left_pt = static_cast<float>(state.map_left_px) / pixel_ratio;
    style.overlay.covered_right_pt = static_cast<float>(state.map_right_px) / pixel_ratio;
    return style;
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
    if (const auto colon = options.select.find(':'); colon != std::string::npos) {
        const std::string kind = options.select.substr(0, colon), id = options.select.substr(colon + 1);
        select_entity(state, kind == "place" ? place_ref(id) : kind == "figure" ? figure_ref(id) : border_ref(id));
    }
    if (options.dialog == "open") open_file_browser(state, BrowserMode::open);
    if (options.dialog == "save-as") open_file_browser(state, BrowserMode::save_as);
    if (options.dialog == "paste") open_paste_article(state);
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
    // Files dropped on the window open (SDL delivers them by default; said
    // here, since opening by drag and drop depends on it).
    SDL_EventState(SDL_DROPFILE, SDL_ENABLE);
    ImGuiLayer imgui(ui_font_points, surface.pixel_ratio());
    // (a missing UI font was reported by load_ui_font: render/font_files.hpp)
    ImGuiSdlBinding sdl_binding(surface);
    // Added to the atlas before the first frame, when the backend builds its
    // font texture (furniture first: load_overlay_fonts builds the atlas).
    const FurnitureFonts furniture_fonts = add_furniture_fonts(surface.pixel_ratio());
    const OverlayFonts map_fonts = load_overlay_fonts(surface.pixel_ratio());
    MapRenderer renderer(MapStyle{}, DetailLoading::background);
    MapCache map_cache;  // the map's image while it does not change (playing the timeline)

    ViewState state;
    const std::filesystem::path config = config_folder();
    std::vector<std::string> warnings;
    apply_settings(state, load_settings(config, warnings));
    for (const std::string& warning : warnings) std::fprintf(stderr, "muster view: warning: %s\n", warning.c_str());
    load_window_layout(config);
    start_with(state, options);
    start_autosave(state, config, options.restore_autosave);
    if (!warnings.empty()) state.document.status = "warning: " + warnings.front();
    state.show_about = options.show_about;
    state.layers = options.layers;
    apply_layer_states(state.scenario.layers, state.layers);  // the scenario's own looks
    state.show_layers = options.show_layers;
    LazyGazetteer gazetteer;
    const PlaceLookup lookup = [&](std::string_view name, std::size_t limit) {
        return gazetteer.lookup(name, limit);
    };
    apply_tool_options(options, state, lookup);
    if (!options.script.empty()) request_script_run(state, options.script, options.script_output);
    apply_export_options(options.show_export_dialog, options.export_map, state);
    const float width_pt = static_cast<float>(surface.drawable_size().width) / surface.pixel_ratio();
    update_map_left(state, width_pt, surface.pixel_ratio());
    // --projection, else the scenario camera's (start_document switched to it).
    state.camera = Camera(surface.drawable_size(), options.projection ? options.projection : state.camera.projection_ptr());
    state.camera = initial_camera(options, state, surface.drawable_size(), surface.pixel_ratio());
    FrameClock clock;
    std::string title;
    int busy_frames = frames_after_input;
    for (int frame = 1;; ++frame) {  // quits below, once unsaved edits are settled
        const bool free_running = options.frames > 0;
        const bool loading = state.detail_loading || state.overlay_loading;
        const bool flying = state.camera_target.has_value() || state.zoom_target.has_value();
        const bool playing = state.timeline.playing;  // the timeline panel's playback
        const int wait_ms = free_running || flying || playing || busy_frames > 0 ? 0 : loading ? loading_poll_ms : 1000;
        if (pump_events(state, wait_ms)) busy_frames = frames_after_input;
        // Unsaved edits: ask first (the answer quits, or not).
        if (state.quit_requested && !may_close(state)) state.quit_requested = false, busy_frames = frames_after_input;
        if (state.quit_requested) break;
        if (run_requested_script(state)) surface.make_current();  // between frames: see script_menu.hpp

        // Asked for in an earlier frame: run after this one, which no longer
        // shows the dialog or menu (export_dialog.hpp: frames_to_wait).
        const bool export_due = state.export_dialog.requested && --state.export_dialog.frames_to_wait <= 0;
        const bool screenshot_due = state.screenshot_requested;
        clock.start();
        ImGui_ImplSDL2_NewFrame();
        imgui.begin_frame();
        state.camera.set_viewport(surface.drawable_size());
        const float ratio = surface.pixel_ratio();
        state.pixel_ratio = ratio;
        update_map_left(state, ImGui::GetIO().DisplaySize.x, ratio);
        handle_document_shortcuts(state);
        handle_map_input(state, ratio);
        handle_timeline_keys(state);
        update_timeline(state, ImGui::GetIO().DeltaTime);
        handle_place_move(state, ratio);
        handle_measure_input(state, ratio);
        handle_annotate_input(state, ratio);
        handle_export_keys(state);
        if (state.dragging_map) state.camera_target.reset(), state.zoom_target.reset();  // the user takes over
        // The Inspector's width is known once it has been drawn: frame again.
        if (frame == 2 && !options.bbox && state.map_right_px > 0.0) state.reset_view_requested = true;
        if (state.reset_view_requested) {
            state.camera = home_camera(state, surface.drawable_size(), ratio);
            state.reset_view_requested = false;
        }
        // Hover is rebuilt each frame by whichever view has the pointer.
        state.hovered = {};
        // A click in measure mode places a point; it must not select too.
        if (!state.measure.active && state.annotate.kind.empty() && state.inspector.dragging_place.empty())
            update_map_hover(state, renderer.overlay().layout(), ratio);
        const bool hovered_on_map = !state.hovered.empty();
        step_fly_to(state, fly_to_fraction);
        step_zoom_to(state, fly_to_fraction);
        add_dropped_vector_files(state);
        // Reload on change; it looks at the file at most once a second.
        watch_document_file(state, seconds_now());
        renderer.set_style(drawn_style(state, ratio));
        renderer.set_scenario(&state.scenario, shown_time(state));
        renderer.set_layers(state.layers);
        surface.make_current();
        surface.bind_framebuffer();
        // The map, and symbols and labels under the panels (kept as an image
        // while they do not change); ImGui works in points, the camera in pixels.
        map_cache.draw_with_overlay(renderer, state.camera, ratio, ImGui::GetBackgroundDrawList(), map_fonts,
                                    OverlayScale{ratio, ratio});
        copy_frame_info(state, renderer);
        if (state.notice.empty()) state.notice = gazetteer.failure();
        if (state.notice.empty()) state.notice = state.document.status;
        if (state.notice.empty()) state.notice = state.script.error;
        const MapArea area = map_area(state, surface.drawable_size(), ratio);
        draw_window_furniture(state, area, ratio, furniture_fonts, renderer);
        draw_measure(ImGui::GetBackgroundDrawList(), state, ratio);
        draw_annotate_marks(ImGui::GetBackgroundDrawList(), state, ratio);
        draw_panels(state, lookup, ratio, area.size(), surface.drawable_size());
        // After the panels, which may set hovered; the background list still draws under them.
        draw_map_links(ImGui::GetBackgroundDrawList(), state, renderer.overlay().layout(), ratio, hovered_on_map);
        draw_candidate_preview(ImGui::GetBackgroundDrawList(), state, ratio);
        track_edits(state, active_edit_item(state));
        autosave_tick(state, seconds_now(), active_edit_item(state) != 0);
        imgui.render();
        if (const std::string wanted = window_title(state); wanted != title) {
            title = wanted;
            SDL_SetWindowTitle(surface.sdl_window(), title.c_str());
        }
        if (state.document.settings_changed) {
            store_settings(state, config);
            state.document.settings_changed = false;
        }
        if (ImGui::GetIO().WantSaveIniSettings) store_window_layout(config);
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
    autosave_at_exit(state);
    store_settings(state, config);
    store_window_layout(config);
    return 0;
}

}  // namespace muster::ui
