// Projections (render/projection.hpp), clipping to their domain
// (render/domain_clip.hpp) and the Camera in a projection other than Web
// Mercator. Pure computation: no OpenGL needed.
#include "core/error.hpp"
#include "render/camera.hpp"
#include "render/domain_clip.hpp"
#include "render/graticule.hpp"
#include "render/projection.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace muster;

namespace {

constexpr LatLon berlin{52.52, 13.405};
constexpr LatLon warsaw{52.2297, 21.0122};
constexpr LatLon lisbon{38.7223, -9.1393};
constexpr LatLon sydney{-33.8688, 151.2093};

ProjectionPtr laea_europe() { return make_projection("EPSG:3035"); }

// Every vertex an index list refers to, as places.
std::vector<LatLon> referenced(const std::vector<float>& lonlat, const std::vector<std::uint32_t>& indices) {
    std::vector<LatLon> places;
    for (const std::uint32_t i : indices) places.push_back({lonlat[2 * i + 1], lonlat[2 * i]});
    return places;
}

}  // namespace

TEST_CASE("EPSG:3035 puts Berlin at its published easting and northing, and back") {
    const ProjectionPtr laea = laea_europe();
    CHECK(laea->id() == "EPSG:3035");
    CHECK(laea->name() == "ETRS89-extended / LAEA Europe");
    // cs2cs EPSG:4326 EPSG:3035 (PROJ 9.1): 52.52 13.405 -> N 3273268.2736, E 4552036.4502.
    const auto at = laea->forward(berlin);
    REQUIRE(at);
    CHECK(std::abs(at->x - 4552036.4502) < 1.0);
    CHECK(std::abs(at->y - 3273268.2736) < 1.0);
    // The projection's natural origin, 52 N 10 E, is its false easting and northing.
    const auto origin = laea->forward({52.0, 10.0});
    REQUIRE(origin);
    CHECK(origin->x == doctest::Approx(4321000.0).epsilon(1e-9));
    CHECK(origin->y == doctest::Approx(3210000.0).epsilon(1e-9));
    const auto back = laea->inverse(*at);
    REQUIRE(back);
    CHECK(back->lat == doctest::Approx(berlin.lat).epsilon(1e-9));
    CHECK(back->lon == doctest::Approx(berlin.lon).epsilon(1e-9));
}

TEST_CASE("LAEA is equal-area: degree cells at Warsaw and Lisbon keep their ground areas' ratio") {
    const ProjectionPtr laea = laea_europe();
    auto cell_area = [&](LatLon south_west) {
        const MapPoint a = *laea->forward(south_west), b = *laea->forward({south_west.lat, south_west.lon + 1.0});
        const MapPoint c = *laea->forward({south_west.lat + 1.0, south_west.lon + 1.0});
        const MapPoint d = *laea->forward({south_west.lat + 1.0, south_west.lon});
        return std::abs((a.x * b.y - b.x * a.y) + (b.x * c.y - c.x * b.y) + (c.x * d.y - d.x * c.y) +
                        (d.x * a.y - a.x * d.y)) / 2.0;
    };
    // On the sphere a cell's area goes with sin(north) - sin(south); the
    // ellipsoid changes that by well under a percent.
    auto band = [](double south) { return std::sin((south + 1.0) * M_PI / 180.0) - std::sin(south * M_PI / 180.0); };
    CHECK(cell_area({52.0, 21.0}) / cell_area({38.0, -9.0}) == doctest::Approx(band(52.0) / band(38.0)).epsilon(0.005));
    // A 1 x 1 degree cell at 52 N is about 7,600 square kilometres.
    CHECK(cell_area({52.0, 21.0}) == doctest::Approx(7.6e9).epsilon(0.02));
}

TEST_CASE("LAEA Europe draws the hemisphere around its centre, not the far side of the globe") {
    const ProjectionPtr laea = laea_europe();
    CHECK_FALSE(laea->wraps());
    CHECK(laea->domain().centre.lat == doctest::Approx(52.0));
    CHECK(laea->domain().centre.lon == doctest::Approx(10.0));
    CHECK(laea->domain().radius_deg == doctest::Approx(90.0));
    CHECK(laea->forward(lisbon));
    CHECK(laea->forward({40.7128, -74.0060}));  // New York, 58 degrees away
    CHECK_FALSE(laea->forward(sydney));        // 150 degrees away
    // The edge is a circle of radius sqrt(2) R about the centre in the plane.
    REQUIRE(laea->outline().size() > 100);
    for (const MapPoint& p : laea->outline())
        CHECK(std::hypot(p.x - 4321000.0, p.y - 3210000.0) == doctest::Approx(9.0e6).epsilon(0.01));
    CHECK_FALSE(laea->inverse({4321000.0 + 9.5e6, 3210000.0}));  // beyond the edge
}

