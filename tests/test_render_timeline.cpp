// The overlay at a moment of the timeline: headless renders of a dated
// scenario at two times, checked pixel by pixel, and the layout of a
// figure on the move.
#include "cli_scratch.hpp"
#include "render/headless_render.hpp"
#include "render/overlay.hpp"
#include "render/symbols.hpp"
#include "scenario/timeline.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>

using namespace muster;
namespace sc = muster::scenario;

namespace {

constexpr LatLon minsk{53.9, 27.5667};
constexpr LatLon moscow{55.7558, 37.6173};
constexpr Extent view_bbox{22.0, 48.0, 42.0, 58.0};

sc::Place city(std::string id, std::string name, std::string country, LatLon point) {
    sc::Place p;
    p.id = std::move(id), p.name = std::move(name), p.country = std::move(country), p.feature = "city", p.point = point;
    return p;
}

// 30,000 Russian troops in Minsk from 10 January 2022, growing to 50,000 by
// 10 February.
sc::Scenario dated_scenario() {
    sc::Scenario s;
    s.places = {city("p1", "Minsk", "BY", minsk), city("p2", "Moscow", "RU", moscow)};
    sc::Figure f;
    f.id = "f1", f.text = "30,000 troops", f.amount.value = 30000.0, f.amount.qualifier = "exact";
    f.unit = "troops", f.category = "personnel", f.actor = "RU", f.place = "p1";
    f.when = {"2022-01-10", ""};
    f.history = {{"2022-01-10", 30000}, {"2022-02-10", 50000}};
    s.figures = {f};
    return s;
}

HeadlessRender render_at(sc::Scenario scenario, const char* when) {
    scenario.time.current = when;
    HeadlessRenderRequest request;
    request.size = {800, 500};
    request.bbox = view_bbox;
    request.scenario = &scenario;
    return render_map_headless(request);
}

bool close_to(const std::uint8_t* p, const Rgba& colour) {
    auto near = [](int a, int b) { return std::abs(a - b) <= 2; };
    return near(p[0], colour.red8()) && near(p[1], colour.green8()) && near(p[2], colour.blue8());
}

}  // namespace

TEST_CASE("timeline render: a unit appears on its date, with the strength its history gives then") {
    const HeadlessRender before = render_at(dated_scenario(), "2022-01-01");
    const HeadlessRender after = render_at(dated_scenario(), "2022-01-25");
    CHECK(before.overlay.symbols.empty());
    REQUIRE(after.overlay.symbols.size() == 1);
    const OverlayLayout::Symbol& symbol = after.overlay.symbols[0];
    // 15 of 31 days from 30,000 to 50,000: 39,677, drawn as an estimate.
    CHECK(symbol.spec.strength == "~40,000");

    // Inside the hostile diamond, right of the infantry cross: salmon at the
    // later date, the plain map where the unit is not yet.
    const int x = static_cast<int>(symbol.centre.x + symbol.height * 0.3f);
    const int y = static_cast<int>(symbol.centre.y);
    const Rgba salmon = OverlayStyle{}.symbols.hostile_fill;
    CHECK(close_to(after.image.at(x, y), salmon));
    CHECK_FALSE(close_to(before.image.at(x, y), salmon));
    // The unit stands at Minsk, as the camera places it.
    const ScreenPoint at = after.camera.to_screen(minsk);
    CHECK(std::abs(symbol.centre.x - at.x) < symbol.height);
}

TEST_CASE("timeline render: countries take their roles from the figures on the map at the moment") {
    const sc::Scenario s = dated_scenario();
    const sc::TimelineFrame early = sc::frame_at(s, *sc::parse_time("2022-01-01"));
    const sc::TimelineFrame late = sc::frame_at(s, *sc::parse_time("2022-01-25"));
    CHECK(country_roles(s, &early).empty());
    const auto roles = country_roles(s, &late);
    CHECK(roles.at("BY") == CountryRole::host);
    CHECK(roles.at("RU") == CountryRole::actor_hostile);
}

