#version 330 core
// Places map vertices in clip space. Vertices arrive already projected to Web
// Mercator on the CPU at upload (x = longitude in degrees, y = Mercator
// ordinate ln(tan(pi/4 + lat/2)), see render/camera.hpp), so this is a scale
// and a shift: cheap on a software rasteriser, and only the uniforms change
// as the camera moves. Must agree with Camera::to_screen.

layout(location = 0) in vec2 a_position;  // longitude (degrees), Mercator y

uniform vec2 u_centre;      // camera centre: longitude (degrees), Mercator y
uniform vec2 u_scale;       // clip-space units per degree of longitude, per unit of Mercator y
uniform float u_lon_shift;  // 0, or +-360 for the copy of the world beyond the antimeridian

void main() {
    // Subtract the centre before scaling: single precision stays exact enough
    // at the zoom levels muster allows.
    vec2 offset = vec2(a_position.x + u_lon_shift - u_centre.x, a_position.y - u_centre.y);
    gl_Position = vec4(offset * u_scale, 0.0, 1.0);
}
