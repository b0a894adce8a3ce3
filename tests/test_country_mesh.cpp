// Country meshes: tessellation of the committed GeoPackage, the antimeridian,
// and the binary mesh file.
#include "core/error.hpp"
#include "core/paths.hpp"
#include "render/country_mesh.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/PolygonArea.hpp>
#include <doctest/doctest.h>
#include <gdal.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <unistd.h>

using muster::CountryMesh;
using muster::Error;
using muster::Lod;
namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------- fixtures

const CountryMesh& mesh_110m() {
    static const CountryMesh mesh = muster::tessellate_countries(muster::default_geopackage(), Lod::coarse_110m);
    return mesh;
}

// Through load_country_mesh: the derived file when the build made it, else tessellated.
const CountryMesh& mesh_10m() {
    static const CountryMesh mesh = muster::load_country_mesh(Lod::fine_10m);
    return mesh;
}

const CountryMesh::Country* find(const CountryMesh& mesh, const std::string& iso) {
    for (const auto& c : mesh.countries)
        if (c.iso_a2 == iso) return &c;
    return nullptr;
}

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("muster-mesh-test-" + std::to_string(::getpid()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

struct Tri {
    double x[3], y[3];
};

Tri triangle(const CountryMesh& m, std::size_t first_index) {
    Tri t{};
    for (int k = 0; k < 3; ++k) {
        const auto v = m.fill_indices[first_index + k];
        t.x[k] = m.fill_vertices[2 * v];
        t.y[k] = m.fill_vertices[2 * v + 1];
    }
    return t;
}

double lon_span(const Tri& t) {
    return std::max({t.x[0], t.x[1], t.x[2]}) - std::min({t.x[0], t.x[1], t.x[2]});
}

bool contains(const Tri& t, double lon, double lat) {
    const auto side = [&](int a, int b) {
        return (t.x[b] - t.x[a]) * (lat - t.y[a]) - (t.y[b] - t.y[a]) * (lon - t.x[a]);
    };
    const double d0 = side(0, 1), d1 = side(1, 2), d2 = side(2, 0);
    const bool neg = d0 < 0 || d1 < 0 || d2 < 0, pos = d0 > 0 || d1 > 0 || d2 > 0;
    return !(neg && pos);
}

// Countries (by ISO code; "" for none) with a triangle containing lon/lat.
std::vector<std::string> countries_at(const CountryMesh& m, double lat, double lon) {
    std::vector<std::string> hits;
    for (const auto& c : m.countries)
        for (std::size_t i = c.fill_first; i < c.fill_first + c.fill_count; i += 3)
            if (contains(triangle(m, i), lon, lat)) {
                hits.push_back(c.iso_a2);
                break;
            }
    return hits;
}

// Area on the authalic sphere, km²; fine for small triangles.
double area_km2(const Tri& t) {
    constexpr double R = 6371.0072, rad = 3.14159265358979323846 / 180.0;
    const double planar = std::fabs((t.x[1] - t.x[0]) * (t.y[2] - t.y[0]) - (t.x[2] - t.x[0]) * (t.y[1] - t.y[0])) / 2;
    const double lat = (t.y[0] + t.y[1] + t.y[2]) / 3.0;
    return planar * rad * rad * R * R * std::cos(lat * rad);
}

double planar_area(const CountryMesh& m, const CountryMesh::Country& c) {
    double sum = 0.0;
    for (std::size_t i = c.fill_first; i < c.fill_first + c.fill_count; i += 3) {
        const Tri t = triangle(m, i);
        sum += std::fabs((t.x[1] - t.x[0]) * (t.y[2] - t.y[0]) - (t.x[2] - t.x[0]) * (t.y[1] - t.y[0])) / 2;
    }
    return sum;
}

// Geodesic area (WGS 84) of the 1:10m polygons, straight from the GeoPackage:
// all of country `iso`'s, or (iso empty) the one polygon of any country holding lat, lon.
double geodesic_area_km2(const std::string& iso, double lat, double lon) {
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::FromHandle(GDALOpenEx(
        muster::default_geopackage().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("countries_10m");
    REQUIRE(layer);
    const GeographicLib::Geodesic& wgs84 = GeographicLib::Geodesic::WGS84();
    const OGRPoint at(lon, lat);
    double total = 0.0;
    for (auto& feature : *layer) {
        if (!iso.empty() && iso != feature->GetFieldAsString("iso_a2")) continue;
        const OGRGeometry* g = feature->GetGeometryRef();
        if (!g) continue;
        for (const OGRGeometry* part : *g->toMultiPolygon()) {
            const OGRPolygon* polygon = part->toPolygon();
            if (iso.empty() && !polygon->Contains(&at)) continue;
            bool outer = true;
            for (const OGRLinearRing* ring : *polygon) {
                GeographicLib::PolygonArea area(wgs84);
                for (int i = 0; i + 1 < ring->getNumPoints(); ++i) area.AddPoint(ring->getY(i), ring->getX(i));
                double perimeter = 0.0, m2 = 0.0;
                area.Compute(false, true, perimeter, m2);
                total += (outer ? 1.0 : -1.0) * std::fabs(m2) / 1e6;
                outer = false;
            }
        }
    }
    return total;
}

void check_well_formed(const CountryMesh& m) {
    const std::size_t vertices = m.fill_vertices.size() / 2, outline_vertices = m.outline_vertices.size() / 2;
    REQUIRE(m.fill_vertices.size() % 2 == 0);
    REQUIRE(m.fill_country.size() == vertices);
    REQUIRE(m.fill_indices.size() % 3 == 0);
    REQUIRE(m.outline_indices.size() % 2 == 0);
    for (auto i : m.fill_indices) REQUIRE(i < vertices);
    for (auto i : m.outline_indices) REQUIRE(i < outline_vertices);
    for (auto c : m.fill_country) REQUIRE(c < m.countries.size());
    for (float v : m.fill_vertices) REQUIRE(std::isfinite(v));
    std::size_t fill_next = 0, outline_next = 0;
    for (std::size_t ci = 0; ci < m.countries.size(); ++ci) {
        const auto& c = m.countries[ci];
        CAPTURE(c.name);
        CHECK(c.fill_first == fill_next);  // contiguous, in order
        CHECK(c.outline_first == outline_next);
        fill_next = c.fill_first + c.fill_count;
        outline_next = c.outline_first + c.outline_count;
        CHECK(c.fill_count > 0);
        for (std::size_t i = c.fill_first; i < c.fill_first + c.fill_count; ++i)
            REQUIRE(m.fill_country[m.fill_indices[i]] == ci);
        CHECK(c.bounds.min_lon >= -180.0);
        CHECK(c.bounds.max_lon <= 180.0);
        CHECK(c.bounds.contains(c.label));
        CHECK(c.view_bounds.width() <= c.bounds.width());
    }
    CHECK(fill_next == m.fill_indices.size());
    CHECK(outline_next == m.outline_indices.size());
}

void check_no_world_spanning(const CountryMesh& m) {
    std::size_t wide = 0, outside = 0;
    for (std::size_t i = 0; i < m.fill_indices.size(); i += 3)
        if (lon_span(triangle(m, i)) > 180.0) ++wide;
    for (std::size_t i = 0; i < m.fill_vertices.size(); i += 2)
        if (std::fabs(m.fill_vertices[i]) > 180.0f || std::fabs(m.fill_vertices[i + 1]) > 90.0f) ++outside;
    CHECK(wide == 0);
    CHECK(outside == 0);
    // Counter-clockwise, x east, y north (float rounding may flatten a sliver, never turn it).
    std::size_t clockwise = 0;
    for (std::size_t i = 0; i < m.fill_indices.size(); i += 3) {
        const Tri t = triangle(m, i);
        if ((t.x[1] - t.x[0]) * (t.y[2] - t.y[0]) - (t.x[2] - t.x[0]) * (t.y[1] - t.y[0]) < 0) ++clockwise;
    }
    CHECK(clockwise == 0);
    std::size_t wide_segments = 0, seam_segments = 0;
    for (std::size_t i = 0; i < m.outline_indices.size(); i += 2) {
        const float x0 = m.outline_vertices[2 * m.outline_indices[i]];
        const float x1 = m.outline_vertices[2 * m.outline_indices[i + 1]];
        if (std::fabs(x1 - x0) > 180.0f) ++wide_segments;
        if (std::fabs(x0) == 180.0f && std::fabs(x1) == 180.0f) ++seam_segments;
    }
    CHECK(wide_segments == 0);
    CHECK(seam_segments == 0);
}

void check_both_sides_of_antimeridian(const CountryMesh& m, const std::string& iso) {
    const auto* c = find(m, iso);
    REQUIRE(c);
    bool east = false, west = false;
    for (std::size_t i = c->fill_first; i < c->fill_first + c->fill_count; i += 3) {
        const Tri t = triangle(m, i);
        east |= std::min({t.x[0], t.x[1], t.x[2]}) > 170.0;
        west |= std::max({t.x[0], t.x[1], t.x[2]}) < -170.0;
    }
    CHECK(east);
    CHECK(west);
    CHECK(c->view_bounds.max_lon > 180.0);  // frames across the antimeridian
    CHECK(c->view_bounds.width() < 200.0);
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void spit(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no muster::Error)";
}

}  // namespace

// ================================================================ the committed GeoPackage

TEST_CASE("lod suffixes and mesh file names") {
    CHECK(std::string(muster::lod_suffix(Lod::coarse_110m)) == "110m");
    CHECK(std::string(muster::lod_suffix(Lod::medium_50m)) == "50m");
    CHECK(std::string(muster::lod_suffix(Lod::fine_10m)) == "10m");
    CHECK(muster::country_mesh_file("d", Lod::fine_10m) == fs::path("d/countries_10m.mesh"));
}

TEST_CASE("1:110m mesh: countries, indices, ranges") {
    const auto& m = mesh_110m();
    CHECK(m.countries.size() >= 170);
    CHECK(m.countries.size() <= 185);
    for (const char* iso : {"UA", "RU", "FJ", "US", "AQ", "FR"}) {
        CAPTURE(iso);
        CHECK(find(m, iso));
    }
    CHECK(find(m, "UA")->name == "Ukraine");
    check_well_formed(m);
    check_no_world_spanning(m);
    CHECK(m.fill_indices.size() / 3 > 5000);
    CHECK(m.outline_indices.size() / 2 > 5000);
}

TEST_CASE("Russia and Fiji are filled on both sides of the antimeridian") {
    check_both_sides_of_antimeridian(mesh_110m(), "RU");
    check_both_sides_of_antimeridian(mesh_110m(), "FJ");
    check_both_sides_of_antimeridian(mesh_10m(), "RU");
    check_both_sides_of_antimeridian(mesh_10m(), "FJ");
    const auto* ru = find(mesh_110m(), "RU");
    CHECK(ru->bounds.min_lon == -180.0);
    CHECK(ru->bounds.max_lon == 180.0);
    CHECK(ru->view_bounds.min_lon == doctest::Approx(19.6).epsilon(0.01));
}

TEST_CASE("Antarctica reaches the pole without a world-spanning triangle") {
    const auto& m = mesh_110m();
    const auto* aq = find(m, "AQ");
    REQUIRE(aq);
    CHECK(aq->bounds.min_lat == -90.0);
    CHECK(aq->view_bounds.width() == aq->bounds.width());
    // The pole-side triangles were cut, not dropped: the fill still covers the pole.
    CHECK(countries_at(m, -89.5, 0.0) == std::vector<std::string>{"AQ"});
    CHECK(countries_at(m, -89.5, 179.9) == std::vector<std::string>{"AQ"});
    CHECK(countries_at(m, -89.5, -179.9) == std::vector<std::string>{"AQ"});
}

TEST_CASE("1:10m mesh: well formed, Ukraine's area and where Kyiv is") {
    const auto& m = mesh_10m();
    CHECK(m.countries.size() >= 240);
    check_well_formed(m);
    check_no_world_spanning(m);

    const auto* ua = find(m, "UA");
    REQUIRE(ua);
    double km2 = 0.0;
    for (std::size_t i = ua->fill_first; i < ua->fill_first + ua->fill_count; i += 3) km2 += area_km2(triangle(m, i));
    // The triangles cover what the polygons cover.
    CHECK(km2 == doctest::Approx(geodesic_area_km2("UA", -1, -1)).epsilon(0.01));
    // Ukraine is 603,550 km² within its recognised borders, Crimea included
    // (tools/build_geodata.py gives the peninsula back from Russia's polygons).
    CHECK(km2 == doctest::Approx(603000.0).epsilon(0.05));
    CHECK(countries_at(m, 44.95, 34.10) == std::vector<std::string>{"UA"});  // Simferopol

    CHECK(countries_at(m, 50.45, 30.52) == std::vector<std::string>{"UA"});  // Kyiv
    CHECK(countries_at(m, 43.5, 34.0).empty());                               // Black Sea
    CHECK(countries_at(m, 55.75, 37.62) == std::vector<std::string>{"RU"});  // Moscow
    CHECK(countries_at(mesh_110m(), 50.45, 30.52) == std::vector<std::string>{"UA"});
    CHECK(countries_at(mesh_110m(), 43.5, 34.0).empty());

    // The label point is inside the country.
    bool label_inside = false;
    for (std::size_t i = ua->fill_first; i < ua->fill_first + ua->fill_count && !label_inside; i += 3)
        label_inside = contains(triangle(m, i), ua->label.lon, ua->label.lat);
    CHECK(label_inside);
}

TEST_CASE("1:50m mesh is well formed and between the other two in detail") {
    const auto m = muster::tessellate_countries(muster::default_geopackage(), Lod::medium_50m);
    check_well_formed(m);
    check_no_world_spanning(m);
    CHECK(m.fill_indices.size() > mesh_110m().fill_indices.size());
    CHECK(m.fill_indices.size() < mesh_10m().fill_indices.size());
}

// ================================================================ mesh files

TEST_CASE("mesh file round trip") {
    TempDir dir;
    const auto& m = mesh_110m();
    const fs::path file = dir.path / "countries_110m.mesh";
    muster::write_country_mesh(m, file, 12345);
    const CountryMesh r = muster::read_country_mesh(file, 12345);
    CHECK(r.fill_vertices == m.fill_vertices);
    CHECK(r.fill_country == m.fill_country);
    CHECK(r.fill_indices == m.fill_indices);
    CHECK(r.outline_vertices == m.outline_vertices);
    CHECK(r.outline_indices == m.outline_indices);
    REQUIRE(r.countries.size() == m.countries.size());
    for (std::size_t i = 0; i < m.countries.size(); i += 7) {
        const auto &a = m.countries[i], &b = r.countries[i];
        CHECK(a.iso_a2 == b.iso_a2);
        CHECK(a.name == b.name);
        CHECK(a.label.lat == b.label.lat);
        CHECK(a.label.lon == b.label.lon);
        CHECK(a.bounds.min_lon == b.bounds.min_lon);
        CHECK(a.bounds.max_lat == b.bounds.max_lat);
        CHECK(a.view_bounds.max_lon == b.view_bounds.max_lon);
        CHECK(a.fill_first == b.fill_first);
        CHECK(a.fill_count == b.fill_count);
        CHECK(a.outline_first == b.outline_first);
        CHECK(a.outline_count == b.outline_count);
    }
    // No temporary files left beside it.
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("broken mesh files are refused with the file's name") {
    TempDir dir;
    const fs::path good = dir.path / "good.mesh";
    muster::write_country_mesh(mesh_110m(), good, 777);
    const std::string bytes = slurp(good);
    const fs::path bad = dir.path / "bad.mesh";
    const auto read_bad = [&] { (void)muster::read_country_mesh(bad, 777); };

    for (std::size_t keep : {std::size_t{0}, std::size_t{5}, std::size_t{8}, std::size_t{40}, std::size_t{80},
                             bytes.size() / 2, bytes.size() - 1}) {
        CAPTURE(keep);
        spit(bad, bytes.substr(0, keep));
        CHECK(error_of(read_bad) == bad.string() + ": truncated mesh file (rebuild with cmake --build build)");
    }

    std::string wrong = bytes;
    wrong.replace(0, 8, "GPKGMESH");
    spit(bad, wrong);
    CHECK(error_of(read_bad).find(bad.string() + ": not a muster country mesh file") == 0);

    std::string flipped = bytes;
    flipped[bytes.size() / 3] = static_cast<char>(flipped[bytes.size() / 3] ^ 0x40);
    spit(bad, flipped);
    CHECK(error_of(read_bad).find(bad.string() + ": corrupt mesh file") == 0);

    spit(bad, bytes + "x");
    CHECK(error_of(read_bad).find(bad.string() + ": corrupt mesh file") == 0);

    std::string version = bytes;
    version[8] = 99;
    spit(bad, version);
    CHECK(error_of(read_bad).find(bad.string() + ": mesh format version 99") == 0);

    CHECK(error_of([&] { (void)muster::read_country_mesh(good, 778); })
              .find(good.string() + ": derived from a GeoPackage of 777 bytes") == 0);
    CHECK(error_of([&] { (void)muster::read_country_mesh(dir.path / "none.mesh", 777); })
              .find((dir.path / "none.mesh").string() + ": ") == 0);

    // An index past the vertices is caught even when the checksum matches.
    CountryMesh broken = mesh_110m();
    broken.fill_indices[3] = static_cast<std::uint32_t>(broken.fill_vertices.size());
    muster::write_country_mesh(broken, bad, 777);
    CHECK(error_of(read_bad).find(bad.string() + ": corrupt mesh file (fill index out of range)") == 0);
    broken = mesh_110m();
    broken.countries.back().fill_count += 3;
    muster::write_country_mesh(broken, bad, 777);
    CHECK(error_of(read_bad).find(bad.string() + ": corrupt mesh file (range of") == 0);
}

// ================================================================ robustness on unsplit data

namespace {

// A GeoPackage with one layer countries_110m holding the given WKT polygons.
void write_gpkg(const fs::path& file, const std::vector<std::pair<std::string, std::string>>& iso_wkt) {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    REQUIRE(driver);
    std::unique_ptr<GDALDataset> ds(driver->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(ds);
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = ds->CreateLayer("countries_110m", &wgs84, wkbMultiPolygon, nullptr);
    REQUIRE(layer);
    OGRFieldDefn iso("iso_a2", OFTString), name("name", OFTString);
    layer->CreateField(&iso);
    layer->CreateField(&name);
    for (const auto& [code, wkt] : iso_wkt) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetField("iso_a2", code.c_str());
        f.SetField("name", code.c_str());
        OGRGeometry* g = nullptr;
        REQUIRE(OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g) == OGRERR_NONE);
        f.SetGeometryDirectly(g);
        REQUIRE(layer->CreateFeature(&f) == OGRERR_NONE);
    }
}

}  // namespace

TEST_CASE("rings that cross the antimeridian unsplit or wind round a pole") {
    TempDir dir;
    const fs::path gpkg = dir.path / "unsplit.gpkg";
    write_gpkg(gpkg, {
        // 178°E..178°W, 16..18°S, as one ring jumping across ±180: 4° × 2°.
        {"FJ", "MULTIPOLYGON(((178 -18,-178 -18,-178 -16,178 -16,178 -18)))"},
        // A coast at 70°S all round the globe, not closed over the pole: 360° × 20°.
        {"AQ", "MULTIPOLYGON(((-180 -70,-120 -70,-60 -70,0 -70,60 -70,120 -70,180 -70,-180 -70)))"},
        // A square with a hole, repeated points and a hole listed clockwise: 100 - 4.
        {"XX", "MULTIPOLYGON(((0 0,10 0,10 0,10 10,0 10,0 0),(4 4,4 6,6 6,6 4,4 4)))"},
        // A self-intersecting bow tie: two triangles of 25 each.
        {"BT", "MULTIPOLYGON(((20 0,30 10,30 0,20 10,20 0)))"},
    });
    muster::TessellationNotes notes;
    const CountryMesh m = muster::tessellate_countries(gpkg, Lod::coarse_110m, &notes);
    check_well_formed(m);
    check_no_world_spanning(m);
    REQUIRE(m.countries.size() == 4);
    CHECK(planar_area(m, m.countries[0]) == doctest::Approx(8.0));
    CHECK(planar_area(m, m.countries[1]) == doctest::Approx(7200.0));
    CHECK(planar_area(m, m.countries[2]) == doctest::Approx(96.0));
    CHECK(planar_area(m, m.countries[3]) == doctest::Approx(50.0));
    CHECK(notes.antimeridian_jumps == 3);  // Fiji's two edges, and 180 → -180 at 70°S
    CHECK(notes.polar_rings == 1);
    CHECK(notes.split_triangles > 0);
    CHECK(notes.dropped_points == 1);
    check_both_sides_of_antimeridian(m, "FJ");
    CHECK(m.countries[0].view_bounds.min_lon == doctest::Approx(178.0));
    CHECK(m.countries[0].view_bounds.max_lon == doctest::Approx(182.0));
    CHECK(countries_at(m, -89.0, 45.0) == std::vector<std::string>{"AQ"});
    CHECK(countries_at(m, 5.0, 5.0).empty());  // the hole
    CHECK(countries_at(m, 2.0, 2.0) == std::vector<std::string>{"XX"});
    // Fiji's outline: the two crossing edges end at the map edge.
    const auto& fj = m.countries[0];
    std::size_t at_edge = 0;
    for (std::size_t i = fj.outline_first; i < fj.outline_first + fj.outline_count; ++i)
        at_edge += std::fabs(m.outline_vertices[2 * m.outline_indices[i]]) == 180.0f;
    CHECK(at_edge == 4);

    CHECK(error_of([&] { (void)muster::tessellate_countries(gpkg, Lod::fine_10m); }) ==
          gpkg.string() + ": no layer countries_10m (run tools/build-geodata.sh)");
    const fs::path text = dir.path / "not.gpkg";
    spit(text, "hello");
    CHECK(error_of([&] { (void)muster::tessellate_countries(text, Lod::fine_10m); }).find(text.string() + ": ") == 0);
    CHECK(error_of([&] { (void)muster::tessellate_countries(dir.path / "missing.gpkg", Lod::fine_10m); })
              .find((dir.path / "missing.gpkg").string() + ": not found") == 0);
}
