#include "render/scenario_look.hpp"

#include "core/error.hpp"
#include "render/annotations.hpp"

#include <algorithm>
#include <cmath>

namespace muster {
namespace {

// The bbox as an Extent: one across the antimeridian (west > east) runs
// east past 180.
Extent bbox_extent(const std::array<double, 4>& bbox) {
    Extent extent{bbox[0], bbox[1], bbox[2], bbox[3]};
    if (extent.max_lon <= extent.min_lon) extent.max_lon += 360.0;
    return extent;
}

double rounded_opacity(float opacity) { return std::round(static_cast<double>(opacity) * 100.0) / 100.0; }

}  // namespace

const std::vector<std::string>& layer_names() {
    static const std::vector<std::string> names{"annotations",  "deployments",   "place_labels",    "border_features",
                                                "areas",        "city_labels",   "country_names",   "country_borders",
                                                "countries",    "graticule"};
    return names;
}

LayerLook* layer_named(LayerSettings& layers, std::string_view name) {
    if (name == "annotations") return &layers.annotations;
    if (name == "deployments") return &layers.deployments;
    if (name == "place_labels") return &layers.place_labels;
    if (name == "border_features") return &layers.border_features;
    if (name == "areas") return &layers.areas;
    if (name == "city_labels") return &layers.city_labels;
    if (name == "country_names") return &layers.country_names;
    if (name == "country_borders") return &layers.country_borders;
    if (name == "countries") return &layers.countries;
    if (name == "graticule") return &layers.graticule;
    return nullptr;
}

void apply_layer_states(const std::map<std::string, scenario::LayerState>& states, LayerSettings& layers) {
    for (const auto& [name, state] : states) {
        if (LayerLook* look = layer_named(layers, name)) {
            look->visible = state.visible;
            look->opacity = static_cast<float>(std::clamp(state.opacity, 0.0, 1.0));
        }
    }
}

std::map<std::string, scenario::LayerState> layer_states(const LayerSettings& layers) {
    std::map<std::string, scenario::LayerState> states;
    LayerSettings copy = layers;
    for (const std::string& name : layer_names()) {
        const LayerLook& look = *layer_named(copy, name);
        if (look == LayerLook{}) continue;
        states[name] = scenario::LayerState{look.visible, rounded_opacity(look.opacity)};
    }
    return states;
}

const std::vector<std::string>& style_colour_names() {
    static const std::vector<std::string> names{"friend",        "hostile",       "neutral",     "unknown",
                                                "host",          "actor_friend",  "actor_hostile", "actor_other",
                                                "border",        "area",          "arrow"};
    return names;
}

MapStyle styled(MapStyle base, const scenario::Style& style) {
    OverlayStyle& o = base.overlay;
    for (const auto& [name, text] : style.colours) {
        const std::optional<Rgba> colour = parse_hex_colour(text);
        if (!colour) continue;  // the loader refuses such files; a hand-made model may still hold one
        if (name == "friend") o.symbols.friend_fill = *colour;
        else if (name == "hostile") o.symbols.hostile_fill = *colour;
        else if (name == "neutral") o.symbols.neutral_fill = *colour;
        else if (name == "unknown") o.symbols.unknown_fill = *colour;
        else if (name == "host") o.roles.host = *colour;
        else if (name == "actor_friend") o.roles.actor_friend = *colour;
        else if (name == "actor_hostile") o.roles.actor_hostile = *colour;
        else if (name == "actor_other") o.roles.actor_other = *colour;
        else if (name == "border") o.border_line = *colour;
        else if (name == "area") {
            o.area_hatch = colour->with_alpha(o.area_hatch.a);
            o.area_outline = *colour;
        } else if (name == "arrow") {
            o.arrow_hostile = o.arrow_friend = o.arrow_neutral = o.arrow_unknown = *colour;
        }
    }
    if (style.symbol_scale > 0.0) o.symbol_pt *= static_cast<float>(style.symbol_scale);
    if (style.label_scale > 0.0) o.label_scale *= static_cast<float>(style.label_scale);
    return base;
}

ProjectionPtr camera_projection(const scenario::MapView& view) {
    if (view.projection.empty()) return nullptr;
    try {
        return make_projection(view.projection);
    } catch (const Error& error) {
        throw Error("camera projection '" + view.projection + "': " + error.what());
    }
}

std::optional<Camera> scenario_camera(const scenario::MapView& view, PixelSize viewport, ProjectionPtr projection,
                                      double zoom_offset) {
    if (view.center && view.zoom) {
        Camera camera(viewport, std::move(projection));
        camera.set_zoom(*view.zoom + zoom_offset);
        camera.set_centre(*view.center);
        return camera;
    }
    if (view.bbox) return Camera::fit(bbox_extent(*view.bbox), viewport, std::move(projection));
    return std::nullopt;
}

scenario::MapView map_view_of(const Camera& camera, double zoom_offset) {
    scenario::MapView view;
    view.center = camera.centre();
    // Rounded to what a reader of the file cares about: about a metre, a
    // thousandth of a zoom level.
    view.center->lat = std::round(view.center->lat * 1e5) / 1e5;
    view.center->lon = std::round(view.center->lon * 1e5) / 1e5;
    view.zoom = std::round((camera.zoom() - zoom_offset) * 1000.0) / 1000.0;
    if (camera.projection_ptr() != web_mercator()) view.projection = camera.projection().id();
    return view;
}

void apply_scenario_look(const scenario::Scenario& scenario, HeadlessRenderRequest& request, bool keep_view,
                         bool keep_projection) {
    request.style = styled(request.style, scenario.style);
    apply_layer_states(scenario.layers, request.layers);
    if (!scenario.camera) return;
    const scenario::MapView& view = *scenario.camera;
    if (!keep_projection) request.projection = camera_projection(view);
    if (keep_view || request.bbox) return;
    if (view.center && view.zoom) {
        request.centre = view.center;
        request.zoom = *view.zoom;
    } else if (view.bbox) {
        request.bbox = bbox_extent(*view.bbox);
    }
}

}  // namespace muster
