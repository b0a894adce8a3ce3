// Mouse and keyboard on the map itself (where no panel has the pointer):
// drag pans, the wheel zooms about the cursor, +/- zoom about the centre,
// arrow keys pan, Home shows the whole world, Ctrl+Q quits.
#pragma once

#include "ui/view_state.hpp"

namespace muster::ui {

// Zoom change per wheel notch: half a level (the scale changes by sqrt(2)).
inline constexpr double wheel_zoom_step = 0.5;

// Reads this frame's Dear ImGui input and updates state.camera, state.cursor
// and the requests. pixel_ratio converts ImGui's points to drawable pixels.
void handle_map_input(ViewState& state, float pixel_ratio);

}  // namespace muster::ui
