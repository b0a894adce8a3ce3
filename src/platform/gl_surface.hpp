// Where OpenGL draws: one small interface with two implementations, so the
// renderer and the UI never know whether they draw into a window or into an
// image (the Tracy "backend" idea).
//
//   SdlWindowSurface   a visible SDL2 window with an OpenGL 3.3 core context
//                      (sdl_window_surface.hpp)
//   OffscreenSurface   a hidden context (SDL's "offscreen" video driver, i.e.
//                      Mesa EGL; raw EGL surfaceless as a fallback) drawing
//                      into a framebuffer object of a requested size
//                      (offscreen_surface.hpp)
//
// Usage: make_current(), bind_framebuffer(), draw with a viewport of
// drawable_size(), then read_pixels() and/or present().
//
// Every implementation loads GL functions through libepoxy and guarantees a
// context of at least OpenGL 3.3 core profile, or throws
// muster::Error("cannot create an OpenGL 3.3 context (REASON)").
#pragma once

#include "core/geo.hpp"
#include "render/rgba_image.hpp"

#include <string>

namespace muster {

class GlSurface {
public:
    virtual ~GlSurface() = default;
    GlSurface() = default;
    GlSurface(const GlSurface&) = delete;
    GlSurface& operator=(const GlSurface&) = delete;

    // Size of the framebuffer in physical pixels (on high-DPI screens larger
    // than the window's size in points).
    [[nodiscard]] virtual PixelSize drawable_size() const = 0;
    // Physical pixels per logical point (mouse coordinates are in points).
    [[nodiscard]] virtual float pixel_ratio() const { return 1.0f; }

    virtual void make_current() = 0;
    // Binds the framebuffer to draw into (0 for a window, an FBO offscreen).
    virtual void bind_framebuffer() = 0;
    // Shows the finished frame (window: swaps buffers; offscreen: flushes).
    virtual void present() = 0;
    // Reads what has been drawn back into memory (offscreen: resolving any
    // multisampling first). For a window call it before present(): it reads
    // the back buffer.
    [[nodiscard]] virtual RgbaImage read_pixels() = 0;

    // "OpenGL 4.5 (Core Profile) Mesa 22.3.6 on llvmpipe (...)": for logs.
    [[nodiscard]] static std::string describe_context();
};

}  // namespace muster
