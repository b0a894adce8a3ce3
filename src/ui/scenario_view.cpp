#include "ui/scenario_view.hpp"

#include "core/error.hpp"
#include "render/scenario_look.hpp"
#include "ui/selection.hpp"

#include <algorithm>
#include <cmath>

namespace muster::ui {

void adopt_scenario_look(ViewState& state) {
    apply_layer_states(state.scenario.layers, state.layers);
    if (!state.scenario.camera) return;
    try {
        state.camera.set_projection(camera_projection(*state.scenario.camera));
    } catch (const Error& error) {
        state.notice = error.what();  // the map stays in the projection it had
    }
}

std::optional<Camera> scenario_home_camera(const ViewState& state, PixelSize drawable, float pixel_ratio) {
    if (!state.scenario.camera) return std::nullopt;
    const scenario::MapView& view = *state.scenario.camera;
    const ProjectionPtr& projection = state.camera.projection_ptr();
    const double zoom_offset = std::log2(static_cast<double>(std::max(pixel_ratio, 0.01f)));
    if (view.center && view.zoom) {
        Camera camera(drawable, projection);
        camera.set_zoom(*view.zoom + zoom_offset);
        return camera_centred_on(camera, *view.center, state.map_left_px, state.map_right_px);
    }
    if (!view.bbox) return std::nullopt;
    // The bbox fitted into the free area, then centred there.
    const int left = static_cast<int>(state.map_left_px), right = static_cast<int>(state.map_right_px);
    const PixelSize free_area{std::max(drawable.width - left - right, 1), drawable.height};
    const std::optional<Camera> fitted = scenario_camera(view, free_area, projection);
    if (!fitted) return std::nullopt;
    Camera camera(drawable, projection);
    camera.set_zoom(fitted->zoom());
    return camera_centred_on(camera, fitted->centre(), state.map_left_px, state.map_right_px);
}

void store_view_in_scenario(ViewState& state) {
    const double zoom_offset = std::log2(static_cast<double>(std::max(state.pixel_ratio, 0.01f)));
    scenario::MapView view = map_view_of(state.camera, zoom_offset);
    // The middle of what the panels leave free, where Home puts it back.
    const PixelSize viewport = state.camera.viewport();
    const double middle_x = (state.map_left_px + viewport.width - state.map_right_px) / 2.0;
    if (const auto centre = state.camera.lonlat_at({middle_x, viewport.height / 2.0})) {
        view.center = LatLon{std::round(centre->lat * 1e5) / 1e5, std::round(centre->lon * 1e5) / 1e5};
    }
    const std::map<std::string, scenario::LayerState> layers = layer_states(state.layers);
    DocumentState& doc = state.document;
    const bool baseline = doc.last_seen == state.scenario;
    state.scenario.camera = view;
    state.scenario.layers = layers;
    if (baseline) doc.last_seen = state.scenario;  // no undo step of its own
}

bool same_apart_from_view(const scenario::Scenario& a, const scenario::Scenario& b) {
    if (a.camera == b.camera && a.layers == b.layers) return a == b;
    scenario::Scenario viewed = a;
    viewed.camera = b.camera;
    viewed.layers = b.layers;
    return viewed == b;
}

}  // namespace muster::ui
