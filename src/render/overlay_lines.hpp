// Thick anti-aliased polylines on the map (border features): segments go to
// the GPU once per projection as instances (projected on the CPU, like the
// base map; segments leaving the projection's domain are left out),
// shaders/thick_line.vert expands each into a screen-space quad and
// thick_line.frag gives it round caps and a smooth edge, so any width draws
// crisply at any zoom without multisampling.
//
// Needs the GL context it was created in to be current.
#pragma once

#include "core/geo.hpp"
#include "render/camera.hpp"
#include "render/gl_objects.hpp"
#include "render/shader_program.hpp"
#include "render/style.hpp"

#include <cstddef>
#include <vector>

namespace muster {

class ThickLines {
public:
    ThickLines();  // compiles the shaders; throws muster::Error on failure

    // Replaces the polylines (lon/lat points; a line of fewer than 2 points draws nothing).
    void set_lines(const std::vector<std::vector<LatLon>>& lines);
    // Segments uploaded for the projection drawn last (all of them before the first draw).
    [[nodiscard]] std::size_t segments() const;

    // Draws every segment width_px wide into the bound framebuffer. Opaque
    // colours draw each pixel's core once; the 1-pixel fringes of segments
    // meeting at a joint overlap a little, invisible for opaque colours.
    void draw(const Camera& camera, float width_px, const Rgba& colour) const;

private:
    // Projects the lines for the camera's projection when it changed.
    void upload_for(const ProjectionPtr& projection) const;

    ShaderProgram program_;
    gl::VertexArray vao_;
    gl::Buffer corners_, instances_;
    std::vector<std::vector<LatLon>> lines_;
    mutable ProjectionPtr uploaded_for_;  // none: not uploaded since set_lines
    mutable std::size_t segments_ = 0;
};

}  // namespace muster
