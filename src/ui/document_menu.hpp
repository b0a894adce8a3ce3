// The document's menus, shortcuts and dialogs:
//
//   File   Open… (Ctrl+O), Open recent (the last 10), Paste article…
//          (Ctrl+Shift+V), Save scenario (Ctrl+S), Save as… (Ctrl+Shift+S),
//          Reload (the scenario file as it is on disk: file_watch.hpp)
//   Edit   Undo (Ctrl+Z), Redo (Ctrl+Shift+Z or Ctrl+Y)
//
// and the dialogs they lead to: the file browser, the paste box, "save
// changes?" and the one-line error box. The actions themselves are in
// document.hpp.
#pragma once

#include "ui/view_state.hpp"

namespace muster::ui {

// Items for the File menu (the caller owns BeginMenu/EndMenu).
void draw_file_menu_items(ViewState& state);

// The whole Edit menu.
void draw_edit_menu(ViewState& state);

// Keyboard shortcuts of the items above. Undo and redo leave a text field
// that has the keyboard to its own undo.
void handle_document_shortcuts(ViewState& state);

// The modal dialogs: file browser, paste box, "save changes?", errors.
void draw_document_dialogs(ViewState& state);

}  // namespace muster::ui
