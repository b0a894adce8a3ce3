// The window's main menu: File (Export image, Export data, Screenshot,
// Quit), View (fit, graticule, legend, scale bar, side panels, measure
// tool, clear selection), Help (About).
#pragma once

#include "ui/view_state.hpp"

namespace muster::ui {

void draw_menu_bar(ViewState& state);

}  // namespace muster::ui
