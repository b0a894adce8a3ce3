// The window's main menu: File (open, recent, paste, save: document_menu.hpp;
// Quit), Edit (undo, redo), View (fit, graticule, side panels, Inspector,
// measure tool, clear selection), Help (About).
#pragma once

#include "ui/view_state.hpp"

namespace muster::ui {

void draw_menu_bar(ViewState& state);

}  // namespace muster::ui
