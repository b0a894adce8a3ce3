// The Inspector: a place's gazetteer candidates and switching between them
// (checked where the overlay then draws the figure's symbol), moving a place
// by dragging its mark, picking and inspecting borders, actor codes. Panels
// are driven headless through Dear ImGui with a synthesised mouse.
#include "render/headless_render.hpp"
#include "ui/document.hpp"
#include "ui/inspector_panel.hpp"
#include "ui/map_input.hpp"
#include "ui/map_links.hpp"
#include "ui/view_state.hpp"

#include "headless_imgui.hpp"
#include "shared_resources.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <optional>

using muster::Camera;
using muster::LatLon;
using muster::ScreenPoint;
using namespace muster::ui;
namespace scn = muster::scenario;

namespace {

constexpr LatLon paris_france{48.85341, 2.3488};
constexpr LatLon paris_texas{33.66094, -95.55551};
constexpr const char* paris_texas_id = "4717560";

// "Paris" as extraction resolves it, with US troops there.
scn::Scenario paris_scenario() {
    scn::Scenario s;
    const std::string text = "3,000 US troops arrived in Paris on Monday.";
    s.sources.push_back({"s1", "Arrival", "", "", text});
    scn::Place paris;
    paris.id = "p1", paris.name = "Paris", paris.country = "FR", paris.feature = "city";
    paris.gazetteer_id = "2988507", paris.geonameid = 2988507, paris.point = paris_france, paris.confidence = 0.8;
    paris.mentions.push_back({"s1", {27, 32}});
    s.places.push_back(paris);
    scn::Figure troops;
    troops.id = "f1", troops.text = "3,000 US troops", troops.amount.value = 3000, troops.unit = "troops";
    troops.category = "personnel", troops.actor = "US", troops.place = "p1";
    troops.mention = scn::Mention{"s1", {0, 15}};
    s.figures.push_back(troops);
    return s;
}

PlaceLookup test_lookup() {
    return [](std::string_view name, std::size_t limit) { return muster::test::gazetteer().lookup(name, limit); };
}

ViewState europe_state(scn::Scenario scenario) {
    ViewState state;
    start_document(state, std::move(scenario), {}, false);
    state.camera = Camera({800, 600});
    state.camera.set_zoom(5.0);
    state.camera.set_centre({48.0, 5.0});
    return state;
}

// The shared headless context and this test's frames: the Inspector in a
// 420x600 window at the top left, or the map's input handling as the viewer
// runs it (map input, then the place drag, then edit tracking).
class HeadlessImGui : public muster::test::HeadlessImGuiContext {
public:
    void inspector_frame(ViewState& state, float x, float y, bool down) {
        mouse(x, y, down);
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(420, 600));
        // No title bar: quick clicks down the window must not double-click it shut.
        ImGui::Begin("inspector", nullptr,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar);
        draw_inspector_contents(state, test_lookup());
        ImGui::End();
        ImGui::EndFrame();
        track_edits(state, active_edit_item(state));
    }

    // Moves the pointer down the window until the candidate with this id is
    // under it; returns where.
    std::optional<ImVec2> find_candidate(ViewState& state, const std::string& id) {
        for (float y = 2.0f; y < 600.0f; y += 3.0f) {
            inspector_frame(state, 60.0f, y, false);
            if (state.inspector.hovered_candidate == id) return ImVec2(60.0f, y);
        }
        return std::nullopt;
    }

    void click_inspector(ViewState& state, ImVec2 at) {
        inspector_frame(state, at.x, at.y, false);
        inspector_frame(state, at.x, at.y, true);
        inspector_frame(state, at.x, at.y, false);
    }

    void map_frame(ViewState& state, float x, float y, bool down) {
        mouse(x, y, down);
        ImGui::NewFrame();
        handle_map_input(state, 1.0f);
        handle_place_move(state, 1.0f);
        ImGui::EndFrame();
        track_edits(state, active_edit_item(state));
    }

    void drag_on_map(ViewState& state, ScreenPoint from, ScreenPoint to) {
        const float x0 = float(from.x), y0 = float(from.y), x1 = float(to.x), y1 = float(to.y);
        map_frame(state, x0, y0, false);
        map_frame(state, x0, y0, true);
        map_frame(state, (x0 + x1) / 2, (y0 + y1) / 2, true);
        map_frame(state, x1, y1, true);
        map_frame(state, x1, y1, false);
    }

private:
    static void mouse(float x, float y, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = down;
    }
};

