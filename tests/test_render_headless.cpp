// The renderer drawing real Natural Earth meshes into an offscreen surface:
// checks exact colours at known places, the antimeridian, levels of detail,
// shader errors and PNG output. Needs no display and no GPU (Mesa llvmpipe).
#include "core/error.hpp"
#include "export/png_writer.hpp"
#include "platform/offscreen_surface.hpp"
#include "render/camera.hpp"
#include "render/headless_render.hpp"
#include "render/map_renderer.hpp"
#include "render/shader_program.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <unistd.h>

using namespace muster;
namespace fs = std::filesystem;

namespace {

constexpr LatLon kyiv{50.4501, 30.5234};
constexpr LatLon black_sea{43.5, 34.0};
constexpr LatLon chukotka_east_of_180{66.0, -172.0};
constexpr LatLon kamchatka{56.0, 159.0};
constexpr LatLon mid_pacific{10.0, -140.0};
constexpr Extent ukraine_region{20.0, 43.0, 42.0, 57.0};

// The pixel a place falls in, through the camera that drew the image.
const std::uint8_t* pixel_at(const HeadlessRender& render, LatLon place) {
    const ScreenPoint p = render.camera.to_screen(place);
    const int x = static_cast<int>(p.x), y = static_cast<int>(p.y);
    REQUIRE(x >= 0);
    REQUIRE(y >= 0);
    REQUIRE(x < render.image.size.width);
    REQUIRE(y < render.image.size.height);
    return render.image.at(x, y);
}

// Exact style colour, allowing one step of 8-bit rounding per channel.
bool has_colour(const std::uint8_t* pixel, const Rgba& colour) {
    auto close = [](int a, int b) { return std::abs(a - b) <= 1; };
    return close(pixel[0], colour.red8()) && close(pixel[1], colour.green8()) && close(pixel[2], colour.blue8()) &&
           pixel[3] == 255;
}

std::string describe(const std::uint8_t* pixel) {
    return "rgba(" + std::to_string(pixel[0]) + "," + std::to_string(pixel[1]) + "," + std::to_string(pixel[2]) +
           "," + std::to_string(pixel[3]) + ")";
}

const HeadlessRender& ukraine_render() {
    static const HeadlessRender render = [] {
        HeadlessRenderRequest request;
        request.size = {800, 600};
        request.bbox = ukraine_region;
        return render_map_headless(request);
    }();
    return render;
}

const HeadlessRender& world_render() {
    static const HeadlessRender render = [] {
        HeadlessRenderRequest request;
        request.size = {1920, 1080};
        return render_map_headless(request);
    }();
    return render;
}

// One square "country" per level, each covering a different area, so a test
// can tell from pixels which level was drawn.
CountryMesh square_mesh(double west, double south, double east, double north) {
    CountryMesh mesh;
    mesh.fill_vertices = {float(west), float(south), float(east), float(south), float(east), float(north),
                          float(west), float(north)};
    mesh.fill_country = {0, 0, 0, 0};
    mesh.fill_indices = {0, 1, 2, 0, 2, 3};
    mesh.outline_vertices = mesh.fill_vertices;
    mesh.outline_indices = {0, 1, 1, 2, 2, 3, 3, 0};
    CountryMesh::Country country;
    country.name = "Square";
    country.bounds = {west, south, east, north};
    country.fill_count = 6;
    country.outline_count = 8;
    mesh.countries.push_back(country);
    return mesh;
}

fs::path temp_folder() {
    const fs::path folder = fs::temp_directory_path() / ("muster-test-render-" + std::to_string(getpid()));
    fs::create_directories(folder);
    return folder;
}

}  // namespace

TEST_CASE("an OpenGL 3.3 core context is available without a display") {
    OffscreenSurface surface({64, 32});
    CHECK(surface.drawable_size().width == 64);
    CHECK(surface.drawable_size().height == 32);
    CHECK(GlSurface::describe_context().rfind("OpenGL ", 0) == 0);
    const RgbaImage image = surface.read_pixels();
    CHECK(image.pixels.size() == 64u * 32u * 4u);
}

