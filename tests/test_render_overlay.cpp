// The scenario overlay: label placement, symbol rules, country roles, the
// scenario camera, and headless renders checked pixel by pixel (Mesa
// llvmpipe, no display). With MUSTER_OVERLAY_SHOTS=DIR set, the briefing
// scenario is also rendered at 1920x1080 into DIR/overlay-*.png for a look.
#include "core/paths.hpp"
#include "export/png_writer.hpp"
#include "geodata/borders.hpp"
#include "platform/offscreen_surface.hpp"
#include "render/headless_render.hpp"
#include "render/labels.hpp"
#include "render/overlay.hpp"
#include "render/map_renderer.hpp"
#include "render/overlay_lines.hpp"
#include "ui/imgui_layer.hpp"
#include "render/symbols.hpp"
#include "scenario/scenario_json.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

using namespace muster;
namespace sc = muster::scenario;

namespace {

// ------------------------------------------------------------------ helpers

sc::Place make_place(std::string id, std::string name, std::string country, std::string feature, LatLon point,
                     std::int64_t geonameid = 0) {
    sc::Place place;
    place.id = std::move(id);
    place.name = std::move(name);
    place.country = std::move(country);
    place.feature = std::move(feature);
    place.point = point;
    place.geonameid = geonameid;
    return place;
}

sc::Figure make_figure(std::string id, std::string text, sc::Amount amount, std::string unit, std::string category,
                       std::string actor, std::string place) {
    sc::Figure figure;
    figure.id = std::move(id);
    figure.text = std::move(text);
    figure.amount = std::move(amount);
    figure.unit = std::move(unit);
    figure.category = std::move(category);
    figure.actor = std::move(actor);
    figure.place = std::move(place);
    return figure;
}

sc::Amount exact(double value) { return {value, std::nullopt, std::nullopt, "exact"}; }

constexpr LatLon minsk{53.9, 27.5667};
constexpr LatLon kyiv{50.4501, 30.5234};
constexpr Extent test_bbox{22.0, 44.0, 42.0, 57.0};

// Roughly the Russia-Ukraine boundary, north to south-east.
const std::vector<LatLon> test_border_line{
    {52.30, 31.80}, {52.10, 33.40}, {51.30, 34.20}, {50.40, 35.50}, {50.10, 37.40}, {49.20, 39.90}, {47.90, 39.80}};

// Two places, RU troops at a place in Belarus, a RU-UA border.
sc::Scenario test_scenario() {
    sc::Scenario s;
    s.places.push_back(make_place("p1", "Minsk", "BY", "city", minsk, 625144));
    s.places.push_back(make_place("p2", "Kyiv", "UA", "city", kyiv, 703448));
    s.figures.push_back(make_figure("f1", "2,000 troops", exact(2000), "troops", "personnel", "RU", "p1"));
    sc::Border border;
    border.id = "b1";
    border.a = "RU";
    border.b = "UA";
    border.claimed_km = 2000.0;
    border.measured_km = 1671.0;
    border.lines = {test_border_line};
    s.borders.push_back(border);
    return s;
}

struct Rendered {
    HeadlessRender render;
    OverlayLayout layout;
};

const Rendered& test_render() {
    static const Rendered rendered = [] {
        const sc::Scenario scenario = test_scenario();
        HeadlessRenderRequest request;
        request.size = {1000, 700};
        request.bbox = test_bbox;
        request.scenario = &scenario;
        HeadlessRender render = render_map_headless(request);
        OverlayLayout layout = render.overlay;
        return Rendered{std::move(render), std::move(layout)};
    }();
    return rendered;
}

const std::uint8_t* pixel(const HeadlessRender& render, ScreenPoint p) {
    const int x = static_cast<int>(p.x), y = static_cast<int>(p.y);
    REQUIRE(x >= 0);
    REQUIRE(y >= 0);
    REQUIRE(x < render.image.size.width);
    REQUIRE(y < render.image.size.height);
    return render.image.at(x, y);
}

bool has_colour(const std::uint8_t* p, const Rgba& colour) {
    auto close = [](int a, int b) { return std::abs(a - b) <= 1; };
    return close(p[0], colour.red8()) && close(p[1], colour.green8()) && close(p[2], colour.blue8());
}

std::string describe(const std::uint8_t* p) {
    return "rgb(" + std::to_string(p[0]) + "," + std::to_string(p[1]) + "," + std::to_string(p[2]) + ")";
}

// Whether anything of the overlay (label, symbol, halo, dot, leader) lies
// within `margin` pixels of p.
bool covered(const OverlayLayout& layout, ScreenPoint p, float margin = 6.0f) {
    const ScreenBox probe = ScreenBox::centred(float(p.x), float(p.y), 2 * margin, 2 * margin);
    for (const auto& label : layout.labels)
        if (label.box.overlaps(probe)) return true;
    for (const auto& group : layout.symbol_groups)
        if (group.inflated(6).overlaps(probe)) return true;
    for (const auto& halo : layout.halos)
        if (std::hypot(p.x - halo.centre.x, p.y - halo.centre.y) < std::max(halo.fill, halo.ring) + margin) return true;
    for (const auto& dot : layout.dots)
        if (std::hypot(p.x - dot.centre.x, p.y - dot.centre.y) < 6 + margin) return true;
    for (const auto& leader : layout.leaders) {
        const double dx = leader.to.x - leader.from.x, dy = leader.to.y - leader.from.y;
        const double len2 = dx * dx + dy * dy;
        const double t = len2 > 0 ? std::clamp(((p.x - leader.from.x) * dx + (p.y - leader.from.y) * dy) / len2, 0.0, 1.0)
                                  : 0.0;
        if (std::hypot(p.x - (leader.from.x + t * dx), p.y - (leader.from.y + t * dy)) < 4 + margin) return true;
    }
    return false;
}

// The first of some places in a country that no overlay mark covers.
ScreenPoint free_point(const Rendered& r, std::initializer_list<LatLon> candidates) {
    for (const LatLon& c : candidates) {
        const ScreenPoint p = r.render.camera.to_screen(c);
        if (!covered(r.layout, p)) return p;
    }
    FAIL("every candidate point is covered by the overlay");
    return {};
}

}  // namespace

