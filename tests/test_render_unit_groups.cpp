// Aggregated unit symbols (render/unit_groups.hpp): the grouping rule, what a
// group says, and a headless render of a crowded view with its group drawn
// where its units are, and split back into units when zoomed in.
#include "render/headless_render.hpp"
#include "render/overlay.hpp"
#include "render/style.hpp"
#include "render/unit_groups.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

using namespace muster;
namespace sc = muster::scenario;

namespace {

GroupMember member(std::size_t figure, Affiliation side, double x, double y, double persons) {
    return {figure, side, ScreenPoint{x, y}, persons};
}

sc::Figure troops(std::size_t index, const std::string& actor, const std::string& place, double persons) {
    sc::Figure f;
    f.id = "f" + std::to_string(index + 1);
    f.unit = "troops", f.category = "personnel", f.actor = actor, f.place = place;
    f.amount.value = persons;
    f.text = std::to_string(static_cast<int>(persons)) + " troops";
    return f;
}

bool close_to(const std::uint8_t* p, const Rgba& colour) {
    auto near = [](int a, int b) { return std::abs(a - b) <= 2; };
    return near(p[0], colour.red8()) && near(p[1], colour.green8()) && near(p[2], colour.blue8());
}

}  // namespace

TEST_CASE("unit groups: over the threshold, units are grouped by side per cell with their strength summed") {
    // 45 hostile and 45 friendly units at 90 places, all inside the grid cell
    // from (150, 150) to (300, 300); one unit elsewhere, in the next cell; a
    // view of more symbols than can be read.
    std::vector<GroupMember> members;
    for (std::size_t i = 0; i < 90; ++i) {
        const double x = 160 + static_cast<double>(i % 10) * 10, y = 160 + static_cast<double>(i / 10) * 10;
        members.push_back(member(i, i % 2 ? Affiliation::friend_ : Affiliation::hostile, x, y, 1000.0 + i));
    }
    members.push_back(member(90, Affiliation::hostile, 310, 200, 500.0));
    const std::vector<UnitGroup> groups = group_units(members, max_readable_symbols + 1, ScreenPoint{0, 0}, 150.0f);

    REQUIRE(groups.size() == 3);
    // Row by row of the grid, then by side: (row 1, column 1) friend, hostile; (row 1, column 2) hostile.
    CHECK(groups[0].side == Affiliation::friend_);
    CHECK(groups[1].side == Affiliation::hostile);
    CHECK(groups[2].side == Affiliation::hostile);
    CHECK(groups[0].figures.size() == 45);
    CHECK(groups[1].figures.size() == 45);
    CHECK(groups[2].figures == std::vector<std::size_t>{90});
    double friendly = 0.0, hostile = 0.0;
    for (std::size_t i = 0; i < 90; ++i) (i % 2 ? friendly : hostile) += 1000.0 + static_cast<double>(i);
    CHECK(groups[0].persons == friendly);
    CHECK(groups[1].persons == hostile);
    CHECK(groups[2].persons == 500.0);
    for (const std::size_t f : groups[0].figures) CHECK(f % 2 == 1);
    // At the mean of its units: friendly ones are the odd columns 170..250, rows 160..240.
    CHECK(groups[0].at.x == doctest::Approx(210.0));
    CHECK(groups[0].at.y == doctest::Approx(200.0));
    CHECK(groups[2].at.x == 310.0);
}

TEST_CASE("unit groups: a view that can show its symbols one by one groups nothing") {
    std::vector<GroupMember> members;
    for (std::size_t i = 0; i < 60; ++i) members.push_back(member(i, Affiliation::hostile, 7.0 * i, 10, 100));
    CHECK(group_units(members, 60, ScreenPoint{0, 0}, 150.0f).empty());
    CHECK(group_units(members, max_readable_symbols, ScreenPoint{0, 0}, 150.0f).empty());
    CHECK(group_units(members, 121, ScreenPoint{0, 0}, 150.0f).size() == 3);  // cells 0..149, 150..299, 300..449
}

