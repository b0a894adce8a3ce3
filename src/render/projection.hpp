// Map projections: longitude/latitude to the plane the map is drawn in, and
// back. The Camera (camera.hpp) works in a projection's plane, so every
// lat/lon <-> screen conversion of the renderer, the overlay, the UI tools
// and the GeoTIFF export goes through one of these.
//
//   EPSG:3857  Web Mercator (the default): a closed-form spherical formula,
//              identical to PROJ's, so the hot paths need no library call.
//   anything else PROJ knows (EPSG:3035 ETRS89-LAEA Europe, EPSG:4326 plate
//              carree, EPSG:3034, ...): PROJ's C API, proj_create_crs_to_crs
//              from WGS 84 normalised for visualisation (input lon, lat;
//              output east, north), batches through proj_trans_generic.
//
// Plane coordinates are in the CRS's own units (metres for projected CRSs,
// degrees for geographic ones), x east, y north: exactly what a GeoTIFF in
// that CRS stores, so the export needs no further conversion.
//
// The domain: where a projection draws the world sensibly.
//   * Cylindrical projections whose x is a linear function of longitude
//     (Web Mercator, plate carree, World Mercator, ...) "wrap": one period of
//     x is 360 degrees, the map repeats east and west, and latitudes are
//     clamped (to 85.0511 degrees where the poles are at infinity).
//   * Any other projection draws a spherical cap around its centre: 90
//     degrees (a hemisphere) for azimuthal ones such as LAEA, so the whole
//     world in EPSG:3035 is a disc centred on Europe; otherwise what the CRS's
//     area of use (from PROJ) reaches plus a margin. Geometry is clipped to
//     the cap before projection, so nothing from the far side of the globe is
//     torn across the map.
//
// Thread safety: a Projection may be shared between threads; PROJ calls are
// serialised by a mutex inside (batches go in slices so a long batch on a
// worker thread never stalls the window for long).
#pragma once

#include "core/geo.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace muster {

// A point in a projection's plane (CRS units, x east, y north).
struct MapPoint {
    double x = 0.0;
    double y = 0.0;
};

// An axis-aligned box in a projection's plane.
struct MapBox {
    double min_x = 0.0, min_y = 0.0, max_x = 0.0, max_y = 0.0;

    [[nodiscard]] double width() const { return max_x - min_x; }
    [[nodiscard]] double height() const { return max_y - min_y; }
    [[nodiscard]] MapPoint centre() const { return {(min_x + max_x) / 2.0, (min_y + max_y) / 2.0}; }
    // Grows to hold p (start from empty_box()).
    void add(MapPoint p) {
        min_x = p.x < min_x ? p.x : min_x;
        min_y = p.y < min_y ? p.y : min_y;
        max_x = p.x > max_x ? p.x : max_x;
        max_y = p.y > max_y ? p.y : max_y;
    }
    [[nodiscard]] bool empty() const { return !(min_x <= max_x && min_y <= max_y); }
    static MapBox empty_box();
};

// Web Mercator's latitude limit: the world is a square in this projection.
inline constexpr double mercator_max_lat = 85.05112877980659;
// The spherical Web Mercator radius in metres (EPSG:3857's semi-major axis,
// WGS 84's equatorial radius). Also the radius of the reference equator that
// defines zoom levels in every projection (see Projection::world_units).
inline constexpr double web_mercator_radius = 6378137.0;

// Mercator ordinate in radians: ln(tan(pi/4 + lat/2)), lat clamped to the limit.
double mercator_y(double lat_degrees);
double lat_from_mercator_y(double y);
// Longitude brought into [-180, 180).
double wrap_longitude(double lon);
// Great-circle angle between two places on the sphere, degrees.
double angular_distance(LatLon a, LatLon b);

// Where a projection draws the world (see the header comment).
struct ProjectionDomain {
    bool wraps = false;
    double max_lat = 90.0;     // wrapping: latitudes beyond are clamped
    LatLon centre;             // not wrapping: the cap's centre ...
    double radius_deg = 90.0;  // ... and its angular radius
};

// Whether p lies in the spherical cap of a (not wrapping) domain: within
// radius_deg of its centre, as a great-circle angle.
bool in_cap(const ProjectionDomain& domain, LatLon p);

