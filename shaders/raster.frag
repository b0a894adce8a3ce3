#version 330 core
// The raster's texel at the layer's opacity. The texture holds premultiplied
// colours (so filtering never bleeds the colour of transparent nodata
// pixels into their neighbours); drawn with glBlendFunc(GL_ONE,
// GL_ONE_MINUS_SRC_ALPHA).

in vec2 v_texcoord;

uniform sampler2D u_image;
uniform float u_opacity;

out vec4 frag_colour;

void main() {
    frag_colour = texture(u_image, v_texcoord) * u_opacity;
}
