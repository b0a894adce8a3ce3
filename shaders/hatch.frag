#version 330 core
// Diagonal hatching of deployment areas, computed in screen space: stripes
// along x - y = const in window pixels ("/" on screen), u_period pixels apart
// across them and 2 * u_half_width wide, with one pixel of smooth edge, so
// they look the same at any zoom. u_offset shifts them with the map.

uniform vec4 u_colour;
uniform float u_period;      // pixels from one stripe to the next, across the stripes
uniform float u_half_width;  // pixels
uniform float u_offset;      // pixels across the stripes: where the map's origin puts them

out vec4 frag_colour;

void main() {
    float across = (gl_FragCoord.x - gl_FragCoord.y) * 0.70710678 - u_offset;
    float phase = mod(across, u_period);
    float distance = abs(phase - 0.5 * u_period);  // from the middle of the nearest stripe
    float coverage = clamp(u_half_width + 0.5 - distance, 0.0, 1.0);
    if (coverage <= 0.0) discard;
    frag_colour = vec4(u_colour.rgb, u_colour.a * coverage);
}
