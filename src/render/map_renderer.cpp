#include "render/map_renderer.hpp"

#include "core/error.hpp"
#include "render/domain_clip.hpp"
#include "render/graticule.hpp"
#include "render/opacity_group.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numbers>

namespace muster {
namespace {

constexpr GLuint position_location = 0;  // layout(location = 0) in shaders/map.vert
constexpr GLuint country_location = 1;   // layout(location = 1) in shaders/country_fill.vert

// Grid cell sizes for culling, per level, in degrees of the reference
// equator (cells are square in the projection's plane): finer data, smaller
// cells (a few thousand cells at most, so the per-frame bounds test stays
// negligible).
constexpr double chunk_degrees[] = {30.0, 10.0, 4.0};  // 110m, 50m, 10m

// Simplified outlines per level: made for the zooms first, first + 1, ...
// (each within outline_error_px there and at any zoom below); the lowest
// zoom a level is drawn at comes first (the world view of a 1920-pixel window
// is about zoom 2.9).
constexpr double outline_simplified_from_zoom[] = {2.0, lod_zoom_medium, lod_zoom_fine - 1.0};
constexpr int outline_simplified_levels = 4;

// Sets the draw colour; blending only for translucent colours, because on a
// software rasteriser (llvmpipe) blending roughly doubles the cost of a pixel.
void set_colour(const ShaderProgram& program, const Rgba& colour) {
    glUniform4f(program.uniform("u_colour"), colour.r, colour.g, colour.b, colour.a);
    if (colour.a < 1.0f)
        glEnable(GL_BLEND);
    else
        glDisable(GL_BLEND);
}

float layer_opacity(const LayerLook& look) { return std::clamp(look.opacity, 0.0f, 1.0f); }

// A colour at its layer's opacity.
Rgba faded(const Rgba& colour, const LayerLook& look) { return colour.with_alpha(colour.a * layer_opacity(look)); }

template <typename T>
void upload_array(GLenum target, const gl::Buffer& buffer, const std::vector<T>& data) {
    glBindBuffer(target, buffer.get());
    glBufferData(target, static_cast<GLsizeiptr>(data.size() * sizeof(T)), data.data(), GL_STATIC_DRAW);
}

// lon,lat pairs to what map.vert expects: plane x, y (NaN outside the
// projection's domain).
std::vector<float> project_vertices(const std::vector<float>& lonlat, const Projection& projection) {
    std::vector<double> points(lonlat.begin(), lonlat.end());
    projection.forward_in_place(points);
    return {points.begin(), points.end()};
}

// Primitives with a corner the projection could not place are left out
// (clipping to the domain leaves none; this guards PROJ's own failures).
void drop_unprojected(std::vector<std::uint32_t>& indices, const std::vector<float>& positions, int corners) {
    std::vector<std::uint32_t> kept;
    kept.reserve(indices.size());
    for (std::size_t i = 0; i + corners <= indices.size(); i += corners) {
        bool finite = true;
        for (int c = 0; c < corners; ++c)
            finite = finite && std::isfinite(positions[2 * indices[i + c]]) &&
                     std::isfinite(positions[2 * indices[i + c] + 1]);
        if (finite) kept.insert(kept.end(), indices.begin() + i, indices.begin() + i + corners);
    }
    indices = std::move(kept);
}

// Points the VAO bound now at float pairs in buffer, at location 0.
void attach_positions(const gl::Buffer& buffer) {
    glBindBuffer(GL_ARRAY_BUFFER, buffer.get());
    glEnableVertexAttribArray(position_location);
    glVertexAttribPointer(position_location, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
}

// Fills vertices and indices and records them in a new VAO. The VAO is bound
// before the index upload: in a core profile the element-array binding is VAO
// state, and strict drivers refuse it with no VAO bound.
gl::VertexArray make_indexed_vao(const gl::Buffer& vertices, const std::vector<float>& positions,
                                 const gl::Buffer& indices, const std::vector<std::uint32_t>& index_data) {
    gl::VertexArray vao = gl::make_vertex_array();
    glBindVertexArray(vao.get());
    upload_array(GL_ARRAY_BUFFER, vertices, positions);
    attach_positions(vertices);
    upload_array(GL_ELEMENT_ARRAY_BUFFER, indices, index_data);
    glBindVertexArray(0);
    return vao;
}

bool overlaps(const MapBox& a, const MapBox& b) {
    return a.min_x <= b.max_x && b.min_x <= a.max_x && a.min_y <= b.max_y && b.min_y <= a.max_y;
}

MapBox shifted(MapBox box, double x_shift) {
    box.min_x += x_shift;
    box.max_x += x_shift;
    return box;
}

// The shifts by whole periods at which a copy of the world overlaps the view
// in a wrapping projection (touching an edge does not count: a whole-world
// view needs one copy); just 0 for the others.
std::vector<double> world_copy_shifts(const MapBox& visible, const Projection& projection) {
    if (!projection.wraps()) return {0.0};
    const double period = projection.period(), half = period / 2.0;
    // Rounding in the zoom's exp2/log2 may put an edge a hair past the seam.
    const double touch = 1e-9 * period;
    std::vector<double> shifts;
    const int first = static_cast<int>(std::floor((visible.min_x + touch - half) / period)) + 1;
    const int last = static_cast<int>(std::ceil((visible.max_x - touch + half) / period)) - 1;
    for (int k = first; k <= last; ++k) shifts.push_back(period * k);
    return shifts;
}

void stream_vertices(const gl::Buffer& buffer, const std::vector<float>& vertices) {
    glBindBuffer(GL_ARRAY_BUFFER, buffer.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(float)), vertices.data(),
                 GL_STREAM_DRAW);
}

void add_triangle(std::vector<float>& out, MapPoint a, MapPoint b, MapPoint c) {
    out.insert(out.end(), {static_cast<float>(a.x), static_cast<float>(a.y), static_cast<float>(b.x),
                           static_cast<float>(b.y), static_cast<float>(c.x), static_cast<float>(c.y)});
}

void add_rectangle(std::vector<float>& out, const MapBox& box) {
    add_triangle(out, {box.min_x, box.min_y}, {box.max_x, box.min_y}, {box.max_x, box.max_y});
    add_triangle(out, {box.min_x, box.min_y}, {box.max_x, box.max_y}, {box.min_x, box.max_y});
}

// Triangles covering what the view shows beyond the projection's domain:
// for wrapping projections the bands above and below it; otherwise a ring
// from the domain's edge out past the view's corners. Empty when the view
// lies inside the domain.
std::vector<float> outside_domain_triangles(const Camera& camera) {
    const Projection& projection = camera.projection();
    const MapBox view = camera.visible_box();
    const MapBox& bounds = projection.bounds();
    std::vector<float> triangles;
    if (projection.wraps()) {
        const double margin = camera.units_per_pixel();
        if (view.max_y > bounds.max_y)
            add_rectangle(triangles, {view.min_x - margin, bounds.max_y, view.max_x + margin, view.max_y + margin});
        if (view.min_y < bounds.min_y)
            add_rectangle(triangles, {view.min_x - margin, view.min_y - margin, view.max_x + margin, bounds.min_y});
        return triangles;
    }
    const std::vector<MapPoint>& edge = projection.outline();
    if (edge.empty()) return triangles;
    bool inside = true;
    for (const MapPoint corner : {MapPoint{view.min_x, view.min_y}, MapPoint{view.max_x, view.min_y},
                                  MapPoint{view.max_x, view.max_y}, MapPoint{view.min_x, view.max_y}})
        inside = inside && projection.inverse(corner).has_value();
    if (inside) return triangles;
    // Out from the domain's centre, just far enough to pass every corner of
    // the view: long thin triangles are what a software rasteriser fills slowest.
    const MapPoint middle = projection.forward(projection.domain().centre).value_or(bounds.centre());
    double nearest_edge = std::numeric_limits<double>::infinity(), farthest_corner = 0.0;
    for (const MapPoint& p : edge) nearest_edge = std::min(nearest_edge, std::hypot(p.x - middle.x, p.y - middle.y));
    for (const double x : {view.min_x, view.max_x})
        for (const double y : {view.min_y, view.max_y})
            farthest_corner = std::max(farthest_corner, std::hypot(x - middle.x, y - middle.y));
    const double reach = std::max(1.1, 1.05 * farthest_corner / std::max(nearest_edge, 1e-9));
    auto far = [&](const MapPoint& p) {
        return MapPoint{middle.x + (p.x - middle.x) * reach, middle.y + (p.y - middle.y) * reach};
    };
    // Only as many sides as keep the polygon within a quarter pixel of the
    // edge's curve (a chord of angle a on radius r strays r a^2 / 8).
    const double radius_px = nearest_edge / camera.units_per_pixel();
    const auto sides = static_cast<std::size_t>(std::ceil(std::numbers::pi * std::sqrt(2.0 * radius_px)));
    const std::size_t stride = std::max<std::size_t>(1, edge.size() / std::max<std::size_t>(sides, 64));
    for (std::size_t i = 0; i < edge.size(); i += stride) {
        const MapPoint& a = edge[i];
        const MapPoint& b = edge[i + stride < edge.size() ? i + stride : 0];
        add_triangle(triangles, a, far(a), b);
        add_triangle(triangles, b, far(a), far(b));
    }
    return triangles;
}

// Anti-aliased 1-pixel lines (GL_LINE_SMOOTH, blended) for one draw when
// on: they cover the stair steps of the fills' edges beneath them, since
// every fill edge is a coast or border drawn as an outline. Much cheaper
// than multisampling on a software rasteriser.
class SmoothLines {
public:
    explicit SmoothLines(bool on) : on_(on) {
        if (!on_) return;
        glEnable(GL_LINE_SMOOTH);
        glEnable(GL_BLEND);
        glHint(GL_LINE_SMOOTH_HINT, GL_NICEST);
    }
    ~SmoothLines() {
        if (on_) glDisable(GL_LINE_SMOOTH);
    }
    SmoothLines(const SmoothLines&) = delete;
    SmoothLines& operator=(const SmoothLines&) = delete;

private:
    bool on_;
};

// What one tile of the camera's image shows, in the plane (the whole view for
// the whole image), so each band of a poster culls the grid cells outside it.
MapBox tile_box(const Camera& camera, const ImageTile& tile) {
    const MapPoint top_left = camera.to_plane({static_cast<double>(tile.x), static_cast<double>(tile.y)});
    const MapPoint bottom_right =
        camera.to_plane({static_cast<double>(tile.x + tile.width), static_cast<double>(tile.y + tile.height)});
    return {top_left.x, bottom_right.y, bottom_right.x, top_left.y};
}

// The longitudes and latitudes a graticule needs for a tile: in wrapping
// projections (meridians vertical and evenly spaced) just the tile's, as
// Camera::visible_extent unwraps them; otherwise the whole view's.
Extent graticule_extent(const Camera& camera, const MapBox& tile) {
    const Extent whole = camera.visible_extent();
    const MapBox view = camera.visible_box();
    const Projection& projection = camera.projection();
    if (!projection.wraps() || (tile.min_x <= view.min_x && tile.max_x >= view.max_x && tile.min_y <= view.min_y &&
                                tile.max_y >= view.max_y))
        return whole;
    const double degrees_per_unit = 360.0 / projection.period();
    const double x_middle = (view.min_x + view.max_x) / 2.0;
    const LatLon north = camera.to_lonlat(camera.plane_to_screen({x_middle, tile.max_y}));
    const LatLon south = camera.to_lonlat(camera.plane_to_screen({x_middle, tile.min_y}));
    return {whole.min_lon + (tile.min_x - view.min_x) * degrees_per_unit, south.lat,
            whole.min_lon + (tile.max_x - view.min_x) * degrees_per_unit, north.lat};
}

// Index ranges of the chunks a view shows, ready for glMultiDrawElements.
struct DrawRanges {
    std::vector<GLsizei> counts;
    std::vector<const void*> offsets;
    std::size_t elements = 0;

