#include "platform/framebuffer_target.hpp"

#include "core/error.hpp"
#include "platform/gl_framebuffer.hpp"

#include <epoxy/gl.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace muster {

GlImageLimits query_gl_image_limits() {
    GlImageLimits limits;
    GLint renderbuffer = 0, samples = 1;
    GLint viewport[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
    glGetIntegerv(GL_MAX_SAMPLES, &samples);
    limits.max_renderbuffer = renderbuffer;
    limits.max_viewport = std::min(viewport[0], viewport[1]);
    limits.max_samples = std::max(1, static_cast<int>(samples));
    return limits;
}

FramebufferTarget::FramebufferTarget(PixelSize size, int samples, const char* what) : size_(size) {
    samples_ = std::clamp(samples, 1, query_gl_image_limits().max_samples);
    while (glGetError() != GL_NO_ERROR) {
    }
    draw_colour_ = platform::make_colour_buffer(size_, samples_);
    draw_fbo_ = platform::make_framebuffer(draw_colour_);
    bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    if (samples_ > 1) {
        resolve_colour_ = platform::make_colour_buffer(size_, 1);
        resolve_fbo_ = platform::make_framebuffer(resolve_colour_);
        complete = complete && glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    }
    const GLenum error = glGetError();
    if (!complete || error != GL_NO_ERROR) {
        release();
        throw Error(std::string(what) + " " + platform::size_text(size_) + ": cannot allocate the framebuffer" +
                    (error == GL_OUT_OF_MEMORY ? " (out of memory)" : ""));
    }
    bind();
}

FramebufferTarget::~FramebufferTarget() { release(); }

void FramebufferTarget::release() {
    const GLuint fbos[] = {draw_fbo_, resolve_fbo_};
    const GLuint colours[] = {draw_colour_, resolve_colour_};
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(2, fbos);
    glDeleteRenderbuffers(2, colours);
    draw_fbo_ = resolve_fbo_ = draw_colour_ = resolve_colour_ = 0;
}

void FramebufferTarget::bind() { glBindFramebuffer(GL_FRAMEBUFFER, draw_fbo_); }

void FramebufferTarget::read(PixelSize region, std::uint8_t* rgba, std::size_t stride) {
    GLuint source = draw_fbo_;
    if (samples_ > 1) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, draw_fbo_);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_);
        glBlitFramebuffer(0, 0, region.width, region.height, 0, 0, region.width, region.height, GL_COLOR_BUFFER_BIT,
                          GL_NEAREST);
        source = resolve_fbo_;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, source);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    // OpenGL's rows run bottom-up: GL_PACK_ROW_LENGTH lays each row at its
    // stride, then the rows are swapped top for bottom in place.
    glPixelStorei(GL_PACK_ROW_LENGTH, static_cast<GLint>(stride / 4));
    glReadPixels(0, 0, region.width, region.height, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glPixelStorei(GL_PACK_ROW_LENGTH, 0);
    const std::size_t row = static_cast<std::size_t>(region.width) * 4;
    std::vector<std::uint8_t> scratch(row);
    for (int top = 0, bottom = region.height - 1; top < bottom; ++top, --bottom) {
        std::uint8_t* a = rgba + static_cast<std::size_t>(top) * stride;
        std::uint8_t* b = rgba + static_cast<std::size_t>(bottom) * stride;
        std::memcpy(scratch.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, scratch.data(), row);
    }
    bind();
}

}  // namespace muster
