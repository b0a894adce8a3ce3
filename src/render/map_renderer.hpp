// Draws the base map (sea, graticule, filled countries, borders) for a Camera
// into whatever framebuffer is bound: a window or an offscreen image; the
// renderer never knows which.
//
// Level of detail follows the zoom (see lod_for_zoom): the Natural Earth
// 1:110m countries for world views, 1:50m for continents, 1:10m for countries
// and closer. Meshes are read and uploaded to the GPU lazily, the first time a
// level is needed in a projection, then kept in VBO/IBO/VAO for good, one set
// per (level, projection), so switching back and forth costs nothing after
// the first time; each frame only changes uniforms. At upload, vertices are
// clipped to the projection's domain (domain_clip.hpp), projected once into
// its plane (the camera's projection, projection.hpp) and the primitives
// regrouped into grid cells of the plane (spatial_chunks.hpp); cells whose
// bounds lie off-screen are skipped. What the view shows beyond the domain
// (round the disc of LAEA Europe) is painted in the style's outside colour,
// with a neat line along the domain's edge. Opaque colours draw without
// blending. Outlines draw each shared border once and, below the zooms where
// it shows, skip vertices closer than half a pixel (outline_error_px). With
// the Delaunay-flipped fills of country_mesh.hpp (no slivers) a 1920x1080
// frame takes about 7-12 ms (median) on Mesa's software rasteriser; measure
// with `muster bench render`.
//
// When a view crosses the antimeridian in a wrapping projection (Web
// Mercator) the world is drawn a second time shifted by one period, so a
// Pacific view is continuous.
//
// A scenario (set_scenario) adds the overlay of render/overlay.hpp: country
// fills by role (shaders/country_fill.*: each vertex carries its country
// index, a two-row texture per level holds the colours and, for countries
// hosting deployments, the hatch the fill shader mixes in), border features
// as thick lines, regions hosting deployments hatched and every deployment
// area outlined (render/areas.hpp) over the fills, the annotations' areas
// hatched in their colours (render/annotations.hpp), then,
// through draw_overlay() into an ImGui draw list,
// symbols, halos and labels.
//
// Layers (set_layers, render/layers.hpp) switch each part on or off and set
// its opacity; the user's vector files are drawn between the base map's
// borders and the border features (render/user_layer.hpp), their rasters
// between the country fills and the borders (render/raster_layer.hpp).
//
// All methods need the GL context the renderer was created in to be current.
#pragma once

#include "render/annotations.hpp"
#include "render/areas.hpp"
#include "render/camera.hpp"
#include "render/country_mesh.hpp"
#include "render/gl_objects.hpp"
#include "render/labels_places.hpp"
#include "render/layers.hpp"
#include "render/map_presence.hpp"
#include "render/overlay.hpp"
#include "render/raster_layer.hpp"
#include "render/shader_program.hpp"
#include "render/spatial_chunks.hpp"
#include "render/style.hpp"
#include "render/user_layer.hpp"

#include <array>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace muster {

// The zoom levels where detail switches (tile convention, see camera.hpp),
// compared with Camera::detail_zoom(): in other projections than Web
// Mercator, the Mercator zoom of the same ground scale at the view's centre.
// At zoom z a screen pixel covers about 1:(559M / 2^z) at 0.28 mm per pixel:
//   z < 3.3  (world views, up to ~2500 px for the whole world)   -> 1:110m
//   z < 5.0  (continents: Europe across ~1000-2000 px)           -> 1:50m
//   z >= 5.0 (a country or a front line across the screen)       -> 1:10m
inline constexpr double lod_zoom_medium = 3.3;
inline constexpr double lod_zoom_fine = 5.0;

// Borders and coastlines: each shared border is drawn once (not once per
// country), and along them vertices closer than this many pixels to the last
// one drawn are skipped (simplified copies of the outlines, picked by zoom;
// the exact outline beyond the zooms they are made for). Fills stay exact.
inline constexpr double outline_error_px = 0.5;

// How a missing finer level is obtained.
enum class DetailLoading {
    blocking,    // read it before drawing (headless renders: exact output)
    background,  // read it on a worker thread and draw the best loaded level meanwhile (window)
};

// A part of a camera's image, for drawing large images in tiles: columns
// x .. x+width-1 and rows y .. y+height-1 (row 0 at the top).
struct ImageTile {
    int x = 0, y = 0, width = 0, height = 0;
};

class MapRenderer {
public:
    using MeshLoader = std::function<CountryMesh(Lod)>;

