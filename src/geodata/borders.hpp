// Shared land boundaries between countries, from the Natural Earth 1:10m
// polygons of geodata/muster.gpkg: the line where two countries touch, and
// its geodesic length on the WGS 84 ellipsoid (GeographicLib), so that a
// "2,000-kilometre border" in a text can be shown beside the measured one.
#pragma once

#include "core/geo.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace muster {

struct SharedBorder {
    std::string a;  // ISO alpha-2, as asked
    std::string b;
    double length_km = 0.0;                  // geodesic, summed over all parts
    std::vector<std::vector<LatLon>> lines;  // the boundary as a MultiLineString
};

// The boundary countries a and b (ISO alpha-2) share at 1:10m, or nothing when
// they do not touch. Throws muster::Error naming the GeoPackage when it cannot
// be read or a code is not a country in it.
std::optional<SharedBorder> shared_border(const std::filesystem::path& gpkg, std::string_view a, std::string_view b);

// Geodesic length in km of a polyline of lon/lat points on WGS 84.
double geodesic_length_km(const std::vector<LatLon>& line);

}  // namespace muster
