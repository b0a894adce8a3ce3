#include "render/areas.hpp"
#include "render/map_presence.hpp"

#include "core/error.hpp"
#include "core/paths.hpp"
#include "geodata/gazetteer.hpp"
#include "geodata/gazetteer_regions.hpp"
#include "geodata/geopackage.hpp"
#include "render/map_renderer.hpp"
#include "render/symbols.hpp"
#include "render/country_mesh.hpp"
#include "render/domain_clip.hpp"
#include "render/tessellate.hpp"

#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numbers>

namespace muster {

// ================================================================ choosing

std::vector<AreaRef> areas_of_place(const scenario::Place& place, const RegionMembers& members,
                                    const std::function<bool(const std::string&)>& has_region_polygon) {
    std::vector<AreaRef> out;
    if (place.feature == "country" && !place.country.empty()) {
        out.push_back({AreaRef::Kind::country, place.country});
    } else if (place.feature == "region" && !place.gazetteer_id.empty()) {
        if (has_region_polygon(place.gazetteer_id)) return {{AreaRef::Kind::region, place.gazetteer_id}};
        // Admin-1 members ("UA.05") have no polygon yet; countries do.
        for (const std::string& member : members(place.gazetteer_id))
            if (member.size() == 2) out.push_back({AreaRef::Kind::country, member});
    }
    return out;
}

std::vector<AreaRef> deployment_areas(const scenario::Scenario& scenario, const RegionMembers& members,
                                      const std::function<bool(const std::string&)>& has_region_polygon) {
    std::vector<AreaRef> out;
    for (const scenario::Figure& figure : scenario.figures) {
        if (!is_deployment(figure)) continue;
        const scenario::Place* place = scenario.place(figure.place);
        if (!place || stands_on_border(scenario, figure, *place)) continue;  // forces on a border host nowhere
        for (AreaRef& area : areas_of_place(*place, members, has_region_polygon)) out.push_back(std::move(area));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// ================================================================ AreaSource

namespace {

constexpr const char* kRegionLayer = "region_polygons";

// The regions.json id of a region: what gazetteer Place::id() makes of its name.
std::string region_id(const std::string& name) {
    Place place;
    place.name = name;
    place.kind = PlaceKind::region;
    return place.id();
}

// Letters, digits, '-' and '.' only: codes go into an attribute filter.
std::string sql_safe(const std::string& code) {
    std::string out;
    for (const char c : code)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.') out += c;
    return out;
}

void append_polygon(const OGRPolygon& polygon, AreaPolygons& out) {
    std::vector<std::vector<LatLon>>& rings = out.emplace_back();
    auto add_ring = [&rings](const OGRLinearRing* ring) {
        if (!ring || ring->getNumPoints() < 4) return;
        std::vector<LatLon>& points = rings.emplace_back();
        for (int i = 0; i + 1 < ring->getNumPoints(); ++i) points.push_back({ring->getY(i), ring->getX(i)});
    };
    add_ring(polygon.getExteriorRing());
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i) add_ring(polygon.getInteriorRing(i));
    if (rings.empty()) out.pop_back();
}

void append_geometry(const OGRGeometry& geometry, AreaPolygons& out) {
    switch (wkbFlatten(geometry.getGeometryType())) {
        case wkbPolygon: append_polygon(*geometry.toPolygon(), out); break;
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (const OGRGeometry* part : *geometry.toGeometryCollection()) append_geometry(*part, out);
            break;
        default: break;
    }
}

}  // namespace

AreaSource::AreaSource(std::filesystem::path gpkg) : gpkg_(std::move(gpkg)) {
    try {
        for (const gazetteer_regions::Region& region :
             gazetteer_regions::read_regions(gazetteer_regions::regions_file_for(gpkg_)).regions)
            members_.emplace_back(region_id(region.name), region.members);
    } catch (const Error&) {
        // No regions file: regions get no members; countries still hatch.
    }
    try {
        const GDALDatasetUniquePtr dataset = open_geopackage(gpkg_);
        if (OGRLayer* layer = dataset->GetLayerByName(kRegionLayer)) {
            for (const auto& feature : *layer) region_polygons_.push_back(feature->GetFieldAsString("region"));
        }
    } catch (const Error&) {
        // Reported when the polygons are asked for.
    }
}

std::vector<std::string> AreaSource::members(const std::string& region) const {
    for (const auto& [id, list] : members_)
        if (id == region) return list;
    return {};
}

bool AreaSource::has_region_polygon(const std::string& region) const {
    return std::find(region_polygons_.begin(), region_polygons_.end(), region) != region_polygons_.end();
}

AreaPolygons AreaSource::polygons(const AreaRef& area) const {
    const GDALDatasetUniquePtr dataset = open_geopackage(gpkg_);
    const bool country = area.kind == AreaRef::Kind::country;
    OGRLayer* layer = dataset->GetLayerByName(country ? "countries_10m" : kRegionLayer);
    if (!layer) return {};
    layer->SetAttributeFilter(((country ? "iso_a2 = '" : "region = '") + sql_safe(area.code) + "'").c_str());
    AreaPolygons out;
    for (const auto& feature : *layer)
        if (const OGRGeometry* geometry = feature->GetGeometryRef()) append_geometry(*geometry, out);
    return out;
}

// ================================================================ AreaRenderer

struct AreaRenderer::Gpu {
    ShaderProgram hatch = ShaderProgram::from_files("map.vert", "hatch.frag");
    gl::VertexArray vao = gl::make_vertex_array();
    gl::Buffer vertices = gl::make_buffer();
    std::size_t vertex_count = 0;
    ProjectionPtr projected_for;  // the projection the vertices are in
    ThickLines outlines;
};

const AreaSource& installed_area_source() {
    static const AreaSource installed(default_geopackage());
    return installed;
}

AreaRenderer::AreaRenderer(std::function<const AreaSource&()> source) : source_(std::move(source)) {
    if (!source_) source_ = installed_area_source;
}

AreaRenderer::~AreaRenderer() = default;

void AreaRenderer::set_scenario(const scenario::Scenario* scenario) {
    std::vector<AreaRef> wanted;
    if (scenario && !scenario->figures.empty()) {
        const AreaSource& source = source_();
        wanted = deployment_areas(
            *scenario, [&source](const std::string& id) { return source.members(id); },
            [&source](const std::string& id) { return source.has_region_polygon(id); });
    }
    if (loaded_ && wanted == areas_) return;
    areas_ = std::move(wanted);
    loaded_ = true;
    failure_.clear();
    std::vector<AreaPolygons> shapes;
    try {
        for (const AreaRef& area : areas_) shapes.push_back(source_().polygons(area));
    } catch (const Error& e) {
        failure_ = std::string("deployment areas unavailable: ") + e.what();
        shapes.clear();
    }
    prepare(shapes);
}

void AreaRenderer::set_polygons(const std::vector<AreaPolygons>& shapes) {
    areas_.clear();
    loaded_ = true;
    failure_.clear();
    prepare(shapes, true);
}

bool AreaRenderer::hatches_country(const std::string& iso_a2) const {
    return std::binary_search(areas_.begin(), areas_.end(), AreaRef{AreaRef::Kind::country, iso_a2});
}

bool AreaRenderer::shows_in(const Camera& camera, const ScreenBox& frame) const {
    return rings_in_frame(rings_, camera, frame);
}

// Outline rings of every area; triangles (lon, lat corners, projected when
// uploaded for the camera's projection) of the regions, whose fill the country meshes do not hold. shapes[i] is
// the geometry of areas_[i], or shapes is empty.
void AreaRenderer::prepare(const std::vector<AreaPolygons>& shapes, bool fill_all) {
    triangles_.clear();
    rings_.clear();
    tess::Tessellator tessellator;
    tess::Triangles triangles;
    for (std::size_t a = 0; a < shapes.size(); ++a)
        for (const auto& polygon : shapes[a]) {
            std::vector<tess::Ring> rings;
            for (const auto& ring : polygon) {
                tess::Ring& xy = rings.emplace_back();
                for (const LatLon& p : ring) xy.insert(xy.end(), {p.lon, p.lat});
                std::vector<LatLon> closed = ring;
                closed.push_back(ring.front());
                rings_.push_back(std::move(closed));
            }
            if (!fill_all && areas_[a].kind != AreaRef::Kind::region) continue;
            tessellator.triangulate(rings, triangles);
            make_delaunay(triangles.xy, triangles.indices);  // compact triangles rasterise faster
            for (const std::uint32_t index : triangles.indices) {
                triangles_.push_back(static_cast<float>(triangles.xy[2 * index]));
                triangles_.push_back(static_cast<float>(triangles.xy[2 * index + 1]));
            }
        }
    dirty_ = true;
}

AreaRenderer::Gpu& AreaRenderer::gpu(const ProjectionPtr& projection_ptr) {
    if (!gpu_) gpu_ = std::make_unique<Gpu>();
    if (dirty_ || gpu_->projected_for != projection_ptr) {
        // To the projection's plane (map.vert's x, y), as the base map's
        // fills: clipped to its domain first, so nothing tears across the map.
        const Projection& projection = *projection_ptr;
        std::vector<float> lonlat = triangles_;
        std::vector<std::uint32_t> indices(lonlat.size() / 2);
        for (std::size_t i = 0; i < indices.size(); ++i) indices[i] = static_cast<std::uint32_t>(i);
        clip_triangles_to_domain(projection.domain(), lonlat, indices);
        std::vector<double> points(lonlat.begin(), lonlat.end());
        projection.forward_in_place(points);
        std::vector<float> plane;
        plane.reserve(indices.size() * 2);
        for (std::size_t i = 0; i + 3 <= indices.size(); i += 3) {
            bool finite = true;
            for (std::size_t c = 0; c < 3; ++c)
                finite = finite && std::isfinite(points[2 * indices[i + c]]) && std::isfinite(points[2 * indices[i + c] + 1]);
            if (!finite) continue;
            for (std::size_t c = 0; c < 3; ++c)
                plane.insert(plane.end(), {static_cast<float>(points[2 * indices[i + c]]),
                                           static_cast<float>(points[2 * indices[i + c] + 1])});
        }
        glBindVertexArray(gpu_->vao.get());
        glBindBuffer(GL_ARRAY_BUFFER, gpu_->vertices.get());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(plane.size() * sizeof(float)), plane.data(),
                     GL_STATIC_DRAW);
        glEnableVertexAttribArray(0);  // layout(location = 0) in map.vert
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
        glBindVertexArray(0);
        gpu_->vertex_count = plane.size() / 2;
        if (dirty_) gpu_->outlines.set_lines(rings_);
        gpu_->projected_for = projection_ptr;
        dirty_ = false;
    }
    return *gpu_;
}

void AreaRenderer::set_hatch_uniforms(const ShaderProgram& program, const Camera& camera, const OverlayStyle& style,
                                      float size_scale, double fragcoord_shift) {
    // Stripes run along x - y = const in window pixels (y up: "/" on screen),
    // one period apart across them; their phase follows where the plane's
    // origin (Mercator: lon 0, lat 0) is on screen, so they move with the map
    // in any projection. In wrapping projections its copy nearest the centre.
    const float period = std::max(3.0f, style.area_hatch_spacing_pt * size_scale);
    const Projection& projection = camera.projection();
    const double origin_x =
        projection.wraps() ? camera.centre_point().x + std::remainder(-camera.centre_point().x, projection.period())
                           : 0.0;
    const ScreenPoint origin = camera.plane_to_screen({origin_x, 0.0});
    const double origin_across =
        (origin.x - (camera.viewport().height - origin.y) - fragcoord_shift) / std::numbers::sqrt2;
    glUniform1f(program.uniform("u_period"), period);
    glUniform1f(program.uniform("u_half_width"), style.area_hatch_width_pt * size_scale / 2.0f);
    glUniform1f(program.uniform("u_offset"), static_cast<float>(std::fmod(origin_across, static_cast<double>(period))));
}

void AreaRenderer::draw_hatch(const Camera& camera, const OverlayStyle& style, float size_scale,
                              const std::vector<double>& x_shifts, float opacity, double fragcoord_shift) {
    if (triangles_.empty() && !gpu_) return;
    Gpu& gpu = this->gpu(camera.projection_ptr());
    if (gpu.vertex_count == 0) return;
    const ShaderProgram& program = gpu.hatch;
    program.use();
    MapRenderer::set_view_uniforms(program, camera);
    set_hatch_uniforms(program, camera, style, size_scale, fragcoord_shift);
    const Rgba colour = style.area_hatch.with_alpha(style.area_hatch.a * opacity);
    glUniform4f(program.uniform("u_colour"), colour.r, colour.g, colour.b, colour.a);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glBindVertexArray(gpu.vao.get());
    for (const double shift : x_shifts) {
        glUniform1f(program.uniform("u_x_shift"), static_cast<float>(shift));
        glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(gpu.vertex_count));
    }
    glBindVertexArray(0);
    glDisable(GL_BLEND);
}

void AreaRenderer::draw_outlines(const Camera& camera, const OverlayStyle& style, float size_scale, float opacity) {
    if (rings_.empty() && !gpu_) return;
    gpu(camera.projection_ptr()).outlines.draw(camera, style.area_outline_pt * size_scale,
                        style.area_outline.with_alpha(style.area_outline.a * opacity));
}

}  // namespace muster