TEST_CASE("timeline render: a unit under way is drawn where its movement has brought it, its arrow while it moves") {
    sc::Scenario s = dated_scenario();
    s.figures[0].place = "p2";
    s.figures[0].history.clear();
    sc::Movement m;
    m.id = "m1", m.from = "p2", m.to = "p1", m.figure = "f1", m.when = {"2022-01-20", "2022-01-30"};
    s.movements = {m};

    const HeadlessRender waiting = render_at(s, "2022-01-15");
    REQUIRE(waiting.overlay.symbols.size() == 1);
    CHECK(waiting.overlay.arrows.empty());
    const ScreenPoint at_moscow = waiting.camera.to_screen(moscow);
    CHECK(std::abs(waiting.overlay.symbols[0].centre.x - at_moscow.x) < 30);

    const HeadlessRender moving = render_at(s, "2022-01-25");
    REQUIRE(moving.overlay.symbols.size() == 1);
    CHECK(moving.overlay.arrows.size() == 1);
    const sc::TimelineFrame frame = sc::frame_at(s, *sc::parse_time("2022-01-25"));
    REQUIRE(frame.figures[0].en_route);
    const ScreenPoint halfway = moving.camera.to_screen(*frame.figures[0].en_route);
    const ScreenPoint centre = moving.overlay.symbols[0].centre;
    CHECK(std::hypot(centre.x - halfway.x, centre.y - halfway.y) < 40);  // beside it at most, when moved aside
    CHECK(halfway.x > at_moscow.x - 0.6 * (at_moscow.x - moving.camera.to_screen(minsk).x));

    const HeadlessRender arrived = render_at(s, "2022-02-05");
    REQUIRE(arrived.overlay.symbols.size() == 1);
    CHECK(arrived.overlay.arrows.empty());
    const ScreenPoint at_minsk = arrived.camera.to_screen(minsk);
    CHECK(std::abs(arrived.overlay.symbols[0].centre.x - at_minsk.x) < 30);
}

TEST_CASE("timeline render: strengths between reports are rounded as a briefing gives them") {
    CHECK(rounded_strength(83412) == 83000);
    CHECK(rounded_strength(4260) == 4300);
    CHECK(rounded_strength(857) == 860);
    CHECK(rounded_strength(42.4) == 42);
    sc::Figure f;
    f.text = "thousands of troops", f.unit = "troops", f.category = "personnel", f.actor = "RU";
    f.amount.min = 2000.0, f.amount.max = 9999.0, f.amount.qualifier = "range";
    f.history = {{"2022-01-01", 5000}, {"2022-02-01", 9000}};
    sc::FigureAt between;
    between.strength = 7000;
    CHECK(symbol_spec_at(f, between, 0.05f).strength == "~7,000");
    sc::FigureAt on_report;
    on_report.strength = 9000;
    f.amount.qualifier = "exact";
    CHECK(symbol_spec_at(f, on_report, 0.05f).strength == "9,000");
    CHECK(symbol_spec_at(f, sc::FigureAt{}, 0.05f).strength == symbol_spec(f, 0.05f).strength);
}

