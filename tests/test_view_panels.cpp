// The Article and Entities panels and the links between them and the map:
// pure logic (code points to bytes, runs, filter, sort, fly-to) and, in a
// headless Dear ImGui context, synthesised pointer input on the panels.
#include "ui/article_panel.hpp"
#include "ui/entities_panel.hpp"
#include "ui/map_links.hpp"
#include "ui/selection.hpp"
#include "ui/view_state.hpp"

#include "headless_imgui.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <functional>
#include <string>

using muster::Camera;
using muster::LatLon;
using muster::ScreenPoint;
using namespace muster::ui;
namespace scn = muster::scenario;

namespace {

// Code-point index of the first occurrence of `word` in UTF-8 text.
std::size_t code_points_before(const std::string& text, const std::string& word) {
    const std::size_t byte = text.find(word);
    REQUIRE(byte != std::string::npos);
    std::size_t count = 0;
    for (std::size_t i = 0; i < byte; ++i) count += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    return count;
}

std::size_t code_point_length(const std::string& word) { return code_points_before(word + "\x01", "\x01"); }

scn::Mention mention_of(const std::string& text, const std::string& word) {
    const std::size_t start = code_points_before(text, word);
    return {"s1", {start, start + code_point_length(word)}};
}

// Cyrillic, guillemets and curly quotes before the spans, so byte and
// code-point offsets differ.
const std::string article = "«Київ» warns: “Russia’s 100,000 troops” are near Yelnya and Харків.\n"
                            "Belarus hosts 30,000 soldiers.";

scn::Scenario sample_scenario() {
    scn::Scenario s;
    s.sources.push_back({"s1", "Test", "", "", article});
    auto place = [&](std::string id, std::string name, std::string word, LatLon at, std::string country,
                     double confidence) {
        scn::Place p;
        p.id = std::move(id), p.name = std::move(name), p.point = at, p.country = std::move(country);
        p.feature = "city", p.confidence = confidence;
        p.mentions.push_back(mention_of(article, word));
        s.places.push_back(p);
    };
    place("p1", "Kyiv", "Київ", {50.45, 30.52}, "UA", 0.9);
    place("p2", "Yelnya", "Yelnya", {54.57, 33.18}, "RU", 0.7);
    place("p3", "Kharkiv", "Харків", {49.99, 36.23}, "UA", 0.8);
    place("p4", "Belarus", "Belarus", {53.5, 28.0}, "BY", 1.0);
    auto figure = [&](std::string id, std::string words, double value, std::string actor, std::string at) {
        scn::Figure f;
        f.id = std::move(id), f.text = words, f.amount.value = value, f.unit = "troops";
        f.category = "personnel", f.actor = std::move(actor), f.place = std::move(at);
        f.mention = mention_of(article, words);
        s.figures.push_back(f);
    };
    figure("f1", "100,000 troops", 100000, "RU", "p2");
    figure("f2", "30,000 soldiers", 30000, "RU", "p4");
    scn::Figure vague;
    vague.id = "f3", vague.text = "S-400 systems", vague.category = "equipment";
    s.figures.push_back(vague);
    return s;
}

ViewState europe_state() {
    ViewState state;
    state.scenario = sample_scenario();
    state.camera = Camera({800, 600});
    state.camera.set_zoom(5.0);
    state.camera.set_centre({45.0, 20.0});
    return state;
}

// The shared headless context (headless_imgui.hpp) and this test's frame loop.
class HeadlessImGui : public muster::test::HeadlessImGuiContext {
public:

    // One frame of `panel` in a 400x600 window at the top left, the mouse
    // at (x, y); hover is cleared first, as the viewer does.
    void frame(ViewState& state, const std::function<void(ViewState&)>& panel, float x, float y, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        state.hovered = {};
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(400, 600));
        ImGui::Begin("panel", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
        panel(state);
        ImGui::End();
        ImGui::EndFrame();
    }

    // Moves the pointer over the window's upper half until `wanted` is
    // hovered; returns where, or nothing.
    std::optional<ImVec2> find(ViewState& state, const std::function<void(ViewState&)>& panel,
                               const EntityRef& wanted) {
        for (float y = 2.0f; y < 300.0f; y += 3.0f)
            for (float x = 10.0f; x < 390.0f; x += 6.0f) {
                frame(state, panel, x, y, false);
                if (state.hovered == wanted) return ImVec2(x, y);
            }
        return std::nullopt;
    }

    void click(ViewState& state, const std::function<void(ViewState&)>& panel, ImVec2 at) {
        frame(state, panel, at.x, at.y, false);
        frame(state, panel, at.x, at.y, true);
        frame(state, panel, at.x, at.y, false);
    }
};

}  // namespace

