// The strip along the bottom of the window: cursor position (lat/lon and
// MGRS, grid_reference.hpp), scale at the cursor's latitude ("10 km = 83 px",
// camera pixels), zoom, level of detail, frame time.
#pragma once

#include "core/geo.hpp"
#include "ui/view_state.hpp"

#include <string>

namespace muster::ui {

// "50.4501° N, 30.5234° E": four decimals (about 10 m), hemisphere letters.
std::string format_lat_lon(LatLon position);

// Height of the bar in points, so other panels can stay clear of it.
float status_bar_height();

void draw_status_bar(const ViewState& state);

}  // namespace muster::ui
