#include "render/user_layer.hpp"

#include "render/opacity_group.hpp"
#include "render/tessellate.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace muster {
namespace {

constexpr GLuint position_location = 0;  // layout(location = 0) in shaders/map.vert
constexpr double fill_chunk_degrees = 10.0;

struct FillGeometry {
    std::vector<float> lonlat;    // for culling cells
    std::vector<float> mercator;  // what map.vert draws: lon, Mercator y
    std::vector<std::uint32_t> indices;
};

// Longitudes of a ring made continuous (no 360-degree jumps between
// neighbours), so a polygon across the antimeridian is filled across it and
// not around the world; the world copies of the renderer show both sides.
tess::Ring unwrapped_mercator_ring(const std::vector<LatLon>& ring, double& previous_lon) {
    tess::Ring xy;
    xy.reserve(ring.size() * 2);
    for (const LatLon& p : ring) {
        const double lon = previous_lon + wrap_longitude(p.lon - previous_lon);
        previous_lon = lon;
        xy.push_back(lon);
        xy.push_back(mercator_y(p.lat));
    }
    return xy;
}

// Triangulated in Mercator, as the outline is drawn, so fill and outline agree.
FillGeometry tessellate_polygons(const VectorGeometry& geometry) {
    FillGeometry fill;
    tess::Tessellator tessellator;
    tess::Triangles triangles;
    for (const auto& polygon : geometry.polygons) {
        double previous_lon = polygon.front().front().lon;
        std::vector<tess::Ring> rings;
        for (const auto& ring : polygon) rings.push_back(unwrapped_mercator_ring(ring, previous_lon));
        try {
            tessellator.triangulate(rings, triangles);
        } catch (const std::runtime_error&) {
            continue;  // a polygon GLU cannot fill keeps its outline
        }
        const auto base = static_cast<std::uint32_t>(fill.mercator.size() / 2);
        for (std::size_t i = 0; i + 1 < triangles.xy.size(); i += 2) {
            fill.mercator.push_back(static_cast<float>(triangles.xy[i]));
            fill.mercator.push_back(static_cast<float>(triangles.xy[i + 1]));
            fill.lonlat.push_back(static_cast<float>(triangles.xy[i]));
            fill.lonlat.push_back(static_cast<float>(lat_from_mercator_y(triangles.xy[i + 1])));
        }
        for (const std::uint32_t index : triangles.indices) fill.indices.push_back(base + index);
    }
    return fill;
}

std::vector<std::vector<LatLon>> closed_rings(const VectorGeometry& geometry) {
    std::vector<std::vector<LatLon>> rings;
    for (const auto& polygon : geometry.polygons)
        for (const auto& ring : polygon) {
            rings.push_back(ring);
            rings.back().push_back(ring.front());
        }
    return rings;
}

// A point as a zero-length segment: ThickLines draws it as a disc.
std::vector<std::vector<LatLon>> point_segments(const VectorGeometry& geometry) {
    std::vector<std::vector<LatLon>> segments;
    segments.reserve(geometry.points.size());
    for (const LatLon& p : geometry.points) segments.push_back({p, p});
    return segments;
}

bool overlaps(const Extent& a, const Extent& b) {
    return a.min_lon <= b.max_lon && b.min_lon <= a.max_lon && a.min_lat <= b.max_lat && b.min_lat <= a.max_lat;
}

}  // namespace

// ------------------------------------------------------------------ one file

UserLayerMesh::UserLayerMesh(const VectorFile& file) {
    const FillGeometry fill = tessellate_polygons(file.geometry);
    const ChunkedIndices chunked = chunk_primitives(fill.lonlat, fill.indices, 3, fill_chunk_degrees);
    fill_.vao = gl::make_vertex_array();
    fill_.vertices = gl::make_buffer();
    fill_.indices = gl::make_buffer();
    glBindVertexArray(fill_.vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, fill_.vertices.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(fill.mercator.size() * sizeof(float)), fill.mercator.data(),
                 GL_STATIC_DRAW);
    glEnableVertexAttribArray(position_location);
    glVertexAttribPointer(position_location, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    // The element-array binding is VAO state: upload it with the VAO bound.
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, fill_.indices.get());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(chunked.indices.size() * sizeof(std::uint32_t)),
                 chunked.indices.data(), GL_STATIC_DRAW);
    glBindVertexArray(0);
    fill_.chunks = chunked.chunks;
    fill_.indices_count = chunked.indices.size();

    outlines_.set_lines(closed_rings(file.geometry));
    lines_.set_lines(file.geometry.lines);
    points_.set_lines(point_segments(file.geometry));
}