TEST_CASE("code points become byte offsets in Cyrillic and curly-quoted text") {
    const std::string text = "«Київ» “x”";
    CHECK(code_point_to_byte(text, 0) == 0);
    CHECK(code_point_to_byte(text, 1) == 2);   // « is 2 bytes
    CHECK(code_point_to_byte(text, 5) == 10);  // К, и, ї, в: 2 bytes each
    CHECK(code_point_to_byte(text, 6) == 12);  // » then the space
    CHECK(code_point_to_byte(text, 7) == 13);  // “ is 3 bytes
    CHECK(code_point_to_byte(text, 8) == 16);
    CHECK(code_point_to_byte(text, 10) == text.size());
    CHECK(code_point_to_byte(text, 99) == text.size());
}

TEST_CASE("article runs cover the text and put each span on its own bytes") {
    const scn::Scenario s = sample_scenario();
    const std::vector<ArticleRun> runs = article_runs(s, s.sources[0]);
    std::size_t at = 0;
    std::vector<std::string> marked;
    for (const ArticleRun& run : runs) {
        CHECK(run.begin == at);
        at = run.end;
        if (!run.entity.empty()) marked.push_back(article.substr(run.begin, run.end - run.begin));
    }
    CHECK(at == article.size());
    CHECK(marked == std::vector<std::string>{"Київ", "100,000 troops", "Yelnya", "Харків", "Belarus", "30,000 soldiers"});
    CHECK(runs[1].entity == place_ref("p1"));
    CHECK(runs[1].begin == article.find("Київ"));
}

TEST_CASE("overlapping spans keep the earlier, longer one") {
    scn::Scenario s = sample_scenario();
    s.figures[0].mention = mention_of(article, "100,000 troops” are near Yelnya");  // swallows Yelnya
    const std::vector<ArticleRun> runs = article_runs(s, s.sources[0]);
    int yelnya = 0;
    for (const ArticleRun& run : runs) yelnya += run.entity == place_ref("p2");
    CHECK(yelnya == 0);
}

TEST_CASE("the source sentence around a mention") {
    const scn::Scenario s = sample_scenario();
    CHECK(entity_sentence(s, figure_ref("f2")) == "Belarus hosts 30,000 soldiers.");
    CHECK(entity_sentence(s, place_ref("p3")) ==
          "«Київ» warns: “Russia’s 100,000 troops” are near Yelnya and Харків.");
    CHECK(entity_sentence(s, figure_ref("f3")).empty());
}

TEST_CASE("the entities filter matches any column, ignoring case") {
    const scn::Scenario s = sample_scenario();
    CHECK(filter_places(s, "") == std::vector<std::size_t>{0, 1, 2, 3});
    CHECK(filter_places(s, "ua") == std::vector<std::size_t>{0, 2});       // country UA
    CHECK(filter_places(s, "YELN") == std::vector<std::size_t>{1});
    CHECK(filter_places(s, "Харк") == std::vector<std::size_t>{2});        // the mention's words
    CHECK(filter_figures(s, "soldiers") == std::vector<std::size_t>{1});
    CHECK(filter_figures(s, "belarus") == std::vector<std::size_t>{1});    // the place's name
    CHECK(filter_figures(s, "personnel") == std::vector<std::size_t>{0, 1});
    CHECK(filter_figures(s, "nothing like it").empty());
}

TEST_CASE("figures sort by value with the unnumbered last either way") {
    const scn::Scenario s = sample_scenario();
    std::vector<std::size_t> rows{0, 1, 2};
    sort_figures(rows, s, FigureColumn::value, true);
    CHECK(rows == std::vector<std::size_t>{1, 0, 2});
    sort_figures(rows, s, FigureColumn::value, false);
    CHECK(rows == std::vector<std::size_t>{0, 1, 2});
    sort_figures(rows, s, FigureColumn::text, true);
    CHECK(rows == std::vector<std::size_t>{0, 1, 2});  // "100,000…" < "30,000…" < "S-400…"
    std::vector<std::size_t> places{0, 1, 2, 3};
    sort_places(places, s, PlaceColumn::confidence, false);
    CHECK(places == std::vector<std::size_t>{3, 0, 2, 1});
    sort_places(places, s, PlaceColumn::name, true);
    CHECK(places == std::vector<std::size_t>{3, 2, 0, 1});  // Belarus, Kharkiv, Kyiv, Yelnya
}

