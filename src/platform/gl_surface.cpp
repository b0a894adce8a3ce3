#include "platform/gl_surface.hpp"

#include <epoxy/gl.h>

namespace muster {

std::string GlSurface::describe_context() {
    auto text = [](GLenum name) {
        const auto* value = reinterpret_cast<const char*>(glGetString(name));
        return std::string(value ? value : "?");
    };
    return "OpenGL " + text(GL_VERSION) + " on " + text(GL_RENDERER);
}

}  // namespace muster
