// Image exports: tiling that changes nothing, streamed PNG/JPEG/GeoTIFF of
// the requested size with the right colours at known places, --scale, map
// furniture, and failures (an unwritable folder, a full disk, a size past
// the limit) that leave no file. Headless: Mesa llvmpipe, no display.
#include "export/image_file.hpp"
#include "extract/open_document.hpp"
#include "render/headless_render.hpp"
#include "render/map_furniture.hpp"
#include "render/style.hpp"

#include "cli_scratch.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

using namespace muster;
namespace fs = std::filesystem;

namespace {

using muster::test::Run;

constexpr LatLon kyiv{50.4501, 30.5234};
constexpr LatLon black_sea{43.5, 34.0};
constexpr Extent ukraine_region{20.0, 43.0, 42.0, 57.0};

class Scratch : public muster::test::Scratch {
public:
    Scratch() : muster::test::Scratch("export-image") {}
};

const scenario::Scenario& buildup() {
    static const scenario::Scenario scenario = [] {
        std::vector<std::string> warnings;
        return extract::open_document(std::string(MUSTER_TEST_FIXTURES) + "/extract/buildup.txt", &warnings);
    }();
    return scenario;
}

struct DatasetCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(GDALDataset::ToHandle(dataset)); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

DatasetPtr open_raster(const fs::path& file) {
    GDALAllRegister();
    return DatasetPtr(GDALDataset::Open(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
}

std::array<int, 3> rgb_at(GDALDataset& dataset, ScreenPoint pixel) {
    std::array<std::uint8_t, 3> rgb{};
    int bands[] = {1, 2, 3};
    REQUIRE(dataset.RasterIO(GF_Read, static_cast<int>(pixel.x), static_cast<int>(pixel.y), 1, 1, rgb.data(), 1, 1,
                             GDT_Byte, 3, bands, 3, 3, 1, nullptr) == CE_None);
    return {rgb[0], rgb[1], rgb[2]};
}

bool near_colour(const std::array<int, 3>& rgb, const Rgba& colour, int tolerance) {
    return std::abs(rgb[0] - colour.red8()) <= tolerance && std::abs(rgb[1] - colour.green8()) <= tolerance &&
           std::abs(rgb[2] - colour.blue8()) <= tolerance;
}

std::vector<std::string> files_in(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// Compares two images of equal size pixel by pixel (RGB, `channels` bytes a
// pixel): how many differ at all, and the largest difference of a channel.
// Tiles see the same geometry at the same window coordinates, but the
// software rasteriser snaps each tile's vertices after its own viewport
// offset: a few anti-aliased edge pixels come out a rounding step apart and
// a few pixels of 1-pixel outlines one pixel over (about 0.03% here).
struct Difference {
    std::size_t pixels = 0;
    int largest = 0;
};

Difference compare(const std::uint8_t* a, const std::uint8_t* b, std::size_t count, int channels) {
    Difference d;
    for (std::size_t i = 0; i < count; ++i) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(a[i * channels + c] - b[i * channels + c]));
        d.pixels += worst > 0;
        d.largest = std::max(d.largest, worst);
    }
    return d;
}

}  // namespace

TEST_CASE("a map drawn in 32 tiles is the untiled map, pixel for pixel, furniture and symbols included") {
    HeadlessRenderRequest request;
    request.size = {512, 256};  // powers of two: ImGui's tile projections are exact too
    request.scenario = &buildup();
    request.furniture.title = "Forces gather on two fronts";
    request.furniture.legend = true;
    request.furniture.scale_bar = true;
    request.furniture.north_arrow = true;
    const HeadlessRender whole = render_map_headless(request);
    request.max_tile = 64;
    const HeadlessRender tiled = render_map_headless(request);
    REQUIRE(whole.image.pixels.size() == tiled.image.pixels.size());
    const Difference d = compare(whole.image.pixels.data(), tiled.image.pixels.data(), 512 * 256, 4);
    CHECK(d.pixels <= 512 * 256 / 1000);  // at most 0.1%: edge pixels, not shapes
    // Not a blank picture: the sea, land, symbols and text are all there.
    std::size_t distinct_rows = 0;
    for (int y = 1; y < 256; ++y)
        distinct_rows += std::memcmp(whole.image.at(0, y), whole.image.at(0, y - 1), 512 * 4) != 0;
    CHECK(distinct_rows > 100);
}

TEST_CASE("render -o x.png and x.jpg: the requested size, sea and land where they are") {
    Scratch scratch;
    const MapStyle style;
    const Camera camera = Camera::fit(ukraine_region, {800, 600});
    for (const char* name : {"map.png", "map.jpg", "map.JPEG"}) {
        const fs::path out = scratch.folder() / name;
        const Run run = scratch.muster("render --bbox 20,43,42,57 --size 800x600 -o " + quoted(out));
        INFO(name << " stderr: " << run.err);
        REQUIRE(run.exit_code == 0);
        const DatasetPtr dataset = open_raster(out);
        REQUIRE(dataset);
        CHECK(std::string(dataset->GetDriver()->GetDescription()) ==
              (std::string(name) == "map.png" ? "PNG" : "JPEG"));
        CHECK(dataset->GetRasterXSize() == 800);
        CHECK(dataset->GetRasterYSize() == 600);
        CHECK(dataset->GetRasterCount() == 3);
        const int tolerance = std::string(name) == "map.png" ? 1 : 6;  // JPEG is lossy
        CHECK(near_colour(rgb_at(*dataset, camera.to_screen(kyiv)), style.land, tolerance));
        CHECK(near_colour(rgb_at(*dataset, camera.to_screen(black_sea)), style.ocean, tolerance));
    }
}

TEST_CASE("render --scale 2 doubles the pixels of the same view") {
    Scratch scratch;
    const fs::path one = scratch.folder() / "one.png", two = scratch.folder() / "two.png";
    REQUIRE(scratch.muster("render --bbox 20,43,42,57 --size 400x300 -o " + quoted(one)).exit_code == 0);
    REQUIRE(scratch.muster("render --bbox 20,43,42,57 --size 400x300 --scale 2 -o " + quoted(two)).exit_code == 0);
    const DatasetPtr small = open_raster(one), large = open_raster(two);
    REQUIRE(small);
    REQUIRE(large);
    CHECK(large->GetRasterXSize() == 800);
    CHECK(large->GetRasterYSize() == 600);
    // Kyiv sits at twice the pixel coordinates, still on land.
    const ScreenPoint at_1x = Camera::fit(ukraine_region, {400, 300}).to_screen(kyiv);
    const ScreenPoint at_2x = Camera::fit(ukraine_region, {800, 600}).to_screen(kyiv);
    CHECK(at_2x.x == doctest::Approx(2 * at_1x.x).epsilon(0.001));
    CHECK(at_2x.y == doctest::Approx(2 * at_1x.y).epsilon(0.001));
    CHECK(near_colour(rgb_at(*large, at_2x), MapStyle{}.land, 1));
}

TEST_CASE("a GeoTIFF drawn in tiles is the untiled one, and places land within a pixel") {
    Scratch scratch;
    const fs::path whole = scratch.folder() / "whole.tif", tiled = scratch.folder() / "tiled.tif";
    REQUIRE(scratch.muster("render --bbox 20,43,42,57 --size 800x600 -o " + quoted(whole)).exit_code == 0);
    const Run run = scratch.muster("render --bbox 20,43,42,57 --size 800x600 --tile 128 --timing -o " + quoted(tiled));
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.find("35 tiles of 128x128") != std::string::npos);
    const DatasetPtr a = open_raster(whole), b = open_raster(tiled);
    REQUIRE(a);
    REQUIRE(b);
    std::vector<std::uint8_t> pa(800 * 600 * 3), pb(800 * 600 * 3);
    REQUIRE(a->RasterIO(GF_Read, 0, 0, 800, 600, pa.data(), 800, 600, GDT_Byte, 3, nullptr, 3, 800 * 3, 1, nullptr) ==
            CE_None);
    REQUIRE(b->RasterIO(GF_Read, 0, 0, 800, 600, pb.data(), 800, 600, GDT_Byte, 3, nullptr, 3, 800 * 3, 1, nullptr) ==
            CE_None);
    const Difference d = compare(pa.data(), pb.data(), 800 * 600, 3);
    CHECK(d.pixels <= 800 * 600 / 1000);
    // The geotransform maps three places to where the camera drew them.
    std::array<double, 6> gt{};
    REQUIRE(b->GetGeoTransform(gt.data()) == CE_None);
    const Camera camera = Camera::fit(ukraine_region, {800, 600});
    for (const LatLon place : {kyiv, black_sea, LatLon{53.9006, 27.5590}}) {
        const double x = 6378137.0 * place.lon * M_PI / 180.0;
        const double y = 6378137.0 * std::log(std::tan(M_PI / 4 + place.lat * M_PI / 360.0));
        const ScreenPoint drawn = camera.to_screen(place);
        CHECK(std::abs((x - gt[0]) / gt[1] - drawn.x) < 1.0);
        CHECK(std::abs((y - gt[3]) / gt[5] - drawn.y) < 1.0);
    }
}

