// Reading the user's vector files (geodata/vector_file.hpp): what each
// allowed format gives, reprojection to WGS 84, and the exact one-line
// refusals for everything else. Fixtures in tests/fixtures/layers.
#include "core/error.hpp"
#include "geodata/vector_file.hpp"

#include <doctest/doctest.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <gdal_utils.h>

#include <filesystem>
#include <string>
#include <unistd.h>

using namespace muster;
namespace fs = std::filesystem;

namespace {

const fs::path fixtures = fs::path(MUSTER_TEST_FIXTURES) / "layers";

const std::string formats =
    " (muster reads GeoJSON, GeoPackage, Shapefile, KML, FlatGeobuf, CSV with lon/lat columns)";

// The message read_vector_file throws for path.
std::string refusal(const fs::path& path, std::size_t max_features = max_vector_features) {
    try {
        read_vector_file(path, max_features);
    } catch (const Error& error) {
        return error.what();
    }
    return "(read without error)";
}

// The Suwałki polygon of suwalki.geojson, converted with GDAL into `driver`'s format.
fs::path converted(const fs::path& folder, const char* driver, const char* extension) {
    GDALAllRegister();
    GDALDatasetH source = GDALOpenEx((fixtures / "suwalki.geojson").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    REQUIRE(source);
    const fs::path target = folder / (std::string("suwalki.") + extension);
    const char* const arguments[] = {"-f", driver, nullptr};
    GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(const_cast<char**>(arguments), nullptr);
    int failed = 0;
    CPLPushErrorHandler(CPLQuietErrorHandler);  // the Shapefile's Latin-1 attributes lose the 'ł' of Suwałki
    GDALDatasetH result = GDALVectorTranslate(target.c_str(), nullptr, 1, &source, options, &failed);
    CPLPopErrorHandler();
    GDALVectorTranslateOptionsFree(options);
    REQUIRE(result);
    GDALClose(result);
    GDALClose(source);
    return target;
}

}  // namespace

TEST_CASE("a GeoJSON polygon is read with its rings, name, format and extent") {
    const VectorFile file = read_vector_file(fixtures / "suwalki.geojson");
    CHECK(file.name == "suwalki.geojson");
    CHECK(file.format == "GeoJSON");
    CHECK(file.features == 1);
    REQUIRE(file.geometry.polygons.size() == 1);
    const auto& outer = file.geometry.polygons[0][0];
    CHECK(outer.size() == 8);  // the closing point is not repeated
    CHECK(outer[0] == LatLon{54.38, 22.30});
    CHECK(outer[1] == LatLon{54.42, 22.95});
    REQUIRE(file.extent);
    CHECK(file.extent->min_lon == doctest::Approx(22.30));
    CHECK(file.extent->max_lon == doctest::Approx(24.10));
    CHECK(file.extent->min_lat == doctest::Approx(53.72));
    CHECK(file.extent->max_lat == doctest::Approx(54.42));
}

TEST_CASE("a CSV with lon and lat columns gives points") {
    const VectorFile file = read_vector_file(fixtures / "airfields.csv");
    CHECK(file.format == "CSV");
    REQUIRE(file.geometry.points.size() == 3);
    CHECK(file.geometry.points[0] == LatLon{53.10, 26.05});
    CHECK(file.geometry.points[2] == LatLon{53.78, 27.58});
}

TEST_CASE("a file in Web Mercator metres is reprojected to longitude and latitude") {
    const VectorFile file = read_vector_file(fixtures / "web-mercator.geojson");
    REQUIRE(file.geometry.points.size() == 1);
    CHECK(file.geometry.points[0].lon == doctest::Approx(20.5).epsilon(1e-9));
    CHECK(file.geometry.points[0].lat == doctest::Approx(54.7).epsilon(1e-9));
    REQUIRE(file.geometry.lines.size() == 1);
    CHECK(file.geometry.lines[0][1].lon == doctest::Approx(23.9).epsilon(1e-9));
    CHECK(file.geometry.lines[0][1].lat == doctest::Approx(53.9).epsilon(1e-9));
}

TEST_CASE("GeoPackage, Shapefile, KML and FlatGeobuf give the same polygon as the GeoJSON") {
    const fs::path folder = fs::temp_directory_path() / ("muster-test-vector-" + std::to_string(getpid()));
    fs::create_directories(folder);
    const VectorFile original = read_vector_file(fixtures / "suwalki.geojson");
    struct Format {
        const char* driver;
        const char* extension;
        const char* label;
    };
    for (const Format& format : {Format{"GPKG", "gpkg", "GeoPackage"}, Format{"ESRI Shapefile", "shp", "Shapefile"},
                                 Format{"KML", "kml", "KML"}, Format{"FlatGeobuf", "fgb", "FlatGeobuf"}}) {
        INFO(format.driver);
        const VectorFile file = read_vector_file(converted(folder, format.driver, format.extension));
        CHECK(file.format == format.label);
        CHECK(file.features == 1);
        REQUIRE(file.geometry.polygons.size() == 1);
        const auto& ring = file.geometry.polygons[0][0];
        REQUIRE(ring.size() == original.geometry.polygons[0][0].size());
        // Shapefiles store outer rings clockwise: compare as sets of corners.
        for (const LatLon& corner : original.geometry.polygons[0][0]) {
            const bool found = std::any_of(ring.begin(), ring.end(), [&](const LatLon& p) {
                return std::abs(p.lat - corner.lat) < 1e-9 && std::abs(p.lon - corner.lon) < 1e-9;
            });
            CHECK(found);
        }
    }
    fs::remove_all(folder);
}

TEST_CASE("files muster cannot use are refused in one line naming the file") {
    const fs::path broken = fixtures / "broken.geojson";
    CHECK(refusal(broken) == broken.string() + ": cannot read as GeoJSON (Failed to read GeoJSON data)");
    const fs::path text = fixtures / "notes.txt";
    CHECK(refusal(text) == text.string() + ": not a vector file" + formats);
    const fs::path missing = fixtures / "missing.geojson";
    CHECK(refusal(missing) == missing.string() + ": cannot read (No such file or directory)");
    CHECK(refusal(fixtures) == fixtures.string() + ": cannot read (Is a directory)");
    const fs::path empty = fixtures / "empty.geojson";
    CHECK(refusal(empty) == empty.string() + ": no features");
    const fs::path no_columns = fixtures / "no-columns.csv";
    CHECK(refusal(no_columns) ==
          no_columns.string() + ": no features with a geometry (a CSV needs lon and lat columns, or a WKT column)");
    const fs::path metres = fixtures / "metres-without-crs.geojson";
    CHECK(refusal(metres) == metres.string() +
                                 ": coordinates are not longitude/latitude degrees (a file in another coordinate "
                                 "system must name it: save it as WGS 84, or add a .prj)");
}

TEST_CASE("formats outside the allow-list and remote paths are refused") {
    const fs::path gpx = fixtures / "track.gpx";
    CHECK(refusal(gpx) == gpx.string() + ": GPX files are not read" + formats);
    const fs::path disguised = fixtures / "gpx-named.csv";
    CHECK(refusal(disguised) == disguised.string() + ": not a CSV file but GPX" + formats);
    CHECK(refusal("/vsicurl/http://127.0.0.1:9/front.geojson") ==
          "/vsicurl/http://127.0.0.1:9/front.geojson: not a local file (muster reads vector files on this machine, "
          "never over a network)");
    CHECK(refusal("https://example.invalid/front.geojson") ==
          "https://example.invalid/front.geojson: not a local file (muster reads vector files on this machine, never "
          "over a network)");
}

TEST_CASE("more features than the limit are refused") {
    const fs::path csv = fixtures / "airfields.csv";
    CHECK(refusal(csv, 2) == csv.string() + ": too many features (over 2)");
    CHECK(read_vector_file(csv, 3).features == 3);
    CHECK(max_vector_features == 1'000'000);
}
