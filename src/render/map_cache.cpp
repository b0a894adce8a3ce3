#include "render/map_cache.hpp"

#include "platform/gl_framebuffer.hpp"

#include <epoxy/gl.h>
// After epoxy (render/map_image.cpp does the same).
#include <backends/imgui_impl_opengl3.h>

namespace muster {
namespace {

bool same_layers(const LayerSettings& a, const LayerSettings& b) {
    if (!(a.graticule == b.graticule && a.countries == b.countries && a.country_borders == b.country_borders &&
          a.country_names == b.country_names && a.city_labels == b.city_labels &&
          a.border_features == b.border_features && a.areas == b.areas && a.deployments == b.deployments &&
          a.place_labels == b.place_labels && a.annotations == b.annotations))
        return false;
    if (a.user_layers.size() != b.user_layers.size()) return false;
    for (std::size_t i = 0; i < a.user_layers.size(); ++i) {
        const UserLayer& x = a.user_layers[i];
        const UserLayer& y = b.user_layers[i];
        if (x.id != y.id || x.file != y.file || x.raster != y.raster || !(x.look == y.look) ||
            !(x.colour == y.colour))
            return false;
    }
    return true;
}

GLuint bound_draw_framebuffer() {
    GLint bound = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &bound);
    return static_cast<GLuint>(bound);
}

bool multisampled_target() {
    GLint samples = 0;
    glGetIntegerv(GL_SAMPLES, &samples);
    return samples > 1;
}

// Copies from's pixels into `to` and leaves `to` bound.
void copy(GLuint from, GLuint to, PixelSize size) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, from);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to);
    glBlitFramebuffer(0, 0, size.width, size.height, 0, 0, size.width, size.height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, to);
}

// The laid-out marks through Dear ImGui's OpenGL backend into the bound
// framebuffer, in a draw list of their own (the frame's lists are drawn
// later, over the copy).
void render_laid_out_marks(MapRenderer& renderer, const OverlayFonts& fonts, OverlayScale scale, PixelSize size) {
    ImDrawList list(ImGui::GetDrawListSharedData());
    list._ResetForNewFrame();
    list.PushTextureID(ImGui::GetIO().Fonts->TexID);
    list.PushClipRect(ImVec2(0, 0), ImVec2(static_cast<float>(size.width) / scale.coords,
                                           static_cast<float>(size.height) / scale.coords));
    renderer.draw_overlay_laid_out(&list, fonts, scale);
    if (list.VtxBuffer.empty()) return;
    ImDrawList* lists[] = {&list};
    ImDrawData data;
    data.Valid = true;
    data.CmdLists = lists;
    data.CmdListsCount = 1;
    data.TotalVtxCount = list.VtxBuffer.Size;
    data.TotalIdxCount = list.IdxBuffer.Size;
    data.DisplayPos = ImVec2(0, 0);
    data.DisplaySize = ImVec2(static_cast<float>(size.width) / scale.coords,
                              static_cast<float>(size.height) / scale.coords);
    data.FramebufferScale = ImVec2(scale.coords, scale.coords);
    ImGui_ImplOpenGL3_RenderDrawData(&data);
}

}  // namespace

MapCache::~MapCache() { release(); }

void MapCache::release() {
    for (Image* image : {&map_, &marks_}) {
        if (image->framebuffer) glDeleteFramebuffers(1, &image->framebuffer);
        if (image->colour) glDeleteRenderbuffers(1, &image->colour);
        *image = {};
    }
    size_ = {0, 0};
    clear();
}

void MapCache::resize(PixelSize size) {
    if (size.width == size_.width && size.height == size_.height) return;
    release();
    for (Image* image : {&map_, &marks_}) {
        image->colour = platform::make_colour_buffer(size, 1);
        image->framebuffer = platform::make_framebuffer(image->colour);
    }
    size_ = size;
}

bool MapCache::same(const Shown& a, const Shown& b) {
    return a.centre.x == b.centre.x && a.centre.y == b.centre.y && a.zoom == b.zoom &&
           a.viewport.width == b.viewport.width && a.viewport.height == b.viewport.height &&
           a.projection == b.projection && a.ui_scale == b.ui_scale && a.style == b.style && a.revision == b.revision &&
           same_layers(a.layers, b.layers);
}

bool MapCache::update_map(MapRenderer& renderer, const Camera& camera, float ui_scale) {
    const Shown shown{camera.centre_point(), camera.zoom(),       camera.viewport(),   camera.projection_ptr().get(),
                      ui_scale,              renderer.style(),    renderer.layers(),   renderer.overlay().revision()};
    resize(camera.viewport());
    if (kept_map_ && same(*kept_map_, shown)) return true;
    glBindFramebuffer(GL_FRAMEBUFFER, map_.framebuffer);
    renderer.draw(camera, ui_scale);
    // Kept only when complete: a level still loading changes the next draw.
    const MapRenderer::FrameInfo& drawn = renderer.last_frame();
    if (!drawn.loading && drawn.drawn == drawn.wanted) kept_map_ = shown;
    else kept_map_.reset();
    kept_marks_.reset();
    return false;
}

void MapCache::draw_with_overlay(MapRenderer& renderer, const Camera& camera, float ui_scale, ImDrawList* moving,
                                 const OverlayFonts& fonts, OverlayScale scale) {
    reused_map_ = reused_marks_ = false;
    if (multisampled_target()) {
        renderer.draw(camera, ui_scale);
        renderer.draw_overlay(moving, fonts, scale);
        return;
    }
    const GLuint target = bound_draw_framebuffer();
    reused_map_ = update_map(renderer, camera, ui_scale);
    const Marks marks{renderer.prepare_overlay(fonts, scale), &fonts, scale};
    reused_marks_ = kept_marks_ && kept_marks_->revision == marks.revision && kept_marks_->fonts == marks.fonts &&
                    kept_marks_->scale.size == marks.scale.size && kept_marks_->scale.coords == marks.scale.coords;
    if (!reused_marks_) {
        copy(map_.framebuffer, marks_.framebuffer, size_);
        render_laid_out_marks(renderer, fonts, scale, size_);
        kept_marks_ = kept_map_ ? std::optional<Marks>(marks) : std::nullopt;
    }
    copy(marks_.framebuffer, target, size_);
    renderer.draw_overlay_moving(moving, fonts, scale);
}

}  // namespace muster