// ------------------------------------------------------------------ placement

TEST_CASE("label placement: priority first, next option on collision, dropped when nothing fits") {
    const ScreenBox bounds{0, 0, 200, 100};
    std::vector<LabelRequest> requests(3);
    requests[0] = {1.0f, {{10, 10, 60, 20}}};                        // low priority, only one option
    requests[1] = {5.0f, {{20, 12, 70, 22}, {20, 40, 70, 50}}};      // high: takes its first option
    requests[2] = {3.0f, {{15, 15, 65, 25}, {150, 80, 210, 90}}};    // first collides, second leaves the bounds
    const auto placed = place_labels(requests, {}, bounds, 1.0f);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].request == 1);
    CHECK(placed[0].option == 0);

    // With room, the lower priority label moves to its next option.
    requests[2].options[1] = {120, 60, 170, 70};
    const auto again = place_labels(requests, {}, bounds, 1.0f);
    REQUIRE(again.size() == 2);
    CHECK(again[1].request == 2);
    CHECK(again[1].option == 1);
}

TEST_CASE("label placement: obstacles and padding keep labels apart") {
    const ScreenBox bounds{0, 0, 100, 100};
    const std::vector<ScreenBox> obstacles{{40, 40, 60, 60}};
    std::vector<LabelRequest> requests{
        {2.0f, {{45, 45, 55, 50}, {61, 40, 80, 45}, {63, 40, 80, 45}}},  // on the obstacle; within padding; clear
        {1.0f, {{63, 46, 80, 50}, {63, 50, 80, 55}}},                   // 1 px under the first: too close
    };
    const auto placed = place_labels(requests, obstacles, bounds, 2.0f);
    REQUIRE(placed.size() == 2);
    CHECK(placed[0].option == 2);
    CHECK(placed[1].option == 1);
    for (std::size_t i = 0; i < placed.size(); ++i)
        for (std::size_t j = i + 1; j < placed.size(); ++j) CHECK_FALSE(placed[i].box.overlaps(placed[j].box));
}

TEST_CASE("label placement: many random labels never overlap") {
    std::vector<LabelRequest> requests;
    std::uint32_t seed = 12345;
    auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return static_cast<float>(seed >> 8) / static_cast<float>(1u << 24);
    };
    for (int i = 0; i < 400; ++i) {
        const float x = next() * 800, y = next() * 600, w = 20 + next() * 80, h = 10 + next() * 6;
        requests.push_back({next(), point_label_options(x, y, w, h, 4.0f)});
    }
    const auto placed = place_labels(requests, {}, ScreenBox{0, 0, 800, 600}, 2.0f);
    CHECK(placed.size() > 30);
    CHECK(placed.size() < 400);
    for (std::size_t i = 0; i < placed.size(); ++i)
        for (std::size_t j = i + 1; j < placed.size(); ++j) REQUIRE_FALSE(placed[i].box.overlaps(placed[j].box));
}

