#include "render/map_cache.hpp"

#include "platform/gl_framebuffer.hpp"

#include <epoxy/gl.h>

namespace muster {
namespace {

// The layers the map pass draws (MapRenderer::draw_tile); labels and
// symbols are the overlay's, drawn every frame.
bool same_map_layers(const LayerSettings& a, const LayerSettings& b) {
    if (!(a.graticule == b.graticule && a.countries == b.countries && a.country_borders == b.country_borders &&
          a.border_features == b.border_features && a.areas == b.areas && a.annotations == b.annotations))
        return false;
    if (a.user_layers.size() != b.user_layers.size()) return false;
    for (std::size_t i = 0; i < a.user_layers.size(); ++i) {
        const UserLayer& x = a.user_layers[i];
        const UserLayer& y = b.user_layers[i];
        if (x.id != y.id || x.file != y.file || !(x.look == y.look) || !(x.colour == y.colour)) return false;
    }
    return true;
}

GLint bound_draw_framebuffer() {
    GLint bound = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &bound);
    return bound;
}

bool multisampled_target() {
    GLint samples = 0;
    glGetIntegerv(GL_SAMPLES, &samples);
    return samples > 1;
}

void copy(GLuint from, GLuint to, PixelSize size) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, from);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to);
    glBlitFramebuffer(0, 0, size.width, size.height, 0, 0, size.width, size.height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, to);
}

}  // namespace

MapCache::~MapCache() { release(); }

void MapCache::release() {
    if (framebuffer_) glDeleteFramebuffers(1, &framebuffer_);
    if (colour_) glDeleteRenderbuffers(1, &colour_);
    framebuffer_ = colour_ = 0;
    size_ = {0, 0};
    kept_.reset();
}

bool MapCache::same(const Shown& a, const Shown& b) {
    return a.centre.x == b.centre.x && a.centre.y == b.centre.y && a.zoom == b.zoom &&
           a.viewport.width == b.viewport.width && a.viewport.height == b.viewport.height &&
           a.projection == b.projection && a.ui_scale == b.ui_scale && a.style == b.style && a.revision == b.revision &&
           same_map_layers(a.layers, b.layers);
}

void MapCache::draw(MapRenderer& renderer, const Camera& camera, float ui_scale) {
    reused_ = false;
    if (multisampled_target()) {  // a blit cannot write into it: draw as ever
        renderer.draw(camera, ui_scale);
        return;
    }
    const Shown shown{camera.centre_point(), camera.zoom(),       camera.viewport(),   camera.projection_ptr().get(),
                      ui_scale,              renderer.style(),    renderer.layers(),   renderer.overlay().revision()};
    const auto target = static_cast<GLuint>(bound_draw_framebuffer());
    const PixelSize size = camera.viewport();
    if (kept_ && same(*kept_, shown) && size.width == size_.width && size.height == size_.height) {
        copy(framebuffer_, target, size);
        reused_ = true;
        return;
    }
    if (size.width != size_.width || size.height != size_.height) {
        release();
        colour_ = platform::make_colour_buffer(size, 1);
        framebuffer_ = platform::make_framebuffer(colour_);
        size_ = size;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    renderer.draw(camera, ui_scale);
    copy(framebuffer_, target, size);
    // Kept only when complete: a level still loading changes the next draw.
    const MapRenderer::FrameInfo& drawn = renderer.last_frame();
    if (!drawn.loading && drawn.drawn == drawn.wanted) kept_ = shown;
    else kept_.reset();
}

}  // namespace muster