// The figure's symbol in a headless render that frames the scenario.
struct SymbolOnMap {
    ScreenPoint centre;
    ScreenPoint place;  // the place's point in the same render
    LatLon under_symbol;
};

SymbolOnMap symbol_on_map(const scn::Scenario& scenario) {
    muster::HeadlessRenderRequest request;
    request.size = {640, 420};
    request.scenario = &scenario;
    const muster::HeadlessRender render = muster::render_map_headless(request);
    REQUIRE(render.overlay.symbols.size() == 1);
    const ScreenPoint centre = render.overlay.symbols[0].centre;
    return {centre, render.camera.to_screen(scenario.places[0].point), render.camera.to_lonlat(centre)};
}

}  // namespace

TEST_CASE("a place's candidates are looked up by the words of its mention") {
    const scn::Scenario s = paris_scenario();
    CHECK(candidate_key(s, s.places[0]) == "Paris");
    scn::Place by_hand = s.places[0];
    by_hand.mentions.clear();
    by_hand.name = "Kharkiv";
    CHECK(candidate_key(s, by_hand) == "Kharkiv");
    const auto candidates = place_candidates(s, s.places[0], test_lookup());
    REQUIRE(candidates.size() >= 3);
    CHECK(candidates.size() <= max_place_candidates);
    CHECK(candidates[0].id() == "2988507");
    CHECK(candidates[2].id() == paris_texas_id);
}

TEST_CASE("picking Paris, Texas in the Inspector switches the place, and its symbol is drawn there") {
    const scn::Scenario before = paris_scenario();
    const SymbolOnMap in_france = symbol_on_map(before);
    CHECK(in_france.centre.x == doctest::Approx(in_france.place.x));
    CHECK(in_france.under_symbol.lat == doctest::Approx(paris_france.lat).epsilon(0.01));

    ViewState state = europe_state(before);
    {
        HeadlessImGui imgui;  // its own Dear ImGui context; the headless renders make theirs
        state.selected = place_ref("p1");
        const auto row = imgui.find_candidate(state, paris_texas_id);
        REQUIRE(row);
        CHECK(state.scenario == before);  // hovering changes nothing
        imgui.click_inspector(state, *row);
    }
    const scn::Place& place = state.scenario.places[0];
    CHECK(place.id == "p1");
    CHECK(place.name == "Paris");
    CHECK(place.country == "US");
    CHECK(place.feature == "city");
    CHECK(place.gazetteer_id == paris_texas_id);
    CHECK(place.geonameid == 4717560);
    CHECK(place.point.lat == doctest::Approx(paris_texas.lat).epsilon(1e-4));
    CHECK(place.point.lon == doctest::Approx(paris_texas.lon).epsilon(1e-4));
    CHECK(place.confidence == 1.0);
    CHECK(place.mentions == before.places[0].mentions);
    REQUIRE(state.camera_target);  // the map flies to where the place now is
    CHECK(state.camera_target->lon == doctest::Approx(paris_texas.lon).epsilon(1e-4));
    CHECK(state.document.dirty);
    CHECK(can_undo(state));

    const SymbolOnMap in_texas = symbol_on_map(state.scenario);
    CHECK(in_texas.centre.x == doctest::Approx(in_texas.place.x));
    CHECK(in_texas.centre.y == doctest::Approx(in_texas.place.y));
    CHECK(in_texas.under_symbol.lat == doctest::Approx(paris_texas.lat).epsilon(0.01));
    CHECK(in_texas.under_symbol.lon == doctest::Approx(paris_texas.lon).epsilon(0.01));

    undo(state);
    CHECK(state.scenario == before);
}

