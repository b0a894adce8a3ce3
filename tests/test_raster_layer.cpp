// Raster user layers: GeoTIFF, PNG and JPEG read through GDAL's three
// allowed drivers, warped to WGS 84 and drawn on the land (checked on pixels
// of headless renders at known places), and every refusal a user can meet,
// with the message they see. Every fixture is made here, with GDAL, in a
// scratch folder.
#include "core/error.hpp"
#include "geodata/layer_file.hpp"
#include "geodata/raster_file.hpp"
#include "render/headless_render.hpp"
#include "render/layers.hpp"
#include "render/projection.hpp"
#include "ui/document.hpp"
#include "ui/layers_panel.hpp"
#include "ui/view_state.hpp"

#include "cli_scratch.hpp"
#include "headless_imgui.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <imgui.h>
#include <imgui_internal.h>  // FindWindowByName: where the panel is
#include <ogr_spatialref.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <numbers>
#include <optional>
#include <string>

using namespace muster;
namespace fs = std::filesystem;

namespace {

using Rgb = std::array<int, 3>;
constexpr Rgb magenta{255, 0, 255};

// A 1x1-degree square of open Baltic Sea, east of Gotland: no label, border
// or graticule line near its middle at the views below.
constexpr Extent baltic_square{18.5, 56.0, 19.5, 57.0};
constexpr LatLon baltic_middle{56.5, 19.0};
constexpr LatLon baltic_south{55.5, 19.0};  // sea, outside the square
constexpr Extent baltic_view{15.0, 54.0, 23.0, 59.0};
// A square of Belarusian land (Polesia), with no border through it.
constexpr Extent polesia_square{27.0, 52.0, 28.0, 53.0};
constexpr LatLon polesia_west{52.5, 27.25};
constexpr LatLon polesia_east{52.5, 27.75};
constexpr Extent polesia_view{25.0, 51.0, 30.0, 54.0};

constexpr const char* raster_formats = " (muster reads rasters: GeoTIFF, PNG or JPEG with a world file)";
constexpr const char* layer_formats =
    " (muster reads vector files: GeoJSON, GeoPackage, Shapefile, KML, FlatGeobuf, CSV with lon/lat columns; "
    "rasters: GeoTIFF, PNG or JPEG with a world file)";

std::string wkt_of(int epsg) {
    OGRSpatialReference srs;
    srs.importFromEPSG(epsg);
    char* wkt = nullptr;
    srs.exportToWkt(&wkt);
    std::string out = wkt;
    CPLFree(wkt);
    return out;
}

// Web Mercator metres of a longitude and a latitude.
double mercator_x(double lon) { return 6378137.0 * lon * std::numbers::pi / 180.0; }
double mercator_y_m(double lat) {
    return 6378137.0 * std::log(std::tan(std::numbers::pi / 4.0 + lat * std::numbers::pi / 360.0));
}

// What a test image holds: its size, bands, type and where it lies.
struct Fixture {
    int width = 100, height = 100, bands = 3;
    GDALDataType type = GDT_Byte;
    std::array<double, 6> geotransform{};  // none when all zero
    int epsg = 0;                          // 0: no CRS
    std::optional<double> nodata;
    // Value of band b (0-based) at column x, row y.
    std::function<double(int x, int y, int b)> value = [](int, int, int b) { return magenta[b]; };
};

std::array<double, 6> degrees_over(const Extent& e, int width, int height) {
    return {e.min_lon, e.width() / width, 0.0, e.max_lat, 0.0, -e.height() / height};
}

// The fixture in a MEM dataset.
GDALDatasetUniquePtr in_memory(const Fixture& f) {
    GDALAllRegister();
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDatasetUniquePtr data(mem->Create("", f.width, f.height, f.bands, f.type, nullptr));
    REQUIRE(data);
    if (f.geotransform[1] != 0.0) {
        std::array<double, 6> gt = f.geotransform;
        data->SetGeoTransform(gt.data());
    }
    if (f.epsg) data->SetProjection(wkt_of(f.epsg).c_str());
    std::vector<double> row(static_cast<std::size_t>(f.width));
    for (int b = 0; b < f.bands; ++b) {
        GDALRasterBand* band = data->GetRasterBand(b + 1);
        if (f.nodata) band->SetNoDataValue(*f.nodata);
        for (int y = 0; y < f.height; ++y) {
            for (int x = 0; x < f.width; ++x) row[static_cast<std::size_t>(x)] = f.value(x, y, b);
            REQUIRE(band->RasterIO(GF_Write, 0, y, f.width, 1, row.data(), f.width, 1, GDT_Float64, 0, 0) == CE_None);
        }
    }
    return data;
}

// Written with GDAL's `driver` (GTiff, PNG, JPEG, BMP, ...) to path.
fs::path write_image(const fs::path& path, const Fixture& f, const char* driver = "GTiff") {
    GDALDatasetUniquePtr data = in_memory(f);
    GDALDriver* out = GetGDALDriverManager()->GetDriverByName(driver);
    REQUIRE(out);
    GDALDatasetUniquePtr written(out->CreateCopy(path.c_str(), data.get(), FALSE, nullptr, nullptr, nullptr));
    REQUIRE(written);
    return path;
}

// A world file: pixel size x, two rotations, pixel size y (negative), and
// the centre of the top-left pixel.
void write_world_file(const fs::path& path, const Extent& e, int width, int height) {
    std::ofstream out(path);
    out.precision(17);
    const double dx = e.width() / width, dy = e.height() / height;
    out << dx << "\n0\n0\n" << -dy << "\n" << e.min_lon + dx / 2 << "\n" << e.max_lat - dy / 2 << "\n";
}

std::string refusal(const std::function<void()>& read) {
    try {
        read();
    } catch (const Error& error) {
        return error.what();
    }
    return "(no error)";
}

HeadlessRender render_with(const LayerSettings& base, const Extent& bbox, ProjectionPtr projection = nullptr) {
    HeadlessRenderRequest request;
    request.size = {640, 480};
    request.bbox = bbox;
    request.layers = base;
    // Nothing of the base map's own over the pixels the tests read.
    request.layers.city_labels.visible = false;
    request.layers.country_names.visible = false;
    request.layers.graticule.visible = false;
    request.attribution = false;
    request.projection = std::move(projection);
    return render_map_headless(request);
}

Rgb rgb_at(const HeadlessRender& render, LatLon place) {
    const ScreenPoint p = render.camera.to_screen(place);
    const int x = static_cast<int>(p.x), y = static_cast<int>(p.y);
    REQUIRE(x >= 0);
    REQUIRE(y >= 0);
    REQUIRE(x < render.image.size.width);
    REQUIRE(y < render.image.size.height);
    const std::uint8_t* pixel = render.image.at(x, y);
    return {pixel[0], pixel[1], pixel[2]};
}

Rgb rgb(const Rgba& colour) { return {colour.red8(), colour.green8(), colour.blue8()}; }

Rgb blend(const Rgb& over, float alpha, const Rgb& under) {
    Rgb out{};
    for (int i = 0; i < 3; ++i) out[i] = static_cast<int>(std::lround(over[i] * alpha + under[i] * (1.0f - alpha)));
    return out;
}

bool near(const Rgb& a, const Rgb& b, int tolerance = 2) {
    for (int i = 0; i < 3; ++i)
        if (std::abs(a[i] - b[i]) > tolerance) return false;
    return true;
}

std::string describe(const Rgb& c) {
    return "rgb(" + std::to_string(c[0]) + "," + std::to_string(c[1]) + "," + std::to_string(c[2]) + ")";
}

// The box of the pixels that are (nearly) magenta: where the square landed.
struct PixelBox {
    int min_x = 1 << 30, min_y = 1 << 30, max_x = -1, max_y = -1;
};
PixelBox magenta_box(const HeadlessRender& render) {
    PixelBox box;
    for (int y = 0; y < render.image.size.height; ++y)
        for (int x = 0; x < render.image.size.width; ++x) {
            const std::uint8_t* p = render.image.at(x, y);
            if (!near({p[0], p[1], p[2]}, magenta, 40)) continue;
            box.min_x = std::min(box.min_x, x), box.max_x = std::max(box.max_x, x);
            box.min_y = std::min(box.min_y, y), box.max_y = std::max(box.max_y, y);
        }
    return box;
}

LayerSettings with_raster(const fs::path& path) {
    LayerSettings layers;
    layers.add_user_layer(std::make_shared<const RasterFile>(read_raster_file(path)));
    return layers;
}

}  // namespace