TEST_CASE("Web Mercator's closed form agrees with PROJ's EPSG:3857") {
    const ProjectionPtr closed = web_mercator();
    CHECK(closed == make_projection("epsg:3857"));
    // Through PROJ, by a definition that is not the shortcut's id.
    const ProjectionPtr through_proj =
        make_projection("+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +type=crs");
    CHECK(through_proj->wraps());
    CHECK(through_proj->period() == doctest::Approx(closed->period()).epsilon(1e-12));
    for (const LatLon place : {berlin, sydney, LatLon{-85.0, -179.0}, LatLon{0.0, 180.0}}) {
        const auto a = closed->forward(place), b = through_proj->forward(place);
        REQUIRE(a);
        REQUIRE(b);
        CHECK(std::abs(a->x - b->x) < 1e-3);
        CHECK(std::abs(a->y - b->y) < 1e-3);
    }
    CHECK(closed->forward({0.0, 180.0})->x == doctest::Approx(20037508.342789244));
}

TEST_CASE("plate carree wraps every 360 degrees and reaches the poles") {
    const ProjectionPtr plate = make_projection("EPSG:4326");
    CHECK(plate->wraps());
    CHECK(plate->period() == doctest::Approx(360.0));
    CHECK(plate->world_units() == doctest::Approx(360.0));
    CHECK(plate->bounds().max_y == doctest::Approx(90.0));
    const auto at = plate->forward(berlin);
    REQUIRE(at);
    CHECK(at->x == doctest::Approx(berlin.lon));
    CHECK(at->y == doctest::Approx(berlin.lat));
    CHECK(plate->forward({10.0, 190.0})->x == doctest::Approx(190.0));  // one period east of -170
}

TEST_CASE("an unknown CRS is refused in one line") {
    CHECK_THROWS_WITH_AS(make_projection("EPSG:9999"), "unknown CRS", Error);
    CHECK_THROWS_WITH_AS(make_projection("no such thing"), "unknown CRS", Error);
    CHECK_THROWS_WITH_AS(make_projection("EPSG:4978"), doctest::Contains("not a map projection"), Error);
}

TEST_CASE("triangles crossing the domain's edge are cut there, those beyond it are dropped") {
    ProjectionDomain cap;
    cap.centre = {0.0, 0.0};
    cap.radius_deg = 10.0;
    // One triangle inside, one straddling the edge at 10 E, one far away;
    // the middle one shares its western side with the first.
    std::vector<float> lonlat = {0, 0, 5, 0, 5, 5, 15, 0, 15, 5, 100, 0, 101, 0, 100, 1};
    std::vector<std::uint32_t> triangles = {0, 1, 2, 1, 3, 2, 3, 4, 2, 5, 6, 7};
    std::vector<std::uint16_t> country = {0, 0, 0, 1, 1, 2, 2, 2};
    clip_triangles_to_domain(cap, lonlat, triangles, &country);
    REQUIRE(triangles.size() % 3 == 0);
    CHECK(triangles.size() / 3 >= 3);
    for (const LatLon p : referenced(lonlat, triangles)) CHECK(angular_distance(cap.centre, p) <= 10.0 + 1e-6);
    // Crossing triangles are halved until their sides are short, and so is
    // the inside one that shares a side with them (no crack): what is left
    // covers the inside triangle (12.5 square degrees) and the part of the
    // crossing ones within the cap, about 5 x 5 degrees less the edge's bulge.
    double area = 0.0;
    int on_edge = 0;
    for (std::size_t t = 0; t < triangles.size(); t += 3) {
        const auto x = [&](int i) { return double(lonlat[2 * triangles[t + i]]); };
        const auto y = [&](int i) { return double(lonlat[2 * triangles[t + i] + 1]); };
        area += std::abs((x(1) - x(0)) * (y(2) - y(0)) - (x(2) - x(0)) * (y(1) - y(0))) / 2.0;
    }
    for (const LatLon p : referenced(lonlat, triangles))
        if (std::abs(angular_distance(cap.centre, p) - 10.0) < 1e-4) ++on_edge;
    CHECK(area > 12.5 + 20.0);
    CHECK(area < 12.5 + 25.0);
    CHECK(on_edge >= 2);  // the cut follows the edge
    CHECK(country.size() == lonlat.size() / 2);
    for (const std::uint32_t v : triangles) CHECK(country[v] != 2);  // the far triangle is gone

    // Wrapping domains keep everything.
    std::vector<std::uint32_t> all = {0, 1, 2, 5, 6, 7};
    ProjectionDomain cylinder;
    cylinder.wraps = true;
    clip_triangles_to_domain(cylinder, lonlat, all);
    CHECK(all.size() == 6);
}