TEST_CASE("unit groups: cells grow until few enough groups remain, anchored to the plane's origin") {
    // 200 units 50 px apart in a row: 200 cells of 10 px would hold one each.
    std::vector<GroupMember> members;
    for (std::size_t i = 0; i < 200; ++i) members.push_back(member(i, Affiliation::hostile, 50.0 * i, 0, 0));
    const std::vector<UnitGroup> groups = group_units(members, 200, ScreenPoint{0, 0}, 10.0f);
    CHECK(groups.size() <= max_unit_groups);
    CHECK(groups.size() > max_unit_groups / 2);  // grown by half at a time, not more
    std::size_t counted = 0;
    for (const UnitGroup& group : groups) counted += group.figures.size();
    CHECK(counted == 200);
    // Panning moves units and the origin alike: the same groups.
    std::vector<GroupMember> panned = members;
    for (GroupMember& m : panned) m.at.x += 37.0;
    const std::vector<UnitGroup> again = group_units(panned, 200, ScreenPoint{37, 0}, 10.0f);
    REQUIRE(again.size() == groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) CHECK(again[g].figures == groups[g].figures);
}

TEST_CASE("unit groups: a group's symbol gives its count, actors and summed strength, its halo capped") {
    sc::Scenario s;
    s.figures = {troops(0, "RU", "p1", 4000), troops(1, "BY", "p1", 3000), troops(2, "RU", "p1", 5200)};
    UnitGroup group{Affiliation::hostile, {}, {0, 1, 2}, 0.0};
    SymbolSpec spec = group_spec(group, s, nullptr, 0.3f);
    CHECK(spec.affiliation == Affiliation::hostile);
    CHECK(spec.function == UnitFunction::infantry);  // all troops
    CHECK(spec.echelon == Echelon::none);
    CHECK(spec.strength == "~12,000");
    CHECK(spec.what == "3 units \u00b7 RU, BY");
    CHECK(spec.halo_fill_pt == doctest::Approx(0.3f * std::sqrt(12200.0f)));  // the three halos' area
    CHECK(spec.halo_ring_pt == 0.0f);

    // A moment of the timeline: the strengths then.
    sc::TimelineFrame frame;
    frame.figures = {sc::FigureAt{true, 0, std::nullopt, 100000.0}, sc::FigureAt{}, sc::FigureAt{}};
    spec = group_spec(group, s, &frame, 0.3f);
    CHECK(spec.strength == "~108,000");  // 100,000 + 3,000 + 5,200, rounded to the thousand
    CHECK(spec.halo_fill_pt == group_halo_cap_pt);  // 0.3 * sqrt(108,200) = 99 pt would bury the map

    // Tanks have no persons: no strength line, no halo; mixed functions: no icon.
    sc::Figure tanks = troops(3, "RU", "p1", 40);
    tanks.unit = "tanks", tanks.category = "equipment", tanks.text = "40 tanks";
    s.figures.push_back(tanks);
    spec = group_spec(UnitGroup{Affiliation::hostile, {}, {3}, 0.0}, s, nullptr, 0.3f);
    CHECK(spec.strength.empty());
    CHECK(spec.halo_fill_pt == 0.0f);
    CHECK(spec.what == "1 unit \u00b7 RU");
    CHECK(group_spec(UnitGroup{Affiliation::hostile, {}, {0, 3}, 0.0}, s, nullptr, 0.3f).function ==
          UnitFunction::none);
    CHECK(group_note_text(84, 6412) ==
          "Units grouped by side at this zoom: 84 symbols stand for 6,412 units.\nZoom in to see them.");
    CHECK(group_note_text(1, 90, group_halo_cap_persons(0.3f)) ==
          "Units grouped by side at this zoom: 1 symbol stands for 90 units.\n"
          "Halos over ~18,000 troops are drawn at that size. Zoom in to see them.");
}

