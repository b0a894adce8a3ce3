// Deployment areas and movement arrows in headless renders (Mesa llvmpipe, no
// display): stripes inside a host country and none beside it, an arrow's
// pixels on the great circle between two places, and which areas a scenario
// hatches.
#include "core/paths.hpp"
#include "geodata/great_circle.hpp"
#include "render/areas.hpp"
#include "render/headless_render.hpp"
#include "render/overlay.hpp"
#include "ui/map_links.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

using namespace muster;
namespace sc = muster::scenario;

namespace {

sc::Place place(std::string id, std::string name, std::string country, std::string feature, LatLon point,
                std::string gazetteer_id = "") {
    sc::Place p;
    p.id = std::move(id);
    p.name = std::move(name);
    p.country = std::move(country);
    p.feature = std::move(feature);
    p.point = point;
    p.gazetteer_id = std::move(gazetteer_id);
    return p;
}

sc::Figure troops(std::string id, double count, std::string actor, std::string place_id) {
    sc::Figure f;
    f.id = std::move(id);
    f.text = std::to_string(static_cast<int>(count)) + " troops";
    f.amount = {count, {}, {}, "exact"};
    f.unit = "troops";
    f.category = "personnel";
    f.actor = std::move(actor);
    f.place = std::move(place_id);
    return f;
}

HeadlessRender render(const sc::Scenario& scenario, Extent bbox) {
    HeadlessRenderRequest request;
    request.size = {1000, 700};
    request.bbox = bbox;
    request.scenario = &scenario;
    request.style.overlay.show_cities = false;
    request.attribution = false;
    return render_map_headless(request);
}

int grey(const HeadlessRender& r, int x, int y) {
    const std::uint8_t* p = r.image.at(x, y);
    return (p[0] * 299 + p[1] * 587 + p[2] * 114) / 1000;
}

// Light-dark changes along `length` pixels of a row starting at p (a change
// is a step of more than 25 grey levels between neighbours).
int stripe_edges(const HeadlessRender& r, ScreenPoint p, int length) {
    const int x0 = static_cast<int>(p.x), y = static_cast<int>(p.y);
    REQUIRE(x0 >= 0);
    REQUIRE(x0 + length < r.image.size.width);
    int edges = 0;
    for (int x = x0 + 1; x < x0 + length; ++x)
        if (std::abs(grey(r, x, y) - grey(r, x - 1, y)) > 25) ++edges;
    return edges;
}

// Whether a label, symbol or dot of the layout lies within `margin` px of p.
bool covered(const OverlayLayout& layout, ScreenPoint p, float margin) {
    const ScreenBox probe = ScreenBox::centred(float(p.x), float(p.y), 2 * margin, 2 * margin);
    for (const auto& label : layout.labels)
        if (label.box.overlaps(probe)) return true;
    for (const auto& group : layout.symbol_groups)
        if (group.inflated(6).overlaps(probe)) return true;
    for (const auto& halo : layout.halos)
        if (std::hypot(p.x - halo.centre.x, p.y - halo.centre.y) < std::max(halo.fill, halo.ring) + margin) return true;
    return false;
}

constexpr Extent poland_belarus{13.0, 48.5, 34.0, 56.5};

}  // namespace

TEST_CASE("areas: a country hosting a deployment is hatched, its neighbour is not") {
    sc::Scenario s;
    s.places.push_back(place("p1", "Belarus", "BY", "country", {53.0, 28.0}, "BY"));
    s.figures.push_back(troops("f1", 30000, "RU", "p1"));
    const HeadlessRender r = render(s, poland_belarus);
    // Southern Belarus (Pinsk marshes) and central Poland, away from the
    // symbol, its halo and the labels.
    const ScreenPoint belarus = r.camera.to_screen({52.2, 25.0});
    const ScreenPoint poland = r.camera.to_screen({51.0, 18.5});
    REQUIRE_FALSE(covered(r.overlay, belarus, 40));
    REQUIRE_FALSE(covered(r.overlay, poland, 40));
    // Stripes 9 px apart across, so about 12.7 px apart along a row: a
    // 60-pixel run crosses four or five stripes, two edges each.
    CHECK(stripe_edges(r, belarus, 60) >= 7);
    CHECK(stripe_edges(r, poland, 60) == 0);
}

