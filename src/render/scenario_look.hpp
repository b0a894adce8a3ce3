// A scenario's own look (scenario.hpp's MapView "camera", LayerState
// "layers" and Style "style") applied to what the renderer draws with, and
// read back from it when the viewer saves:
//
//   camera  centre + zoom win; else the bbox is framed; else muster frames the
//           scenario as it always has. The projection is switched to the
//           CRS named ("" Web Mercator).
//   layers  each named layer's visibility and opacity (layer_names(); other
//           names are left alone: the loader has warned about them)
//   style   colours by name onto the overlay's palettes, symbol and label
//           scales
//
// The zoom is web-map zoom at one pixel per point (render/camera.hpp): an
// image drawn at a larger size scale (a 3840x2160 poster, --scale 2) zooms in
// by log2 of that scale, so it shows the same area as the window did.
#pragma once

#include "core/geo.hpp"
#include "render/camera.hpp"
#include "render/headless_render.hpp"
#include "render/layers.hpp"
#include "render/projection.hpp"
#include "render/style.hpp"
#include "scenario/scenario.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace muster {

// The layer names a scenario file uses, in the Layers panel's order:
// annotations, deployments, place_labels, border_features, areas,
// city_labels, country_names, country_borders, countries, graticule.
const std::vector<std::string>& layer_names();

// The look of the layer of that name; nullptr for other names.
LayerLook* layer_named(LayerSettings& layers, std::string_view name);

// The scenario's layer states over `layers` (unknown names are skipped).
void apply_layer_states(const std::map<std::string, scenario::LayerState>& states, LayerSettings& layers);

// What the file stores for the layers: every layer whose look differs from
// the default, by name (opacity rounded to a hundredth, as the panel shows it).
std::map<std::string, scenario::LayerState> layer_states(const LayerSettings& layers);

// The style's colour names: friend, hostile, neutral, unknown (symbol fills),
// host, actor_friend, actor_hostile, actor_other (country fills), border,
// area, arrow (every movement arrow).
const std::vector<std::string>& style_colour_names();

// base with the scenario's style over it: named colours replace the
// palette's ("#RRGGBB"; anything else is left alone), symbol_scale scales
// the unit symbols' frames, label_scale the overlay's text.
MapStyle styled(MapStyle base, const scenario::Style& style);

// The projection the camera names: nullptr (Web Mercator) for "". Throws
// muster::Error "camera projection 'EPSG:9999': ..." when PROJ cannot use it.
ProjectionPtr camera_projection(const scenario::MapView& view);

// The camera the scenario's view asks for in a viewport, in `projection`:
// centre and zoom (zoom_offset added: log2 of the size scale), else the bbox
// fitted; nothing when the view has neither.
std::optional<Camera> scenario_camera(const scenario::MapView& view, PixelSize viewport, ProjectionPtr projection,
                                      double zoom_offset = 0.0);

// The view a camera shows, as the file stores it: centre, zoom (less
// zoom_offset), the projection's CRS ("" for Web Mercator); no bbox.
scenario::MapView map_view_of(const Camera& camera, double zoom_offset = 0.0);

// What `muster render` and script renders do with a scenario's look: its
// style and layers always; its projection unless the request has one
// (keep_projection: --projection given); its camera unless the request has
// a bbox or keep_view (--fit given).
void apply_scenario_look(const scenario::Scenario& scenario, HeadlessRenderRequest& request, bool keep_view,
                         bool keep_projection);

}  // namespace muster
