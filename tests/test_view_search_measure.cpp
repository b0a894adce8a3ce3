// The status bar's grid reference and scale, the measure tool and the search
// box: pure functions first, then the widgets driven headless through Dear
// ImGui with synthesised keys, text and clicks.
//
// Expected MGRS strings and geodesics were computed with GeographicLib itself
// (MGRS::Forward, Geodesic::WGS84().Inverse) in a throwaway program.
#include "shared_resources.hpp"
#include "ui/grid_reference.hpp"
#include "ui/map_input.hpp"
#include "ui/map_links.hpp"
#include "ui/measure_tool.hpp"
#include "ui/search_box.hpp"
#include "ui/view_state.hpp"

#include <SDL_scancode.h>
#include "headless_imgui.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <cmath>
#include <functional>

using muster::Camera;
using muster::LatLon;
using muster::ScreenPoint;
using muster::ui::ViewState;

namespace {

constexpr LatLon kyiv{50.4501, 30.5234};
constexpr LatLon moscow{55.7558, 37.6173};

muster::ui::PlaceLookup test_lookup() {
    return [](std::string_view name, std::size_t limit) { return muster::test::gazetteer().lookup(name, limit); };
}

ViewState europe_state() {
    ViewState state;
    state.camera = Camera({800, 600});
    state.camera.set_zoom(4.0);
    state.camera.set_centre({45.0, 10.0});
    return state;
}

// The shared headless context (headless_imgui.hpp) and this test's frame loop.
class HeadlessImGui : public muster::test::HeadlessImGuiContext {
public:

    // One frame: the mouse at (x, y), `key` (an SDL scancode, -1: none)
    // held down, `text` typed; then what the viewer does with the map.
    void frame(ViewState& state, float x, float y, bool left_down, int key = -1, const char* text = nullptr,
               bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = left_down;
        for (bool& down : io.KeysDown) down = false;
        if (key >= 0) io.KeysDown[key] = true;
        io.KeyCtrl = ctrl;
        if (text) io.AddInputCharactersUTF8(text);
        ImGui::NewFrame();
        muster::ui::handle_map_input(state, 1.0f);
        muster::ui::handle_measure_input(state, 1.0f);
        muster::ui::draw_search_box(state, test_lookup());
        muster::ui::step_fly_to(state, 0.3);
        muster::ui::step_zoom_to(state, 0.3);
        ImGui::EndFrame();
    }
    void idle(ViewState& state, int frames = 1) {
        for (int i = 0; i < frames; ++i) frame(state, 700.0f, 500.0f, false);
    }
    void press(ViewState& state, int key, bool ctrl = false) {
        frame(state, 700.0f, 500.0f, false, key, nullptr, ctrl);
        idle(state);
    }
    void click(ViewState& state, float x, float y) {
        frame(state, x, y, false);
        frame(state, x, y, true);
        frame(state, x, y, false);
    }
};

}  // namespace

TEST_CASE("MGRS references at 10 m and 1 m, UTM and UPS") {
    using muster::ui::format_mgrs;
    CHECK(format_mgrs(kyiv) == "36U UA 2418 9160");
    CHECK(format_mgrs(kyiv, 5) == "36U UA 24182 91607");
    CHECK(format_mgrs(moscow) == "37U DB 1322 7976");
    CHECK(format_mgrs({-33.8688, 151.2093}) == "56H LH 3436 5094");
    CHECK(format_mgrs({89.9, 0.0}) == "Z AG 0000 8889");      // UPS north
    CHECK(format_mgrs({-85.0, 10.0}) == "B AT 9645 4701");    // UPS south
    CHECK(format_mgrs({91.0, 0.0}) == "\u2014");              // GeographicLib refuses: a dash
}

TEST_CASE("scale text: a round distance of at most 120 pixels") {
    using muster::ui::format_scale;
    using muster::ui::metres_per_pixel;
    CHECK(metres_per_pixel(256.0, 0.0) == doctest::Approx(156543.034).epsilon(1e-6));
    CHECK(metres_per_pixel(256.0, 60.0) == doctest::Approx(156543.034 / 2.0).epsilon(1e-6));
    CHECK(format_scale(metres_per_pixel(256.0, 0.0)) == "10,000 km = 64 px");
    CHECK(format_scale(metres_per_pixel(256.0 * 1024.0, 50.0)) == "10 km = 102 px");
    CHECK(format_scale(4.0) == "200 m = 50 px");
    CHECK(format_scale(0.0).empty());
    CHECK(muster::ui::format_grouped(1234.56, 1) == "1,234.6");
    CHECK(muster::ui::format_grouped(999.96, 1) == "1,000.0");
    CHECK(muster::ui::format_grouped(1234567.0, 0) == "1,234,567");
}

