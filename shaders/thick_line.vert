#version 330 core
// Thick lines in screen space: every segment is one instance, expanded here
// into a quad that covers the segment plus half the line width and one pixel
// of anti-aliasing fringe on every side (so caps and joins come out round:
// each segment is drawn as a capsule, see thick_line.frag). Positions are in
// the projection's plane like map.vert; in wrapping projections x is moved
// to the copy nearest the camera centre, as Camera::to_screen does.

layout(location = 0) in vec2 a_corner;   // x: 0 at the start, 1 at the end; y: -1 right side, +1 left side
layout(location = 1) in vec4 a_segment;  // start x, start y, end x, end y (plane units)

uniform vec2 u_centre;           // camera centre in the plane
uniform float u_pixels_per_unit; // pixels per plane unit, both axes
uniform float u_period;          // plane units of 360 degrees of longitude; 0: no wrapping
uniform vec2 u_viewport;         // pixels
uniform float u_half_width;      // pixels

out vec2 v_local;       // pixels: along the segment from its start, across from its axis
flat out float v_length;  // the segment's length in pixels

void main() {
    float dx = a_segment.x - u_centre.x;
    if (u_period > 0.0) dx = mod(dx + 0.5 * u_period, u_period) - 0.5 * u_period;
    vec2 start = vec2(dx, a_segment.y - u_centre.y) * u_pixels_per_unit;
    vec2 delta = (a_segment.zw - a_segment.xy) * u_pixels_per_unit;
    float len = length(delta);
    vec2 along = len > 1e-4 ? delta / len : vec2(1.0, 0.0);
    vec2 across = vec2(-along.y, along.x);
    float reach = u_half_width + 1.0;
    float t = a_corner.x < 0.5 ? -reach : len + reach;
    float s = a_corner.y * reach;
    vec2 position = start + along * t + across * s;
    v_local = vec2(t, s);
    v_length = len;
    gl_Position = vec4(position / (0.5 * u_viewport), 0.0, 1.0);
}