TEST_CASE("the legend lists what the scenario shows, and only that") {
    const LegendContent legend = legend_content(buildup(), OverlayStyle{});
    std::vector<CountryRole> roles;
    for (const auto& row : legend.roles) roles.push_back(row.role);
    // RU forces (hostile), NATO's (allied: colours no country), hosts UA, BY, RO.
    CHECK(roles == std::vector<CountryRole>{CountryRole::actor_hostile, CountryRole::host});
    CHECK(legend.affiliations == std::vector<Affiliation>{Affiliation::hostile, Affiliation::friend_});
    CHECK(legend.border);
    // 90,000 troops is the largest; the scale stops at 20,000 (45 pt).
    CHECK(legend.halo_strengths == std::vector<double>{20000.0, 2000.0});
    CHECK(legend_content(scenario::Scenario{}, OverlayStyle{}).empty());
}

TEST_CASE("the scale bar is a round geodesic length at the centre's latitude") {
    const Camera ukraine = Camera::fit(ukraine_region, {800, 600});
    const ScaleBar bar = scale_bar_for(ukraine, 200.0);
    CHECK(bar.km == 500.0);  // 1 px is about 2.6 km at 50 N here: 200 px hold 520 km
    CHECK(bar.pixels <= 200.0);
    CHECK(bar.pixels > 180.0);
    CHECK(bar.latitude == doctest::Approx(ukraine.centre().lat).epsilon(0.01));
    // At the equator a degree of longitude is 111.32 km (WGS 84).
    Camera equator({1000, 500});
    equator.set_zoom(4.0);  // 4096 px = 360 degrees
    equator.set_centre({0.0, 0.0});
    const ScaleBar at_equator = scale_bar_for(equator, 300.0);
    CHECK(at_equator.km == 2000.0);
    CHECK(at_equator.pixels == doctest::Approx(2000.0 / (111.3195 * 360.0 / 4096.0)).epsilon(0.001));
    CHECK(format_km(2000.0) == "2,000");
    CHECK(format_km(0.5) == "0.5");
}