TEST_CASE("segments leaving the domain end on its edge, in order") {
    ProjectionDomain cap;
    cap.centre = {0.0, 0.0};
    cap.radius_deg = 10.0;
    std::vector<float> lonlat = {0, 0, 6, 0, 12, 0, 20, 0};
    std::vector<std::uint32_t> chain = {0, 1, 1, 2, 2, 3};
    clip_segments_to_domain(cap, lonlat, chain);
    REQUIRE(chain.size() == 4);
    CHECK(chain[0] == 0);
    CHECK(chain[1] == 1);
    CHECK(chain[2] == 1);
    CHECK(lonlat[2 * chain[3]] == doctest::Approx(10.0).epsilon(1e-5));
}

TEST_CASE("a camera in LAEA Europe converts both ways and zooms about a fixed point") {
    Camera camera(PixelSize{800, 600}, laea_europe());
    camera.set_zoom(5.0);
    camera.set_centre(berlin);
    const ScreenPoint middle = camera.to_screen(berlin);
    CHECK(middle.x == doctest::Approx(400.0));
    CHECK(middle.y == doctest::Approx(300.0));
    const LatLon there = camera.to_lonlat(camera.to_screen(warsaw));
    CHECK(there.lat == doctest::Approx(warsaw.lat));
    CHECK(there.lon == doctest::Approx(warsaw.lon));
    CHECK(camera.to_screen(warsaw).x > middle.x);  // east is right

    const ScreenPoint anchor{620.0, 150.0};
    const LatLon before = camera.to_lonlat(anchor);
    camera.zoom_about(anchor, 7.25);
    const LatLon after = camera.to_lonlat(anchor);
    CHECK(after.lat == doctest::Approx(before.lat).epsilon(1e-9));
    CHECK(after.lon == doctest::Approx(before.lon).epsilon(1e-9));

    // Places off the map have no screen position; to_screen parks them far away.
    CHECK_FALSE(camera.screen_position(sydney));
    CHECK(camera.to_screen(sydney).x == off_map.x);
}

TEST_CASE("a world view in LAEA Europe shows the whole disc, centred") {
    const Camera camera = Camera::world_view({1600, 900}, laea_europe());
    // Centred on the disc (on the ellipsoid it is a hair off round: within 2 px).
    const ScreenPoint centre = camera.plane_to_screen(MapPoint{4321000.0, 3210000.0});
    CHECK(std::abs(centre.x - 800.0) < 2.0);
    CHECK(std::abs(centre.y - 450.0) < 2.0);
    for (const MapPoint& p : camera.projection().outline()) {
        const ScreenPoint s = camera.plane_to_screen(p);
        CHECK(s.y >= 0.0);
        CHECK(s.y <= 900.0);
    }
    // The corners are off the map; the cursor there reads nothing.
    CHECK_FALSE(camera.lonlat_at({2.0, 2.0}));
    const Extent visible = camera.visible_extent();
    CHECK(visible.max_lat == doctest::Approx(90.0));  // the north pole is on the disc
    CHECK(visible.min_lat == doctest::Approx(-38.0).epsilon(0.02));
    CHECK(visible.width() == doctest::Approx(360.0));
    // Zooming out further is not allowed: the disc already fits.
    Camera out = camera;
    out.set_zoom(camera.zoom() - 2.0);
    CHECK(out.zoom() == doctest::Approx(camera.zoom()));
}