    // Compiles the shaders (muster::Error on failure). loader supplies meshes
    // (tests may pass synthetic ones); by default load_country_mesh.
    explicit MapRenderer(MapStyle style = {}, DetailLoading loading = DetailLoading::blocking,
                         MeshLoader loader = load_country_mesh);
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    static Lod lod_for_zoom(double zoom);

    // Draws the map into the bound framebuffer, viewport = camera.viewport().
    // Throws muster::Error when the coarsest level cannot be loaded, or when a
    // level needed in blocking mode cannot. ui_scale: pixels per point for
    // the overlay's line widths (a high-DPI window's pixel ratio).
    void draw(const Camera& camera, float ui_scale = 1.0f);
    // draw() for one tile of the camera's image, into a framebuffer the
    // tile's size: the whole image's viewport is shifted (glViewport) so
    // the tile lands at the framebuffer's origin, which gives exactly the
    // pixels of the untiled draw. camera.viewport() must be within
    // GL_MAX_VIEWPORT_DIMS.
    void draw_tile(const Camera& camera, const ImageTile& tile, float ui_scale = 1.0f);
    // Draws this level whatever the zoom (benchmarks against other
    // renderers of one level); nullopt: by zoom (lod_for_zoom).
    void pin_detail(std::optional<Lod> lod) { pinned_detail_ = lod; }
    // Anti-aliased outlines and graticule (GL_LINE_SMOOTH): smooth coasts
    // and borders without multisampling, which a software rasteriser pays
    // for dearly (image exports use this).
    void smooth_lines(bool on) { smooth_lines_ = on; }

    // What the overlay shows: a copy of the scenario's places, figures and
    // borders is taken (see OverlayRenderer::set_scenario); nullptr, or a
    // scenario with no place and no border, shows the plain map. Cheap when
    // nothing changed, so the window calls it every frame. time: the moment
    // of the timeline to draw; none: the scenario's current time
    // (OverlayRenderer::set_scenario).
    void set_scenario(const scenario::Scenario* scenario, std::optional<scenario::Days> time = std::nullopt);

    // Symbols, halos and labels of the scenario for the camera of the last
    // draw(), into list (an ImDrawList of the current ImGui frame, drawn
    // after the map). Does nothing without a scenario.
    void draw_overlay(ImDrawList* list, const OverlayFonts& fonts, OverlayScale scale = {});

    // draw_overlay() in parts (OverlayRenderer::prepare_marks and after),
    // for MapCache, which keeps the laid-out marks in its image: the
    // revision of the laid-out marks, them alone, and the figures under way.
    std::uint64_t prepare_overlay(const OverlayFonts& fonts, OverlayScale scale = {});
    void draw_overlay_laid_out(ImDrawList* list, const OverlayFonts& fonts, OverlayScale scale = {});
    void draw_overlay_moving(ImDrawList* list, const OverlayFonts& fonts, OverlayScale scale = {});

    [[nodiscard]] const OverlayRenderer& overlay() const { return overlay_; }
    // What the map of the last draw() shows inside frame (camera pixels):
    // which role-filled countries, whether a hatched deployment area
    // (render/map_presence.hpp), for the legend. Worked out once per view,
    // scenario and layer visibility, so the window may ask every frame.
    const MapPresence& presence(const ScreenBox& frame);
    [[nodiscard]] const AreaRenderer& areas() const { return areas_; }

    // u_centre and u_scale of shaders/map.vert (and country_fill.vert) for a camera.
    static void set_view_uniforms(const ShaderProgram& program, const Camera& camera);

    [[nodiscard]] const MapStyle& style() const { return style_; }
    void set_style(const MapStyle& style) { style_ = style; }

    // Which layers draw and how opaque (a copy: user layers share their
    // features). Cheap, so the window calls it every frame.
    void set_layers(const LayerSettings& layers) { layers_ = layers; }
    [[nodiscard]] const LayerSettings& layers() const { return layers_; }
    [[nodiscard]] const UserLayerRenderer& user_layers() const { return user_layers_; }
    [[nodiscard]] const RasterLayerRenderer& raster_layers() const { return raster_layers_; }

