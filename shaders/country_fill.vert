#version 330 core
// Country interiors coloured by the country's role in the scenario: like
// map.vert, plus each vertex's country index (CountryMesh::fill_country)
// looked up in a two-row texture of per-country colours (row 0: the fill;
// row 1: the hatch of a deployment area, alpha 0 for none), so a new
// scenario changes one small texture, never the mesh.

layout(location = 0) in vec2 a_position;  // plane x, y (see map.vert)
layout(location = 1) in uint a_country;   // index into CountryMesh::countries

uniform vec2 u_centre;
uniform vec2 u_scale;
uniform float u_x_shift;
uniform sampler2D u_country_colours;  // width = number of countries, height 2, RGBA8

flat out vec4 v_colour;
flat out vec4 v_hatch;

void main() {
    vec2 offset = vec2(a_position.x + u_x_shift - u_centre.x, a_position.y - u_centre.y);
    gl_Position = vec4(offset * u_scale, 0.0, 1.0);
    v_colour = texelFetch(u_country_colours, ivec2(int(a_country), 0), 0);
    v_hatch = texelFetch(u_country_colours, ivec2(int(a_country), 1), 0);
}
