// Georeferenced output of `muster render`: GeoTIFF (-o map.tif) and the PNG
// world file (--world-file), read back with GDAL and checked against the
// Camera the renderer uses, through the built binary as users run it.
#include "export/geotiff.hpp"
#include "render/camera.hpp"
#include "render/style.hpp"

#include "cli_scratch.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>
#include <sys/wait.h>
#include <unistd.h>

using namespace muster;
namespace fs = std::filesystem;

namespace {

constexpr Extent ukraine_region{20.0, 43.0, 42.0, 57.0};
constexpr PixelSize image_size{800, 600};
constexpr const char* render_args = "--bbox 20,43,42,57 --size 800x600";
constexpr LatLon kyiv{50.4501, 30.5234};
constexpr LatLon minsk{53.9006, 27.5590};
constexpr LatLon black_sea{43.5, 34.0};

using muster::test::Run;
using muster::test::slurp;

class Scratch : public muster::test::Scratch {
public:
    Scratch() : muster::test::Scratch("geotiff") {}
};

struct DatasetCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(GDALDataset::ToHandle(dataset)); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

DatasetPtr open_raster(const fs::path& file) {
    GDALAllRegister();
    return DatasetPtr(GDALDataset::Open(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
}

GeoTransform geotransform_of(GDALDataset& dataset) {
    GeoTransform gt{};
    REQUIRE(dataset.GetGeoTransform(gt.data()) == CE_None);
    return gt;
}

// lon/lat -> dataset CRS (through PROJ, independent of our own Mercator
// formula) -> pixel, by inverting the geotransform (no rotation here).
ScreenPoint pixel_of(GDALDataset& dataset, LatLon place) {
    OGRSpatialReference wgs84;
    REQUIRE(wgs84.importFromEPSG(4326) == OGRERR_NONE);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const OGRSpatialReference* target = dataset.GetSpatialRef();
    REQUIRE(target);
    OGRSpatialReference map_srs(*target);
    map_srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> transform(OGRCreateCoordinateTransformation(&wgs84, &map_srs));
    REQUIRE(transform);
    double x = place.lon, y = place.lat;
    REQUIRE(transform->Transform(1, &x, &y));
    const GeoTransform gt = geotransform_of(dataset);
    CHECK(gt[2] == 0.0);
    CHECK(gt[4] == 0.0);
    return {(x - gt[0]) / gt[1], (y - gt[3]) / gt[5]};
}

std::array<int, 3> rgb_at(GDALDataset& dataset, ScreenPoint pixel) {
    std::array<std::uint8_t, 3> rgb{};
    int bands[] = {1, 2, 3};
    REQUIRE(dataset.RasterIO(GF_Read, static_cast<int>(pixel.x), static_cast<int>(pixel.y), 1, 1, rgb.data(), 1, 1,
                             GDT_Byte, 3, bands, 3, 3, 1, nullptr) == CE_None);
    return {rgb[0], rgb[1], rgb[2]};
}

// Exact style colour, allowing one step of 8-bit rounding per channel.
bool has_colour(const std::array<int, 3>& rgb, const Rgba& colour) {
    auto close = [](int a, int b) { return std::abs(a - b) <= 1; };
    return close(rgb[0], colour.red8()) && close(rgb[1], colour.green8()) && close(rgb[2], colour.blue8());
}

std::vector<double> numbers_in(const fs::path& file) {
    std::ifstream in(file);
    std::vector<double> numbers;
    for (double value = 0; in >> value;) numbers.push_back(value);
    return numbers;
}

}  // namespace

TEST_CASE("render -o map.tif writes a tiled DEFLATE GeoTIFF in EPSG:3857 placed where the camera drew") {
    Scratch scratch;
    const fs::path tif = scratch.folder() / "map.tif";
    const Run run = scratch.muster(std::string("render ") + render_args + " -o '" + tif.string() + "'");
    INFO("stderr: " << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out == tif.string() + "\n");

    const DatasetPtr dataset = open_raster(tif);
    REQUIRE(dataset);
    CHECK(std::string(dataset->GetDriver()->GetDescription()) == "GTiff");
    CHECK(dataset->GetRasterXSize() == image_size.width);
    CHECK(dataset->GetRasterYSize() == image_size.height);
    CHECK((dataset->GetRasterCount() == 3 || dataset->GetRasterCount() == 4));
    const char* compression = dataset->GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE");
    CHECK(std::string(compression ? compression : "") == "DEFLATE");
    int block_x = 0, block_y = 0;
    dataset->GetRasterBand(1)->GetBlockSize(&block_x, &block_y);
    CHECK(block_x < image_size.width);  // tiled, not strips of whole rows
    CHECK(block_y > 1);

    const OGRSpatialReference* srs = dataset->GetSpatialRef();
    REQUIRE(srs);
    OGRSpatialReference identified(*srs);
    identified.AutoIdentifyEPSG();
    const char* code = identified.GetAuthorityCode(nullptr);
    CHECK(std::string(code ? code : "") == "3857");

    // Within one pixel of where the renderer's camera put each place.
    const Camera camera = Camera::fit(ukraine_region, image_size);
    for (const LatLon place : {kyiv, minsk, black_sea}) {
        const ScreenPoint from_file = pixel_of(*dataset, place);
        const ScreenPoint truth = camera.to_screen(place);
        INFO("lat " << place.lat << " lon " << place.lon << ": file (" << from_file.x << ", " << from_file.y
                    << "), camera (" << truth.x << ", " << truth.y << ")");
        CHECK(std::abs(from_file.x - truth.x) <= 1.0);
        CHECK(std::abs(from_file.y - truth.y) <= 1.0);
    }

    // And the pixels there are what the map shows (plain map: style colours).
    const MapStyle style;
    const auto kyiv_rgb = rgb_at(*dataset, pixel_of(*dataset, kyiv));
    INFO("Kyiv rgb " << kyiv_rgb[0] << "," << kyiv_rgb[1] << "," << kyiv_rgb[2]);
    CHECK(has_colour(kyiv_rgb, style.land));
    const auto sea_rgb = rgb_at(*dataset, pixel_of(*dataset, black_sea));
    INFO("Black Sea rgb " << sea_rgb[0] << "," << sea_rgb[1] << "," << sea_rgb[2]);
    CHECK(has_colour(sea_rgb, style.ocean));
    CHECK_FALSE(fs::exists(scratch.folder() / "map.tif.aux.xml"));
}

TEST_CASE("render --world-file writes a .pgw matching the GeoTIFF at pixel centres, and a .prj") {
    Scratch scratch;
    const fs::path tif = scratch.folder() / "map.tif", png = scratch.folder() / "map.png";
    REQUIRE(scratch.muster(std::string("render ") + render_args + " -o '" + tif.string() + "'").exit_code == 0);
    const Run run = scratch.muster(std::string("render ") + render_args + " --world-file -o '" + png.string() + "'");
    INFO("stderr: " << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out == png.string() + "\n");

    const DatasetPtr geotiff = open_raster(tif);
    REQUIRE(geotiff);
    const GeoTransform gt = geotransform_of(*geotiff);
    const std::vector<double> world = numbers_in(scratch.folder() / "map.pgw");
    REQUIRE(world.size() == 6);
    const double expected[6] = {gt[1], gt[4], gt[2], gt[5], gt[0] + gt[1] / 2.0, gt[3] + gt[5] / 2.0};
    for (int i = 0; i < 6; ++i) CHECK(world[i] == doctest::Approx(expected[i]).epsilon(1e-12));

    const std::string prj = slurp(scratch.folder() / "map.prj");
    CHECK(prj.rfind("PROJCS[", 0) == 0);
    CHECK(prj.find("Mercator_Auxiliary_Sphere") != std::string::npos);

    // GDAL itself reads the pair back as the GeoTIFF's georeference.
    const DatasetPtr placed = open_raster(png);
    REQUIRE(placed);
    const GeoTransform png_gt = geotransform_of(*placed);
    for (int i = 0; i < 6; ++i) CHECK(png_gt[i] == doctest::Approx(gt[i]).epsilon(1e-12));
    // ... and its CRS, from the .aux.xml side file.
    const OGRSpatialReference* png_srs = placed->GetSpatialRef();
    REQUIRE(png_srs);
    CHECK(std::string(png_srs->GetAuthorityCode(nullptr) ? png_srs->GetAuthorityCode(nullptr) : "") == "3857");
}

TEST_CASE("render --projection EPSG:3035 -o map.tif writes the LAEA CRS and its geotransform") {
    Scratch scratch;
    const fs::path tif = scratch.folder() / "laea.tif";
    const Run run =
        scratch.muster(std::string("render ") + render_args + " --projection EPSG:3035 -o '" + tif.string() + "'");
    INFO("stderr: " << run.err);
    REQUIRE(run.exit_code == 0);

    const DatasetPtr dataset = open_raster(tif);
    REQUIRE(dataset);
    const OGRSpatialReference* srs = dataset->GetSpatialRef();
    REQUIRE(srs);
    OGRSpatialReference identified(*srs);
    identified.AutoIdentifyEPSG();
    const char* code = identified.GetAuthorityCode(nullptr);
    CHECK(std::string(code ? code : "") == "3035");

    // GDAL and PROJ, from the file alone, put each place within one pixel of
    // where the renderer's LAEA camera drew it.
    const Camera camera = Camera::fit(ukraine_region, image_size, make_projection("EPSG:3035"));
    for (const LatLon place : {kyiv, minsk, black_sea}) {
        const ScreenPoint from_file = pixel_of(*dataset, place);
        const ScreenPoint truth = camera.to_screen(place);
        INFO("lat " << place.lat << " lon " << place.lon << ": file (" << from_file.x << ", " << from_file.y
                    << "), camera (" << truth.x << ", " << truth.y << ")");
        CHECK(std::abs(from_file.x - truth.x) <= 1.0);
        CHECK(std::abs(from_file.y - truth.y) <= 1.0);
    }
    const MapStyle style;
    CHECK(has_colour(rgb_at(*dataset, pixel_of(*dataset, kyiv)), style.land));
    CHECK(has_colour(rgb_at(*dataset, pixel_of(*dataset, black_sea)), style.ocean));

    // A PNG's side-cars carry the same CRS.
    const fs::path png = scratch.folder() / "laea.png";
    REQUIRE(scratch.muster(std::string("render ") + render_args + " --projection EPSG:3035 --world-file -o '" +
                           png.string() + "'")
                .exit_code == 0);
    CHECK(slurp(scratch.folder() / "laea.prj").find("Lambert_Azimuthal_Equal_Area") != std::string::npos);
    const DatasetPtr placed = open_raster(png);
    REQUIRE(placed);
    const GeoTransform gt = geotransform_of(*dataset), png_gt = geotransform_of(*placed);
    for (int i = 0; i < 6; ++i) CHECK(png_gt[i] == doctest::Approx(gt[i]).epsilon(1e-12));
}

TEST_CASE("world files: names and the six numbers") {
    CHECK(world_file_path("a/map.png") == fs::path("a/map.pgw"));
    CHECK(world_file_path("map.tiff") == fs::path("map.tfw"));
    CHECK(projection_file_path("a/map.png") == fs::path("a/map.prj"));
    std::istringstream text(world_file_text({100.0, 10.0, 0.0, 500.0, 0.0, -10.0}));
    std::vector<double> numbers;
    for (double value = 0; text >> value;) numbers.push_back(value);
    CHECK(numbers == std::vector<double>{10.0, 0.0, 0.0, -10.0, 105.0, 495.0});
}

TEST_CASE("the geotransform spans the Web Mercator square on a whole-world camera") {
    Camera camera({1024, 1024});
    camera.set_zoom(2.0);  // 1024 px = the world
    const GeoTransform gt = map_geotransform(camera);
    CHECK(gt[0] == doctest::Approx(-20037508.342789244));
    CHECK(gt[3] == doctest::Approx(20037508.342789244));
    CHECK(gt[1] == doctest::Approx(2 * 20037508.342789244 / 1024));
    CHECK(gt[5] == doctest::Approx(-gt[1]));
}

TEST_CASE("render refuses unknown extensions and unwritable paths, leaving no file") {
    Scratch scratch;
    const fs::path bmp = scratch.folder() / "map.bmp";
    Run run = scratch.muster("render --size 64x64 -o '" + bmp.string() + "'");
    CHECK(run.exit_code == 1);
    CHECK(run.err == "muster render: unsupported output extension '.bmp' (supported: .png, .jpg, .jpeg, .tif, .tiff)\n");
    CHECK(run.out.empty());
    CHECK_FALSE(fs::exists(bmp));

    run = scratch.muster("render --size 64x64 -o /nonexistent-dir/map.tif");
    CHECK(run.exit_code == 1);
    CHECK(run.err == "/nonexistent-dir/map.tif: cannot write (folder /nonexistent-dir does not exist)\n");
    CHECK_FALSE(fs::exists("/nonexistent-dir/map.tif"));

    // A folder where the file should go: refused before drawing, nothing added.
    const fs::path folder_target = scratch.folder() / "taken.tif";
    fs::create_directories(folder_target);
    run = scratch.muster("render --size 64x64 -o '" + folder_target.string() + "'");
    CHECK(run.exit_code == 1);
    CHECK(run.err == folder_target.string() + ": cannot write (it is a folder)\n");
    CHECK(fs::is_empty(folder_target));

    run = scratch.muster("render --size 64x64 --world-file -o '" + (scratch.folder() / "x.tif").string() + "'");
    CHECK(run.exit_code == 1);
    CHECK_FALSE(fs::exists(scratch.folder() / "x.tif"));

    // Nothing else was left behind (no temporaries, no side-cars).
    std::vector<std::string> left;
    for (const auto& entry : fs::directory_iterator(scratch.folder())) left.push_back(entry.path().filename().string());
    CHECK(left == std::vector<std::string>{"taken.tif"});
}
