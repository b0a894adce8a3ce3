#include "render/raster_layer.hpp"

#include "render/domain_clip.hpp"
#include "render/map_renderer.hpp"
#include "render/opacity_group.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace muster {
namespace {

constexpr GLuint position_location = 0;  // layout(location = 0) in shaders/raster.vert
constexpr GLuint texcoord_location = 1;  // layout(location = 1)

// The image with premultiplied colours, halved (2x2 averages) until it fits
// the driver's largest texture.
std::vector<std::uint8_t> texture_pixels(const RasterFile& file, PixelSize& size) {
    std::vector<std::uint8_t> pixels(file.rgba.size());
    for (std::size_t i = 0; i < file.rgba.size(); i += 4) {
        const unsigned alpha = file.rgba[i + 3];
        for (std::size_t c = 0; c < 3; ++c)
            pixels[i + c] = static_cast<std::uint8_t>((file.rgba[i + c] * alpha + 127) / 255);
        pixels[i + 3] = static_cast<std::uint8_t>(alpha);
    }
    size = {file.width, file.height};
    GLint max_side = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_side);
    while (max_side > 0 && (size.width > max_side || size.height > max_side)) {
        const PixelSize half{std::max(1, size.width / 2), std::max(1, size.height / 2)};
        std::vector<std::uint8_t> smaller(static_cast<std::size_t>(half.width) * half.height * 4);
        for (int y = 0; y < half.height; ++y)
            for (int x = 0; x < half.width; ++x)
                for (int c = 0; c < 4; ++c) {
                    unsigned sum = 0;
                    for (const auto& [dx, dy] : {std::pair{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
                        const int sx = std::min(2 * x + dx, size.width - 1), sy = std::min(2 * y + dy, size.height - 1);
                        sum += pixels[(static_cast<std::size_t>(sy) * size.width + sx) * 4 + c];
                    }
                    smaller[(static_cast<std::size_t>(y) * half.width + x) * 4 + c] = static_cast<std::uint8_t>((sum + 2) / 4);
                }
        pixels = std::move(smaller);
        size = half;
    }
    return pixels;
}

gl::Texture upload_texture(const std::vector<std::uint8_t>& pixels, PixelSize size) {
    GLuint name = 0;
    glGenTextures(1, &name);
    gl::Texture texture(name);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, name);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, size.width, size.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    glGenerateMipmap(GL_TEXTURE_2D);
    // Smooth when enlarged, averaged (mipmaps) when a large image is shown small.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    return texture;
}

// The grid over the extent in lon/lat, two triangles a cell.
void make_grid(const Extent& extent, std::vector<float>& lonlat, std::vector<std::uint32_t>& indices) {
    const int n = raster_grid_cells;
    for (int row = 0; row <= n; ++row)
        for (int column = 0; column <= n; ++column) {
            lonlat.push_back(static_cast<float>(extent.min_lon + extent.width() * column / n));
            lonlat.push_back(static_cast<float>(extent.max_lat - extent.height() * row / n));
        }
    auto at = [n](int row, int column) { return static_cast<std::uint32_t>(row * (n + 1) + column); };
    for (int row = 0; row < n; ++row)
        for (int column = 0; column < n; ++column)
            indices.insert(indices.end(), {at(row, column), at(row + 1, column), at(row, column + 1), at(row, column + 1),
                                           at(row + 1, column), at(row + 1, column + 1)});
}

}  // namespace

// ------------------------------------------------------------------ one image

RasterLayerMesh::RasterLayerMesh(const RasterFile& file) : extent_(file.extent) {
    const std::vector<std::uint8_t> pixels = texture_pixels(file, texture_size_);
    texture_ = upload_texture(pixels, texture_size_);
}

