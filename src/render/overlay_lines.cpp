#include "render/overlay_lines.hpp"

#include "render/opacity_group.hpp"

#include <cmath>

namespace muster {
namespace {

constexpr GLuint corner_location = 0;   // layout(location = 0) in thick_line.vert
constexpr GLuint segment_location = 1;  // layout(location = 1)

}  // namespace

ThickLines::ThickLines() : program_(ShaderProgram::from_files("thick_line.vert", "thick_line.frag")) {
    vao_ = gl::make_vertex_array();
    corners_ = gl::make_buffer();
    instances_ = gl::make_buffer();
    // A triangle strip over the quad: start-right, start-left, end-right, end-left.
    const float corners[] = {0.0f, -1.0f, 0.0f, 1.0f, 1.0f, -1.0f, 1.0f, 1.0f};
    glBindVertexArray(vao_.get());
    glBindBuffer(GL_ARRAY_BUFFER, corners_.get());
    glBufferData(GL_ARRAY_BUFFER, sizeof(corners), corners, GL_STATIC_DRAW);
    glEnableVertexAttribArray(corner_location);
    glVertexAttribPointer(corner_location, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, instances_.get());
    glEnableVertexAttribArray(segment_location);
    glVertexAttribPointer(segment_location, 4, GL_FLOAT, GL_FALSE, 4 * sizeof(float), nullptr);
    glVertexAttribDivisor(segment_location, 1);
    glBindVertexArray(0);
}

void ThickLines::set_lines(const std::vector<std::vector<LatLon>>& lines) {
    lines_ = lines;
    uploaded_for_.reset();
}

std::size_t ThickLines::segments() const {
    if (uploaded_for_) return segments_;
    std::size_t count = 0;
    for (const auto& line : lines_) count += line.size() > 1 ? line.size() - 1 : 0;
    return count;
}

void ThickLines::upload_for(const ProjectionPtr& projection_ptr) const {
    if (uploaded_for_ == projection_ptr) return;
    const Projection& projection = *projection_ptr;
    std::vector<float> data;
    for (const auto& line : lines_)
        for (std::size_t i = 0; i + 1 < line.size(); ++i) {
            const auto a = projection.forward(line[i]), b = projection.forward(line[i + 1]);
            if (!a || !b) continue;  // leaves the projection's domain
            // Ends of a segment stay together (no jump of a period), so the
            // shader's wrap moves both alike.
            double bx = b->x;
            if (projection.wraps()) bx = a->x + std::remainder(b->x - a->x, projection.period());
            data.insert(data.end(), {static_cast<float>(a->x), static_cast<float>(a->y), static_cast<float>(bx),
                                     static_cast<float>(b->y)});
        }
    segments_ = data.size() / 4;
    glBindBuffer(GL_ARRAY_BUFFER, instances_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    uploaded_for_ = projection_ptr;
}

void ThickLines::draw(const Camera& camera, float width_px, const Rgba& colour) const {
    if (lines_.empty() || width_px <= 0.0f) return;
    upload_for(camera.projection_ptr());
    if (segments_ == 0) return;
    const PixelSize viewport = camera.viewport();
    program_.use();
    glUniform2f(program_.uniform("u_centre"), static_cast<float>(camera.centre_point().x),
                static_cast<float>(camera.centre_point().y));
    glUniform1f(program_.uniform("u_pixels_per_unit"), static_cast<float>(1.0 / camera.units_per_pixel()));
    glUniform1f(program_.uniform("u_period"), static_cast<float>(camera.projection().period()));
    glUniform2f(program_.uniform("u_viewport"), static_cast<float>(viewport.width),
                static_cast<float>(viewport.height));
    glUniform1f(program_.uniform("u_half_width"), width_px / 2.0f);
    glUniform4f(program_.uniform("u_colour"), colour.r, colour.g, colour.b, colour.a);
    glEnable(GL_BLEND);  // the fringe is partial coverage
    use_map_blending();
    glBindVertexArray(vao_.get());
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(segments_));
    glBindVertexArray(0);
    glDisable(GL_BLEND);
}

}  // namespace muster