TEST_CASE("areas: which places give areas") {
    sc::Scenario s;
    s.places.push_back(place("p1", "Belarus", "BY", "country", {53.0, 28.0}, "BY"));
    s.places.push_back(place("p2", "Crimea", "UA", "region", {45.3, 34.4}, "crimea"));
    s.places.push_back(place("p3", "Baltic states", "", "region", {56.8, 24.5}, "baltic-states"));
    s.places.push_back(place("p4", "Donbas", "UA", "region", {48.2, 38.6}, "donbas"));
    s.places.push_back(place("p5", "Rostov", "RU", "admin1", {47.5, 40.5}, "RU.61"));
    s.places.push_back(place("p6", "Kyiv", "UA", "city", {50.45, 30.52}, "703448"));
    s.places.push_back(place("p7", "Poland", "PL", "country", {52.0, 20.0}, "PL"));
    for (const char* p : {"p1", "p2", "p3", "p4", "p5", "p6"}) s.figures.push_back(troops(std::string("f") + p, 1000, "RU", p));
    sc::Figure distance = troops("fd", 500, "", "p7");
    distance.category = "distance";
    distance.unit = "km";
    s.figures.push_back(distance);  // a length in Poland is no deployment

    const AreaSource source(default_geopackage());
    const auto areas = deployment_areas(
        s, [&source](const std::string& id) { return source.members(id); },
        [&source](const std::string& id) { return source.has_region_polygon(id); });
    std::vector<std::string> names;
    for (const AreaRef& a : areas) names.push_back((a.kind == AreaRef::Kind::country ? "country " : "region ") + a.code);
    // Donbas is drawn from the admin-1 polygons of Donetsk and Luhansk; an
    // admin-1 place (Rostov) and a city give no area.
    CHECK(names == std::vector<std::string>{"country BY", "country EE", "country LT", "country LV", "region crimea",
                                            "region donbas"});
    const AreaPolygons donbas = source.polygons({AreaRef::Kind::region, "donbas"});
    REQUIRE_FALSE(donbas.empty());
    double east = -180, west = 180;
    for (const auto& polygon : donbas)
        for (const LatLon& p : polygon[0]) east = std::max(east, p.lon), west = std::min(west, p.lon);
    CHECK(west == doctest::Approx(36.6).epsilon(0.02));  // Donetsk oblast's western edge
    CHECK(east == doctest::Approx(40.2).epsilon(0.02));  // Luhansk oblast's eastern edge, on Russia
    // Crimea's polygon is the peninsula: Simferopol inside, Kherson outside.
    const AreaPolygons crimea = source.polygons({AreaRef::Kind::region, "crimea"});
    REQUIRE(crimea.size() == 1);
    double min_lat = 90, max_lat = -90;
    for (const LatLon& p : crimea[0][0]) min_lat = std::min(min_lat, p.lat), max_lat = std::max(max_lat, p.lat);
    CHECK(min_lat == doctest::Approx(44.39).epsilon(0.01));
    CHECK(max_lat < 46.3);
}

