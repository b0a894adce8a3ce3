// File -> Paste article (Ctrl+Shift+V): a dialog with a large text box for an
// article copied from a web page or an e-mail. "Extract" (or Ctrl+Enter)
// turns it into the open scenario, its source titled by its first line,
// asking first when the current document has unsaved edits.
#pragma once

#include "ui/view_state.hpp"

namespace muster::ui {

// Opens the dialog, keeping text pasted earlier.
void open_paste_article(ViewState& state);

// Whether the text holds anything to extract (not only white space).
bool has_article_text(const std::string& text);

void draw_paste_article(ViewState& state);

}  // namespace muster::ui
