// Move-only owners of OpenGL object names, so buffers and vertex arrays are
// deleted exactly once. They must be destroyed while their context is current.
#pragma once

#include <epoxy/gl.h>

#include <utility>

namespace muster::gl {

template <void (*Delete)(GLuint)>
class Handle {
public:
    Handle() = default;
    explicit Handle(GLuint name) : name_(name) {}
    ~Handle() { reset(); }
    Handle(Handle&& other) noexcept : name_(std::exchange(other.name_, 0)) {}
    Handle& operator=(Handle&& other) noexcept {
        if (this != &other) {
            reset();
            name_ = std::exchange(other.name_, 0);
        }
        return *this;
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;

    [[nodiscard]] GLuint get() const { return name_; }
    [[nodiscard]] explicit operator bool() const { return name_ != 0; }
    void reset() {
        if (name_) Delete(name_);
        name_ = 0;
    }

private:
    GLuint name_ = 0;
};

inline void delete_buffer(GLuint name) { glDeleteBuffers(1, &name); }
inline void delete_vertex_array(GLuint name) { glDeleteVertexArrays(1, &name); }
inline void delete_texture(GLuint name) { glDeleteTextures(1, &name); }

using Buffer = Handle<delete_buffer>;
using VertexArray = Handle<delete_vertex_array>;
using Texture = Handle<delete_texture>;

inline Buffer make_buffer() {
    GLuint name = 0;
    glGenBuffers(1, &name);
    return Buffer(name);
}

inline VertexArray make_vertex_array() {
    GLuint name = 0;
    glGenVertexArrays(1, &name);
    return VertexArray(name);
}

}  // namespace muster::gl
