// The legend of a rendered map lists what that map shows (render/
// map_presence.hpp): country roles whose fill is in the frame, hatched
// deployment areas, grouped units, movements; and the plates of the border
// features keep clear of unit labels, other labels' leaders and the title.
#include "extract/open_document.hpp"
#include "extract/scenario_resolver.hpp"
#include "render/annotations.hpp"
#include "render/headless_render.hpp"
#include "render/labels.hpp"
#include "render/map_furniture.hpp"
#include "render/map_presence.hpp"
#include "render/scenario_look.hpp"
#include "render/unit_groups.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace muster;
namespace fs = std::filesystem;
namespace sc = muster::scenario;

namespace {

fs::path assets() { return fs::path(MUSTER_TEST_FIXTURES).parent_path().parent_path() / "assets"; }

const sc::Scenario& sample_briefing() {
    static const sc::Scenario scenario = [] {
        std::vector<std::string> warnings;
        return extract::open_document(assets() / "sample-briefing.txt", &warnings);
    }();
    return scenario;
}

std::vector<std::string> role_labels(const LegendContent& legend) {
    std::vector<std::string> labels;
    for (const auto& row : legend.roles) labels.push_back(row.label);
    return labels;
}

HeadlessRender render(const sc::Scenario& scenario, std::optional<Extent> bbox, PixelSize size = {800, 600}) {
    HeadlessRenderRequest request;
    request.size = size;
    request.bbox = bbox;
    request.scenario = &scenario;
    request.furniture.legend = true;
    return render_map_headless(request);
}

sc::Figure troops(std::size_t index, const std::string& actor, const std::string& place, double persons) {
    sc::Figure f;
    f.id = "f" + std::to_string(index + 1);
    f.unit = "troops", f.category = "personnel", f.actor = actor, f.place = place;
    f.amount.value = persons;
    f.text = std::to_string(static_cast<int>(persons)) + " troops";
    return f;
}

}  // namespace

TEST_CASE("legend: an ally whose country is off the frame gets no Allied actor row, one when the frame holds it") {
    // The sample's ally is the United States (sending troops to Poland,
    // Germany and Romania): its fill is off a map of Europe.
    const HeadlessRender europe = render(sample_briefing(), std::nullopt);
    CHECK(role_labels(europe.legend) == std::vector<std::string>{"Hostile actor", "Host country"});
    // Framed to take in North America too: the US is there, in its blue.
    const HeadlessRender atlantic = render(sample_briefing(), Extent{-125.0, 25.0, 45.0, 65.0}, {1200, 600});
    CHECK(role_labels(atlantic.legend) ==
          std::vector<std::string>{"Hostile actor", "Allied actor", "Host country"});
    // Without a view the legend lists the whole scenario's roles, as before.
    CHECK(role_labels(legend_content(sample_briefing(), OverlayStyle{})) ==
          std::vector<std::string>{"Hostile actor", "Allied actor", "Host country"});
}

TEST_CASE("legend: hatched deployment areas in the frame get their row, and a frame clear of them none") {
    // Belarus and Poland host deployments: hatched on the sample's map.
    const HeadlessRender europe = render(sample_briefing(), std::nullopt);
    CHECK(europe.legend.deployment_areas);
    // The open Atlantic: no deployment area, no role, no symbol of the scenario there.
    const HeadlessRender atlantic_only = render(sample_briefing(), Extent{-45.0, 30.0, -25.0, 45.0});
    CHECK_FALSE(atlantic_only.legend.deployment_areas);
    CHECK(atlantic_only.legend.roles.empty());
    CHECK(atlantic_only.legend.affiliations.empty());
    CHECK_FALSE(atlantic_only.legend.border);
}

TEST_CASE("legend: the sample's movement arrows get one row per side, in the arrows' colours") {
    const HeadlessRender europe = render(sample_briefing(), std::nullopt);
    REQUIRE_FALSE(europe.overlay.arrows.empty());
    REQUIRE_FALSE(europe.legend.movements.empty());
    for (const auto& row : europe.legend.movements) {
        const bool drawn = std::any_of(europe.overlay.arrows.begin(), europe.overlay.arrows.end(),
                                       [&](const auto& arrow) { return arrow.affiliation == row.side; });
        CHECK(drawn);
        CHECK(row.colour == arrow_colour(row.side, OverlayStyle{}));
    }
    CHECK(europe.legend.movements.front().label == "Hostile movement");
}

