#include "render/labels_places.hpp"

#include "core/error.hpp"
#include "geodata/geopackage.hpp"
#include "render/camera.hpp"

#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_set>

namespace muster {
namespace {

constexpr double grid_degrees = 1.0;

struct Corner {
    double x, y;
};

double cross(Corner o, Corner a, Corner b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

// Cells as one integer key: column (0..359) and row (0..179) of the grid.
std::int64_t cell_key(long column, long row) { return static_cast<std::int64_t>(row) * 100000 + column; }

// Marks the grid cells whose centres lie in triangle a, b, c (lon/lat).
void mark_cells(Corner a, Corner b, Corner c, std::unordered_set<std::int64_t>& cells) {
    const double min_x = std::min({a.x, b.x, c.x}), max_x = std::max({a.x, b.x, c.x});
    const double min_y = std::min({a.y, b.y, c.y}), max_y = std::max({a.y, b.y, c.y});
    const long first_col = std::lround(std::ceil((min_x + 180.0) / grid_degrees - 0.5));
    const long last_col = std::lround(std::floor((max_x + 180.0) / grid_degrees - 0.5));
    const long first_row = std::lround(std::ceil((min_y + 90.0) / grid_degrees - 0.5));
    const long last_row = std::lround(std::floor((max_y + 90.0) / grid_degrees - 0.5));
    const double orientation = cross(a, b, c);
    if (orientation == 0.0) return;
    for (long row = first_row; row <= last_row; ++row)
        for (long col = first_col; col <= last_col; ++col) {
            const Corner p{(col + 0.5) * grid_degrees - 180.0, (row + 0.5) * grid_degrees - 90.0};
            const double s = orientation > 0 ? 1.0 : -1.0;
            if (s * cross(a, b, p) >= 0 && s * cross(b, c, p) >= 0 && s * cross(c, a, p) >= 0)
                cells.insert(cell_key(col, row));
        }
}

// Cells whose four neighbours are in the country too: a label there is
// surrounded by the country's own ground for at least a degree.
std::vector<LatLon> interior_points(const std::unordered_set<std::int64_t>& cells) {
    std::vector<LatLon> points;
    for (std::int64_t key : cells) {
        const long row = static_cast<long>(key / 100000), col = static_cast<long>(key % 100000);
        if (!cells.count(cell_key(col - 1, row)) || !cells.count(cell_key(col + 1, row)) ||
            !cells.count(cell_key(col, row - 1)) || !cells.count(cell_key(col, row + 1)))
            continue;
        points.push_back({(row + 0.5) * grid_degrees - 90.0, (col + 0.5) * grid_degrees - 180.0});
    }
    // The set's order is unspecified: sort so labels do not depend on it.
    std::sort(points.begin(), points.end(),
              [](const LatLon& p, const LatLon& q) { return p.lat != q.lat ? p.lat < q.lat : p.lon < q.lon; });
    return points;
}

}  // namespace

std::vector<CountryLabelInfo> country_label_info(const CountryMesh& mesh, const std::vector<float>& plane) {
    std::vector<CountryLabelInfo> infos;
    infos.reserve(mesh.countries.size());
    auto lonlat = [&](std::uint32_t index) {
        return Corner{mesh.fill_vertices[index * 2], mesh.fill_vertices[index * 2 + 1]};
    };
    auto projected = [&](std::uint32_t index) { return Corner{plane[index * 2], plane[index * 2 + 1]}; };
    for (const CountryMesh::Country& country : mesh.countries) {
        CountryLabelInfo info{country.iso_a2, country.name, country.label, 0.0, {}};
        std::unordered_set<std::int64_t> cells;
        const std::uint32_t end = std::min<std::uint32_t>(country.fill_first + country.fill_count,
                                                          static_cast<std::uint32_t>(mesh.fill_indices.size()));
        for (std::uint32_t i = country.fill_first; i + 2 < end; i += 3) {
            const Corner a = lonlat(mesh.fill_indices[i]), b = lonlat(mesh.fill_indices[i + 1]),
                         c = lonlat(mesh.fill_indices[i + 2]);
            const double area =
                std::abs(cross(projected(mesh.fill_indices[i]), projected(mesh.fill_indices[i + 1]),
                               projected(mesh.fill_indices[i + 2]))) / 2.0;
            if (std::isfinite(area)) info.map_area += area;
            mark_cells(a, b, c, cells);
        }
        info.interior = interior_points(cells);
        infos.push_back(std::move(info));
    }
    return infos;
}

std::vector<MapCity> load_map_cities(const std::filesystem::path& gpkg, std::int64_t min_population) {
    const GDALDatasetUniquePtr dataset = open_geopackage(gpkg);
    OGRLayer* layer = dataset->GetLayerByName("places");
    if (!layer) throw Error(gpkg.string() + ": no layer 'places'");
    const std::string filter =
        "population >= " + std::to_string(min_population) + " OR feature_code = 'PPLC'";
    if (layer->SetAttributeFilter(filter.c_str()) != OGRERR_NONE)
        throw Error(gpkg.string() + ": cannot filter layer 'places'");
    std::vector<MapCity> cities;
    for (const auto& feature : *layer) {
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (!geometry || wkbFlatten(geometry->getGeometryType()) != wkbPoint) continue;
        const auto* point = geometry->toPoint();
        MapCity city;
        city.name = feature->GetFieldAsString("name");
        city.country = feature->GetFieldAsString("country");
        city.geonameid = feature->GetFieldAsInteger64("geonameid");
        city.population = feature->GetFieldAsInteger64("population");
        city.capital = std::string_view(feature->GetFieldAsString("feature_code")) == "PPLC";
        city.point = {point->getY(), point->getX()};
        cities.push_back(std::move(city));
    }
    std::stable_sort(cities.begin(), cities.end(),
                     [](const MapCity& a, const MapCity& b) { return a.population > b.population; });
    return cities;
}

}  // namespace muster