void RasterLayerMesh::project_grid(const ProjectionPtr& projection) const {
    if (grid_.projected_for == projection) return;
    std::vector<float> lonlat;
    std::vector<std::uint32_t> indices;
    make_grid(extent_, lonlat, indices);
    clip_triangles_to_domain(projection->domain(), lonlat, indices);
    // Texture coordinates from where each (possibly cut) vertex lies: the
    // image is evenly spaced in degrees.
    std::vector<double> plane(lonlat.begin(), lonlat.end());
    projection->forward_in_place(plane);
    std::vector<float> vertices;  // x, y, u, v
    vertices.reserve(lonlat.size() * 2);
    for (std::size_t i = 0; i + 1 < lonlat.size(); i += 2) {
        vertices.insert(vertices.end(), {static_cast<float>(plane[i]), static_cast<float>(plane[i + 1]),
                                         static_cast<float>((lonlat[i] - extent_.min_lon) / extent_.width()),
                                         static_cast<float>((extent_.max_lat - lonlat[i + 1]) / extent_.height())});
    }
    std::vector<std::uint32_t> kept;  // triangles with every corner placed
    for (std::size_t i = 0; i + 3 <= indices.size(); i += 3) {
        bool finite = true;
        for (std::size_t c = 0; c < 3; ++c)
            finite = finite && std::isfinite(plane[2 * indices[i + c]]) && std::isfinite(plane[2 * indices[i + c] + 1]);
        if (finite) kept.insert(kept.end(), {indices[i], indices[i + 1], indices[i + 2]});
    }
    if (!grid_.vao) {
        grid_.vao = gl::make_vertex_array();
        grid_.vertices = gl::make_buffer();
        grid_.indices = gl::make_buffer();
    }
    glBindVertexArray(grid_.vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, grid_.vertices.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(float)), vertices.data(),
                 GL_STATIC_DRAW);
    glEnableVertexAttribArray(position_location);
    glVertexAttribPointer(position_location, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), nullptr);
    glEnableVertexAttribArray(texcoord_location);
    glVertexAttribPointer(texcoord_location, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float),
                          reinterpret_cast<const void*>(2 * sizeof(float)));
    // The element-array binding is VAO state: upload it with the VAO bound.
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, grid_.indices.get());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(kept.size() * sizeof(std::uint32_t)), kept.data(),
                 GL_STATIC_DRAW);
    glBindVertexArray(0);
    grid_.indices_count = kept.size();
    grid_.projected_for = projection;
}

void RasterLayerMesh::draw(const Camera& camera, const ShaderProgram& program, const std::vector<double>& x_shifts,
                           float opacity) const {
    project_grid(camera.projection_ptr());
    if (grid_.indices_count == 0) return;
    glUniform1f(program.uniform("u_opacity"), opacity);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_.get());
    glBindVertexArray(grid_.vao.get());
    for (const double shift : x_shifts) {
        glUniform1f(program.uniform("u_x_shift"), static_cast<float>(shift));
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(grid_.indices_count), GL_UNSIGNED_INT, nullptr);
    }
    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, 0);
}

// ------------------------------------------------------------------ all images

bool RasterLayerRenderer::draw(const Camera& camera, const std::vector<UserLayer>& layers,
                               const std::vector<double>& x_shifts) {
    std::set<std::uint64_t> present;
    for (const UserLayer& layer : layers)
        if (layer.raster) present.insert(layer.id);
    std::erase_if(meshes_, [&present](const auto& entry) { return !present.count(entry.first); });
    if (present.empty()) return false;

    bool program_set = false;
    for (const UserLayer& layer : layers) {
        if (!layer.raster || !layer.look.drawn()) continue;
        if (!program_) program_ = ShaderProgram::from_files("raster.vert", "raster.frag");
        if (!program_set) {
            program_->use();
            MapRenderer::set_view_uniforms(*program_, camera);
            glUniform1i(program_->uniform("u_image"), 0);
            glEnable(GL_BLEND);
            glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // premultiplied texels
            program_set = true;
        }
        std::unique_ptr<RasterLayerMesh>& mesh = meshes_[layer.id];
        if (!mesh) mesh = std::make_unique<RasterLayerMesh>(*layer.raster);
        mesh->draw(camera, *program_, x_shifts, std::clamp(layer.look.opacity, 0.0f, 1.0f));
    }
    if (!program_set) return false;
    glUniform1f(program_->uniform("u_x_shift"), 0.0f);
    use_map_blending();
    glDisable(GL_BLEND);
    return true;
}

const RasterLayerMesh* RasterLayerRenderer::mesh(std::uint64_t id) const {
    const auto found = meshes_.find(id);
    return found == meshes_.end() ? nullptr : found->second.get();
}

}  // namespace muster
