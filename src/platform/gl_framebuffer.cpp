#include "platform/gl_framebuffer.hpp"

#include <epoxy/gl.h>

namespace muster::platform {

unsigned make_colour_buffer(PixelSize size, int samples) {
    GLuint buffer = 0;
    glGenRenderbuffers(1, &buffer);
    glBindRenderbuffer(GL_RENDERBUFFER, buffer);
    if (samples > 1)
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, size.width, size.height);
    else
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, size.width, size.height);
    return buffer;
}

unsigned make_framebuffer(unsigned colour) {
    GLuint fbo = 0;
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
    return fbo;
}

std::string size_text(PixelSize size) { return std::to_string(size.width) + "x" + std::to_string(size.height); }

}  // namespace muster::platform
