#include "platform/offscreen_surface.hpp"

#include "core/error.hpp"
#include "platform/gl_framebuffer.hpp"
#include "platform/gl_readback.hpp"
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
    GLint max_renderbuffer = 0, max_samples = 1;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_renderbuffer);
    glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
    if (size.width > max_renderbuffer || size.height > max_renderbuffer)
        throw Error("offscreen surface " + platform::size_text(size) + ": larger than this OpenGL allows (" +
                    std::to_string(max_renderbuffer) + ")");
    samples_ = std::clamp(samples, 1, std::max(1, static_cast<int>(max_samples)));
    create_framebuffers();
}

OffscreenSurface::~OffscreenSurface() {
    context_->make_current();
    delete_framebuffers();
}

void OffscreenSurface::create_framebuffers() {
    while (glGetError() != GL_NO_ERROR) {
    }
    draw_colour_ = platform::make_colour_buffer(size_, samples_);
    draw_fbo_ = platform::make_framebuffer(draw_colour_);
    if (samples_ > 1) {
        resolve_colour_ = platform::make_colour_buffer(size_, 1);
        resolve_fbo_ = platform::make_framebuffer(resolve_colour_);
    }
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    const GLenum error = glGetError();
    if (status != GL_FRAMEBUFFER_COMPLETE || error != GL_NO_ERROR) {
        delete_framebuffers();
        throw Error("offscreen surface " + platform::size_text(size_) + ": cannot allocate the framebuffer" +
                    (error == GL_OUT_OF_MEMORY ? " (out of memory)" : ""));
    }
    bind_framebuffer();
}

void OffscreenSurface::delete_framebuffers() {
    const GLuint fbos[] = {draw_fbo_, resolve_fbo_};
    const GLuint colours[] = {draw_colour_, resolve_colour_};
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(2, fbos);
    glDeleteRenderbuffers(2, colours);
    draw_fbo_ = resolve_fbo_ = draw_colour_ = resolve_colour_ = 0;
}

void OffscreenSurface::make_current() { context_->make_current(); }

void OffscreenSurface::bind_framebuffer() { glBindFramebuffer(GL_FRAMEBUFFER, draw_fbo_); }

void OffscreenSurface::present() { glFlush(); }

RgbaImage OffscreenSurface::read_pixels() {
    GLuint source = draw_fbo_;
    if (samples_ > 1) {  // resolve the multisampled drawing into a plain image first
        glBindFramebuffer(GL_READ_FRAMEBUFFER, draw_fbo_);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_);
        glBlitFramebuffer(0, 0, size_.width, size_.height, 0, 0, size_.width, size_.height, GL_COLOR_BUFFER_BIT,
                          GL_NEAREST);
        source = resolve_fbo_;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, source);
    RgbaImage image = platform::read_framebuffer(size_);
    bind_framebuffer();
    return image;
}

const char* OffscreenSurface::context_kind() const { return context_->kind(); }

}  // namespace muster
