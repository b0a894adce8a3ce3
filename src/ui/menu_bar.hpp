// The window's main menu: File (open, recent, paste, save: document_menu.hpp;
// Export image, Export data, Screenshot; Quit), Edit (undo, redo), View
// (fit, layers, graticule, legend, scale bar, side panels, Inspector,
// measure tool, clear selection), Script (run a Lua script,
// script_menu.hpp), Help (About).
#pragma once

#include "ui/view_state.hpp"

namespace muster::ui {

void draw_menu_bar(ViewState& state);

}  // namespace muster::ui