TEST_CASE("arrows: a movement's arrow lies on the great circle, not on the straight line of the map") {
    sc::Scenario s;
    s.places.push_back(place("p1", "Berlin", "DE", "city", {52.52, 13.40}));
    s.places.push_back(place("p2", "Moscow", "RU", "city", {55.75, 37.62}));
    s.figures.push_back(troops("f1", 5000, "RU", "p2"));
    s.movements.push_back({"m1", "p1", "p2", "f1", std::nullopt});
    const HeadlessRender r = render(s, {10.0, 45.0, 42.0, 60.0});
    REQUIRE(r.overlay.arrows.size() == 1);

    // 40% of the way along the geodesic, and along the straight screen line.
    const auto path = geodesic_path(s.places[0].point, s.places[1].point, 20.0);
    const LatLon on_circle = path[0][path[0].size() * 2 / 5];
    const ScreenPoint a = r.camera.to_screen(s.places[0].point), b = r.camera.to_screen(s.places[1].point);
    const ScreenPoint on_circle_px = r.camera.to_screen(on_circle);
    const ScreenPoint straight{a.x + (b.x - a.x) * 0.4, a.y + (b.y - a.y) * 0.4};
    REQUIRE(std::hypot(on_circle_px.x - straight.x, on_circle_px.y - straight.y) > 12.0);  // the circle bows north
    REQUIRE_FALSE(covered(r.overlay, on_circle_px, 4));

    const std::uint8_t* on = r.image.at(static_cast<int>(on_circle_px.x), static_cast<int>(on_circle_px.y));
    const Rgba hostile = MapStyle{}.overlay.arrow_hostile;
    CHECK(std::abs(on[0] - hostile.red8()) <= 12);
    CHECK(std::abs(on[1] - hostile.green8()) <= 12);
    CHECK(std::abs(on[2] - hostile.blue8()) <= 12);
    const std::uint8_t* off = r.image.at(static_cast<int>(straight.x), static_cast<int>(straight.y));
    CHECK(std::abs(off[0] - hostile.red8()) + std::abs(off[1] - hostile.green8()) > 60);

    // The head stops just outside the symbol standing at Moscow, pointing at it.
    const OverlayLayout::Arrow& arrow = r.overlay.arrows[0];
    REQUIRE(r.overlay.symbol_groups.size() == 1);
    const ScreenBox& symbols = r.overlay.symbol_groups[0];
    CHECK(symbols.contains(float(b.x), float(b.y)));
    CHECK_FALSE(symbols.contains(float(arrow.tip.x), float(arrow.tip.y)));
    CHECK(symbols.inflated(3.5f).contains(float(arrow.tip.x), float(arrow.tip.y)));
    CHECK((b.x - arrow.tip.x) * (arrow.tip.x - arrow.base.x) + (b.y - arrow.tip.y) * (arrow.tip.y - arrow.base.y) > 0);

    // Pointing at the arrow picks the movement (the viewer's tooltip shows
    // its figure and sentence); pointing beside it picks nothing.
    CHECK(ui::pick_entity(s, r.overlay, r.camera, on_circle_px, 10.0) == ui::movement_ref("m1"));
    CHECK(ui::pick_entity(s, r.overlay, r.camera, straight, 10.0).empty());
}

TEST_CASE("framing: a movement's near origin is framed, across the Pacific when that is narrower") {
    sc::Scenario s;
    s.places.push_back(place("p1", "Nome", "US", "city", {64.50, -165.41}));
    s.places.push_back(place("p2", "Anadyr", "RU", "city", {64.73, 177.51}));
    s.places.push_back(place("p3", "Minsk", "BY", "city", {53.9, 27.57}));
    s.figures.push_back(troops("f1", 2000, "US", "p2"));
    s.movements.push_back({"m1", "p1", "p2", "f1", std::nullopt});
    const auto pacific = scenario_extent(s);
    REQUIRE(pacific);
    CHECK(pacific->min_lon == doctest::Approx(177.51));
    CHECK(pacific->max_lon == doctest::Approx(194.59));

    // A far origin (Anadyr to Minsk, 6,900 km) is left to the arrow coming in
    // from the edge: the map frames the theatre, not the whole route.
    s.figures[0].place = "p3";
    s.movements[0] = {"m1", "p2", "p3", "f1", std::nullopt};
    const auto theatre = scenario_extent(s);
    REQUIRE(theatre);
    CHECK(theatre->min_lon == doctest::Approx(27.57));
    CHECK(theatre->max_lon == doctest::Approx(27.57));
}
