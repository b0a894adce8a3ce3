// A GlSurface that is a visible, resizable, high-DPI aware SDL2 window with an
// OpenGL 3.3 core context. The window's size is in logical points, the
// drawable in physical pixels; pixel_ratio() converts mouse positions.
#pragma once

#include "platform/gl_surface.hpp"
#include "platform/sdl_gl.hpp"

#include <string>

namespace muster {

struct WindowOptions {
    std::string title = "muster";
    PixelSize size{1600, 900};  // points; shrunk to fit the display
    bool vsync = true;          // adaptive vsync when offered, else plain vsync
    int samples = 1;            // > 1: multisampled default framebuffer
};

class SdlWindowSurface final : public GlSurface {
public:
    // Throws muster::Error "cannot create an OpenGL 3.3 context (...)".
    explicit SdlWindowSurface(const WindowOptions& options);
    ~SdlWindowSurface() override;

    [[nodiscard]] PixelSize drawable_size() const override;
    [[nodiscard]] float pixel_ratio() const override;
    void make_current() override;
    void bind_framebuffer() override;
    void present() override;
    [[nodiscard]] RgbaImage read_pixels() override;

    // Window size in points (what SDL mouse events use).
    [[nodiscard]] PixelSize window_size() const;

    // For Dear ImGui's SDL2 backend, which needs the raw handles.
    [[nodiscard]] SDL_Window* sdl_window() const { return window_; }
    [[nodiscard]] SDL_GLContext gl_context() const { return context_; }

private:
    platform::SdlVideo video_;
    SDL_Window* window_ = nullptr;
    SDL_GLContext context_ = nullptr;
};

}  // namespace muster
