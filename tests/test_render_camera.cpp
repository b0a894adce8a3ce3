// Camera (Web Mercator view maths), graticule steps and the text forms of
// sizes and boxes. Pure computation: no OpenGL needed.
#include "render/camera.hpp"
#include "render/country_mesh.hpp"
#include "render/graticule.hpp"
#include "render/map_renderer.hpp"
#include "render/spatial_chunks.hpp"
#include "render/view_spec.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>
#include <vector>

using muster::Camera;
using muster::Extent;
using muster::LatLon;
using muster::PixelSize;
using muster::ScreenPoint;

namespace {

constexpr LatLon kyiv{50.4501, 30.5234};

Camera europe_camera() {
    Camera camera({800, 600});
    camera.set_zoom(5.0);
    camera.set_centre({50.0, 30.0});
    return camera;
}

}  // namespace

TEST_CASE("Web Mercator ordinates match the textbook formula and invert") {
    CHECK(muster::mercator_y(0.0) == doctest::Approx(0.0));
    // ln(tan(pi/4 + 30deg)) = ln(tan(75deg))
    CHECK(muster::mercator_y(60.0) == doctest::Approx(std::log(std::tan(75.0 * M_PI / 180.0))));
    CHECK(muster::mercator_y(muster::mercator_max_lat) == doctest::Approx(M_PI).epsilon(1e-9));
    CHECK(muster::mercator_y(90.0) == doctest::Approx(M_PI).epsilon(1e-9));  // clamped
    CHECK(muster::lat_from_mercator_y(muster::mercator_y(-33.8688)) == doctest::Approx(-33.8688));
}

TEST_CASE("longitudes wrap into the range -180 to 180") {
    CHECK(muster::wrap_longitude(190.0) == doctest::Approx(-170.0));
    CHECK(muster::wrap_longitude(-190.0) == doctest::Approx(170.0));
    CHECK(muster::wrap_longitude(180.0) == doctest::Approx(-180.0));
    CHECK(muster::wrap_longitude(540.5) == doctest::Approx(-179.5));
    CHECK(muster::wrap_longitude(30.5) == doctest::Approx(30.5));
}

TEST_CASE("the centre of the viewport shows the camera's centre") {
    const Camera camera = europe_camera();
    const ScreenPoint middle = camera.to_screen(camera.centre());
    CHECK(middle.x == doctest::Approx(400.0));
    CHECK(middle.y == doctest::Approx(300.0));
}

TEST_CASE("screen -> lon/lat -> screen round trips") {
    const Camera camera = europe_camera();
    for (const ScreenPoint p : {ScreenPoint{0.0, 0.0}, ScreenPoint{799.5, 599.5}, ScreenPoint{123.25, 456.75}}) {
        const ScreenPoint back = camera.to_screen(camera.to_lonlat(p));
        CHECK(back.x == doctest::Approx(p.x).epsilon(1e-9));
        CHECK(back.y == doctest::Approx(p.y).epsilon(1e-9));
    }
    const LatLon there = camera.to_lonlat(camera.to_screen(kyiv));
    CHECK(there.lat == doctest::Approx(kyiv.lat));
    CHECK(there.lon == doctest::Approx(kyiv.lon));
}

TEST_CASE("north is up and east is right") {
    const Camera camera = europe_camera();
    const ScreenPoint kyiv_px = camera.to_screen(kyiv);
    const ScreenPoint moscow_px = camera.to_screen({55.7558, 37.6173});
    CHECK(moscow_px.x > kyiv_px.x);
    CHECK(moscow_px.y < kyiv_px.y);
}

TEST_CASE("one degree of longitude is 256 * 2^zoom / 360 pixels") {
    const Camera camera = europe_camera();
    const double a = camera.to_screen({50.0, 30.0}).x;
    const double b = camera.to_screen({50.0, 31.0}).x;
    CHECK(b - a == doctest::Approx(256.0 * 32.0 / 360.0));
}

TEST_CASE("zooming about a point keeps that point fixed") {
    Camera camera = europe_camera();
    const ScreenPoint anchor{620.0, 150.0};
    const LatLon before = camera.to_lonlat(anchor);
    camera.zoom_about(anchor, 7.25);
    CHECK(camera.zoom() == doctest::Approx(7.25));
    const LatLon after = camera.to_lonlat(anchor);
    CHECK(after.lat == doctest::Approx(before.lat).epsilon(1e-9));
    CHECK(after.lon == doctest::Approx(before.lon).epsilon(1e-9));
    // ...and the centre did move (the anchor is not the middle).
    CHECK(camera.centre().lon != doctest::Approx(30.0));
}

