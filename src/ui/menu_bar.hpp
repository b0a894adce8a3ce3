// The window's main menu: File (open, recent, paste, save: document_menu.hpp;
// Quit), Edit (undo, redo), View (fit, graticule, layers, side panels,
// Inspector, measure tool, clear selection), Script (run a Lua script,
// script_menu.hpp), Help (About).
#pragma once

#include "ui/view_state.hpp"

namespace muster::ui {

void draw_menu_bar(ViewState& state);

}  // namespace muster::ui
