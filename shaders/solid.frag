#version 330 core
// One flat colour for a whole draw call: land, borders, graticule.

uniform vec4 u_colour;

out vec4 frag_colour;

void main() {
    frag_colour = u_colour;
}