TEST_CASE("the legend and scale bar appear on an exported map and --no-legend --no-scale-bar take them off") {
    Scratch scratch;
    const fs::path article = fs::path(MUSTER_TEST_FIXTURES) / "extract" / "buildup.txt";
    const fs::path with = scratch.folder() / "with.png", without = scratch.folder() / "without.png";
    REQUIRE(scratch.muster("render " + quoted(article) + " --size 800x600 -o " + quoted(with)).exit_code == 0);
    REQUIRE(scratch.muster("render " + quoted(article) + " --size 800x600 --no-legend --no-scale-bar -o " +
                           quoted(without))
                .exit_code == 0);
    const DatasetPtr a = open_raster(with), b = open_raster(without);
    REQUIRE(a);
    REQUIRE(b);
    // The scale bar's corner differs, and the legend's wherever it went
    // (the corner hiding the fewest symbols); the rest of the map does not.
    auto differing = [&](int x0, int y0, int w, int h) {
        std::vector<std::uint8_t> pa(w * h * 3), pb(w * h * 3);
        REQUIRE(a->RasterIO(GF_Read, x0, y0, w, h, pa.data(), w, h, GDT_Byte, 3, nullptr, 3, w * 3, 1, nullptr) == CE_None);
        REQUIRE(b->RasterIO(GF_Read, x0, y0, w, h, pb.data(), w, h, GDT_Byte, 3, nullptr, 3, w * 3, 1, nullptr) == CE_None);
        std::size_t count = 0;
        for (std::size_t i = 0; i < pa.size(); i += 3) count += pa[i] != pb[i] || pa[i + 1] != pb[i + 1];
        return count;
    };
    CHECK(differing(12, 550, 130, 38) > 2000);
    const std::size_t everywhere = differing(0, 0, 800, 600);
    CHECK(everywhere > 20000);  // the legend: about 150 x 250 pixels
    CHECK(everywhere < 800 * 600 / 4);
}

