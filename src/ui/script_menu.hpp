// Script → Run script…: runs a Lua script (docs/scripting.md) against the
// open scenario. The dialog takes the script's path and an optional output
// folder (as `muster script --out`); the run happens between frames, in
// run_requested_script(), and whatever muster.scenario holds at the end
// becomes what the map shows. The dialog lists what the script printed and
// its error with file and line; the error also goes to the status bar.
#pragma once

#include "ui/view_state.hpp"

#include <string>

namespace muster::ui {

// The "Script" menu of the main menu bar (between BeginMainMenuBar and End).
void draw_script_menu(ViewState& state);

// The Run script dialog, while open.
void draw_script_window(ViewState& state);

// Fills the dialog and asks for a run, as the Run button does (`muster view
// --script FILE`, for screenshots and tests).
void request_script_run(ViewState& state, const std::string& path, const std::string& output_folder);

// Runs the script the dialog asked for, if it did; returns whether it ran.
// Call outside any ImGui frame: a script that renders images creates its own
// OpenGL and ImGui contexts. The current ImGui context is restored here; the
// caller makes its OpenGL context current again.
bool run_requested_script(ViewState& state);

}  // namespace muster::ui
