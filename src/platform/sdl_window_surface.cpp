#include "platform/sdl_window_surface.hpp"

#include "platform/gl_readback.hpp"

#include <epoxy/gl.h>

#include <algorithm>

namespace muster {
namespace {

// The requested size, shrunk to 90% of the display's usable area if needed.
PixelSize fit_to_display(PixelSize wanted) {
    SDL_Rect usable{};
    if (SDL_GetDisplayUsableBounds(0, &usable) != 0 || usable.w <= 0 || usable.h <= 0) return wanted;
    return {std::min(wanted.width, usable.w * 9 / 10), std::min(wanted.height, usable.h * 9 / 10)};
}

void set_swap_interval(bool vsync) {
    if (!vsync) {
        SDL_GL_SetSwapInterval(0);
        return;
    }
    if (SDL_GL_SetSwapInterval(-1) != 0) SDL_GL_SetSwapInterval(1);  // adaptive, else plain
}

}  // namespace

SdlWindowSurface::SdlWindowSurface(const WindowOptions& options) : video_(nullptr) {
    platform::request_gl33_core_attributes(options.samples);
    const PixelSize size = fit_to_display(options.size);
    const Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    window_ = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, size.width,
                               size.height, flags);
    if (!window_ && options.samples > 1) {  // some drivers refuse multisampled windows: retry plain
        platform::request_gl33_core_attributes(1);
        window_ = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, size.width,
                                   size.height, flags);
    }
    if (!window_) platform::throw_no_context(SDL_GetError());
    try {
        context_ = platform::create_gl33_context(window_);
    } catch (...) {
        SDL_DestroyWindow(window_);
        throw;
    }
    set_swap_interval(options.vsync);
}

SdlWindowSurface::~SdlWindowSurface() {
    SDL_GL_DeleteContext(context_);
    SDL_DestroyWindow(window_);
}

PixelSize SdlWindowSurface::drawable_size() const {
    PixelSize size;
    SDL_GL_GetDrawableSize(window_, &size.width, &size.height);
    return size;
}

PixelSize SdlWindowSurface::window_size() const {
    PixelSize size;
    SDL_GetWindowSize(window_, &size.width, &size.height);
    return size;
}

float SdlWindowSurface::pixel_ratio() const {
    const PixelSize points = window_size();
    if (points.width <= 0) return 1.0f;
    return static_cast<float>(drawable_size().width) / static_cast<float>(points.width);
}

void SdlWindowSurface::make_current() { SDL_GL_MakeCurrent(window_, context_); }

void SdlWindowSurface::bind_framebuffer() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

void SdlWindowSurface::present() { SDL_GL_SwapWindow(window_); }

RgbaImage SdlWindowSurface::read_pixels() {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    return platform::read_framebuffer(drawable_size());
}

}  // namespace muster