TEST_CASE("legend: a view whose units are grouped says so in a row of its own") {
    HeadlessRenderRequest request;
    request.size = {800, 600};
    request.bbox = Extent{22.0, 48.0, 42.0, 58.0};
    const Camera camera = request_camera(request);
    sc::Scenario s;
    // 130 garrisons of one Russian unit each, 6 px apart: more symbols than can be read.
    for (std::size_t i = 0; i < 130; ++i) {
        sc::Place p;
        p.id = "p" + std::to_string(i + 1), p.name = "G" + std::to_string(i + 1), p.country = "RU";
        p.feature = "city";
        p.point = camera.to_lonlat({340.0 + static_cast<double>(i % 13) * 6, 270.0 + static_cast<double>(i / 13) * 6});
        s.places.push_back(p);
        s.figures.push_back(troops(i, "RU", p.id, 1000));
    }
    request.scenario = &s;
    request.furniture.legend = true;
    const HeadlessRender grouped = render_map_headless(request);
    REQUIRE_FALSE(grouped.overlay.groups.empty());
    REQUIRE(grouped.legend.groups);
    CHECK(grouped.legend.groups->units == 130);
    CHECK(grouped.legend.groups->symbols == grouped.overlay.groups.size());
    CHECK(grouped.legend.groups->side == Affiliation::hostile);
    CHECK(grouped.legend.affiliations == std::vector<Affiliation>{Affiliation::hostile});

    // The same units few enough to be read one by one: no grouped row.
    s.figures.resize(20);
    s.places.resize(20);
    const HeadlessRender single = render_map_headless(request);
    CHECK(single.overlay.groups.empty());
    CHECK_FALSE(single.legend.groups);
}

TEST_CASE("presence: a country counts where any of its fill reaches into the frame") {
    // Two triangles of country 0 far apart, one of country 1.
    const std::vector<float> positions{0, 0, 1, 0, 0, 1, 10, 10, 11, 10, 10, 11, 5, 5, 6, 5, 5, 6};
    const std::vector<std::uint32_t> indices{0, 1, 2, 3, 4, 5, 6, 7, 8};
    const std::vector<std::uint16_t> country{0, 0, 0, 0, 0, 0, 1, 1, 1};
    const CountryFootprints footprints = country_footprints(positions, indices, country, 2, 2.0);
    REQUIRE(footprints.size() == 2);
    CHECK(footprints[0].size() == 2);  // two cells, not one box over the gap
    const Projection& plane = *web_mercator();
    CHECK(footprint_in_frame(footprints[0], MapBox{10.5, 10.2, 20, 20}, plane));
    // Between the two triangles, where only the box around both would reach.
    CHECK_FALSE(footprint_in_frame(footprints[0], MapBox{2, 2, 4, 4}, plane));
    CHECK(footprint_in_frame(footprints[1], MapBox{5.5, 5.2, 8, 8}, plane));
}

TEST_CASE("plates: the build-up example's border plates cover no unit, label or title, and no leader crosses a label") {
    std::vector<std::string> warnings;
    const sc::Scenario s = extract::load_scenario_file(assets() / "scenarios" / "buildup-2021-22.json", &warnings);
    HeadlessRenderRequest request;
    request.size = {1920, 1080};
    request.scenario = &s;
    request.furniture.title = "Russian build-up around Ukraine, October 2021 to February 2022";
    request.furniture.legend = true;
    apply_scenario_look(s, request, false, false);
    const HeadlessRender drawn = render_map_headless(request);
    const OverlayLayout& layout = drawn.overlay;
    std::vector<const OverlayLayout::Label*> plates;
    for (const auto& label : layout.labels)
        if (label.kind == OverlayLayout::LabelKind::border) plates.push_back(&label);
    REQUIRE(plates.size() == 2);
    for (const OverlayLayout::Label* plate : plates) {
        INFO(plate->text);
        for (const auto& symbol : layout.symbols) CHECK_FALSE(plate->box.overlaps(symbol.box));
        for (const auto& label : layout.labels)
            if (&label != plate) CHECK_FALSE(plate->box.overlaps(label.box));
    }
    // The title plate's corner holds no label and no symbol.
    REQUIRE(drawn.title.width() > 400.0f);
    for (const auto& label : layout.labels) CHECK_FALSE(drawn.title.overlaps(label.box));
    for (const auto& symbol : layout.symbols) CHECK_FALSE(drawn.title.overlaps(symbol.box));
    REQUIRE(layout.labels.size() > 5);
    for (const auto& leader : layout.leaders) {
        if (!leader.border) continue;
        for (const auto& label : layout.labels) {
            if (label.kind == OverlayLayout::LabelKind::border) continue;
            INFO(label.text);
            CHECK_FALSE(segment_touches_box({float(leader.from.x), float(leader.from.y)},
                                            {float(leader.to.x), float(leader.to.y)}, label.box));
        }
    }
}