TEST_CASE("amounts read as the text gives them") {
    scn::Amount amount;
    CHECK(format_amount(amount).empty());
    amount.value = 127000;
    CHECK(format_amount(amount) == "127,000");
    amount.qualifier = "approx";
    CHECK(format_amount(amount) == "~127,000");
    amount = {};
    amount.min = 2000, amount.max = 5000, amount.qualifier = "range";
    CHECK(format_amount(amount) == "2,000\u20135,000");
    amount = {};
    amount.value = 14000, amount.qualifier = "at_least";
    CHECK(format_amount(amount) == "14,000+");
}

TEST_CASE("selecting a figure flies the map to its place") {
    ViewState state = europe_state();
    select_entity(state, figure_ref("f1"));
    CHECK(state.selected == figure_ref("f1"));
    REQUIRE(state.camera_target);
    // Eased: part of the way after one step, there after enough.
    step_fly_to(state, 0.3);
    CHECK(state.camera_target);
    for (int i = 0; i < 60 && state.camera_target; ++i) step_fly_to(state, 0.3);
    CHECK_FALSE(state.camera_target);
    CHECK(state.camera.centre().lat == doctest::Approx(54.57).epsilon(1e-6));
    CHECK(state.camera.centre().lon == doctest::Approx(33.18).epsilon(1e-6));
    CHECK(state.camera.zoom() == doctest::Approx(5.0));
}

TEST_CASE("with the side column open, the place is centred in the free part of the map") {
    ViewState state = europe_state();
    state.map_left_px = 400.0;
    select_entity(state, place_ref("p3"));
    step_fly_to(state, 1.0);
    const ScreenPoint at = state.camera.to_screen({49.99, 36.23});
    CHECK(at.x == doctest::Approx(600.0));  // 400 + (800 - 400) / 2
    CHECK(at.y == doctest::Approx(300.0));
}

TEST_CASE("a figure without a place is selected but does not move the map") {
    ViewState state = europe_state();
    select_entity(state, figure_ref("f3"));
    CHECK(state.selected == figure_ref("f3"));
    CHECK_FALSE(state.camera_target);
}

TEST_CASE("clicking a figure's row in the entities table centres the map on its place") {
    HeadlessImGui imgui;
    ViewState state = europe_state();
    const auto panel = [](ViewState& s) { draw_entities_tables(s); };
    const auto row = imgui.find(state, panel, figure_ref("f2"));
    REQUIRE(row);
    imgui.click(state, panel, *row);
    CHECK(state.selected == figure_ref("f2"));
    step_fly_to(state, 1.0);
    CHECK(state.camera.centre().lat == doctest::Approx(53.5).epsilon(1e-6));
    CHECK(state.camera.centre().lon == doctest::Approx(28.0).epsilon(1e-6));
}

TEST_CASE("the filter box narrows the table: a filtered-out row cannot be hovered") {
    HeadlessImGui imgui;
    ViewState state = europe_state();
    const std::string filter = "soldiers";
    std::copy(filter.begin(), filter.end(), state.entity_filter.begin());
    const auto panel = [](ViewState& s) { draw_entities_tables(s); };
    CHECK(imgui.find(state, panel, figure_ref("f2")));
    CHECK_FALSE(imgui.find(state, panel, figure_ref("f1")));
}

TEST_CASE("clicking a highlighted Cyrillic span in the article selects its place and centres the map") {
    HeadlessImGui imgui;
    ViewState state = europe_state();
    const auto panel = [](ViewState& s) { draw_article_text(s); };
    const auto span = imgui.find(state, panel, place_ref("p3"));
    REQUIRE(span);
    imgui.click(state, panel, *span);
    CHECK(state.selected == place_ref("p3"));
    step_fly_to(state, 1.0);
    CHECK(state.camera.centre().lat == doctest::Approx(49.99).epsilon(1e-6));
    CHECK(state.camera.centre().lon == doctest::Approx(36.23).epsilon(1e-6));
}

TEST_CASE("the map picks a place's mark within the radius, the nearest first") {
    const ViewState state = europe_state();
    const muster::OverlayLayout no_symbols;
    const ScreenPoint yelnya = state.camera.to_screen({54.57, 33.18});
    CHECK(pick_entity(state.scenario, no_symbols, state.camera, {yelnya.x + 3, yelnya.y - 4}, 10.0) == place_ref("p2"));
    CHECK(pick_entity(state.scenario, no_symbols, state.camera, {yelnya.x + 30, yelnya.y}, 10.0).empty());
    muster::OverlayLayout with_symbol;
    muster::OverlayLayout::Symbol symbol;
    symbol.figure = 1;
    symbol.box = {100.0f, 100.0f, 140.0f, 130.0f};
    with_symbol.symbols.push_back(symbol);
    CHECK(pick_entity(state.scenario, with_symbol, state.camera, {120.0, 110.0}, 10.0) == figure_ref("f2"));
}
