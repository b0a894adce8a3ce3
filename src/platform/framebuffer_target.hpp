// An image-sized place to draw in whatever OpenGL context is current: a
// framebuffer object (multisampled when asked, with a plain copy to resolve
// into) that reads back row by row. The tiled image exports draw into one of
// these, tile after tile, in the window's context or a headless one.
#pragma once

#include "core/geo.hpp"

#include <cstdint>

namespace muster {

// What the current context allows for offscreen images.
struct GlImageLimits {
    int max_renderbuffer = 0;  // GL_MAX_RENDERBUFFER_SIZE: widest and tallest framebuffer
    int max_viewport = 0;      // min of GL_MAX_VIEWPORT_DIMS: widest and tallest viewport
    int max_samples = 1;       // GL_MAX_SAMPLES
};

GlImageLimits query_gl_image_limits();

class FramebufferTarget {
public:
    // Needs a current OpenGL 3.3 context, which must stay current (and
    // outlive this). samples is clamped to the driver's maximum. Throws
    // muster::Error "<what> WxH: cannot allocate ..." when the driver
    // refuses (too large, out of memory).
    FramebufferTarget(PixelSize size, int samples, const char* what = "offscreen image");
    ~FramebufferTarget();
    FramebufferTarget(const FramebufferTarget&) = delete;
    FramebufferTarget& operator=(const FramebufferTarget&) = delete;

    [[nodiscard]] PixelSize size() const { return size_; }
    [[nodiscard]] int samples() const { return samples_; }

    // Binds the framebuffer to draw into.
    void bind();
    // Resolves multisampling and reads the region of `region` pixels at
    // the framebuffer's origin (OpenGL's lower left) into rgba, top row
    // first, rows `stride` bytes apart, 4 bytes per pixel.
    void read(PixelSize region, std::uint8_t* rgba, std::size_t stride);

private:
    void release();

    PixelSize size_;
    int samples_ = 1;
    unsigned draw_fbo_ = 0, draw_colour_ = 0;
    unsigned resolve_fbo_ = 0, resolve_colour_ = 0;
};

}  // namespace muster
