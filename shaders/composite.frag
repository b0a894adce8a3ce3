#version 330 core
// A translucent layer's picture (premultiplied colours, drawn opaque into a
// viewport-sized texture) laid over the map at the layer's opacity, pixel
// for pixel.

uniform sampler2D u_group;
uniform float u_opacity;  // 0..1

out vec4 frag_colour;

void main() {
    frag_colour = texelFetch(u_group, ivec2(gl_FragCoord.xy), 0) * u_opacity;
}
