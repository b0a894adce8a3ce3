#include "render/shader_program.hpp"

#include "core/error.hpp"
#include "core/paths.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

namespace muster {
namespace {

std::string read_source(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(file.string() + ": cannot read shader source");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Drivers write multi-line logs; the first non-empty line names the problem.
std::string first_line(const std::string& log) {
    std::istringstream lines(log);
    std::string line;
    while (std::getline(lines, line))
        if (line.find_first_not_of(" \t\r") != std::string::npos) return line;
    return "no log from the driver";
}

std::string shader_log(GLuint shader) {
    GLint length = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<std::size_t>(std::max(length, 1)), '\0');
    glGetShaderInfoLog(shader, length, nullptr, log.data());
    return log.data();
}

std::string program_log(GLuint program) {
    GLint length = 0;
    glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<std::size_t>(std::max(length, 1)), '\0');
    glGetProgramInfoLog(program, length, nullptr, log.data());
    return log.data();
}

GLuint compile(GLenum stage, const std::string& source, const std::string& name) {
    const GLuint shader = glCreateShader(stage);
    const char* text = source.c_str();
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        const std::string log = shader_log(shader);
        glDeleteShader(shader);
        throw Error(name + ": compile error: " + first_line(log));
    }
    return shader;
}

}  // namespace

ShaderProgram ShaderProgram::from_files(std::string_view vertex_file, std::string_view fragment_file) {
    const auto vertex_path = shader_path(vertex_file);
    const auto fragment_path = shader_path(fragment_file);
    return from_sources(read_source(vertex_path), vertex_path.string(), read_source(fragment_path),
                        fragment_path.string());
}

ShaderProgram ShaderProgram::from_sources(const std::string& vertex_source, const std::string& vertex_name,
                                          const std::string& fragment_source, const std::string& fragment_name) {
    const GLuint vertex = compile(GL_VERTEX_SHADER, vertex_source, vertex_name);
    GLuint fragment = 0;
    try {
        fragment = compile(GL_FRAGMENT_SHADER, fragment_source, fragment_name);
    } catch (...) {
        glDeleteShader(vertex);
        throw;
    }
    const GLuint program = glCreateProgram();
    glAttachShader(program, vertex);
    glAttachShader(program, fragment);
    glLinkProgram(program);
    glDeleteShader(vertex);  // the program keeps what it needs
    glDeleteShader(fragment);
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
        const std::string log = program_log(program);
        glDeleteProgram(program);
        throw Error(vertex_name + " + " + fragment_name + ": link error: " + first_line(log));
    }
    return ShaderProgram(program);
}

ShaderProgram::ShaderProgram(ShaderProgram&& other) noexcept
    : program_(std::exchange(other.program_, 0)), uniforms_(std::move(other.uniforms_)) {}

ShaderProgram& ShaderProgram::operator=(ShaderProgram&& other) noexcept {
    if (this != &other) {
        if (program_) glDeleteProgram(program_);
        program_ = std::exchange(other.program_, 0);
        uniforms_ = std::move(other.uniforms_);
    }
    return *this;
}

ShaderProgram::~ShaderProgram() {
    if (program_) glDeleteProgram(program_);
}

GLint ShaderProgram::uniform(const std::string& name) const {
    auto it = uniforms_.find(name);
    if (it != uniforms_.end()) return it->second;
    const GLint location = glGetUniformLocation(program_, name.c_str());
    uniforms_.emplace(name, location);
    return location;
}

}  // namespace muster
