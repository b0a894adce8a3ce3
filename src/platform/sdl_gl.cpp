#include "platform/sdl_gl.hpp"

#include "core/error.hpp"

#include <epoxy/gl.h>

namespace muster::platform {
namespace {

// "OpenGL 3.0 Mesa 22.3.6 on llvmpipe (LLVM 15.0.6, 256 bits)": what the
// current context is, for a message saying why it will not do.
std::string current_gl_description() {
    const auto text = [](GLenum name) {
        const auto* value = reinterpret_cast<const char*>(glGetString(name));
        return std::string(value ? value : "?");
    };
    return std::string(epoxy_is_desktop_gl() ? "OpenGL " : "") + text(GL_VERSION) + " on " + text(GL_RENDERER);
}

// When no 3.3 core context can be had, what the driver does give when asked
// for nothing in particular (SDL's defaults); empty when not even that.
std::string offered_gl(SDL_Window* window) {
    SDL_GL_ResetAttributes();
    SDL_GLContext context = SDL_GL_CreateContext(window);
    if (!context) return {};
    std::string found;
    if (SDL_GL_MakeCurrent(window, context) == 0) found = current_gl_description();
    SDL_GL_MakeCurrent(window, nullptr);
    SDL_GL_DeleteContext(context);
    return found;
}

// Mesa's software renderer does 3.3 unless told otherwise
// (MESA_GL_VERSION_OVERRIDE); a hardware driver that does not may be old.
[[noreturn]] void throw_offered(const std::string& found) {
    const bool software = found.find("llvmpipe") != std::string::npos || found.find("softpipe") != std::string::npos;
    throw_no_context("this system offers " + found +
                     (software ? "; is MESA_GL_VERSION_OVERRIDE set?"
                               : "; update the graphics driver, or try LIBGL_ALWAYS_SOFTWARE=1 for Mesa's llvmpipe"));
}

}  // namespace

void throw_no_context(const std::string& reason) {
    throw Error("cannot create an OpenGL 3.3 context (" + reason + ")");
}

SdlVideo::SdlVideo(const char* driver) {
    if (driver) {
        // OVERRIDE beats an SDL_VIDEODRIVER=x11 left in the environment: a
        // headless render must never open a window on someone's screen.
        SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, driver, SDL_HINT_OVERRIDE);
    } else {
        SDL_ResetHint(SDL_HINT_VIDEODRIVER);  // back to SDL_VIDEODRIVER or SDL's choice
    }
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) throw_no_context(SDL_GetError());
}

SdlVideo::~SdlVideo() { SDL_QuitSubSystem(SDL_INIT_VIDEO); }

void request_gl33_core_attributes(int samples) {
    SDL_GL_ResetAttributes();
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_RED_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_GREEN_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_BLUE_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_MULTISAMPLEBUFFERS, samples > 1 ? 1 : 0);
    SDL_GL_SetAttribute(SDL_GL_MULTISAMPLESAMPLES, samples > 1 ? samples : 0);
}

SDL_GLContext create_gl33_context(SDL_Window* window) {
    SDL_GLContext context = SDL_GL_CreateContext(window);
    if (!context) {
        const std::string reason = SDL_GetError();
        if (const std::string found = offered_gl(window); !found.empty()) throw_offered(found);
        throw_no_context(reason);
    }
    if (SDL_GL_MakeCurrent(window, context) != 0) {
        const std::string reason = SDL_GetError();
        SDL_GL_DeleteContext(context);
        throw_no_context(reason);
    }
    if (!epoxy_is_desktop_gl() || epoxy_gl_version() < 33) {
        const std::string found = current_gl_description();
        SDL_GL_MakeCurrent(window, nullptr);
        SDL_GL_DeleteContext(context);
        throw_offered(found);
    }
    return context;
}

}  // namespace muster::platform
