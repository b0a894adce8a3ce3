#include "render/overlay_lines.hpp"

#include "render/opacity_group.hpp"

#include <cmath>
#include <numbers>

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
    std::vector<float> data;
    for (const auto& line : lines)
        for (std::size_t i = 0; i + 1 < line.size(); ++i) {
            // Longitudes of a segment stay together (no 360-degree jump), so
            // the shader's wrap moves both ends alike.
            const double lon0 = line[i].lon;
            const double lon1 = lon0 + wrap_longitude(line[i + 1].lon - lon0);
            data.insert(data.end(), {static_cast<float>(lon0), static_cast<float>(mercator_y(line[i].lat)),
                                     static_cast<float>(lon1), static_cast<float>(mercator_y(line[i + 1].lat))});
        }
    segments_ = data.size() / 4;
    glBindBuffer(GL_ARRAY_BUFFER, instances_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void ThickLines::draw(const Camera& camera, float width_px, const Rgba& colour) const {
    if (segments_ == 0 || width_px <= 0.0f) return;
    const PixelSize viewport = camera.viewport();
    program_.use();
    glUniform2f(program_.uniform("u_centre"), static_cast<float>(camera.centre().lon),
                static_cast<float>(mercator_y(camera.centre().lat)));
    glUniform2f(program_.uniform("u_pixels_per_unit"), static_cast<float>(camera.pixels_per_degree()),
                static_cast<float>(camera.world_pixels() / (2.0 * std::numbers::pi)));
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
