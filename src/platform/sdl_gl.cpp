#include "platform/sdl_gl.hpp"

#include "core/error.hpp"

#include <epoxy/gl.h>

namespace muster::platform {

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
    if (!context) throw_no_context(SDL_GetError());
    if (SDL_GL_MakeCurrent(window, context) != 0) {
        const std::string reason = SDL_GetError();
        SDL_GL_DeleteContext(context);
        throw_no_context(reason);
    }
    if (!epoxy_is_desktop_gl() || epoxy_gl_version() < 33) {
        const std::string got = "got " + std::to_string(epoxy_gl_version() / 10) + "." +
                                std::to_string(epoxy_gl_version() % 10);
        SDL_GL_DeleteContext(context);
        throw_no_context(got);
    }
    return context;
}

}  // namespace muster::platform
