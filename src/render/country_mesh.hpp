// Tessellated country polygons and outlines per level of detail.
//
// Derived once from geodata/muster.gpkg (countries_110m / _50m / _10m): at build
// time `muster derive` writes one mesh file per level into the derived folder,
// and the renderer loads them with a single read. When a mesh file is missing
// or was derived from another GeoPackage, load_country_mesh() tessellates in
// memory instead (1:10m: about 0.35 s on two cores, 0.7 s on one; reading the
// mesh file takes about 15 ms) and says so once on stderr.
//
// Coordinates are WGS 84 longitude/latitude in degrees, every longitude within
// [-180, 180]: polygons that cross the antimeridian (Russia, Fiji, the US
// Aleutians) arrive split at ±180 from the geodata build, so no triangle or
// outline segment spans the world. The tessellator does not rely on that: a
// ring edge that jumps more than 180° of longitude is taken to cross the
// antimeridian, a ring that winds once around the globe is closed over the
// nearer pole, and every triangle whose corners span more than 180° of
// longitude is cut at 0° / ±180° into pieces that do not. Outlines leave out
// the artificial edges of such splits: segments lying on the antimeridian
// (both ends at lon ±180) or along a pole (both ends at lat ±90).
//
// Triangles are wound counter-clockwise in lon/lat (x east, y north); slivers
// with no area are left out. Every vertex is stored as float; repeated
// consecutive points (also those that coincide once rounded to float) are dropped.
// Triangulation is GLU's tessellator (see render/tessellate.hpp), followed by
// Delaunay edge flips (make_delaunay): GLU's long fans of slivers cost a
// software rasteriser several times what compact triangles do.
#pragma once

#include "core/geo.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace muster {

enum class Lod { coarse_110m = 0, medium_50m = 1, fine_10m = 2 };

// "110m", "50m", "10m": the suffix of the GeoPackage layer and of the mesh file.
const char* lod_suffix(Lod lod);

struct CountryMesh {
    // Filled interiors: triangles. Vertices are lon,lat pairs; fill_country[i]
    // is the index into `countries` of vertex i (so shaders can colour by role).
    std::vector<float> fill_vertices;
    std::vector<std::uint16_t> fill_country;
    std::vector<std::uint32_t> fill_indices;

    // Boundaries of every polygon ring: line segments (pairs of indices into
    // outline_vertices, lon,lat pairs). Shared borders appear once per country,
    // so twice in all.
    std::vector<float> outline_vertices;
    std::vector<std::uint32_t> outline_indices;

    struct Country {
        std::string iso_a2;  // "" when the country has no ISO code (e.g. N. Cyprus)
        std::string name;
        // A point inside the country: the GeoPackage's label_lat/label_lon when
        // that lies inside one of its polygons, else a point inside its largest polygon.
        LatLon label;
        // Min/max of the country's vertices, always within [-180, 180]: for
        // culling. Russia and Fiji get the whole width of the map.
        Extent bounds;
        // The smallest box around the country when the map wraps at ±180: for
        // framing a country. Equal to `bounds` except for countries with land
        // on both sides of the antimeridian, where max_lon goes past 180 and
        // min_lon stays within [-180, 180]: Fiji about 174.6..181.8, Russia
        // 19.6..191 (1:10m: also the US 172.5..293, New Zealand, Kiribati, US
        // Minor Outlying Islands). Antarctica keeps its plain box.
        Extent view_bounds;
        std::uint32_t fill_first = 0, fill_count = 0;        // range in fill_indices
        std::uint32_t outline_first = 0, outline_count = 0;  // range in outline_indices
    };
    std::vector<Country> countries;
};

// Flips interior edges of a triangulation (xy: x,y pairs; indices: three per
// triangle, counter-clockwise) until it is the constrained Delaunay one: edges
// with a single triangle (the rings) never move, the covered area and the
// triangle count stay, slivers fanning across a polygon become compact
// triangles (far cheaper to rasterise). Returns the number of flips.
std::size_t make_delaunay(const std::vector<double>& xy, std::vector<std::uint32_t>& indices);

// Tessellates the countries_<lod> layer of gpkg. Throws muster::Error naming
// the file and layer when they cannot be read.
CountryMesh tessellate_countries(const std::filesystem::path& gpkg, Lod lod);

// What tessellation met in the data and what it repaired on the way. For the
// committed GeoPackage (split at ±180, all polygons valid) only these are
// non-zero: split_triangles (Antarctica's long triangles near the pole),
// flat_triangles (collinear points along straight borders),
// seam_segments_skipped (Antarctica, Russia, Fiji), and at 1:10m a handful of
// dropped_points and dropped_rings (zero-area slivers of 3 points).
struct TessellationNotes {
    std::size_t polygons = 0, rings = 0;
    std::size_t antimeridian_jumps = 0;     // ring edges with a longitude step > 180°
    std::size_t polar_rings = 0;            // rings winding around the globe, closed over a pole
    std::size_t split_triangles = 0;        // triangles cut because they spanned > 180° of longitude
    std::size_t flat_triangles = 0;         // slivers left out: no area, or turned over, in float
    std::size_t seam_segments_skipped = 0;  // outline segments on lon ±180 or lat ±90
    std::size_t out_of_range_points = 0;    // |lon| > 180 or |lat| > 90 (wrapped or clamped)
    std::size_t dropped_points = 0;         // repeated consecutive points and non-finite points
    std::size_t dropped_rings = 0;          // rings with fewer than 3 distinct points
    std::size_t labels_replaced = 0;        // label_lat/lon missing or outside the country
};
CountryMesh tessellate_countries(const std::filesystem::path& gpkg, Lod lod, TessellationNotes* notes);

// Binary file I/O; read_country_mesh throws muster::Error naming the file when
// it is missing, truncated, corrupt, of another format version, or derived from
// a GeoPackage of another size than expected_gpkg_size. A mesh that reads
// without an error is safe to upload: every index is within its vertex array
// and every country range within its index array. Files are little-endian:
// magic "MUSTMESH", format version, source GeoPackage size, counts, checksum,
// then the arrays as stored in CountryMesh and the country table (layout in
// country_mesh.cpp). write_country_mesh replaces the file atomically.
void write_country_mesh(const CountryMesh& mesh, const std::filesystem::path& file,
                        std::uint64_t source_gpkg_size);
CountryMesh read_country_mesh(const std::filesystem::path& file, std::uint64_t expected_gpkg_size);

// The mesh for a level, from derived_dir()/countries_<suffix>.mesh when that was
// derived from the current default_geopackage(), else tessellated in memory
// with one warning line on stderr. Throws muster::Error when neither works.
CountryMesh load_country_mesh(Lod lod);

// Path of a level's mesh file in a folder: dir/countries_<suffix>.mesh.
std::filesystem::path country_mesh_file(const std::filesystem::path& dir, Lod lod);

// Build step: writes countries_110m.mesh, countries_50m.mesh, countries_10m.mesh
// (1:10m on a thread beside the other two).
void write_country_meshes(const std::filesystem::path& gpkg, const std::filesystem::path& out_dir);

}  // namespace muster
