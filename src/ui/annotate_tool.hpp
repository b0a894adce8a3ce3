// Edit -> Add label and Edit -> Add arrow: annotations drawn by clicking on
// the map. A label takes one click (where its text goes), an arrow two
// (from, to: a line along the great circle with its head at the second).
// The new annotation is an edit like any other (undo removes it); its text
// and colour are then edited in the Inspector's Annotations list (with
// nothing selected). Esc, or choosing the menu item again, cancels. While
// the tool is on, clicks do not select, and dragging still pans.
#pragma once

#include "core/geo.hpp"
#include "ui/view_state.hpp"

#include <string>

struct ImDrawList;

namespace muster::ui {

// Starts drawing a "label" or an "arrow" ("" stops).
void start_annotating(ViewState& state, const std::string& kind);

// One click of the tool at `point`: the annotation is added to the
// scenario once it has its points. Returns its id then, else "".
std::string add_annotation_point(ViewState& state, LatLon point);

// Esc cancels; a click on the map (not a drag) adds a point.
void handle_annotate_input(ViewState& state, float pixel_ratio);

// The arrow's first point while the second is awaited.
void draw_annotate_marks(ImDrawList* list, const ViewState& state, float pixel_ratio);

}  // namespace muster::ui
