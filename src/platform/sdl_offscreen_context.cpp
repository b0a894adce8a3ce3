// Headless context through SDL's "offscreen" video driver (Mesa EGL).
#include "platform/headless_context.hpp"
#include "platform/sdl_gl.hpp"

#include <optional>

namespace muster::platform {
namespace {

class SdlOffscreenContext final : public HeadlessContext {
public:
    SdlOffscreenContext() : video_("offscreen") {
        request_gl33_core_attributes(1);
        // The window is only a home for the context; drawing goes to an FBO.
        window_ = SDL_CreateWindow("muster (offscreen)", 0, 0, 16, 16, SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN);
        if (!window_) throw_no_context(SDL_GetError());
        try {
            context_ = create_gl33_context(window_);
        } catch (...) {
            SDL_DestroyWindow(window_);
            throw;
        }
    }
    ~SdlOffscreenContext() override {
        SDL_GL_DeleteContext(context_);
        SDL_DestroyWindow(window_);
    }
    void make_current() override { SDL_GL_MakeCurrent(window_, context_); }
    [[nodiscard]] const char* kind() const override { return "SDL offscreen (EGL)"; }

private:
    SdlVideo video_;
    SDL_Window* window_ = nullptr;
    SDL_GLContext context_ = nullptr;
};

}  // namespace

std::unique_ptr<HeadlessContext> create_sdl_offscreen_context() { return std::make_unique<SdlOffscreenContext>(); }

}  // namespace muster::platform
