// Internal to src/platform: ways to get a current OpenGL 3.3 core context
// without a display, tried in order by OffscreenSurface.
#pragma once

#include <memory>

namespace muster::platform {

class HeadlessContext {
public:
    virtual ~HeadlessContext() = default;
    virtual void make_current() = 0;
    [[nodiscard]] virtual const char* kind() const = 0;
};

// SDL2's "offscreen" video driver: a hidden EGL pbuffer window. Throws
// muster::Error "cannot create an OpenGL 3.3 context (SDL's reason)".
std::unique_ptr<HeadlessContext> create_sdl_offscreen_context();

// EGL_MESA_platform_surfaceless through libepoxy: no window at all. Throws
// muster::Error "cannot create an OpenGL 3.3 context (EGL's reason)".
std::unique_ptr<HeadlessContext> create_egl_surfaceless_context();

}  // namespace muster::platform