TEST_CASE("panning by pixels moves the centre the opposite way by that many pixels") {
    Camera camera = europe_camera();
    const double px_per_deg = camera.pixels_per_degree();
    camera.pan_by_pixels(100.0, 0.0);  // content moves right: the centre goes west
    CHECK(camera.centre().lon == doctest::Approx(30.0 - 100.0 / px_per_deg));
    CHECK(camera.centre().lat == doctest::Approx(50.0));

    const LatLon was_above = camera.to_lonlat({400.0, 300.0 - 80.0});
    camera.pan_by_pixels(0.0, 80.0);  // content moves down: what was 80 px above is now in the middle
    CHECK(camera.centre().lat == doctest::Approx(was_above.lat));
}

TEST_CASE("panning across the antimeridian wraps the centre") {
    Camera camera({800, 600});
    camera.set_zoom(4.0);
    camera.set_centre({60.0, 179.0});
    camera.pan_by_pixels(-2.0 * camera.pixels_per_degree(), 0.0);  // two degrees east
    CHECK(camera.centre().lon == doctest::Approx(-179.0));
    // A point just west of the line is drawn left of the centre, not a world away.
    CHECK(camera.to_screen({60.0, 178.0}).x == doctest::Approx(400.0 - 3.0 * camera.pixels_per_degree()));
    const Extent visible = camera.visible_extent();
    CHECK(visible.min_lon < -180.0);
}

TEST_CASE("zoom is limited so the world is at least as wide as the view") {
    Camera camera({1024, 512});
    camera.set_zoom(-3.0);
    CHECK(camera.zoom() == doctest::Approx(2.0));  // 256 * 2^2 = 1024
    camera.set_zoom(40.0);
    CHECK(camera.zoom() == doctest::Approx(Camera::max_zoom));
}

TEST_CASE("the view does not run past Mercator's top edge") {
    Camera camera({800, 600});
    camera.set_zoom(4.0);
    camera.set_centre({89.0, 0.0});
    CHECK(camera.to_lonlat({400.0, 0.0}).lat == doctest::Approx(muster::mercator_max_lat).epsilon(1e-6));
    CHECK(camera.centre().lat < 85.0);
}

TEST_CASE("fitting a box keeps it fully in view and touches two of its sides") {
    const Extent ukraine{20.0, 43.0, 42.0, 57.0};
    const Camera camera = Camera::fit(ukraine, {800, 600});
    const ScreenPoint south_west = camera.to_screen({ukraine.min_lat, ukraine.min_lon});
    const ScreenPoint north_east = camera.to_screen({ukraine.max_lat, ukraine.max_lon});
    CHECK(south_west.x >= -1e-6);
    CHECK(north_east.x <= 800.0 + 1e-6);
    // This box is taller than the viewport's aspect: it spans the full height.
    CHECK(north_east.y == doctest::Approx(0.0).epsilon(1e-6));
    CHECK(south_west.y == doctest::Approx(600.0));
    CHECK((south_west.x + north_east.x) / 2.0 == doctest::Approx(400.0));
}

TEST_CASE("the world view spans the whole width once") {
    const Camera camera = Camera::world_view({1920, 1080});
    CHECK(camera.world_pixels() == doctest::Approx(1920.0));
    const Extent visible = camera.visible_extent();
    CHECK(visible.min_lon == doctest::Approx(-180.0));
    CHECK(visible.max_lon == doctest::Approx(180.0));
    CHECK(visible.max_lat > 75.0);   // Svalbard, Arctic coast
    CHECK(visible.min_lat < -55.0);  // Cape Horn
}

TEST_CASE("level of detail follows the zoom thresholds") {
    CHECK(muster::MapRenderer::lod_for_zoom(2.9) == muster::Lod::coarse_110m);
    CHECK(muster::MapRenderer::lod_for_zoom(muster::lod_zoom_medium) == muster::Lod::medium_50m);
    CHECK(muster::MapRenderer::lod_for_zoom(4.99) == muster::Lod::medium_50m);
    CHECK(muster::MapRenderer::lod_for_zoom(muster::lod_zoom_fine) == muster::Lod::fine_10m);
    CHECK(muster::MapRenderer::lod_for_zoom(9.0) == muster::Lod::fine_10m);
}

TEST_CASE("graticule steps keep lines apart on screen") {
    CHECK(muster::graticule_step(5.33, 90.0) == 30.0);   // world view, 1920 px wide
    CHECK(muster::graticule_step(27.7, 90.0) == 5.0);    // Ukraine at 800x600
    CHECK(muster::graticule_step(1000.0, 90.0) == 0.25);
    CHECK(muster::graticule_step(0.5, 90.0) == 30.0);    // never coarser than 30
}

