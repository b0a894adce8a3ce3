// GLSL 330 core programs built from the sources in shaders/ (found through
// shader_path(), so they are edited without recompiling muster).
//
// A compile or link failure throws muster::Error naming the file and the
// first line of the driver's log, e.g.
//   /usr/share/muster/shaders/map.vert: compile error: 0:7(2): error: `foo' undeclared
#pragma once

#include <epoxy/gl.h>

#include <map>
#include <string>
#include <string_view>

namespace muster {

class ShaderProgram {
public:
    // vertex_file, fragment_file: names under shaders/, e.g. "map.vert".
    static ShaderProgram from_files(std::string_view vertex_file, std::string_view fragment_file);
    // The same from sources in memory; the names appear in error messages.
    static ShaderProgram from_sources(const std::string& vertex_source, const std::string& vertex_name,
                                      const std::string& fragment_source, const std::string& fragment_name);

    ShaderProgram(ShaderProgram&& other) noexcept;
    ShaderProgram& operator=(ShaderProgram&& other) noexcept;
    ShaderProgram(const ShaderProgram&) = delete;
    ShaderProgram& operator=(const ShaderProgram&) = delete;
    ~ShaderProgram();

    void use() const { glUseProgram(program_); }
    // Location of a uniform (-1 when the program lacks it); cached.
    [[nodiscard]] GLint uniform(const std::string& name) const;
    [[nodiscard]] GLuint id() const { return program_; }

private:
    explicit ShaderProgram(GLuint program) : program_(program) {}
    GLuint program_ = 0;
    mutable std::map<std::string, GLint> uniforms_;
};

}  // namespace muster
