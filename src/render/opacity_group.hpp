// Drawing a group of marks at one opacity as if it were one picture: the
// group is drawn opaque into a transparent, viewport-sized texture, then that
// texture is blended over the map once at the opacity. Where the group's own
// marks overlap -- the joints of thick lines, a casing under its line, a
// polygon's fill under its outline -- nothing then shows through twice, as
// it would if each mark were simply drawn translucent (a string of beads
// along a faded border).
//
// Only layers drawn at an opacity strictly between 0 and 1 need it; opaque
// ones draw straight into the framebuffer. Needs the GL context it was
// created in to be current.
#pragma once

#include "core/geo.hpp"
#include "render/gl_objects.hpp"
#include "render/shader_program.hpp"

namespace muster {

// Premultiplied-alpha blending for everything drawn over the map: colours as
// GL_SRC_ALPHA / GL_ONE_MINUS_SRC_ALPHA always did, and an alpha channel that
// stays exact (opaque over the map, the coverage inside a group's texture).
void use_map_blending();

class OpacityGroup {
public:
    OpacityGroup();  // compiles shaders/composite.*; throws muster::Error on failure
    ~OpacityGroup();
    OpacityGroup(const OpacityGroup&) = delete;
    OpacityGroup& operator=(const OpacityGroup&) = delete;

    // Sends drawing into the group's texture, cleared to transparent.
    void begin(PixelSize viewport);
    // Back to the framebuffer that was bound at begin(); blends the group over it.
    void end(float opacity);

private:
    ShaderProgram program_;
    gl::VertexArray vao_;  // empty: the full-screen triangle comes from gl_VertexID
    GLuint framebuffer_ = 0, texture_ = 0;
    PixelSize size_{0, 0};
    GLint previous_draw_ = 0, previous_read_ = 0;
};

}  // namespace muster