// ------------------------------------------------------------------ reading

TEST_CASE("a GeoTIFF in WGS 84 is read as RGBA over its extent") {
    test::Scratch scratch("raster-read");
    Fixture f;
    f.geotransform = degrees_over(baltic_square, 100, 100);
    f.epsg = 4326;
    const RasterFile file = read_raster_file(write_image(scratch.folder() / "square.tif", f));
    CHECK(file.name == "square.tif");
    CHECK(file.format == "GeoTIFF");
    CHECK(file.source_width == 100);
    CHECK(file.source_bands == 3);
    CHECK(file.crs == "WGS 84");
    CHECK(file.extent.min_lon == doctest::Approx(18.5));
    CHECK(file.extent.max_lon == doctest::Approx(19.5));
    CHECK(file.extent.min_lat == doctest::Approx(56.0));
    CHECK(file.extent.max_lat == doctest::Approx(57.0));
    CHECK(file.width == 100);
    CHECK(file.height == 100);
    const std::uint8_t* middle = file.pixel(50, 50);
    CHECK(Rgb{middle[0], middle[1], middle[2]} == magenta);
    CHECK(middle[3] == 255);
}

TEST_CASE("a GeoTIFF in Web Mercator lands on the same degrees as one in WGS 84") {
    test::Scratch scratch("raster-3857");
    Fixture f;
    f.geotransform = degrees_over(baltic_square, 100, 100);
    f.epsg = 4326;
    const fs::path wgs84 = write_image(scratch.folder() / "wgs84.tif", f);
    const double west = mercator_x(baltic_square.min_lon), east = mercator_x(baltic_square.max_lon);
    const double south = mercator_y_m(baltic_square.min_lat), north = mercator_y_m(baltic_square.max_lat);
    f.geotransform = {west, (east - west) / 100, 0.0, north, 0.0, -(north - south) / 100};
    f.epsg = 3857;
    const fs::path mercator = write_image(scratch.folder() / "mercator.tif", f);

    const RasterFile file = read_raster_file(mercator);
    CHECK(file.crs == "WGS 84 / Pseudo-Mercator");
    CHECK(file.extent.min_lon == doctest::Approx(18.5).epsilon(1e-6));
    CHECK(file.extent.max_lat == doctest::Approx(57.0).epsilon(1e-6));

    const PixelBox a = magenta_box(render_with(with_raster(wgs84), baltic_view));
    const PixelBox b = magenta_box(render_with(with_raster(mercator), baltic_view));
    REQUIRE(a.max_x > a.min_x);
    CHECK(std::abs(a.min_x - b.min_x) <= 2);
    CHECK(std::abs(a.max_x - b.max_x) <= 2);
    CHECK(std::abs(a.min_y - b.min_y) <= 2);
    CHECK(std::abs(a.max_y - b.max_y) <= 2);
}

