// A GlSurface without a screen: an OpenGL 3.3 core context from SDL's
// "offscreen" video driver (Mesa EGL, needs neither X11 nor Wayland), or from
// EGL's surfaceless platform when SDL cannot provide one, drawing into a
// framebuffer object of the requested size. Works on machines with no display
// and no GPU (Mesa llvmpipe).
#pragma once

#include "platform/gl_surface.hpp"

#include <memory>

namespace muster {

class FramebufferTarget;

namespace platform {
class HeadlessContext;
}

class OffscreenSurface final : public GlSurface {
public:
    // Largest width or height accepted (and the usual GL_MAX_RENDERBUFFER_SIZE).
    static constexpr int max_side = 16384;

    // samples > 1 draws into a multisampled buffer (smoother coastlines) that
    // read_pixels() resolves; it is clamped to what the driver offers.
    // Throws muster::Error when size is outside 1..max_side or no context exists.
    explicit OffscreenSurface(PixelSize size, int samples = 1);
    ~OffscreenSurface() override;

    [[nodiscard]] PixelSize drawable_size() const override { return size_; }
    void make_current() override;
    void bind_framebuffer() override;
    void present() override;
    [[nodiscard]] RgbaImage read_pixels() override;

    // Which way the context was obtained: "SDL offscreen (EGL)" or "EGL surfaceless".
    [[nodiscard]] const char* context_kind() const;
    [[nodiscard]] int samples() const { return samples_; }

private:
    std::unique_ptr<platform::HeadlessContext> context_;
    PixelSize size_;
    int samples_ = 1;
    std::unique_ptr<FramebufferTarget> target_;  // what the renderer draws into
};

}  // namespace muster
