#version 330 core
// The country's colour, the same over the whole triangle (flat), at the
// countries layer's opacity, with the diagonal stripes of a deployment area
// mixed in where the country is one (v_hatch.a > 0): computed here, in the
// one fill pass, rather than in a second blended pass over the same pixels,
// which would double the cost of a host country's pixels on a software
// rasteriser. The stripes are those of hatch.frag (the same formula: GLSL
// 3.30 has no includes).

flat in vec4 v_colour;
flat in vec4 v_hatch;

uniform float u_period;      // pixels from one stripe to the next, across the stripes
uniform float u_half_width;  // pixels
uniform float u_offset;      // pixels across the stripes: where the map's origin puts them

uniform float u_opacity;        // 0..1, the countries layer (render/layers.hpp)
uniform float u_hatch_opacity;  // 0..1, the areas layer; 0 when it is hidden
uniform bool u_hatch_only;      // the stripes alone, drawn again over the user's rasters

out vec4 frag_colour;

void main() {
    float hatch = v_hatch.a * u_hatch_opacity;
    if (hatch <= 0.0) {
        if (u_hatch_only) discard;
        frag_colour = vec4(v_colour.rgb, v_colour.a * u_opacity);
        return;
    }
    float across = (gl_FragCoord.x - gl_FragCoord.y) * 0.70710678 - u_offset;
    float distance = abs(mod(across, u_period) - 0.5 * u_period);
    float coverage = clamp(u_half_width + 0.5 - distance, 0.0, 1.0);
    if (u_hatch_only) {
        frag_colour = vec4(v_hatch.rgb, hatch * coverage);
        return;
    }
    frag_colour = vec4(mix(v_colour.rgb, v_hatch.rgb, hatch * coverage), v_colour.a * u_opacity);
}