    void add(std::uint32_t first, std::uint32_t count) {
        if (count == 0) return;
        // Neighbouring chunks are merged into one range.
        if (!counts.empty()) {
            const auto end = reinterpret_cast<std::uintptr_t>(offsets.back()) + counts.back() * sizeof(std::uint32_t);
            if (end == first * sizeof(std::uint32_t)) {
                counts.back() += static_cast<GLsizei>(count);
                elements += count;
                return;
            }
        }
        counts.push_back(static_cast<GLsizei>(count));
        offsets.push_back(reinterpret_cast<const void*>(static_cast<std::uintptr_t>(first) * sizeof(std::uint32_t)));
        elements += count;
    }
    void draw(GLenum mode) const {
        if (!counts.empty())
            glMultiDrawElements(mode, counts.data(), GL_UNSIGNED_INT, offsets.data(), static_cast<GLsizei>(counts.size()));
    }
};

}  // namespace

// ------------------------------------------------------------------ setup

// What presence() was worked out for: the view, the frame in it, the mesh
// drawn, what the overlay lays out and which layers show.
struct MapRenderer::PresenceKey {
    MapPoint centre;
    double zoom = 0.0;
    PixelSize viewport;
    std::string projection;
    ScreenBox frame;
    const void* mesh = nullptr;
    std::uint64_t overlay_revision = 0;
    std::vector<AreaRef> areas;
    bool countries = false, areas_drawn = false, borders_drawn = false, annotations_drawn = false;
    OverlayStyle style;  // the annotations' colours