TEST_CASE("graticule lines cover the visible box at multiples of the step") {
    const auto lines = muster::graticule_lines({-12.0, 41.0, 12.0, 59.0}, 10.0);
    // meridians -10, 0, 10; parallels 50 (one each): 4 segments of 4 floats
    REQUIRE(lines.size() == 16);
    CHECK(lines[0] == -10.0f);
    CHECK(lines[4] == 0.0f);
    CHECK(lines[8] == 10.0f);
    CHECK(lines[12] == -12.0f);
    CHECK(lines[13] == 50.0f);
    CHECK(lines[14] == 12.0f);
}

TEST_CASE("image sizes are read as WIDTHxHEIGHT within limits") {
    const auto size = muster::parse_pixel_size("320x200", 16384);
    REQUIRE(size);
    CHECK(size->width == 320);
    CHECK(size->height == 200);
    CHECK(muster::parse_pixel_size("16384X1", 16384));
    CHECK_FALSE(muster::parse_pixel_size("0x10", 16384));
    CHECK_FALSE(muster::parse_pixel_size("16385x10", 16384));
    CHECK_FALSE(muster::parse_pixel_size("320", 16384));
    CHECK_FALSE(muster::parse_pixel_size("320x", 16384));
    CHECK_FALSE(muster::parse_pixel_size("-3x10", 16384));
    CHECK_FALSE(muster::parse_pixel_size("3.5x10", 16384));
}

TEST_CASE("boxes are read as minlon,minlat,maxlon,maxlat") {
    const auto box = muster::parse_extent("20,43.5,42,+57");
    REQUIRE(box);
    CHECK(box->min_lon == 20.0);
    CHECK(box->min_lat == 43.5);
    CHECK(box->max_lon == 42.0);
    CHECK(box->max_lat == 57.0);
    CHECK(muster::parse_extent("170,50,190,70"));  // across the antimeridian
    CHECK_FALSE(muster::parse_extent("1,2,3"));
    CHECK_FALSE(muster::parse_extent("1,2,3,4,5"));
    CHECK_FALSE(muster::parse_extent("1,2,3,"));
    CHECK_FALSE(muster::parse_extent("42,43,20,57"));  // min > max
    CHECK_FALSE(muster::parse_extent("20,-95,42,57"));
    CHECK_FALSE(muster::parse_extent("20,a,42,57"));
}

TEST_CASE("chunking groups primitives by cell and keeps every one of them") {
    // Three triangles: two near 10E 10N, one near 100E 50N; cells of 30 degrees.
    const std::vector<float> lonlat = {10, 10, 12, 10, 11, 12, 100, 50, 102, 50, 101, 52, 13, 11, 14, 11, 13, 13};
    const std::vector<std::uint32_t> indices = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    const muster::ChunkedIndices chunked = muster::chunk_primitives(lonlat, indices, 3, 30.0);
    REQUIRE(chunked.chunks.size() == 2);
    CHECK(chunked.indices.size() == 9);
    CHECK(chunked.chunks[0].count == 6);  // the two south-western triangles first
    CHECK(chunked.chunks[0].first == 0);
    CHECK(chunked.chunks[1].first == 6);
    CHECK(chunked.chunks[1].count == 3);
    CHECK(chunked.chunks[0].bounds.min_x == 10.0);
    CHECK(chunked.chunks[0].bounds.max_x == 14.0);
    CHECK(chunked.chunks[0].bounds.max_y == 13.0);
    CHECK(chunked.chunks[1].bounds.min_x == 100.0);
    CHECK(chunked.indices[6] == 3);
}

TEST_CASE("a primitive larger than its cell widens the cell's bounds") {
    // One long segment from 0E to 50E: its cell (by midpoint, 25E) reaches both ends.
    const std::vector<float> lonlat = {0, 0, 50, 0};
    const muster::ChunkedIndices chunked = muster::chunk_primitives(lonlat, {0, 1}, 2, 10.0);
    REQUIRE(chunked.chunks.size() == 1);
    CHECK(chunked.chunks[0].bounds.min_x == 0.0);
    CHECK(chunked.chunks[0].bounds.max_x == 50.0);
}

