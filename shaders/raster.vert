#version 330 core
// A user's raster draped over the map: a grid over the image's lon/lat
// extent, projected on the CPU like every map vertex (see map.vert), each
// vertex carrying where it lies in the image.

layout(location = 0) in vec2 a_position;  // plane x, y (see map.vert)
layout(location = 1) in vec2 a_texcoord;  // 0..1 west to east, 0..1 north to south

uniform vec2 u_centre;
uniform vec2 u_scale;
uniform float u_x_shift;

out vec2 v_texcoord;

void main() {
    vec2 offset = vec2(a_position.x + u_x_shift - u_centre.x, a_position.y - u_centre.y);
    gl_Position = vec4(offset * u_scale, 0.0, 1.0);
    v_texcoord = a_texcoord;
}