TEST_CASE("fitting a box in LAEA keeps its corners and sides in view") {
    const Extent europe{-10.0, 35.0, 40.0, 60.0};
    const Camera camera = Camera::fit(europe, {800, 600}, laea_europe());
    for (const LatLon p : {LatLon{35.0, -10.0}, LatLon{35.0, 40.0}, LatLon{60.0, -10.0}, LatLon{60.0, 40.0},
                           LatLon{35.0, 15.0}, LatLon{60.0, 15.0}}) {
        const ScreenPoint s = camera.to_screen(p);
        CHECK(s.x >= -1e-6);
        CHECK(s.x <= 800.0 + 1e-6);
        CHECK(s.y >= -1e-6);
        CHECK(s.y <= 600.0 + 1e-6);
    }
}

TEST_CASE("switching projection keeps the place at the centre and the ground scale") {
    Camera camera({1200, 800});
    camera.set_zoom(6.0);
    camera.set_centre(warsaw);
    const ScreenPoint middle{600.0, 400.0};
    const double metres = camera.metres_per_pixel_at(middle);
    // Web Mercator at zoom 6, 52 N: 2445 m per pixel x cos(52.2) = 1498 m.
    CHECK(metres == doctest::Approx(2445.98 * std::cos(warsaw.lat * M_PI / 180.0)).epsilon(0.005));

    camera.set_projection(laea_europe());
    CHECK(camera.projection().id() == "EPSG:3035");
    const LatLon here = camera.to_lonlat(middle);
    CHECK(here.lat == doctest::Approx(warsaw.lat).epsilon(1e-9));
    CHECK(here.lon == doctest::Approx(warsaw.lon).epsilon(1e-9));
    CHECK(camera.metres_per_pixel_at(middle) == doctest::Approx(metres).epsilon(1e-6));
    // LAEA's plane metres are nearly ground metres while Mercator's stretch
    // 52 N by 1 / cos(52), so the same ground scale is a higher zoom.
    CHECK(camera.zoom() == doctest::Approx(6.0 - std::log2(std::cos(warsaw.lat * M_PI / 180.0))).epsilon(0.01));

    camera.set_projection(web_mercator());
    CHECK(camera.zoom() == doctest::Approx(6.0).epsilon(1e-6));
    CHECK(camera.centre().lat == doctest::Approx(warsaw.lat).epsilon(1e-9));
}

TEST_CASE("LAEA's graticule is curved: meridians are many short segments, all inside the disc") {
    const Camera camera = Camera::world_view({1600, 900}, laea_europe());
    const std::vector<float> lines =
        projected_graticule(camera.visible_extent(), 30.0, camera.projection(), camera.pixels_per_degree());
    CHECK(lines.size() / 4 > 300);
    // Within the disc (metres of float rounding aside).
    double rim = 0.0;
    for (const MapPoint& p : camera.projection().outline()) rim = std::max(rim, std::hypot(p.x - 4321000.0, p.y - 3210000.0));
    for (std::size_t i = 0; i + 1 < lines.size(); i += 2)
        CHECK(std::hypot(lines[i] - 4321000.0, lines[i + 1] - 3210000.0) < rim + 10.0);
}

TEST_CASE("detail follows the ground scale: LAEA picks the level Mercator picks for the same view") {
    Camera mercator({1600, 900});
    mercator.set_zoom(4.6);
    mercator.set_centre({55.0, 15.0});
    CHECK(mercator.detail_zoom() == doctest::Approx(4.6));
    Camera laea = mercator;
    laea.set_projection(laea_europe());
    CHECK(laea.zoom() > 5.3);  // LAEA's own zoom: plane metres are ground metres
    CHECK(laea.detail_zoom() == doctest::Approx(4.6).epsilon(0.01));
}

TEST_CASE("a bare PROJ string is taken as the CRS it describes") {
    const ProjectionPtr ortho = make_projection("+proj=ortho +lat_0=50 +lon_0=30");
    CHECK_FALSE(ortho->wraps());
    CHECK(ortho->domain().radius_deg == doctest::Approx(90.0));
    const auto kyiv = ortho->forward({50.0, 30.0});
    REQUIRE(kyiv);
    CHECK(std::abs(kyiv->x) < 1e-6);
    CHECK(std::abs(kyiv->y) < 1e-6);
    CHECK_FALSE(ortho->forward({-50.0, -150.0}));  // the far side of the globe
}