    bool operator==(const PresenceKey& o) const {
        return centre.x == o.centre.x && centre.y == o.centre.y && zoom == o.zoom &&
               viewport.width == o.viewport.width && viewport.height == o.viewport.height &&
               projection == o.projection && frame.min_x == o.frame.min_x && frame.min_y == o.frame.min_y &&
               frame.max_x == o.frame.max_x && frame.max_y == o.frame.max_y && mesh == o.mesh &&
               overlay_revision == o.overlay_revision && areas == o.areas && countries == o.countries &&
               areas_drawn == o.areas_drawn && borders_drawn == o.borders_drawn &&
               annotations_drawn == o.annotations_drawn && style == o.style;
    }
};

MapRenderer::MapRenderer(MapStyle style, DetailLoading loading, MeshLoader loader)
    : style_(style),
      loading_(loading),
      loader_(std::move(loader)),
      program_(ShaderProgram::from_files("map.vert", "solid.frag")),
      country_program_(ShaderProgram::from_files("country_fill.vert", "country_fill.frag")),
      overlay_(loading == DetailLoading::background) {
    stream_vao_ = gl::make_vertex_array();
    stream_vertices_ = gl::make_buffer();
    glBindVertexArray(stream_vao_.get());
    attach_positions(stream_vertices_);
    glBindVertexArray(0);
}

// A pending background load finishes before its slot goes away (std::future
// from std::async joins on destruction).
MapRenderer::~MapRenderer() = default;

Lod MapRenderer::lod_for_zoom(double zoom) {
    if (zoom < lod_zoom_medium) return Lod::coarse_110m;
    if (zoom < lod_zoom_fine) return Lod::medium_50m;
    return Lod::fine_10m;
}

// ------------------------------------------------------------------ meshes

// CPU work, done on the loading thread in background mode so the window does
// not stall: clipping to the projection's domain, projection, and regrouping
// into grid cells of the plane.
MapRenderer::PreparedMesh MapRenderer::prepare(const CountryMesh& mesh, Lod lod, const Projection& projection) {
    const double cell = chunk_degrees[static_cast<std::size_t>(lod)] * projection.world_units() / 360.0;
    const MapBox& grid = projection.bounds();
    PreparedMesh prepared;
    // Fills. Meshes without country indices (synthetic ones) count as one country.
    std::vector<float> fill_lonlat = mesh.fill_vertices;
    std::vector<std::uint32_t> fill_indices = mesh.fill_indices;
    prepared.fill_country = mesh.fill_country;
    prepared.fill_country.resize(mesh.fill_vertices.size() / 2, 0);
    clip_triangles_to_domain(projection.domain(), fill_lonlat, fill_indices, &prepared.fill_country);
    prepared.fill_positions = project_vertices(fill_lonlat, projection);
    drop_unprojected(fill_indices, prepared.fill_positions, 3);
    prepared.fills = chunk_primitives(prepared.fill_positions, fill_indices, 3, cell, grid);
    // Outlines: shared borders once, then simplified copies for the zooms
    // this level is drawn at, coarsest first, and the exact one last.
    std::vector<float> outline_lonlat = mesh.outline_vertices;
    std::vector<std::uint32_t> unique = unique_segments(outline_lonlat, mesh.outline_indices);
    clip_segments_to_domain(projection.domain(), outline_lonlat, unique);
    prepared.outline_positions = project_vertices(outline_lonlat, projection);
    drop_unprojected(unique, prepared.outline_positions, 2);
    auto add_level = [&](double tolerance, const std::vector<std::uint32_t>& segments) {
        ChunkedIndices chunked = chunk_primitives(prepared.outline_positions, segments, 2, cell, grid);
        const auto base = static_cast<std::uint32_t>(prepared.outline_indices.size());
        for (MeshChunk& chunk : chunked.chunks) chunk.first += base;
        prepared.outline_indices.insert(prepared.outline_indices.end(), chunked.indices.begin(), chunked.indices.end());
        prepared.outline_levels.push_back({tolerance, std::move(chunked.chunks)});
    };
    const double first_zoom = outline_simplified_from_zoom[static_cast<std::size_t>(lod)];
    for (int step = 0; step < outline_simplified_levels; ++step) {
        // Plane units are square, so distances compare as screen pixels do.
        const double tolerance = outline_error_px * projection.world_units() / (256.0 * std::exp2(first_zoom + step));
        add_level(tolerance, simplify_segment_chains(prepared.outline_positions, unique, tolerance));
    }
    add_level(0.0, unique);
    prepared.triangles = fill_indices.size() / 3;
    // The original vertices come first in fill_positions (clipping appends).
    prepared.countries = country_label_info(mesh, prepared.fill_positions);
    // Boxes a quarter of a chunk wide: a country's fill is found in a view
    // to within about that (presence()), Russia's whole bounds never count.
    prepared.footprints =
        country_footprints(prepared.fill_positions, fill_indices, prepared.fill_country, mesh.countries.size(), cell / 4);
    return prepared;
}

MapRenderer::GpuMesh MapRenderer::upload(const PreparedMesh& prepared) {
    GpuMesh gpu;
    gpu.fill_vertices = gl::make_buffer();
    gpu.fill_indices = gl::make_buffer();
    gpu.outline_vertices = gl::make_buffer();
    gpu.outline_indices = gl::make_buffer();
    gpu.fill_vao =
        make_indexed_vao(gpu.fill_vertices, prepared.fill_positions, gpu.fill_indices, prepared.fills.indices);
    gpu.outline_vao = make_indexed_vao(gpu.outline_vertices, prepared.outline_positions, gpu.outline_indices,
                                       prepared.outline_indices);
    // Country indices ride along in the fill VAO, for the role colours.
    gpu.fill_countries = gl::make_buffer();
    glBindVertexArray(gpu.fill_vao.get());
    upload_array(GL_ARRAY_BUFFER, gpu.fill_countries, prepared.fill_country);
    glEnableVertexAttribArray(country_location);
    glVertexAttribIPointer(country_location, 1, GL_UNSIGNED_SHORT, sizeof(std::uint16_t), nullptr);
    glBindVertexArray(0);
    gpu.countries = prepared.countries;
    gpu.footprints = prepared.footprints;
    gpu.fill_chunks = prepared.fills.chunks;
    gpu.outline_levels = prepared.outline_levels;
    gpu.triangles = prepared.triangles;
    return gpu;
}

// The coarsest outline level whose tolerance is under outline_error_px at
// this zoom (the exact level always qualifies).
const MapRenderer::OutlineLevel& MapRenderer::outline_level_for(const GpuMesh& mesh, const Camera& camera) {
    for (const OutlineLevel& level : mesh.outline_levels)
        if (level.tolerance <= outline_error_px * camera.units_per_pixel() * 1.0001) return level;
    return mesh.outline_levels.back();
}

MapRenderer::GpuMesh MapRenderer::load_now(Lod lod, const Projection& projection) const {
    return upload(prepare(loader_(lod), lod, projection));
}

void MapRenderer::poll_background_load(Lod lod, const ProjectionPtr& projection) {
    LodSlot& slot = slots_[projection->id()][static_cast<std::size_t>(lod)];
    if (slot.mesh || slot.failed) return;
    if (!slot.pending.valid()) {
        slot.pending = std::async(std::launch::async, [loader = loader_, lod, projection] {
            return prepare(loader(lod), lod, *projection);
        });
        return;
    }
    if (slot.pending.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    try {
        slot.mesh = upload(slot.pending.get());
    } catch (const std::exception& e) {
        slot.failed = true;  // keep drawing the coarser level; say why once
        detail_failure_ = std::string("1:") + lod_suffix(lod) + " countries unavailable: " + e.what();
    }
}

MapRenderer::GpuMesh& MapRenderer::mesh_for(Lod wanted, const ProjectionPtr& projection) {
    std::array<LodSlot, 3>& slots = slots_[projection->id()];
    auto slot_of = [&slots](Lod lod) -> LodSlot& { return slots[static_cast<std::size_t>(lod)]; };
    frame_.loading = false;
    if (!slot_of(wanted).mesh) {
        if (loading_ == DetailLoading::blocking || wanted == Lod::coarse_110m) {
            slot_of(wanted).mesh = load_now(wanted, *projection);
        } else {
            poll_background_load(wanted, projection);
            frame_.loading = !slot_of(wanted).mesh && !slot_of(wanted).failed;
        }
    }
    // The wanted level if present, else the finest loaded coarser one.
    for (int level = static_cast<int>(wanted); level >= 0; --level) {
        LodSlot& slot = slots[static_cast<std::size_t>(level)];
        if (slot.mesh) {
            frame_.drawn = static_cast<Lod>(level);
            return *slot.mesh;
        }
    }
    slot_of(Lod::coarse_110m).mesh = load_now(Lod::coarse_110m, *projection);
    frame_.drawn = Lod::coarse_110m;
    return *slot_of(Lod::coarse_110m).mesh;
}

// ------------------------------------------------------------------ drawing

void MapRenderer::set_view_uniforms(const ShaderProgram& program, const Camera& camera) {
    const PixelSize viewport = camera.viewport();
    const double pixels_per_unit = 1.0 / camera.units_per_pixel();
    glUniform2f(program.uniform("u_centre"), static_cast<float>(camera.centre_point().x),
                static_cast<float>(camera.centre_point().y));
    glUniform2f(program.uniform("u_scale"), static_cast<float>(pixels_per_unit * 2.0 / viewport.width),
                static_cast<float>(pixels_per_unit * 2.0 / viewport.height));
}

void MapRenderer::draw(const Camera& camera, float ui_scale) {
    const PixelSize viewport = camera.viewport();
    draw_tile(camera, ImageTile{0, 0, viewport.width, viewport.height}, ui_scale);
}

void MapRenderer::draw_tile(const Camera& camera, const ImageTile& tile, float ui_scale) {
    const PixelSize viewport = camera.viewport();
    frame_ = FrameInfo{};
    frame_.wanted = pinned_detail_ ? *pinned_detail_ : lod_for_zoom(camera.detail_zoom());
    GpuMesh& mesh = mesh_for(frame_.wanted, camera.projection_ptr());
    last_camera_ = camera;
    last_mesh_ = &mesh;

    // OpenGL counts rows from the bottom: the tile's lowest row is the
    // image's row y + height - 1.
    glViewport(-tile.x, -(viewport.height - tile.y - tile.height), viewport.width, viewport.height);
    // Screen-space patterns (hatching) keep their phase across tiles.
    fragcoord_shift_ = static_cast<double>(tile.x) - static_cast<double>(viewport.height - tile.y - tile.height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    use_map_blending();
    glClearColor(style_.ocean.r, style_.ocean.g, style_.ocean.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);

    program_.use();
    set_view_uniforms(program_, camera);
    const MapBox visible = tile_box(camera, tile);
    if (style_.show_graticule && layers_.graticule.drawn()) draw_graticule(camera, visible);
    draw_countries(mesh, camera, visible, ui_scale);
    draw_domain_edge(camera);
    if (layers_.areas.drawn()) areas_.draw_outlines(camera, style_.overlay, ui_scale, layer_opacity(layers_.areas));
    if (layers_.annotations.drawn() && !annotation_areas_.empty())
        annotation_areas_.draw(camera, style_.overlay, ui_scale, world_copy_shifts(visible, camera.projection()),
                               layer_opacity(layers_.annotations), fragcoord_shift_);
    if (!layers_.user_layers.empty()) {
        program_.use();
        user_layers_.draw(camera, layers_.user_layers, program_, world_copy_shifts(visible, camera.projection()),
                          ui_scale);
    }
    overlay_.draw_lines(camera, style_.overlay, ui_scale, layers_.border_features);
    glBindVertexArray(0);
    glUseProgram(0);
}

void MapRenderer::set_scenario(const scenario::Scenario* scenario, std::optional<scenario::Days> time) {
    const std::uint64_t revision = overlay_.revision();
    overlay_.set_scenario(scenario, time);
    const auto& frame = overlay_.frame();
    if (!scenario || !frame) {
        areas_.set_scenario(scenario);
    } else if (overlay_.revision() != revision) {  // the areas of the deployments on the map at that moment
        const scenario::Scenario shown = deployments_at(*scenario, *frame);
        areas_.set_scenario(&shown);
    }
    annotation_areas_.set_scenario(scenario ? overlay_.drawn_scenario() : nullptr);  // at the moment drawn
}

const MapPresence& MapRenderer::presence(const ScreenBox& frame) {
    if (!last_camera_ || !last_mesh_) {
        presence_ = {};
        return presence_;
    }
    PresenceKey key{last_camera_->centre_point(),
                    last_camera_->zoom(),
                    last_camera_->viewport(),
                    last_camera_->projection().id(),
                    frame,
                    last_mesh_,
                    overlay_.revision(),
                    areas_.areas(),
                    layers_.countries.drawn(),
                    layers_.areas.drawn(),
                    layers_.border_features.drawn(),
                    layers_.annotations.drawn(),
                    style_.overlay};
    if (presence_key_ && *presence_key_ == key) return presence_;
    presence_ = {};
    if (key.countries && overlay_.active()) {
        const MapBox plane = frame_in_plane(*last_camera_, frame);
        const GpuMesh& mesh = *last_mesh_;
        for (std::size_t i = 0; i < mesh.countries.size() && i < mesh.footprints.size(); ++i) {
            const std::string& iso = mesh.countries[i].iso_a2;
            if (iso.empty() || !overlay_.roles().count(iso)) continue;
            if (footprint_in_frame(mesh.footprints[i], plane, last_camera_->projection()))
                presence_.countries.push_back(iso);
        }
        std::sort(presence_.countries.begin(), presence_.countries.end());
        presence_.countries.erase(std::unique(presence_.countries.begin(), presence_.countries.end()),
                                  presence_.countries.end());
    }
    if (key.areas_drawn && overlay_.active()) presence_.deployment_areas = areas_.shows_in(*last_camera_, frame);
    if (key.borders_drawn && overlay_.active())
        for (const scenario::Border& border : overlay_.drawn_scenario()->borders)
            for (const auto& line : border.lines) {
                std::vector<ScreenPoint> screen;
                for (const LatLon& p : line)
                    if (const auto at = last_camera_->screen_position(p)) screen.push_back(*at);
                presence_.border_features = presence_.border_features || polyline_in_frame(screen, frame);
            }
    if (key.annotations_drawn && !annotation_areas_.empty())
        presence_.annotation_areas = annotation_areas_.colours_in(*last_camera_, frame, style_.overlay);
    presence_key_ = std::make_unique<PresenceKey>(std::move(key));
    return presence_;
}

void MapRenderer::draw_overlay(ImDrawList* list, const OverlayFonts& fonts, OverlayScale scale) {
    if (!last_camera_ || !last_mesh_) return;
    // A scenario's label_scale: the same fonts, drawn larger or smaller.
    OverlayFonts scaled = fonts;
    for (float& points : scaled.points) points *= style_.overlay.label_scale;
    overlay_.draw_marks(list, scaled, *last_camera_, style_.overlay, last_mesh_->countries, scale, layers_);
}

namespace {

// A scenario's label_scale: the same fonts, drawn larger or smaller.
OverlayFonts label_scaled(const OverlayFonts& fonts, const OverlayStyle& style) {
    OverlayFonts scaled = fonts;
    for (float& points : scaled.points) points *= style.label_scale;
    return scaled;
}

}  // namespace

std::uint64_t MapRenderer::prepare_overlay(const OverlayFonts& fonts, OverlayScale scale) {
    if (!last_camera_ || !last_mesh_) return 0;
    return overlay_.prepare_marks(label_scaled(fonts, style_.overlay), *last_camera_, style_.overlay,
                                  last_mesh_->countries, scale, layers_);
}

void MapRenderer::draw_overlay_laid_out(ImDrawList* list, const OverlayFonts& fonts, OverlayScale scale) {
    if (!last_camera_ || !last_mesh_) return;
    overlay_.draw_laid_out_marks(list, label_scaled(fonts, style_.overlay), style_.overlay, scale, layers_);
}

void MapRenderer::draw_overlay_moving(ImDrawList* list, const OverlayFonts& fonts, OverlayScale scale) {
    if (!last_camera_ || !last_mesh_) return;
    overlay_.draw_moving_marks(list, label_scaled(fonts, style_.overlay), *last_camera_, style_.overlay, scale,
                               layers_);
}

bool MapRenderer::use_role_colours(GpuMesh& mesh, const Camera& camera, float ui_scale) {
    if (!overlay_.active() || overlay_.roles().empty()) return false;
    if (!mesh.country_colours || mesh.colours_revision != overlay_.revision() || !(mesh.colours_style == style_)) {
        // Two RGBA texels per country, in mesh order: the role's fill in row 0,
        // the deployment area's hatch in row 1 (alpha 0: not an area).
        const std::size_t count = std::max<std::size_t>(mesh.countries.size(), 1);
        std::vector<std::uint8_t> texels(count * 8, 0);
        auto put = [&texels](std::size_t texel, const Rgba& colour) {
            texels[texel * 4] = colour.red8();
            texels[texel * 4 + 1] = colour.green8();
            texels[texel * 4 + 2] = colour.blue8();
            texels[texel * 4 + 3] = static_cast<std::uint8_t>(std::lround(std::clamp(colour.a, 0.0f, 1.0f) * 255.0f));
        };
        for (std::size_t i = 0; i < count; ++i) {
            if (i >= mesh.countries.size()) {
                put(i, style_.land);  // a mesh without countries: plain land
                continue;
            }
            const std::string& iso = mesh.countries[i].iso_a2;
            const auto found = overlay_.roles().find(iso);
            put(i, role_colour(found == overlay_.roles().end() ? CountryRole::other : found->second, style_).with_alpha(1));
            if (areas_.hatches_country(iso)) put(count + i, style_.overlay.area_hatch);
        }
        if (!mesh.country_colours) {
            GLuint name = 0;
            glGenTextures(1, &name);
            mesh.country_colours = gl::Texture(name);
        }
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, mesh.country_colours.get());
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, static_cast<GLsizei>(count), 2, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     texels.data());
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
        mesh.colours_revision = overlay_.revision();
        mesh.colours_style = style_;
    }
    country_program_.use();
    glUniform1i(country_program_.uniform("u_country_colours"), 0);
    const float opacity = layer_opacity(layers_.countries);
    glUniform1f(country_program_.uniform("u_opacity"), opacity);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, mesh.country_colours.get());
    set_view_uniforms(country_program_, camera);
    AreaRenderer::set_hatch_uniforms(country_program_, camera, style_.overlay, ui_scale, fragcoord_shift_);
    // Hatched host countries are part of the areas layer, not of the countries'.
    glUniform1f(country_program_.uniform("u_hatch_opacity"), layers_.areas.drawn() ? layer_opacity(layers_.areas) : 0.0f);
    if (opacity < 1.0f)
        glEnable(GL_BLEND);
    else
        glDisable(GL_BLEND);
    return true;
}