TEST_CASE("point labels are offered right of the point first") {
    const auto options = point_label_options(100, 50, 40, 10, 5);
    REQUIRE(options.size() == 8);
    CHECK(options[0].min_x == doctest::Approx(105));
    CHECK(options[0].min_y == doctest::Approx(45));
    CHECK(options[3].max_x == doctest::Approx(95));  // left
}

// ------------------------------------------------------------------ symbols

TEST_CASE("affiliation: RU and BY hostile, NATO and members friend, declared neutrals neutral, rest unknown") {
    CHECK(affiliation_of("RU") == Affiliation::hostile);
    CHECK(affiliation_of("BY") == Affiliation::hostile);
    CHECK(affiliation_of("NATO") == Affiliation::friend_);
    CHECK(affiliation_of("PL") == Affiliation::friend_);
    CHECK(affiliation_of("SE") == Affiliation::friend_);
    CHECK(affiliation_of("UA") == Affiliation::friend_);
    CHECK(affiliation_of("CH") == Affiliation::neutral);
    CHECK(affiliation_of("CN") == Affiliation::unknown);
    CHECK(affiliation_of("") == Affiliation::unknown);
}

TEST_CASE("function icons follow the unit and the words") {
    auto function = [](std::string text, std::string unit, std::string category) {
        return unit_function_of(make_figure("f", std::move(text), {}, std::move(unit), std::move(category), "", ""));
    };
    CHECK(function("127,000 troops", "troops", "personnel") == UnitFunction::infantry);
    CHECK(function("1,200 tanks", "tanks", "equipment") == UnitFunction::armour);
    CHECK(function("dozens of howitzers", "howitzers", "equipment") == UnitFunction::artillery);
    CHECK(function("S-400 systems", "S-400 systems", "equipment") == UnitFunction::air_defence);
    CHECK(function("air defence units", "units", "unit") == UnitFunction::air_defence);
    CHECK(function("hundreds of aircraft", "aircraft", "equipment") == UnitFunction::fixed_wing);
    CHECK(function("30 fighter jets", "jets", "equipment") == UnitFunction::fixed_wing);
    CHECK(function("20 helicopters", "helicopters", "equipment") == UnitFunction::rotary_wing);
    CHECK(function("Iskander missiles", "missiles", "equipment") == UnitFunction::missile);
    CHECK(function("3,000 paratroopers", "paratroopers", "personnel") == UnitFunction::airborne);
    CHECK(function("12 ships", "ships", "equipment") == UnitFunction::none);
    CHECK(echelon_of("battalion tactical groups") == Echelon::battalion);
    CHECK(echelon_of("brigades") == Echelon::brigade);
    CHECK(echelon_of("division") == Echelon::division);
    CHECK(echelon_of("troops") == Echelon::none);
    CHECK(std::string(echelon_mark(Echelon::division)) == "XX");
}

TEST_CASE("strength amplifiers keep the text's precision and vagueness") {
    auto strength = [](std::string text, sc::Amount amount) {
        return strength_text(make_figure("f", std::move(text), std::move(amount), "troops", "personnel", "RU", ""));
    };
    CHECK(strength("127,000 troops", exact(127000)) == "127,000");
    CHECK(strength("some 127,000 troops", {127000.0, std::nullopt, std::nullopt, "approx"}) == "~127,000");
    CHECK(strength("thousands of troops", {std::nullopt, 2000.0, 9999.0, "approx"}) == "thousands");
    CHECK(strength("Tens of thousands of troops", {std::nullopt, 20000.0, 99999.0, "approx"}) == "tens of thousands");
    CHECK(strength("2,000 to 9,999 troops", {std::nullopt, 2000.0, 9999.0, "range"}) == "2,000\u20139,999");
    CHECK(strength("up to 30,000 troops", {std::nullopt, std::nullopt, 30000.0, "at_most"}) == "up to 30,000");
    CHECK(strength("S-400 systems", {}) == "");
    CHECK(format_thousands(1234567.0) == "1,234,567");
    CHECK(format_thousands(999.0) == "999");
}

TEST_CASE("strength halos are area-proportional: 127,000 reads larger than 8,500") {
    const auto big = symbol_spec(make_figure("a", "127,000 troops", exact(127000), "troops", "personnel", "RU", ""), 0.3f);
    const auto small = symbol_spec(make_figure("b", "8,500 troops", exact(8500), "troops", "personnel", "RU", ""), 0.3f);
    CHECK(big.halo_fill_pt > small.halo_fill_pt);
    // Areas in the ratio of the strengths.
    CHECK(big.halo_fill_pt * big.halo_fill_pt / (small.halo_fill_pt * small.halo_fill_pt) ==
          doctest::Approx(127000.0 / 8500.0));
    const auto vague =
        symbol_spec(make_figure("c", "thousands of troops", {std::nullopt, 2000.0, 9999.0, "approx"}, "troops",
                                "personnel", "RU", ""),
                    0.3f);
    CHECK(vague.halo_fill_pt == doctest::Approx(0.3f * std::sqrt(2000.0f)));
    CHECK(vague.halo_ring_pt == doctest::Approx(0.3f * std::sqrt(9999.0f)));
    // Aircraft get no halo: not comparable with persons.
    const auto aircraft = symbol_spec(
        make_figure("d", "300 aircraft", exact(300), "aircraft", "equipment", "RU", ""), 0.3f);
    CHECK(aircraft.halo_fill_pt == 0.0f);
}

