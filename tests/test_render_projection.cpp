// The map drawn in projections other than Web Mercator (headless, Mesa
// llvmpipe): land and sea where they belong in LAEA Europe, the disc of a
// world view, switching back and forth with one renderer, and the command
// line's --projection option.
#include "platform/offscreen_surface.hpp"
#include "render/camera.hpp"
#include "render/headless_render.hpp"
#include "render/map_renderer.hpp"
#include "render/projection.hpp"

#include "cli_scratch.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

using namespace muster;
namespace fs = std::filesystem;

namespace {

constexpr LatLon warsaw{52.2297, 21.0122};
constexpr LatLon baltic_sea{55.5, 18.0};     // open sea between Gotland and Poland
constexpr LatLon bay_of_biscay{46.3, -3.3};  // off the graticule's 5-degree lines
constexpr LatLon madrid{40.4168, -3.7038};
constexpr Extent europe{-12.0, 34.0, 42.0, 62.0};

const std::uint8_t* pixel_at(const RgbaImage& image, const Camera& camera, LatLon place) {
    const ScreenPoint p = camera.to_screen(place);
    const int x = static_cast<int>(p.x), y = static_cast<int>(p.y);
    REQUIRE(x >= 0);
    REQUIRE(y >= 0);
    REQUIRE(x < image.size.width);
    REQUIRE(y < image.size.height);
    return image.at(x, y);
}

bool has_colour(const std::uint8_t* pixel, const Rgba& colour) {
    auto close = [](int a, int b) { return std::abs(a - b) <= 1; };
    return close(pixel[0], colour.red8()) && close(pixel[1], colour.green8()) && close(pixel[2], colour.blue8());
}

std::string describe(const std::uint8_t* pixel) {
    return "rgb(" + std::to_string(pixel[0]) + "," + std::to_string(pixel[1]) + "," + std::to_string(pixel[2]) + ")";
}

const HeadlessRender& europe_in_laea() {
    static const HeadlessRender render = [] {
        HeadlessRenderRequest request;
        request.size = {800, 600};
        request.bbox = europe;
        request.projection = make_projection("EPSG:3035");
        return render_map_headless(request);
    }();
    return render;
}

}  // namespace

TEST_CASE("Europe in EPSG:3035: Warsaw and Madrid are land, the Baltic and Biscay are sea") {
    const HeadlessRender& render = europe_in_laea();
    CHECK(render.camera.projection().id() == "EPSG:3035");
    const MapStyle style;
    for (const LatLon land : {warsaw, madrid}) {
        const auto* pixel = pixel_at(render.image, render.camera, land);
        INFO("land pixel at " << land.lat << "," << land.lon << ": " << describe(pixel));
        CHECK(has_colour(pixel, style.land));
    }
    for (const LatLon sea : {baltic_sea, bay_of_biscay}) {
        const auto* pixel = pixel_at(render.image, render.camera, sea);
        INFO("sea pixel at " << sea.lat << "," << sea.lon << ": " << describe(pixel));
        CHECK(has_colour(pixel, style.ocean));
    }
}

TEST_CASE("Europe in EPSG:3035 is not Web Mercator: meridians converge towards the pole") {
    const HeadlessRender& laea = europe_in_laea();
    const Camera mercator = Camera::fit(europe, {800, 600});
    // The 30 E meridian, from the Black Sea to Karelia.
    const LatLon south{45.0, 30.0}, north{62.0, 30.0};
    CHECK(mercator.to_screen(north).x == doctest::Approx(mercator.to_screen(south).x));
    const double lean = laea.camera.to_screen(south).x - laea.camera.to_screen(north).x;
    const double length = laea.camera.to_screen(south).y - laea.camera.to_screen(north).y;
    CHECK(lean / length > std::tan(10.0 * M_PI / 180.0));  // leaning towards the pole above 10 E
}

TEST_CASE("the world in EPSG:3035 is a disc: paper outside, Europe in the middle, no torn triangles") {
    HeadlessRenderRequest request;
    request.size = {900, 600};
    request.projection = make_projection("EPSG:3035");
    request.attribution = false;
    const HeadlessRender render = render_map_headless(request);
    const MapStyle style;
    CHECK(has_colour(render.image.at(3, 3), style.outside));
    CHECK(has_colour(render.image.at(896, 596), style.outside));
    CHECK(has_colour(pixel_at(render.image, render.camera, {51.0, 10.0}), style.land));  // Germany
    CHECK(has_colour(pixel_at(render.image, render.camera, {10.0, -35.0}), style.ocean));  // mid-Atlantic
    // Just inside the disc's edge (its radius is sqrt(2) R) is map, just outside is paper.
    const ScreenPoint centre = render.camera.plane_to_screen(MapPoint{4321000.0, 3210000.0});
    const double radius_px = 9.01e6 / render.camera.units_per_pixel();
    const auto* inside = render.image.at(static_cast<int>(centre.x), static_cast<int>(centre.y + radius_px - 6));
    const auto* outside = render.image.at(static_cast<int>(centre.x), static_cast<int>(centre.y + radius_px + 6));
    INFO("inside " << describe(inside) << ", outside " << describe(outside));
    CHECK_FALSE(has_colour(inside, style.outside));
    CHECK(has_colour(outside, style.outside));
    // No land beyond the edge: every pixel in the corners' paper stays paper.
    int stray = 0;
    for (int y = 0; y < 600; ++y)
        for (int x = 0; x < 900; ++x) {
            const double dx = x + 0.5 - centre.x, dy = y + 0.5 - centre.y;
            if (dx * dx + dy * dy > (radius_px + 3) * (radius_px + 3) &&
                !has_colour(render.image.at(x, y), style.outside))
                ++stray;
        }
    CHECK(stray == 0);
}

TEST_CASE("one renderer switches projections and back, keeping a mesh per projection") {
    OffscreenSurface surface({400, 300});
    MapRenderer renderer;
    surface.bind_framebuffer();
    const MapStyle style;
    const Camera mercator = Camera::fit(europe, {400, 300});
    const Camera laea = [&] {
        Camera camera = mercator;
        camera.set_projection(make_projection("EPSG:3035"));
        return camera;
    }();
    for (const Camera* camera : {&mercator, &laea, &mercator, &laea}) {
        renderer.draw(*camera);
        const RgbaImage image = surface.read_pixels();
        INFO(camera->projection().id());
        CHECK(has_colour(pixel_at(image, *camera, warsaw), style.land));
        CHECK(has_colour(pixel_at(image, *camera, baltic_sea), style.ocean));
    }
}

TEST_CASE("render --projection: an unknown CRS is one line and no file") {
    muster::test::Scratch scratch("render-projection");
    const fs::path png = scratch.folder() / "x.png";
    const muster::test::Run run = scratch.muster("render --projection EPSG:9999 -o '" + png.string() + "'");
    CHECK(run.exit_code == 1);
    CHECK(run.err == "muster render: --projection EPSG:9999: unknown CRS\n");
    CHECK(run.out.empty());
    CHECK_FALSE(fs::exists(png));
}