TEST_CASE("unit groups: a crowded view draws one grouped symbol where its units are, zoomed in, the units") {
    // 90 garrisons of two Russian units each in a 9 by 10 grid, 8 px apart
    // on screen, placed in the middle of one grid cell of the view: 180
    // symbols, more than can be read.
    HeadlessRenderRequest request;
    request.size = {800, 600};
    request.bbox = Extent{22.0, 48.0, 42.0, 58.0};
    const Camera camera = request_camera(request);
    const ScreenPoint origin = camera.plane_to_screen(MapPoint{0.0, 0.0});
    const double cell = group_cell_pt;  // one pixel per point at 800x600
    const double middle_x = origin.x + (std::floor((400.0 - origin.x) / cell) + 0.5) * cell;
    const double middle_y = origin.y + (std::floor((300.0 - origin.y) / cell) + 0.5) * cell;
    sc::Scenario s;
    for (std::size_t i = 0; i < 90; ++i) {
        sc::Place p;
        p.id = "p" + std::to_string(i + 1), p.name = "G" + std::to_string(i + 1), p.country = "BY";
        p.feature = "city";
        p.point = camera.to_lonlat({middle_x + (static_cast<double>(i % 9) - 4) * 8,
                                    middle_y + (static_cast<double>(i / 9) - 4.5) * 8});
        s.places.push_back(p);
        s.figures.push_back(troops(2 * i, "RU", p.id, 1000));
        s.figures.push_back(troops(2 * i + 1, "RU", p.id, 1000));
    }
    request.scenario = &s;
    const HeadlessRender grouped = render_map_headless(request);

    REQUIRE(grouped.overlay.groups.size() == 1);
    REQUIRE(grouped.overlay.symbols.size() == 1);
    const OverlayLayout::Symbol& symbol = grouped.overlay.symbols[0];
    CHECK(symbol.units == 180);
    CHECK(symbol.spec.strength == "~180,000");
    CHECK(symbol.spec.what == "180 units \u00b7 RU");
    REQUIRE(grouped.overlay.note);
    CHECK(grouped.overlay.note->text == group_note_text(1, 180, group_halo_cap_persons(OverlayStyle{}.halo_pt_per_sqrt)));
    CHECK(grouped.overlay.halos[0].fill == group_halo_cap_pt);  // 180,000 troops: capped
    CHECK(grouped.overlay.halos.size() == 1);
    // The grouped places get no dot or name of their own.
    CHECK(std::none_of(grouped.overlay.dots.begin(), grouped.overlay.dots.end(),
                       [](const auto& dot) { return dot.scenario; }));
    CHECK(std::none_of(grouped.overlay.labels.begin(), grouped.overlay.labels.end(),
                       [](const auto& label) { return label.kind == OverlayLayout::LabelKind::place; }));
    // The symbol stands at the middle of its units: a salmon (hostile) diamond
    // there, over two more behind it, up and to the left.
    CHECK(symbol.centre.x == doctest::Approx(middle_x).epsilon(0.002));
    CHECK(symbol.centre.y == doctest::Approx(middle_y).epsilon(0.002));
    const Rgba salmon = SymbolPalette{}.hostile_fill;
    const int h = 30;  // OverlayStyle::symbol_pt at one pixel per point
    const int cx = static_cast<int>(std::lround(symbol.centre.x)), cy = static_cast<int>(std::lround(symbol.centre.y));
    CHECK(close_to(grouped.image.at(cx, cy - h * 45 / 100), salmon));       // in the front diamond, clear of its cross
    CHECK(close_to(grouped.image.at(cx - 6, cy - 24), salmon));             // the back one, above the front one
    CHECK_FALSE(close_to(grouped.image.at(cx + 6, cy - 24), salmon));       // nothing up and to the right

    // Zoomed in on the first rows: fewer symbols than the threshold, each unit its own.
    const LatLon corner_a = camera.to_lonlat({middle_x - 40, middle_y - 40});
    const LatLon corner_b = camera.to_lonlat({middle_x + 40, middle_y - 12});
    request.bbox = Extent{corner_a.lon, corner_b.lat, corner_b.lon, corner_a.lat};
    const HeadlessRender close = render_map_headless(request);
    CHECK(close.overlay.groups.empty());
    CHECK_FALSE(close.overlay.note);
    CHECK_FALSE(close.overlay.symbols.empty());
    for (const auto& single : close.overlay.symbols) {
        CHECK(single.units == 1);
        CHECK(single.spec.strength == "1,000");
    }
}