TEST_CASE("Kyiv to Moscow: 757.1 km, initial bearing 036") {
    const muster::ui::Measurement there = muster::ui::measure(kyiv, moscow);
    CHECK(there.distance_m / 1000.0 == doctest::Approx(757.091).epsilon(0.1 / 757.0));
    CHECK(there.bearing_deg == doctest::Approx(36.03).epsilon(1.0 / 36.0));
    CHECK(muster::ui::format_measurement(there) == "757.1 km \u00b7 bearing 036\u00b0");
    // Back: a negative GeographicLib azimuth (-138.29) reads 0..360.
    const muster::ui::Measurement back = muster::ui::measure(moscow, kyiv);
    CHECK(back.bearing_deg == doctest::Approx(221.709).epsilon(1e-4));
    CHECK(muster::ui::format_measurement(back) == "757.1 km \u00b7 bearing 222\u00b0");
    CHECK(muster::ui::format_measurement(muster::ui::measure(kyiv, {50.4501, 30.5334})) ==
          "710 m \u00b7 bearing 090\u00b0");
    CHECK(muster::ui::format_measurement(muster::ui::measure(kyiv, {48.8566, 2.3522})) ==
          "2,029.7 km \u00b7 bearing 276\u00b0");
}

TEST_CASE("the geodesic polyline runs from A to B and stays continuous across 180") {
    const auto path = muster::ui::geodesic_points(kyiv, moscow, 16);
    REQUIRE(path.size() == 17);
    CHECK(path.front().lat == doctest::Approx(kyiv.lat));
    CHECK(path.back().lat == doctest::Approx(moscow.lat));
    CHECK(path.back().lon == doctest::Approx(moscow.lon));
    // A great circle bulges poleward of the rhumb line on a Mercator map.
    CHECK(path[8].lat > (kyiv.lat + moscow.lat) / 2.0);
    const auto pacific = muster::ui::geodesic_points({43.1, 131.9}, {61.2, -149.9}, 32);  // Vladivostok, Anchorage
    for (std::size_t i = 1; i < pacific.size(); ++i) CHECK(std::abs(pacific[i].lon - pacific[i - 1].lon) < 10.0);
    CHECK(pacific.back().lon == doctest::Approx(-149.9 + 360.0));
}

TEST_CASE("measure clicks: A, then B, then A again, Esc clears, M toggles") {
    muster::ui::MeasureState tool;
    muster::ui::add_measure_point(tool, kyiv);
    CHECK(tool.a == kyiv);
    CHECK_FALSE(tool.b);
    muster::ui::add_measure_point(tool, moscow);
    CHECK(tool.b == moscow);
    muster::ui::add_measure_point(tool, moscow);
    CHECK(tool.a == moscow);
    CHECK_FALSE(tool.b);

    HeadlessImGui imgui;
    ViewState state = europe_state();
    imgui.press(state, SDL_SCANCODE_M);
    REQUIRE(state.measure.active);
    const Camera before = state.camera;
    imgui.click(state, 300.0f, 200.0f);
    REQUIRE(state.measure.a);
    const ScreenPoint at = state.camera.to_screen(*state.measure.a);
    CHECK(at.x == doctest::Approx(300.0));
    CHECK(at.y == doctest::Approx(200.0));
    CHECK(state.camera.centre() == before.centre());  // a click does not pan
    imgui.click(state, 500.0f, 250.0f);
    CHECK(state.measure.b);
    // A drag pans and places no point.
    imgui.frame(state, 400.0f, 400.0f, false);
    imgui.frame(state, 400.0f, 400.0f, true);
    imgui.frame(state, 450.0f, 420.0f, true);
    imgui.frame(state, 450.0f, 420.0f, false);
    CHECK(state.measure.b);
    CHECK_FALSE(state.camera.centre() == before.centre());
    imgui.press(state, SDL_SCANCODE_ESCAPE);
    CHECK_FALSE(state.measure.a);
    CHECK_FALSE(state.measure.b);
    imgui.press(state, SDL_SCANCODE_M);
    CHECK_FALSE(state.measure.active);
}