TEST_CASE("with Move on map, dragging the selected place's mark moves the place, not the map") {
    HeadlessImGui imgui;
    ViewState state = europe_state(paris_scenario());
    state.selected = place_ref("p1");
    const ScreenPoint mark = state.camera.to_screen(paris_france);
    const LatLon centre = state.camera.centre();

    // Off: the same drag pans the map and leaves the place alone.
    imgui.drag_on_map(state, mark, {mark.x + 60, mark.y + 40});
    CHECK(state.scenario.places[0].point.lat == paris_france.lat);
    CHECK(state.camera.centre().lon != doctest::Approx(centre.lon));

    state.camera.set_centre(centre);
    state.inspector.move_on_map = true;
    const ScreenPoint grab{mark.x + 4, mark.y - 3};  // near the mark, not exactly on it
    const LatLon target = state.camera.to_lonlat({mark.x + 60, mark.y + 40});
    imgui.drag_on_map(state, grab, {grab.x + 60, grab.y + 40});
    CHECK(state.camera.centre().lat == doctest::Approx(centre.lat));
    CHECK(state.camera.centre().lon == doctest::Approx(centre.lon));
    const LatLon moved = state.scenario.places[0].point;
    CHECK(moved.lat == doctest::Approx(target.lat).epsilon(1e-6));
    CHECK(moved.lon == doctest::Approx(target.lon).epsilon(1e-6));
    CHECK(state.inspector.dragging_place.empty());
    CHECK(state.document.undo.size() == 1);  // the whole drag is one step

    // A press away from the mark still pans.
    const ScreenPoint away{mark.x + 200, mark.y + 100};
    imgui.drag_on_map(state, away, {away.x + 30, away.y});
    CHECK(state.scenario.places[0].point.lat == moved.lat);
    CHECK(state.camera.centre().lon != doctest::Approx(centre.lon));
}

TEST_CASE("a hand-moved place keeps its name and ids, clamped to the globe") {
    scn::Place place = paris_scenario().places[0];
    move_place(place, {95.0, 190.0});
    CHECK(place.point.lat == 90.0);
    CHECK(place.point.lon == doctest::Approx(-170.0));
    CHECK(place.name == "Paris");
    CHECK(place.gazetteer_id == "2988507");
    CHECK(place.confidence == 1.0);
}

TEST_CASE("actors are ISO alpha-2 codes or NATO") {
    CHECK(valid_actor(""));
    CHECK(valid_actor("RU"));
    CHECK(valid_actor("NATO"));
    CHECK_FALSE(valid_actor("R"));
    CHECK_FALSE(valid_actor("ru"));
    CHECK_FALSE(valid_actor("RUS"));
    CHECK_FALSE(valid_actor("NAT"));
}

TEST_CASE("a border is picked by its line on the map and shown with its lengths") {
    ViewState state = europe_state(paris_scenario());
    scn::Border border;
    border.id = "b1", border.a = "RU", border.b = "UA", border.claimed_km = 2000.0, border.measured_km = 1671.1;
    border.lines = {{{52.3, 31.8}, {51.3, 34.2}, {50.1, 37.4}}};
    state.scenario.borders.push_back(border);
    const muster::OverlayLayout no_symbols;
    const ScreenPoint a = state.camera.to_screen({51.3, 34.2}), b = state.camera.to_screen({50.1, 37.4});
    const ScreenPoint on_line{(a.x + b.x) / 2, (a.y + b.y) / 2 + 2};
    CHECK(pick_entity(state.scenario, no_symbols, state.camera, on_line, 10.0) == border_ref("b1"));
    CHECK(pick_entity(state.scenario, no_symbols, state.camera, {on_line.x, on_line.y + 30}, 10.0).empty());
    const auto middle = entity_position(state.scenario, border_ref("b1"));
    REQUIRE(middle);
    CHECK(middle->lat == 51.3);

    // The Inspector edits its claimed length: untick "Claimed km" and it is gone.
    HeadlessImGui imgui;
    state.selected = border_ref("b1");
    bool cleared = false;
    for (float y = 2.0f; y < 300.0f && !cleared; y += 3.0f) {
        imgui.click_inspector(state, ImVec2(104.0f, y));  // the checkbox column, right of the field names
        cleared = !state.scenario.borders[0].claimed_km.has_value();
    }
    CHECK(cleared);
    CHECK(state.scenario.borders[0].measured_km == 1671.1);
    CHECK(state.document.dirty);
}

TEST_CASE("with the Inspector at the right edge, a selected place is centred between it and the side column") {
    ViewState state = europe_state(paris_scenario());
    state.map_left_px = 200.0;
    state.map_right_px = 300.0;
    select_entity(state, place_ref("p1"));
    step_fly_to(state, 1.0);
    const ScreenPoint at = state.camera.to_screen(paris_france);
    CHECK(at.x == doctest::Approx(350.0));  // 200 + (800 - 200 - 300) / 2
    CHECK(at.y == doctest::Approx(300.0));
}