TEST_CASE("a PNG with a world file is placed as WGS 84 degrees, a JPEG too") {
    test::Scratch scratch("raster-png");
    Fixture f;
    f.width = 50, f.height = 50;
    const fs::path png = write_image(scratch.folder() / "scan.png", f, "PNG");
    write_world_file(scratch.folder() / "scan.pgw", baltic_square, 50, 50);
    const RasterFile file = read_raster_file(png);
    CHECK(file.format == "PNG");
    CHECK(file.crs == "WGS 84 (assumed: no coordinate system given)");
    CHECK(file.extent.min_lon == doctest::Approx(18.5));
    CHECK(file.extent.max_lat == doctest::Approx(57.0));
    CHECK(near(rgb_at(render_with(with_raster(png), baltic_view), baltic_middle), magenta));

    const fs::path jpeg = write_image(scratch.folder() / "photo.jpg", f, "JPEG");
    write_world_file(scratch.folder() / "photo.jgw", baltic_square, 50, 50);
    const RasterFile photo = read_raster_file(jpeg);
    CHECK(photo.format == "JPEG");
    const std::uint8_t* middle = photo.pixel(25, 25);
    CHECK(near({middle[0], middle[1], middle[2]}, magenta, 8));  // JPEG is lossy
}

TEST_CASE("a world file with an ESRI .prj beside it is read in that coordinate system") {
    test::Scratch scratch("raster-prj");
    Fixture f;
    f.width = 50, f.height = 50;
    const fs::path png = write_image(scratch.folder() / "utm.png", f, "PNG");
    // 50 km of UTM zone 34N (EPSG:32634) east of 500 km easting, near 56 N.
    std::ofstream(scratch.folder() / "utm.pgw") << "1000\n0\n0\n-1000\n500500\n6249500\n";
    std::ofstream(scratch.folder() / "utm.prj")
        << R"(PROJCS["WGS_1984_UTM_Zone_34N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",21.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]])";
    const RasterFile file = read_raster_file(png);
    CHECK(file.crs == "WGS 84 / UTM zone 34N");  // GDAL recognises the ESRI name
    CHECK(file.extent.min_lon == doctest::Approx(21.0).epsilon(0.01));
    CHECK(file.extent.max_lat == doctest::Approx(56.37).epsilon(0.01));
}

TEST_CASE("grey with nodata: the nodata half is transparent, the map shows through") {
    test::Scratch scratch("raster-nodata");
    Fixture f;
    f.bands = 1;
    f.geotransform = degrees_over(polesia_square, 100, 100);
    f.epsg = 4326;
    f.nodata = 0.0;
    f.value = [](int x, int, int) { return x < 50 ? 0.0 : 128.0; };
    const fs::path tif = write_image(scratch.folder() / "grey.tif", f);
    const RasterFile file = read_raster_file(tif);
    CHECK(file.pixel(10, 50)[3] == 0);
    CHECK(file.pixel(90, 50)[3] == 255);
    CHECK(file.pixel(90, 50)[0] == 128);

    const HeadlessRender render = render_with(with_raster(tif), polesia_view);
    const Rgb west = rgb_at(render, polesia_west), east = rgb_at(render, polesia_east);
    INFO("west " << describe(west) << ", east " << describe(east));
    CHECK(near(west, rgb(MapStyle{}.land)));
    CHECK(near(east, {128, 128, 128}));
}