    // What the last draw() did, for the status bar and benchmarks.
    struct FrameInfo {
        Lod wanted = Lod::coarse_110m;  // the level the zoom asks for
        Lod drawn = Lod::coarse_110m;   // the level actually drawn
        bool loading = false;           // a finer level is being read in the background
        int world_copies = 0;           // 1, or 2 across the antimeridian
        int chunks_drawn = 0;           // grid cells of fill and outline, summed over copies
        std::size_t triangles = 0;      // drawn, summed over copies
        std::size_t outline_segments = 0;
        std::size_t mesh_triangles = 0;  // in the whole level drawn
    };
    [[nodiscard]] const FrameInfo& last_frame() const { return frame_; }
    // Why a finer level could not be loaded in the background ("" if it could).
    [[nodiscard]] const std::string& detail_failure() const { return detail_failure_; }

private:
    // One simplification of the (deduplicated) outlines: its segments, chunked,
    // in the shared outline index buffer. Used when `tolerance` (plane units)
    // spans at most outline_error_px on screen.
    struct OutlineLevel {
        double tolerance = 0.0;
        std::vector<MeshChunk> chunks;
    };
    struct GpuMesh {
        gl::VertexArray fill_vao, outline_vao;
        gl::Buffer fill_vertices, fill_indices, outline_vertices, outline_indices, fill_countries;
        std::vector<MeshChunk> fill_chunks;  // index ranges and bounds, for culling
        std::vector<OutlineLevel> outline_levels;  // coarsest first; the last one is exact
        std::size_t triangles = 0;
        std::vector<CountryLabelInfo> countries;  // mesh order: names, label points, areas
        CountryFootprints footprints;             // mesh order: where each fill lies (presence)
        // Per-country fill colours (texture row) and what they were made for.
        gl::Texture country_colours;
        std::uint64_t colours_revision = ~std::uint64_t{0};
        MapStyle colours_style;
    };
    struct PreparedMesh {  // ready for upload: clipped, projected, chunked
        std::vector<float> fill_positions, outline_positions;
        std::vector<std::uint16_t> fill_country;
        ChunkedIndices fills;
        std::vector<std::uint32_t> outline_indices;  // every outline level, one after the other
        std::vector<OutlineLevel> outline_levels;
        std::size_t triangles = 0;
        std::vector<CountryLabelInfo> countries;
        CountryFootprints footprints;
    };
    struct LodSlot {
        std::optional<GpuMesh> mesh;
        std::future<PreparedMesh> pending;
        bool failed = false;
    };

    GpuMesh& mesh_for(Lod wanted, const ProjectionPtr& projection);
    void poll_background_load(Lod lod, const ProjectionPtr& projection);
    static PreparedMesh prepare(const CountryMesh& mesh, Lod lod, const Projection& projection);
    static GpuMesh upload(const PreparedMesh& prepared);
    static const OutlineLevel& outline_level_for(const GpuMesh& mesh, const Camera& camera);
    GpuMesh load_now(Lod lod, const Projection& projection) const;

    // visible: what the tile drawn shows, in the plane (culling, world copies).
    void draw_graticule(const Camera& camera, const MapBox& visible);
    // Paints what the view shows beyond the projection's domain, and its edge.
    void draw_domain_edge(const Camera& camera);
    void draw_countries(GpuMesh& mesh, const Camera& camera, const MapBox& visible, float ui_scale);
    // Binds the per-country colour program when the scenario gives any
    // country a role; false: draw plain land.
    bool use_role_colours(GpuMesh& mesh, const Camera& camera, float ui_scale);

    MapStyle style_;
    DetailLoading loading_;
    MeshLoader loader_;
    ShaderProgram program_;
    ShaderProgram country_program_;
    OverlayRenderer overlay_;
    LayerSettings layers_;
    UserLayerRenderer user_layers_;
    RasterLayerRenderer raster_layers_;
    AreaRenderer areas_;
    AnnotationAreaRenderer annotation_areas_;
    double fragcoord_shift_ = 0.0;  // of the tile being drawn (see AreaRenderer::set_hatch_uniforms)
    std::optional<Camera> last_camera_;
    struct PresenceKey;
    std::unique_ptr<PresenceKey> presence_key_;  // what presence_ was worked out for
    MapPresence presence_;
    const GpuMesh* last_mesh_ = nullptr;
    std::map<std::string, std::array<LodSlot, 3>> slots_;  // by projection id, then level
    // Geometry made anew each frame (graticule, outside of the domain).
    gl::VertexArray stream_vao_;
    gl::Buffer stream_vertices_;
    FrameInfo frame_;
    std::string detail_failure_;
    std::optional<Lod> pinned_detail_;
    bool smooth_lines_ = false;
};

}  // namespace muster
