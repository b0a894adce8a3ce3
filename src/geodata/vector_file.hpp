// Reading a user's own vector file (a GeoJSON of a front line, a GeoPackage
// of airfields, a KML from a colleague) for a user layer on the map.
//
// Only these GDAL/OGR drivers are used, whatever else the GDAL build has:
// GeoJSON, GPKG, ESRI Shapefile, KML and LIBKML, FlatGeobuf, and CSV (with
// lon/lat columns). The list is explicit so that a dropped file can never
// make GDAL reach a database, a web service or a format with a history of
// parser bugs; /vsi paths and URLs are refused before GDAL sees them (muster
// uses no network at run time).
//
// Every layer of the file is read, reprojected to WGS 84 in GIS order
// (longitude, latitude: OAMS_TRADITIONAL_GIS_ORDER), curves linearised, Z and
// M dropped, and merged into one VectorFile: what the map draws as one user
// layer. A layer without a coordinate system is taken as WGS 84 (GeoJSON's
// and CSV's convention); coordinates that cannot be degrees (metres in a
// file that does not say so) get the file refused, not drawn off the map.
#pragma once

#include "core/geo.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace muster {

// More features than this in one file are refused: the map would be
// unreadable and the viewer slow long before.
inline constexpr std::size_t max_vector_features = 1'000'000;

// What a file holds, by kind of geometry (multi-geometries and collections
// are split into their parts).
struct VectorGeometry {
    // Each polygon is its rings, the outer ring first; a ring does not repeat
    // its first point at the end.
    std::vector<std::vector<std::vector<LatLon>>> polygons;
    std::vector<std::vector<LatLon>> lines;
    std::vector<LatLon> points;
};

struct VectorFile {
    std::filesystem::path path;
    std::string name;            // the file name without folders, as the Layers panel shows it
    std::string format;          // GDAL's driver: "GeoJSON", "GPKG", ...
    std::size_t features = 0;    // features with a geometry
    VectorGeometry geometry;
    std::optional<Extent> extent;  // around every point read
};

// "GeoJSON, GeoPackage, Shapefile, KML, FlatGeobuf, CSV with lon/lat columns":
// for help texts and error messages.
const char* supported_vector_formats();

// Whether one of the allowed drivers recognises the file (for telling a
// vector from a raster layer file; geodata/layer_file.hpp).
bool looks_like_vector_file(const std::filesystem::path& path);

// Reads path as above. Throws muster::Error with one line naming the file
// and what is wrong: it cannot be read, it is not a vector file of a format
// muster reads, GDAL cannot parse it, it has no features (with a geometry),
// more than max_features, or coordinates that are not degrees.
VectorFile read_vector_file(const std::filesystem::path& path, std::size_t max_features = max_vector_features);

}  // namespace muster