TEST_CASE("an RGBA PNG keeps its transparency: the map shows through where alpha is 0") {
    test::Scratch scratch("raster-rgba");
    Fixture f;
    f.bands = 4;
    f.value = [](int x, int, int b) { return b < 3 ? magenta[static_cast<std::size_t>(b)] : (x < 50 ? 0.0 : 255.0); };
    GDALDatasetUniquePtr data = in_memory(f);
    data->GetRasterBand(4)->SetColorInterpretation(GCI_AlphaBand);
    const fs::path png = scratch.folder() / "overlay.png";
    GDALDatasetUniquePtr(GetGDALDriverManager()->GetDriverByName("PNG")->CreateCopy(png.c_str(), data.get(), FALSE,
                                                                                     nullptr, nullptr, nullptr));
    write_world_file(scratch.folder() / "overlay.pgw", polesia_square, 100, 100);
    const RasterFile file = read_raster_file(png);
    CHECK(file.pixel(10, 50)[3] == 0);
    CHECK(file.pixel(90, 50)[3] == 255);
    const HeadlessRender render = render_with(with_raster(png), polesia_view);
    CHECK(near(rgb_at(render, polesia_west), rgb(MapStyle{}.land)));
    CHECK(near(rgb_at(render, polesia_east), magenta));
}

TEST_CASE("a colour table is expanded, Int16 heights are stretched black to white") {
    test::Scratch scratch("raster-bands");
    Fixture palette;
    palette.bands = 1;
    palette.geotransform = degrees_over(polesia_square, 100, 100);
    palette.epsg = 4326;
    palette.value = [](int x, int, int) { return x < 50 ? 0.0 : 1.0; };
    {
        GDALDatasetUniquePtr data = in_memory(palette);
        GDALColorTable table;
        const GDALColorEntry red{200, 30, 30, 255}, blue{20, 40, 220, 255};
        table.SetColorEntry(0, &red);
        table.SetColorEntry(1, &blue);
        data->GetRasterBand(1)->SetColorTable(&table);
        GDALDatasetUniquePtr written(GetGDALDriverManager()->GetDriverByName("GTiff")->CreateCopy(
            (scratch.folder() / "palette.tif").c_str(), data.get(), FALSE, nullptr, nullptr, nullptr));
        REQUIRE(written);
    }
    const RasterFile coloured = read_raster_file(scratch.folder() / "palette.tif");
    CHECK(Rgb{coloured.pixel(10, 50)[0], coloured.pixel(10, 50)[1], coloured.pixel(10, 50)[2]} == Rgb{200, 30, 30});
    CHECK(Rgb{coloured.pixel(90, 50)[0], coloured.pixel(90, 50)[1], coloured.pixel(90, 50)[2]} == Rgb{20, 40, 220});

    Fixture dem;
    dem.width = 101, dem.height = 101;
    dem.bands = 1;
    dem.type = GDT_Int16;
    dem.geotransform = degrees_over(polesia_square, 101, 101);
    dem.epsg = 4326;
    dem.value = [](int x, int, int) { return 100.0 + 10.0 * x; };  // 100 m in the west to 1,100 m in the east
    const RasterFile heights = read_raster_file(write_image(scratch.folder() / "dem.tif", dem));
    CHECK(heights.source_type == "Int16");
    CHECK(heights.stretched);
    CHECK(heights.stretch_min == 100.0);
    CHECK(heights.stretch_max == 1100.0);
    CHECK(heights.pixel(0, 50)[0] == 0);
    CHECK(heights.pixel(100, 50)[0] == 255);
    CHECK(heights.pixel(50, 50)[0] == 128);
    CHECK(ui::describe_raster(heights) ==
          "GeoTIFF: 101 \u00d7 101 px, 1 band of Int16 (100 to 1100 drawn black to white)\nWGS 84\n"
          "drawn as 101 \u00d7 101 px in WGS 84");
}

TEST_CASE("a raster larger than the image kept is read decimated") {
    test::Scratch scratch("raster-decimate");
    Fixture f;
    f.width = 6000, f.height = 1500, f.bands = 1;
    f.geotransform = degrees_over({26.0, 52.0, 30.0, 53.0}, 6000, 1500);  // square pixels
    f.epsg = 4326;
    f.value = [](int x, int, int) { return x < 3000 ? 60.0 : 200.0; };
    const RasterFile file = read_raster_file(write_image(scratch.folder() / "wide.tif", f));
    CHECK(file.width == max_raster_image_side);
    CHECK(file.height == 1024);
    CHECK(file.pixel(100, 500)[0] == 60);
    CHECK(file.pixel(4000, 500)[0] == 200);
}

