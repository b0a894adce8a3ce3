// Headless context straight from EGL's surfaceless platform (Mesa), for when
// SDL was built without its offscreen driver. libepoxy dispatches both EGL
// and GL, so nothing new is linked.
#include "platform/headless_context.hpp"
#include "platform/sdl_gl.hpp"

#include <epoxy/egl.h>
#include <epoxy/gl.h>

#include <cstdio>
#include <string>

namespace muster::platform {
namespace {

std::string egl_error(const char* step) {
    char code[16];
    std::snprintf(code, sizeof code, "0x%04x", static_cast<unsigned>(eglGetError()));
    return std::string(step) + " failed, EGL error " + code;
}

bool has_client_extension(const char* name) {
    const char* list = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    if (!list) return false;
    const std::string padded = " " + std::string(list) + " ";
    return padded.find(" " + std::string(name) + " ") != std::string::npos;
}

class EglSurfacelessContext final : public HeadlessContext {
public:
    EglSurfacelessContext() {
        if (!has_client_extension("EGL_MESA_platform_surfaceless"))
            throw_no_context("EGL has no surfaceless platform");
        display_ = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
        EGLint major = 0, minor = 0;
        if (display_ == EGL_NO_DISPLAY || !eglInitialize(display_, &major, &minor))
            throw_no_context(egl_error("eglInitialize"));
        if (!eglBindAPI(EGL_OPENGL_API)) fail("eglBindAPI(OpenGL)");
        const EGLint attributes[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                     EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                     EGL_NONE};
        // Surfaceless contexts need no config (EGL_KHR_no_config_context).
        context_ = eglCreateContext(display_, EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, attributes);
        if (context_ == EGL_NO_CONTEXT) fail("eglCreateContext(3.3 core)");
        if (!eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, context_)) fail("eglMakeCurrent");
        if (!epoxy_is_desktop_gl() || epoxy_gl_version() < 33) fail("OpenGL 3.3 check");
    }
    ~EglSurfacelessContext() override { release(); }
    void make_current() override { eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, context_); }
    [[nodiscard]] const char* kind() const override { return "EGL surfaceless"; }

private:
    [[noreturn]] void fail(const char* step) {
        const std::string reason = egl_error(step);
        release();
        throw_no_context(reason);
    }
    void release() {
        if (display_ == EGL_NO_DISPLAY) return;
        eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        if (context_ != EGL_NO_CONTEXT) eglDestroyContext(display_, context_);
        eglTerminate(display_);
        display_ = EGL_NO_DISPLAY;
        context_ = EGL_NO_CONTEXT;
    }

    EGLDisplay display_ = EGL_NO_DISPLAY;
    EGLContext context_ = EGL_NO_CONTEXT;
};

}  // namespace

std::unique_ptr<HeadlessContext> create_egl_surfaceless_context() {
    return std::make_unique<EglSurfacelessContext>();
}

}  // namespace muster::platform
