#version 330 core
// Coverage of a capsule (the segment widened by u_half_width, round ends):
// one pixel of smooth falloff at the edge, so lines of any width and angle
// are anti-aliased without multisampling.

in vec2 v_local;
flat in float v_length;

uniform float u_half_width;
uniform vec4 u_colour;

out vec4 frag_colour;

void main() {
    float nearest = clamp(v_local.x, 0.0, v_length);
    float distance = length(vec2(v_local.x - nearest, v_local.y));
    float coverage = clamp(u_half_width + 0.5 - distance, 0.0, 1.0);
    if (coverage <= 0.0) discard;
    frag_colour = vec4(u_colour.rgb, u_colour.a * coverage);
}