class Projection {
public:
    virtual ~Projection() = default;
    Projection(const Projection&) = delete;
    Projection& operator=(const Projection&) = delete;

    // The CRS as the user named it ("EPSG:3035"); what GDAL is given for a
    // GeoTIFF's CRS and what a second make_projection() accepts.
    [[nodiscard]] const std::string& id() const { return id_; }
    // Its name, from PROJ's database ("ETRS89-extended / LAEA Europe").
    [[nodiscard]] const std::string& name() const { return name_; }
    [[nodiscard]] const ProjectionDomain& domain() const { return domain_; }
    [[nodiscard]] bool wraps() const { return domain_.wraps; }
    // Plane units for 360 degrees of longitude when wrapping, else 0.
    [[nodiscard]] double period() const { return period_; }
    // Plane units of the reference equator, 2 pi x 6378137 m (in degrees:
    // 360). Zoom z shows world_units() across 256 * 2^z pixels, the web-map
    // tile convention, so zoom levels mean the same scale in every projection.
    [[nodiscard]] double world_units() const { return world_units_; }
    // Metres per plane unit (1 for metre CRSs; for degrees, one degree of the
    // reference equator).
    [[nodiscard]] double metres_per_unit() const;
    // The plane box holding the domain; for wrapping projections one period
    // wide, centred on x = 0.
    [[nodiscard]] const MapBox& bounds() const { return bounds_; }
    // The domain's edge in the plane, a closed ring (not wrapping only; empty
    // for wrapping projections, whose edges are the lines y = bounds' y).
    [[nodiscard]] const std::vector<MapPoint>& outline() const { return outline_; }

    [[nodiscard]] bool in_domain(LatLon p) const;
    // The plane position of p, or nothing outside the domain. Wrapping
    // projections clamp the latitude and accept any longitude: 190 degrees
    // lands one period east of -170, so boxes across the antimeridian stay
    // continuous.
    [[nodiscard]] std::optional<MapPoint> forward(LatLon p) const;
    // In place, lon,lat pairs to x,y; NaN for points outside the domain.
    void forward_in_place(std::vector<double>& lonlat) const;
    // The place at a plane position; nothing off the projection (beyond the
    // domain, or where PROJ has no inverse). Longitude in [-180, 180).
    [[nodiscard]] std::optional<LatLon> inverse(MapPoint p) const;

protected:
    Projection() = default;
    // lon,lat -> x,y for n points in place (lat already clamped/checked);
    // non-finite where the formula has no answer.
    virtual void forward_raw(double* lonlat, std::size_t n) const = 0;
    virtual std::optional<LatLon> inverse_raw(MapPoint p) const = 0;
    // forward_in_place for at most one slice of points (see projection.cpp).
    void forward_slice(double* lonlat, std::size_t n) const;
    // Fills bounds_ and outline_ from the domain (after domain_, period_ and
    // world_units_ are set).
    void finish_setup();

    std::string id_, name_;
    ProjectionDomain domain_;
    double period_ = 0.0;
    double world_units_ = 0.0;
    MapBox bounds_;
    std::vector<MapPoint> outline_;
};

using ProjectionPtr = std::shared_ptr<const Projection>;

// EPSG:3857, shared by every default Camera.
const ProjectionPtr& web_mercator();

// The projection for a CRS as PROJ reads it ("EPSG:3035", "ESRI:54009", a
// PROJ string, WKT); "EPSG:3857" gives web_mercator(). Throws muster::Error
// "unknown CRS" when PROJ does not know it, "not a map projection (...)"
// for CRSs that are neither projected nor geographic 2D. Projections are
// cached by id, so asking twice is cheap and gives the same object.
ProjectionPtr make_projection(const std::string& crs);

// The projections the viewer's View -> Projection menu offers.
struct ProjectionChoice {
    const char* id;
    const char* label;
};
inline constexpr ProjectionChoice projection_menu[] = {
    {"EPSG:3857", "Web Mercator (EPSG:3857)"},
    {"EPSG:3035", "Lambert equal-area, Europe (EPSG:3035)"},
    {"EPSG:4326", "Plate carr\u00e9e, WGS 84 (EPSG:4326)"},
};

}  // namespace muster