TEST_CASE("search: a name becomes ranked hits with a zoom by kind") {
    using muster::PlaceKind;
    CHECK(muster::ui::zoom_for_kind(PlaceKind::country) < muster::ui::zoom_for_kind(PlaceKind::admin1));
    CHECK(muster::ui::zoom_for_kind(PlaceKind::admin1) < muster::ui::zoom_for_kind(PlaceKind::city));

    const auto hits = muster::ui::search_places(test_lookup(), "  Kyiv ");
    REQUIRE_FALSE(hits.empty());
    CHECK(hits.size() <= muster::ui::max_search_hits);
    CHECK(hits[0].id == "703448");
    CHECK(hits[0].kind == "city");
    CHECK(hits[0].country == "UA");
    CHECK(hits[0].zoom == 10.0);
    CHECK(muster::ui::search_places(test_lookup(), "Xyzzy").empty());
    CHECK(muster::ui::search_places(test_lookup(), "   ").empty());
    const auto ukraine = muster::ui::search_places(test_lookup(), "Ukraine");
    REQUIRE_FALSE(ukraine.empty());
    CHECK(ukraine[0].id == "UA");
    CHECK(ukraine[0].zoom == muster::ui::zoom_for_kind(PlaceKind::country));

    // Picking a hit pans there, then zooms about it.
    ViewState state = europe_state();
    muster::ui::fly_to_hit(state, hits[0]);
    CHECK(state.camera_target == hits[0].point);
    for (int i = 0; i < 200 && (state.camera_target || state.zoom_target); ++i) {
        muster::ui::step_fly_to(state, 0.3);
        muster::ui::step_zoom_to(state, 0.3);
    }
    CHECK(state.camera.zoom() == doctest::Approx(10.0));
    const ScreenPoint there = state.camera.to_screen(hits[0].point);
    CHECK(std::hypot(there.x - 400.0, there.y - 300.0) < 1.0);
}

TEST_CASE("typing Kyiv, Enter, Enter in the search box flies the map to Kyiv") {
    HeadlessImGui imgui;
    ViewState state = europe_state();
    imgui.idle(state, 2);
    imgui.press(state, SDL_SCANCODE_F, true);  // Ctrl+F
    imgui.idle(state, 2);
    imgui.frame(state, 700.0f, 500.0f, false, -1, "Kyiv");
    CHECK(std::string(state.search.text.data()) == "Kyiv");
    imgui.press(state, SDL_SCANCODE_RETURN);
    REQUIRE(state.search.open);
    REQUIRE_FALSE(state.search.hits.empty());
    CHECK(state.search.hits[0].id == "703448");
    imgui.press(state, SDL_SCANCODE_RETURN);  // the same text: picks the highlighted hit
    CHECK_FALSE(state.search.open);
    imgui.idle(state, 120);
    CHECK_FALSE(state.camera_target);
    CHECK_FALSE(state.zoom_target);
    CHECK(state.camera.zoom() == doctest::Approx(10.0));
    const ScreenPoint there = state.camera.to_screen(state.search.hits[0].point);
    CHECK(std::hypot(there.x - 400.0, there.y - 300.0) < 1.0);
}

TEST_CASE("an unknown name lists no match, Esc closes the list") {
    HeadlessImGui imgui;
    ViewState state = europe_state();
    imgui.idle(state, 2);
    imgui.press(state, SDL_SCANCODE_F, true);
    imgui.idle(state, 2);
    imgui.frame(state, 700.0f, 500.0f, false, -1, "Xyzzy");
    imgui.press(state, SDL_SCANCODE_RETURN);
    CHECK(state.search.open);
    CHECK(state.search.hits.empty());
    const Camera before = state.camera;
    imgui.press(state, SDL_SCANCODE_RETURN);  // nothing to pick: searches again, stays put
    CHECK(state.camera.centre() == before.centre());
    imgui.press(state, SDL_SCANCODE_ESCAPE);
    CHECK_FALSE(state.search.open);
}