TEST_CASE("timeline render: render --time draws an article as of a date, and refuses what is no date") {
    const muster::test::Scratch scratch("render-time");
    const auto article = scratch.folder() / "report-2022-01-26.txt";  // dated by its name
    std::ofstream(article) << "Russia has deployed 30,000 troops to Belarus.\n";
    const std::string input = "'" + article.string() + "' --size 400x300 --no-legend ";
    const auto png = [&](const char* name) { return "-o '" + (scratch.folder() / name).string() + "'"; };

    muster::test::Run run = scratch.muster("render " + input + png("before.png") + " --time 2022-01-01");
    REQUIRE(run.exit_code == 0);
    run = scratch.muster("render " + input + png("on.png") + " --time 2022-01-26");
    REQUIRE(run.exit_code == 0);
    run = scratch.muster("render " + input + png("default.png"));
    REQUIRE(run.exit_code == 0);
    const std::string before = muster::test::slurp(scratch.folder() / "before.png");
    const std::string on = muster::test::slurp(scratch.folder() / "on.png");
    CHECK(before != on);  // the troops are not on the map before the article reported them
    CHECK(on == muster::test::slurp(scratch.folder() / "default.png"));  // by default: its last date

    run = scratch.muster("render " + input + png("bad.png") + " --time 2022-02-30");
    CHECK(run.exit_code == 1);
    CHECK(run.err ==
          "muster render: option '--time' expects an ISO 8601 date such as 2022-02-24 or 2022-02-24T03:40, got "
          "'2022-02-30'\n");
    CHECK_FALSE(std::filesystem::exists(scratch.folder() / "bad.png"));
    run = scratch.muster("render " + png("bad.png") + " --time 2022-02-24");
    CHECK(run.exit_code == 1);
    CHECK(run.err == "muster render: --time draws INPUT at a date; give an article or scenario\n");
}

TEST_CASE("dense scenarios: a place shows its four strongest units and how many more, stacks with no room become dots") {
    sc::Scenario s;
    s.places = {city("p1", "Minsk", "BY", minsk)};
    for (int i = 0; i < 8; ++i) {
        sc::Figure f;
        f.id = "f" + std::to_string(i + 1), f.unit = "troops", f.category = "personnel", f.actor = "RU", f.place = "p1";
        f.amount.value = 1000.0 * (i + 1);
        f.text = std::to_string((i + 1) * 1000) + " troops";
        s.figures.push_back(f);
    }
    HeadlessRenderRequest request;
    request.size = {800, 600};
    request.bbox = view_bbox;
    request.scenario = &s;
    const HeadlessRender long_stack = render_map_headless(request);
    REQUIRE(long_stack.overlay.symbols.size() == 4);
    for (const auto& symbol : long_stack.overlay.symbols) CHECK(symbol.figure >= 4);  // 5,000 to 8,000 troops
    const auto more = std::find_if(long_stack.overlay.labels.begin(), long_stack.overlay.labels.end(),
                                   [](const auto& label) { return label.kind == OverlayLayout::LabelKind::more; });
    REQUIRE(more != long_stack.overlay.labels.end());
    CHECK(more->text == "+4 more");

    // Sixty garrisons a few kilometres apart in a small view: what fits is
    // drawn, the rest are deployment dots, nothing is drawn over another.
    sc::Scenario crowded;
    for (int i = 0; i < 60; ++i) {
        const std::string id = "p" + std::to_string(i + 1);
        crowded.places.push_back(city(id, "G" + std::to_string(i + 1), "BY",
                                      {minsk.lat + 0.02 * (i % 8), minsk.lon + 0.03 * (i / 8)}));
        sc::Figure f;
        f.id = "f" + std::to_string(i + 1), f.unit = "troops", f.category = "personnel", f.actor = "RU", f.place = id;
        f.amount.value = 2000.0, f.text = "2,000 troops";
        crowded.figures.push_back(f);
    }
    request.size = {500, 350};
    request.bbox = Extent{26.5, 53.3, 28.7, 54.6};
    request.scenario = &crowded;
    const HeadlessRender dense = render_map_headless(request);
    const auto stack_dots = std::count_if(dense.overlay.dots.begin(), dense.overlay.dots.end(),
                                          [](const auto& dot) { return dot.stack_place; });
    CHECK(dense.overlay.symbols.size() > 3);
    CHECK(dense.overlay.symbols.size() < 60);
    CHECK(static_cast<std::size_t>(stack_dots) >= 60 - dense.overlay.symbols.size());
    for (std::size_t a = 0; a < dense.overlay.symbol_groups.size(); ++a)
        for (std::size_t b = a + 1; b < dense.overlay.symbol_groups.size(); ++b)
            CHECK_FALSE(dense.overlay.symbol_groups[a].overlaps(dense.overlay.symbol_groups[b]));
}
