// SDL2 + OpenGL plumbing shared by the window and the offscreen surface.
// Internal to src/platform; the rest of muster sees only GlSurface.
#pragma once

#include <SDL.h>

#include <string>

namespace muster::platform {

// Keeps SDL's video subsystem initialised while alive (SDL counts nested
// initialisations, so several surfaces can coexist). Throws muster::Error
// "cannot create an OpenGL 3.3 context (...)" when no video driver starts.
class SdlVideo {
public:
    // driver: "offscreen" forces SDL's headless EGL driver regardless of the
    // SDL_VIDEODRIVER environment variable; nullptr lets SDL choose.
    explicit SdlVideo(const char* driver);
    ~SdlVideo();
    SdlVideo(const SdlVideo&) = delete;
    SdlVideo& operator=(const SdlVideo&) = delete;
};

// Asks SDL for an OpenGL 3.3 core, double-buffered context for the next
// window; samples > 1 requests a multisampled default framebuffer.
void request_gl33_core_attributes(int samples);

// Creates the context for window and makes it current; verifies through
// libepoxy that it really is desktop OpenGL >= 3.3. Throws on failure.
SDL_GLContext create_gl33_context(SDL_Window* window);

// The single-line error all surfaces use when no context can be had.
[[noreturn]] void throw_no_context(const std::string& reason);

}  // namespace muster::platform