TEST_CASE("ground control points place a scanned map, latitudes are cut at Web Mercator's limit, rasters off the world are refused") {
    test::Scratch scratch("raster-gcps");
    Fixture f;
    f.epsg = 0;
    GDALDatasetUniquePtr data = in_memory(f);
    GDAL_GCP gcps[4];
    GDALInitGCPs(4, gcps);
    const std::array<std::array<double, 4>, 4> points{{{0, 0, 27.0, 53.0}, {100, 0, 28.0, 53.0},
                                                        {0, 100, 27.0, 52.0}, {100, 100, 28.0, 52.0}}};
    for (std::size_t i = 0; i < 4; ++i) {
        gcps[i].dfGCPPixel = points[i][0], gcps[i].dfGCPLine = points[i][1];
        gcps[i].dfGCPX = points[i][2], gcps[i].dfGCPY = points[i][3];
    }
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    REQUIRE(data->SetGCPs(4, gcps, &wgs84) == CE_None);
    GDALDeinitGCPs(4, gcps);
    const fs::path scan = scratch.folder() / "scan.tif";
    GDALDatasetUniquePtr(GetGDALDriverManager()->GetDriverByName("GTiff")->CreateCopy(scan.c_str(), data.get(), FALSE,
                                                                                       nullptr, nullptr, nullptr));
    const RasterFile placed = read_raster_file(scan);
    CHECK(placed.extent.min_lon == doctest::Approx(27.0).epsilon(1e-3));
    CHECK(placed.extent.max_lat == doctest::Approx(53.0).epsilon(1e-3));

    Fixture world;
    world.width = 360, world.height = 180;
    world.geotransform = {-180.0, 1.0, 0.0, 90.0, 0.0, -1.0};
    world.epsg = 4326;
    const RasterFile whole = read_raster_file(write_image(scratch.folder() / "world.tif", world));
    CHECK(whole.extent.max_lat == doctest::Approx(mercator_max_lat));
    CHECK(whole.extent.min_lat == doctest::Approx(-mercator_max_lat));
    CHECK(whole.extent.min_lon == doctest::Approx(-180.0));

    Fixture polar = world;
    polar.width = 100, polar.height = 30;
    polar.geotransform = {0.0, 1.0, 0.0, 89.0, 0.0, -0.1};  // 86 to 89 N
    const fs::path arctic = write_image(scratch.folder() / "arctic.tif", polar);
    CHECK(refusal([&] { read_raster_file(arctic); }) ==
          arctic.string() + ": lies beyond 85 degrees of latitude, where the map ends");
    Fixture astray = world;
    astray.width = 10, astray.height = 10;
    astray.geotransform = {1000.0, 0.1, 0.0, 50.0, 0.0, -0.1};
    const fs::path far = write_image(scratch.folder() / "astray.tif", astray);
    CHECK(refusal([&] { read_raster_file(far); }) ==
          far.string() + ": its georeferencing puts it off the world (longitudes 1000 to 1001)");
}

TEST_CASE("a coordinate system named by URL in an .aux.xml is not fetched") {
    test::Scratch scratch("raster-url-crs");
    Fixture f;
    f.width = 50, f.height = 50;
    const fs::path png = write_image(scratch.folder() / "scan.png", f, "PNG");
    write_world_file(scratch.folder() / "scan.pgw", baltic_square, 50, 50);
    std::ofstream(scratch.folder() / "scan.png.aux.xml")
        << "<PAMDataset><SRS>http://127.0.0.1:9/crs.wkt</SRS></PAMDataset>\n";
    const RasterFile file = read_raster_file(png);  // nothing listens on port 9: a fetch would fail, not hang
    CHECK(file.crs == "WGS 84 (assumed: no coordinate system given)");
    CHECK(file.extent.min_lon == doctest::Approx(18.5));
}

// ------------------------------------------------------------------ drawing

TEST_CASE("a raster layer draws on the land where it lies, hidden nothing, at half opacity half") {
    test::Scratch scratch("raster-draw");
    Fixture f;
    f.geotransform = degrees_over(polesia_square, 100, 100);
    f.epsg = 4326;
    LayerSettings layers = with_raster(write_image(scratch.folder() / "square.tif", f));
    const Rgb land = rgb(MapStyle{}.land);
    const Rgb inside = rgb_at(render_with(layers, polesia_view), polesia_east);
    INFO("inside: " << describe(inside));
    CHECK(near(inside, magenta));
    CHECK(near(rgb_at(render_with(layers, polesia_view), {51.5, 27.5}), land));  // south of it

    layers.user_layers[0].look.visible = false;
    CHECK(near(rgb_at(render_with(layers, polesia_view), polesia_east), land));
    layers.user_layers[0].look = {true, 0.5f};
    const Rgb half = rgb_at(render_with(layers, polesia_view), polesia_east);
    INFO("half: " << describe(half));
    CHECK(near(half, blend(magenta, 0.5f, land)));
}