// ------------------------------------------------------------------ scenario model

TEST_CASE("country roles: actors by affiliation, hosts where forces are placed") {
    sc::Scenario s = test_scenario();
    s.places.push_back(make_place("p3", "Poland", "PL", "country", {52.0, 19.0}));
    s.figures.push_back(make_figure("f2", "4,000 NATO troops", exact(4000), "troops", "personnel", "NATO", "p3"));
    s.figures.push_back(make_figure("f3", "2,000 km", exact(2000), "km", "distance", "", "p2"));
    const auto roles = country_roles(s);
    CHECK(roles.at("RU") == CountryRole::actor_hostile);
    CHECK(roles.at("BY") == CountryRole::host);
    CHECK(roles.at("PL") == CountryRole::host);
    CHECK(roles.count("UA") == 0);  // only a distance is placed there
    CHECK(roles.count("NATO") == 0);
}

TEST_CASE("fit_scenario frames every place and border point inside the margins") {
    const sc::Scenario s = test_scenario();
    const PixelSize size{1200, 800};
    const Camera camera = fit_scenario(s, size, 100.0);
    auto inside = [&](LatLon p) {
        const ScreenPoint q = camera.to_screen(p);
        return q.x >= 99.0 && q.x <= size.width - 99.0 && q.y >= 99.0 && q.y <= size.height - 99.0;
    };
    for (const auto& place : s.places) CHECK(inside(place.point));
    for (const LatLon& p : test_border_line) CHECK(inside(p));
    CHECK(camera.zoom() > 4.0);  // a region, not the world

    sc::Scenario empty;
    CHECK_FALSE(scenario_extent(empty));
    CHECK(fit_scenario(empty, size).zoom() == doctest::Approx(Camera::world_view(size).zoom()));
}

// ------------------------------------------------------------------ GL

