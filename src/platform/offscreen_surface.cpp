#include "platform/offscreen_surface.hpp"

#include "core/error.hpp"
#include "platform/framebuffer_target.hpp"
#include "platform/gl_framebuffer.hpp"
#include "platform/headless_context.hpp"

#include <epoxy/gl.h>

#include <algorithm>
#include <cstdlib>
#include <string>

namespace muster {

namespace platform {

// MUSTER_HEADLESS_GL=sdl|egl pins one way (for tests of the fallback);
// unset tries SDL's offscreen driver first, then EGL surfaceless.
std::unique_ptr<HeadlessContext> create_headless_context() {
    const char* pinned = std::getenv("MUSTER_HEADLESS_GL");
    const std::string choice = pinned ? pinned : "";
    if (choice == "egl") return create_egl_surfaceless_context();
    if (choice == "sdl") return create_sdl_offscreen_context();
    try {
        return create_sdl_offscreen_context();
    } catch (const Error& sdl_failure) {
        try {
            return create_egl_surfaceless_context();
        } catch (const Error&) {
            throw sdl_failure;  // SDL's reason is the one users can look up
        }
    }
}

}  // namespace platform

OffscreenSurface::OffscreenSurface(PixelSize size, int samples) : size_(size) {
    if (size.width < 1 || size.height < 1 || size.width > max_side || size.height > max_side)
        throw Error("offscreen surface " + platform::size_text(size) + ": each side must be 1.." + std::to_string(max_side));
    context_ = platform::create_headless_context();
    GLint max_renderbuffer = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_renderbuffer);
    if (size.width > max_renderbuffer || size.height > max_renderbuffer)
        throw Error("offscreen surface " + platform::size_text(size) + ": larger than this OpenGL allows (" +
                    std::to_string(max_renderbuffer) + ")");
    target_ = std::make_unique<FramebufferTarget>(size_, samples, "offscreen surface");
    samples_ = target_->samples();
    target_->bind();
}

OffscreenSurface::~OffscreenSurface() {
    context_->make_current();
    target_.reset();
}

void OffscreenSurface::make_current() { context_->make_current(); }

void OffscreenSurface::bind_framebuffer() { target_->bind(); }

void OffscreenSurface::present() { glFlush(); }

RgbaImage OffscreenSurface::read_pixels() {
    RgbaImage image;
    image.size = size_;
    const std::size_t stride = static_cast<std::size_t>(size_.width) * 4;
    image.pixels.resize(stride * static_cast<std::size_t>(size_.height));
    target_->read(size_, image.pixels.data(), stride);
    target_->bind();
    return image;
}

const char* OffscreenSurface::context_kind() const { return context_->kind(); }

}  // namespace muster