void UserLayerMesh::draw_fill(const Camera& camera, const ShaderProgram& program, const std::vector<double>& lon_shifts,
                              const Rgba& colour) const {
    if (fill_.indices_count == 0) return;
    const Extent visible = camera.visible_extent();
    program.use();
    glUniform4f(program.uniform("u_colour"), colour.r, colour.g, colour.b, colour.a);
    glEnable(GL_BLEND);
    use_map_blending();
    glBindVertexArray(fill_.vao.get());
    for (const double shift : lon_shifts) {
        glUniform1f(program.uniform("u_lon_shift"), static_cast<float>(shift));
        for (const MeshChunk& chunk : fill_.chunks) {
            const Extent bounds{chunk.bounds.min_lon + shift, chunk.bounds.min_lat, chunk.bounds.max_lon + shift,
                                chunk.bounds.max_lat};
            if (!overlaps(bounds, visible)) continue;
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(chunk.count), GL_UNSIGNED_INT,
                           reinterpret_cast<const void*>(static_cast<std::uintptr_t>(chunk.first) * sizeof(std::uint32_t)));
        }
    }
    glBindVertexArray(0);
    glUniform1f(program.uniform("u_lon_shift"), 0.0f);
    glDisable(GL_BLEND);
}

void UserLayerMesh::draw(const Camera& camera, const ShaderProgram& fill_program, const std::vector<double>& lon_shifts,
                         const Rgba& colour, const UserLayerStyle& style, float scale) const {
    draw_fill(camera, fill_program, lon_shifts, colour.with_alpha(style.fill_alpha));
    outlines_.draw(camera, style.outline_pt * scale, colour);
    const float line = style.line_pt * scale;
    lines_.draw(camera, line + 2 * style.line_casing_pt * scale, style.casing);
    lines_.draw(camera, line, colour);
    const float point = style.point_pt * scale;
    points_.draw(camera, point + 2 * style.point_rim_pt * scale, Rgba::hex(0xFFFFFF));
    points_.draw(camera, point, colour);
}

// ------------------------------------------------------------------ all files

void UserLayerRenderer::draw(const Camera& camera, const std::vector<UserLayer>& layers,
                             const ShaderProgram& fill_program, const std::vector<double>& lon_shifts, float scale) {
    std::set<std::uint64_t> present;
    for (const UserLayer& layer : layers) present.insert(layer.id);
    std::erase_if(meshes_, [&present](const auto& entry) { return !present.count(entry.first); });

    for (const UserLayer& layer : layers) {
        if (!layer.look.drawn() || !layer.file) continue;
        std::unique_ptr<UserLayerMesh>& mesh = meshes_[layer.id];
        if (!mesh) mesh = std::make_unique<UserLayerMesh>(*layer.file);
        // A translucent layer is drawn as one picture, so its outline does
        // not show its own fill through, nor its lines their joints.
        const float opacity = std::min(layer.look.opacity, 1.0f);
        if (opacity < 1.0f) {
            if (!group_) group_ = std::make_unique<OpacityGroup>();
            group_->begin(camera.viewport());
        }
        mesh->draw(camera, fill_program, lon_shifts, layer.colour.with_alpha(1.0f), style, scale);
        if (opacity < 1.0f) group_->end(opacity);
    }
}

const UserLayerMesh* UserLayerRenderer::mesh(std::uint64_t id) const {
    const auto found = meshes_.find(id);
    return found == meshes_.end() ? nullptr : found->second.get();
}

}  // namespace muster
