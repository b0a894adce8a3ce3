#version 330 core
// Places map vertices in clip space. Vertices arrive already projected on the
// CPU at upload, in the plane of the camera's projection (render/
// projection.hpp: Web Mercator metres, LAEA metres, ...), so this is a scale
// and a shift: cheap on a software rasteriser, and only the uniforms change
// as the camera moves. Must agree with Camera::to_screen.

layout(location = 0) in vec2 a_position;  // plane x (east), y (north)

uniform vec2 u_centre;    // camera centre in the plane
uniform vec2 u_scale;     // clip-space units per plane unit, x and y
uniform float u_x_shift;  // 0, or +-one period for the copy of the world beyond the antimeridian

void main() {
    // Subtract the centre before scaling: single precision stays exact enough
    // at the zoom levels muster allows.
    vec2 offset = vec2(a_position.x + u_x_shift - u_centre.x, a_position.y - u_centre.y);
    gl_Position = vec4(offset * u_scale, 0.0, 1.0);
}