TEST_CASE("thick lines: exact colour along the axis, smooth falloff at the edge") {
    OffscreenSurface surface({200, 100}, 1);
    surface.bind_framebuffer();
    glViewport(0, 0, 200, 100);
    glClearColor(1.0f, 1.0f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    Camera camera({200, 100});
    camera.set_zoom(6.0);
    camera.set_centre({0.0, 0.0});
    ThickLines lines;
    lines.set_lines({{camera.to_lonlat({20.0, 50.0}), camera.to_lonlat({180.0, 50.0})}});
    CHECK(lines.segments() == 1);
    const Rgba purple = Rgba::hex(0x6A1B9A);
    lines.draw(camera, 6.0f, purple);
    const RgbaImage image = surface.read_pixels();
    // The line's axis is the pixel boundary y = 50: rows 47..52 are inside the 6 px.
    for (int y = 47; y <= 52; ++y) CHECK(has_colour(image.at(100, y), purple));
    CHECK(image.at(100, 44)[0] == 255);  // beyond the edge: untouched
    CHECK(image.at(100, 55)[0] == 255);
    // Round caps: the line reaches 3 px beyond its end points, not further.
    CHECK(has_colour(image.at(181, 50), purple));
    CHECK(image.at(185, 50)[0] == 255);
    // A line at an angle has intermediate (anti-aliased) pixels at its edge.
    glClear(GL_COLOR_BUFFER_BIT);
    lines.set_lines({{camera.to_lonlat({20.0, 20.0}), camera.to_lonlat({180.0, 80.0})}});
    lines.draw(camera, 5.0f, purple);
    const RgbaImage slanted = surface.read_pixels();
    int partial = 0;
    for (int y = 0; y < 100; ++y) {
        const int red = slanted.at(100, y)[0];
        if (red > purple.red8() + 10 && red < 245) ++partial;
    }
    CHECK(partial >= 2);
}

TEST_CASE("overlay render: symbol frame, border line and country roles at their places") {
    const Rendered& r = test_render();
    const MapStyle style;
    REQUIRE(r.layout.symbols.size() == 1);
    const auto& symbol = r.layout.symbols[0];
    CHECK(symbol.spec.affiliation == Affiliation::hostile);
    CHECK(symbol.spec.function == UnitFunction::infantry);
    // The symbol sits on Minsk (not moved aside: nothing to collide with).
    const ScreenPoint at_minsk = r.render.camera.to_screen(minsk);
    CHECK(symbol.centre.x == doctest::Approx(at_minsk.x));
    CHECK(symbol.centre.y == doctest::Approx(at_minsk.y));
    // Inside the diamond, right of the centre, clear of the infantry cross: the hostile fill.
    const auto* frame = pixel(r.render, {at_minsk.x + 0.36 * symbol.height, at_minsk.y});
    INFO("symbol pixel " << describe(frame));
    CHECK(has_colour(frame, style.overlay.symbols.hostile_fill));

    // The border line's colour on the line, at a point no label covers.
    bool checked = false;
    for (std::size_t i = 0; i + 1 < test_border_line.size() && !checked; ++i) {
        const ScreenPoint a = r.render.camera.to_screen(test_border_line[i]);
        const ScreenPoint b = r.render.camera.to_screen(test_border_line[i + 1]);
        const ScreenPoint mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
        if (covered(r.layout, mid, 4.0f)) continue;
        const auto* line = pixel(r.render, mid);
        INFO("border pixel " << describe(line) << " on segment " << i);
        CHECK(has_colour(line, style.overlay.border_line));
        checked = true;
    }
    CHECK(checked);

    const auto* russia = pixel(r.render, free_point(r, {{54.5, 40.5}, {52.5, 39.0}, {56.0, 35.0}, {53.0, 36.5}}));
    INFO("Russia pixel " << describe(russia));
    CHECK(has_colour(russia, style.overlay.roles.actor_hostile));
    const auto* belarus = pixel(r.render, free_point(r, {{52.6, 29.0}, {52.3, 25.5}, {55.2, 28.5}, {53.3, 30.3}}));
    INFO("Belarus pixel " << describe(belarus));
    CHECK(has_colour(belarus, style.overlay.roles.host));
    const auto* romania = pixel(r.render, free_point(r, {{46.2, 24.5}, {45.0, 25.5}, {47.0, 26.5}, {55.3, 24.0}}));
    INFO("unrelated country pixel " << describe(romania));
    CHECK(has_colour(romania, style.land));
    // Ukraine is neither actor nor host here (only a place and a border).
    const auto* ukraine = pixel(r.render, free_point(r, {{48.5, 31.0}, {49.0, 27.5}, {47.5, 34.0}}));
    CHECK(has_colour(ukraine, style.land));
}

TEST_CASE("overlay render: labels are placed, never overlap each other or the symbols") {
    const Rendered& r = test_render();
    const auto& labels = r.layout.labels;
    auto has_label = [&](const std::string& text) {
        return std::any_of(labels.begin(), labels.end(), [&](const auto& l) { return l.text == text; });
    };
    CHECK(has_label("Minsk"));
    CHECK(has_label("Kyiv"));
    CHECK(has_label("BELARUS"));
    CHECK(has_label("UKRAINE"));
    CHECK(has_label("Russia\u2013Ukraine border"));
    for (const auto& label : labels)
        if (label.kind == OverlayLayout::LabelKind::border)
            CHECK(label.detail == "2,000 km claimed \u00b7 1,671 km measured (Natural Earth 1:10m)");
    for (std::size_t i = 0; i < labels.size(); ++i) {
        for (std::size_t j = i + 1; j < labels.size(); ++j) {
            INFO(labels[i].text << " / " << labels[j].text);
            CHECK_FALSE(labels[i].box.overlaps(labels[j].box));
        }
        for (const auto& group : r.layout.symbol_groups) CHECK_FALSE(labels[i].box.overlaps(group));
    }
}

TEST_CASE("a scenario with no places and no borders renders exactly like the plain map") {
    HeadlessRenderRequest request;
    request.size = {400, 300};
    request.bbox = test_bbox;
    const HeadlessRender plain = render_map_headless(request);
    sc::Scenario empty;
    empty.title = "nothing placed";
    empty.figures.push_back(make_figure("f1", "127,000 troops", exact(127000), "troops", "personnel", "RU", ""));
    request.scenario = &empty;
    const HeadlessRender with_empty = render_map_headless(request);
    CHECK(with_empty.camera.zoom() == doctest::Approx(plain.camera.zoom()));
    CHECK(with_empty.image.pixels == plain.image.pixels);
}

TEST_CASE("without a bbox a scenario render frames the scenario") {
    const sc::Scenario scenario = test_scenario();
    HeadlessRenderRequest request;
    request.size = {640, 400};
    request.attribution = false;
    const std::filesystem::path png =
        std::filesystem::temp_directory_path() / ("muster-test-overlay-" + std::to_string(::getpid()) + ".png");
    const HeadlessRender render = render_scenario_png(scenario, request, png);
    CHECK(std::filesystem::file_size(png) > 1000);
    std::filesystem::remove(png);
    const ScreenPoint m = render.camera.to_screen(minsk);
    CHECK(m.x > 0);
    CHECK(m.x < 640);
    CHECK(render.camera.zoom() > 4.0);
}

// ------------------------------------------------------------------ screenshots

namespace {

// The briefing scenario of the overlay's design review.
sc::Scenario briefing_scenario() {
    sc::Scenario s;
    s.places.push_back(make_place("p1", "Ukraine", "UA", "country", {49.0, 31.4}));
    s.places.push_back(make_place("p2", "Belarus", "BY", "country", {53.5, 28.0}));
    s.places.push_back(make_place("p3", "Kyiv", "UA", "city", kyiv, 703448));
    s.places.push_back(make_place("p4", "Moscow", "RU", "city", {55.7522, 37.6156}, 524901));
    s.places.push_back(make_place("p5", "Minsk", "BY", "city", minsk, 625144));
    s.places.push_back(make_place("p6", "Crimea", "UA", "region", {45.3, 34.4}));
    s.figures.push_back(make_figure("f1", "127,000 troops", exact(127000), "troops", "personnel", "RU", "p1"));
    s.figures.push_back(make_figure("f2", "thousands of troops", {std::nullopt, 2000.0, 9999.0, "approx"}, "troops",
                                    "personnel", "RU", "p2"));
    s.figures.push_back(make_figure("f3", "hundreds of aircraft", {std::nullopt, 200.0, 999.0, "approx"}, "aircraft",
                                    "equipment", "RU", "p2"));
    s.figures.push_back(make_figure("f4", "S-400 systems", {}, "S-400 systems", "equipment", "RU", "p2"));
    sc::Border border;
    border.id = "b1";
    border.a = "RU";
    border.b = "UA";
    border.claimed_km = 2000.0;
    const auto shared = shared_border(default_geopackage(), "RU", "UA");
    REQUIRE(shared);
    border.measured_km = shared->length_km;
    border.lines = shared->lines;
    s.borders.push_back(border);
    return s;
}

// Every frame and icon once, for a look at the symbol set.
sc::Scenario symbol_gallery() {
    sc::Scenario s;
    s.places.push_back(make_place("p1", "Rzeszów", "PL", "city", {50.0413, 21.999}, 759734));
    s.places.push_back(make_place("p2", "Vilnius", "LT", "city", {54.6892, 25.2798}, 593116));
    s.places.push_back(make_place("p3", "Chișinău", "MD", "city", {47.0056, 28.8575}, 618426));
    s.places.push_back(make_place("p4", "Kaliningrad", "RU", "city", {54.7065, 20.511}, 554234));
    s.places.push_back(make_place("p5", "Donbas", "UA", "region", {48.0, 38.0}));
    s.figures.push_back(make_figure("f1", "4,000 troops", exact(4000), "troops", "personnel", "NATO", "p1"));
    s.figures.push_back(make_figure("f2", "a battalion", exact(1), "battalion", "unit", "US", "p1"));
    s.figures.push_back(make_figure("f3", "two brigades", exact(2), "brigades", "unit", "DE", "p2"));
    s.figures.push_back(make_figure("f4", "up to 30,000 troops", {std::nullopt, std::nullopt, 30000.0, "at_most"},
                                    "troops", "personnel", "", "p3"));
    s.figures.push_back(make_figure("f5", "Iskander missiles", {}, "missiles", "equipment", "RU", "p4"));
    s.figures.push_back(make_figure("f6", "20 helicopters", exact(20), "helicopters", "equipment", "CH", "p4"));
    s.figures.push_back(make_figure("f7", "1,200 tanks", exact(1200), "tanks", "equipment", "RU", "p5"));
    s.figures.push_back(make_figure("f8", "dozens of howitzers", {std::nullopt, 24.0, 99.0, "approx"}, "howitzers",
                                    "equipment", "RU", "p5"));
    s.figures.push_back(make_figure("f9", "3,000 paratroopers", exact(3000), "paratroopers", "personnel", "RU", "p5"));
    s.figures.push_back(make_figure("f10", "a division", exact(1), "division", "unit", "RU", "p5"));
    return s;
}

}  // namespace

TEST_CASE("briefing screenshots (MUSTER_OVERLAY_SHOTS=DIR)") {
    const char* dir = std::getenv("MUSTER_OVERLAY_SHOTS");
    if (!dir || !*dir) {
        MESSAGE("MUSTER_OVERLAY_SHOTS not set: screenshots skipped");
        return;
    }
    const std::filesystem::path out(dir);
    std::filesystem::create_directories(out);
    const sc::Scenario briefing = briefing_scenario();
    const sc::Scenario gallery = symbol_gallery();
    HeadlessRenderRequest request;
    request.size = {1920, 1080};
    struct Shot {
        const char* name;
        const sc::Scenario* scenario;
        std::optional<Extent> bbox;
    };
    const Shot shots[] = {
        {"overlay-world.png", &briefing, Extent{-180.0, -58.0, 180.0, 78.0}},
        {"overlay-europe.png", &briefing, Extent{-12.0, 34.0, 62.0, 66.0}},
        {"overlay-ukraine.png", &briefing, Extent{21.0, 43.5, 41.5, 53.5}},
        {"overlay-fit.png", &briefing, std::nullopt},
        {"overlay-symbols.png", &gallery, Extent{17.0, 45.0, 41.0, 56.5}},
    };
    save_scenario(briefing, out / "overlay-briefing.muster.json");  // the same scenario, for `muster view`
    for (const Shot& shot : shots) {
        request.bbox = shot.bbox;
        const HeadlessRender render = render_scenario_png(*shot.scenario, request, out / shot.name);
        MESSAGE(std::string(shot.name) << ": setup " << render.setup_ms << " ms, draw " << render.draw_ms << " ms");
    }
}

// Frame times of the window's path (map, overlay, ImGui, glFinish) at
// 1920x1080 without multisampling, along a scripted pan and zoom, with and
// without the briefing scenario. Reported, not asserted: timings depend on
// the machine.
TEST_CASE("overlay frame times (MUSTER_OVERLAY_SHOTS=DIR)") {
    const char* dir = std::getenv("MUSTER_OVERLAY_SHOTS");
    if (!dir || !*dir) return;
    const sc::Scenario briefing = briefing_scenario();
    const PixelSize size{1920, 1080};
    OffscreenSurface surface(size, 1);
    ui::ImGuiLayer imgui(15.0f);
    const OverlayFonts fonts = load_overlay_fonts(1.0f);
    for (const bool with_scenario : {false, true}) {
        MapRenderer renderer;
        renderer.set_scenario(with_scenario ? &briefing : nullptr);
        Camera camera = fit_scenario(briefing, size);
        std::vector<double> times;
        for (int frame = 0; frame < 90; ++frame) {
            if (frame % 30 < 20)
                camera.pan_by_pixels(12.0, 4.0);  // a drag: the layout is redone every frame
            else
                camera.zoom_about({960, 540}, camera.zoom() + (frame % 60 < 30 ? 0.1 : -0.1));
            const auto start = std::chrono::steady_clock::now();
            surface.bind_framebuffer();
            renderer.draw(camera);
            imgui.begin_headless_frame(size);
            renderer.draw_overlay(ImGui::GetBackgroundDrawList(), fonts);
            imgui.render();
            glFinish();
            times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        }
        times.erase(times.begin(), times.begin() + 3);  // first frames load meshes and cities
        std::sort(times.begin(), times.end());
        MESSAGE(std::string(with_scenario ? "with scenario" : "plain map") << ": median " << times[times.size() / 2]
                << " ms, p99 " << times[times.size() * 99 / 100] << " ms, max " << times.back() << " ms");
    }
}

TEST_CASE("overlay: forces placed at a neighbour they border stand on the shared border") {
    sc::Scenario scenario = test_scenario();
    scenario.places.push_back(make_place("p3", "Ukraine", "UA", "country", {49.0, 32.0}));
    scenario.figures.push_back(
        make_figure("f2", "127,000 troops", exact(127000), "troops", "personnel", "RU", "p3"));
    HeadlessRenderRequest request;
    request.size = {1000, 700};
    request.bbox = test_bbox;
    request.scenario = &scenario;
    const HeadlessRender render = render_map_headless(request);
    REQUIRE(render.overlay.symbols.size() == 2);
    const auto& on_border = render.overlay.symbols[1].figure == 1 ? render.overlay.symbols[1]
                                                                 : render.overlay.symbols[0];
    REQUIRE(on_border.figure == 1);
    // Not at Ukraine's point, but on the RU-UA line (its middle is near 50.3 N 35.6 E).
    const ScreenPoint country = render.camera.to_screen({49.0, 32.0});
    CHECK(std::hypot(on_border.centre.x - country.x, on_border.centre.y - country.y) > 100.0);
    double nearest = 1e9;
    for (std::size_t i = 0; i + 1 < test_border_line.size(); ++i) {
        const ScreenPoint a = render.camera.to_screen(test_border_line[i]);
        const ScreenPoint b = render.camera.to_screen(test_border_line[i + 1]);
        const double dx = b.x - a.x, dy = b.y - a.y;
        const double t = std::clamp(((on_border.centre.x - a.x) * dx + (on_border.centre.y - a.y) * dy) /
                                        (dx * dx + dy * dy), 0.0, 1.0);
        nearest = std::min(nearest, std::hypot(on_border.centre.x - (a.x + t * dx), on_border.centre.y - (a.y + t * dy)));
    }
    CHECK(nearest < 2.0);
}

// ------------------------------------------------------------------ user overrides and covered strips

TEST_CASE("a figure's affiliation and echelon set by hand override the derived ones, on the map too") {
    sc::Figure troops = make_figure("f1", "2,000 troops", exact(2000), "troops", "personnel", "RU", "p1");
    CHECK(symbol_spec(troops, 0.3f).affiliation == Affiliation::hostile);
    CHECK(symbol_spec(troops, 0.3f).echelon == Echelon::none);
    troops.affiliation = "friend";
    troops.echelon = "brigade";
    CHECK(symbol_spec(troops, 0.3f).affiliation == Affiliation::friend_);
    CHECK(symbol_spec(troops, 0.3f).echelon == Echelon::brigade);
    troops.echelon = "none";  // explicitly none, though the unit says battalion
    troops.unit = "battalion tactical groups";
    CHECK(symbol_spec(troops, 0.3f).echelon == Echelon::none);

    sc::Scenario s = test_scenario();
    s.figures[0].affiliation = "friend";
    CHECK(country_roles(s).at("RU") == CountryRole::actor_friend);
    HeadlessRenderRequest request;
    request.size = {1000, 700};
    request.bbox = test_bbox;
    request.scenario = &s;
    const HeadlessRender render = render_map_headless(request);
    REQUIRE(render.overlay.symbols.size() == 1);
    const auto& symbol = render.overlay.symbols[0];
    CHECK(symbol.spec.affiliation == Affiliation::friend_);
    // Inside the friend rectangle, right of the centre and clear of the
    // infantry cross's diagonals: the friend fill where the diamond was hostile red.
    const auto* frame = pixel(render, {symbol.centre.x + 0.36 * symbol.height, symbol.centre.y});
    INFO("symbol pixel " << describe(frame));
    CHECK(has_colour(frame, MapStyle{}.overlay.symbols.friend_fill));
}

TEST_CASE("no label or symbol is placed in the strips the menu and status bars and side panels cover") {
    sc::Scenario s = test_scenario();
    HeadlessRenderRequest request;
    request.size = {1000, 700};
    request.scenario = &s;
    // Framed by latitude: Minsk's symbol and label near the top edge, Kyiv's near the bottom.
    request.bbox = Extent{26.0, kyiv.lat - 0.25, 32.0, minsk.lat + 0.25};
    constexpr float strip = 36.0f;
    auto in_strips = [&](const ScreenBox& box, float height) {
        return box.min_y < strip || box.max_y > height - strip;
    };
    auto count_in_strips = [&](const HeadlessRender& render) {
        const float height = static_cast<float>(render.image.size.height);
        int inside = 0;
        for (const auto& label : render.overlay.labels) inside += in_strips(label.box, height);
        for (const auto& group : render.overlay.symbol_groups) inside += in_strips(group, height);
        return inside;
    };
    const HeadlessRender uncovered = render_map_headless(request);
    CHECK(count_in_strips(uncovered) > 0);  // the case would not test anything otherwise
    int uncovered_left = 0;
    request.style.overlay.covered_top_pt = strip;
    request.style.overlay.covered_bottom_pt = strip;
    const HeadlessRender covered = render_map_headless(request);
    CHECK(count_in_strips(covered) == 0);
    CHECK(covered.overlay.symbols.size() == 1);  // moved down, not dropped

    // Side panels: the left third of the view (where Brest and Poland are) stays empty.
    request.style.overlay.covered_left_pt = 330.0f;
    request.style.overlay.covered_right_pt = 100.0f;
    const HeadlessRender sides = render_map_headless(request);
    const ScreenBox left{0.0f, 0.0f, 330.0f, 700.0f}, right{900.0f, 0.0f, 1000.0f, 700.0f};
    for (const auto& label : sides.overlay.labels) {
        INFO(label.text);
        CHECK_FALSE(label.box.overlaps(left));
        CHECK_FALSE(label.box.overlaps(right));
    }
    for (const auto& label : uncovered.overlay.labels) uncovered_left += label.box.overlaps(left);
    CHECK(uncovered_left > 0);
}
