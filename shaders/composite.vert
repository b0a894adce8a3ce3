#version 330 core
// One triangle that covers the whole viewport (render/opacity_group.hpp):
// corners (-1,-1), (3,-1), (-1,3), made from the vertex index alone.

void main() {
    vec2 corner = vec2(float((gl_VertexID & 1) << 2) - 1.0, float((gl_VertexID & 2) << 1) - 1.0);
    gl_Position = vec4(corner, 0.0, 1.0);
}
