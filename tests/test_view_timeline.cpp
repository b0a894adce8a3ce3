// The timeline panel in a headless Dear ImGui context: the slider moves the
// moment shown (without editing the document), Play advances it and stops at
// the end, keys step it, and the entity table follows it.
#include "ui/entities_panel.hpp"
#include "ui/timeline_panel.hpp"
#include "ui/view_state.hpp"

#include "headless_imgui.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <cmath>
#include <functional>

using namespace muster::ui;
namespace sc = muster::scenario;

namespace {

sc::Days day(const char* text) { return *sc::parse_time(text); }

// Two figures: one from 1 November 2021, one from 1 February 2022, to 24 February.
sc::Scenario buildup() {
    sc::Scenario s;
    sc::Place p;
    p.id = "p1", p.name = "Minsk", p.country = "BY", p.feature = "city", p.point = {53.9, 27.57};
    s.places = {p};
    for (const auto& [id, start] : {std::pair{"f1", "2021-11-01"}, std::pair{"f2", "2022-02-01"}}) {
        sc::Figure f;
        f.id = id, f.text = "troops", f.unit = "troops", f.category = "personnel", f.actor = "RU", f.place = "p1";
        f.amount.value = 1000.0;
        f.when = {start, "2022-02-24"};
        s.figures.push_back(f);
    }
    return s;
}

class HeadlessImGui : public muster::test::HeadlessImGuiContext {
public:
    // One viewer-like frame: keys, timeline update, then `panel` in a 400x600
    // window at the top left with the mouse at (x, y).
    void frame(ViewState& state, const std::function<void(ViewState&)>& panel, float x, float y, bool down,
               double seconds = 0.0) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        handle_timeline_keys(state);
        update_timeline(state, seconds);
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(400, 600));
        ImGui::Begin("panel", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
        panel(state);
        ImGui::End();
        ImGui::EndFrame();
    }
    void click(ViewState& state, const std::function<void(ViewState&)>& panel, float x, float y) {
        frame(state, panel, x, y, false);
        frame(state, panel, x, y, true);
        frame(state, panel, x, y, false);
    }
    void press(ViewState& state, int scancode) {
        ImGui::GetIO().KeysDown[scancode] = true;
        frame(state, draw_timeline_controls, -1, -1, false);
        ImGui::GetIO().KeysDown[scancode] = false;
        frame(state, draw_timeline_controls, -1, -1, false);
    }
};

}  // namespace

TEST_CASE("timeline panel: the slider moves the moment shown, which is view state, not an edit") {
    HeadlessImGui ui;
    ViewState state;
    state.scenario = buildup();
    const sc::Scenario original = state.scenario;
    ui.frame(state, draw_timeline_controls, -1, -1, false);
    CHECK(timeline_panel_visible(state));
    CHECK(*shown_time(state) == day("2022-02-24"));  // no current time in the file: the end
    CHECK(state.timeline.frame->figures[1].shown);

    // Press at the slider's left end: the start of the range.
    for (float y = 20; y < 80 && !state.timeline.current; y += 2) ui.click(state, draw_timeline_controls, 12, y);
    REQUIRE(state.timeline.current);
    CHECK(std::abs(*state.timeline.current - day("2021-11-01")) <= 2.0);
    CHECK(*state.timeline.current == std::round(*state.timeline.current));  // whole days
    CHECK(state.timeline.frame->figures[0].shown);
    CHECK_FALSE(state.timeline.frame->figures[1].shown);
    CHECK(state.scenario == original);

    // Save writes the moment as the scenario's current time, and it is no edit.
    apply_timeline_time(state);
    CHECK(state.scenario.time.current == sc::format_time(*state.timeline.current));
    CHECK(state.document.last_seen.time.current == state.scenario.time.current);
}

