#version 330 core
// The country's colour, the same over the whole triangle (flat).

flat in vec4 v_colour;

out vec4 frag_colour;

void main() {
    frag_colour = v_colour;
}