TEST_CASE("a raster follows the projection: LAEA Europe puts it where the place is") {
    test::Scratch scratch("raster-laea");
    Fixture f;
    f.geotransform = degrees_over(polesia_square, 100, 100);
    f.epsg = 4326;
    const LayerSettings layers = with_raster(write_image(scratch.folder() / "square.tif", f));
    const HeadlessRender render = render_with(layers, polesia_view, make_projection("EPSG:3035"));
    CHECK(near(rgb_at(render, polesia_east), magenta));
    CHECK(near(rgb_at(render, polesia_west), magenta));
    CHECK(near(rgb_at(render, {51.5, 27.5}), rgb(MapStyle{}.land)));
}

TEST_CASE("without a bbox the map frames the raster layers") {
    test::Scratch scratch("raster-frame");
    Fixture f;
    f.geotransform = degrees_over(polesia_square, 100, 100);
    f.epsg = 4326;
    HeadlessRenderRequest request;
    request.size = {640, 480};
    request.layers = with_raster(write_image(scratch.folder() / "square.tif", f));
    const Extent shown = request_camera(request).visible_extent();
    CHECK(shown.min_lon <= 27.0);
    CHECK(shown.max_lon >= 28.0);
    CHECK(shown.min_lat <= 52.0);
    CHECK(shown.max_lat >= 53.0);
    CHECK(shown.width() < 10.0);  // framed on it, not the world
}

