#include "render/opacity_group.hpp"

#include "core/error.hpp"

namespace muster {

void use_map_blending() { glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA); }

OpacityGroup::OpacityGroup() : program_(ShaderProgram::from_files("composite.vert", "composite.frag")) {
    vao_ = gl::make_vertex_array();
    glGenFramebuffers(1, &framebuffer_);
    glGenTextures(1, &texture_);
}

OpacityGroup::~OpacityGroup() {
    glDeleteTextures(1, &texture_);
    glDeleteFramebuffers(1, &framebuffer_);
}

void OpacityGroup::begin(PixelSize viewport) {
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previous_draw_);
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &previous_read_);
    if (viewport.width != size_.width || viewport.height != size_.height) {
        glBindTexture(GL_TEXTURE_2D, texture_);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, viewport.width, viewport.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
            throw Error("OpenGL: cannot draw into a " + std::to_string(viewport.width) + "x" +
                        std::to_string(viewport.height) + " texture for a translucent layer");
        size_ = viewport;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

void OpacityGroup::end(float opacity) {
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(previous_draw_));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(previous_read_));
    program_.use();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glUniform1i(program_.uniform("u_group"), 0);
    glUniform1f(program_.uniform("u_opacity"), opacity);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // the texture holds premultiplied colours
    glBindVertexArray(vao_.get());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    use_map_blending();
    glDisable(GL_BLEND);
}

}  // namespace muster
