// Drawing the user's own vector files over the base map (render/layers.hpp
// UserLayer): polygons as a translucent fill with an outline, lines as
// anti-aliased screen-space lines on a light casing (ThickLines), points as
// small discs with a white rim, all in the layer's colour.
//
// A file's features are tessellated and uploaded the first time its layer is
// drawn and kept on the GPU by layer id; colour, opacity and visibility are
// uniforms, so changing them costs nothing. Copies of layers the settings no
// longer hold are freed on the next draw.
//
// Needs the GL context it was created in to be current.
#pragma once

#include "render/camera.hpp"
#include "render/gl_objects.hpp"
#include "render/layers.hpp"
#include "render/opacity_group.hpp"
#include "render/overlay_lines.hpp"
#include "render/shader_program.hpp"
#include "render/spatial_chunks.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <vector>

namespace muster {

// Sizes in points (pixels at 1:1) and the fill's share of the colour.
struct UserLayerStyle {
    float fill_alpha = 0.28f;
    float outline_pt = 1.6f;
    float line_pt = 2.4f;
    float line_casing_pt = 1.2f;  // light casing beyond the line on each side
    float point_pt = 7.0f;        // disc diameter
    float point_rim_pt = 1.5f;    // white rim around it
    Rgba casing = Rgba::hex(0xFFFFFF, 0.85f);
};

// The GPU copy of one file.
class UserLayerMesh {
public:
    explicit UserLayerMesh(const VectorFile& file);

    // Draws the file opaque in colour (fills translucent by the style).
    // fill_program: map.vert + solid.frag, its view uniforms set.
    // x_shifts: the world copies the view shows (0, or +- a period too, in
    // the plane of the camera's projection).
    void draw(const Camera& camera, const ShaderProgram& fill_program, const std::vector<double>& x_shifts,
              const Rgba& colour, const UserLayerStyle& style, float scale) const;

    // Fill triangles, in the projection last drawn in (0 before the first draw).
    [[nodiscard]] std::size_t triangles() const { return fill_.indices_count / 3; }

private:
    // The fill, triangulated in the plane of the projection it was last
    // drawn in, and made anew when a camera draws in another.
    struct Fill {
        gl::VertexArray vao;
        gl::Buffer vertices, indices;
        std::vector<MeshChunk> chunks;  // for culling, in the plane
        std::size_t indices_count = 0;
        ProjectionPtr projected_for;
    };
    void project_fill(const ProjectionPtr& projection) const;
    void draw_fill(const Camera& camera, const ShaderProgram& program, const std::vector<double>& x_shifts,
                   const Rgba& colour) const;

    std::vector<std::vector<std::vector<LatLon>>> polygons_;  // the file's, lon/lat rings
    mutable Fill fill_;
    ThickLines outlines_, lines_, points_;
};

class UserLayerRenderer {
public:
    // Draws the visible layers in order, each at its opacity (through an
    // OpacityGroup); uploads new ones, frees gone ones. fill_program and
    // x_shifts as for UserLayerMesh::draw.
    void draw(const Camera& camera, const std::vector<UserLayer>& layers, const ShaderProgram& fill_program,
              const std::vector<double>& x_shifts, float scale);

    // The GPU copy of a layer, if it has been drawn (tests, statistics).
    [[nodiscard]] const UserLayerMesh* mesh(std::uint64_t id) const;

    UserLayerStyle style;

private:
    std::map<std::uint64_t, std::unique_ptr<UserLayerMesh>> meshes_;
    std::unique_ptr<OpacityGroup> group_;  // made for the first translucent layer
};

}  // namespace muster