TEST_CASE("timeline panel: Play advances by the speed and stops at the end, keys play and step") {
    HeadlessImGui ui;
    ViewState state;
    state.scenario = buildup();
    state.scenario.time.current = "2022-02-01";
    ui.frame(state, draw_timeline_controls, -1, -1, false);
    CHECK(*shown_time(state) == day("2022-02-01"));

    // Find Play on the buttons' row: the first press that starts playing.
    for (float y = 40; y < 100 && !state.timeline.playing; y += 3)
        for (float x = 10; x < 300 && !state.timeline.playing; x += 5) {
            seek_timeline(state, day("2022-02-01"));
            ui.click(state, draw_timeline_controls, x, y);
        }
    REQUIRE(state.timeline.playing);
    const sc::Days from = *shown_time(state);
    state.timeline.days_per_second = 7.0;
    ui.frame(state, draw_timeline_controls, -1, -1, false, 0.5);
    CHECK(*shown_time(state) == doctest::Approx(from + 3.5));
    ui.frame(state, draw_timeline_controls, -1, -1, false, 60.0);
    CHECK(*shown_time(state) == day("2022-02-24"));
    CHECK_FALSE(state.timeline.playing);

    // Space plays again from the start when at the end; comma and full stop step a day.
    ui.press(state, SDL_SCANCODE_SPACE);
    CHECK(state.timeline.playing);
    CHECK(*shown_time(state) == day("2021-11-01"));
    ui.press(state, SDL_SCANCODE_SPACE);
    CHECK_FALSE(state.timeline.playing);
    ui.press(state, SDL_SCANCODE_PERIOD);
    CHECK(*shown_time(state) == day("2021-11-02"));
    ui.press(state, SDL_SCANCODE_COMMA);
    ui.press(state, SDL_SCANCODE_COMMA);
    CHECK(*shown_time(state) == day("2021-11-01"));  // not before the start
}

TEST_CASE("timeline panel: the entity table greys or hides figures off the map at the moment") {
    HeadlessImGui ui;
    ViewState state;
    state.scenario = buildup();
    state.scenario.time.current = "2021-12-01";
    ui.frame(state, draw_entities_tables, -1, -1, false);
    CHECK(figure_on_map(state, 0));
    CHECK_FALSE(figure_on_map(state, 1));
    // With "Only what is on the map", the second figure's row is gone: hovering
    // every row finds only f1.
    state.timeline.only_on_map = true;
    bool found_f1 = false, found_f2 = false;
    for (float y = 20; y < 200; y += 3) {
        ui.frame(state, draw_entities_tables, 60, y, false);
        found_f1 = found_f1 || state.hovered == figure_ref("f1");
        found_f2 = found_f2 || state.hovered == figure_ref("f2");
        state.hovered = {};
    }
    CHECK(found_f1);
    CHECK_FALSE(found_f2);
    state.timeline.only_on_map = false;
    for (float y = 20; y < 200 && !found_f2; y += 3) {
        ui.frame(state, draw_entities_tables, 60, y, false);
        found_f2 = state.hovered == figure_ref("f2");
        state.hovered = {};
    }
    CHECK(found_f2);
}

TEST_CASE("timeline panel: hidden for an undated scenario or one of a single day, unless asked for") {
    HeadlessImGui ui;
    ViewState state;
    sc::Scenario s = buildup();
    for (sc::Figure& f : s.figures) f.when = {};
    state.scenario = s;
    ui.frame(state, draw_timeline_controls, -1, -1, false);
    CHECK_FALSE(timeline_panel_visible(state));
    CHECK_FALSE(shown_time(state));
    CHECK_FALSE(state.timeline.frame);
    state.timeline.show = true;
    CHECK(timeline_panel_visible(state));
    for (sc::Figure& f : state.scenario.figures) f.when = {"2022-01-26", ""};
    state.timeline.show.reset();
    ui.frame(state, draw_timeline_controls, -1, -1, false);
    CHECK_FALSE(timeline_panel_visible(state));  // one day: nothing to play
    CHECK(shown_time(state));
}
