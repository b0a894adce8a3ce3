// The scenario's own camera, projection and layer looks in the window
// (render/scenario_look.hpp does the conversions):
//
//   * opening a scenario (File -> Open, drag and drop, the command line)
//     switches to its camera's projection and applies its layer looks; the
//     Home view (and the first view) is its camera: centre and zoom in the
//     middle of the part of the window the panels leave free, else its bbox
//     framed there, else the scenario framed as before;
//   * Save writes the current view (the free area's centre, the zoom at one
//     pixel per point, the projection) and the layer looks into the scenario.
//
// Panning, zooming and changing layers do not mark the document as changed:
// they are how the analyst looks at it, not edits of it; they go into the
// file with the next save of an edit (or an explicit Save).
#pragma once

#include "render/camera.hpp"
#include "ui/view_state.hpp"

#include <optional>

namespace muster::ui {

// Applies the scenario's layer looks to state.layers and switches
// state.camera to its camera's projection (a CRS PROJ cannot use is left
// out, with a notice). Call when a document is started.
void adopt_scenario_look(ViewState& state);

// The scenario camera's view of the window's free area, or nothing when the
// scenario keeps no centre and zoom or bbox.
std::optional<Camera> scenario_home_camera(const ViewState& state, PixelSize drawable, float pixel_ratio);

// Writes the view and the layer looks into state.scenario (and into the
// undo baseline, so writing them is no edit of its own). Call before saving.
void store_view_in_scenario(ViewState& state);

// Whether two scenarios differ at most in their view (camera and layer
// looks): a file that differs from what was saved only there is our own
// save, and reloading would only move the map away from where it is.
bool same_apart_from_view(const scenario::Scenario& a, const scenario::Scenario& b);

}  // namespace muster::ui