TEST_CASE("offscreen surfaces refuse impossible sizes") {
    CHECK_THROWS_WITH_AS(OffscreenSurface({0, 10}), "offscreen surface 0x10: each side must be 1..16384", Error);
    CHECK_THROWS_WITH_AS(OffscreenSurface({10, 16385}), "offscreen surface 10x16385: each side must be 1..16384",
                         Error);
}

TEST_CASE("read-back puts the top of the image in row 0") {
    OffscreenSurface surface({16, 16});
    surface.bind_framebuffer();
    glViewport(0, 0, 16, 16);
    glClearColor(0.0f, 0.0f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_SCISSOR_TEST);
    glScissor(0, 8, 16, 8);  // GL's upper half (y counts up from the bottom)
    glClearColor(1.0f, 0.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
    const RgbaImage image = surface.read_pixels();
    CHECK(image.at(3, 0)[0] == 255);   // top row: red
    CHECK(image.at(3, 15)[2] == 255);  // bottom row: blue
    CHECK(image.at(3, 15)[0] == 0);
}

TEST_CASE("a shader that does not compile is named with the driver's first log line") {
    OffscreenSurface surface({8, 8});
    const std::string good_fragment = "#version 330 core\nout vec4 c;\nvoid main() { c = vec4(1.0); }\n";
    try {
        (void)ShaderProgram::from_sources("#version 330 core\nvoid main() { gl_Position = undeclared; }\n", "broken.vert",
                                          good_fragment, "good.frag");
        FAIL("no error for a broken shader");
    } catch (const Error& e) {
        const std::string message = e.what();
        CHECK(message.rfind("broken.vert: compile error: ", 0) == 0);
        CHECK(message.find("undeclared") != std::string::npos);
        CHECK(message.find('\n') == std::string::npos);
    }
}

TEST_CASE("the map's own shaders compile and link") {
    OffscreenSurface surface({8, 8});
    const ShaderProgram program = ShaderProgram::from_files("map.vert", "solid.frag");
    CHECK(program.uniform("u_centre") >= 0);
    CHECK(program.uniform("u_scale") >= 0);
    CHECK(program.uniform("u_colour") >= 0);
}

TEST_CASE("Ukraine region: Kyiv is land, the Black Sea is sea") {
    const HeadlessRender& render = ukraine_render();
    const MapStyle style;
    const auto* kyiv_pixel = pixel_at(render, kyiv);
    INFO("Kyiv pixel " << describe(kyiv_pixel));
    CHECK(has_colour(kyiv_pixel, style.land));
    const auto* sea_pixel = pixel_at(render, black_sea);
    INFO("Black Sea pixel " << describe(sea_pixel));
    CHECK(has_colour(sea_pixel, style.ocean));
}

TEST_CASE("Ukraine region: borders are drawn between land and land") {
    // Along the parallel through Kyiv, going west to Poland, the colour must
    // change to the outline colour somewhere (the Ukraine-Poland border at ~24 E).
    const HeadlessRender& render = ukraine_render();
    const MapStyle style;
    const int y = static_cast<int>(render.camera.to_screen({50.5, 24.0}).y);
    const int x_from = static_cast<int>(render.camera.to_screen({50.5, 22.5}).x);
    const int x_to = static_cast<int>(render.camera.to_screen({50.5, 25.5}).x);
    int darker = 0;
    for (int x = x_from; x <= x_to; ++x)
        if (render.image.at(x, y)[0] < style.land.red8() - 20) ++darker;
    CHECK(darker >= 1);
    CHECK(darker <= 4);  // a line, not a filled area
}

TEST_CASE("world view: Chukotka east of the antimeridian is land, mid-Pacific is sea") {
    const HeadlessRender& render = world_render();
    const MapStyle style;
    const auto* chukotka = pixel_at(render, chukotka_east_of_180);
    INFO("Chukotka pixel " << describe(chukotka));
    CHECK(has_colour(chukotka, style.land));
    const auto* pacific = pixel_at(render, mid_pacific);
    INFO("Pacific pixel " << describe(pacific));
    CHECK(has_colour(pacific, style.ocean));
}

TEST_CASE("a Pacific view draws both sides of the antimeridian") {
    HeadlessRenderRequest request;
    request.size = {800, 500};
    request.bbox = Extent{150.0, 50.0, 200.0, 72.0};  // Kamchatka to Alaska, across 180
    const HeadlessRender render = render_map_headless(request);
    const MapStyle style;
    CHECK(render.camera.centre().lon == doctest::Approx(175.0));
    const auto* east = pixel_at(render, chukotka_east_of_180);  // drawn from the copy shifted by +360
    INFO("Chukotka pixel " << describe(east));
    CHECK(has_colour(east, style.land));
    CHECK(has_colour(pixel_at(render, kamchatka), style.land));
    CHECK(has_colour(pixel_at(render, {55.0, 178.0}), style.ocean));  // Bering Sea
}

TEST_CASE("the renderer reports levels, copies and culling") {
    OffscreenSurface surface({800, 600});
    MapRenderer renderer;
    surface.bind_framebuffer();

    renderer.draw(Camera::world_view({800, 600}));
    CHECK(renderer.last_frame().drawn == Lod::coarse_110m);
    CHECK(renderer.last_frame().world_copies == 1);
    CHECK(renderer.last_frame().triangles > 0);

    renderer.draw(Camera::fit(ukraine_region, {800, 600}));
    const auto& ukraine = renderer.last_frame();
    CHECK(ukraine.wanted == Lod::fine_10m);
    CHECK(ukraine.drawn == Lod::fine_10m);
    CHECK(ukraine.triangles > 1000);
    // Culled: far less than the whole 1:10m world (Russia's far east included).
    CHECK(ukraine.triangles * 5 < ukraine.mesh_triangles);

    Camera pacific({800, 600});
    pacific.set_zoom(4.0);
    pacific.set_centre({60.0, 180.0});
    renderer.draw(pacific);
    CHECK(renderer.last_frame().drawn == Lod::medium_50m);
    CHECK(renderer.last_frame().world_copies == 2);
}

TEST_CASE("background loading draws the coarser level until the finer one is ready") {
    OffscreenSurface surface({800, 200});
    // Coarse: a square over 0..10 E; fine: a square over 20..30 E.
    auto loader = [](Lod lod) {
        if (lod == Lod::fine_10m) std::this_thread::sleep_for(std::chrono::milliseconds(200));
        return lod == Lod::fine_10m ? square_mesh(20.0, -5.0, 30.0, 5.0) : square_mesh(0.0, -5.0, 10.0, 5.0);
    };
    MapRenderer renderer(MapStyle{}, DetailLoading::background, loader);
    Camera camera({800, 200});  // about 35 degrees wide: both squares in view
    camera.set_zoom(5.0);
    camera.set_centre({0.0, 15.0});
    surface.bind_framebuffer();

    renderer.draw(camera);
    CHECK(renderer.last_frame().wanted == Lod::fine_10m);
    CHECK(renderer.last_frame().drawn == Lod::coarse_110m);
    CHECK(renderer.last_frame().loading);

    for (int i = 0; i < 100 && renderer.last_frame().drawn != Lod::fine_10m; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        renderer.draw(camera);
    }
    CHECK(renderer.last_frame().drawn == Lod::fine_10m);
    CHECK_FALSE(renderer.last_frame().loading);
    const RgbaImage image = surface.read_pixels();
    const MapStyle style;
    const ScreenPoint fine_square = camera.to_screen({2.5, 27.5});  // off the 5-degree graticule
    const ScreenPoint coarse_square = camera.to_screen({2.5, 7.5});
    CHECK(has_colour(image.at(int(fine_square.x), int(fine_square.y)), style.land));
    CHECK(has_colour(image.at(int(coarse_square.x), int(coarse_square.y)), style.ocean));
}

TEST_CASE("a failed background level keeps the coarser one and says why") {
    OffscreenSurface surface({100, 100});
    auto loader = [](Lod lod) -> CountryMesh {
        if (lod != Lod::coarse_110m) throw Error("countries_50m.mesh: truncated");
        return square_mesh(0.0, -5.0, 10.0, 5.0);
    };
    MapRenderer renderer(MapStyle{}, DetailLoading::background, loader);
    Camera camera({100, 100});
    camera.set_zoom(4.0);
    surface.bind_framebuffer();
    for (int i = 0; i < 100 && renderer.detail_failure().empty(); ++i) {
        renderer.draw(camera);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK(renderer.last_frame().drawn == Lod::coarse_110m);
    CHECK(renderer.detail_failure() == "1:50m countries unavailable: countries_50m.mesh: truncated");
}

TEST_CASE("PNG files round-trip through GDAL with their size and colours") {
    const fs::path folder = temp_folder();
    const fs::path file = folder / "map.png";
    const HeadlessRender& render = ukraine_render();
    write_png(render.image, file);
    GDALAllRegister();
    GDALDataset* dataset = GDALDataset::Open(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY);
    REQUIRE(dataset);
    CHECK(dataset->GetRasterXSize() == 800);
    CHECK(dataset->GetRasterYSize() == 600);
    CHECK(dataset->GetRasterCount() == 3);
    const ScreenPoint sea = render.camera.to_screen(black_sea);
    std::uint8_t rgb[3] = {};
    for (int band = 1; band <= 3; ++band)
        CHECK(dataset->GetRasterBand(band)->RasterIO(GF_Read, int(sea.x), int(sea.y), 1, 1, &rgb[band - 1], 1, 1,
                                                     GDT_Byte, 0, 0) == CE_None);
    GDALClose(dataset);
    const MapStyle style;
    CHECK(int(rgb[0]) == doctest::Approx(style.ocean.red8()).epsilon(0.01));
    CHECK(int(rgb[2]) == doctest::Approx(style.ocean.blue8()).epsilon(0.01));
    // Only the PNG is left: no temporary file, no GDAL side-car.
    int entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) ++entries;
    CHECK(entries == 1);
    fs::remove_all(folder);
}

TEST_CASE("an unwritable PNG target fails with one line and leaves nothing") {
    RgbaImage image;
    image.size = {2, 2};
    image.pixels.assign(16, 200);
    CHECK_THROWS_WITH_AS(write_png(image, "/nonexistent-dir/x.png"),
                         "/nonexistent-dir/x.png: cannot write (folder /nonexistent-dir does not exist)", Error);
    CHECK_FALSE(fs::exists("/nonexistent-dir/x.png"));
}

TEST_CASE("a border between two countries is drawn once") {
    OffscreenSurface surface({200, 100});
    // Two squares sharing the edge x = 10, each with its own ring.
    auto loader = [](Lod) {
        CountryMesh mesh = square_mesh(0.0, 0.0, 10.0, 10.0);
        const CountryMesh east = square_mesh(10.0, 0.0, 20.0, 10.0);
        const auto base = static_cast<std::uint32_t>(mesh.outline_vertices.size() / 2);
        mesh.outline_vertices.insert(mesh.outline_vertices.end(), east.outline_vertices.begin(),
                                     east.outline_vertices.end());
        for (std::uint32_t index : east.outline_indices) mesh.outline_indices.push_back(base + index);
        return mesh;
    };
    MapRenderer renderer(MapStyle{}, DetailLoading::blocking, loader);
    Camera camera({200, 100});
    camera.set_zoom(2.0);
    camera.set_centre({5.0, 10.0});
    surface.bind_framebuffer();
    renderer.draw(camera);
    CHECK(renderer.last_frame().outline_segments == 7);  // 8 + 8 ring segments, the shared one once
}
