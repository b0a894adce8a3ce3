#include "render/map_renderer.hpp"

#include "core/error.hpp"
#include "render/graticule.hpp"
#include "render/opacity_group.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numbers>

namespace muster {
namespace {

constexpr GLuint position_location = 0;  // layout(location = 0) in shaders/map.vert
constexpr GLuint country_location = 1;   // layout(location = 1) in shaders/country_fill.vert

// Grid cell sizes for culling, per level: finer data, smaller cells (a few
// thousand cells at most, so the per-frame bounds test stays negligible).
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

// lon,lat pairs to what map.vert expects: lon, Mercator y.
std::vector<float> project_to_mercator(const std::vector<float>& lonlat) {
    std::vector<float> projected(lonlat.size());
    for (std::size_t i = 0; i + 1 < lonlat.size(); i += 2) {
        projected[i] = lonlat[i];
        projected[i + 1] = static_cast<float>(mercator_y(lonlat[i + 1]));
    }
    return projected;
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

bool overlaps(const Extent& a, const Extent& b) {
    return a.min_lon <= b.max_lon && b.min_lon <= a.max_lon && a.min_lat <= b.max_lat && b.min_lat <= a.max_lat;
}

Extent shifted(Extent extent, double lon_shift) {
    extent.min_lon += lon_shift;
    extent.max_lon += lon_shift;
    return extent;
}

// The 360-degree shifts at which a copy of the [-180, 180] world overlaps the
// view (touching an edge does not count: a whole-world view needs one copy).
std::vector<double> world_copy_shifts(const Extent& visible) {
    std::vector<double> shifts;
    const int first = static_cast<int>(std::floor((visible.min_lon - 180.0) / 360.0)) + 1;
    const int last = static_cast<int>(std::ceil((visible.max_lon + 180.0) / 360.0)) - 1;
    for (int k = first; k <= last; ++k) shifts.push_back(360.0 * k);
    return shifts;
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

// What one tile of the camera's image shows (the whole view for the whole
// image): longitudes unwrapped as Camera::visible_extent gives them, so each
// band of a poster culls the grid cells outside it.
Extent tile_extent(const Camera& camera, const ImageTile& tile) {
    const Extent whole = camera.visible_extent();
    const PixelSize viewport = camera.viewport();
    if (tile.x == 0 && tile.y == 0 && tile.width == viewport.width && tile.height == viewport.height) return whole;
    const double degrees_per_pixel = whole.width() / viewport.width;
    const double north = camera.to_lonlat({viewport.width / 2.0, static_cast<double>(tile.y)}).lat;
    const double south = camera.to_lonlat({viewport.width / 2.0, static_cast<double>(tile.y + tile.height)}).lat;
    return {whole.min_lon + tile.x * degrees_per_pixel, south, whole.min_lon + (tile.x + tile.width) * degrees_per_pixel,
            north};
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

MapRenderer::MapRenderer(MapStyle style, DetailLoading loading, MeshLoader loader)
    : style_(style),
      loading_(loading),
      loader_(std::move(loader)),
      program_(ShaderProgram::from_files("map.vert", "solid.frag")),
      country_program_(ShaderProgram::from_files("country_fill.vert", "country_fill.frag")),
      overlay_(loading == DetailLoading::background) {
    graticule_vao_ = gl::make_vertex_array();
    graticule_vertices_ = gl::make_buffer();
    glBindVertexArray(graticule_vao_.get());
    attach_positions(graticule_vertices_);
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
// not stall: projection to Mercator and regrouping into grid cells.
MapRenderer::PreparedMesh MapRenderer::prepare(const CountryMesh& mesh, Lod lod) {
    const double cell = chunk_degrees[static_cast<std::size_t>(lod)];
    PreparedMesh prepared;
    prepared.fill_positions = project_to_mercator(mesh.fill_vertices);
    prepared.outline_positions = project_to_mercator(mesh.outline_vertices);
    prepared.fills = chunk_primitives(mesh.fill_vertices, mesh.fill_indices, 3, cell);
    // Outlines: shared borders once, then simplified copies for the zooms
    // this level is drawn at, coarsest first, and the exact one last.
    const std::vector<std::uint32_t> unique = unique_segments(mesh.outline_vertices, mesh.outline_indices);
    auto add_level = [&](double tolerance, const std::vector<std::uint32_t>& segments) {
        ChunkedIndices chunked = chunk_primitives(mesh.outline_vertices, segments, 2, cell);
        const auto base = static_cast<std::uint32_t>(prepared.outline_indices.size());
        for (MeshChunk& chunk : chunked.chunks) chunk.first += base;
        prepared.outline_indices.insert(prepared.outline_indices.end(), chunked.indices.begin(), chunked.indices.end());
        prepared.outline_levels.push_back({tolerance, std::move(chunked.chunks)});
    };
    const double first_zoom = outline_simplified_from_zoom[static_cast<std::size_t>(lod)];
    for (int step = 0; step < outline_simplified_levels; ++step) {
        const double tolerance = outline_error_px / (256.0 * std::exp2(first_zoom + step) / 360.0);
        // Positions are lon, Mercator y in radians: scale y to degrees so
        // distances compare as screen pixels do.
        add_level(tolerance,
                  simplify_segment_chains(prepared.outline_positions, unique, tolerance, 180.0 / std::numbers::pi));
    }
    add_level(0.0, unique);
    prepared.triangles = mesh.fill_indices.size() / 3;
    // Meshes without country indices (synthetic ones) count as one country.
    prepared.fill_country = mesh.fill_country;
    prepared.fill_country.resize(mesh.fill_vertices.size() / 2, 0);
    prepared.countries = country_label_info(mesh);
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
    gpu.fill_chunks = prepared.fills.chunks;
    gpu.outline_levels = prepared.outline_levels;
    gpu.triangles = prepared.triangles;
    return gpu;
}

// The coarsest outline level whose tolerance is under outline_error_px at
// this zoom (the exact level always qualifies).
const MapRenderer::OutlineLevel& MapRenderer::outline_level_for(const GpuMesh& mesh, const Camera& camera) {
    for (const OutlineLevel& level : mesh.outline_levels)
        if (level.tolerance * camera.pixels_per_degree() <= outline_error_px * 1.0001) return level;
    return mesh.outline_levels.back();
}

MapRenderer::GpuMesh MapRenderer::load_now(Lod lod) const { return upload(prepare(loader_(lod), lod)); }

void MapRenderer::poll_background_load(Lod lod) {
    LodSlot& slot = slots_[static_cast<std::size_t>(lod)];
    if (slot.mesh || slot.failed) return;
    if (!slot.pending.valid()) {
        slot.pending = std::async(std::launch::async, [loader = loader_, lod] { return prepare(loader(lod), lod); });
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

MapRenderer::GpuMesh& MapRenderer::mesh_for(Lod wanted) {
    auto slot_of = [this](Lod lod) -> LodSlot& { return slots_[static_cast<std::size_t>(lod)]; };
    frame_.loading = false;
    if (!slot_of(wanted).mesh) {
        if (loading_ == DetailLoading::blocking || wanted == Lod::coarse_110m) {
            slot_of(wanted).mesh = load_now(wanted);
        } else {
            poll_background_load(wanted);
            frame_.loading = !slot_of(wanted).mesh && !slot_of(wanted).failed;
        }
    }
    // The wanted level if present, else the finest loaded coarser one.
    for (int level = static_cast<int>(wanted); level >= 0; --level) {
        LodSlot& slot = slots_[static_cast<std::size_t>(level)];
        if (slot.mesh) {
            frame_.drawn = static_cast<Lod>(level);
            return *slot.mesh;
        }
    }
    slot_of(Lod::coarse_110m).mesh = load_now(Lod::coarse_110m);
    frame_.drawn = Lod::coarse_110m;
    return *slot_of(Lod::coarse_110m).mesh;
}

// ------------------------------------------------------------------ drawing

void MapRenderer::set_view_uniforms(const ShaderProgram& program, const Camera& camera) {
    const PixelSize viewport = camera.viewport();
    const double clip_per_pixel_x = 2.0 / viewport.width;
    const double clip_per_pixel_y = 2.0 / viewport.height;
    const double pixels_per_mercator_unit = camera.world_pixels() / (2.0 * std::numbers::pi);
    glUniform2f(program.uniform("u_centre"), static_cast<float>(camera.centre().lon),
                static_cast<float>(mercator_y(camera.centre().lat)));
    glUniform2f(program.uniform("u_scale"), static_cast<float>(camera.pixels_per_degree() * clip_per_pixel_x),
                static_cast<float>(pixels_per_mercator_unit * clip_per_pixel_y));
}

void MapRenderer::draw(const Camera& camera, float ui_scale) {
    const PixelSize viewport = camera.viewport();
    draw_tile(camera, ImageTile{0, 0, viewport.width, viewport.height}, ui_scale);
}

void MapRenderer::draw_tile(const Camera& camera, const ImageTile& tile, float ui_scale) {
    const PixelSize viewport = camera.viewport();
    frame_ = FrameInfo{};
    frame_.wanted = pinned_detail_ ? *pinned_detail_ : lod_for_zoom(camera.zoom());
    GpuMesh& mesh = mesh_for(frame_.wanted);
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
    const Extent visible = tile_extent(camera, tile);
    if (style_.show_graticule && layers_.graticule.drawn()) draw_graticule(camera, visible);
    draw_countries(mesh, camera, visible, ui_scale);
    if (layers_.areas.drawn()) areas_.draw_outlines(camera, style_.overlay, ui_scale, layer_opacity(layers_.areas));
    if (!layers_.user_layers.empty()) {
        program_.use();
        user_layers_.draw(camera, layers_.user_layers, program_, world_copy_shifts(visible), ui_scale);
    }
    overlay_.draw_lines(camera, style_.overlay, ui_scale, layers_.border_features);
    glBindVertexArray(0);
    glUseProgram(0);
}

void MapRenderer::set_scenario(const scenario::Scenario* scenario) {
    overlay_.set_scenario(scenario);
    areas_.set_scenario(scenario);
}

void MapRenderer::draw_overlay(ImDrawList* list, const OverlayFonts& fonts, OverlayScale scale) {
    if (!last_camera_ || !last_mesh_) return;
    overlay_.draw_marks(list, fonts, *last_camera_, style_.overlay, last_mesh_->countries, scale, layers_);
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

void MapRenderer::draw_graticule(const Camera& camera, const Extent& visible) {
    const double step = graticule_step(camera.pixels_per_degree(), style_.graticule_min_spacing_px);
    std::vector<float> lines = graticule_lines(visible, step);
    for (std::size_t i = 1; i < lines.size(); i += 2) lines[i] = static_cast<float>(mercator_y(lines[i]));
    glBindVertexArray(graticule_vao_.get());
    glBindBuffer(GL_ARRAY_BUFFER, graticule_vertices_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(lines.size() * sizeof(float)), lines.data(), GL_STREAM_DRAW);
    glUniform1f(program_.uniform("u_lon_shift"), 0.0f);
    set_colour(program_, faded(style_.graticule, layers_.graticule));
    SmoothLines smooth(smooth_lines_);
    glDrawArrays(GL_LINES, 0, static_cast<GLsizei>(lines.size() / 2));
}

void MapRenderer::draw_countries(GpuMesh& mesh, const Camera& camera, const Extent& visible, float ui_scale) {
    const std::vector<double> shifts = world_copy_shifts(visible);
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
            glUniform1f(fill_program.uniform("u_lon_shift"), static_cast<float>(shifts[copy]));
            fills[copy].draw(GL_TRIANGLES);
        }
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
        glUniform1f(program_.uniform("u_lon_shift"), static_cast<float>(shifts[copy]));
        outlines[copy].draw(GL_LINES);
    }
    glUniform1f(program_.uniform("u_lon_shift"), 0.0f);
}

}  // namespace muster
