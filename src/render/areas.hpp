// Deployment areas: the countries and regions where a scenario places forces,
// drawn hatched over the role fills with a crisp outline, as briefing maps
// mark an area of deployment.
//
// Which areas (deployment_areas): the place of every deployment figure
// (symbols.hpp is_deployment) that is
//   a country  -> that country ("thousands of troops into Belarus")
//   a region   -> its own polygon when the GeoPackage has one (layer
//                 `region_polygons`: Crimea), else the countries among its
//                 regions.json members ("the Baltic states" -> EE, LV, LT);
//                 members that are admin-1 codes (Donbas = UA.05 + UA.14) are
//                 left out while muster has no admin-1 polygons
//   a city, admin-1 division, site or sea -> no area (a point is drawn as one;
//                 admin-1 polygons are not in geodata yet)
//
// Hatching computes diagonal stripes from the pixel position in a fragment
// shader, so they keep their spacing and width on screen at any zoom; they
// are anchored to the map (they move with it when it pans). Countries are
// hatched inside their own fill (MapRenderer's country_fill shader mixes the
// stripes in where hatches_country() says so: no second pass over their
// pixels, and the stripes follow the fill's level of detail); a region's
// polygon, from the GeoPackage's region_polygons at 1:10m, is tessellated
// once per change of the area list and drawn by draw_hatch
// (shaders/hatch.frag). Every area gets an outline: a ThickLines line of its
// 1:10m rings (countries_10m, region_polygons).
//
// Needs the GL context it draws in to be current (draw_*); choosing and
// loading areas does not.
#pragma once

#include "core/geo.hpp"
#include "render/camera.hpp"
#include "render/labels.hpp"
#include "render/gl_objects.hpp"
#include "render/overlay_lines.hpp"
#include "render/shader_program.hpp"
#include "render/style.hpp"
#include "scenario/scenario.hpp"

#include <compare>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace muster {

struct AreaRef {
    enum class Kind { country, region };
    Kind kind = Kind::country;
    std::string code;  // ISO alpha-2 for countries; the region's gazetteer id ("crimea") for regions
    friend auto operator<=>(const AreaRef&, const AreaRef&) = default;
};

// regions.json members by gazetteer id ("baltic-states" -> EE, LV, LT).
using RegionMembers = std::function<std::vector<std::string>(const std::string& region_id)>;

// The areas to hatch, sorted, without repeats. has_region_polygon says
// whether the GeoPackage holds a region's own polygon.
std::vector<AreaRef> deployment_areas(const scenario::Scenario& scenario, const RegionMembers& members,
                                      const std::function<bool(const std::string&)>& has_region_polygon);

// An area's polygons: each a list of rings (outer first, then holes) of
// lon/lat points, not closed.
using AreaPolygons = std::vector<std::vector<std::vector<LatLon>>>;

// Where areas come from: the GeoPackage (countries_10m by iso_a2,
// region_polygons by region) and the regions.json beside it.
class AreaSource {
public:
    explicit AreaSource(std::filesystem::path gpkg);
    [[nodiscard]] std::vector<std::string> members(const std::string& region_id) const;
    [[nodiscard]] bool has_region_polygon(const std::string& region_id) const;
    // Empty when the GeoPackage has no such country or region. Throws
    // muster::Error when the GeoPackage cannot be opened.
    [[nodiscard]] AreaPolygons polygons(const AreaRef& area) const;

private:
    std::filesystem::path gpkg_;
    std::vector<std::pair<std::string, std::vector<std::string>>> members_;  // region id -> members
    std::vector<std::string> region_polygons_;                               // regions with a polygon
};

// The areas of the installed GeoPackage (default_geopackage()), read once.
const AreaSource& installed_area_source();

// What a place covers as an area: a country -> that country; a region -> its
// own polygon when there is one, else the countries among its members; other
// places (cities, admin-1 divisions, sites, seas) -> none.
std::vector<AreaRef> areas_of_place(const scenario::Place& place, const RegionMembers& members,
                                    const std::function<bool(const std::string&)>& has_region_polygon);

class AreaRenderer {
public:
    // By default areas come from default_geopackage(); loaded on first use.
    explicit AreaRenderer(std::function<const AreaSource&()> source = {});
    ~AreaRenderer();
    AreaRenderer(const AreaRenderer&) = delete;
    AreaRenderer& operator=(const AreaRenderer&) = delete;

    // Chooses the areas of the scenario (nullptr: none) and loads their
    // geometry when the choice changed. A GeoPackage that cannot be read
    // leaves the areas out (failure() says why); the map still draws.
    void set_scenario(const scenario::Scenario* scenario);
    [[nodiscard]] const std::vector<AreaRef>& areas() const { return areas_; }
    // Hatches and outlines these polygons instead of a scenario's deployment
    // areas (the annotations' areas, render/annotations.hpp).
    void set_polygons(const std::vector<AreaPolygons>& shapes);
    // Whether a country (ISO alpha-2) is one of the areas: its fill is hatched.
    [[nodiscard]] bool hatches_country(const std::string& iso_a2) const;
    // Whether any area shows in frame (camera pixels; render/map_presence.hpp).
    [[nodiscard]] bool shows_in(const Camera& camera, const ScreenBox& frame) const;

    // u_period, u_half_width and u_offset of the stripes (hatch.frag,
    // country_fill.frag) for a view. size_scale: pixels per point.
    // fragcoord_shift: the tile's offset in gl_FragCoord terms (x minus
    // y-from-bottom of the tile's corner in the whole image), so that a tiled
    // image has its stripes where the untiled one does.
    static void set_hatch_uniforms(const ShaderProgram& program, const Camera& camera, const OverlayStyle& style,
                                   float size_scale, double fragcoord_shift = 0.0);
    [[nodiscard]] const std::string& failure() const { return failure_; }

    // The stripes of the regions, for each world copy (plane x shifts of 0
    // or ± a period, as the fills are drawn). size_scale: pixels per point.
    void draw_hatch(const Camera& camera, const OverlayStyle& style, float size_scale,
                    const std::vector<double>& x_shifts, float opacity = 1.0f, double fragcoord_shift = 0.0);
    // The outlines, over the country borders.
    void draw_outlines(const Camera& camera, const OverlayStyle& style, float size_scale, float opacity = 1.0f);

private:
    struct Gpu;
    // fill_all: hatch every shape (set_polygons), not only the regions.
    void prepare(const std::vector<AreaPolygons>& shapes, bool fill_all = false);
    // Created on first use; the prepared geometry (re)uploaded, projected,
    // when it changed or the camera's projection did.
    Gpu& gpu(const ProjectionPtr& projection);

    std::function<const AreaSource&()> source_;
    std::vector<AreaRef> areas_;
    bool loaded_ = false;
    std::string failure_;
    // Triangles of the regions (lon, lat corners; projected when uploaded)
    // and outline rings of every area.
    std::vector<float> triangles_;
    std::vector<std::vector<LatLon>> rings_;
    bool dirty_ = false;
    std::unique_ptr<Gpu> gpu_;
};

}  // namespace muster
