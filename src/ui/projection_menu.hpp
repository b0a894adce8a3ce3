// View -> Projection: the map's projection, switched in place. The place
// under the centre of the map stays there, at the same ground scale (metres
// per pixel), so switching reads as a change of view, not a jump.
#pragma once

#include "ui/view_state.hpp"

#include <string>

namespace muster::ui {

// The items of the submenu (call between BeginMenu and EndMenu): the
// projections of projection_menu, and the current one when it is another
// (given with --projection), checked.
void draw_projection_items(ViewState& state);

// Switches the map to crs (anything make_projection accepts). A CRS PROJ
// cannot use leaves the map as it is and says why in state.notice.
void switch_projection(ViewState& state, const std::string& crs);

}  // namespace muster::ui