void MapRenderer::draw_graticule(const Camera& camera, const MapBox& visible) {
    const double step = graticule_step(camera.pixels_per_degree(), style_.graticule_min_spacing_px);
    const std::vector<float> lines = projected_graticule(graticule_extent(camera, visible), step, camera.projection(), camera.pixels_per_degree());
    glBindVertexArray(stream_vao_.get());
    stream_vertices(stream_vertices_, lines);
    glUniform1f(program_.uniform("u_x_shift"), 0.0f);
    set_colour(program_, faded(style_.graticule, layers_.graticule));
    SmoothLines smooth(smooth_lines_);
    glDrawArrays(GL_LINES, 0, static_cast<GLsizei>(lines.size() / 2));
}

void MapRenderer::draw_domain_edge(const Camera& camera) {
    const std::vector<float> outside = outside_domain_triangles(camera);
    if (outside.empty()) return;
    program_.use();
    glBindVertexArray(stream_vao_.get());
    glUniform1f(program_.uniform("u_x_shift"), 0.0f);
    stream_vertices(stream_vertices_, outside);
    set_colour(program_, style_.outside);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(outside.size() / 2));
    // The edge itself, as a neat line round the map.
    const std::vector<MapPoint>& edge = camera.projection().outline();
    if (edge.empty()) return;
    std::vector<float> ring;
    ring.reserve(edge.size() * 2);
    for (const MapPoint& p : edge) ring.insert(ring.end(), {static_cast<float>(p.x), static_cast<float>(p.y)});
    stream_vertices(stream_vertices_, ring);
    set_colour(program_, style_.outline);
    glDrawArrays(GL_LINE_LOOP, 0, static_cast<GLsizei>(ring.size() / 2));
}

