// Ways to get a current OpenGL 3.3 core context
// without a display, tried in order by OffscreenSurface and by
// render/map_image (which draws into its own framebuffers).
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

// The first of the two that works, current on return. MUSTER_HEADLESS_GL=sdl
// or =egl pins one (for tests of the fallback). Throws SDL's reason when
// neither works.
std::unique_ptr<HeadlessContext> create_headless_context();

}  // namespace muster::platform
