#version 330 core
// The country's colour, the same over the whole triangle (flat), at the
// countries layer's opacity.

flat in vec4 v_colour;

uniform float u_opacity;  // 0..1 (render/layers.hpp)

out vec4 frag_colour;

void main() {
    frag_colour = vec4(v_colour.rgb, v_colour.a * u_opacity);
}
