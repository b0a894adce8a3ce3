// Map navigation through Dear ImGui's input state, without a window: each
// "frame" sets the mouse as the SDL backend would, then runs the same
// handle_map_input() the viewer calls.
#include "ui/map_input.hpp"
#include "ui/view_state.hpp"

#include "headless_imgui.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

using muster::Camera;
using muster::LatLon;
using muster::ScreenPoint;
using muster::ui::ViewState;

namespace {

// The shared headless context (headless_imgui.hpp) and this test's frame loop.
class HeadlessImGui : public muster::test::HeadlessImGuiContext {
public:

    // One frame with the mouse at (x, y), the left button as given, and wheel notches.
    void frame(ViewState& state, float x, float y, bool left_down, float wheel = 0.0f, float pixel_ratio = 1.0f) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = left_down;
        io.MouseWheel = wheel;
        ImGui::NewFrame();
        muster::ui::handle_map_input(state, pixel_ratio);
        ImGui::EndFrame();
    }
};

ViewState europe_state() {
    ViewState state;
    state.camera = Camera({800, 600});
    state.camera.set_zoom(5.0);
    state.camera.set_centre({50.0, 30.0});
    return state;
}

}  // namespace

TEST_CASE("the wheel zooms about the pointer") {
    HeadlessImGui imgui;
    ViewState state = europe_state();
    imgui.frame(state, 300.0f, 200.0f, false);
    const LatLon under_pointer = state.camera.to_lonlat({300.0, 200.0});
    imgui.frame(state, 300.0f, 200.0f, false, 1.0f);
    CHECK(state.camera.zoom() == doctest::Approx(5.0 + muster::ui::wheel_zoom_step));
    const LatLon after = state.camera.to_lonlat({300.0, 200.0});
    CHECK(after.lat == doctest::Approx(under_pointer.lat).epsilon(1e-9));
    CHECK(after.lon == doctest::Approx(under_pointer.lon).epsilon(1e-9));
}

TEST_CASE("a double-click zooms in about the pointer, Shift+double-click out") {
    HeadlessImGui imgui;
    ViewState state = europe_state();
    imgui.frame(state, 300.0f, 200.0f, false);
    const LatLon under_pointer = state.camera.to_lonlat({300.0, 200.0});
    imgui.frame(state, 300.0f, 200.0f, true);   // first click
    imgui.frame(state, 300.0f, 200.0f, false);
    CHECK(state.camera.zoom() == doctest::Approx(5.0));
    imgui.frame(state, 300.0f, 200.0f, true);   // second click, within the double-click time
    CHECK(state.camera.zoom() == doctest::Approx(6.0));
    const LatLon after = state.camera.to_lonlat({300.0, 200.0});
    CHECK(after.lat == doctest::Approx(under_pointer.lat).epsilon(1e-9));
    CHECK(after.lon == doctest::Approx(under_pointer.lon).epsilon(1e-9));
}

TEST_CASE("a pinch zooms about its centre once") {
    HeadlessImGui imgui;
    ViewState state = europe_state();
    const LatLon at_centre = state.camera.to_lonlat({600.0, 150.0});
    state.pinch_zoom = 0.75;
    state.pinch_centre = ScreenPoint{600.0, 150.0};
    imgui.frame(state, 100.0f, 100.0f, false);
    CHECK(state.camera.zoom() == doctest::Approx(5.75));
    const LatLon after = state.camera.to_lonlat({600.0, 150.0});
    CHECK(after.lat == doctest::Approx(at_centre.lat).epsilon(1e-9));
    CHECK(state.pinch_zoom == 0.0);
    imgui.frame(state, 100.0f, 100.0f, false);
    CHECK(state.camera.zoom() == doctest::Approx(5.75));
}

TEST_CASE("dragging pans the map with the pointer") {
    HeadlessImGui imgui;
    ViewState state = europe_state();
    imgui.frame(state, 100.0f, 100.0f, false);
    const LatLon grabbed = state.camera.to_lonlat({100.0, 100.0});
    imgui.frame(state, 100.0f, 100.0f, true);   // press
    imgui.frame(state, 160.0f, 130.0f, true);   // drag
    imgui.frame(state, 220.0f, 160.0f, true);   // drag further
    imgui.frame(state, 220.0f, 160.0f, false);  // release
    // The place grabbed stays under the pointer.
    const ScreenPoint now = state.camera.to_screen(grabbed);
    CHECK(now.x == doctest::Approx(220.0));
    CHECK(now.y == doctest::Approx(160.0));
    CHECK_FALSE(state.dragging_map);
}

TEST_CASE("on a high-DPI screen pointer points become drawable pixels") {
    HeadlessImGui imgui;
    ViewState state = europe_state();  // camera in drawable pixels (800x600 = 400x300 points at 2x)
    imgui.frame(state, 100.0f, 50.0f, false, 0.0f, 2.0f);
    REQUIRE(state.cursor);
    const LatLon expected = state.camera.to_lonlat({200.0, 100.0});
    CHECK(state.cursor->lat == doctest::Approx(expected.lat));
    CHECK(state.cursor->lon == doctest::Approx(expected.lon));
}

TEST_CASE("the cursor position is reported while over the map") {
    HeadlessImGui imgui;
    ViewState state = europe_state();
    imgui.frame(state, 400.0f, 300.0f, false);
    REQUIRE(state.cursor);
    CHECK(state.cursor->lat == doctest::Approx(50.0));
    CHECK(state.cursor->lon == doctest::Approx(30.0));
}