TEST_CASE("render refuses sizes past 16384 with --scale, before drawing") {
    Scratch scratch;
    const fs::path out = scratch.folder() / "big.png";
    Run run = scratch.muster("render --size 9000x9000 --scale 2 -o " + quoted(out));
    CHECK(run.exit_code == 1);
    CHECK(run.err == "muster render: 9000x9000 at --scale 2 is 18000x18000, beyond the 16384x16384 limit\n");
    run = scratch.muster("render --scale 5 -o " + quoted(out));
    CHECK(run.exit_code == 1);
    CHECK(run.err == "muster render: option '--scale' expects a number from 1 to 4, got '5'\n");
    run = scratch.muster("render --fit -o " + quoted(out));
    CHECK(run.exit_code == 1);
    CHECK(run.err == "muster render: --fit frames INPUT's places; give an article or scenario to fit\n");
    CHECK(files_in(scratch.folder()).empty());
}

TEST_CASE("a full disk mid-image leaves no file, for PNG, JPEG and GeoTIFF") {
    Scratch scratch;
    // A file size limit of 64 KiB stands in for a full disk: writes past it
    // fail with EFBIG (SIGXFSZ ignored, as a shell's trap passes it on).
    for (const char* name : {"full.png", "full.jpg", "full.tif"}) {
        const fs::path out = scratch.folder() / name;
        const std::string command = "sh -c \"trap '' XFSZ; ulimit -f 64; exec '" + std::string(MUSTER_BINARY) +
                                    "' render --size 2000x2000 --samples 1 -o '" + out.string() + "'\"";
        const fs::path err = scratch.folder() / "err.txt";
        const int status = std::system((command + " 2>'" + err.string() + "' >/dev/null").c_str());
        const std::string message = muster::test::slurp(err);
        fs::remove(err);
        INFO(name << ": " << message);
        CHECK(WEXITSTATUS(status) == 1);
        CHECK(message.rfind(out.string() + ": cannot write (", 0) == 0);
        CHECK(message.find('\n') == message.size() - 1);
        CHECK(files_in(scratch.folder()).empty());
    }
}

TEST_CASE("image files by extension") {
    CHECK(image_format_for("a.PNG") == ImageFormat::png);
    CHECK(image_format_for("a.jpeg") == ImageFormat::jpeg);
    CHECK(image_format_for("a.Jpg") == ImageFormat::jpeg);
    CHECK(image_format_for("a.tiff") == ImageFormat::geotiff);
    CHECK_FALSE(image_format_for("a.bmp").has_value());
    CHECK_FALSE(image_format_for("png").has_value());
}

TEST_CASE("render --world-file places a JPEG too: .jgw, .prj and .aux.xml beside it") {
    Scratch scratch;
    const fs::path jpg = scratch.folder() / "map.jpg";
    const Run run = scratch.muster("render --bbox 20,43,42,57 --size 400x300 --world-file -o " + quoted(jpg));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(files_in(scratch.folder()) == std::vector<std::string>{"map.jgw", "map.jpg", "map.jpg.aux.xml", "map.prj"});
    // GDAL reads the georeference from the side files: Kyiv within a pixel.
    const DatasetPtr dataset = open_raster(jpg);
    REQUIRE(dataset);
    std::array<double, 6> gt{};
    REQUIRE(dataset->GetGeoTransform(gt.data()) == CE_None);
    const ScreenPoint drawn = Camera::fit(ukraine_region, {400, 300}).to_screen(kyiv);
    const double x = 6378137.0 * kyiv.lon * M_PI / 180.0;
    CHECK(std::abs((x - gt[0]) / gt[1] - drawn.x) < 1.0);
}
