// What the base map can label besides the scenario: countries (name, a
// label point, size) and populated places (name, population), prepared once
// per level of detail or per run so that labelling a view only projects and
// sorts.
#pragma once

#include "core/geo.hpp"
#include "render/country_mesh.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace muster {

struct CountryLabelInfo {
    std::string iso_a2;  // "" for territories without a code
    std::string name;
    LatLon label;        // the mesh's label point (inside the country)
    // Area in the projection's plane the mesh was drawn in (square plane
    // units): divided by Camera::units_per_pixel() squared, pixels.
    double map_area = 0.0;
    // Points of a 1-degree grid inside the country whose four neighbours are
    // inside too: where to put the label when the label point is off-screen
    // (Russia seen from Ukraine). Empty for countries smaller than a cell.
    std::vector<LatLon> interior;
};

// One entry per country of the mesh, in mesh order. plane: the mesh's fill
// vertices projected (x, y pairs, at least as many as mesh.fill_vertices;
// NaN where a vertex is outside the projection's domain, whose triangles
// then count no area).
std::vector<CountryLabelInfo> country_label_info(const CountryMesh& mesh, const std::vector<float>& plane);

struct MapCity {
    std::string name;
    std::string country;  // ISO alpha-2
    std::int64_t geonameid = 0;
    std::int64_t population = 0;
    bool capital = false;  // GeoNames PPLC
    LatLon point;
};

// Populated places worth a label on a base map: GeoNames places of at least
// min_population people, and every national capital, most populous first.
// Throws muster::Error when the GeoPackage cannot be read.
std::vector<MapCity> load_map_cities(const std::filesystem::path& gpkg, std::int64_t min_population = 50000);

}  // namespace muster
