#include "ui/viewer.hpp"

#include "core/atomic_file.hpp"
#include "export/png_writer.hpp"
#include "platform/sdl_window_surface.hpp"
#include "render/attribution.hpp"
#include "render/map_renderer.hpp"
#include "ui/about_panel.hpp"
#include "ui/imgui_layer.hpp"
#include "ui/map_input.hpp"
#include "ui/menu_bar.hpp"
#include "ui/status_bar.hpp"
#include "ui/view_state.hpp"

#include <epoxy/gl.h>
// (epoxy before the imgui backends)
#include <backends/imgui_impl_sdl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <numeric>

namespace muster::ui {
namespace {

constexpr float ui_font_points = 15.0f;
constexpr int frames_after_input = 3;          // let ImGui settle hover/animation states
constexpr int loading_poll_ms = 100;           // while a finer level loads in the background
constexpr std::size_t frame_time_window = 30;  // frames averaged for the status bar

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

Camera initial_camera(const ViewerOptions& options, PixelSize drawable) {
    return options.bbox ? Camera::fit(*options.bbox, drawable) : Camera::world_view(drawable);
}

void draw_panels(ViewState& state) {
    draw_menu_bar(state);
    draw_status_bar(state);
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
    state.notice = renderer.detail_failure();
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
    MapRenderer renderer(MapStyle{}, DetailLoading::background);

    ViewState state;
    state.camera = initial_camera(options, surface.drawable_size());
    state.show_about = options.show_about;
    FrameClock clock;
    int busy_frames = frames_after_input;
    for (int frame = 1; !state.quit_requested; ++frame) {
        const bool free_running = options.frames > 0;
        const int wait_ms = free_running || busy_frames > 0 ? 0 : state.detail_loading ? loading_poll_ms : 1000;
        if (pump_events(state, wait_ms)) busy_frames = frames_after_input;
        if (state.quit_requested) break;

        clock.start();
        ImGui_ImplSDL2_NewFrame();
        imgui.begin_frame();
        state.camera.set_viewport(surface.drawable_size());
        handle_map_input(state, surface.pixel_ratio());
        if (state.reset_view_requested) {
            state.camera = Camera::world_view(surface.drawable_size());
            state.reset_view_requested = false;
        }
        renderer.set_style(state.style);
        surface.make_current();
        surface.bind_framebuffer();
        renderer.draw(state.camera);
        copy_frame_info(state, renderer);
        draw_panels(state);
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
