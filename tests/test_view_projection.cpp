// View -> Projection in the viewer: switching the map's projection keeps the
// place under the centre of the map, at the same ground scale.
#include "render/projection.hpp"
#include "ui/projection_menu.hpp"
#include "ui/view_state.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace muster;

namespace {

constexpr LatLon kyiv{50.4501, 30.5234};

ui::ViewState state_over_kyiv() {
    ui::ViewState state;
    state.camera = Camera({1200, 800});
    state.camera.set_zoom(7.0);
    state.camera.set_centre(kyiv);
    return state;
}

}  // namespace

TEST_CASE("switching the viewer to LAEA Europe and back keeps the place under the centre of the map") {
    ui::ViewState state = state_over_kyiv();
    const ScreenPoint middle{600.0, 400.0};
    const double metres = state.camera.metres_per_pixel_at(middle);
    const ScreenPoint east_of_kyiv = state.camera.to_screen(LatLon{kyiv.lat, kyiv.lon + 1.0});

    ui::switch_projection(state, "EPSG:3035");
    CHECK(state.camera.projection().id() == "EPSG:3035");
    CHECK(state.notice.empty());
    const LatLon centre = state.camera.to_lonlat(middle);
    CHECK(centre.lat == doctest::Approx(kyiv.lat).epsilon(1e-9));
    CHECK(centre.lon == doctest::Approx(kyiv.lon).epsilon(1e-9));
    CHECK(state.camera.metres_per_pixel_at(middle) == doctest::Approx(metres).epsilon(1e-6));
    // A degree east of Kyiv is about as far on screen as before (same ground
    // scale), though not in the same direction: LAEA turns meridians.
    const ScreenPoint now = state.camera.to_screen(LatLon{kyiv.lat, kyiv.lon + 1.0});
    CHECK(std::hypot(now.x - middle.x, now.y - middle.y) ==
          doctest::Approx(std::hypot(east_of_kyiv.x - middle.x, east_of_kyiv.y - middle.y)).epsilon(0.02));
    CHECK(now.y < east_of_kyiv.y - 1.0);  // east of 10 E the parallels rise to the east

    ui::switch_projection(state, "EPSG:3857");
    CHECK(state.camera.projection().id() == "EPSG:3857");
    CHECK(state.camera.zoom() == doctest::Approx(7.0).epsilon(1e-6));
    CHECK(state.camera.centre().lat == doctest::Approx(kyiv.lat).epsilon(1e-9));
}

TEST_CASE("a projection PROJ cannot use leaves the map as it was and says why") {
    ui::ViewState state = state_over_kyiv();
    ui::switch_projection(state, "EPSG:9999");
    CHECK(state.camera.projection().id() == "EPSG:3857");
    CHECK(state.notice == "projection EPSG:9999: unknown CRS");
    CHECK(state.camera.centre().lat == doctest::Approx(kyiv.lat).epsilon(1e-9));
}