void MapRenderer::draw_countries(GpuMesh& mesh, const Camera& camera, const MapBox& visible, float ui_scale) {
    const std::vector<double> shifts = world_copy_shifts(visible, camera.projection());
    frame_.world_copies = static_cast<int>(shifts.size());

    // One pass for fills, one for borders, so no fill covers a neighbour's border.
    std::vector<DrawRanges> fills(shifts.size()), outlines(shifts.size());
    auto collect = [&](const std::vector<MeshChunk>& chunks, double shift, DrawRanges& ranges) {
        for (const MeshChunk& chunk : chunks) {
            if (!overlaps(shifted(chunk.bounds, shift), visible)) continue;
            ranges.add(chunk.first, chunk.count);
            ++frame_.chunks_drawn;
        }
    };
    for (std::size_t copy = 0; copy < shifts.size(); ++copy) {
        collect(mesh.fill_chunks, shifts[copy], fills[copy]);
        collect(outline_level_for(mesh, camera).chunks, shifts[copy], outlines[copy]);
        frame_.triangles += fills[copy].elements / 3;
        frame_.outline_segments += outlines[copy].elements / 2;
    }
    frame_.mesh_triangles = mesh.triangles;

    // Fills: one colour for all land, or each country's role colour.
    if (layers_.countries.drawn()) {
        const ShaderProgram& fill_program = use_role_colours(mesh, camera, ui_scale) ? country_program_ : program_;
        if (&fill_program == &program_) set_colour(program_, faded(style_.land, layers_.countries));
        glBindVertexArray(mesh.fill_vao.get());
        for (std::size_t copy = 0; copy < shifts.size(); ++copy) {
            glUniform1f(fill_program.uniform("u_x_shift"), static_cast<float>(shifts[copy]));
            fills[copy].draw(GL_TRIANGLES);
        }
    }
    // The user's images lie on the land, under the hatching and the borders:
    // the host countries' stripes, drawn with the fills, are drawn again.
    if (!layers_.user_layers.empty() && raster_layers_.draw(camera, layers_.user_layers, shifts) &&
        layers_.areas.drawn() && use_role_colours(mesh, camera, ui_scale)) {
        glUniform1i(country_program_.uniform("u_hatch_only"), 1);
        glEnable(GL_BLEND);
        glBindVertexArray(mesh.fill_vao.get());
        for (std::size_t copy = 0; copy < shifts.size(); ++copy) {
            glUniform1f(country_program_.uniform("u_x_shift"), static_cast<float>(shifts[copy]));
            fills[copy].draw(GL_TRIANGLES);
        }
        glUniform1i(country_program_.uniform("u_hatch_only"), 0);
    }
    // Regions; countries are hatched in their fill.
    if (layers_.areas.drawn()) areas_.draw_hatch(camera, style_.overlay, ui_scale, shifts, layer_opacity(layers_.areas),
                                                fragcoord_shift_);
    program_.use();
    if (!layers_.country_borders.drawn()) return;
    set_colour(program_, faded(style_.outline, layers_.country_borders));
    SmoothLines smooth(smooth_lines_);
    glBindVertexArray(mesh.outline_vao.get());
    for (std::size_t copy = 0; copy < shifts.size(); ++copy) {
        glUniform1f(program_.uniform("u_x_shift"), static_cast<float>(shifts[copy]));
        outlines[copy].draw(GL_LINES);
    }
    glUniform1f(program_.uniform("u_x_shift"), 0.0f);
}

}  // namespace muster