TEST_CASE("a border shared by two rings is kept once, in either direction") {
    // Two unit squares side by side, each with its own ring vertices; the
    // edge x = 1 appears in both (0->1 upwards in one, downwards in the other).
    const std::vector<float> lonlat = {0, 0, 1, 0, 1, 1, 0, 1, 1, 0, 2, 0, 2, 1, 1, 1};
    const std::vector<std::uint32_t> rings = {0, 1, 1, 2, 2, 3, 3, 0, 4, 5, 5, 6, 6, 7, 7, 4};
    const std::vector<std::uint32_t> unique = muster::unique_segments(lonlat, rings);
    CHECK(unique.size() == 7 * 2);
    // The first ring is untouched; the second loses its copy of x = 1 (7 -> 4).
    CHECK(std::vector<std::uint32_t>(unique.begin(), unique.begin() + 8) ==
          std::vector<std::uint32_t>(rings.begin(), rings.begin() + 8));
    for (std::size_t i = 8; i < unique.size(); i += 2) CHECK_FALSE((unique[i] == 7 && unique[i + 1] == 4));
    // Zero-length segments go too.
    CHECK(muster::unique_segments({3, 3, 3, 3}, {0, 1}).empty());
}

TEST_CASE("outline chains lose vertices closer than the tolerance, never their ends") {
    // A chain along y = 0 with vertices every 0.1, then a separate segment.
    std::vector<float> lonlat;
    std::vector<std::uint32_t> segments;
    for (int i = 0; i <= 10; ++i) {
        lonlat.push_back(0.1f * static_cast<float>(i));
        lonlat.push_back(0.0f);
        if (i > 0) segments.insert(segments.end(), {std::uint32_t(i - 1), std::uint32_t(i)});
    }
    lonlat.insert(lonlat.end(), {5, 5, 5.01f, 5});
    segments.insert(segments.end(), {11, 12});

    CHECK(muster::simplify_segment_chains(lonlat, segments, 0.0) == segments);
    const std::vector<std::uint32_t> simple = muster::simplify_segment_chains(lonlat, segments, 0.25);
    // Kept: 0, 3, 6, 9 and the chain's end 10; the lone short segment stays whole.
    CHECK(simple == std::vector<std::uint32_t>{0, 3, 3, 6, 6, 9, 9, 10, 11, 12});
    // y_scale stretches latitude differences.
    const std::vector<float> vertical = {0, 0, 0, 0.1f, 0, 0.2f};
    CHECK(muster::simplify_segment_chains(vertical, {0, 1, 1, 2}, 0.15).size() == 2);
    CHECK(muster::simplify_segment_chains(vertical, {0, 1, 1, 2}, 0.15, 2.0).size() == 4);
}

TEST_CASE("Delaunay flips replace a fan of slivers and keep the boundary and the area") {
    // A long thin ellipse (strictly convex), counter-clockwise; a fan from its
    // western end makes slivers reaching across its whole length.
    std::vector<double> xy;
    constexpr int points = 40;
    for (int i = 0; i < points; ++i) {
        const double t = std::numbers::pi + 2.0 * std::numbers::pi * i / points;
        xy.insert(xy.end(), {5.0 + 5.0 * std::cos(t), 0.5 * std::sin(t)});
    }
    const std::uint32_t n = static_cast<std::uint32_t>(xy.size() / 2);
    std::vector<std::uint32_t> fan;
    for (std::uint32_t v = 1; v + 1 < n; ++v) fan.insert(fan.end(), {0, v, v + 1});
    auto twice_area = [&](const std::vector<std::uint32_t>& tris) {
        double sum = 0.0, longest = 0.0;
        for (std::size_t t = 0; t < tris.size(); t += 3) {
            const double* a = &xy[2 * tris[t]];
            const double* b = &xy[2 * tris[t + 1]];
            const double* c = &xy[2 * tris[t + 2]];
            const double area = (b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]);
            CHECK(area > 0.0);  // still counter-clockwise
            sum += area;
            for (const auto* p : {a, b, c})
                for (const auto* q : {a, b, c}) longest = std::max(longest, std::hypot(p[0] - q[0], p[1] - q[1]));
        }
        return std::pair{sum, longest};
    };
    const auto [area_before, longest_before] = twice_area(fan);
    std::vector<std::uint32_t> flipped = fan;
    CHECK(muster::make_delaunay(xy, flipped) > 0);
    CHECK(flipped.size() == fan.size());
    const auto [area_after, longest_after] = twice_area(flipped);
    CHECK(area_after == doctest::Approx(area_before));
    CHECK(longest_before > 9.0);
    CHECK(longest_after < 2.0);  // triangles now join neighbouring points across the strip
    // Idempotent: already Delaunay.
    std::vector<std::uint32_t> again = flipped;
    CHECK(muster::make_delaunay(xy, again) == 0);
}
