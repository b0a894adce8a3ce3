#include "render/user_layer.hpp"

#include "render/domain_clip.hpp"
#include "render/opacity_group.hpp"
#include "render/tessellate.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <set>
#include <stdexcept>

namespace muster {
namespace {

constexpr GLuint position_location = 0;  // layout(location = 0) in shaders/map.vert
// Culling cells, in degrees of the reference equator (square in the plane).
constexpr double fill_chunk_degrees = 10.0;

struct FillGeometry {
    std::vector<float> plane;  // what map.vert draws: the projection's x, y
    std::vector<std::uint32_t> indices;
};

// Longitudes of a ring made continuous (no 360-degree jumps between
// neighbours), so a polygon across the antimeridian is filled across it and
// not around the world; the world copies of the renderer show both sides.
std::vector<LatLon> unwrapped_ring(const std::vector<LatLon>& ring, double& previous_lon) {
    std::vector<LatLon> out;
    out.reserve(ring.size());
    for (const LatLon& p : ring) {
        const double lon = previous_lon + wrap_longitude(p.lon - previous_lon);
        previous_lon = lon;
        out.push_back({p.lat, lon});
    }
    return out;
}

void append_triangles(FillGeometry& fill, const std::vector<double>& xy, const std::vector<std::uint32_t>& indices) {
    const auto base = static_cast<std::uint32_t>(fill.plane.size() / 2);
    for (const double v : xy) fill.plane.push_back(static_cast<float>(v));
    for (const std::uint32_t index : indices) fill.indices.push_back(base + index);
}

// Triangulated in the projection's plane, as the outline is drawn, so fill
// and outline agree. A polygon reaching beyond the projection's domain is
// triangulated in lon/lat instead, clipped to the domain and projected.
FillGeometry tessellate_polygons(const std::vector<std::vector<std::vector<LatLon>>>& polygons,
                                 const Projection& projection) {
    FillGeometry fill;
    tess::Tessellator tessellator;
    tess::Triangles triangles;
    for (const auto& polygon : polygons) {
        if (polygon.empty() || polygon.front().empty()) continue;
        double previous_lon = polygon.front().front().lon;
        std::vector<std::vector<LatLon>> unwrapped;
        for (const auto& ring : polygon) unwrapped.push_back(unwrapped_ring(ring, previous_lon));
        std::vector<tess::Ring> rings;
        bool in_domain = true;
        for (const auto& ring : unwrapped) {
            tess::Ring& xy = rings.emplace_back();
            xy.reserve(ring.size() * 2);
            for (const LatLon& p : ring) {
                const auto q = projection.forward(p);
                if (!q) {
                    in_domain = false;
                    break;
                }
                xy.insert(xy.end(), {q->x, q->y});
            }
            if (!in_domain) break;
        }
        if (!in_domain) {
            rings.clear();
            for (const auto& ring : unwrapped) {
                tess::Ring& xy = rings.emplace_back();
                for (const LatLon& p : ring) xy.insert(xy.end(), {p.lon, p.lat});
            }
        }
        try {
            tessellator.triangulate(rings, triangles);
        } catch (const std::runtime_error&) {
            continue;  // a polygon GLU cannot fill keeps its outline
        }
        if (in_domain) {
            append_triangles(fill, triangles.xy, triangles.indices);
            continue;
        }
        std::vector<float> lonlat(triangles.xy.begin(), triangles.xy.end());
        std::vector<std::uint32_t> indices = triangles.indices;
        clip_triangles_to_domain(projection.domain(), lonlat, indices);
        std::vector<double> points(lonlat.begin(), lonlat.end());
        projection.forward_in_place(points);
        std::vector<std::uint32_t> kept;
        for (std::size_t i = 0; i + 3 <= indices.size(); i += 3) {
            bool finite = true;
            for (std::size_t c = 0; c < 3; ++c)
                finite = finite && std::isfinite(points[2 * indices[i + c]]) && std::isfinite(points[2 * indices[i + c] + 1]);
            if (finite) kept.insert(kept.end(), indices.begin() + static_cast<std::ptrdiff_t>(i),
                                    indices.begin() + static_cast<std::ptrdiff_t>(i + 3));
        }
        append_triangles(fill, points, kept);
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

bool overlaps(const MapBox& a, const MapBox& b) {
    return a.min_x <= b.max_x && b.min_x <= a.max_x && a.min_y <= b.max_y && b.min_y <= a.max_y;
}

}  // namespace

// ------------------------------------------------------------------ one file

UserLayerMesh::UserLayerMesh(const VectorFile& file) : polygons_(file.geometry.polygons) {
    outlines_.set_lines(closed_rings(file.geometry));
    lines_.set_lines(file.geometry.lines);
    points_.set_lines(point_segments(file.geometry));
}

void UserLayerMesh::project_fill(const ProjectionPtr& projection) const {
    if (fill_.projected_for == projection) return;
    const FillGeometry fill = tessellate_polygons(polygons_, *projection);
    const double cell = fill_chunk_degrees * projection->world_units() / 360.0;
    const ChunkedIndices chunked = chunk_primitives(fill.plane, fill.indices, 3, cell, projection->bounds());
    if (!fill_.vao) {
        fill_.vao = gl::make_vertex_array();
        fill_.vertices = gl::make_buffer();
        fill_.indices = gl::make_buffer();
    }
    glBindVertexArray(fill_.vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, fill_.vertices.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(fill.plane.size() * sizeof(float)), fill.plane.data(),
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
    fill_.projected_for = projection;
}

void UserLayerMesh::draw_fill(const Camera& camera, const ShaderProgram& program, const std::vector<double>& x_shifts,
                              const Rgba& colour) const {
    if (polygons_.empty()) return;
    project_fill(camera.projection_ptr());
    if (fill_.indices_count == 0) return;
    const MapBox visible = camera.visible_box();
    program.use();
    glUniform4f(program.uniform("u_colour"), colour.r, colour.g, colour.b, colour.a);
    glEnable(GL_BLEND);
    use_map_blending();
    glBindVertexArray(fill_.vao.get());
    for (const double shift : x_shifts) {
        glUniform1f(program.uniform("u_x_shift"), static_cast<float>(shift));
        for (const MeshChunk& chunk : fill_.chunks) {
            MapBox bounds = chunk.bounds;
            bounds.min_x += shift;
            bounds.max_x += shift;
            if (!overlaps(bounds, visible)) continue;
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(chunk.count), GL_UNSIGNED_INT,
                           reinterpret_cast<const void*>(static_cast<std::uintptr_t>(chunk.first) * sizeof(std::uint32_t)));
        }
    }
    glBindVertexArray(0);
    glUniform1f(program.uniform("u_x_shift"), 0.0f);
    glDisable(GL_BLEND);
}

void UserLayerMesh::draw(const Camera& camera, const ShaderProgram& fill_program, const std::vector<double>& x_shifts,
                         const Rgba& colour, const UserLayerStyle& style, float scale) const {
    draw_fill(camera, fill_program, x_shifts, colour.with_alpha(style.fill_alpha));
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
                             const ShaderProgram& fill_program, const std::vector<double>& x_shifts, float scale) {
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
        mesh->draw(camera, fill_program, x_shifts, layer.colour.with_alpha(1.0f), style, scale);
        if (opacity < 1.0f) group_->end(opacity);
    }
}

const UserLayerMesh* UserLayerRenderer::mesh(std::uint64_t id) const {
    const auto found = meshes_.find(id);
    return found == meshes_.end() ? nullptr : found->second.get();
}

}  // namespace muster
