#version 330 core
// Thick lines in screen space: every segment is one instance, expanded here
// into a quad that covers the segment plus half the line width and one pixel
// of anti-aliasing fringe on every side (so caps and joins come out round:
// each segment is drawn as a capsule, see thick_line.frag). Positions are
// Web Mercator like map.vert (x = longitude in degrees, y = Mercator
// ordinate); the longitude is wrapped to the copy nearest the camera centre,
// as Camera::to_screen does.

layout(location = 0) in vec2 a_corner;   // x: 0 at the start, 1 at the end; y: -1 right side, +1 left side
layout(location = 1) in vec4 a_segment;  // start lon, start Mercator y, end lon, end Mercator y

uniform vec2 u_centre;           // camera centre: longitude (degrees), Mercator y
uniform vec2 u_pixels_per_unit;  // pixels per degree of longitude, per unit of Mercator y
uniform vec2 u_viewport;         // pixels
uniform float u_half_width;      // pixels

out vec2 v_local;       // pixels: along the segment from its start, across from its axis
flat out float v_length;  // the segment's length in pixels

void main() {
    float dx = mod(a_segment.x - u_centre.x + 180.0, 360.0) - 180.0;
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