TEST_CASE("muster render --layer draws a GeoTIFF under the map's marks") {
    test::Scratch scratch("raster-cli");
    Fixture f;
    f.geotransform = degrees_over(baltic_square, 100, 100);
    f.epsg = 4326;
    const fs::path tif = write_image(scratch.folder() / "square.tif", f);
    const fs::path png = scratch.folder() / "map.png";
    const test::Run run = scratch.muster("render --layer '" + tif.string() + "' --bbox 15,54,23,59 --size 640x480 -o '" +
                                         png.string() + "'");
    INFO("stderr: " << run.err);
    REQUIRE(run.exit_code == 0);
    GDALDatasetUniquePtr image(GDALDataset::Open(png.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(image);
    const Camera camera = Camera::fit(baltic_view, {640, 480});
    auto pixel_at = [&](LatLon place) {
        const ScreenPoint at = camera.to_screen(place);
        Rgb pixel{};
        for (int band = 1; band <= 3; ++band) {
            std::uint8_t value = 0;
            REQUIRE(image->GetRasterBand(band)->RasterIO(GF_Read, int(at.x), int(at.y), 1, 1, &value, 1, 1, GDT_Byte,
                                                         0, 0) == CE_None);
            pixel[band - 1] = value;
        }
        return pixel;
    };
    CHECK(near(pixel_at(baltic_middle), magenta));
    CHECK(near(pixel_at(baltic_south), rgb(MapStyle{}.ocean)));

    const fs::path bmp = write_image(scratch.folder() / "scan.bmp", f, "BMP");
    const fs::path bad_png = scratch.folder() / "bad.png";
    const test::Run bad = scratch.muster("render --layer '" + bmp.string() + "' -o '" + bad_png.string() + "'");
    CHECK(bad.exit_code == 1);
    CHECK(bad.err == bmp.string() + ": BMP files are not read" + layer_formats + "\n");
    CHECK_FALSE(fs::exists(bad_png));
}

TEST_CASE("a host country's hatching still shows over an opaque raster") {
    // An opaque magenta image over most of Belarus. Drawn over the plain map
    // it is magenta throughout; over a briefing that makes Belarus a host
    // of deployments, the hatch stripes cross it, as they cross the land
    // fill elsewhere.
    test::Scratch scratch("raster-hatch");
    const Extent belarus_square{24.5, 52.2, 30.5, 55.2};
    Fixture f;
    f.geotransform = degrees_over(belarus_square, 120, 60);
    f.epsg = 4326;
    const fs::path tif = write_image(scratch.folder() / "belarus.tif", f);
    const fs::path article = scratch.folder() / "article.txt";
    std::ofstream(article) << "Russia is deploying 30,000 troops into Belarus for joint exercises.\n";
    const std::string common = " --layer '" + tif.string() + "' --bbox 22,50,34,57 --size 640x480 --no-legend -o '";
    const fs::path plain = scratch.folder() / "plain.png", briefing = scratch.folder() / "briefing.png";
    REQUIRE(scratch.muster("render" + common + plain.string() + "'").exit_code == 0);
    const test::Run run = scratch.muster("render '" + article.string() + "'" + common + briefing.string() + "'");
    INFO("stderr: " << run.err);
    REQUIRE(run.exit_code == 0);

    // A 60x40 window in the south-west of the square, clear of the unit
    // symbol and of the larger cities' labels.
    const Camera camera = Camera::fit(Extent{22, 50, 34, 57}, {640, 480});
    const ScreenPoint corner = camera.to_screen(LatLon{52.7, 25.5});
    auto magenta_share = [&](const fs::path& png) {
        GDALDatasetUniquePtr image(GDALDataset::Open(png.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
        REQUIRE(image);
        constexpr int w = 60, h = 40;
        std::array<std::vector<std::uint8_t>, 3> bands;
        for (int b = 0; b < 3; ++b) {
            bands[b].resize(w * h);
            REQUIRE(image->GetRasterBand(b + 1)->RasterIO(GF_Read, int(corner.x), int(corner.y) - h, w, h,
                                                          bands[b].data(), w, h, GDT_Byte, 0, 0) == CE_None);
        }
        int count = 0;
        for (int i = 0; i < w * h; ++i) count += near({bands[0][i], bands[1][i], bands[2][i]}, magenta, 40) ? 1 : 0;
        return static_cast<double>(count) / (w * h);
    };
    const double plain_share = magenta_share(plain), hatched_share = magenta_share(briefing);
    INFO("magenta share: plain " << plain_share << ", hatched " << hatched_share);
    CHECK(plain_share > 0.9);
    CHECK(hatched_share < plain_share - 0.1);  // stripes 2 pt wide every 9 pt: about a fifth
    CHECK(hatched_share > 0.5);                // the image still shows between them
}

// ------------------------------------------------------------------ refusals

TEST_CASE("a PNG without a world file is refused: muster cannot place it") {
    test::Scratch scratch("raster-nogeo");
    Fixture f;
    f.width = 20, f.height = 20;
    const fs::path png = write_image(scratch.folder() / "photo.png", f, "PNG");
    const std::string expected =
        png.string() + ": no georeferencing (no GeoTIFF tags or world file beside it); muster cannot place it on the map";
    CHECK(refusal([&] { read_raster_file(png); }) == expected);
    CHECK(refusal([&] { read_layer_file(png); }) == expected);
}

TEST_CASE("a world file in metres with no coordinate system is refused") {
    test::Scratch scratch("raster-metres");
    Fixture f;
    f.width = 20, f.height = 20;
    const fs::path png = write_image(scratch.folder() / "plan.png", f, "PNG");
    std::ofstream(scratch.folder() / "plan.pgw") << "100\n0\n0\n-100\n500050\n6200050\n";
    CHECK(refusal([&] { read_raster_file(png); }) ==
          png.string() + ": georeferenced without a coordinate system, and its coordinates are not longitude/latitude "
                         "degrees (put the CRS in a .prj beside it, or save it as a GeoTIFF)");
}

TEST_CASE("raster formats outside the allow-list are refused, naming what muster reads") {
    test::Scratch scratch("raster-bmp");
    Fixture f;
    f.geotransform = degrees_over(baltic_square, 100, 100);
    const fs::path bmp = write_image(scratch.folder() / "scan.bmp", f, "BMP");
    CHECK(refusal([&] { read_raster_file(bmp); }) == bmp.string() + ": BMP files are not read" + raster_formats);
    CHECK(refusal([&] { read_layer_file(bmp); }) == bmp.string() + ": BMP files are not read" + layer_formats);
    const fs::path img = write_image(scratch.folder() / "scene.img", f, "HFA");
    CHECK(refusal([&] { read_layer_file(img); }) == img.string() + ": HFA files are not read" + layer_formats);
}

TEST_CASE("rasters over a network or GDAL's virtual file systems are refused before GDAL sees them") {
    for (const std::string path : {"/vsicurl/http://127.0.0.1:9/scene.tif", "http://127.0.0.1:9/scene.tif",
                                   "/vsizip//tmp/x.zip/scene.tif"}) {
        CHECK(refusal([&] { read_raster_file(path); }) ==
              path + ": not a local file (muster reads raster files on this machine, never over a network)");
        CHECK(refusal([&] { read_layer_file(path); }) ==
              path + ": not a local file (muster reads vector and raster files on this machine, never over a network)");
    }
}

TEST_CASE("a huge raster is refused before a pixel is read") {
    test::Scratch scratch("raster-huge");
    GDALAllRegister();
    auto sparse = [&](const char* name, int width, int height) {
        const fs::path path = scratch.folder() / name;
        const char* options[] = {"SPARSE_OK=TRUE", "TILED=YES", "BLOCKXSIZE=1024", "BLOCKYSIZE=1024", nullptr};
        GDALDatasetUniquePtr data(GetGDALDriverManager()->GetDriverByName("GTiff")->Create(
            path.c_str(), width, height, 1, GDT_Byte, const_cast<char**>(options)));
        REQUIRE(data);
        std::array<double, 6> gt{20.0, 1e-4, 0.0, 55.0, 0.0, -1e-4};
        data->SetGeoTransform(gt.data());
        data->SetProjection(wkt_of(4326).c_str());
        return path;
    };
    const fs::path wide = sparse("wide.tif", 100'000, 1'000);
    CHECK(refusal([&] { read_raster_file(wide); }) ==
          wide.string() + ": 100,000 x 1,000 pixels is more than muster reads (at most 65,536 on a side and "
                          "1,073,741,824 in all; make a smaller copy, e.g. gdal_translate -outsize 25% 25%)");
    const fs::path big = sparse("big.tif", 40'000, 30'000);
    CHECK(refusal([&] { read_raster_file(big); }) ==
          big.string() + ": 40,000 x 30,000 pixels is more than muster reads (at most 65,536 on a side and "
                         "1,073,741,824 in all; make a smaller copy, e.g. gdal_translate -outsize 25% 25%)");
}

TEST_CASE("a truncated or garbage .tif is refused in one line") {
    test::Scratch scratch("raster-broken");
    Fixture f;
    f.width = 400, f.height = 400;
    f.geotransform = degrees_over(baltic_square, 400, 400);
    f.epsg = 4326;
    f.value = [](int x, int y, int b) { return (x * 7 + y * 13 + b * 29) % 256; };
    const fs::path tif = write_image(scratch.folder() / "cut.tif", f);
    fs::resize_file(tif, fs::file_size(tif) / 2);
    const std::string cut = refusal([&] { read_raster_file(tif); });
    CHECK(cut.rfind(tif.string() + ": cannot read as GeoTIFF", 0) == 0);
    CHECK(cut.find('\n') == std::string::npos);

    const fs::path garbage = scratch.folder() / "garbage.tif";
    std::ofstream(garbage, std::ios::binary) << std::string(4096, '\x5a');
    CHECK(refusal([&] { read_raster_file(garbage); }) == garbage.string() + ": not a raster file" + raster_formats);
    CHECK(refusal([&] { read_layer_file(garbage); }) ==
          garbage.string() + ": not a vector or raster file" + layer_formats);
}

TEST_CASE("bands muster cannot draw are refused") {
    test::Scratch scratch("raster-5band");
    Fixture f;
    f.bands = 5;
    f.geotransform = degrees_over(baltic_square, 100, 100);
    f.epsg = 4326;
    f.value = [](int, int, int) { return 10.0; };
    const fs::path tif = write_image(scratch.folder() / "multispectral.tif", f);
    CHECK(refusal([&] { read_raster_file(tif); }) ==
          tif.string() + ": 5 bands; muster draws 1 band (grey or a colour table), 3 (RGB), or either with an alpha "
                         "band");
}

// ------------------------------------------------------------------ the window

TEST_CASE("a dropped GeoTIFF becomes a raster layer, .tif and .png files open as layers") {
    test::Scratch scratch("raster-drop");
    Fixture f;
    f.geotransform = degrees_over(polesia_square, 100, 100);
    f.epsg = 4326;
    const fs::path tif = write_image(scratch.folder() / "square.tif", f);
    CHECK(ui::classify_file(tif) == ui::FileKind::raster_layer);
    CHECK(ui::classify_file(scratch.folder() / "scan.PNG") == ui::FileKind::raster_layer);
    CHECK(ui::classify_file(scratch.folder() / "photo.jpeg") == ui::FileKind::raster_layer);

    ui::ViewState state;
    state.camera = Camera::fit(polesia_view, {640, 480});
    ui::accept_dropped_file(state, tif);
    ui::add_dropped_vector_files(state);
    CHECK(state.notice.empty());
    REQUIRE(state.layers.user_layers.size() == 1);
    const UserLayer& layer = state.layers.user_layers[0];
    REQUIRE(layer.raster);
    CHECK_FALSE(layer.file);
    CHECK(layer.name() == "square.tif");
    CHECK(near(rgb_at(render_with(state.layers, polesia_view), polesia_east), magenta));
}

TEST_CASE("the Layers panel lists vector files over rasters, as the map stacks them") {
    test::Scratch scratch("raster-panel");
    Fixture f;
    f.geotransform = degrees_over(polesia_square, 100, 100);
    f.epsg = 4326;
    ui::ViewState state;
    state.show_layers = true;
    state.layers.add_user_layer(read_layer_file(fs::path(MUSTER_TEST_FIXTURES) / "layers" / "suwalki.geojson"));
    state.layers.add_user_layer(read_layer_file(write_image(scratch.folder() / "square.tif", f)));  // newest
    test::HeadlessImGuiContext context;
    ImGuiIO& io = ImGui::GetIO();
    auto frame = [&](float x, float y, bool down) {
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        ui::draw_layers_panel(state);
        ImGui::EndFrame();
    };
    frame(0, 0, false);
    const ImGuiWindow* window = ImGui::FindWindowByName("Layers");
    REQUIRE(window);
    // Down the right-hand column, where only the user layers' remove buttons
    // are: the first one met is the top row's.
    const float x = window->Pos.x + window->Size.x - ImGui::GetStyle().WindowPadding.x - 10.0f;
    for (float y = window->Pos.y + 20.0f; y < window->Pos.y + window->Size.y && state.layers.user_layers.size() == 2;
         y += 3.0f)
        for (const bool down : {false, true, false}) frame(x, y, down);
    REQUIRE(state.layers.user_layers.size() == 1);
    CHECK(state.layers.user_layers[0].raster);  // the vector file was the top row, though added first
}
